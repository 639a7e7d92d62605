"""Recurrences of meeting series: iCalendar RRULEs, checked and expanded by ``dateutil.rrule``.

Occurrences are expanded in Asia/Shanghai wall-clock time (a monthly 09:30 meeting stays at 09:30) and
stored in UTC. Working days here are Monday to Friday (``BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5`` is the 5th
weekday of a month); public holidays and make-up working days (调休) come with the holiday calendar of
information sharing, which will skip and add days on top of the rule.
"""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import DAILY, rrule, rrulestr

from yecai.errors import invalid
from yecai.workdays.recurrence import FIELD, MAX_LENGTH, SHANGHAI, local, normalize, utc

# The wall clock, the field and the text check are the work calendar's (one definition for every recurrence).
__all__ = ["FIELD", "MAX_LENGTH", "SHANGHAI", "local", "next_occurrence", "normalize", "occurrences",
           "parse", "utc"]


def parse(value: str | None, starts_at: datetime, field: str = FIELD) -> rrule:
    """The recurrence as a dateutil rule starting at ``starts_at`` (UTC); a clear error naming ``field``."""
    text = normalize(value, field)
    try:
        rule = rrulestr(text, dtstart=local(starts_at))
    except (ValueError, TypeError, KeyError) as error:
        raise invalid(field, f"不是有效的 iCalendar RRULE（{error}）",
                      f"is not a valid iCalendar RRULE ({error})") from None
    if not isinstance(rule, rrule):
        raise invalid(field, "只能是一条 RRULE", "must be a single RRULE")
    if rule._freq > DAILY:  # HOURLY, MINUTELY, SECONDLY: not a meeting series
        raise invalid(field, "例会的频率至少为每天一次（不支持按小时、分钟、秒重复）",
                      "a meeting series repeats daily at most (no hourly, minutely or secondly rules)")
    if rule.after(local(starts_at), inc=True) is None:
        raise invalid(field, "按此规则不会有任何一次会议", "never occurs")
    return rule


def occurrences(value: str, starts_at: datetime, *, after: datetime, before: datetime,
                limit: int = 100) -> list[datetime]:
    """The series' start times (UTC) in ``[after, before)``, at most ``limit``."""
    rule = parse(value, starts_at)
    found: list[datetime] = []
    for wall in rule.xafter(local(after), count=limit, inc=True):
        moment = utc(wall)
        if moment >= before:
            break
        found.append(moment)
    return found


def next_occurrence(value: str, starts_at: datetime, *, after: datetime, inclusive: bool = True) -> datetime | None:
    wall = parse(value, starts_at).after(local(after), inc=inclusive)
    return None if wall is None else utc(wall)
