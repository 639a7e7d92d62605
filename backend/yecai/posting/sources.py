"""Business documents as posting events: the fields a rule can read."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.auth.models import User
from yecai.operations.models import (
    Customer,
    CustomerReceipt,
    ExpenseClaim,
    Product,
    ProductCategory,
    PurchaseReceipt,
    PurchaseReceiptLine,
    SalesDelivery,
    SalesDeliveryLine,
    SalesOrder,
    SalesReturn,
    SalesReturnLine,
    Supplier,
    SupplierPayment,
)
from yecai.org.models import Department
from yecai.posting.engine import EventLine, PostingEvent

# source_type -> (event type, document model)
SOURCES: dict[str, tuple[str, type[Any]]] = {
    "purchase_receipt": ("PURCHASE_RECEIVED", PurchaseReceipt),
    "sales_delivery": ("SALES_DELIVERED", SalesDelivery),
    "sales_return": ("SALES_RETURNED", SalesReturn),
    "customer_receipt": ("CUSTOMER_RECEIPT", CustomerReceipt),
    "supplier_payment": ("SUPPLIER_PAYMENT", SupplierPayment),
    "expense_claim": ("EXPENSE_CLAIM_PAID", ExpenseClaim),
}


async def _department(session: AsyncSession, department_id: int) -> dict[str, Any]:
    department = await session.get(Department, department_id)
    assert department is not None
    return {"department_id": department.id, "department_kind": department.kind.value,
            "department_name": department.name}


async def _goods_lines(session: AsyncSession, rows: list[Any], with_cost: bool) -> list[EventLine]:
    product_ids = {r.product_id for r in rows}
    products = {p.id: p for p in (await session.execute(select(Product).where(Product.id.in_(product_ids)))).scalars()}
    categories = {c.id: c.code for c in (await session.execute(select(ProductCategory))).scalars()}
    lines = []
    for r in rows:
        product = products[r.product_id]
        fields = {"product_id": r.product_id, "product_name": product.name,
                  "category": categories.get(product.category_id, ""), "quantity": r.quantity,
                  "unit_price": r.unit_price, "tax_rate": r.tax_rate, "net": r.net, "tax": r.tax, "gross": r.gross}
        if with_cost:
            fields["cost"] = r.cost
        lines.append(EventLine(r.id, fields))
    return lines


async def build_event(session: AsyncSession, source_type: str, source_id: int) -> PostingEvent:
    """Read a document and its lines into the event its posting rules see."""
    event_type, model = SOURCES[source_type]
    doc = await session.get(model, source_id)
    if doc is None:
        raise LookupError(f"{source_type} {source_id} not found")
    header: dict[str, Any] = {"number": doc.number, **await _department(session, doc.department_id)}
    day = doc.date
    if source_type == "purchase_receipt":
        supplier = await session.get(Supplier, doc.supplier_id)
        header |= {"supplier_id": doc.supplier_id, "supplier_name": supplier.name if supplier else "",
                   "warehouse_id": doc.warehouse_id}
        rows = (await session.execute(select(PurchaseReceiptLine).where(PurchaseReceiptLine.receipt_id == doc.id)
                                      .order_by(PurchaseReceiptLine.line_no))).scalars().all()
        lines = await _goods_lines(session, list(rows), with_cost=False)
    elif source_type in ("sales_delivery", "sales_return"):
        customer = await session.get(Customer, doc.customer_id)
        header |= {"customer_id": doc.customer_id, "customer_name": customer.name if customer else "",
                   "warehouse_id": doc.warehouse_id}
        if source_type == "sales_delivery":
            order = await session.get(SalesOrder, doc.order_id)
            header["order_number"] = order.number if order else ""
            rows = (await session.execute(select(SalesDeliveryLine).where(SalesDeliveryLine.delivery_id == doc.id)
                                          .order_by(SalesDeliveryLine.line_no))).scalars().all()
        else:
            delivery = await session.get(SalesDelivery, doc.delivery_id)
            header["delivery_number"] = delivery.number if delivery else ""
            rows = (await session.execute(select(SalesReturnLine).where(SalesReturnLine.return_id == doc.id)
                                          .order_by(SalesReturnLine.line_no))).scalars().all()
        lines = await _goods_lines(session, list(rows), with_cost=True)
    elif source_type == "customer_receipt":
        customer = await session.get(Customer, doc.customer_id)
        header |= {"customer_id": doc.customer_id, "customer_name": customer.name if customer else ""}
        lines = [EventLine(None, {"amount": doc.amount})]
    elif source_type == "supplier_payment":
        supplier = await session.get(Supplier, doc.supplier_id)
        header |= {"supplier_id": doc.supplier_id, "supplier_name": supplier.name if supplier else ""}
        lines = [EventLine(None, {"amount": doc.amount})]
    else:  # expense_claim
        claimant = await session.get(User, doc.claimant_id)
        header |= {"claimant_id": doc.claimant_id, "claimant_name": claimant.display_name if claimant else "",
                   "category": doc.category.value, "description": doc.description}
        lines = [EventLine(None, {"amount": doc.amount})]
        day = doc.paid_on or doc.date
    return PostingEvent(event_type=event_type, source_type=source_type, source_id=doc.id, date=day, header=header,
                        lines=lines)
