"""Queries of posting: rules, preview, replay and reconciliation."""

from typing import Optional

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.base import (
    DEFAULT_PAGE_SIZE,
    Connection,
    connection,
    decode_document_id,
    decode_id,
    decode_optional_id,
    guarded,
)
from yecai.graphql.enums import EventType
from yecai.graphql.ledger.types import Account
from yecai.graphql.operations.types import document_source
from yecai.graphql.posting import types as t
from yecai.ledger.models import Direction
from yecai.pagination import paginate
from yecai.posting import models, reconciliation, service


def _lines(rows: list[service.ReplayLine], code: str, source_id: int) -> list[t.ReplayLine]:
    return [t.ReplayLine(account_code=r.account_code, side=Direction(r.side), amount=r.amount,
                         _source=document_source(code, source_id, r.source_line_id or None)) for r in rows]


@strawberry.type
class PostingQueries:
    @strawberry.field(description="Posting rules, by code. Needs `posting.read`.")
    async def posting_rules(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                            event_type: Optional[EventType] = None) -> Optional[Connection[t.PostingRule]]:  # type: ignore[valid-type]
        async def run() -> Connection[t.PostingRule]:
            stmt = service.rules_query(actor=info.context.actor,
                                       event_type=event_type.value if event_type is not None else None)
            page = await paginate(info.context.session, stmt, order=[(models.PostingRule.code, False),
                                                                     (models.PostingRule.id, False)],
                                  first=first, after=after)
            return connection(page, t.PostingRule.from_model)

        return await guarded(info, run)

    @strawberry.field(description="The vouchers the rules would write for a document, without writing them; "
                                  "with `definition` and `ruleId`, tries an unsaved version. Needs `posting.read`.")
    async def preview_posting(self, info: Info, document_id: strawberry.ID, rule_id: Optional[strawberry.ID] = None,
                              definition: Optional[JSON] = None) -> Optional[list[t.PreviewVoucher]]:
        async def run() -> list[t.PreviewVoucher]:
            document_type, pk = decode_document_id(document_id, "documentId")
            previews = await service.preview(info.context.session, actor=info.context.actor,
                                             document_type=document_type, source_id=pk, definition=definition,
                                             rule_id=decode_optional_id(rule_id, "PostingRule", "ruleId"))
            return [t.PreviewVoucher(
                rule=t.PostingRule.from_model(pv.rule), version=pv.version.version or None, summary=pv.summary,
                lands_as_posted=pv.post,
                lines=[t.PreviewLine(account=Account.from_model(line.account), side=line.side, amount=line.amount,
                                     summary=line.summary, dimensions=line.dimensions,
                                     _source=document_source(document_type.code, pk, line.source_line_id))
                       for line in pv.lines])
                for pv in previews]

        return await guarded(info, run)

    @strawberry.field(description="Replay a rule version over a period's events and compare with what was posted. "
                                  "Needs `posting.read`.")
    async def replay_posting_rule(self, info: Info, rule_version_id: strawberry.ID,
                                  period: str) -> Optional[list[t.ReplayDifference]]:
        async def run() -> list[t.ReplayDifference]:
            diffs = await service.replay(info.context.session, actor=info.context.actor,
                                         rule_version_id=decode_id(rule_version_id, "PostingRuleVersion",
                                                                   "ruleVersionId"), period=period)
            result = []
            for d in diffs:
                code = d.document_type.code
                source = document_source(code, d.source_id)
                assert source is not None
                result.append(t.ReplayDifference(number=d.number, status=d.status, source=source,
                                                 posted=_lines(d.posted, code, d.source_id),
                                                 replayed=_lines(d.replayed, code, d.source_id)))
            return result

        return await guarded(info, run)

    @strawberry.field(description="对账: receivables, payables and stock against the books; unposted events; "
                                  "duplicate supplier invoices; missing dimensions. Needs `ledger.read`.")
    async def reconciliation(self, info: Info, period: str) -> Optional[t.Reconciliation]:
        async def run() -> t.Reconciliation:
            checks = await reconciliation.reconcile(info.context.session, actor=info.context.actor, period=period)
            return t.Reconciliation(period=period, passed=all(c.passed for c in checks), checks=[
                t.ReconciliationCheck(code=c.code, name=c.name, passed=c.passed, exceptions=[
                    t.ReconciliationException(
                        message=e.message, expected=e.expected, actual=e.actual,
                        documents=[s for s in (document_source(code, pk) for code, pk in e.documents) if s],
                        _voucher_ids=e.vouchers)
                    for e in c.exceptions]) for c in checks])

        return await guarded(info, run)
