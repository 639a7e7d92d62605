"""Sales: orders (and copies of them), deliveries and returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, denied, not_found
from yecai.operations import errors, policies
from yecai.operations.common import (
    ZERO,
    PricedLineInput,
    assign_number,
    check_line_count,
    checked_quantity,
    department_for,
    get_active,
    idempotency,
    money,
    priced,
    publish_event,
    remember,
    replayed,
    visible_document,
)
from yecai.operations.models import (
    Customer,
    DocumentState,
    Product,
    SalesDelivery,
    SalesDeliveryLine,
    SalesOrder,
    SalesOrderLine,
    SalesReturn,
    SalesReturnLine,
    Warehouse,
)
from yecai.operations.stock import StockSource, stock_in, stock_out

# ---------------------------------------------------------------- sales


async def create_sales_order(
    session: AsyncSession, *, actor: Actor, customer_id: int, day: date, lines: Sequence[PricedLineInput],
    department_id: int | None = None, copied_from_id: int | None = None, idempotency_key: str | None = None,
) -> SalesOrder:
    """Take a customer's order; nothing moves in stock or the books until it is delivered."""
    department = await department_for(session, actor, department_id)
    call = idempotency(actor, "create_sales_order", idempotency_key, {
        "customer_id": customer_id, "day": day, "lines": list(lines), "department_id": department_id,
        "copied_from_id": copied_from_id})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    await get_active(session, Customer, customer_id, "customerId")
    check_line_count(lines)
    amounts = []
    for i, line in enumerate(lines):
        await get_active(session, Product, line.product_id, f"lines[{i}].productId")
        amounts.append(priced(line, f"lines[{i}]"))
    order = SalesOrder(number="", date=day, department_id=department, state=DocumentState.OPEN,
                       created_by_id=actor.user_id, customer_id=customer_id,
                       copied_from_id=copied_from_id)
    session.add(order)
    await session.flush()
    await assign_number(session, order)
    session.add_all([SalesOrderLine(order_id=order.id, line_no=i + 1, product_id=line.product_id,
                                    delivered_quantity=ZERO, returned_quantity=ZERO, **values)
                     for i, (line, values) in enumerate(zip(lines, amounts, strict=True))])
    await session.flush()
    await audit.record(session, actor=actor, action="sales_order.create", subject_type="sales_order",
                       subject_id=order.id, after=audit.snapshot(order, extra={"lines": amounts}))
    await remember(session, call, order)
    return order


async def order_lines(session: AsyncSession, order_id: int) -> list[SalesOrderLine]:
    return list((await session.execute(select(SalesOrderLine).where(SalesOrderLine.order_id == order_id)
                                       .order_by(SalesOrderLine.line_no))).scalars())


