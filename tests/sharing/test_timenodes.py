"""Time nodes with a frozen clock: working days, month ends, leap days; on time and late exactly at the deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from yecai.errors import DomainError
from yecai.sharing import timenodes
from yecai.sharing.models import Timeliness


class Holidays:
    """A calendar with days off and make-up working days (调休), as the work calendar gives them."""

    def __init__(self, off: set[date], on: set[date]) -> None:
        self.off, self.on = off, on

    def is_working_day(self, d: date, /) -> bool:
        return d in self.on or (d.weekday() < 5 and d not in self.off)


def test_working_days_skip_holidays_and_take_make_up_days() -> None:
    # 2027-02-06 (Saturday) a make-up working day; 2027-02-08 .. 02-12 off for the Spring Festival.
    calendar = Holidays(off={date(2027, 2, 8) + timedelta(days=i) for i in range(5)}, on={date(2027, 2, 6)})
    start = datetime(2027, 2, 1, 1, 0, tzinfo=UTC)
    found = timenodes.nodes("FREQ=DAILY", start, working_days=True, calendar=calendar, after=start,
                            until=datetime(2027, 2, 16, 2, 0, tzinfo=UTC))
    days = [timenodes.local(n).date().isoformat() for n in found]
    assert days == ["2027-02-01", "2027-02-02", "2027-02-03", "2027-02-04", "2027-02-05", "2027-02-06",
                    "2027-02-15", "2027-02-16"]
    assert all(timenodes.local(n).hour == 9 for n in found)


def test_month_ends_and_leap_days() -> None:
    start = datetime(2028, 1, 31, 1, 0, tzinfo=UTC)
    found = timenodes.nodes("FREQ=MONTHLY;BYMONTHDAY=-1", start, working_days=False, calendar=timenodes.Weekdays(),
                            after=start, until=datetime(2028, 4, 30, 1, 0, tzinfo=UTC))
    assert [timenodes.local(n).date().isoformat() for n in found] == ["2028-01-31", "2028-02-29", "2028-03-31",
                                                                       "2028-04-30"]
    nxt = timenodes.next_node("FREQ=MONTHLY;BYMONTHDAY=-1", start, working_days=True, calendar=timenodes.Weekdays(),
                              after=datetime(2028, 4, 1, tzinfo=UTC))
    assert nxt is not None and timenodes.local(nxt).date() == date(2028, 5, 31)  # 04-30 is a Sunday


def test_on_time_at_the_deadline_late_a_microsecond_after() -> None:
    node = datetime(2027, 1, 4, 1, 0, tzinfo=UTC)
    deadline = timenodes.deadline_of(node, 60)
    assert timenodes.local(deadline).strftime("%H:%M") == "10:00"
    assert timenodes.timeliness(deadline, deadline) == Timeliness.ON_TIME
    assert timenodes.timeliness(deadline + timedelta(microseconds=1), deadline) == Timeliness.LATE


@pytest.mark.parametrize(("value", "message"), [("FREQ=HOURLY", "每天"), ("FREQ=DAILY;BYMONTHDAY=31;BYMONTH=2", "任何"),
                                                ("EVERY DAY", "FREQ="), ("", "不能为空")])
def test_invalid_recurrences_name_the_field(value: str, message: str) -> None:
    with pytest.raises(DomainError) as error:
        timenodes.parse(value, datetime(2027, 1, 4, 1, 0, tzinfo=UTC))
    assert error.value.field == "recurrence" and message in error.value.zh


@pytest.mark.parametrize("minutes", [0, -30, None, 31 * 24 * 60 + 1])
def test_deadlines_at_or_before_the_time_node_are_refused(minutes: int | None) -> None:
    with pytest.raises(DomainError) as error:
        timenodes.deadline_minutes(minutes)
    assert error.value.field == "deadlineMinutes"
