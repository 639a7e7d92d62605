"""Recurrences that count working days: an iCalendar RRULE (RFC 5545) with one documented extension part.

``X-YECAI-DAYS=WORKING`` makes a rule count working days of the work calendar (public holidays skipped,
make-up working days counted). The rule's other parts keep their RFC 5545 meaning, applied in this order:

1. FREQ, INTERVAL, UNTIL and the BYxxx parts other than BYSETPOS give each period's candidate days (a
   WEEKLY, MONTHLY or YEARLY rule with no BYDAY, BYMONTHDAY, BYYEARDAY or BYWEEKNO has every day of its
   period as a candidate, not just the start's weekday or day of the month);
2. the candidates that are not working days are dropped;
3. BYSETPOS picks among the working days left in each period (5 the fifth, -1 the last);
4. COUNT counts what is left, from the start.

So, with the start's time of day (Asia/Shanghai wall-clock time):

- ``FREQ=DAILY;X-YECAI-DAYS=WORKING``: every working day;
- ``FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING``: the 5th working day of each month;
- ``FREQ=MONTHLY;BYSETPOS=-1;X-YECAI-DAYS=WORKING``: the last working day of each month;
- ``FREQ=WEEKLY;BYSETPOS=1;X-YECAI-DAYS=WORKING``: the first working day of each week;
- ``FREQ=WEEKLY;BYDAY=MO;X-YECAI-DAYS=WORKING``: Mondays, except those that are holidays.

``X-YECAI-DAYS=ALL`` (or no such part) is a plain RRULE, expanded by dateutil as it stands. The stored text
stays one RRULE line; other iCalendar programs do not know the extension, so a working-day rule is shown to
them as its occurrences, never as the RRULE. Outside the work calendar's covered years the plain week
holds (see ``yecai.workdays.calendar``); a search for the next occurrence looks at most ``HORIZON_YEARS``
ahead, so a rule that can no longer occur ends instead of searching forever.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.errors import invalid
from yecai.workdays.calendar import WorkCalendar, load_work_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIELD = "recurrence"
MAX_LENGTH = 500
EXTENSION = "X-YECAI-DAYS"
WORKING = "WORKING"
WORKING_DAYS_PART = f"{EXTENSION}={WORKING}"
HORIZON_YEARS = 10
MAX_COUNT = 10_000
_ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
_DAY_PARTS = ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")


def local(moment: datetime) -> datetime:
    """A moment as Asia/Shanghai wall-clock time, without tzinfo (what rules count in)."""
    return moment.astimezone(SHANGHAI).replace(tzinfo=None)


def utc(wall: datetime) -> datetime:
    return wall.replace(tzinfo=SHANGHAI).astimezone(UTC)


def normalize(value: str | None, field: str = FIELD) -> str:
    """The rule's text without the ``RRULE:`` prefix, upper case; a clear error naming ``field`` otherwise."""
    if value is None or not value.strip():
        raise invalid(field, "不能为空，请填写 iCalendar RRULE，例如 FREQ=MONTHLY;BYMONTHDAY=5",
                      "is required: an iCalendar RRULE such as FREQ=MONTHLY;BYMONTHDAY=5")
    text = value.strip()
    if len(text) > MAX_LENGTH:
        raise invalid(field, f"不能超过 {MAX_LENGTH} 个字符", f"must have at most {MAX_LENGTH} characters")
    if "\n" in text or "\r" in text:
        raise invalid(field, "只能是一条 RRULE", "must be a single RRULE")
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    text = text.upper()
    if not text.startswith("FREQ="):
        raise invalid(field, "须以 FREQ= 开头（iCalendar RRULE）", "must start with FREQ= (an iCalendar RRULE)")
    return text


