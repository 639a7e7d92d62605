"""Queries of the audit trail."""

from datetime import datetime
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai import validation as v
from yecai.audit import models, service
from yecai.graphql.audit.types import AuditEvent
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.pagination import paginate


@strawberry.type
class AuditQueries:
    @strawberry.field(description="Audit events, newest first, filtered. Needs `audit.read`.")
    async def audit_events(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                           action: Optional[str] = None, actor_id: Optional[strawberry.ID] = None,
                           subject_type: Optional[str] = None, subject_id: Optional[str] = None,
                           since: Optional[datetime] = None, until: Optional[datetime] = None) -> Optional[Connection[AuditEvent]]:
        async def run() -> Connection[AuditEvent]:
            f = service.AuditFilter(
                action=v.text(action, "action", max_len=64, required=False),
                actor_id=decode_optional_id(actor_id, "User", "actorId"),
                subject_type=v.text(subject_type, "subjectType", max_len=64, required=False),
                subject_id=v.text(subject_id, "subjectId", max_len=64, required=False),
                since=since, until=until,
            )
            stmt = service.events_query(actor=info.context.actor, f=f)
            page = await paginate(info.context.session, stmt, order=[(models.AuditEvent.seq, True)],
                                  first=first, after=after)
            return connection(page, AuditEvent.from_model)

        return await guarded(info, run)
