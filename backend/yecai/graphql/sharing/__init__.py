"""Information sharing's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.sharing import types as t
from yecai.graphql.sharing.mutations import SharingMutations
from yecai.graphql.sharing.queries import SharingQueries

API = DomainApi(query=SharingQueries, mutation=SharingMutations, nodes=(t.SharingRule, t.Publication))
