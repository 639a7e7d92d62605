"""Use cases of business operations. Each document that touches the books publishes an event;
the posting rules turn it into vouchers in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, denied, not_found
from yecai.operations import errors, policies
from yecai.operations.cash import (  # noqa: F401  (the use cases, in one place for callers)
    OpenItem,
    customer_open_amount,
    open_items,
    record_customer_receipt,
    record_supplier_payment,
    supplier_open_amount,
)
from yecai.operations.claims import approve_expense_claim, create_expense_claim, pay_expense_claim  # noqa: F401
from yecai.operations.common import (
    PricedLineInput,
    T,
    assign_number,
    check_line_count,
    department_for,
    get_active,
    idempotency,
    priced,
    publish_event,
    remember,
    replayed,
)
from yecai.operations.models import (
    Customer,
    DocumentState,
    ExpenseClaim,
    Product,
    ProductCategory,
    PurchaseReceipt,
    PurchaseReceiptLine,
    StockMove,
    Supplier,
    Warehouse,
)
from yecai.operations.sales import (  # noqa: F401
    DeliveryLineInput,
    ReturnLineInput,
    copy_sales_order,
    create_sales_order,
    deliver_sales_order,
    order_lines,
    return_sales_order,
)
from yecai.operations.stock import StockSource, stock_in, stock_out  # noqa: F401

# ---------------------------------------------------------------- master data


async def _unique_code(session: AsyncSession, model: type[Any], code: str) -> None:
    if (await session.execute(select(model.id).where(model.code == code))).first():
        raise DomainError(errors.CODE_TAKEN, field="code")


async def _create_master(session: AsyncSession, actor: Actor, model: type[T], action: str, **values: Any) -> T:
    if not policies.can_manage_master_data(actor):
        raise denied()
    values["code"] = v.code(values["code"], "code", max_len=40)
    values["name"] = v.name(values["name"], "name", max_len=200 if model is not ProductCategory else 100)
    await _unique_code(session, model, values["code"])
    row = model(**values)
    session.add(row)
    await session.flush()
    await audit.record(session, actor=actor, action=action, subject_type=model.__tablename__,  # type: ignore[attr-defined]
                       subject_id=row.id, after=audit.snapshot(row))  # type: ignore[attr-defined]
    return row


async def create_customer(session: AsyncSession, *, actor: Actor, code: str, name: str) -> Customer:
    """Add a customer (客户)."""
    return await _create_master(session, actor, Customer, "customer.create", code=code, name=name, active=True)


async def create_supplier(session: AsyncSession, *, actor: Actor, code: str, name: str) -> Supplier:
    """Add a supplier (供应商)."""
    return await _create_master(session, actor, Supplier, "supplier.create", code=code, name=name, active=True)


async def create_product_category(session: AsyncSession, *, actor: Actor, code: str, name: str) -> ProductCategory:
    """Add a product category; posting rules may map it to accounts."""
    return await _create_master(session, actor, ProductCategory, "product_category.create", code=code, name=name)


async def create_warehouse(session: AsyncSession, *, actor: Actor, code: str, name: str) -> Warehouse:
    """Add a warehouse (仓库)."""
    return await _create_master(session, actor, Warehouse, "warehouse.create", code=code, name=name, active=True)


async def create_product(session: AsyncSession, *, actor: Actor, code: str, name: str, category_id: int,
                         unit: str = "件") -> Product:
    """Add a product (商品) in a category."""
    if await session.get(ProductCategory, category_id) is None:
        raise not_found("categoryId")
    unit_text = v.required_text(unit, "unit", max_len=20)
    return await _create_master(session, actor, Product, "product.create", code=code, name=name,
                                category_id=category_id, unit=unit_text, active=True)


def master_query(model: type[T], *, actor: Actor, search: str | None = None) -> Select[tuple[T]]:
    """Customers, suppliers, products, categories or warehouses, for anyone who reads documents."""
    if not (policies.can_read(actor) or policies.can_manage_master_data(actor)):
        raise denied()
    stmt = select(model)
    if search:
        term = v.required_text(search, "search", max_len=100)
        stmt = stmt.where(model.code.contains(term) | model.name.contains(term))  # type: ignore[attr-defined]
    return stmt


# ---------------------------------------------------------------- purchase receipts


async def create_purchase_receipt(
    session: AsyncSession, *, actor: Actor, supplier_id: int, warehouse_id: int, day: date,
    lines: Sequence[PricedLineInput], department_id: int | None = None, supplier_invoice_no: str | None = None,
    idempotency_key: str | None = None,
) -> PurchaseReceipt:
    """Receive goods from a supplier on credit: stock in at net cost, and the books follow."""
    department = await department_for(session, actor, department_id)
    call = idempotency(actor, "create_purchase_receipt", idempotency_key, {
        "supplier_id": supplier_id, "warehouse_id": warehouse_id, "day": day, "lines": list(lines),
        "department_id": department_id, "supplier_invoice_no": supplier_invoice_no})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    await get_active(session, Supplier, supplier_id, "supplierId")
    await get_active(session, Warehouse, warehouse_id, "warehouseId")
    check_line_count(lines)
    invoice = v.text(supplier_invoice_no, "supplierInvoiceNo", max_len=40, required=False) or None
    if invoice and (await session.execute(select(PurchaseReceipt.id).where(
            PurchaseReceipt.supplier_id == supplier_id, PurchaseReceipt.supplier_invoice_no == invoice))).first():
        raise DomainError(errors.DUPLICATE_INVOICE, field="supplierInvoiceNo")
    amounts = []
    for i, line in enumerate(lines):
        await get_active(session, Product, line.product_id, f"lines[{i}].productId")
        amounts.append(priced(line, f"lines[{i}]"))
    receipt = PurchaseReceipt(number="", date=day, department_id=department, state=DocumentState.DONE,
                              created_by_id=actor.user_id, supplier_id=supplier_id,
                              warehouse_id=warehouse_id, supplier_invoice_no=invoice)
    session.add(receipt)
    await session.flush()
    await assign_number(session, receipt)
    written = []
    for i, (line, values) in enumerate(zip(lines, amounts, strict=True)):
        row = PurchaseReceiptLine(receipt_id=receipt.id, line_no=i + 1, product_id=line.product_id, **values)
        session.add(row)
        written.append(row)
        await session.flush()
        await stock_in(session, product_id=line.product_id, warehouse_id=warehouse_id, day=day,
                       quantity=values["quantity"], value=values["net"], source=StockSource(receipt, row))
    await audit.record(session, actor=actor, action="purchase_receipt.create", subject_type="purchase_receipt",
                       subject_id=receipt.id, after=audit.snapshot(receipt, extra={"lines": amounts}))
    await publish_event(session, actor, receipt, written)
    await remember(session, call, receipt)
    return receipt


def documents_query(model: type[T], *, actor: Actor, search: str | None = None,
                    state: DocumentState | None = None) -> Select[tuple[T]]:
    """Documents of ``model`` the actor may see (their own department's, or every department's), optionally
    those whose number, or customer's or supplier's name or code, contains ``search``, in ``state``."""
    if not policies.can_read(actor):
        if model is ExpenseClaim and policies.can_claim(actor):
            stmt = select(model).where(ExpenseClaim.claimant_id == actor.user_id)
        else:
            raise denied()
    else:
        stmt = select(model)
        if not policies.reads_all_departments(actor):
            stmt = stmt.where(model.department_id == actor.department_id)  # type: ignore[attr-defined]
    if search:
        term = v.required_text(search, "search", max_len=40)
        matches = [model.number.contains(term)]  # type: ignore[attr-defined]
        for party, column in ((Customer, getattr(model, "customer_id", None)),
                              (Supplier, getattr(model, "supplier_id", None))):
            if column is not None:
                matches.append(column.in_(select(party.id).where(party.name.contains(term) | party.code.contains(term))))
        stmt = stmt.where(or_(*matches))
    if state is not None:
        stmt = stmt.where(model.state == state)  # type: ignore[attr-defined]
    return stmt  # type: ignore[return-value]


def stock_moves_query(*, actor: Actor, product_id: int, warehouse_id: int | None = None) -> Select[tuple[StockMove]]:
    """A product's stock movements (in one warehouse, when given), for whoever reads documents and stock."""
    if not policies.can_read(actor):
        raise denied()
    stmt = select(StockMove).where(StockMove.product_id == product_id)
    if warehouse_id is not None:
        stmt = stmt.where(StockMove.warehouse_id == warehouse_id)
    if not policies.reads_all_departments(actor):
        # Only the moves of documents the actor may see: those of their own department.
        stmt = stmt.where(or_(*(
            and_(StockMove.source_type == t.code, StockMove.source_id.in_(
                select(t.model.id).where(t.model.department_id == actor.department_id)))
            for t in manifest.document_types())))
    return stmt


async def open_items_for(session: AsyncSession, *, actor: Actor, customer_id: int | None = None,
                         supplier_id: int | None = None) -> list[OpenItem]:
    """A customer's or supplier's open items, for those who read documents or record cash."""
    if not (policies.can_read(actor) or policies.can_record_cash(actor)):
        raise denied()
    if customer_id is not None and await session.get(Customer, customer_id) is None:
        raise not_found("customerId")
    if supplier_id is not None and await session.get(Supplier, supplier_id) is None:
        raise not_found("supplierId")
    department = None if policies.reads_all_departments(actor) else actor.department_id or 0
    return await open_items(session, customer_id=customer_id, supplier_id=supplier_id, department_id=department)
