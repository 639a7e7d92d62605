"""The work calendar's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.workdays.mutations import WorkdaysMutations
from yecai.graphql.workdays.queries import WorkdaysQueries

API = DomainApi(query=WorkdaysQueries, mutation=WorkdaysMutations)
