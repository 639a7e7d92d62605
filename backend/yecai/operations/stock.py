"""Stock per product and warehouse at moving weighted average; it never goes negative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.errors import DomainError
from yecai.operations import errors
from yecai.operations.common import ZERO, money
from yecai.operations.models import (
    StockBalance,
    StockMove,
)

# ---------------------------------------------------------------- stock


async def _balance(session: AsyncSession, product_id: int, warehouse_id: int) -> StockBalance:
    stmt = select(StockBalance).where(StockBalance.product_id == product_id,
                                      StockBalance.warehouse_id == warehouse_id).with_for_update()
    balance = (await session.execute(stmt)).scalar_one_or_none()
    if balance is None:
        balance = StockBalance(product_id=product_id, warehouse_id=warehouse_id, quantity=ZERO, value=ZERO)
        session.add(balance)
        await session.flush()
    return balance


@dataclass(frozen=True)
class StockSource:
    """The document line that moves stock."""

    document: Any
    line: Any


async def _move(session: AsyncSession, balance: StockBalance, *, day: date, quantity: Decimal, value: Decimal,
                source: Any) -> None:
    balance.quantity += quantity
    balance.value += value
    session.add(StockMove(product_id=balance.product_id, warehouse_id=balance.warehouse_id, date=day,
                          quantity=quantity, value=value, balance_quantity=balance.quantity,
                          balance_value=balance.value, source_type=manifest.document_type_of(type(source.document)).code,
                          source_id=source.document.id, source_line_id=source.line.id))


async def stock_in(session: AsyncSession, *, product_id: int, warehouse_id: int, day: date, quantity: Decimal,
                   value: Decimal, source: Any) -> None:
    """Receive goods at ``value``: the moving weighted average absorbs it."""
    await _move(session, await _balance(session, product_id, warehouse_id), day=day, quantity=quantity,
                value=value, source=source)


async def stock_out(session: AsyncSession, *, product_id: int, warehouse_id: int, day: date, quantity: Decimal,
                    source: Any, field_name: str) -> Decimal:
    """Issue goods at the moving weighted average; returns their cost. Stock never goes negative."""
    balance = await _balance(session, product_id, warehouse_id)
    if quantity > balance.quantity:
        raise DomainError(errors.INSUFFICIENT_STOCK, field=field_name,
                          zh=f"库存不足：现有 {_plain(balance.quantity)}，需要 {_plain(quantity)}",
                          en=f"Not enough stock: {_plain(balance.quantity)} on hand, {_plain(quantity)} needed")
    # Issuing everything takes the whole remaining value, so no rounding residue stays behind.
    cost = balance.value if quantity == balance.quantity else money(balance.value * quantity / balance.quantity)
    await _move(session, balance, day=day, quantity=-quantity, value=-cost, source=source)
    return cost




def _plain(quantity: Decimal) -> str:
    """A quantity as people write it: 5, 2.5 (not 5.0000 or 5E+1)."""
    return format(quantity.normalize(), "f")
