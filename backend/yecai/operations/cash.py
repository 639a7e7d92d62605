"""Money: customer receipts and supplier payments against what is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, denied, invalid
from yecai.operations import errors, policies
from yecai.operations.common import CENT, T, assign_number, get_active, idempotency, publish_event, remember, replayed
from yecai.operations.models import (
    Customer,
    CustomerReceipt,
    DocumentState,
    OpenItemApplication,
    PurchaseReceipt,
    PurchaseReceiptLine,
    SalesDelivery,
    SalesDeliveryLine,
    SalesReturn,
    SalesReturnLine,
    Supplier,
    SupplierPayment,
)
from yecai.org.models import Department

# ---------------------------------------------------------------- receipts and payments


async def customer_open_amount(session: AsyncSession, customer_id: int) -> Decimal:
    """What a customer owes: the open part of their deliveries."""
    return sum((i.open for i in await open_items(session, customer_id=customer_id)), Decimal(0))


async def supplier_open_amount(session: AsyncSession, supplier_id: int) -> Decimal:
    """What is owed to a supplier: the open part of their purchase receipts."""
    return sum((i.open for i in await open_items(session, supplier_id=supplier_id)), Decimal(0))


def positive_money(value: Decimal, field_name: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise invalid(field_name, "金额必须大于零", "must be greater than zero")
    if value > Decimal("9999999999999.99"):  # before rounding, which a huge value cannot take
        raise invalid(field_name, "金额过大", "is too large")
    if value != value.quantize(CENT):
        raise invalid(field_name, "金额最多两位小数", "at most two decimals")
    return value


@dataclass(frozen=True)
class OpenItem:
    """A delivery a customer still owes on, or a purchase receipt still owed to a supplier."""

    item_type: str
    item_id: int
    number: str
    date: date
    amount: Decimal  # gross, less returns
    settled: Decimal

    @property
    def open(self) -> Decimal:
        return self.amount - self.settled


async def open_items(session: AsyncSession, *, customer_id: int | None = None, supplier_id: int | None = None,
                     department_id: int | None = None) -> list[OpenItem]:
    """The documents of a customer (deliveries) or supplier (purchase receipts) not yet fully settled, oldest
    first; with ``department_id``, only that department's."""
    if customer_id is not None:
        item_type, doc, line, fk, party = ("sales_delivery", SalesDelivery, SalesDeliveryLine,
                                           SalesDeliveryLine.delivery_id, SalesDelivery.customer_id == customer_id)
    else:
        item_type, doc, line, fk, party = ("purchase_receipt", PurchaseReceipt, PurchaseReceiptLine,
                                           PurchaseReceiptLine.receipt_id, PurchaseReceipt.supplier_id == supplier_id)
    if department_id is not None:
        party = and_(party, doc.department_id == department_id)
    gross = dict((await session.execute(select(fk, func.sum(line.gross)).join(doc).where(party).group_by(fk))).all())
    returned: dict[int, Any] = {}
    if item_type == "sales_delivery":
        returned = dict((await session.execute(
            select(SalesReturn.delivery_id, func.sum(SalesReturnLine.gross)).join(SalesReturnLine)
            .where(SalesReturn.customer_id == customer_id).group_by(SalesReturn.delivery_id))).all())
    settled = dict((await session.execute(
        select(OpenItemApplication.item_id, func.sum(OpenItemApplication.amount))
        .where(OpenItemApplication.item_type == item_type, OpenItemApplication.item_id.in_(list(gross)))
        .group_by(OpenItemApplication.item_id))).all()) if gross else {}
    docs = (await session.execute(select(doc).where(doc.id.in_(list(gross))).order_by(doc.date, doc.id))).scalars()
    items = [OpenItem(item_type, d.id, d.number, d.date, Decimal(gross[d.id]) - Decimal(returned.get(d.id) or 0),
                      Decimal(settled.get(d.id) or 0)) for d in docs]
    return [i for i in items if i.open > 0]


async def _apply(session: AsyncSession, payment_type: str, payment_id: int, items: list[OpenItem],
                 amount: Decimal) -> None:
    """Settle the oldest open items first with ``amount``."""
    remaining = amount
    for item in items:
        if remaining <= 0:
            break
        part = min(item.open, remaining)
        session.add(OpenItemApplication(payment_type=payment_type, payment_id=payment_id, item_type=item.item_type,
                                        item_id=item.item_id, amount=part))
        remaining -= part
    await session.flush()


async def _record_cash(session: AsyncSession, actor: Actor, *, model: type[T], party: tuple[type[Any], str, int],
                       day: date, amount: Decimal, department_id: int | None,
                       idempotency_key: str | None) -> T:
    """Money in or out against what is open with a customer or supplier; its voucher follows."""
    if not policies.can_record_cash(actor):
        raise denied()
    party_model, party_field, party_id = party
    call = idempotency(actor, f"record_{manifest.document_type_of(model).code}", idempotency_key,
                       {party_field: party_id, "day": day, "amount": amount, "department_id": department_id})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    await get_active(session, party_model, party_id, f"{party_field[:-3]}Id")
    value = positive_money(amount, "amount")
    items = await open_items(session, **{party_field: party_id})
    if value > sum((i.open for i in items), Decimal(0)):
        raise DomainError(errors.OVER_PAYMENT, field="amount")
    department = department_id or actor.department_id
    if department is None or await session.get(Department, department) is None:
        raise invalid("departmentId", "请指定部门", "is required")
    doc = model(number="", date=day, department_id=department, state=DocumentState.DONE,
                created_by_id=actor.user_id, amount=value, **{party_field: party_id})
    session.add(doc)
    await session.flush()
    await assign_number(session, doc)
    code = manifest.document_type_of(model).code
    await audit.record(session, actor=actor, action=f"{code}.create", subject_type=code, subject_id=doc.id,  # type: ignore[attr-defined]
                       after=audit.snapshot(doc))
    await _apply(session, code, doc.id, items, value)  # type: ignore[attr-defined]
    await publish_event(session, actor, doc)
    await remember(session, call, doc)
    return doc


async def record_customer_receipt(session: AsyncSession, *, actor: Actor, customer_id: int, day: date,
                                  amount: Decimal, department_id: int | None = None,
                                  idempotency_key: str | None = None) -> CustomerReceipt:
    """Record money received from a customer against what they owe."""
    return await _record_cash(session, actor, model=CustomerReceipt, party=(Customer, "customer_id", customer_id),
                              day=day, amount=amount, department_id=department_id,
                              idempotency_key=idempotency_key)


async def record_supplier_payment(session: AsyncSession, *, actor: Actor, supplier_id: int, day: date,
                                  amount: Decimal, department_id: int | None = None,
                                  idempotency_key: str | None = None) -> SupplierPayment:
    """Record money paid to a supplier against what is owed to them."""
    return await _record_cash(session, actor, model=SupplierPayment, party=(Supplier, "supplier_id", supplier_id),
                              day=day, amount=amount, department_id=department_id,
                              idempotency_key=idempotency_key)


