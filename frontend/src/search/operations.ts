import { graphql } from '../gql';

/** What a result row shows: kind, highlighted title and snippet, where it opens, its department and date. */
export const SearchHitFields = graphql(`
  fragment SearchHitFields on SearchHit {
    kind
    url
    object {
      ... on Node {
        id
      }
    }
    date
    title {
      text
      matched
    }
    snippet {
      text
      matched
    }
    department {
      id
      name
    }
  }
`);

/** The header's type-ahead: the best few objects for what is typed so far. */
export const SearchSuggestQuery = graphql(`
  query SearchSuggest($prefix: String!, $first: Int!) {
    searchSuggest(prefix: $prefix, first: $first) {
      ...SearchHitFields
    }
  }
`);

export const RecentSearchesQuery = graphql(`
  query RecentSearches {
    recentSearches
  }
`);

export const ClearRecentSearchesMutation = graphql(`
  mutation ClearRecentSearches {
    clearRecentSearches {
      __typename
      ... on ClearRecentSearchesSuccess {
        cleared
      }
      ... on ClearRecentSearchesError {
        code
        field
        message
      }
    }
  }
`);

/** The results page: one page of hits with the counts per kind and department. */
export const SearchQuery = graphql(`
  query Search(
    $query: String!
    $kinds: [SearchKind!]
    $departments: [ID]
    $from: Date
    $to: Date
    $sort: SearchSort!
    $first: Int!
    $after: String
  ) {
    search(query: $query, kinds: $kinds, departments: $departments, from: $from, to: $to, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      facets {
        kinds {
          kind
          count
        }
        departments {
          count
          department {
            id
            name
          }
        }
      }
      edges {
        cursor
        node {
          ...SearchHitFields
        }
      }
    }
  }
`);

export const RememberSearchMutation = graphql(`
  mutation RememberSearch($input: RememberSearchInput!) {
    rememberSearch(input: $input) {
      __typename
      ... on RememberSearchSuccess {
        query
      }
      ... on RememberSearchError {
        code
        field
        message
      }
    }
  }
`);

/** The index's status for the admin page (needs SEARCH_MANAGE). */
export const SearchStatusQuery = graphql(`
  query SearchStatus {
    searchStatus {
      engine
      kinds {
        kind
        documents
      }
      backlog
      oldestPendingAt
      applied
      lastAppliedAt
      failures
      lastError
      lastErrorAt
      worker
      workerLeaseUntil
      engineError
      misses {
        query
        count
        lastAt
      }
    }
  }
`);

export const RebuildSearchIndexMutation = graphql(`
  mutation RebuildSearchIndex($input: RebuildSearchIndexInput!) {
    rebuildSearchIndex(input: $input) {
      __typename
      ... on RebuildSearchIndexSuccess {
        queued
      }
      ... on RebuildSearchIndexError {
        code
        field
        message
      }
    }
  }
`);

export const SearchSynonymsQuery = graphql(`
  query SearchSynonyms {
    searchSynonyms {
      id
      terms
      updatedAt
    }
  }
`);

export const SaveSearchSynonymsMutation = graphql(`
  mutation SaveSearchSynonyms($input: SaveSearchSynonymsInput!) {
    saveSearchSynonyms(input: $input) {
      __typename
      ... on SaveSearchSynonymsSuccess {
        group {
          id
          terms
        }
      }
      ... on SaveSearchSynonymsError {
        code
        field
        message
      }
    }
  }
`);

export const DeleteSearchSynonymsMutation = graphql(`
  mutation DeleteSearchSynonyms($input: DeleteSearchSynonymsInput!) {
    deleteSearchSynonyms(input: $input) {
      __typename
      ... on DeleteSearchSynonymsError {
        code
        field
        message
      }
    }
  }
`);
