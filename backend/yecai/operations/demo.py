"""The demo's master data and documents; the documents post through the default rules.

Documents carry idempotency keys, so a second run finds them instead of posting again.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor, system_actor
from yecai.auth.service import actor_for
from yecai.manifest import DemoContext
from yecai.operations import service as ops
from yecai.operations.models import Customer, Product, ProductCategory, SalesDeliveryLine, Supplier, Warehouse


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    data: dict[str, Any] = ctx.data.get("operations") or {}
    if not data:
        return
    system = system_actor("seed")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    departments = ctx.refs["departments"]

    async def existing(model: type[Any]) -> dict[str, Any]:
        return {row.code: row for row in (await session.execute(select(model))).scalars()}

    masters = {}
    for key, model, create in (("customers", Customer, ops.create_customer), ("suppliers", Supplier,
                               ops.create_supplier), ("categories", ProductCategory, ops.create_product_category),
                               ("warehouses", Warehouse, ops.create_warehouse)):
        rows = await existing(model)
        for spec in data.get(key, []):
            if spec["code"] not in rows:
                rows[spec["code"]] = await create(session, actor=system, code=spec["code"], name=spec["name"])
        masters[key] = rows
    products = await existing(Product)
    for spec in data.get("products", []):
        if spec["code"] not in products:
            products[spec["code"]] = await ops.create_product(
                session, actor=system, code=spec["code"], name=spec["name"], unit=spec.get("unit", "件"),
                category_id=masters["categories"][spec["category"]].id)
    users = ctx.refs["users"]

    async def as_user(username: str) -> Actor:
        return await actor_for(session, users[username], request_id="seed", client_address="seed")

    def lines(rows: list[list[str]]) -> list[ops.PricedLineInput]:
        return [ops.PricedLineInput(products[code].id, Decimal(q), Decimal(price), Decimal(rate))
                for code, q, price, rate in rows]

    warehouse = next(iter(masters["warehouses"].values()))
    documents = 0
    for spec in data.get("purchases", []):
        await ops.create_purchase_receipt(session, actor=await as_user(spec["by"]),
                                          supplier_id=masters["suppliers"][spec["supplier"]].id,
                                          warehouse_id=warehouse.id, day=today, lines=lines(spec["lines"]),
                                          department_id=departments[spec["department"]].id,
                                          supplier_invoice_no=spec.get("invoice"), idempotency_key=spec["key"])
        documents += 1
    for spec in data.get("sales", []):
        seller = await as_user(spec["by"])
        order = await ops.create_sales_order(session, actor=seller, customer_id=masters["customers"][spec["customer"]].id,
                                             day=today, lines=lines(spec["lines"]), idempotency_key=spec["key"])
        documents += 1
        if spec.get("deliver"):
            order_lines = await ops.order_lines(session, order.id)
            partial = [ops.DeliveryLineInput(order_lines[0].id, (order_lines[0].quantity / 2).to_integral_value())] \
                if spec["deliver"] == "partial" else None
            delivery = await ops.deliver_sales_order(session, actor=seller, order_id=order.id,
                                                     warehouse_id=warehouse.id, day=today, lines=partial,
                                                     idempotency_key=f"{spec['key']}-delivery")
            documents += 1
            if spec.get("return"):
                line = (await session.execute(select(SalesDeliveryLine).where(
                    SalesDeliveryLine.delivery_id == delivery.id))).scalars().first()
                await ops.return_sales_order(session, actor=seller, delivery_id=delivery.id, day=today,
                                             lines=[ops.ReturnLineInput(line.id, Decimal(spec["return"]))],
                                             idempotency_key=f"{spec['key']}-return")
                documents += 1
            if spec.get("receipt"):
                await ops.record_customer_receipt(session, actor=await as_user("finance"),
                                                  customer_id=order.customer_id, day=today,
                                                  amount=Decimal(spec["receipt"]) - Decimal("2260.00")
                                                  if spec.get("return") else Decimal(spec["receipt"]),
                                                  idempotency_key=f"{spec['key']}-receipt")
                documents += 1
    for spec in data.get("claims", []):
        claim = await ops.create_expense_claim(session, actor=await as_user(spec["by"]), category=spec["category"],
                                               amount=Decimal(spec["amount"]), description=spec["description"],
                                               day=today, idempotency_key=spec["key"])
        if claim.state.value == "SUBMITTED":
            await ops.approve_expense_claim(session, actor=await as_user(spec["approver"]), claim_id=claim.id)
            await ops.pay_expense_claim(session, actor=await as_user(spec["payer"]), claim_id=claim.id, day=today)
        documents += 1
    ctx.created["documents"] = documents
