"""Use cases of business operations. Each document that touches the books publishes an event;
the posting rules turn it into vouchers in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.audit import service as audit
from yecai.auth.actor import Actor
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.operations import errors, policies
from yecai.operations import events as ev
from yecai.operations.models import (
    Customer,
    CustomerReceipt,
    DocumentState,
    ExpenseCategory,
    ExpenseClaim,
    Product,
    ProductCategory,
    PurchaseReceipt,
    PurchaseReceiptLine,
    SalesDelivery,
    SalesDeliveryLine,
    SalesOrder,
    SalesOrderLine,
    SalesReturn,
    SalesReturnLine,
    StockBalance,
    StockMove,
    Supplier,
    SupplierPayment,
    Warehouse,
)
from yecai.org.models import Department

CENT = Decimal("0.01")
ZERO = Decimal("0")
MAX_LINES = 200
T = TypeVar("T")


def money(value: Decimal) -> Decimal:
    """Round half-up to the fen, as the reference cases do per line."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- master data


async def _unique_code(session: AsyncSession, model: type[Any], code: str) -> None:
    if (await session.execute(select(model.id).where(model.code == code))).first():
        raise DomainError(errors.CODE_TAKEN, field="code")


async def _create_master(session: AsyncSession, actor: Actor, model: type[T], action: str, **values: Any) -> T:
    if not policies.can_manage_master_data(actor):
        raise denied()
    values["code"] = v.code(values["code"], "code", max_len=40)
    values["name"] = v.required_text(values["name"], "name", max_len=200 if model is not ProductCategory else 100)
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


async def _active(session: AsyncSession, model: type[T], pk: int, field_name: str) -> T:
    row = await session.get(model, pk)
    if row is None:
        raise not_found(field_name)
    if not getattr(row, "active", True):
        raise DomainError(errors.INACTIVE, field=field_name)
    return row


# ---------------------------------------------------------------- shared document plumbing


@dataclass(frozen=True)
class PricedLineInput:
    product_id: int
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal


