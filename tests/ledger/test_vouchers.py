"""Vouchers: balanced, numbered, reviewed by someone else, posted once and never changed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department
from tests.ledger.conftest import DAY, Books
from yecai.actor import system_actor
from yecai.errors import DomainError
from yecai.ledger import service
from yecai.ledger.models import Voucher, VoucherLine, VoucherState


async def test_manual_voucher_lifecycle(session: AsyncSession, books: Books) -> None:
    voucher = await service.create_voucher(session, actor=books.preparer, day=DAY, summary="股东投资",
                                           lines=[books.line("1002", debit="100000.00"),
                                                  books.line("4001", credit="100000.00")])
    assert (voucher.state, voucher.word, voucher.total_debit, voucher.total_credit) == (
        VoucherState.DRAFT, "记", Decimal("100000.00"), Decimal("100000.00"))
    second = await service.create_voucher(session, actor=books.preparer, day=DAY, summary="提现",
                                          lines=[books.line("1001", debit="500"), books.line("1002", credit="500")])
    assert second.number == voucher.number + 1
    with pytest.raises(DomainError) as same:
        await service.review_voucher(session, actor=books.preparer, voucher_id=voucher.id)
    assert same.value.code == "SAME_PREPARER"
    with pytest.raises(DomainError) as early:
        await service.post_voucher(session, actor=books.reviewer, voucher_id=voucher.id)
    assert early.value.code == "WRONG_STATE"
    await service.review_voucher(session, actor=books.reviewer, voucher_id=voucher.id)
    posted = await service.post_voucher(session, actor=books.preparer, voucher_id=voucher.id)
    assert posted.state == VoucherState.POSTED and posted.poster_id == books.preparer.user_id


@pytest.mark.parametrize(("lines", "code", "field"), [
    ([("1002", "100", "0"), ("4001", "0", "99.99")], "UNBALANCED", "lines"),
    ([("1002", "100", "0")], "INVALID_INPUT", "lines"),
    ([("1002", "100.001", "0"), ("4001", "0", "100.001")], "INVALID_INPUT", "lines[0].debit"),
    ([("1002", "-100", "0"), ("4001", "0", "-100")], "INVALID_INPUT", "lines[0].debit"),
    ([("1002", "100", "100"), ("4001", "0", "0")], "INVALID_INPUT", "lines[0]"),
    ([("1122", "100", "0"), ("6001", "0", "100")], "DIMENSION_REQUIRED", "lines[0].customer"),
    ([("6602", "100", "0"), ("1002", "0", "100")], "ACCOUNT_NOT_LEAF", "lines[0].accountId"),
    ([("660201", "100", "0"), ("1002", "0", "100")], "DIMENSION_REQUIRED", "lines[0].department"),
])
async def test_bad_vouchers_are_refused(session: AsyncSession, books: Books, lines: list, code: str,
                                        field: str) -> None:
    before = (await session.execute(select(Voucher.id))).all()
    with pytest.raises(DomainError) as error:
        await service.create_voucher(session, actor=books.preparer, day=DAY, summary="测试",
                                     lines=[books.line(c, debit=d, credit=cr) for c, d, cr in lines])
    assert (error.value.code, error.value.field) == (code, field)
    assert (await session.execute(select(Voucher.id))).all() == before


async def test_periods_must_be_open(session: AsyncSession, books: Books) -> None:
    lines = [books.line("1001", debit="1"), books.line("1002", credit="1")]
    with pytest.raises(DomainError) as missing:
        await service.create_voucher(session, actor=books.preparer, day=date(2027, 1, 5), summary="x", lines=lines)
    assert missing.value.code == "PERIOD_NOT_OPEN"
    await service.close_period(session, actor=system_actor(), period="2026-11")
    with pytest.raises(DomainError) as closed:
        await service.create_voucher(session, actor=books.preparer, day=DAY, summary="x", lines=lines)
    assert closed.value.code == "PERIOD_CLOSED"


async def test_a_period_with_drafts_does_not_close(session: AsyncSession, books: Books) -> None:
    await service.create_voucher(session, actor=books.preparer, day=DAY, summary="x",
                                 lines=[books.line("1001", debit="1"), books.line("1002", credit="1")])
    with pytest.raises(DomainError) as error:
        await service.close_period(session, actor=system_actor(), period="2026-11")
    assert error.value.code == "PERIOD_HAS_DRAFTS"


async def test_reversal_is_linked_and_mirrors_the_original(session: AsyncSession, books: Books) -> None:
    department = await make_department(session)
    original = await service.record_voucher(
        session, actor=books.preparer, day=DAY, summary="报销差旅费", post=True,
        lines=[books.line("660201", debit="2300.00", department_id=department.id),
               books.line("1002", credit="2300.00")])
    reversal = await service.reverse_voucher(session, actor=books.reviewer, voucher_id=original.id)
    assert reversal.reversal_of_id == original.id and reversal.state == VoucherState.POSTED
    lines = (await session.execute(select(VoucherLine).where(VoucherLine.voucher_id == reversal.id)
                                   .order_by(VoucherLine.line_no))).scalars().all()
    assert [(line.debit, line.credit, line.department_id) for line in lines] == [
        (Decimal("0.00"), Decimal("2300.00"), department.id), (Decimal("2300.00"), Decimal("0.00"), None)]
    with pytest.raises(DomainError) as twice:
        await service.reverse_voucher(session, actor=books.reviewer, voucher_id=original.id)
    assert twice.value.code == "ALREADY_REVERSED"


async def _posted(session: AsyncSession, books: Books) -> Voucher:
    return await service.record_voucher(session, actor=books.preparer, day=DAY, summary="已记账", post=True,
                                        lines=[books.line("1001", debit="10"), books.line("1002", credit="10")])


@pytest.mark.parametrize("change", ["update voucher", "delete voucher", "update line", "delete line", "add line"])
async def test_the_database_refuses_to_change_a_posted_voucher(session: AsyncSession, books: Books,
                                                               change: str) -> None:
    voucher = await _posted(session, books)
    statements = {
        "update voucher": update(Voucher).where(Voucher.id == voucher.id).values(summary="改过"),
        "delete voucher": delete(Voucher).where(Voucher.id == voucher.id),
        "update line": update(VoucherLine).where(VoucherLine.voucher_id == voucher.id).values(debit=Decimal("0")),
        "delete line": delete(VoucherLine).where(VoucherLine.voucher_id == voucher.id),
        "add line": VoucherLine.__table__.insert().values(voucher_id=voucher.id, line_no=9, summary="x",
                                                          account_id=books.accounts["1001"].id,
                                                          debit=Decimal("1"), credit=Decimal("0")),
    }
    savepoint = await session.begin_nested()
    with pytest.raises((DBAPIError, IntegrityError)):
        await session.execute(statements[change])
    await savepoint.rollback()
    await session.refresh(voucher)
    assert voucher.summary == "已记账" and voucher.total_debit == Decimal("10.00")


async def test_the_database_refuses_to_post_an_unbalanced_voucher(session: AsyncSession, books: Books) -> None:
    voucher = await service.create_voucher(session, actor=books.preparer, day=DAY, summary="草稿",
                                           lines=[books.line("1001", debit="10"), books.line("1002", credit="10")])
    # Bypass the service: tamper with a draft line, then try to post directly in SQL.
    await session.execute(update(VoucherLine).where(VoucherLine.voucher_id == voucher.id, VoucherLine.line_no == 1)
                          .values(debit=Decimal("11")))
    await session.refresh(voucher)
    assert voucher.total_debit == Decimal("11.00")  # the trigger keeps totals true to the lines
    savepoint = await session.begin_nested()
    with pytest.raises(IntegrityError):
        await session.execute(update(Voucher).where(Voucher.id == voucher.id).values(state="POSTED"))
    await savepoint.rollback()
