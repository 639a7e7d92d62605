"""Identity and access's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.audit.types import AuditEvent
from yecai.graphql.auth.mutations import AuthMutations
from yecai.graphql.auth.queries import AuthQueries
from yecai.graphql.auth.types import ApiToken, AuditEventActor, Role, User

API = DomainApi(query=AuthQueries, mutation=AuthMutations, nodes=(User, Role, ApiToken),
                extends=((AuditEvent, AuditEventActor),))
