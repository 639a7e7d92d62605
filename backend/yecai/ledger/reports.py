"""Reports of the books: the trial balance (科目余额表) and the lines behind any of its figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.errors import denied, invalid, not_found
from yecai.ledger import policies
from yecai.ledger.models import Account, Dimension, FiscalPeriod, Voucher, VoucherLine, VoucherState
from yecai.ledger.service import ZERO, parse_period

_DIMENSION_COLUMNS = {
    Dimension.CUSTOMER: VoucherLine.customer_id,
    Dimension.SUPPLIER: VoucherLine.supplier_id,
    Dimension.DEPARTMENT: VoucherLine.department_id,
    Dimension.PRODUCT: VoucherLine.product_id,
    Dimension.PROJECT: VoucherLine.project,
}


@dataclass
class BalanceRow:
    """One account (or account and dimension value) of the trial balance."""

    account: Account
    dimension_value: object = None
    opening: Decimal = ZERO  # net debit (debit - credit) before the period
    debit: Decimal = ZERO
    credit: Decimal = ZERO

    @property
    def closing(self) -> Decimal:
        return self.opening + self.debit - self.credit

    @staticmethod
    def sides(net: Decimal) -> tuple[Decimal, Decimal]:
        """A net balance shown on its side: (debit, credit)."""
        return (net, ZERO) if net >= 0 else (ZERO, -net)


@dataclass
class TrialBalance:
    period: str
    dimension: Dimension | None
    rows: list[BalanceRow]
    totals: dict[str, Decimal]


def _period_key(year: int, month: int) -> int:
    return year * 100 + month


def posted_lines(*, before: int | None = None, at: int | None = None) -> Select[tuple[VoucherLine]]:
    """Lines of posted vouchers, before or in the period with key ``year * 100 + month``."""
    key = FiscalPeriod.year * 100 + FiscalPeriod.month
    stmt = (select(VoucherLine).join(Voucher, Voucher.id == VoucherLine.voucher_id)
            .join(FiscalPeriod, FiscalPeriod.id == Voucher.period_id)
            .where(Voucher.state == VoucherState.POSTED))
    if before is not None:
        stmt = stmt.where(key < before)
    if at is not None:
        stmt = stmt.where(key == at)
    return stmt


async def trial_balance(session: AsyncSession, *, actor: Actor, period: str,
                        dimension: Dimension | None = None) -> TrialBalance:
    """Opening, period debit and credit, and closing per account, rolled up to parent accounts;
    or per account and value of ``dimension`` for the accounts that carry it."""
    if not policies.can_read(actor):
        raise denied()
    year, month = parse_period(period)
    key = _period_key(year, month)
    column = _DIMENSION_COLUMNS[dimension] if dimension else None
    sums = {}
    for name, stmt in (("opening", posted_lines(before=key)), ("period", posted_lines(at=key))):
        sub = stmt.subquery()
        cols = [sub.c.account_id] + ([sub.c[column.key]] if column is not None else [])
        result = await session.execute(
            select(*cols, func.sum(sub.c.debit), func.sum(sub.c.credit)).group_by(*cols))
        sums[name] = result.all()
    accounts = {a.id: a for a in (await session.execute(select(Account))).scalars()}
    rows: dict[tuple[int, object], BalanceRow] = {}
    for name, result in sums.items():
        for row in result:
            account_id = row[0]
            value = row[1] if column is not None else None
            debit, credit = _money(row[-2]), _money(row[-1])
            entry = rows.setdefault((account_id, value), BalanceRow(accounts[account_id], value))
            if name == "opening":
                entry.opening += debit - credit
            else:
                entry.debit += debit
                entry.credit += credit
    if column is None:
        _roll_up(rows, accounts)
    ordered = sorted(rows.values(), key=lambda r: (r.account.code, str(r.dimension_value or "")))
    ordered = [r for r in ordered if r.opening or r.debit or r.credit]
    # Column totals add the first-level rows (sub-accounts are already inside them).
    top = [r for r in ordered if r.account.parent_id is None or column is not None]
    totals = {
        "opening_debit": sum((r.sides(r.opening)[0] for r in top), ZERO),
        "opening_credit": sum((r.sides(r.opening)[1] for r in top), ZERO),
        "debit": sum((r.debit for r in top), ZERO),
        "credit": sum((r.credit for r in top), ZERO),
        "closing_debit": sum((r.sides(r.closing)[0] for r in top), ZERO),
        "closing_credit": sum((r.sides(r.closing)[1] for r in top), ZERO),
    }
    return TrialBalance(period=f"{year:04d}-{month:02d}", dimension=dimension, rows=ordered, totals=totals)


def _money(value: object) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01")) if not isinstance(value, Decimal) else value


def _roll_up(rows: dict[tuple[int, object], BalanceRow], accounts: dict[int, Account]) -> None:
    """Add each leaf's figures to every ancestor account."""
    additions: dict[int, BalanceRow] = defaultdict(lambda: BalanceRow(Account()))
    for (account_id, _), row in list(rows.items()):
        parent_id = accounts[account_id].parent_id
        while parent_id is not None:
            acc = additions[parent_id]
            acc.opening += row.opening
            acc.debit += row.debit
            acc.credit += row.credit
            parent_id = accounts[parent_id].parent_id
    for parent_id, add in additions.items():
        entry = rows.setdefault((parent_id, None), BalanceRow(accounts[parent_id]))
        entry.opening += add.opening
        entry.debit += add.debit
        entry.credit += add.credit


