"""Recurrences with a frozen clock: month ends, leap days, the n-th weekday of a month; plain rules here, working-day
rules on the work calendar in test_working_days.py."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from yecai.errors import DomainError
from yecai.meetings import recurrence


def days(rule: str, start: datetime, until: datetime) -> list[date]:
    return [recurrence.local(m).date() for m in recurrence.occurrences(rule, start, calendar=None, after=start,
                                                                      before=until, limit=100)]


def at(y: int, m: int, d: int, hour: int = 1, minute: int = 30) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=UTC)


def test_the_31st_skips_the_months_without_one() -> None:
    assert days("FREQ=MONTHLY;BYMONTHDAY=31", at(2027, 1, 1), at(2027, 8, 1)) == [
        date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31), date(2027, 7, 31)]


def test_the_last_day_of_each_month_lands_on_leap_days() -> None:
    assert days("FREQ=MONTHLY;BYMONTHDAY=-1", at(2027, 12, 1), at(2028, 4, 1)) == [
        date(2027, 12, 31), date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]


def test_a_leap_day_series_meets_every_four_years() -> None:
    assert days("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", at(2024, 1, 1), at(2033, 1, 1)) == [
        date(2024, 2, 29), date(2028, 2, 29), date(2032, 2, 29)]


def test_the_fifth_weekday_of_each_month() -> None:
    # A plain rule: Monday to Friday, holidays or not (X-YECAI-DAYS=WORKING counts the work calendar).
    found = days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5", at(2027, 1, 1), at(2027, 4, 1))
    assert found == [date(2027, 1, 7), date(2027, 2, 5), date(2027, 3, 5)]


def test_the_wall_clock_time_is_kept_in_shanghai_across_midnight_utc() -> None:
    # 07:30 Shanghai is 23:30 UTC the day before: the rule counts Shanghai days.
    start = datetime(2027, 1, 31, 23, 30, tzinfo=UTC)  # 2027-02-01 07:30 Shanghai
    found = recurrence.occurrences("FREQ=MONTHLY;BYMONTHDAY=1", start, calendar=None, after=start,
                                   before=at(2027, 4, 30))
    assert [recurrence.local(m).strftime("%m-%d %H:%M") for m in found] == ["02-01 07:30", "03-01 07:30",
                                                                              "04-01 07:30"]


def test_a_weekly_series_counts_from_its_start() -> None:
    found = days("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3", at(2027, 2, 22), at(2027, 12, 1))
    assert found == [date(2027, 2, 22), date(2027, 3, 1), date(2027, 3, 8)]


@pytest.mark.parametrize("rule", ["", "WEEKLY", "FREQ=FORTNIGHTLY", "FREQ=MONTHLY;BYMONTHDAY=40",
                                  "FREQ=HOURLY", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                                  "FREQ=DAILY\nFREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=XX"])
def test_invalid_rules_name_the_field(rule: str) -> None:
    with pytest.raises(DomainError) as caught:
        recurrence.parse(rule, at(2027, 1, 1), calendar=None)
    assert caught.value.field == "recurrence"
    assert caught.value.code == "INVALID_INPUT"
    assert caught.value.zh.startswith("recurrence")