def _parts(text: str, field: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in text.split(";"):
        key, sep, value = piece.partition("=")
        if not sep or not key or not value:
            raise invalid(field, f"“{piece[:20]}”应写成 名称=值", f"“{piece[:20]}” must be NAME=VALUE")
        if key in parts:
            raise invalid(field, f"{key} 出现了两次", f"{key} is given twice")
        parts[key] = value
    return parts


def uses_working_days(value: str | None) -> bool:
    """Whether a rule's text carries ``X-YECAI-DAYS=WORKING`` (whether it needs the work calendar)."""
    if not value:
        return False
    return any(p.strip().upper() == WORKING_DAYS_PART for p in value.strip().removeprefix("RRULE:").split(";"))


async def calendar_for(session: AsyncSession, *values: str | None) -> WorkCalendar | None:
    """The work calendar (one SELECT) when one of these rules counts working days; None when none does."""
    return await load_work_calendar(session) if any(uses_working_days(v) for v in values) else None


def _ints(value: str, key: str, field: str, *, low: int, high: int) -> tuple[int, ...]:
    try:
        numbers = tuple(int(x) for x in value.split(","))
    except ValueError:
        raise invalid(field, f"{key} 应为整数", f"{key} must be whole numbers") from None
    for n in numbers:
        if n == 0 or not low <= abs(n) <= high:
            raise invalid(field, f"{key} 应在 1 至 {high}（或 -1 至 -{high}）之间",
                          f"{key} must be between 1 and {high} (or -1 and -{high})")
    return numbers


def _dateutil(text: str, dtstart: datetime, field: str) -> rrule:
    try:
        rule = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, KeyError) as error:
        raise invalid(field, f"不是有效的 iCalendar RRULE（{error}）",
                      f"is not a valid iCalendar RRULE ({error})") from None
    if not isinstance(rule, rrule):
        raise invalid(field, "只能是一条 RRULE", "must be a single RRULE")
    if rule._freq > DAILY:  # HOURLY, MINUTELY, SECONDLY
        raise invalid(field, "频率至少为每天一次（不支持按小时、分钟、秒重复）",
                      "repeats daily at most (no hourly, minutely or secondly rules)")
    return rule


def _period_start(rule: rrule, wall: datetime) -> date:
    """The first day of the rule's period (day, week from WKST, month, year) holding ``wall``."""
    d = wall.date()
    if rule._freq == WEEKLY:
        return d - timedelta(days=(d.weekday() - rule._wkst) % 7)
    if rule._freq == MONTHLY:
        return d.replace(day=1)
    if rule._freq == YEARLY:
        return d.replace(month=1, day=1)
    return d


