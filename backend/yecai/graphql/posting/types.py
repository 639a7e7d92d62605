"""GraphQL types of posting rules, previews, replays and reconciliation."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.ledger.types import Account, Direction
from yecai.graphql.org.types import _int
from yecai.posting import models
from yecai.posting import permissions as p


def _can_read(info: Info) -> bool:
    return info.context.actor.has(p.POSTING_READ)


@strawberry.type(description="A published, immutable version of a posting rule.")
class PostingRuleVersion(relay.Node):
    id: relay.NodeID[int]
    version: int
    definition: JSON
    note: str
    published_at: dt.datetime
    _model: strawberry.Private[models.PostingRuleVersion]

    @classmethod
    def from_model(cls, m: models.PostingRuleVersion) -> "PostingRuleVersion":
        return cls(id=m.id, version=m.version, definition=m.definition, note=m.note, published_at=m.published_at,
                   _model=m)

    @strawberry.field
    async def rule(self, info: Info) -> "PostingRule":
        return PostingRule.from_model(await info.context.loaders.by_id(models.PostingRule).load(self._model.rule_id))

    @strawberry.field
    async def published_by(self, info: Info) -> Optional[User]:
        if self._model.published_by_id is None:
            return None
        row = await info.context.loaders.user.load(self._model.published_by_id)
        return User.from_model(row) if row else None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        ids = [_int(i) for i in node_ids]
        if not _can_read(info):
            return [None for _ in ids]
        rows = await info.context.loaders.by_id(models.PostingRuleVersion).load_many([i or 0 for i in ids])
        return [cls.from_model(r) if r else None for r in rows]


@strawberry.type(description="A posting rule (记账规则): for one business event type, the voucher to write.")
class PostingRule(relay.Node):
    id: relay.NodeID[int]
    code: str
    name: str
    event_type: str
    active: bool
    _model: strawberry.Private[models.PostingRule]

    @classmethod
    def from_model(cls, m: models.PostingRule) -> "PostingRule":
        return cls(id=m.id, code=m.code, name=m.name, event_type=m.event_type, active=m.active, _model=m)

    @strawberry.field
    async def current_version(self, info: Info) -> Optional[PostingRuleVersion]:
        if self._model.current_version_id is None:
            return None
        row = await info.context.loaders.by_id(models.PostingRuleVersion).load(self._model.current_version_id)
        return PostingRuleVersion.from_model(row) if row else None

    @strawberry.field(description="Every published version, newest first.")
    async def versions(self, info: Info) -> list[PostingRuleVersion]:
        rows = await info.context.loaders.children(models.PostingRuleVersion, models.PostingRuleVersion.rule_id,
                                                   models.PostingRuleVersion.version.desc()).load(self.id)
        return [PostingRuleVersion.from_model(r) for r in rows]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        ids = [_int(i) for i in node_ids]
        if not _can_read(info):
            return [None for _ in ids]
        rows = await info.context.loaders.by_id(models.PostingRule).load_many([i or 0 for i in ids])
        return [cls.from_model(r) if r else None for r in rows]


@strawberry.type
class PreviewLine:
    account: Account
    side: Direction
    amount: Decimal
    summary: str
    dimensions: JSON
    source_line_id: Optional[int]


@strawberry.type(description="A voucher a rule would write for a document, not written.")
class PreviewVoucher:
    rule: PostingRule
    version: Optional[int]
    summary: str
    lands_as_posted: bool
    lines: list[PreviewLine]


@strawberry.type
class ReplayLine:
    account_code: str
    side: Direction
    amount: Decimal


@strawberry.type(description="One document of the period: what was posted and what the replayed version would post.")
class ReplayDifference:
    source_type: str
    source_id: int
    number: str
    status: str = strawberry.field(description="SAME, CHANGED, NEW (would post, nothing was) or GONE.")
    posted: list[ReplayLine]
    replayed: list[ReplayLine]


@strawberry.type
class DocumentRef:
    source_type: str
    source_id: int
    number: str


@strawberry.type
class ReconciliationException:
    message: str
    expected: Optional[Decimal]
    actual: Optional[Decimal]
    documents: list[DocumentRef]


@strawberry.type(description="One data-quality check and what it found.")
class ReconciliationCheck:
    code: str
    name: str
    passed: bool
    exceptions: list[ReconciliationException]


@strawberry.type(description="对账: the sub-ledgers of documents against the books, as of a period's end.")
class Reconciliation:
    period: str
    passed: bool
    checks: list[ReconciliationCheck]