async def lines_query(session: AsyncSession, *, actor: Actor, account_id: int, period: str | None = None,
                      dimension: Dimension | None = None, dimension_value: object = None,
                      side: str | None = None) -> Select[tuple[VoucherLine]]:
    """The posted lines behind a trial-balance figure: an account (with its sub-accounts), a period,
    optionally a dimension value and a side (DEBIT or CREDIT)."""
    if not policies.can_read(actor):
        raise denied()
    if side not in (None, "DEBIT", "CREDIT"):
        raise invalid("side", "应为 DEBIT 或 CREDIT", "must be DEBIT or CREDIT")
    account = await session.get(Account, account_id)
    if account is None:
        raise not_found("accountId")
    stmt = posted_lines(at=_period_key(*parse_period(period)) if period else None)
    stmt = stmt.join(Account, Account.id == VoucherLine.account_id).where(Account.code.startswith(account.code))
    if dimension is not None:
        stmt = stmt.where(_DIMENSION_COLUMNS[dimension] == dimension_value)
    if side == "DEBIT":
        stmt = stmt.where(VoucherLine.debit > 0)
    elif side == "CREDIT":
        stmt = stmt.where(VoucherLine.credit > 0)
    return stmt


@dataclass
class LedgerEntry:
    """A line of the detail ledger (明细账) with the balance after it (net debit)."""

    line: VoucherLine
    voucher: Voucher
    balance: Decimal


@dataclass
class AccountLedger:
    account: Account
    period: str
    opening: Decimal
    entries: list[LedgerEntry]

    @property
    def debit(self) -> Decimal:
        return sum((e.line.debit for e in self.entries), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum((e.line.credit for e in self.entries), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.debit - self.credit


async def account_ledger(session: AsyncSession, *, actor: Actor, account_id: int, period: str) -> AccountLedger:
    """明细账: an account's (and its sub-accounts') posted lines of a period in date and voucher order,
    with the running balance from the period's opening."""
    if not policies.can_read(actor):
        raise denied()
    account = await session.get(Account, account_id)
    if account is None:
        raise not_found("accountId")
    year, month = parse_period(period)
    key = _period_key(year, month)
    in_account = Account.code.startswith(account.code)
    opening_stmt = posted_lines(before=key).subquery()
    debit, credit = (await session.execute(
        select(func.coalesce(func.sum(opening_stmt.c.debit), 0), func.coalesce(func.sum(opening_stmt.c.credit), 0))
        .join(Account, Account.id == opening_stmt.c.account_id).where(in_account))).one()
    rows = (await session.execute(
        select(VoucherLine, Voucher).join(Voucher, Voucher.id == VoucherLine.voucher_id)
        .join(FiscalPeriod, FiscalPeriod.id == Voucher.period_id).join(Account, Account.id == VoucherLine.account_id)
        .where(Voucher.state == VoucherState.POSTED, FiscalPeriod.year * 100 + FiscalPeriod.month == key, in_account)
        .order_by(Voucher.date, Voucher.number, VoucherLine.line_no))).all()
    balance = _money(debit) - _money(credit)
    opening = balance
    entries = []
    for line, voucher in rows:
        balance += line.debit - line.credit
        entries.append(LedgerEntry(line, voucher, balance))
    return AccountLedger(account, f"{year:04d}-{month:02d}", opening, entries)
