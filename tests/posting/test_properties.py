"""Property-based: random sequences of business documents keep every invariant of the books."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.posting.conftest import DAY, Company
from yecai.errors import DomainError
from yecai.ledger.models import Voucher, VoucherLine, VoucherState
from yecai.ledger.reports import trial_balance
from yecai.operations import service as ops
from yecai.operations.models import ExpenseCategory, SalesDelivery, SalesDeliveryLine, StockBalance, StockMove
from yecai.posting.reconciliation import reconcile

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000"), places=2)
quantity = st.integers(min_value=1, max_value=40).map(Decimal)
rate = st.sampled_from([Decimal("0"), Decimal("0.06"), Decimal("0.09"), Decimal("0.13")])

steps = st.lists(st.one_of(
    st.tuples(st.just("purchase"), quantity, money, rate),
    st.tuples(st.just("sell"), quantity, money, rate, st.booleans()),
    st.tuples(st.just("return"), st.integers(min_value=1, max_value=5).map(Decimal)),
    st.tuples(st.just("receipt"), st.integers(min_value=1, max_value=100)),
    st.tuples(st.just("pay"), st.integers(min_value=1, max_value=100)),
    st.tuples(st.just("claim"), money, st.sampled_from(list(ExpenseCategory))),
), min_size=1, max_size=12)


async def _posted_snapshot(session: AsyncSession) -> dict[int, tuple]:
    rows = (await session.execute(select(VoucherLine, Voucher.summary).join(Voucher).where(
        Voucher.state == VoucherState.POSTED))).all()
    return {line.id: (line.voucher_id, line.account_id, line.debit, line.credit, summary) for line, summary in rows}


async def _apply(session: AsyncSession, c: Company, step: tuple) -> None:
    kind = step[0]
    if kind == "purchase":
        await ops.create_purchase_receipt(session, actor=c.buyer, supplier_id=c.supplier.id,
                                          warehouse_id=c.warehouse.id, day=DAY,
                                          lines=[ops.PricedLineInput(c.product.id, step[1], step[2], step[3])])
    elif kind == "sell":
        order = await ops.create_sales_order(session, actor=c.seller, customer_id=c.customer.id, day=DAY,
                                             lines=[ops.PricedLineInput(c.product.id, step[1], step[2], step[3])])
        line = (await ops.order_lines(session, order.id))[0]
        part = line.quantity if step[4] else max(Decimal(1), (line.quantity / 2).to_integral_value())
        await ops.deliver_sales_order(session, actor=c.seller, order_id=order.id, warehouse_id=c.warehouse.id,
                                      day=DAY, lines=[ops.DeliveryLineInput(line.id, part)])
    elif kind == "return":
        candidates = (await session.execute(select(SalesDeliveryLine).join(SalesDelivery).where(
            SalesDelivery.customer_id == c.customer.id,
            SalesDeliveryLine.quantity > SalesDeliveryLine.returned_quantity).order_by(SalesDeliveryLine.id)
        )).scalars().all()
        if candidates:
            line = candidates[0]
            amount = min(step[1], line.quantity - line.returned_quantity)
            await ops.return_sales_order(session, actor=c.seller, delivery_id=line.delivery_id, day=DAY,
                                         lines=[ops.ReturnLineInput(line.id, amount)])
    elif kind in ("receipt", "pay"):
        open_amount = await (ops.customer_open_amount(session, c.customer.id) if kind == "receipt"
                             else ops.supplier_open_amount(session, c.supplier.id))
        amount = (open_amount * step[1] / 100).quantize(Decimal("0.01"))
        if amount > 0:
            if kind == "receipt":
                await ops.record_customer_receipt(session, actor=c.accountant, customer_id=c.customer.id, day=DAY,
                                                  amount=amount)
            else:
                await ops.record_supplier_payment(session, actor=c.accountant, supplier_id=c.supplier.id, day=DAY,
                                                  amount=amount)
    else:
        claim = await ops.create_expense_claim(session, actor=c.seller, category=step[2], amount=step[1],
                                               description="随机报销", day=DAY)
        await ops.approve_expense_claim(session, actor=c.sales_manager, claim_id=claim.id)
        await ops.pay_expense_claim(session, actor=c.accountant, claim_id=claim.id, day=DAY)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=steps)
async def test_random_documents_keep_the_books_whole(session: AsyncSession, company: Company, sequence: list) -> None:
    savepoint = await session.begin_nested()
    try:
        posted_before: dict[int, tuple] = {}
        for step in sequence:
            # Each step is one request: atomic, undone as a whole when refused.
            try:
                async with session.begin_nested():
                    await _apply(session, company, step)
            except DomainError as error:
                # Selling more than is on hand is refused; nothing else may fail.
                assert error.code == "INSUFFICIENT_STOCK", (step, error)
            posted_now = await _posted_snapshot(session)
            # Posted vouchers never change: everything posted before is still there, as it was.
            assert {k: posted_now[k] for k in posted_before} == posted_before
            posted_before = posted_now

        unbalanced = (await session.execute(select(func.count()).where(
            Voucher.total_debit != Voucher.total_credit))).scalar_one()
        assert unbalanced == 0
        sums = (await session.execute(select(VoucherLine.voucher_id, func.sum(VoucherLine.debit),
                                             func.sum(VoucherLine.credit)).group_by(VoucherLine.voucher_id))).all()
        assert all(d == c for _, d, c in sums)

        tb = await trial_balance(session, actor=company.accountant, period="2026-11")
        assert tb.totals["debit"] == tb.totals["credit"]
        assert tb.totals["closing_debit"] == tb.totals["closing_credit"]

        checks = await reconcile(session, actor=company.accountant, period="2026-11")
        assert all(check.passed for check in checks), [(c.code, [e.message for e in c.exceptions]) for c in checks]

        balance = (await session.execute(select(StockBalance).where(
            StockBalance.product_id == company.product.id))).scalar_one_or_none()
        if balance is not None:
            assert balance.quantity >= 0 and balance.value >= 0
            moved = (await session.execute(select(func.sum(StockMove.quantity), func.sum(StockMove.value)).where(
                StockMove.product_id == company.product.id))).one()
            assert (moved[0], moved[1]) == (balance.quantity, balance.value)
            if balance.quantity == 0:
                assert balance.value == 0  # no residue once everything has left
    finally:
        await savepoint.rollback()
