"""The work calendar as seeded from chinesecalendar on a real database, with real dates of 2025 and 2026."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.workdays.calendar import MarkedDay, WorkCalendar, load_work_calendar
from yecai.workdays.models import DayKind


@pytest.fixture
async def cal(session: AsyncSession) -> WorkCalendar:
    return await load_work_calendar(session)


async def test_national_day_2026_and_its_make_up_days(cal: WorkCalendar) -> None:
    for d in range(1, 8):  # 1–7 October, Thursday to Wednesday, a weekend inside
        assert not cal.is_working_day(date(2026, 10, d))
        assert cal.name_of(date(2026, 10, d)) == "国庆节"
    assert cal.kind_of(date(2026, 10, 3)) is DayKind.HOLIDAY  # a Saturday inside the holiday carries its name
    # Sunday 20 September and Saturday 10 October are worked.
    assert cal.is_working_day(date(2026, 9, 20)) and date(2026, 9, 20).weekday() == 6
    assert cal.is_working_day(date(2026, 10, 10)) and date(2026, 10, 10).weekday() == 5
    assert cal.kind_of(date(2026, 10, 10)) is DayKind.WORKDAY and cal.name_of(date(2026, 10, 10)) == "国庆节"
    assert not cal.is_working_day(date(2026, 10, 11))  # the Sunday after stays a rest day
    assert cal.next_working_day(date(2026, 9, 30)) == date(2026, 10, 8)
    assert cal.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert cal.add_working_days(date(2026, 10, 8), -1) == date(2026, 9, 30)
    assert cal.add_working_days(date(2026, 10, 8), 2) == date(2026, 10, 10)
    assert cal.count_working_days(date(2026, 10, 1), date(2026, 10, 31)) == 18
    assert cal.nth_working_day_of_month(2026, 10, 1) == date(2026, 10, 8)
    assert cal.nth_working_day_of_month(2026, 10, 5) == date(2026, 10, 13)


async def test_national_day_2025_with_mid_autumn(cal: WorkCalendar) -> None:
    # 2025: 1–8 October off (National Day and Mid-autumn); Sunday 28 September and Saturday 11 October worked.
    assert [cal.is_working_day(date(2025, 10, d)) for d in range(1, 12)] == [
        False] * 8 + [True, True, True]
    assert cal.is_working_day(date(2025, 9, 28))
    assert cal.working_days(date(2025, 9, 26), date(2025, 10, 13)) == [
        date(2025, 9, 26), date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30),
        date(2025, 10, 9), date(2025, 10, 10), date(2025, 10, 11), date(2025, 10, 13)]
    assert cal.previous_working_day(date(2025, 10, 8)) == date(2025, 9, 30)


async def test_spring_festival(cal: WorkCalendar) -> None:
    # 2026: 15–23 February off; Saturdays 14 and 28 February worked.
    assert cal.is_working_day(date(2026, 2, 14)) and cal.is_working_day(date(2026, 2, 28))
    assert not any(cal.is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert cal.name_of(date(2026, 2, 17)) == "春节"
    assert cal.count_working_days(date(2026, 2, 1), date(2026, 2, 28)) == 16
    assert cal.nth_working_day_of_month(2026, 2, -1) == date(2026, 2, 28)  # a make-up Saturday ends the month
    # 2025: 28 January – 4 February off, so the month's last working day is Monday 27 January.
    assert cal.nth_working_day_of_month(2025, 1, -1) == date(2025, 1, 27)
    assert cal.is_working_day(date(2025, 1, 26))  # the make-up Sunday before
    assert cal.next_working_day(date(2025, 1, 27)) == date(2025, 2, 5)


async def test_month_ends(cal: WorkCalendar) -> None:
    # September 2026 ends on a Wednesday after Mid-autumn (25–27 September).
    assert cal.nth_working_day_of_month(2026, 9, -1) == date(2026, 9, 30)
    assert cal.nth_working_day_of_month(2026, 9, -4) == date(2026, 9, 24)
    # May 2026: 1–5 off, Saturday 9 May worked; 31 May is a Sunday.
    assert cal.nth_working_day_of_month(2026, 5, 1) == date(2026, 5, 6)
    assert cal.nth_working_day_of_month(2026, 5, 4) == date(2026, 5, 9)
    assert cal.nth_working_day_of_month(2026, 5, -1) == date(2026, 5, 29)
    assert cal.nth_working_day_of_month(2026, 5, 40) is None
    with pytest.raises(ValueError):
        cal.nth_working_day_of_month(2026, 5, 0)


async def test_outside_the_covered_years_the_plain_week_holds(cal: WorkCalendar) -> None:
    assert cal.covers(2004) and cal.covers(2026)
    assert not cal.covers(2003) and not cal.covers(2028)
    # 2028-02-29 is a Tuesday: a working day, and the last of its month.
    assert cal.is_working_day(date(2028, 2, 29))
    assert cal.nth_working_day_of_month(2028, 2, -1) == date(2028, 2, 29)
    assert cal.count_working_days(date(2028, 2, 1), date(2028, 2, 29)) == 21
    assert cal.add_working_days(date(2028, 2, 25), 2) == date(2028, 2, 29)  # Friday + 2 skips the weekend
    assert not cal.is_working_day(date(2028, 10, 1))  # a Sunday; 2028's National Day is not known yet
    assert cal.is_working_day(date(2028, 10, 2))


def test_the_plain_calendar_and_deadlines_on_holidays() -> None:
    plain = WorkCalendar.plain()
    assert plain.add_working_days(date(2026, 10, 2), 0) == date(2026, 10, 2)  # a Friday, no holidays known
    marked = WorkCalendar(marked={date(2026, 10, 2): MarkedDay(DayKind.HOLIDAY, "国庆节")},
                          covered_years=frozenset({2026}))
    assert marked.add_working_days(date(2026, 10, 2), 0) == date(2026, 10, 5)  # rolls to the next working day
    assert marked.next_working_day(date(2026, 10, 5), inclusive=True) == date(2026, 10, 5)
    assert marked.previous_working_day(date(2026, 10, 5)) == date(2026, 10, 1)
    assert marked.working_days(date(2026, 10, 5), date(2026, 10, 1)) == []


async def test_loading_is_one_statement(session: AsyncSession) -> None:
    from yecai.db import count_statements

    async with count_statements() as box:
        cal = await load_work_calendar(session)
    assert box[0] == 1
    assert len(cal.marked) > 700
