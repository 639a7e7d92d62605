"""Search's part of the API: results with facets, the type-ahead, recent searches, the index's status."""

from yecai.graphql.api import DomainApi
from yecai.graphql.search import types as t
from yecai.graphql.search.mutations import SearchMutations
from yecai.graphql.search.queries import SearchQueries

API = DomainApi(query=SearchQueries, mutation=SearchMutations, types=(t.SearchStatus,), nodes=(t.SearchSynonymGroup,))
