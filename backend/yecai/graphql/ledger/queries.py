"""Queries of the books."""

from typing import Annotated, Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_document_id, decode_id, guarded
from yecai.graphql.ledger.types import (
    DIMENSION_NODES,
    Account,
    AccountLedger,
    Dimension,
    Direction,
    FiscalPeriod,
    LedgerEntry,
    Statement,
    StatementLine,
    TrialBalance,
    TrialBalanceRow,
    Voucher,
    VoucherLine,
    VoucherState,
    dimension_key,
)
from yecai.ledger import models, reports, service, statements
from yecai.pagination import page_of, paginate


def _row(r: reports.BalanceRow, dimension: models.Dimension | None) -> TrialBalanceRow:
    opening_debit, opening_credit = r.sides(r.opening)
    closing_debit, closing_credit = r.sides(r.closing)
    return TrialBalanceRow(account=Account.from_model(r.account),
                           dimension_value=dimension_key(dimension, r.dimension_value),
                           opening_debit=opening_debit, opening_credit=opening_credit, debit=r.debit,
                           credit=r.credit, closing_debit=closing_debit, closing_credit=closing_credit,
                           _dimension=dimension if r.dimension_value is not None else None,
                           _value=r.dimension_value)


@strawberry.type
class LedgerQueries:
    @strawberry.field(description="The chart of accounts, by code. Needs `ledger.read`.")
    async def accounts(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None, search: Optional[str] = None,
                       active: Optional[bool] = None) -> Optional[Connection[Account]]:
        async def run() -> Connection[Account]:
            stmt = service.accounts_query(actor=info.context.actor, search=search, active=active)
            page = await paginate(info.context.session, stmt, order=[(models.Account.code, False),
                                                                     (models.Account.id, False)],
                                  first=first, after=after)
            return connection(page, Account.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Fiscal periods, newest first. Needs `ledger.read`.")
    async def fiscal_periods(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                             after: Optional[str] = None) -> Optional[Connection[FiscalPeriod]]:
        async def run() -> Connection[FiscalPeriod]:
            stmt = service.periods_query(actor=info.context.actor)
            page = await paginate(info.context.session, stmt, order=[(models.FiscalPeriod.code, True),
                                                                     (models.FiscalPeriod.id, True)],
                                  first=first, after=after)
            return connection(page, FiscalPeriod.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Vouchers, newest first, by period (YYYY-MM), state or source document. "
                                  "Needs `ledger.read`.")
    async def vouchers(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                       period: Optional[str] = None, state: Optional[VoucherState] = None,
                       source: Annotated[Optional[strawberry.ID], strawberry.argument(
                           description="A business document's id: the vouchers it caused.")] = None,
                       ) -> Optional[Connection[Voucher]]:
        async def run() -> Connection[Voucher]:
            session = info.context.session
            period_id = (await service.get_period(session, period)).id if period else None
            document = decode_document_id(source, "source") if source is not None else None
            stmt = service.vouchers_query(actor=info.context.actor, period_id=period_id, state=state,
                                          source_type=document[0].code if document else None,
                                          source_id=document[1] if document else None)
            page = await paginate(session, stmt, order=[(models.Voucher.date, True), (models.Voucher.id, True)],
                                  first=first, after=after)
            return connection(page, Voucher.from_model)

        return await guarded(info, run)

    @strawberry.field(description="科目余额表 of a period (YYYY-MM), optionally by a dimension. Needs `ledger.read`.")
    async def trial_balance(self, info: Info, period: str, dimension: Optional[Dimension] = None) -> Optional[TrialBalance]:
        async def run() -> TrialBalance:
            tb = await reports.trial_balance(info.context.session, actor=info.context.actor, period=period,
                                             dimension=models.Dimension(dimension.value) if dimension else None)
            t = tb.totals
            dim = models.Dimension(dimension.value) if dimension else None
            return TrialBalance(period=tb.period, dimension=dimension, rows=[_row(r, dim) for r in tb.rows],
                                total_opening_debit=t["opening_debit"], total_opening_credit=t["opening_credit"],
                                total_debit=t["debit"], total_credit=t["credit"],
                                total_closing_debit=t["closing_debit"], total_closing_credit=t["closing_credit"])

        return await guarded(info, run)

    @strawberry.field(description="The posted lines behind a trial-balance figure: an account with its sub-accounts, "
                                  "in a period, optionally one dimension value and one side. Needs `ledger.read`.")
    async def voucher_lines(self, info: Info, account_id: strawberry.ID, period: Optional[str] = None,
                            dimension: Optional[Dimension] = None, dimension_value: Optional[str] = None,
                            side: Optional[Direction] = None, first: int = DEFAULT_PAGE_SIZE,
                            after: Optional[str] = None) -> Optional[Connection[VoucherLine]]:
        async def run() -> Connection[VoucherLine]:
            dim = models.Dimension(dimension.value) if dimension else None
            value: object = dimension_value
            if dim is not None and dim != models.Dimension.PROJECT and dimension_value is not None:
                value = decode_id(dimension_value, DIMENSION_NODES[dim], "dimensionValue")
            stmt = await reports.lines_query(info.context.session, actor=info.context.actor,
                                             account_id=decode_id(account_id, "Account", "accountId"), period=period,
                                             dimension=dim, dimension_value=value,
                                             side=side.value if side else None)
            page = await paginate(info.context.session, stmt, order=[(models.VoucherLine.voucher_id, False),
                                                                     (models.VoucherLine.id, False)],
                                  first=first, after=after)
            return connection(page, VoucherLine.from_model)

        return await guarded(info, run)

    @strawberry.field(description="明细账: an account's posted lines of a period with running balances, paged "
                                  "(first <= 100). Needs `ledger.read`.")
    async def account_ledger(self, info: Info, account_id: strawberry.ID, period: str, first: int = DEFAULT_PAGE_SIZE,
                             after: Optional[str] = None) -> Optional[AccountLedger]:
        async def run() -> AccountLedger:
            ledger = await reports.account_ledger(info.context.session, actor=info.context.actor,
                                                  account_id=decode_id(account_id, "Account", "accountId"),
                                                  period=period)
            page = page_of(ledger.entries, first=first, after=after)
            sides = reports.BalanceRow.sides
            return AccountLedger(
                account=Account.from_model(ledger.account), period=ledger.period,
                opening_debit=sides(ledger.opening)[0], opening_credit=sides(ledger.opening)[1],
                debit=ledger.debit, credit=ledger.credit, closing_debit=sides(ledger.closing)[0],
                closing_credit=sides(ledger.closing)[1],
                entries=connection(page, lambda e: LedgerEntry(
                    date=e.voucher.date, voucher=Voucher.from_model(e.voucher), line=VoucherLine.from_model(e.line),
                    balance_debit=sides(e.balance)[0], balance_credit=sides(e.balance)[1])))

        return await guarded(info, run)

    @strawberry.field(description="利润表 of a period (YYYY-MM): the month and the year to date. Needs `ledger.read`.")
    async def income_statement(self, info: Info, period: str) -> Optional[Statement]:
        async def run() -> Statement:
            lines = await statements.income_statement(info.context.session, actor=info.context.actor, period=period)
            return _statement(period, lines)

        return await guarded(info, run)

    @strawberry.field(description="资产负债表 at a period's end, beside the year's start. Needs `ledger.read`.")
    async def balance_sheet(self, info: Info, period: str) -> Optional[Statement]:
        async def run() -> Statement:
            lines = await statements.balance_sheet(info.context.session, actor=info.context.actor, period=period)
            return _statement(period, lines)

        return await guarded(info, run)


def _statement(period: str, lines: list[statements.StatementLine]) -> Statement:
    return Statement(period=period, lines=[StatementLine(number=x.number, name=x.name, accounts=x.accounts,
                                                          current=x.current, comparative=x.comparative,
                                                          total=x.total) for x in lines])
