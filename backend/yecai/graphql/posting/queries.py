"""Queries of posting: rules, preview, replay and reconciliation."""

from typing import Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.base import Connection, connection, decode_id, decode_optional_id, guarded
from yecai.graphql.ledger.types import Account
from yecai.graphql.posting import types as t
from yecai.ledger.models import Direction
from yecai.pagination import paginate
from yecai.posting import models, reconciliation, service

DOCUMENT_TYPE_NAMES = {"PurchaseReceipt": "purchase_receipt", "SalesDelivery": "sales_delivery",
                       "SalesReturn": "sales_return", "CustomerReceipt": "customer_receipt",
                       "SupplierPayment": "supplier_payment", "ExpenseClaim": "expense_claim"}


def _lines(rows: list[tuple[str, str, object]]) -> list[t.ReplayLine]:
    return [t.ReplayLine(account_code=code, side=Direction(side), amount=amount) for code, side, amount in rows]


@strawberry.type
class PostingQueries:
    @strawberry.field(description="Posting rules, by code. Needs `posting.read`.")
    async def posting_rules(self, info: Info, first: int = 50, after: Optional[str] = None,
                            event_type: Optional[str] = None) -> Connection[t.PostingRule]:
        async def run() -> Connection[t.PostingRule]:
            stmt = service.rules_query(actor=info.context.actor, event_type=event_type)
            page = await paginate(info.context.session, stmt, order=[(models.PostingRule.code, False),
                                                                     (models.PostingRule.id, False)],
                                  first=first, after=after)
            return connection(page, t.PostingRule.from_model)

        return await guarded(info, run)

    @strawberry.field(description="The vouchers the rules would write for a document, without writing them; "
                                  "with `definition` and `ruleId`, tries an unsaved version. Needs `posting.read`.")
    async def preview_posting(self, info: Info, document_id: strawberry.ID, rule_id: Optional[strawberry.ID] = None,
                              definition: Optional[JSON] = None) -> list[t.PreviewVoucher]:
        async def run() -> list[t.PreviewVoucher]:
            type_names = tuple(DOCUMENT_TYPE_NAMES)
            pk = decode_id(document_id, type_names, "documentId")
            source_type = DOCUMENT_TYPE_NAMES[relay.GlobalID.from_id(str(document_id)).type_name]
            previews = await service.preview(info.context.session, actor=info.context.actor,
                                             source_type=source_type, source_id=pk, definition=definition,
                                             rule_id=decode_optional_id(rule_id, "PostingRule", "ruleId"))
            return [t.PreviewVoucher(
                rule=t.PostingRule.from_model(pv.rule), version=pv.version.version or None, summary=pv.summary,
                lands_as_posted=pv.post,
                lines=[t.PreviewLine(account=Account.from_model(line.account), side=line.side, amount=line.amount,
                                     summary=line.summary, dimensions=line.dimensions,
                                     source_line_id=line.source_line_id) for line in pv.lines])
                for pv in previews]

        return await guarded(info, run)

    @strawberry.field(description="Replay a rule version over a period's events and compare with what was posted. "
                                  "Needs `posting.read`.")
    async def replay_posting_rule(self, info: Info, rule_version_id: strawberry.ID,
                                  period: str) -> list[t.ReplayDifference]:
        async def run() -> list[t.ReplayDifference]:
            diffs = await service.replay(info.context.session, actor=info.context.actor,
                                         rule_version_id=decode_id(rule_version_id, "PostingRuleVersion",
                                                                   "ruleVersionId"), period=period)
            return [t.ReplayDifference(source_type=d.source_type, source_id=d.source_id, number=d.number,
                                       status=d.status, posted=_lines(d.posted), replayed=_lines(d.replayed))
                    for d in diffs]

        return await guarded(info, run)

    @strawberry.field(description="对账: receivables, payables and stock against the books; unposted events; "
                                  "duplicate supplier invoices; missing dimensions. Needs `ledger.read`.")
    async def reconciliation(self, info: Info, period: str) -> t.Reconciliation:
        async def run() -> t.Reconciliation:
            checks = await reconciliation.reconcile(info.context.session, actor=info.context.actor, period=period)
            return t.Reconciliation(period=period, passed=all(c.passed for c in checks), checks=[
                t.ReconciliationCheck(code=c.code, name=c.name, passed=c.passed, exceptions=[
                    t.ReconciliationException(message=e.message, expected=e.expected, actual=e.actual, documents=[
                        t.DocumentRef(source_type=s, source_id=i, number=n) for s, i, n in e.documents])
                    for e in c.exceptions]) for c in checks])

        return await guarded(info, run)
