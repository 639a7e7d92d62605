"""Idempotency keys are the caller's own: scoped to the actor and the operation, looked up only after the
policy allows the call, refused for a different request, and forgotten after a day (Stripe's rules)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_department, make_user
from tests.posting.conftest import DAY, Company
from yecai.db import utcnow
from yecai.errors import DomainError
from yecai.ledger.models import Voucher
from yecai.operations import service as ops
from yecai.operations.models import IdempotencyRecord, PurchaseReceipt, SalesOrder
from yecai.org.models import DepartmentKind


def _lines(c: Company, quantity: str = "2") -> list[ops.PricedLineInput]:
    return [ops.PricedLineInput(c.product.id, Decimal(quantity), Decimal("100.00"), Decimal("0.13"))]


async def _count(session: AsyncSession, model: type) -> int:
    return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_retry_with_the_same_key_acts_once(session: AsyncSession, company: Company) -> None:
    first = await ops.create_purchase_receipt(session, actor=company.buyer, supplier_id=company.supplier.id,
                                              warehouse_id=company.warehouse.id, day=DAY, lines=_lines(company),
                                              idempotency_key="pr-1")
    vouchers = await _count(session, Voucher)
    again = await ops.create_purchase_receipt(session, actor=company.buyer, supplier_id=company.supplier.id,
                                              warehouse_id=company.warehouse.id, day=DAY, lines=_lines(company),
                                              idempotency_key="pr-1")
    assert again.id == first.id
    assert await _count(session, PurchaseReceipt) == 1 and await _count(session, Voucher) == vouchers


async def test_the_same_key_for_another_request_is_refused(session: AsyncSession, company: Company) -> None:
    await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                 lines=_lines(company), idempotency_key="so-1")
    with pytest.raises(DomainError) as refused:
        await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                     lines=_lines(company, "3"), idempotency_key="so-1")
    assert (refused.value.code, refused.value.field) == ("IDEMPOTENCY_KEY_REUSED", "idempotencyKey")
    assert await _count(session, SalesOrder) == 1


async def test_another_users_key_is_another_key(session: AsyncSession, company: Company) -> None:
    """A second seller in another department sending the first seller's key gets an order of their own."""
    theirs = await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                          lines=_lines(company), idempotency_key="shared-key")
    other_department = await make_department(session, code="IDEM-OTHER", kind=DepartmentKind.BUSINESS)
    other = await actor_of(session, await make_user(session, roles=("business",), department=other_department))
    mine = await ops.create_sales_order(session, actor=other, customer_id=company.customer.id, day=DAY,
                                        lines=_lines(company), idempotency_key="shared-key")
    assert mine.id != theirs.id and mine.department_id == other_department.id


async def test_a_key_reveals_nothing_to_whoever_may_not_call(session: AsyncSession, company: Company) -> None:
    """The policy comes first: someone without the right is refused, key or no key."""
    await ops.create_purchase_receipt(session, actor=company.buyer, supplier_id=company.supplier.id,
                                      warehouse_id=company.warehouse.id, day=DAY, lines=_lines(company),
                                      idempotency_key="pr-secret")
    with pytest.raises(DomainError) as refused:
        await ops.create_purchase_receipt(session, actor=company.hr_person, supplier_id=company.supplier.id,
                                          warehouse_id=company.warehouse.id, day=DAY, lines=_lines(company),
                                          idempotency_key="pr-secret")
    assert refused.value.code == "PERMISSION_DENIED"


async def test_keys_are_scoped_to_the_operation(session: AsyncSession, company: Company) -> None:
    order = await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                         lines=_lines(company), idempotency_key="k")
    await ops.create_purchase_receipt(session, actor=company.buyer, supplier_id=company.supplier.id,
                                      warehouse_id=company.warehouse.id, day=DAY, lines=_lines(company, "10"),
                                      idempotency_key="k")
    delivery = await ops.deliver_sales_order(session, actor=company.seller, order_id=order.id,
                                             warehouse_id=company.warehouse.id, day=DAY, idempotency_key="k")
    assert delivery.order_id == order.id
    # Retrying the delivery answers the same delivery, though the order is done by now.
    again = await ops.deliver_sales_order(session, actor=company.seller, order_id=order.id,
                                          warehouse_id=company.warehouse.id, day=DAY, idempotency_key="k")
    assert again.id == delivery.id


async def test_a_key_is_forgotten_after_a_day(session: AsyncSession, company: Company) -> None:
    first = await ops.create_expense_claim(session, actor=company.seller, category="TRAVEL",
                                           amount=Decimal("10.00"), description="出差", day=DAY,
                                           idempotency_key="ec-1")
    await session.execute(update(IdempotencyRecord).values(created_at=utcnow() - timedelta(hours=25)))
    later = await ops.create_expense_claim(session, actor=company.seller, category="TRAVEL",
                                           amount=Decimal("10.00"), description="出差", day=DAY,
                                           idempotency_key="ec-1")
    assert later.id != first.id
    assert (await session.execute(select(func.count()).where(IdempotencyRecord.key == "ec-1"))).scalar_one() == 1


async def test_records_made_before_digests_still_replay(session: AsyncSession, company: Company) -> None:
    """Keys documents carried before this change were moved into records without a digest."""
    order = await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                         lines=_lines(company), idempotency_key="legacy")
    await session.execute(update(IdempotencyRecord).where(IdempotencyRecord.key == "legacy").values(
        request_digest=None))
    again = await ops.create_sales_order(session, actor=company.seller, customer_id=company.customer.id, day=DAY,
                                         lines=_lines(company, "7"), idempotency_key="legacy")
    assert again.id == order.id
