"""The six reference posting cases (shared/reference/posting-cases.md), with their exact vouchers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.posting.conftest import DAY, Company, q, voucher_lines
from yecai.errors import DomainError
from yecai.ledger.models import Voucher, VoucherLine, VoucherState
from yecai.operations import service as ops
from yecai.operations.models import ExpenseCategory, StockBalance
from yecai.operations.service import DeliveryLineInput, PricedLineInput, ReturnLineInput


async def _stock(session: AsyncSession, c: Company) -> tuple[Decimal, Decimal]:
    balance = (await session.execute(select(StockBalance).where(
        StockBalance.product_id == c.product.id, StockBalance.warehouse_id == c.warehouse.id))).scalar_one()
    return balance.quantity, balance.value


async def _purchases(session: AsyncSession, c: Company) -> None:
    for quantity, price in (("100", "550.00"), ("50", "610.00")):
        await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id,
                                          warehouse_id=c.warehouse.id, day=DAY, lines=[
                                              PricedLineInput(c.product.id, q(quantity), q(price), q("0.13"))])


async def test_cases_1_and_2_purchases_and_the_moving_average(session: AsyncSession, company: Company) -> None:
    c = company
    first = await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id,
                                              warehouse_id=c.warehouse.id, day=DAY, supplier_invoice_no="INV-1",
                                              lines=[PricedLineInput(c.product.id, q("100"), q("550.00"), q("0.13"))])
    assert await voucher_lines(session, "purchase_receipt", first.id) == [[
        ("1405", "55000.00", "0.00", c.product.id),
        ("22210101", "7150.00", "0.00", None),
        ("2202", "0.00", "62150.00", c.supplier.id),
    ]]
    assert await _stock(session, c) == (q("100.0000"), q("55000.00"))
    second = await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id,
                                               warehouse_id=c.warehouse.id, day=DAY,
                                               lines=[PricedLineInput(c.product.id, q("50"), q("610.00"), q("0.13"))])
    assert await voucher_lines(session, "purchase_receipt", second.id) == [[
        ("1405", "30500.00", "0.00", c.product.id),
        ("22210101", "3965.00", "0.00", None),
        ("2202", "0.00", "34465.00", c.supplier.id),
    ]]
    quantity, value = await _stock(session, c)
    assert (quantity, value, value / quantity) == (q("150.0000"), q("85500.00"), q("570"))
    with pytest.raises(DomainError) as duplicate:
        await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id,
                                          warehouse_id=c.warehouse.id, day=DAY, supplier_invoice_no="INV-1",
                                          lines=[PricedLineInput(c.product.id, q("1"), q("1"), q("0.13"))])
    assert (duplicate.value.code, duplicate.value.field) == ("DUPLICATE_INVOICE", "supplierInvoiceNo")


async def _delivered(session: AsyncSession, c: Company):
    await _purchases(session, c)
    order = await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                         lines=[PricedLineInput(c.product.id, q("10"), q("1000.00"), q("0.13"))])
    delivery = await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                             day=DAY)
    return order, delivery


async def test_case_3_delivery_posts_revenue_and_cost(session: AsyncSession, company: Company) -> None:
    c = company
    order, delivery = await _delivered(session, c)
    assert await voucher_lines(session, "sales_delivery", delivery.id) == [
        [("1122", "11300.00", "0.00", c.customer.id), ("6001", "0.00", "10000.00", None),
         ("22210102", "0.00", "1300.00", None)],
        [("6401", "5700.00", "0.00", None), ("1405", "0.00", "5700.00", c.product.id)],
    ]
    assert await _stock(session, c) == (q("140.0000"), q("79800.00"))
    assert order.state.value == "DONE"
    # Every generated line names its document line and rule version; the vouchers are posted.
    lines = (await session.execute(select(VoucherLine).where(VoucherLine.source_id == delivery.id,
                                                             VoucherLine.source_type == "sales_delivery"))).scalars()
    assert all(line.source_line_id and line.rule_version_id for line in lines)
    states = (await session.execute(select(Voucher.state).where(Voucher.source_id == delivery.id,
                                                                Voucher.source_type == "sales_delivery"))).scalars()
    assert set(states) == {VoucherState.POSTED}


async def test_case_4_customer_pays(session: AsyncSession, company: Company) -> None:
    c = company
    await _delivered(session, c)
    receipt = await ops.record_customer_receipt(session, actor=c.accountant, customer_id=c.customer.id, day=DAY,
                                                amount=q("11300.00"))
    assert await voucher_lines(session, "customer_receipt", receipt.id) == [
        [("1002", "11300.00", "0.00", None), ("1122", "0.00", "11300.00", c.customer.id)]]
    with pytest.raises(DomainError) as over:
        await ops.record_customer_receipt(session, actor=c.accountant, customer_id=c.customer.id, day=DAY,
                                          amount=q("0.01"))
    assert over.value.code == "OVER_PAYMENT"


@pytest.mark.parametrize(("claimant", "account"), [("seller", "660101"), ("accountant", "660201"),
                                                   ("hr_person", "660201")])
async def test_case_5_expense_claim_by_department(session: AsyncSession, company: Company, claimant: str,
                                                  account: str) -> None:
    c = company
    person = getattr(c, claimant)
    claim = await ops.create_expense_claim(session, actor=person, category=ExpenseCategory.TRAVEL,
                                           amount=q("2300.00"), description="出差北京", day=DAY)
    # The manager of the claimant's department approves; here that is the sales manager for sales staff.
    if claimant == "seller":
        await ops.approve_expense_claim(session, actor=c.sales_manager, claim_id=claim.id)
    else:
        from tests.factories import actor_of, make_user

        manager = await actor_of(session, await make_user(
            session, roles=("manager",), department=c.finance_dept if claimant == "accountant" else c.hr_dept))
        await ops.approve_expense_claim(session, actor=manager, claim_id=claim.id)
    await ops.pay_expense_claim(session, actor=c.accountant, claim_id=claim.id, day=DAY)
    assert await voucher_lines(session, "expense_claim", claim.id) == [
        [(account, "2300.00", "0.00", claim.department_id), ("1002", "0.00", "2300.00", None)]]


async def test_case_6_sales_return_at_the_delivery_cost(session: AsyncSession, company: Company) -> None:
    c = company
    _, delivery = await _delivered(session, c)
    # A later purchase changes the average; the return still comes back at 570.00.
    await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id, warehouse_id=c.warehouse.id,
                                      day=DAY, lines=[PricedLineInput(c.product.id, q("60"), q("700.00"), q("0.13"))])
    delivery_line = (await session.execute(select(VoucherLine.source_line_id).where(
        VoucherLine.source_type == "sales_delivery", VoucherLine.source_id == delivery.id))).scalars().first()
    ret = await ops.return_sales_order(session, actor=c.seller, delivery_id=delivery.id, day=DAY,
                                       lines=[ReturnLineInput(delivery_line, q("2"))])
    assert await voucher_lines(session, "sales_return", ret.id) == [
        [("6001", "2000.00", "0.00", None), ("22210102", "260.00", "0.00", None),
         ("1122", "0.00", "2260.00", c.customer.id)],
        [("1405", "1140.00", "0.00", c.product.id), ("6401", "0.00", "1140.00", None)],
    ]
    with pytest.raises(DomainError) as too_many:
        await ops.return_sales_order(session, actor=c.seller, delivery_id=delivery.id, day=DAY,
                                     lines=[ReturnLineInput(delivery_line, q("9"))])
    assert (too_many.value.code, too_many.value.field) == ("OVER_RETURN", "lines[0].quantity")


async def test_partial_deliveries_and_stock_never_negative(session: AsyncSession, company: Company) -> None:
    c = company
    await _purchases(session, c)
    order = await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                         lines=[PricedLineInput(c.product.id, q("200"), q("1000.00"), q("0.13"))])
    line_id = (await ops.order_lines(session, order.id))[0].id
    first = await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                          day=DAY, lines=[DeliveryLineInput(line_id, q("30"))])
    assert order.state.value == "PARTIAL"
    assert (await voucher_lines(session, "sales_delivery", first.id))[1] == [
        ("6401", "17100.00", "0.00", None), ("1405", "0.00", "17100.00", c.product.id)]
    with pytest.raises(DomainError) as short:
        await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                      day=DAY, lines=[DeliveryLineInput(line_id, q("121"))])
    assert (short.value.code, short.value.field) == ("INSUFFICIENT_STOCK", "lines[0].quantity")
    with pytest.raises(DomainError) as over:
        await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                      day=DAY, lines=[DeliveryLineInput(line_id, q("171"))])
    assert over.value.code == "OVER_DELIVERY"
    # The last units take the remaining value exactly.
    await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id, day=DAY,
                                  lines=[DeliveryLineInput(line_id, q("120"))])
    assert await _stock(session, c) == (q("0.0000"), q("0.00"))


async def test_a_retried_delivery_posts_once(session: AsyncSession, company: Company) -> None:
    c = company
    await _purchases(session, c)
    order = await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                         lines=[PricedLineInput(c.product.id, q("10"), q("1000.00"), q("0.13"))])
    first = await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                          day=DAY, idempotency_key="deliver-once-1")
    again = await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                          day=DAY, idempotency_key="deliver-once-1")
    assert again.id == first.id
    assert len(await voucher_lines(session, "sales_delivery", first.id)) == 2


async def test_business_staff_enter_documents_of_their_own_department_only(session: AsyncSession,
                                                                           company: Company) -> None:
    c = company
    with pytest.raises(DomainError) as other:
        await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                     department_id=c.purchasing.id,
                                     lines=[PricedLineInput(c.product.id, q("1"), q("1"), q("0.13"))])
    assert (other.value.code, other.value.field) == ("OTHER_DEPARTMENT", "departmentId")
    with pytest.raises(DomainError) as denied:
        await ops.create_sales_order(session, actor=c.hr_person, customer_id=c.customer.id, day=DAY,
                                     lines=[PricedLineInput(c.product.id, q("1"), q("1"), q("0.13"))])
    assert denied.value.code == "PERMISSION_DENIED"


async def test_statements_after_all_six_cases(session: AsyncSession, company: Company) -> None:
    from yecai.ledger.statements import balance_sheet, income_statement

    c = company
    _, delivery = await _delivered(session, c)
    await ops.record_customer_receipt(session, actor=c.accountant, customer_id=c.customer.id, day=DAY,
                                      amount=q("11300.00"))
    claim = await ops.create_expense_claim(session, actor=c.seller, category=ExpenseCategory.TRAVEL,
                                           amount=q("2300.00"), description="出差", day=DAY)
    await ops.approve_expense_claim(session, actor=c.sales_manager, claim_id=claim.id)
    await ops.pay_expense_claim(session, actor=c.accountant, claim_id=claim.id, day=DAY)
    delivery_line = (await session.execute(select(VoucherLine.source_line_id).where(
        VoucherLine.source_type == "sales_delivery", VoucherLine.source_id == delivery.id))).scalars().first()
    await ops.return_sales_order(session, actor=c.seller, delivery_id=delivery.id, day=DAY,
                                 lines=[ReturnLineInput(delivery_line, q("2"))])

    income = {line.name: line for line in await income_statement(session, actor=c.accountant, period="2026-11")}
    assert income["一、营业收入"].current == q("8000.00")  # 10,000.00 sold, 2,000.00 returned
    assert income["减：营业成本"].current == q("4560.00")  # 5,700.00 less 1,140.00
    assert income["销售费用"].current == q("2300.00")
    assert income["二、营业利润"].current == q("1140.00") == income["四、净利润"].comparative

    sheet = {line.number: line for line in await balance_sheet(session, actor=c.accountant, period="2026-11")}
    assert sheet[16].current == sheet[34].current  # 资产总计 = 负债和所有者权益总计
    assert sheet[7].current == q("80940.00")  # 存货: 85,500.00 bought, 5,700.00 sold, 1,140.00 back
    assert sheet[32].current == q("1140.00")  # 未分配利润 holds the profit not yet closed


async def test_receipts_settle_the_oldest_open_items_first(session: AsyncSession, company: Company) -> None:
    c = company
    await _purchases(session, c)
    deliveries = []
    for quantity in ("1", "2"):
        order = await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                             lines=[PricedLineInput(c.product.id, q(quantity), q("100.00"), q("0.13"))])
        deliveries.append(await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id,
                                                        warehouse_id=c.warehouse.id, day=DAY))
    items = await ops.open_items(session, customer_id=c.customer.id)
    assert [(i.item_id, i.amount, i.open) for i in items] == [
        (deliveries[0].id, q("113.00"), q("113.00")), (deliveries[1].id, q("226.00"), q("226.00"))]
    await ops.record_customer_receipt(session, actor=c.accountant, customer_id=c.customer.id, day=DAY,
                                      amount=q("200.00"))
    items = await ops.open_items(session, customer_id=c.customer.id)
    assert [(i.item_id, i.settled, i.open) for i in items] == [(deliveries[1].id, q("87.00"), q("139.00"))]
    payables = await ops.open_items(session, supplier_id=c.supplier.id)
    assert sum(i.open for i in payables) == q("96615.00")  # 62,150.00 + 34,465.00
