"""GraphQL types of posting rules, previews, replays and reconciliation."""

import datetime as dt
from decimal import Decimal
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import ListSize, ModelNode
from yecai.graphql.enums import EventType, EventTypeEnum
from yecai.graphql.ledger.types import Account, Direction, Voucher
from yecai.graphql.operations.types import DocumentLine, DocumentSource, document_source
from yecai.ledger import models as ledger_models
from yecai.posting import models, policies
from yecai.posting.reconciliation import CheckCode
from yecai.posting.service import ReplayStatus as ReplayStatusModel

ReplayStatus = strawberry.enum(ReplayStatusModel, name="ReplayStatus",
                               description="SAME, CHANGED, NEW (would post, nothing was) or GONE (posted, would not).")


class _RulesNode(ModelNode):
    @classmethod
    def visible(cls, info: Info, row: object) -> bool:
        return policies.can_read(info.context.actor)


@strawberry.type(description="A published, immutable version of a posting rule.")
class PostingRuleVersion(_RulesNode):
    model = models.PostingRuleVersion
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
        return await User.load(info, self._model.published_by_id)



@strawberry.type(description="A posting rule (记账规则): for one business event type, the voucher to write.")
class PostingRule(_RulesNode):
    model = models.PostingRule
    id: relay.NodeID[int]
    code: str
    name: str
    event_type: EventType  # type: ignore[valid-type]
    active: bool
    _model: strawberry.Private[models.PostingRule]

    @classmethod
    def from_model(cls, m: models.PostingRule) -> "PostingRule":
        return cls(id=m.id, code=m.code, name=m.name, event_type=EventTypeEnum(m.event_type), active=m.active,
                   _model=m)

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



@strawberry.type
class PreviewLine:
    account: Account
    side: Direction  # type: ignore[valid-type]
    amount: Decimal
    summary: str
    dimensions: JSON = strawberry.field(description="Dimension values by dimension, as the rule computed them.")
    _source: strawberry.Private[Optional[DocumentSource]] = None

    @strawberry.field(description="The document line it comes from; null for a document-level line.")
    async def source_line(self, info: Info) -> Optional[DocumentLine]:
        return await self._source.line(info) if self._source is not None else None


@strawberry.type(description="A voucher a rule would write for a document, not written.")
class PreviewVoucher:
    rule: PostingRule
    version: Optional[int] = strawberry.field(description="The version's number; null for an unsaved definition.")
    summary: str
    lands_as_posted: bool
    lines: list[PreviewLine]


@strawberry.type
class ReplayLine:
    account_code: str
    side: Direction  # type: ignore[valid-type]
    amount: Decimal
    _source: strawberry.Private[Optional[DocumentSource]] = None

    @strawberry.field(description="The document line it comes from; null for a document-level line.")
    async def source_line(self, info: Info) -> Optional[DocumentLine]:
        return await self._source.line(info) if self._source is not None else None


@strawberry.type(description="One document of the period: what was posted and what the replayed version would post.")
class ReplayDifference:
    number: str
    status: ReplayStatus  # type: ignore[valid-type]
    source: DocumentSource
    posted: list[ReplayLine]
    replayed: list[ReplayLine]


@strawberry.type
class ReconciliationException:
    message: str
    expected: Optional[Decimal]
    actual: Optional[Decimal]
    documents: list[DocumentSource] = strawberry.field(description="The documents to look at.",
                                                       directives=[ListSize(assumed_size=2)])
    _voucher_ids: strawberry.Private[list[int]]

    @strawberry.field(description="The vouchers to look at.", directives=[ListSize(assumed_size=1)])
    async def vouchers(self, info: Info) -> list[Voucher]:
        found = [await Voucher.load(info, i) for i in self._voucher_ids]
        return [v for v in found if v is not None]


ReconciliationCheckCode = strawberry.enum(CheckCode, name="ReconciliationCheckCode",
                                          description="Which data-quality check.")


@strawberry.type(description="One data-quality check and what it found.")
class ReconciliationCheck:
    code: ReconciliationCheckCode  # type: ignore[valid-type]
    name: str
    passed: bool
    exceptions: list[ReconciliationException] = strawberry.field(directives=[ListSize(assumed_size=10)])


@strawberry.type(description="对账: the sub-ledgers of documents against the books, as of a period's end.")
class Reconciliation:
    period: str
    passed: bool
    checks: list[ReconciliationCheck] = strawberry.field(directives=[ListSize(assumed_size=len(CheckCode))])


# ---------------------------------------------------------------- lineage: what posting adds to the books' types


@strawberry.type
class VoucherLineLineage:
    """Where a voucher line came from: posting wrote it from a document line by a rule version."""

    @strawberry.field(description="The document and line this line came from; null for manual lines.")
    def source(self) -> Optional[DocumentSource]:
        m = self._model  # type: ignore[attr-defined]
        return document_source(m.source_type, m.source_id, m.source_line_id)

    @strawberry.field(description="The posting rule version that wrote this line; null for manual lines.")
    async def rule_version(self, info: Info) -> Optional[PostingRuleVersion]:
        return await PostingRuleVersion.load(info, self._model.rule_version_id)  # type: ignore[attr-defined]


@strawberry.type
class VoucherLineage:
    """The document a voucher was written for."""

    @strawberry.field(description="The business document behind this voucher; null for manual vouchers.")
    def source(self) -> Optional[DocumentSource]:
        m: ledger_models.Voucher = self._model  # type: ignore[attr-defined]
        return document_source(m.source_type, m.source_id)