async def copy_sales_order(session: AsyncSession, *, actor: Actor, order_id: int, day: date) -> SalesOrder:
    """引用复制: a new order with the customer and lines of an existing one."""
    source = await visible_document(session, actor, SalesOrder, order_id)
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
    # Locking the order makes concurrent deliveries of it wait for each other.
    order = (await session.execute(select(SalesOrder).where(SalesOrder.id == order_id).with_for_update())
             ).scalar_one_or_none()
    if order is None or not policies.can_see_department(actor, order.department_id):
        raise not_found("orderId")
    if not policies.can_create_for(actor, order.department_id):
        raise DomainError(errors.OTHER_DEPARTMENT, field="orderId") if policies.can_create_for(
            actor, actor.department_id) else denied()
    call = idempotency(actor, "deliver_sales_order", idempotency_key, {
        "order_id": order_id, "warehouse_id": warehouse_id, "day": day, "lines": list(lines or [])})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    if order.state not in (DocumentState.OPEN, DocumentState.PARTIAL):
        raise DomainError(errors.WRONG_STATE, field="orderId")
    await get_active(session, Warehouse, warehouse_id, "warehouseId")
    all_lines = {line.id: line for line in await order_lines(session, order.id)}
    wanted = list(lines) if lines else [DeliveryLineInput(line.id, line.quantity - line.delivered_quantity)
                                        for line in all_lines.values() if line.quantity > line.delivered_quantity]
    check_line_count(wanted)
    delivery = SalesDelivery(number="", date=day, department_id=order.department_id, state=DocumentState.DONE,
                             created_by_id=actor.user_id, order_id=order.id,
                             customer_id=order.customer_id, warehouse_id=warehouse_id)
    session.add(delivery)
    await session.flush()
    await assign_number(session, delivery)
    snapshot, written = [], []
    for i, item in enumerate(wanted):
        where = f"lines[{i}]"
        order_line = all_lines.get(item.order_line_id)
        if order_line is None:
            raise not_found(f"{where}.orderLineId")
        quantity = checked_quantity(item.quantity, f"{where}.quantity")
        if quantity > order_line.quantity - order_line.delivered_quantity:
            raise DomainError(errors.OVER_DELIVERY, field=f"{where}.quantity")
        values = priced(PricedLineInput(order_line.product_id, quantity, order_line.unit_price, order_line.tax_rate),
                         where)
        row = SalesDeliveryLine(delivery_id=delivery.id, line_no=i + 1, product_id=order_line.product_id,
                                order_line_id=order_line.id, cost=ZERO, returned_quantity=ZERO, **values)
        session.add(row)
        written.append(row)
        await session.flush()
        row.cost = await stock_out(session, product_id=order_line.product_id, warehouse_id=warehouse_id, day=day,
                                   quantity=quantity, source=StockSource(delivery, row),
                                   field_name=f"{where}.quantity")
        order_line.delivered_quantity += quantity
        snapshot.append({**values, "cost": row.cost, "order_line_id": order_line.id})
    order.state = DocumentState.DONE if all(
        line.delivered_quantity >= line.quantity for line in all_lines.values()) else DocumentState.PARTIAL
    await session.flush()
    await audit.record(session, actor=actor, action="sales_delivery.create", subject_type="sales_delivery",
                       subject_id=delivery.id, after=audit.snapshot(delivery, extra={"lines": snapshot}))
    await publish_event(session, actor, delivery, written)
    await remember(session, call, delivery)
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
    delivery = await session.get(SalesDelivery, delivery_id)
    if delivery is None or not policies.can_see_department(actor, delivery.department_id):
        raise not_found("deliveryId")
    if not policies.can_create_for(actor, delivery.department_id):
        raise denied()
    call = idempotency(actor, "return_sales_order", idempotency_key,
                       {"delivery_id": delivery_id, "day": day, "lines": list(lines)})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    order = (await session.execute(select(SalesOrder).where(SalesOrder.id == delivery.order_id).with_for_update())
             ).scalar_one()
    check_line_count(lines)
    delivered = {line.id: line for line in (await session.execute(
        select(SalesDeliveryLine).where(SalesDeliveryLine.delivery_id == delivery.id))).scalars()}
    ret = SalesReturn(number="", date=day, department_id=delivery.department_id, state=DocumentState.DONE,
                      created_by_id=actor.user_id, order_id=order.id,
                      delivery_id=delivery.id, customer_id=delivery.customer_id, warehouse_id=delivery.warehouse_id)
    session.add(ret)
    await session.flush()
    await assign_number(session, ret)
    snapshot, written = [], []
    for i, item in enumerate(lines):
        where = f"lines[{i}]"
        line = delivered.get(item.delivery_line_id)
        if line is None:
            raise not_found(f"{where}.deliveryLineId")
        quantity = checked_quantity(item.quantity, f"{where}.quantity")
        if quantity > line.quantity - line.returned_quantity:
            raise DomainError(errors.OVER_RETURN, field=f"{where}.quantity")
        values = priced(PricedLineInput(line.product_id, quantity, line.unit_price, line.tax_rate), where)
        # The cost of what comes back is its share of the cost recorded at delivery.
        remaining = line.quantity - line.returned_quantity
        already = (await session.execute(select(func.coalesce(func.sum(SalesReturnLine.cost), 0)).where(
            SalesReturnLine.delivery_line_id == line.id))).scalar_one()
        cost = line.cost - Decimal(already) if quantity == remaining else money(line.cost * quantity / line.quantity)
        row = SalesReturnLine(return_id=ret.id, line_no=i + 1, product_id=line.product_id,
                              delivery_line_id=line.id, cost=cost, **values)
        session.add(row)
        written.append(row)
        await session.flush()
        await stock_in(session, product_id=line.product_id, warehouse_id=delivery.warehouse_id, day=day,
                       quantity=quantity, value=cost, source=StockSource(ret, row))
        line.returned_quantity += quantity
        order_line = await session.get(SalesOrderLine, line.order_line_id)
        assert order_line is not None
        order_line.returned_quantity += quantity
        snapshot.append({**values, "cost": cost, "delivery_line_id": line.id})
    await session.flush()
    await audit.record(session, actor=actor, action="sales_return.create", subject_type="sales_return",
                       subject_id=ret.id, after=audit.snapshot(ret, extra={"lines": snapshot}))
    await publish_event(session, actor, ret, written)
    await remember(session, call, ret)
    return ret


