"""Use cases of the work calendar: seeding it from the package, admins' marks, reading a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid
from yecai.workdays import policies
from yecai.workdays.errors import NOT_MARKED
from yecai.workdays.models import CalendarDay, DayKind, DaySource
from yecai.workdays.package import package_days, package_years

# Years an admin may mark or list: wide enough for any plan, narrow enough to refuse a typo (20026).
FIRST_YEAR, LAST_YEAR = 1990, 2100
NAME_MAX = 100


@dataclass(frozen=True)
class SeedResult:
    """What seeding changed: rows created, updated (the package changed its mind) and removed; edits kept."""

    created: int = 0
    updated: int = 0
    removed: int = 0
    kept_edits: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


def _check_year(year: int, field: str = "year") -> int:
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise invalid(field, f"应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间", f"must be between {FIRST_YEAR} and {LAST_YEAR}")
    return year


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


async def _sync(session: AsyncSession, years: set[int] | None, *, discard_edits: bool) -> SeedResult:
    """Bring the SEEDED rows of ``years`` (every year when None) to the package's days; EDITED rows stay
    unless ``discard_edits``."""
    wanted = {d: spec for d, spec in package_days().items() if years is None or d.year in years}
    stmt = select(CalendarDay)
    if years is not None:
        stmt = stmt.where(CalendarDay.day >= date(min(years), 1, 1), CalendarDay.day <= date(max(years), 12, 31))
    existing = {row.day: row for row in (await session.execute(stmt)).scalars()
                if years is None or row.day.year in years}
    covered = set(package_years())
    created = updated = removed = kept = 0
    for row in existing.values():
        if row.source is DaySource.EDITED and not discard_edits:
            kept += 1
            continue
        spec = wanted.get(row.day)
        if spec is None:
            if row.day.year in covered:  # the package no longer marks it (or an edit is discarded)
                await session.delete(row)
                removed += 1
            elif row.source is DaySource.EDITED:  # discard_edits in a year the package lacks: never asked
                kept += 1
            continue
        if (row.kind, row.name, row.source) != (spec[0], spec[1], DaySource.SEEDED):
            row.kind, row.name, row.source = spec[0], spec[1], DaySource.SEEDED
            updated += 1
    await session.flush()
    # One executemany (Core), not 800 ORM objects: every fresh install and test database seeds them.
    now = utcnow()
    new = [{"day": d, "kind": kind, "name": name, "source": DaySource.SEEDED, "created_at": now, "updated_at": now}
           for d, (kind, name) in sorted(wanted.items()) if d not in existing]
    if new:
        await session.execute(insert(CalendarDay), new)
    created = len(new)
    return SeedResult(created=created, updated=updated, removed=removed, kept_edits=kept)


async def ensure_package_days(session: AsyncSession, *, actor: Actor) -> SeedResult:
    """Seed every year the chinesecalendar package covers (reference data); admins' edits are left alone."""
    result = await _sync(session, None, discard_edits=False)
    if result.changed:
        await audit.record(session, actor=actor, action="work_calendar.seed", subject_type="work_calendar",
                           after={"years": [package_years()[0], package_years()[-1]], "created": result.created,
                                  "updated": result.updated, "removed": result.removed})
    return result


async def reseed_year(session: AsyncSession, *, actor: Actor, year: int, discard_edits: bool = False) -> SeedResult:
    """Re-seed one year from the package; with ``discard_edits`` admins' edits of that year are replaced too."""
    if not policies.can_manage(actor):
        raise denied()
    years = package_years()
    if year not in years:
        raise invalid("year", f"内置日历只包含 {years[0]}–{years[-1]} 年，其他年份请逐日标记",
                      f"the built-in calendar covers {years[0]}–{years[-1]} only; mark other years day by day")
    result = await _sync(session, {year}, discard_edits=discard_edits)
    await audit.record(session, actor=actor, action="work_calendar.reseed", subject_type="work_calendar",
                       subject_id=year, after={"year": year, "discard_edits": discard_edits,
                                               "created": result.created, "updated": result.updated,
                                               "removed": result.removed, "kept_edits": result.kept_edits})
    return result


async def _row(session: AsyncSession, day: date) -> CalendarDay | None:
    return (await session.execute(select(CalendarDay).where(CalendarDay.day == day))).scalar_one_or_none()


def _check_day(day: date) -> date:
    if not isinstance(day, date):
        raise invalid("date", "应为日期", "must be a date")
    _check_year(day.year, "date")
    return day


async def mark_day(session: AsyncSession, *, actor: Actor, day: date, kind: DayKind, name: str) -> CalendarDay:
    """Mark a day as a public holiday (any day) or a make-up working day (a Saturday or Sunday), with its name."""
    if not policies.can_manage(actor):
        raise denied()
    _check_day(day)
    if kind not in (DayKind.HOLIDAY, DayKind.WORKDAY):
        raise invalid("kind", "只能是法定节假日或调休上班日", "must be HOLIDAY or WORKDAY")
    if kind is DayKind.WORKDAY and day.weekday() < 5:
        raise invalid("kind", "周一至周五本就是工作日，只有周六、周日可标记为调休上班日",
                      "Monday to Friday are working days already; only a Saturday or Sunday can be a make-up working day")
    clean = v.name(name, "name", max_len=NAME_MAX)
    row = await _row(session, day)
    before = None if row is None else audit.snapshot(row)
    if row is None:
        row = CalendarDay(day=day, kind=kind, name=clean, source=DaySource.EDITED)
        session.add(row)
    else:
        row.kind, row.name, row.source = kind, clean, DaySource.EDITED
    await session.flush()
    await audit.record(session, actor=actor, action="work_calendar_day.mark", subject_type="work_calendar_day",
                       subject_id=day.isoformat(), before=before, after=audit.snapshot(row))
    return row


async def unmark_day(session: AsyncSession, *, actor: Actor, day: date) -> CalendarDay | None:
    """Return a day to the plain week. A day the package marks stays as an ORDINARY edit, so re-seeding keeps
    the admin's word; the row is returned then, None when it is gone."""
    if not policies.can_manage(actor):
        raise denied()
    _check_day(day)
    row = await _row(session, day)
    if row is None or row.kind is DayKind.ORDINARY:
        raise DomainError(NOT_MARKED, field="date")
    before = audit.snapshot(row)
    result: CalendarDay | None
    if day in package_days():
        row.kind, row.name, row.source = DayKind.ORDINARY, "", DaySource.EDITED
        result = row
    else:
        await session.delete(row)
        result = None
    await session.flush()
    await audit.record(session, actor=actor, action="work_calendar_day.unmark", subject_type="work_calendar_day",
                       subject_id=day.isoformat(), before=before,
                       after=None if result is None else audit.snapshot(result))
    return result


async def days_of_year(session: AsyncSession, *, actor: Actor, year: int) -> list[CalendarDay]:
    """The marked days of a year in date order, ORDINARY edits (a package day an admin cleared) included."""
    if not policies.can_read(actor):
        raise denied()
    _check_year(year)
    first, last = _year_bounds(year)
    stmt = select(CalendarDay).where(CalendarDay.day >= first, CalendarDay.day <= last).order_by(CalendarDay.day)
    return list((await session.execute(stmt)).scalars())


def covered_by_package(year: int) -> bool:
    """Whether the chinesecalendar package knows ``year`` (and so re-seeding it means anything)."""
    return year in package_years()
