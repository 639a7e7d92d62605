"""Meeting series on the work calendar, with a frozen clock: the n-th working day of a month and every working day
across China's public holidays, make-up working days (调休) and month ends; scheduling the next free occurrence; the
.ics export of such a series as dates, parsed back with icalendar; bad rules named and nothing written.

The days are the chinesecalendar package's, as the migrations seed them: in 2026 National Day is 1–7 October with
Sunday 20 September and Saturday 10 October worked; Mid-autumn is 25–27 September; the Spring Festival holiday is
15–23 February with Saturdays 14 and 28 February worked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.meetings.conftest import Org
from yecai.errors import DomainError
from yecai.meetings import exports, recurrence, service
from yecai.meetings.service import MeetingInput, SeriesInput
from yecai.workdays.calendar import WorkCalendar, load_work_calendar

SH = ZoneInfo("Asia/Shanghai")
FIFTH = "FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING"
LAST = "FREQ=MONTHLY;BYSETPOS=-1;X-YECAI-DAYS=WORKING"
EVERY = "FREQ=DAILY;X-YECAI-DAYS=WORKING"


def sh(y: int, m: int, d: int, hour: int = 9, minute: int = 30) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=SH)


@pytest.fixture
async def cal(session: AsyncSession) -> WorkCalendar:
    return await load_work_calendar(session)


def days(rule: str, cal: WorkCalendar | None, start: datetime, until: datetime) -> list[date]:
    found = recurrence.occurrences(rule, start, calendar=cal, after=start, before=until, limit=400)
    assert all(m.tzinfo is UTC for m in found)
    return [m.astimezone(SH).date() for m in found]


async def test_the_fifth_working_day_of_each_month_skips_holidays_and_counts_make_up_days(cal: WorkCalendar) -> None:
    found = days(FIFTH, cal, sh(2026, 1, 1), sh(2026, 12, 31))
    assert found == [date(2026, 1, 8),  # 1 January a holiday (plain weekdays: the 7th)
                     date(2026, 2, 6), date(2026, 3, 6),
                     date(2026, 4, 8),  # Qingming 4–6 April (plain: the 7th)
                     date(2026, 5, 11),  # Labour Day 1–5 May, Saturday 9 May worked (plain: the 7th)
                     date(2026, 6, 5), date(2026, 7, 7), date(2026, 8, 7), date(2026, 9, 7),
                     date(2026, 10, 13),  # 1–7 October off; 8, 9, Saturday 10 (worked), 12, 13 (plain: the 7th)
                     date(2026, 11, 6), date(2026, 12, 7)]
    # The plain rule of weekdays knows no holidays: it lands on the 7th of October, in the National Day holiday.
    plain = days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5", None, sh(2026, 10, 1), sh(2026, 10, 31))
    assert plain == [date(2026, 10, 7)]


async def test_the_last_working_day_of_each_month_can_be_a_make_up_saturday(cal: WorkCalendar) -> None:
    found = days(LAST, cal, sh(2026, 1, 1), sh(2026, 5, 1))
    # 28 February 2026 is a Saturday worked for the Spring Festival; 31 January is a Saturday off.
    assert found == [date(2026, 1, 30), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


async def test_every_working_day_across_national_day(cal: WorkCalendar) -> None:
    found = days(EVERY, cal, sh(2026, 9, 18), sh(2026, 10, 13))
    assert found == [date(2026, 9, 18), date(2026, 9, 20),  # Sunday 20 September worked
                     date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23), date(2026, 9, 24),  # 25–27 Mid-autumn
                     date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30),  # 1–7 October National Day
                     date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10), date(2026, 10, 12)]
    # At the series' wall-clock time: 09:30 in Shanghai is 01:30 UTC.
    first = recurrence.occurrences(EVERY, sh(2026, 9, 18), calendar=cal, after=sh(2026, 9, 18), before=sh(2026, 9, 19))
    assert first == [datetime(2026, 9, 18, 1, 30, tzinfo=UTC)]


async def test_a_working_day_rule_needs_the_calendar_and_calendar_for_loads_it_only_then(session: AsyncSession) -> None:
    assert await recurrence.calendar_for(session, "FREQ=WEEKLY;BYDAY=MO") is None
    loaded = await recurrence.calendar_for(session, "FREQ=WEEKLY;BYDAY=MO", FIFTH)
    assert loaded is not None and not loaded.is_working_day(date(2026, 10, 5))
    with pytest.raises(TypeError):
        recurrence.parse(FIFTH, sh(2026, 1, 1), calendar=None)


async def series_of(session: AsyncSession, org: Org, **kw: object):
    data: dict = dict(title="月度业财例会", recurrence=FIFTH, starts_at=sh(2026, 9, 1), duration_minutes=60,
                      default_department_ids=[org.east.id])
    data.update(kw)
    return await service.create_meeting_series(session, actor=await org.actor(session, org.organiser),
                                               data=SeriesInput(**data))


async def test_the_next_free_occurrence_follows_the_work_calendar(session: AsyncSession, org: Org) -> None:
    series = await series_of(session, org)
    # On 30 September (frozen), the next fifth working day is 13 October, after the holiday.
    assert await service._next_free_occurrence(session, series, now=sh(2026, 9, 30, 12)) == sh(2026, 10, 13)
    organiser = await org.actor(session, org.organiser)
    await service.schedule_meeting(session, actor=organiser, data=MeetingInput(series_id=series.id,
                                                                               starts_at=sh(2026, 10, 13)))
    # Taken: the next free one is November's.
    assert await service._next_free_occurrence(session, series, now=sh(2026, 9, 30, 12)) == sh(2026, 11, 6)
    daily = await series_of(session, org, title="每日站会", recurrence=EVERY, starts_at=sh(2026, 9, 1, 8, 45))
    assert await service._next_free_occurrence(session, daily, now=sh(2026, 10, 9, 9)) == sh(2026, 10, 10, 8, 45)


@pytest.mark.parametrize(("rule", "says"), [
    ("FREQ=MONTHLY;BYSETPOS=0;X-YECAI-DAYS=WORKING", "BYSETPOS"),
    ("FREQ=MONTHLY;BYSETPOS=25;X-YECAI-DAYS=WORKING", "不会有任何一次"),  # no month has 25 working days
    ("FREQ=DAILY;X-YECAI-DAYS=SOMETIMES", "X-YECAI-DAYS"),
    ("FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING;X-YECAI-DAYS=WORKING", "两次"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20270101T000000;X-YECAI-DAYS=WORKING", "COUNT"),
])
async def test_bad_working_day_rules_are_named_and_nothing_is_written(session: AsyncSession, org: Org, rule: str,
                                                                      says: str) -> None:
    await org.actor(session, org.organiser)
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await series_of(session, org, recurrence=rule)
    assert (caught.value.code, caught.value.field) == ("INVALID_INPUT", "recurrence")
    assert says in caught.value.zh
    assert await fingerprint(session) == before


def _dates(ics: bytes) -> tuple[list[datetime], list[str]]:
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    found = [event.decoded("dtstart")]
    rdate = event.get("rdate")
    for group in (rdate if isinstance(rdate, list) else [rdate] if rdate is not None else []):
        found += [d.dt for d in group.dts]
    return sorted(found), [str(k) for k in event]


async def test_the_ics_of_a_working_day_series_lists_its_dates_and_no_rrule(session: AsyncSession, org: Org) -> None:
    series = await series_of(session, org)
    actor = await org.actor(session, org.attendee)
    _, ics = await exports.series_ics(session, actor=actor, series_id=series.id, host="yecai.test",
                                      now=sh(2026, 9, 20, 15))
    found, keys = _dates(ics)
    assert "RRULE" not in keys and b"X-YECAI" not in ics
    assert all(d.tzinfo is not None and d.utcoffset() == timedelta(hours=8) for d in found)
    # The next 12 months from 20 September 2026, at 09:30 Shanghai time. 2027's holidays are not in the calendar
    # yet (the package knows up to 2026): the plain week holds there, and the description says so.
    assert [d.date() for d in found[:4]] == [date(2026, 10, 13), date(2026, 11, 6), date(2026, 12, 7),
                                              date(2027, 1, 7)]
    assert all((d.hour, d.minute) == (9, 30) for d in found)
    assert len(found) == 12 and found[-1].date() < date(2027, 9, 21)
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=60)
    description = str(event.get("description"))
    assert "按工作日计" in description and "2027 年的节假日安排尚未录入工作日历" in description

    daily = await series_of(session, org, title="每日站会", recurrence=EVERY, starts_at=sh(2026, 9, 1, 8, 45))
    _, ics = await exports.series_ics(session, actor=actor, series_id=daily.id, host="yecai.test",
                                      now=sh(2026, 9, 18, 10))
    found, _ = _dates(ics)
    around = [d.date() for d in found if date(2026, 9, 18) <= d.date() <= date(2026, 10, 12)]
    assert around == [date(2026, 9, 18), date(2026, 9, 20), date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23),
                      date(2026, 9, 24), date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 8),
                      date(2026, 10, 9), date(2026, 10, 10), date(2026, 10, 12)]
    assert found[0] == sh(2026, 9, 18, 8, 45)  # today's, at the series' time


async def test_the_ics_of_a_plain_series_keeps_its_rrule(session: AsyncSession, org: Org) -> None:
    series = await series_of(session, org, recurrence="FREQ=WEEKLY;BYDAY=MO", starts_at=sh(2026, 9, 7))
    _, ics = await exports.series_ics(session, actor=await org.actor(session, org.attendee), series_id=series.id,
                                      host="yecai.test", now=sh(2026, 9, 20))
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert event.get("rrule").to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert event.get("rdate") is None and event.decoded("dtstart") == sh(2026, 9, 7)
