"""The work calendar as a pure, synchronous value: which days are working days (工作日).

``await load_work_calendar(session)`` reads the marked days once (one SELECT); everything else is
plain Python on dates, fast enough to call in loops. The rule, for any date:

- a day marked HOLIDAY (法定节假日) is not a working day, whatever its weekday;
- a day marked WORKDAY (调休上班日, a Saturday or Sunday that is worked) is a working day;
- any other day follows the plain week: Monday to Friday work, Saturday and Sunday rest.

Outside the covered years (``covered_years``: those with at least one holiday in the calendar, i.e. the
years the chinesecalendar package knows plus any an admin filled in) nothing is marked, so the plain week
holds there. That is a guess, not knowledge: callers that plan far ahead can ask ``covers(year)`` and say
so to their users. Dates are calendar days in Asia/Shanghai; turning a moment into one is the caller's job.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.workdays.models import CalendarDay, DayKind

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class MarkedDay:
    """A day that differs from the plain week: HOLIDAY or WORKDAY, with its name (国庆节)."""

    kind: DayKind
    name: str


@dataclass(frozen=True)
class WorkCalendar:
    """Working days by China's public holidays and make-up working days; the plain week elsewhere."""

    marked: Mapping[date, MarkedDay] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()

    @classmethod
    def plain(cls) -> WorkCalendar:
        """The plain week alone (Monday to Friday), as if no day were marked."""
        return cls()

    def covers(self, year: int) -> bool:
        """Whether ``year``'s holidays are in the calendar; outside it the plain week is assumed."""
        return year in self.covered_years

    def kind_of(self, d: date) -> DayKind | None:
        """HOLIDAY or WORKDAY for a marked day, None for a plain one."""
        mark = self.marked.get(d)
        return None if mark is None else mark.kind

    def name_of(self, d: date) -> str | None:
        """The name of a marked day (春节, or the holiday a make-up working day belongs to)."""
        mark = self.marked.get(d)
        return None if mark is None else mark.name

    def is_working_day(self, d: date) -> bool:
        mark = self.marked.get(d)
        if mark is not None:
            return mark.kind is DayKind.WORKDAY
        return d.weekday() < 5

    def next_working_day(self, d: date, *, inclusive: bool = False) -> date:
        """The first working day after ``d`` (or ``d`` itself when ``inclusive`` and it is one)."""
        day = d if inclusive else d + ONE_DAY
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def previous_working_day(self, d: date, *, inclusive: bool = False) -> date:
        """The last working day before ``d`` (or ``d`` itself when ``inclusive`` and it is one)."""
        day = d if inclusive else d - ONE_DAY
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it for negative ``n``); ``d`` does not count itself.

        ``n == 0`` gives ``d`` when it is a working day, else the next working day (a deadline falling on a
        holiday moves to the next working day).
        """
        if n == 0:
            return self.next_working_day(d, inclusive=True)
        step = ONE_DAY if n > 0 else -ONE_DAY
        day, left = d, abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def iter_working_days(self, start: date, end: date) -> Iterator[date]:
        """The working days from ``start`` to ``end``, both included, in order."""
        day = start
        while day <= end:
            if self.is_working_day(day):
                yield day
            day += ONE_DAY

    def working_days(self, start: date, end: date) -> list[date]:
        """The working days from ``start`` to ``end``, both included (empty when ``end < start``)."""
        return list(self.iter_working_days(start, end))

    def count_working_days(self, start: date, end: date) -> int:
        """How many working days there are from ``start`` to ``end``, both included."""
        return sum(1 for _ in self.iter_working_days(start, end))

    def nth_working_day_of_month(self, year: int, month: int, n: int) -> date | None:
        """The ``n``-th working day of a month (1 the first; -1 the last, -2 the one before); None when the
        month has fewer than ``abs(n)`` working days. ``n`` must not be 0."""
        if n == 0:
            raise ValueError("n counts from 1 (or from -1 at the month's end), never 0")
        first = date(year, month, 1)
        last = date(year, month, monthrange(year, month)[1])
        if n > 0:
            day, step = first, ONE_DAY
        else:
            day, step = last, -ONE_DAY
        left = abs(n)
        while first <= day <= last:
            if self.is_working_day(day):
                left -= 1
                if not left:
                    return day
            day += step
        return None


async def load_work_calendar(session: AsyncSession) -> WorkCalendar:
    """The work calendar as the database has it now (one SELECT); reading it needs no permission."""
    rows = (await session.execute(select(CalendarDay.day, CalendarDay.kind, CalendarDay.name)
                                  .where(CalendarDay.kind != DayKind.ORDINARY))).all()
    marked = {day: MarkedDay(kind, name) for day, kind, name in rows}  # kind: already a DayKind
    covered = frozenset(d.year for d, mark in marked.items() if mark.kind is DayKind.HOLIDAY)
    return WorkCalendar(marked=marked, covered_years=covered)
