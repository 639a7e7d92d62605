"""Time nodes (时间节点) of sharing rules: an iCalendar RRULE counted in Asia/Shanghai wall-clock time from the rule's
start, optionally on working days only, and each node's deadline (截止时间) a fixed number of minutes later.

Working days come from the work calendar (China's public holidays and make-up working days, 调休): with
``working_days`` a rule's occurrences on a day off are skipped. "Every working day by 10:00" is
``FREQ=DAILY`` at 09:00 with working days and a deadline of 60 minutes: a make-up Saturday yields a node, a
holiday Monday none. A publication is on time when published at or before its deadline, to the microsecond.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Protocol

from dateutil.rrule import DAILY, rrule, rrulestr
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.errors import invalid
from yecai.sharing.models import Timeliness
from yecai.workdays.calendar import load_work_calendar
from yecai.workdays.recurrence import local, utc
from yecai.workdays.recurrence import normalize as normalize_rule

FIELD = "recurrence"
MAX_DEADLINE_MINUTES = 31 * 24 * 60
# How many occurrences on days off may be skipped looking for the next working one (a long holiday is 9 days).
MAX_SKIPPED = 400


class Calendar(Protocol):
    def is_working_day(self, d: date, /) -> bool: ...


class Weekdays:
    """Monday to Friday: what counts as working days where no work calendar is given."""

    def is_working_day(self, d: date, /) -> bool:
        return d.weekday() < 5


@lru_cache(maxsize=20_000)
def _rule(text: str, start_wall: datetime) -> rrule:
    value = rrulestr(text, dtstart=start_wall)
    if not isinstance(value, rrule):
        raise ValueError("not a single RRULE")
    return value


def parse(value: str | None, starts_at: datetime, field: str = FIELD) -> rrule:
    """The recurrence as a dateutil rule from ``starts_at``; a clear error naming ``field`` otherwise."""
    text = normalize_rule(value, field)
    try:
        rule = _rule(text, local(starts_at))
    except (ValueError, TypeError, KeyError) as error:
        raise invalid(field, f"不是有效的 iCalendar RRULE（{error}）", f"is not a valid iCalendar RRULE ({error})") from None
    if rule._freq > DAILY:
        raise invalid(field, "时间节点至多每天一次（不支持按小时、分钟、秒重复）",
                      "time nodes repeat daily at most (no hourly, minutely or secondly rules)")
    if rule.after(local(starts_at), inc=True) is None:
        raise invalid(field, "按此规则不会有任何时间节点", "never yields a time node")
    return rule


def normalize(value: str | None, field: str = FIELD) -> str:
    return normalize_rule(value, field)


def deadline_minutes(value: int | None, field: str = "deadlineMinutes") -> int:
    if value is None:
        raise invalid(field, "不能为空", "is required")
    if value < 1:
        raise invalid(field, "截止时间不能早于或等于时间节点（至少晚 1 分钟）",
                      "the deadline cannot be before or at the time node (at least 1 minute after)")
    if value > MAX_DEADLINE_MINUTES:
        raise invalid(field, "截止时间最多在时间节点后 31 天", "the deadline is at most 31 days after the time node")
    return value


def anchor(rule_text: str, starts_at: datetime, occurrence: datetime) -> datetime:
    """Where to count a rule from to find its nodes after ``occurrence`` (one of its own occurrences): there,
    unless it has a COUNT (the count starts at the rule's start). dateutil walks every occurrence from DTSTART, so
    a daily rule five years old would walk 1,800 days on each run; from its latest node the walk is a step or two,
    and the occurrences after it are the same (an occurrence keeps the rule's weekday, day of month, time and
    interval phase)."""
    return starts_at if "COUNT=" in rule_text.upper() else occurrence


def deadline_of(node: datetime, minutes: int) -> datetime:
    return node + timedelta(minutes=minutes)


def _walls(rule_text: str, starts_at: datetime, after_wall: datetime, inclusive: bool) -> Iterator[datetime]:
    rule = _rule(normalize_rule(rule_text), local(starts_at))
    yield from rule.xafter(after_wall, inc=inclusive)


def nodes(rule_text: str, starts_at: datetime, *, working_days: bool, calendar: Calendar, after: datetime,
          until: datetime, inclusive: bool = True, limit: int = 1000) -> list[datetime]:
    """The time nodes (UTC) from ``after`` (inclusive unless said) up to ``until`` (inclusive), at most ``limit``."""
    found: list[datetime] = []
    skipped = 0
    for wall in _walls(rule_text, starts_at, local(after), inclusive):
        moment = utc(wall)
        if moment > until or len(found) >= limit:
            break
        if working_days and not calendar.is_working_day(wall.date()):
            skipped += 1
            if skipped > MAX_SKIPPED * max(1, len(found)):
                break
            continue
        found.append(moment)
    return found


def next_node(rule_text: str, starts_at: datetime, *, working_days: bool, calendar: Calendar, after: datetime,
              inclusive: bool = True) -> datetime | None:
    """The first time node at or after ``after`` (UTC), or None when the rule has no more."""
    skipped = 0
    for wall in _walls(rule_text, starts_at, local(after), inclusive):
        if not working_days or calendar.is_working_day(wall.date()):
            return utc(wall)
        skipped += 1
        if skipped > MAX_SKIPPED:
            return None
    return None


def timeliness(published_at: datetime, deadline: datetime) -> Timeliness:
    """On time at or before the deadline, late after it."""
    return Timeliness.ON_TIME if published_at <= deadline else Timeliness.LATE


async def calendar_of(session: AsyncSession) -> Calendar:
    """The portal's work calendar (holidays and make-up working days, as admins keep it)."""
    return await load_work_calendar(session)
