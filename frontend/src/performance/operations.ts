import { graphql } from '../gql';

export const EvaluationCycleFields = graphql(`
  fragment EvaluationCycleFields on EvaluationCycle {
    id
    name
    kind
    periodStart
    periodEnd
    state
    selfAssessmentDue
    managerAssessmentDue
    calibrationDue
    forcedDistribution
    publishedAt
    viewerCan {
      open
      advance
      compute
      publish
      close
      calibrate
    }
  }
`);

export const EvaluationCyclesQuery = graphql(`
  query EvaluationCycles($first: Int!, $after: String) {
    evaluationCycles(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          ...EvaluationCycleFields
        }
      }
    }
  }
`);

export const EvaluationCycleQuery = graphql(`
  query EvaluationCycle($id: ID!) {
    node(id: $id) {
      __typename
      ... on EvaluationCycle {
        ...EvaluationCycleFields
        gradeDistribution {
          a
          b
          c
          d
          none
        }
      }
    }
  }
`);

export const ScorecardFields = graphql(`
  fragment ScorecardFields on Scorecard {
    id
    subject
    user {
      id
      displayName
    }
    department {
      id
      name
    }
    template {
      id
      name
    }
    cycle {
      id
      name
      state
    }
    computedScore
    calibratedScore
    finalScore
    grade
    calibrationReason
    lines {
      weight
      value
      noData
      counted
      score
      indicator {
        id
        code
        name
        kind
        formula
        unit
        rater
      }
    }
    assessments {
      relation
      score
      comment
      submittedAt
      indicatorId
      assessor {
        id
        displayName
      }
    }
    viewerCan {
      assessAs
      calibrate
    }
  }
`);

export const ScorecardEvidenceQuery = graphql(`
  query ScorecardEvidence($id: ID!) {
    node(id: $id) {
      __typename
      ... on Scorecard {
        id
        lines {
          indicator {
            id
          }
          evidence(first: 100) {
            type
            id
            met
            link
          }
        }
      }
    }
  }
`);

export const ScorecardsQuery = graphql(`
  query Scorecards($first: Int!, $after: String, $cycleId: ID, $mine: Boolean) {
    scorecards(first: $first, after: $after, cycleId: $cycleId, mine: $mine) {
      ...PagedFields
      edges {
        node {
          ...ScorecardFields
        }
      }
    }
  }
`);

export const CreateEvaluationCycleMutation = graphql(`
  mutation CreateEvaluationCycle($input: CreateEvaluationCycleInput!) {
    createEvaluationCycle(input: $input) {
      __typename
      ... on CreateEvaluationCycleSuccess {
        cycle {
          ...EvaluationCycleFields
        }
      }
      ... on CreateEvaluationCycleError {
        code
        field
        message
      }
    }
  }
`);

export const OpenEvaluationCycleMutation = graphql(`
  mutation OpenEvaluationCycle($input: CycleIdInput!) {
    openEvaluationCycle(input: $input) {
      __typename
      ... on OpenEvaluationCycleSuccess {
        cycle {
          ...EvaluationCycleFields
        }
      }
      ... on OpenEvaluationCycleError {
        code
        field
        message
      }
    }
  }
`);

export const AdvanceEvaluationCycleMutation = graphql(`
  mutation AdvanceEvaluationCycle($input: CycleIdInput!) {
    advanceEvaluationCycle(input: $input) {
      __typename
      ... on AdvanceEvaluationCycleSuccess {
        cycle {
          ...EvaluationCycleFields
        }
      }
      ... on AdvanceEvaluationCycleError {
        code
        field
        message
      }
    }
  }
`);

export const PublishEvaluationCycleMutation = graphql(`
  mutation PublishEvaluationCycle($input: CycleIdInput!) {
    publishEvaluationCycle(input: $input) {
      __typename
      ... on PublishEvaluationCycleSuccess {
        cycle {
          ...EvaluationCycleFields
        }
      }
      ... on PublishEvaluationCycleError {
        code
        field
        message
      }
    }
  }
`);

export const CloseEvaluationCycleMutation = graphql(`
  mutation CloseEvaluationCycle($input: CycleIdInput!) {
    closeEvaluationCycle(input: $input) {
      __typename
      ... on CloseEvaluationCycleSuccess {
        cycle {
          ...EvaluationCycleFields
        }
      }
      ... on CloseEvaluationCycleError {
        code
        field
        message
      }
    }
  }
`);

export const SubmitAssessmentMutation = graphql(`
  mutation SubmitAssessment($input: SubmitAssessmentInput!) {
    submitAssessment(input: $input) {
      __typename
      ... on SubmitAssessmentSuccess {
        assessment {
          relation
          score
        }
      }
      ... on SubmitAssessmentError {
        code
        field
        message
      }
    }
  }
`);

export const CalibrateScoreMutation = graphql(`
  mutation CalibrateScore($input: CalibrateScoreInput!) {
    calibrateScore(input: $input) {
      __typename
      ... on CalibrateScoreSuccess {
        scorecard {
          ...ScorecardFields
        }
      }
      ... on CalibrateScoreError {
        code
        field
        message
      }
    }
  }
`);
