"""Recurrences that count working days, with a frozen clock across China's holidays and make-up days (调休)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_user
from yecai.errors import DomainError
from yecai.workdays import recurrence, service
from yecai.workdays.calendar import WorkCalendar, load_work_calendar
from yecai.workdays.models import DayKind

SH = ZoneInfo("Asia/Shanghai")
EVERY_WORKING_DAY = "FREQ=DAILY;X-YECAI-DAYS=WORKING"
FIFTH_OF_MONTH = "FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING"
LAST_OF_MONTH = "FREQ=MONTHLY;BYSETPOS=-1;X-YECAI-DAYS=WORKING"


def sh(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=SH)


def days(rule: str, cal: WorkCalendar, start: datetime, until: datetime, limit: int = 100) -> list[date]:
    found = recurrence.occurrences(rule, start, calendar=cal, after=start, before=until, limit=limit)
    assert all(m.tzinfo is UTC for m in found)
    return [m.astimezone(SH).date() for m in found]


@pytest.fixture
async def cal(session: AsyncSession) -> WorkCalendar:
    return await load_work_calendar(session)


async def test_every_working_day_across_national_day_2026(cal: WorkCalendar) -> None:
    found = days(EVERY_WORKING_DAY, cal, sh(2026, 9, 18), sh(2026, 10, 14))
    assert found == [date(2026, 9, 18), date(2026, 9, 20), date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23),
                     date(2026, 9, 24),  # 25–27 Mid-autumn
                     date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30),  # 1–7 October National Day
                     date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10), date(2026, 10, 12), date(2026, 10, 13)]
    # At the start's wall-clock time: 10:00 in Shanghai is 02:00 UTC.
    first = recurrence.occurrences(EVERY_WORKING_DAY, sh(2026, 9, 18), calendar=cal, after=sh(2026, 9, 18),
                                   before=sh(2026, 9, 19))
    assert first == [datetime(2026, 9, 18, 2, 0, tzinfo=UTC)]


async def test_the_next_time_node_with_a_frozen_clock(cal: WorkCalendar) -> None:
    start = sh(2026, 1, 5)
    # 11:00 on the last working day before National Day: the next node is 10:00 on 8 October.
    assert recurrence.next_occurrence(EVERY_WORKING_DAY, start, calendar=cal, after=sh(2026, 9, 30, 11)) == \
        sh(2026, 10, 8).astimezone(UTC)
    # Exactly at a node: it is the next one when inclusive, else the one after (a make-up Saturday).
    assert recurrence.next_occurrence(EVERY_WORKING_DAY, start, calendar=cal, after=sh(2026, 10, 9)) == \
        sh(2026, 10, 9).astimezone(UTC)
    assert recurrence.next_occurrence(EVERY_WORKING_DAY, start, calendar=cal, after=sh(2026, 10, 9),
                                      inclusive=False) == sh(2026, 10, 10).astimezone(UTC)
    # Spring Festival 2026: from the eve's afternoon to the first day back.
    assert recurrence.next_occurrence(EVERY_WORKING_DAY, start, calendar=cal, after=sh(2026, 2, 14, 15)) == \
        sh(2026, 2, 24).astimezone(UTC)


async def test_the_fifth_working_day_of_each_month(cal: WorkCalendar) -> None:
    found = days(FIFTH_OF_MONTH, cal, sh(2026, 1, 1, 9, 30), sh(2026, 12, 1))
    assert found == [
        date(2026, 1, 8),  # 1–3 New Year off, Sunday 4 January worked
        date(2026, 2, 6), date(2026, 3, 6), date(2026, 4, 8),  # 1–3 April, then 4–6 Qingming
        date(2026, 5, 11),  # 1–5 May off; 6, 7, 8, Saturday 9 May, 11
        date(2026, 6, 5), date(2026, 7, 7), date(2026, 8, 7), date(2026, 9, 7),
        date(2026, 10, 13),  # 8, 9, Saturday 10, 12, 13
        date(2026, 11, 6)]
    # Compared with plain weekdays (what meetings count): National Day moves it by a week.
    weekdays = days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5", cal, sh(2026, 10, 1), sh(2026, 11, 1))
    assert weekdays == [date(2026, 10, 7)]


async def test_a_start_in_mid_month_counts_the_whole_month(cal: WorkCalendar) -> None:
    # The 5th working day of January 2026 (the 8th) is before a start on the 20th, so February's comes first.
    assert days(FIFTH_OF_MONTH, cal, sh(2026, 1, 20), sh(2026, 3, 1)) == [date(2026, 2, 6)]


async def test_the_last_working_day_of_each_month(cal: WorkCalendar) -> None:
    assert days(LAST_OF_MONTH, cal, sh(2025, 1, 1), sh(2025, 3, 1)) == [date(2025, 1, 27), date(2025, 2, 28)]
    found = days(LAST_OF_MONTH, cal, sh(2026, 1, 1), sh(2026, 10, 1))
    assert found[1] == date(2026, 2, 28)  # a make-up Saturday ends February 2026
    assert found[8] == date(2026, 9, 30)
    # 2028 is past the covered years: the plain week, and the leap day is February's last working day.
    assert days(LAST_OF_MONTH, cal, sh(2028, 1, 1), sh(2028, 4, 1)) == [
        date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]


async def test_weekly_rules_on_working_days(cal: WorkCalendar) -> None:
    mondays = days("FREQ=WEEKLY;BYDAY=MO;X-YECAI-DAYS=WORKING", cal, sh(2026, 2, 1), sh(2026, 3, 3))
    assert mondays == [date(2026, 2, 2), date(2026, 2, 9), date(2026, 3, 2)]  # 16 and 23 February are holidays
    first_of_week = days("FREQ=WEEKLY;BYSETPOS=1;X-YECAI-DAYS=WORKING", cal, sh(2026, 9, 28), sh(2026, 10, 19))
    assert first_of_week == [date(2026, 9, 28), date(2026, 10, 8), date(2026, 10, 12)]
    saturdays = days("FREQ=WEEKLY;BYDAY=SA,SU;X-YECAI-DAYS=WORKING", cal, sh(2026, 1, 1), sh(2027, 1, 1))
    assert saturdays == [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                         date(2026, 9, 20), date(2026, 10, 10)]


async def test_count_counts_working_days_from_the_start(cal: WorkCalendar) -> None:
    rule = "FREQ=DAILY;COUNT=3;X-YECAI-DAYS=WORKING"
    assert days(rule, cal, sh(2026, 9, 30), sh(2027, 1, 1)) == [date(2026, 9, 30), date(2026, 10, 8),
                                                                 date(2026, 10, 9)]
    later = recurrence.occurrences(rule, sh(2026, 9, 30), calendar=cal, after=sh(2026, 10, 9, 12),
                                   before=sh(2027, 1, 1))
    assert later == []
    assert days("FREQ=DAILY;X-YECAI-DAYS=WORKING", cal, sh(2026, 9, 30), sh(2027, 1, 1), limit=2) == [
        date(2026, 9, 30), date(2026, 10, 8)]


async def test_an_admins_mark_moves_the_occurrences(session: AsyncSession) -> None:
    admin = await actor_of(session, await make_user(session, username="wd.rr.admin", roles=("admin",)))
    await service.mark_day(session, actor=admin, day=date(2026, 10, 8), kind=DayKind.HOLIDAY, name="公司假日")
    cal = await load_work_calendar(session)
    assert recurrence.next_occurrence(EVERY_WORKING_DAY, sh(2026, 1, 5), calendar=cal,
                                      after=sh(2026, 10, 1)) == sh(2026, 10, 9).astimezone(UTC)


async def test_plain_rules_are_plain_rrules(cal: WorkCalendar) -> None:
    for rule in ("FREQ=MONTHLY;BYMONTHDAY=1", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1;X-YECAI-DAYS=ALL"):
        assert days(rule, cal, sh(2026, 9, 1), sh(2026, 12, 1)) == [
            date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]  # 1 October is a holiday: still there
    assert recurrence.uses_working_days("RRULE:freq=daily;x-yecai-days=working")
    assert not recurrence.uses_working_days("FREQ=DAILY")
    # A plain rule needs no calendar.
    assert recurrence.next_occurrence("FREQ=DAILY", sh(2026, 1, 1), calendar=None, after=sh(2026, 10, 1)) == \
        sh(2026, 10, 1).astimezone(UTC)


async def test_a_working_day_rule_needs_the_calendar() -> None:
    with pytest.raises(TypeError):
        recurrence.parse(EVERY_WORKING_DAY, sh(2026, 1, 1), calendar=None)


@pytest.mark.parametrize("rule", [
    "FREQ=DAILY;X-YECAI-DAYS=SOMETIMES", "FREQ=MONTHLY;BYSETPOS=0;X-YECAI-DAYS=WORKING",
    "FREQ=MONTHLY;BYSETPOS=abc;X-YECAI-DAYS=WORKING", "FREQ=MONTHLY;BYSETPOS=400;X-YECAI-DAYS=WORKING",
    "FREQ=DAILY;COUNT=0;X-YECAI-DAYS=WORKING", "FREQ=HOURLY;X-YECAI-DAYS=WORKING",
    "FREQ=DAILY;COUNT=2;UNTIL=20270101T000000;X-YECAI-DAYS=WORKING", "FREQ=DAILY;FREQ=WEEKLY",
    "FREQ=DAILY;X-YECAI-DAYS=WORKING;X-YECAI-DAYS=WORKING", "FREQ=DAILY;;X-YECAI-DAYS=WORKING",
    "FREQ=MONTHLY;BYMONTHDAY=40;X-YECAI-DAYS=WORKING", "FREQ=DAILY;X-OTHER=1", "",
    "FREQ=DAILY;UNTIL=20250101T000000;X-YECAI-DAYS=WORKING",
])
async def test_bad_rules_name_the_field(cal: WorkCalendar, rule: str) -> None:
    with pytest.raises(DomainError) as caught:
        recurrence.parse(rule, sh(2026, 1, 1), calendar=cal, field="timeNode")
    assert caught.value.code == "INVALID_INPUT" and caught.value.field == "timeNode"
    assert caught.value.zh.startswith("timeNode：")


async def test_a_rule_that_cannot_occur_within_the_horizon_is_refused(cal: WorkCalendar) -> None:
    # Make-up Saturdays are known for covered years only; from 2027 on the plain week has none.
    with pytest.raises(DomainError) as caught:
        recurrence.parse("FREQ=WEEKLY;BYDAY=SA;X-YECAI-DAYS=WORKING", sh(2027, 1, 1), calendar=cal)
    assert caught.value.field == "recurrence"
    rule = recurrence.parse("FREQ=WEEKLY;BYDAY=SA;X-YECAI-DAYS=WORKING", sh(2026, 10, 1), calendar=cal)
    assert rule.next(sh(2026, 10, 1)) == sh(2026, 10, 10).astimezone(UTC)
    assert rule.next(sh(2026, 10, 11)) is None  # the search ends at the horizon
    assert rule.between(sh(2026, 10, 11), sh(2026, 10, 11) + timedelta(days=4000)) == []


@pytest.mark.parametrize(("rule", "start", "after", "expected"), [
    ("FREQ=MONTHLY;INTERVAL=2;BYSETPOS=1;X-YECAI-DAYS=WORKING", sh(2025, 1, 2), sh(2026, 9, 15), date(2026, 11, 2)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;X-YECAI-DAYS=WORKING", sh(2026, 1, 5), sh(2026, 2, 10), date(2026, 3, 2)),
    ("FREQ=DAILY;INTERVAL=3;X-YECAI-DAYS=WORKING", sh(2026, 9, 28), sh(2026, 9, 29), date(2026, 10, 10)),
    ("FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYSETPOS=1;X-YECAI-DAYS=WORKING", sh(2024, 1, 1), sh(2025, 1, 1),
     date(2026, 10, 8)),
])
async def test_intervals_keep_their_step_from_the_start(cal: WorkCalendar, rule: str, start: datetime,
                                                         after: datetime, expected: date) -> None:
    found = recurrence.next_occurrence(rule, start, calendar=cal, after=after)
    assert found is not None and found.astimezone(SH).date() == expected


@pytest.mark.parametrize("rule", [
    "FREQ=DAILY;X-YECAI-DAYS=WORKING", "FREQ=DAILY;INTERVAL=2;X-YECAI-DAYS=WORKING", FIFTH_OF_MONTH, LAST_OF_MONTH,
    "FREQ=WEEKLY;INTERVAL=3;BYSETPOS=-1;X-YECAI-DAYS=WORKING", "FREQ=MONTHLY;INTERVAL=5;BYSETPOS=2,-2;X-YECAI-DAYS=WORKING",
])
async def test_expanding_from_later_gives_the_tail_of_expanding_from_the_start(cal: WorkCalendar, rule: str) -> None:
    start, end = sh(2019, 3, 13, 9, 30), sh(2027, 1, 1)
    parsed = recurrence.parse(rule, start, calendar=cal)
    everything = parsed.between(start, end, limit=10_000)
    for later in (sh(2020, 2, 29), sh(2023, 12, 31, 23, 59), sh(2026, 10, 1), sh(2026, 2, 28, 9, 30)):
        tail = [m for m in everything if m >= later]
        assert parsed.between(later, end, limit=10_000) == tail
        if tail:  # (past the end, next() still finds one: it is not bounded by the end)
            assert parsed.next(later) == tail[0]
