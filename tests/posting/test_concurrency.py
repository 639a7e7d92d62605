"""Concurrent deliveries of one order: exactly one succeeds and the order is posted once.

These transactions commit for real (each writer has its own connection, as concurrent requests do),
in a database of their own.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.factories import actor_of, make_department, make_user
from yecai.actor import system_actor
from yecai.errors import DomainError
from yecai.ledger.models import Voucher
from yecai.ledger.service import open_period
from yecai.operations import service as ops
from yecai.operations.models import SalesDelivery, StockBalance
from yecai.org.models import DepartmentKind

DAY = date(2025, 6, 15)


async def test_concurrent_deliveries_of_one_order_post_once(isolated_engine: AsyncEngine) -> None:
    tag = uuid.uuid4().hex[:8]
    system = system_actor("concurrency-test")
    async with AsyncSession(isolated_engine, expire_on_commit=False) as session:
        await open_period(session, actor=system, period="2025-06")
        department = await make_department(session, code=f"CC-{tag}", kind=DepartmentKind.BUSINESS)
        seller = await actor_of(session, await make_user(session, roles=("business",), department=department))
        customer = await ops.create_customer(session, actor=system, code=f"CC-C-{tag}", name="并发客户")
        supplier = await ops.create_supplier(session, actor=system, code=f"CC-S-{tag}", name="并发供应商")
        category = await ops.create_product_category(session, actor=system, code=f"CC-G-{tag}", name="商品")
        product = await ops.create_product(session, actor=system, code=f"CC-P-{tag}", name="并发商品",
                                           category_id=category.id)
        warehouse = await ops.create_warehouse(session, actor=system, code=f"CC-W-{tag}", name="并发仓")
        await ops.create_purchase_receipt(session, actor=system, supplier_id=supplier.id, warehouse_id=warehouse.id,
                                          day=DAY, department_id=department.id, lines=[
                                              ops.PricedLineInput(product.id, Decimal("100"), Decimal("10.00"),
                                                                  Decimal("0.13"))])
        order = await ops.create_sales_order(session, actor=seller, customer_id=customer.id, day=DAY, lines=[
            ops.PricedLineInput(product.id, Decimal("10"), Decimal("20.00"), Decimal("0.13"))])
        await session.commit()

    async def attempt(n: int) -> str:
        async with AsyncSession(isolated_engine, expire_on_commit=False) as session:
            try:
                await ops.deliver_sales_order(session, actor=seller, order_id=order.id, warehouse_id=warehouse.id,
                                              day=DAY, idempotency_key=f"cc-{tag}-{n}")
                await session.commit()
                return "delivered"
            except DomainError as error:
                await session.rollback()
                return error.code

    outcomes = await asyncio.gather(*(attempt(n) for n in range(6)))
    assert outcomes.count("delivered") == 1, outcomes
    assert set(outcomes) - {"delivered"} <= {"WRONG_STATE", "OVER_DELIVERY"}, outcomes
    async with AsyncSession(isolated_engine) as session:
        deliveries = (await session.execute(select(SalesDelivery.id).where(SalesDelivery.order_id == order.id))
                      ).scalars().all()
        assert len(deliveries) == 1
        vouchers = (await session.execute(select(func.count()).where(
            Voucher.source_type == "sales_delivery", Voucher.source_id == deliveries[0]))).scalar_one()
        assert vouchers == 2
        stock = (await session.execute(select(StockBalance.quantity).where(
            StockBalance.product_id == product.id))).scalar_one()
        assert stock == Decimal("90.0000")


async def test_concurrent_retries_with_one_key_deliver_once(isolated_engine: AsyncEngine) -> None:
    """A client retrying while its first request still runs: one delivery, the retries answer it or wait."""
    tag = uuid.uuid4().hex[:8]
    system = system_actor("concurrency-test")
    async with AsyncSession(isolated_engine, expire_on_commit=False) as session:
        await open_period(session, actor=system, period="2025-06")
        department = await make_department(session, code=f"CK-{tag}", kind=DepartmentKind.BUSINESS)
        seller = await actor_of(session, await make_user(session, roles=("business",), department=department))
        customer = await ops.create_customer(session, actor=system, code=f"CK-C-{tag}", name="并发客户")
        supplier = await ops.create_supplier(session, actor=system, code=f"CK-S-{tag}", name="并发供应商")
        category = await ops.create_product_category(session, actor=system, code=f"CK-G-{tag}", name="商品")
        product = await ops.create_product(session, actor=system, code=f"CK-P-{tag}", name="并发商品",
                                           category_id=category.id)
        warehouse = await ops.create_warehouse(session, actor=system, code=f"CK-W-{tag}", name="并发仓")
        await ops.create_purchase_receipt(session, actor=system, supplier_id=supplier.id, warehouse_id=warehouse.id,
                                          day=DAY, department_id=department.id, lines=[
                                              ops.PricedLineInput(product.id, Decimal("100"), Decimal("10.00"),
                                                                  Decimal("0.13"))])
        order = await ops.create_sales_order(session, actor=seller, customer_id=customer.id, day=DAY, lines=[
            ops.PricedLineInput(product.id, Decimal("10"), Decimal("20.00"), Decimal("0.13"))])
        await session.commit()

    async def attempt() -> str | int:
        async with AsyncSession(isolated_engine, expire_on_commit=False) as session:
            try:
                delivery = await ops.deliver_sales_order(session, actor=seller, order_id=order.id,
                                                         warehouse_id=warehouse.id, day=DAY,
                                                         idempotency_key=f"retry-{tag}")
                await session.commit()
                return delivery.id
            except DomainError as error:
                await session.rollback()
                return error.code

    outcomes = await asyncio.gather(*(attempt() for _ in range(4)))
    ids = {o for o in outcomes if isinstance(o, int)}
    assert len(ids) == 1, outcomes  # every answer that is a delivery is the same one
    assert {o for o in outcomes if isinstance(o, str)} <= {"IDEMPOTENCY_KEY_IN_USE"}, outcomes
    async with AsyncSession(isolated_engine) as session:
        count = (await session.execute(select(func.count()).where(SalesDelivery.order_id == order.id))).scalar_one()
        assert count == 1
