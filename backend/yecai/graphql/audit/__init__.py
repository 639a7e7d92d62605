"""The audit trail's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.audit.queries import AuditQueries
from yecai.graphql.audit.types import AuditEvent

API = DomainApi(query=AuditQueries, nodes=(AuditEvent,))
