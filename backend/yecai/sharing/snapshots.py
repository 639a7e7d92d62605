"""Data snapshots (数据快照) taken from the books when a publication goes out, frozen as JSON with every amount an
exact decimal string, and the web app's path to the live figures.

- receivables by customer as of a day: posted voucher lines on 应收账款 (1122 and its sub-accounts) dated up to
  that day, net debit per customer;
- stock by warehouse: the stock balances (quantity and value) per warehouse and product at publication;
- the trial balance (科目余额表) of a fiscal period, as the ledger reports it.

The publisher must be allowed to read those figures; the receivers read what was frozen, not the books.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.db import utcnow
from yecai.errors import denied, invalid
from yecai.ledger import policies as ledger_policies
from yecai.ledger import reports
from yecai.ledger.models import Account, Voucher, VoucherLine, VoucherState
from yecai.ledger.service import parse_period
from yecai.operations import policies as operations_policies
from yecai.operations.models import Customer, Product, StockBalance, Warehouse
from yecai.sharing import timenodes
from yecai.sharing.models import SnapshotKind

RECEIVABLES = "1122"
CENT = Decimal("0.01")


def money(value: object) -> str:
    return str(Decimal(value or 0).quantize(CENT))


def quantity(value: object) -> str:
    return str(Decimal(value or 0).normalize()) if value else "0"


async def take(session: AsyncSession, *, actor: Actor, kind: SnapshotKind, day: date | None = None,
               period: str | None = None) -> dict[str, Any]:
    """Freeze the figures of ``kind`` now."""
    taken = utcnow()
    if kind == SnapshotKind.RECEIVABLES_BY_CUSTOMER:
        data = await receivables_by_customer(session, actor=actor,
                                             day=day or timenodes.local(taken).date())
    elif kind == SnapshotKind.STOCK_BY_WAREHOUSE:
        data = await stock_by_warehouse(session, actor=actor)
    elif kind == SnapshotKind.TRIAL_BALANCE:
        if not period:
            raise invalid("snapshot.period", "不能为空", "is required")
        data = await trial_balance(session, actor=actor, period=period)
    else:  # pragma: no cover - the enum is closed
        raise invalid("snapshot.kind", "不是可用的数据快照", "is not a data snapshot")
    return {"kind": kind.value, "takenAt": taken.isoformat()} | data


async def receivables_by_customer(session: AsyncSession, *, actor: Actor, day: date) -> dict[str, Any]:
    if not ledger_policies.can_read(actor):
        raise denied()
    if not date(2000, 1, 1) <= day <= date(2100, 12, 31):
        raise invalid("snapshot.day", "日期超出范围", "is out of range")
    accounts = select(Account.id).where((Account.code == RECEIVABLES) | Account.code.like(f"{RECEIVABLES}%"))
    rows = (await session.execute(
        select(VoucherLine.customer_id, func.sum(VoucherLine.debit), func.sum(VoucherLine.credit))
        .join(Voucher, Voucher.id == VoucherLine.voucher_id)
        .where(Voucher.state == VoucherState.POSTED, Voucher.date <= day, VoucherLine.account_id.in_(accounts))
        .group_by(VoucherLine.customer_id))).all()
    customers = {c.id: c for c in (await session.execute(select(Customer).where(
        Customer.id.in_([r[0] for r in rows if r[0] is not None])))).scalars()} if rows else {}
    lines = []
    total = Decimal("0")
    for customer_id, debit, credit in rows:
        amount = Decimal(debit or 0) - Decimal(credit or 0)
        if not amount:
            continue
        total += amount
        c = customers.get(customer_id) if customer_id is not None else None
        lines.append({"customerId": customer_id, "code": c.code if c else "", "name": c.name if c else "（未指定客户）",
                      "amount": money(amount)})
    lines.sort(key=lambda r: (-Decimal(r["amount"]), r["code"]))
    return {"asOf": day.isoformat(), "rows": lines, "total": money(total),
            "link": f"/account-ledger?account={RECEIVABLES}"}


async def stock_by_warehouse(session: AsyncSession, *, actor: Actor) -> dict[str, Any]:
    if not operations_policies.can_read(actor):
        raise denied()
    rows = (await session.execute(
        select(Warehouse.id, Warehouse.code, Warehouse.name, Product.code, Product.name, Product.unit,
               StockBalance.quantity, StockBalance.value)
        .join(Warehouse, Warehouse.id == StockBalance.warehouse_id).join(Product, Product.id == StockBalance.product_id)
        .where(StockBalance.quantity != 0).order_by(Warehouse.code, Product.code))).all()
    warehouses: dict[int, dict[str, Any]] = {}
    total = Decimal("0")
    for wid, wcode, wname, pcode, pname, unit, qty, value in rows:
        entry = warehouses.setdefault(wid, {"warehouseId": wid, "code": wcode, "name": wname, "value": Decimal("0"),
                                            "lines": []})
        entry["value"] += Decimal(value or 0)
        total += Decimal(value or 0)
        entry["lines"].append({"productCode": pcode, "productName": pname, "unit": unit, "quantity": quantity(qty),
                               "value": money(value)})
    result = [w | {"value": money(w["value"])} for w in warehouses.values()]
    return {"asOf": timenodes.local(utcnow()).date().isoformat(), "rows": result, "total": money(total),
            "link": "/master-data"}


async def trial_balance(session: AsyncSession, *, actor: Actor, period: str) -> dict[str, Any]:
    parse_period(period, "snapshot.period")
    report = await reports.trial_balance(session, actor=actor, period=period)
    return {"period": report.period, "rows": [
        {"code": r.account.code, "name": r.account.name, "opening": money(r.opening), "debit": money(r.debit),
         "credit": money(r.credit), "closing": money(r.closing)} for r in report.rows],
        "totals": {k: money(val) for k, val in report.totals.items()},
        "link": f"/trial-balance?period={report.period}"}
