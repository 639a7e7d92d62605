"""Performance's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.performance import types as t
from yecai.graphql.performance.mutations import PerformanceMutations
from yecai.graphql.performance.queries import PerformanceQueries

API = DomainApi(query=PerformanceQueries, mutation=PerformanceMutations,
                nodes=(t.EvaluationCycle, t.Indicator, t.ScorecardTemplate, t.Scorecard))
