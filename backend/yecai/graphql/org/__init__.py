"""The organisation's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.org.mutations import OrgMutations
from yecai.graphql.org.queries import OrgQueries
from yecai.graphql.org.types import Department

API = DomainApi(query=OrgQueries, mutation=OrgMutations, nodes=(Department,))