def _quantity(value: Decimal, field_name: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise invalid(field_name, "数量必须大于零", "must be greater than zero")
    if value != value.quantize(Decimal("0.0001")) or value > Decimal("1000000000"):
        raise invalid(field_name, "数量最多四位小数且不超过十亿", "at most 4 decimals and one billion")
    return value


def _priced(line: PricedLineInput, where: str) -> dict[str, Decimal]:
    quantity = _quantity(line.quantity, f"{where}.quantity")
    if not line.unit_price.is_finite() or line.unit_price < 0 or line.unit_price > Decimal("1000000000"):
        raise invalid(f"{where}.unitPrice", "单价无效", "is not a valid price")
    if line.unit_price != line.unit_price.quantize(Decimal("0.000001")):
        raise invalid(f"{where}.unitPrice", "单价最多六位小数", "at most 6 decimals")
    if not line.tax_rate.is_finite() or not (0 <= line.tax_rate < 1) or \
            line.tax_rate != line.tax_rate.quantize(Decimal("0.0001")):
        raise invalid(f"{where}.taxRate", "税率应在 0 到 1 之间，如 0.13", "must be between 0 and 1, e.g. 0.13")
    net = money(quantity * line.unit_price)
    tax = money(net * line.tax_rate)
    return {"quantity": quantity, "unit_price": line.unit_price, "tax_rate": line.tax_rate, "net": net, "tax": tax,
            "gross": net + tax}


def _check_line_count(lines: Sequence[object]) -> None:
    if not lines:
        raise invalid("lines", "至少需要一行", "at least one line is needed")
    if len(lines) > MAX_LINES:
        raise invalid("lines", f"最多 {MAX_LINES} 行", f"at most {MAX_LINES} lines")


async def _department_for(session: AsyncSession, actor: Actor, department_id: int | None) -> int:
    """The owner department of a new document: the given one, else the actor's; checked against the policy."""
    department = department_id or actor.department_id
    if department is None:
        raise invalid("departmentId", "请指定单据所属部门", "is required")
    if await session.get(Department, department) is None:
        raise not_found("departmentId")
    if not policies.can_create_for(actor, department):
        if policies.can_create_for(actor, actor.department_id):
            raise DomainError(errors.OTHER_DEPARTMENT, field="departmentId")
        raise denied()
    return department


async def _replayed(session: AsyncSession, model: type[T], key: str | None) -> T | None:
    """The document an earlier call with the same idempotency key created, if any."""
    if key is None:
        return None
    v.required_text(key, "idempotencyKey", max_len=80)
    return (await session.execute(select(model).where(model.idempotency_key == key))).scalar_one_or_none()  # type: ignore[attr-defined]


async def _number(session: AsyncSession, doc: Any, prefix: str) -> None:
    doc.number = f"{prefix}-{doc.date:%Y%m}-{doc.id:05d}"
    await session.flush()


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


async def _move(session: AsyncSession, balance: StockBalance, *, day: date, quantity: Decimal, value: Decimal,
                source: tuple[str, int, int]) -> None:
    balance.quantity += quantity
    balance.value += value
    session.add(StockMove(product_id=balance.product_id, warehouse_id=balance.warehouse_id, date=day,
                          quantity=quantity, value=value, balance_quantity=balance.quantity,
                          balance_value=balance.value, source_type=source[0], source_id=source[1],
                          source_line_id=source[2]))


async def stock_in(session: AsyncSession, *, product_id: int, warehouse_id: int, day: date, quantity: Decimal,
                   value: Decimal, source: tuple[str, int, int]) -> None:
    """Receive goods at ``value``: the moving weighted average absorbs it."""
    await _move(session, await _balance(session, product_id, warehouse_id), day=day, quantity=quantity,
                value=value, source=source)


async def stock_out(session: AsyncSession, *, product_id: int, warehouse_id: int, day: date, quantity: Decimal,
                    source: tuple[str, int, int], field_name: str) -> Decimal:
    """Issue goods at the moving weighted average; returns their cost. Stock never goes negative."""
    balance = await _balance(session, product_id, warehouse_id)
    if quantity > balance.quantity:
        raise DomainError(errors.INSUFFICIENT_STOCK, field=field_name,
                          zh=f"{field_name}：库存不足，现有 {balance.quantity.normalize()}，需要 {quantity.normalize()}",
                          en=f"{field_name}: only {balance.quantity.normalize()} on hand, {quantity.normalize()} needed")
    # Issuing everything takes the whole remaining value, so no rounding residue stays behind.
    cost = balance.value if quantity == balance.quantity else money(balance.value * quantity / balance.quantity)
    await _move(session, balance, day=day, quantity=-quantity, value=-cost, source=source)
    return cost


# ---------------------------------------------------------------- purchase receipts


async def create_purchase_receipt(
    session: AsyncSession, *, actor: Actor, supplier_id: int, warehouse_id: int, day: date,
    lines: Sequence[PricedLineInput], department_id: int | None = None, supplier_invoice_no: str | None = None,
    idempotency_key: str | None = None,
) -> PurchaseReceipt:
    """Receive goods from a supplier on credit: stock in at net cost, and the books follow."""
    if (earlier := await _replayed(session, PurchaseReceipt, idempotency_key)) is not None:
        return earlier
    department = await _department_for(session, actor, department_id)
    await _active(session, Supplier, supplier_id, "supplierId")
    await _active(session, Warehouse, warehouse_id, "warehouseId")
    _check_line_count(lines)
    invoice = v.text(supplier_invoice_no, "supplierInvoiceNo", max_len=40, required=False) or None
    if invoice and (await session.execute(select(PurchaseReceipt.id).where(
            PurchaseReceipt.supplier_id == supplier_id, PurchaseReceipt.supplier_invoice_no == invoice))).first():
        raise DomainError(errors.DUPLICATE_INVOICE, field="supplierInvoiceNo")
    priced = []
    for i, line in enumerate(lines):
        await _active(session, Product, line.product_id, f"lines[{i}].productId")
        priced.append(_priced(line, f"lines[{i}]"))
    receipt = PurchaseReceipt(number="", date=day, department_id=department, state=DocumentState.DONE,
                              created_by_id=actor.user_id, idempotency_key=idempotency_key, supplier_id=supplier_id,
                              warehouse_id=warehouse_id, supplier_invoice_no=invoice)
    session.add(receipt)
    await session.flush()
    await _number(session, receipt, "PR")
    for i, (line, values) in enumerate(zip(lines, priced, strict=True)):
        row = PurchaseReceiptLine(receipt_id=receipt.id, line_no=i + 1, product_id=line.product_id, **values)
        session.add(row)
        await session.flush()
        await stock_in(session, product_id=line.product_id, warehouse_id=warehouse_id, day=day,
                       quantity=values["quantity"], value=values["net"], source=("purchase_receipt", receipt.id, row.id))
    await audit.record(session, actor=actor, action="purchase_receipt.create", subject_type="purchase_receipt",
                       subject_id=receipt.id, after=audit.snapshot(receipt, extra={"lines": priced}))
    await events.publish(session, actor=actor, event=ev.PurchaseReceived(receipt.id))
    return receipt


# ---------------------------------------------------------------- sales


async def create_sales_order(
    session: AsyncSession, *, actor: Actor, customer_id: int, day: date, lines: Sequence[PricedLineInput],
    department_id: int | None = None, copied_from_id: int | None = None, idempotency_key: str | None = None,
) -> SalesOrder:
    """Take a customer's order; nothing moves in stock or the books until it is delivered."""
    if (earlier := await _replayed(session, SalesOrder, idempotency_key)) is not None:
        return earlier
    department = await _department_for(session, actor, department_id)
    await _active(session, Customer, customer_id, "customerId")
    _check_line_count(lines)
    priced = []
    for i, line in enumerate(lines):
        await _active(session, Product, line.product_id, f"lines[{i}].productId")
        priced.append(_priced(line, f"lines[{i}]"))
    order = SalesOrder(number="", date=day, department_id=department, state=DocumentState.OPEN,
                       created_by_id=actor.user_id, idempotency_key=idempotency_key, customer_id=customer_id,
                       copied_from_id=copied_from_id)
    session.add(order)
    await session.flush()
    await _number(session, order, "SO")
    session.add_all([SalesOrderLine(order_id=order.id, line_no=i + 1, product_id=line.product_id,
                                    delivered_quantity=ZERO, returned_quantity=ZERO, **values)
                     for i, (line, values) in enumerate(zip(lines, priced, strict=True))])
    await session.flush()
    await audit.record(session, actor=actor, action="sales_order.create", subject_type="sales_order",
                       subject_id=order.id, after=audit.snapshot(order, extra={"lines": priced}))
    return order


async def order_lines(session: AsyncSession, order_id: int) -> list[SalesOrderLine]:
    return list((await session.execute(select(SalesOrderLine).where(SalesOrderLine.order_id == order_id)
                                       .order_by(SalesOrderLine.line_no))).scalars())


async def _visible_document(session: AsyncSession, actor: Actor, model: type[T], pk: int) -> T:
    row = await session.get(model, pk)
    if row is None or not policies.can_see_department(actor, row.department_id):  # type: ignore[attr-defined]
        raise not_found()
    return row


async def copy_sales_order(session: AsyncSession, *, actor: Actor, order_id: int, day: date) -> SalesOrder:
    """引用复制: a new order with the customer and lines of an existing one."""
    source = await _visible_document(session, actor, SalesOrder, order_id)
    lines = [PricedLineInput(product_id=line.product_id, quantity=line.quantity, unit_price=line.unit_price,
                             tax_rate=line.tax_rate) for line in await order_lines(session, source.id)]
    return await create_sales_order(session, actor=actor, customer_id=source.customer_id, day=day, lines=lines,
                                    department_id=source.department_id, copied_from_id=source.id)


@dataclass(frozen=True)
class DeliveryLineInput:
    order_line_id: int
    quantity: Decimal


async def deliver_sales_order(
    session: AsyncSession, *, actor: Actor, order_id: int, warehouse_id: int, day: date,
    lines: Sequence[DeliveryLineInput] | None = None, idempotency_key: str | None = None,
) -> SalesDelivery:
    """Deliver all or part of an order: stock out at the moving average, the receivable and revenue follow."""
    if (earlier := await _replayed(session, SalesDelivery, idempotency_key)) is not None:
        return earlier
    # Locking the order makes concurrent deliveries of it wait for each other.
    order = (await session.execute(select(SalesOrder).where(SalesOrder.id == order_id).with_for_update())
             ).scalar_one_or_none()
    if order is None or not policies.can_see_department(actor, order.department_id):
        raise not_found("orderId")
    if not policies.can_create_for(actor, order.department_id):
        raise DomainError(errors.OTHER_DEPARTMENT, field="orderId") if policies.can_create_for(
            actor, actor.department_id) else denied()
    if order.state not in (DocumentState.OPEN, DocumentState.PARTIAL):
        raise DomainError(errors.WRONG_STATE, field="orderId")
    await _active(session, Warehouse, warehouse_id, "warehouseId")
    all_lines = {line.id: line for line in await order_lines(session, order.id)}
    wanted = list(lines) if lines else [DeliveryLineInput(line.id, line.quantity - line.delivered_quantity)
                                        for line in all_lines.values() if line.quantity > line.delivered_quantity]
    _check_line_count(wanted)
    delivery = SalesDelivery(number="", date=day, department_id=order.department_id, state=DocumentState.DONE,
                             created_by_id=actor.user_id, idempotency_key=idempotency_key, order_id=order.id,
                             customer_id=order.customer_id, warehouse_id=warehouse_id)
    session.add(delivery)
    await session.flush()
    await _number(session, delivery, "SD")
    snapshot = []
    for i, item in enumerate(wanted):
        where = f"lines[{i}]"
        order_line = all_lines.get(item.order_line_id)
        if order_line is None:
            raise not_found(f"{where}.orderLineId")
        quantity = _quantity(item.quantity, f"{where}.quantity")
        if quantity > order_line.quantity - order_line.delivered_quantity:
            raise DomainError(errors.OVER_DELIVERY, field=f"{where}.quantity")
        values = _priced(PricedLineInput(order_line.product_id, quantity, order_line.unit_price, order_line.tax_rate),
                         where)
        row = SalesDeliveryLine(delivery_id=delivery.id, line_no=i + 1, product_id=order_line.product_id,
                                order_line_id=order_line.id, cost=ZERO, returned_quantity=ZERO, **values)
        session.add(row)
        await session.flush()
        row.cost = await stock_out(session, product_id=order_line.product_id, warehouse_id=warehouse_id, day=day,
                                   quantity=quantity, source=("sales_delivery", delivery.id, row.id),
                                   field_name=f"{where}.quantity")
        order_line.delivered_quantity += quantity
        snapshot.append({**values, "cost": row.cost, "order_line_id": order_line.id})
    order.state = DocumentState.DONE if all(
        line.delivered_quantity >= line.quantity for line in all_lines.values()) else DocumentState.PARTIAL
    await session.flush()
    await audit.record(session, actor=actor, action="sales_delivery.create", subject_type="sales_delivery",
                       subject_id=delivery.id, after=audit.snapshot(delivery, extra={"lines": snapshot}))
    await events.publish(session, actor=actor, event=ev.SalesDelivered(delivery.id))
    return delivery


@dataclass(frozen=True)
class ReturnLineInput:
    delivery_line_id: int
    quantity: Decimal


async def return_sales_order(
    session: AsyncSession, *, actor: Actor, delivery_id: int, day: date, lines: Sequence[ReturnLineInput],
    idempotency_key: str | None = None,
) -> SalesReturn:
    """Take goods back against a delivery, at the price and the cost recorded when they were delivered."""
    if (earlier := await _replayed(session, SalesReturn, idempotency_key)) is not None:
        return earlier
    delivery = await session.get(SalesDelivery, delivery_id)
    if delivery is None or not policies.can_see_department(actor, delivery.department_id):
        raise not_found("deliveryId")
    if not policies.can_create_for(actor, delivery.department_id):
        raise denied()
    order = (await session.execute(select(SalesOrder).where(SalesOrder.id == delivery.order_id).with_for_update())
             ).scalar_one()
    _check_line_count(lines)
    delivered = {line.id: line for line in (await session.execute(
        select(SalesDeliveryLine).where(SalesDeliveryLine.delivery_id == delivery.id))).scalars()}
    ret = SalesReturn(number="", date=day, department_id=delivery.department_id, state=DocumentState.DONE,
                      created_by_id=actor.user_id, idempotency_key=idempotency_key, order_id=order.id,
                      delivery_id=delivery.id, customer_id=delivery.customer_id, warehouse_id=delivery.warehouse_id)
    session.add(ret)
    await session.flush()
    await _number(session, ret, "SR")
    snapshot = []
    for i, item in enumerate(lines):
        where = f"lines[{i}]"
        line = delivered.get(item.delivery_line_id)
        if line is None:
            raise not_found(f"{where}.deliveryLineId")
        quantity = _quantity(item.quantity, f"{where}.quantity")
        if quantity > line.quantity - line.returned_quantity:
            raise DomainError(errors.OVER_RETURN, field=f"{where}.quantity")
        values = _priced(PricedLineInput(line.product_id, quantity, line.unit_price, line.tax_rate), where)
        # The cost of what comes back is its share of the cost recorded at delivery.
        remaining = line.quantity - line.returned_quantity
        already = (await session.execute(select(func.coalesce(func.sum(SalesReturnLine.cost), 0)).where(
            SalesReturnLine.delivery_line_id == line.id))).scalar_one()
        cost = line.cost - Decimal(already) if quantity == remaining else money(line.cost * quantity / line.quantity)
        row = SalesReturnLine(return_id=ret.id, line_no=i + 1, product_id=line.product_id,
                              delivery_line_id=line.id, cost=cost, **values)
        session.add(row)
        await session.flush()
        await stock_in(session, product_id=line.product_id, warehouse_id=delivery.warehouse_id, day=day,
                       quantity=quantity, value=cost, source=("sales_return", ret.id, row.id))
        line.returned_quantity += quantity
        order_line = await session.get(SalesOrderLine, line.order_line_id)
        assert order_line is not None
        order_line.returned_quantity += quantity
        snapshot.append({**values, "cost": cost, "delivery_line_id": line.id})
    await session.flush()
    await audit.record(session, actor=actor, action="sales_return.create", subject_type="sales_return",
                       subject_id=ret.id, after=audit.snapshot(ret, extra={"lines": snapshot}))
    await events.publish(session, actor=actor, event=ev.SalesReturned(ret.id))
    return ret


# ---------------------------------------------------------------- receipts and payments


async def customer_open_amount(session: AsyncSession, customer_id: int) -> Decimal:
    """What a customer owes: delivered gross, less returns, less receipts."""
    delivered = (await session.execute(select(func.coalesce(func.sum(SalesDeliveryLine.gross), 0)).join(
        SalesDelivery, SalesDelivery.id == SalesDeliveryLine.delivery_id).where(
        SalesDelivery.customer_id == customer_id))).scalar_one()
    returned = (await session.execute(select(func.coalesce(func.sum(SalesReturnLine.gross), 0)).join(
        SalesReturn, SalesReturn.id == SalesReturnLine.return_id).where(
        SalesReturn.customer_id == customer_id))).scalar_one()
    received = (await session.execute(select(func.coalesce(func.sum(CustomerReceipt.amount), 0)).where(
        CustomerReceipt.customer_id == customer_id))).scalar_one()
    return Decimal(delivered) - Decimal(returned) - Decimal(received)


async def supplier_open_amount(session: AsyncSession, supplier_id: int) -> Decimal:
    """What is owed to a supplier: received gross, less payments."""
    received = (await session.execute(select(func.coalesce(func.sum(PurchaseReceiptLine.gross), 0)).join(
        PurchaseReceipt, PurchaseReceipt.id == PurchaseReceiptLine.receipt_id).where(
        PurchaseReceipt.supplier_id == supplier_id))).scalar_one()
    paid = (await session.execute(select(func.coalesce(func.sum(SupplierPayment.amount), 0)).where(
        SupplierPayment.supplier_id == supplier_id))).scalar_one()
    return Decimal(received) - Decimal(paid)


def _positive_money(value: Decimal, field_name: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise invalid(field_name, "金额必须大于零", "must be greater than zero")
    if value != value.quantize(CENT) or value > Decimal("9999999999999.99"):
        raise invalid(field_name, "金额最多两位小数", "at most two decimals")
    return value


async def _record_cash(session: AsyncSession, actor: Actor, *, model: type[T], party: tuple[type[Any], str, int],
                       open_amount: Any, day: date, amount: Decimal, department_id: int | None,
                       idempotency_key: str | None, prefix: str, event: Any) -> T:
    """Money in or out against what is open with a customer or supplier; its voucher follows."""
    if not policies.can_record_cash(actor):
        raise denied()
    if (earlier := await _replayed(session, model, idempotency_key)) is not None:
        return earlier
    party_model, party_field, party_id = party
    await _active(session, party_model, party_id, f"{party_field[:-3]}Id")
    value = _positive_money(amount, "amount")
    if value > await open_amount(session, party_id):
        raise DomainError(errors.OVER_PAYMENT, field="amount")
    department = department_id or actor.department_id
    if department is None or await session.get(Department, department) is None:
        raise invalid("departmentId", "请指定部门", "is required")
    doc = model(number="", date=day, department_id=department, state=DocumentState.DONE,
                created_by_id=actor.user_id, idempotency_key=idempotency_key, amount=value, **{party_field: party_id})
    session.add(doc)
    await session.flush()
    await _number(session, doc, prefix)
    table = model.__tablename__  # type: ignore[attr-defined]
    await audit.record(session, actor=actor, action=f"{table}.create", subject_type=table, subject_id=doc.id,  # type: ignore[attr-defined]
                       after=audit.snapshot(doc))
    await events.publish(session, actor=actor, event=event(doc.id))  # type: ignore[attr-defined]
    return doc


async def record_customer_receipt(session: AsyncSession, *, actor: Actor, customer_id: int, day: date,
                                  amount: Decimal, department_id: int | None = None,
                                  idempotency_key: str | None = None) -> CustomerReceipt:
    """Record money received from a customer against what they owe."""
    return await _record_cash(session, actor, model=CustomerReceipt, party=(Customer, "customer_id", customer_id),
                              open_amount=customer_open_amount, day=day, amount=amount, department_id=department_id,
                              idempotency_key=idempotency_key, prefix="CR", event=ev.CustomerReceiptRecorded)


async def record_supplier_payment(session: AsyncSession, *, actor: Actor, supplier_id: int, day: date,
                                  amount: Decimal, department_id: int | None = None,
                                  idempotency_key: str | None = None) -> SupplierPayment:
    """Record money paid to a supplier against what is owed to them."""
    return await _record_cash(session, actor, model=SupplierPayment, party=(Supplier, "supplier_id", supplier_id),
                              open_amount=supplier_open_amount, day=day, amount=amount, department_id=department_id,
                              idempotency_key=idempotency_key, prefix="SP", event=ev.SupplierPaymentRecorded)


# ---------------------------------------------------------------- expense claims


async def create_expense_claim(session: AsyncSession, *, actor: Actor, category: ExpenseCategory | str,
                               amount: Decimal, description: str, day: date,
                               idempotency_key: str | None = None) -> ExpenseClaim:
    """Claim an expense for oneself; it goes to one's department manager for approval."""
    if not policies.can_claim(actor):
        raise denied()
    if (earlier := await _replayed(session, ExpenseClaim, idempotency_key)) is not None:
        return earlier
    try:
        kind = ExpenseCategory(category)
    except ValueError:
        raise invalid("category", "未知的费用类别", "unknown expense category") from None
    user = await session.get(User, actor.user_id)
    if user is None or user.department_id is None:
        raise invalid("departmentId", "报销人须属于某个部门", "the claimant must belong to a department")
    claim = ExpenseClaim(number="", date=day, department_id=user.department_id, state=DocumentState.SUBMITTED,
                         created_by_id=actor.user_id, idempotency_key=idempotency_key, claimant_id=user.id,
                         category=kind, amount=_positive_money(amount, "amount"),
                         description=v.required_text(description, "description", max_len=500))
    session.add(claim)
    await session.flush()
    await _number(session, claim, "EC")
    await audit.record(session, actor=actor, action="expense_claim.create", subject_type="expense_claim",
                       subject_id=claim.id, after=audit.snapshot(claim))
    return claim


async def approve_expense_claim(session: AsyncSession, *, actor: Actor, claim_id: int,
                                approve: bool = True) -> ExpenseClaim:
    """The claimant's department manager approves (or rejects) a submitted claim."""
    claim = await session.get(ExpenseClaim, claim_id)
    if claim is None or not (policies.can_see_department(actor, claim.department_id) or actor.is_user(
            claim.claimant_id)):
        raise not_found()
    if actor.is_user(claim.claimant_id):
        raise DomainError(errors.SELF_APPROVAL, field="id")
    if claim.state != DocumentState.SUBMITTED:
        raise DomainError(errors.WRONG_STATE, field="id")
    if not policies.can_approve_claim(actor, claim):
        raise denied()
    before = audit.snapshot(claim)
    claim.state = DocumentState.APPROVED if approve else DocumentState.REJECTED
    claim.approver_id, claim.approved_at = actor.user_id, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="expense_claim.approve" if approve else "expense_claim.reject",
                       subject_type="expense_claim", subject_id=claim.id, before=before, after=audit.snapshot(claim))
    return claim


async def pay_expense_claim(session: AsyncSession, *, actor: Actor, claim_id: int, day: date) -> ExpenseClaim:
    """Finance pays an approved claim from the bank; the expense lands on the department's account."""
    claim = await session.get(ExpenseClaim, claim_id)
    if claim is None or not policies.can_see_department(actor, claim.department_id):
        raise not_found()
    if claim.state != DocumentState.APPROVED:
        raise DomainError(errors.WRONG_STATE, field="id")
    if not policies.can_pay_claim(actor, claim):
        raise denied()
    before = audit.snapshot(claim)
    claim.state, claim.paid_at, claim.paid_on = DocumentState.DONE, utcnow(), day
    await session.flush()
    await audit.record(session, actor=actor, action="expense_claim.pay", subject_type="expense_claim",
                       subject_id=claim.id, before=before, after=audit.snapshot(claim))
    await events.publish(session, actor=actor, event=ev.ExpenseClaimPaid(claim.id))
    return claim


def documents_query(model: type[T], *, actor: Actor) -> Select[tuple[T]]:
    """Documents of ``model`` the actor may see: their own department's, or every department's."""
    if not policies.can_read(actor):
        if model is ExpenseClaim and policies.can_claim(actor):
            return select(model).where(ExpenseClaim.claimant_id == actor.user_id)  # type: ignore[return-value]
        raise denied()
    stmt = select(model)
    if not policies.reads_all_departments(actor):
        stmt = stmt.where(model.department_id == actor.department_id)  # type: ignore[attr-defined]
    return stmt
