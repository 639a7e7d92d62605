"""GraphQL types of the audit trail."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.audit import models, policies
from yecai.graphql.base import pk


@strawberry.type(description="One change in the tamper-evident audit trail (审计日志).")
class AuditEvent(relay.Node):
    id: relay.NodeID[int]
    seq: int = strawberry.field(description="Position in the hash chain.")
    occurred_at: datetime
    actor_username: Optional[str] = strawberry.field(description="Who acted; 'system' or a command for non-users.")
    action: str
    subject_type: str
    subject_id: Optional[str]
    before: Optional[JSON]
    after: Optional[JSON]
    request_id: Optional[str]
    client_address: Optional[str]
    hash: str = strawberry.field(description="SHA-256 of this event's content and the previous event's hash.")
    _model: strawberry.Private[models.AuditEvent]

    @classmethod
    def from_model(cls, m: models.AuditEvent) -> "AuditEvent":
        return cls(id=m.seq, seq=m.seq, occurred_at=m.occurred_at, actor_username=m.actor_username, action=m.action,
                   subject_type=m.subject_type, subject_id=m.subject_id, before=m.before, after=m.after,
                   request_id=m.request_id, client_address=m.client_address, hash=m.hash, _model=m)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        # Audit events are keyed by their place in the chain (seq), not an id column.
        ids = [pk(i) for i in node_ids]
        if not policies.can_read_audit(info.context.actor):
            return [None for _ in ids]
        session = info.context.session
        rows = [await session.get(models.AuditEvent, i) if i else None for i in ids]
        return [cls.from_model(r) if r else None for r in rows]
