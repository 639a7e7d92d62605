"""Events business documents publish, carrying what listeners need (posting writes the vouchers).

An event holds the document as it was written, its lines, and the facts a posting rule may read
(``header`` for the document, ``fields`` per line): the emitter builds it from the rows it just
wrote and the master data it already loaded, so listeners need not read them again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.auth.models import User
from yecai.operations.models import (
    Customer,
    Product,
    ProductCategory,
    PurchaseReceipt,
    SalesDelivery,
    SalesOrder,
    SalesReturn,
    Supplier,
)
from yecai.org.models import Department


@dataclass(frozen=True)
class EventLine:
    """One line of a document as listeners see it; documents without lines have one, with no row."""

    row: Any | None
    fields: Mapping[str, Any]

    @property
    def line_id(self) -> int | None:
        return None if self.row is None else self.row.id


@dataclass(frozen=True)
class BusinessEvent:
    """A document reached the point the books follow (received, delivered, paid ...)."""

    document: Any
    date: date
    header: Mapping[str, Any]
    lines: tuple[EventLine, ...]

    @property
    def document_type(self) -> manifest.DocumentType:
        return manifest.document_type_of(type(self.document))


class PurchaseReceived(BusinessEvent):
    """采购入库: goods received on credit."""


class SalesDelivered(BusinessEvent):
    """发货: goods delivered against an order."""


class SalesReturned(BusinessEvent):
    """销售退货: goods taken back against a delivery."""


class CustomerReceiptRecorded(BusinessEvent):
    """收款: money received from a customer."""


class SupplierPaymentRecorded(BusinessEvent):
    """付款: money paid to a supplier."""


class ExpenseClaimPaid(BusinessEvent):
    """费用报销 paid."""


async def _get(session: AsyncSession, model: type, pk: int) -> Any:
    # From the session's identity map when the use case already loaded the row: no SQL.
    row = await session.get(model, pk)
    if row is None:
        raise LookupError(f"{model.__name__} {pk} not found")
    return row


async def _goods(session: AsyncSession, rows: Sequence[Any], *, with_cost: bool) -> tuple[EventLine, ...]:
    lines = []
    for r in rows:
        product = await _get(session, Product, r.product_id)
        category = await _get(session, ProductCategory, product.category_id)
        fields = {"product_id": r.product_id, "product_name": product.name, "category": category.code,
                  "quantity": r.quantity, "unit_price": r.unit_price, "tax_rate": r.tax_rate, "net": r.net,
                  "tax": r.tax, "gross": r.gross}
        if with_cost:
            fields["cost"] = r.cost
        lines.append(EventLine(r, fields))
    return tuple(lines)


async def event_of(session: AsyncSession, document: Any, lines: Sequence[Any] | None = None) -> BusinessEvent:
    """The event ``document`` publishes; ``lines`` are the line rows it wrote (read when not given)."""
    document_type = manifest.document_type_of(type(document))
    if document_type.event is None:
        raise ValueError(f"{document_type.name} publishes no event")
    if lines is None and document_type.line_model is not None:
        line_model = document_type.line_model
        lines = (await session.execute(select(line_model).where(
            getattr(line_model, document_type.line_key or "") == document.id).order_by(line_model.line_no))).scalars().all()
    department = await _get(session, Department, document.department_id)
    header: dict[str, Any] = {"number": document.number, "department_id": department.id,
                              "department_kind": department.kind.value, "department_name": department.name}
    day = getattr(document, document_type.event_date) or document.date
    if isinstance(document, PurchaseReceipt):
        supplier = await _get(session, Supplier, document.supplier_id)
        header |= {"supplier_id": supplier.id, "supplier_name": supplier.name, "warehouse_id": document.warehouse_id}
        event_lines = await _goods(session, lines or (), with_cost=False)
    elif isinstance(document, (SalesDelivery, SalesReturn)):
        customer = await _get(session, Customer, document.customer_id)
        header |= {"customer_id": customer.id, "customer_name": customer.name, "warehouse_id": document.warehouse_id}
        if isinstance(document, SalesDelivery):
            header["order_number"] = (await _get(session, SalesOrder, document.order_id)).number
        else:
            header["delivery_number"] = (await _get(session, SalesDelivery, document.delivery_id)).number
        event_lines = await _goods(session, lines or (), with_cost=True)
    elif hasattr(document, "customer_id"):  # a customer receipt
        customer = await _get(session, Customer, document.customer_id)
        header |= {"customer_id": customer.id, "customer_name": customer.name}
        event_lines = (EventLine(None, {"amount": document.amount}),)
    elif hasattr(document, "supplier_id"):  # a supplier payment
        supplier = await _get(session, Supplier, document.supplier_id)
        header |= {"supplier_id": supplier.id, "supplier_name": supplier.name}
        event_lines = (EventLine(None, {"amount": document.amount}),)
    else:  # an expense claim (its event carries the day it was paid)
        claimant = await _get(session, User, document.claimant_id)
        header |= {"claimant_id": claimant.id, "claimant_name": claimant.display_name,
                   "category": document.category.value, "description": document.description}
        event_lines = (EventLine(None, {"amount": document.amount}),)
    return document_type.event(document=document, date=day, header=header, lines=event_lines)