@dataclass(frozen=True)
class Recurrence:
    """A checked rule and its start, ready to expand; moments in and out are timezone-aware (UTC out)."""

    text: str
    start: datetime  # wall-clock, Asia/Shanghai
    rule: rrule  # the plain rule, or a working-day rule's candidates (without BYSETPOS and COUNT)
    calendar: WorkCalendar | None = None  # set for a working-day rule
    setpos: tuple[int, ...] = ()
    count: int | None = None

    @property
    def working_days(self) -> bool:
        return self.calendar is not None

    def _pick(self, days: list[datetime]) -> list[datetime]:
        if not self.setpos:
            return days
        picked = {days[n - 1] if n > 0 else days[n] for n in self.setpos if abs(n) <= len(days)}
        return sorted(picked)

    def _rule_from(self, begin: datetime) -> rrule:
        """The candidates laid from the rule's last period (by INTERVAL) at or before ``begin``'s, so expanding does
        not walk from the start, however far back (dateutil would); with COUNT, from the start, which counts."""
        rule = self.rule
        base, target = rule._dtstart.date(), _period_start(rule, begin)
        if self.count is not None or target <= base:
            return rule
        every = rule._interval
        if rule._freq == DAILY:
            moved = base + timedelta(days=(target - base).days // every * every)
        elif rule._freq == WEEKLY:
            moved = base + timedelta(weeks=(target - base).days // 7 // every * every)
        elif rule._freq == MONTHLY:
            months = ((target.year - base.year) * 12 + target.month - base.month) // every * every
            year, month = divmod(base.month - 1 + months, 12)
            moved = date(base.year + year, month + 1, 1)
        else:
            moved = date(base.year + (target.year - base.year) // every * every, 1, 1)
        return rule.replace(dtstart=datetime.combine(moved, rule._dtstart.time()))

    def _walk(self, from_wall: datetime) -> Iterator[datetime]:
        """A working-day rule's occurrences (wall-clock) from ``from_wall`` on, within the horizon."""
        assert self.calendar is not None
        calendar = self.calendar
        begin = self.start if self.count is not None else max(self.start, from_wall)
        horizon = begin + timedelta(days=366 * HORIZON_YEARS)
        # Candidates from the start of the period holding ``begin``: BYSETPOS counts the whole period.
        first = datetime.combine(_period_start(self.rule, begin), time.min)
        key: date | None = None
        group: list[datetime] = []
        emitted = 0

        def flush() -> Iterator[datetime]:
            nonlocal emitted
            for wall in self._pick(group):
                if wall < self.start:
                    continue
                if self.count is not None and emitted >= self.count:
                    return
                emitted += 1
                if wall >= from_wall:
                    yield wall

        for candidate in self._rule_from(begin).xafter(first, inc=True):
            if candidate > horizon or (self.count is not None and emitted >= self.count):
                break
            period = _period_start(self.rule, candidate)
            if period != key:
                yield from flush()
                key, group = period, []
            if calendar.is_working_day(candidate.date()):
                group.append(candidate)
        yield from flush()

    def between(self, after: datetime, before: datetime, *, limit: int = 100) -> list[datetime]:
        """The occurrences (UTC) in ``[after, before)``, at most ``limit``."""
        found: list[datetime] = []
        end = local(before)
        if self.calendar is None:
            walls: Iterator[datetime] = iter(self.rule.xafter(local(after), count=limit, inc=True))
        else:
            walls = self._walk(local(after))
        for wall in walls:
            if wall >= end or len(found) >= limit:
                break
            found.append(utc(wall))
        return found

    def next(self, after: datetime, *, inclusive: bool = True) -> datetime | None:
        """The first occurrence (UTC) at or after ``after`` (strictly after unless ``inclusive``)."""
        start = local(after)
        if self.calendar is None:
            wall = self.rule.after(start, inc=inclusive)
            return None if wall is None else utc(wall)
        for wall in self._walk(start):
            if inclusive or wall > start:
                return utc(wall)
        return None


def parse(value: str | None, starts_at: datetime, *, calendar: WorkCalendar | None,
          field: str = FIELD) -> Recurrence:
    """A rule starting at ``starts_at`` (aware), checked; errors name ``field``. A working-day rule needs the
    work calendar (``await load_work_calendar(session)``); a plain one ignores it."""
    text = normalize(value, field)
    parts = _parts(text, field)
    days = parts.pop(EXTENSION, None)
    if days not in (None, WORKING, "ALL"):
        raise invalid(field, f"{EXTENSION} 只能是 WORKING（按工作日计）或 ALL",
                      f"{EXTENSION} must be WORKING (count working days) or ALL")
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    start = local(starts_at)
    if days != WORKING:
        plain = ";".join(f"{k}={v}" for k, v in parts.items())
        rule = _dateutil(plain, start, field)
        if rule.after(start, inc=True) is None:
            raise invalid(field, "按此规则不会有任何一次", "never occurs")
        return Recurrence(text=text, start=start, rule=rule)
    if calendar is None:
        raise TypeError("a working-day recurrence is expanded on the work calendar: pass calendar=")
    setpos = _ints(parts.pop("BYSETPOS"), "BYSETPOS", field, low=1, high=366) if "BYSETPOS" in parts else ()
    count = None
    if "COUNT" in parts:
        count = _ints(parts.pop("COUNT"), "COUNT", field, low=1, high=MAX_COUNT)[0]
        if "UNTIL" in parts:
            raise invalid(field, "COUNT 与 UNTIL 只能有一个", "COUNT and UNTIL cannot both be given")
    if parts.get("FREQ") in ("WEEKLY", "MONTHLY", "YEARLY") and not any(k in parts for k in _DAY_PARTS):
        parts["BYDAY"] = _ALL_DAYS
    candidates = ";".join(f"{k}={v}" for k, v in parts.items())
    # Laid from the start of the start's period, so that BYSETPOS counts that whole period (RFC 5545 does).
    checked = _dateutil(candidates, start, field)
    rule = _dateutil(candidates, datetime.combine(_period_start(checked, start), start.time()), field)
    recurrence = Recurrence(text=text, start=start, rule=rule, calendar=calendar, setpos=setpos, count=count)
    if next(recurrence._walk(start), None) is None:
        raise invalid(field, f"按此规则在 {HORIZON_YEARS} 年内不会有任何一次（按工作日计）",
                      f"never occurs on a working day within {HORIZON_YEARS} years")
    return recurrence


def occurrences(value: str, starts_at: datetime, *, calendar: WorkCalendar | None, after: datetime,
                before: datetime, limit: int = 100, field: str = FIELD) -> list[datetime]:
    """The rule's occurrences (UTC) in ``[after, before)``, at most ``limit``."""
    return parse(value, starts_at, calendar=calendar, field=field).between(after, before, limit=limit)


def next_occurrence(value: str, starts_at: datetime, *, calendar: WorkCalendar | None, after: datetime,
                    inclusive: bool = True, field: str = FIELD) -> datetime | None:
    """The rule's first occurrence (UTC) at or after ``after`` (strictly after unless ``inclusive``)."""
    return parse(value, starts_at, calendar=calendar, field=field).next(after, inclusive=inclusive)
