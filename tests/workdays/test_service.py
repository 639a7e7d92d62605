"""Seeding the work calendar from the package, admins' marks that survive re-seeding, and who may do what."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.factories import actor_of, make_user
from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.audit.models import AuditEvent
from yecai.errors import DomainError
from yecai.workdays import service
from yecai.workdays.calendar import load_work_calendar
from yecai.workdays.models import CalendarDay, DayKind, DaySource
from yecai.workdays.package import package_days, package_years


@pytest.fixture
async def admin(session: AsyncSession) -> Actor:
    return await actor_of(session, await make_user(session, username="wd.admin", roles=("admin",)))


@pytest.fixture
async def staff(session: AsyncSession) -> Actor:
    return await actor_of(session, await make_user(session, username="wd.staff", roles=("staff", "finance")))


async def row(session: AsyncSession, d: date) -> CalendarDay | None:
    return (await session.execute(select(CalendarDay).where(CalendarDay.day == d))).scalar_one_or_none()


async def test_the_migration_seeded_every_year_of_the_package(session: AsyncSession) -> None:
    assert package_years()[0] == 2004 and 2026 in package_years()
    count = (await session.execute(select(func.count()).select_from(CalendarDay))).scalar_one()
    assert count == len(package_days())
    national = await row(session, date(2026, 10, 1))
    assert national is not None and (national.kind, national.name, national.source) == (
        DayKind.HOLIDAY, "国庆节", DaySource.SEEDED)
    qingming = await row(session, date(2026, 4, 5))
    assert qingming is not None and qingming.name == "清明节"
    # Seeding again changes nothing and records nothing.
    events = (await session.execute(select(func.count()).select_from(AuditEvent))).scalar_one()
    again = await service.ensure_package_days(session, actor=system_actor("migrate"))
    assert again.changed == 0
    assert (await session.execute(select(func.count()).select_from(AuditEvent))).scalar_one() == events


async def test_seeding_follows_the_package_where_nobody_edited(session: AsyncSession) -> None:
    changed = await row(session, date(2026, 10, 2))
    assert changed is not None
    changed.name = "旧名称"
    stray = CalendarDay(day=date(2026, 3, 2), kind=DayKind.HOLIDAY, name="不存在的假日", source=DaySource.SEEDED)
    session.add(stray)
    missing = await row(session, date(2026, 10, 3))
    assert missing is not None
    await session.delete(missing)
    await session.flush()
    result = await service.ensure_package_days(session, actor=system_actor("migrate"))
    assert (result.created, result.updated, result.removed) == (1, 1, 1)
    assert (await row(session, date(2026, 10, 2))).name == "国庆节"  # type: ignore[union-attr]
    assert await row(session, date(2026, 3, 2)) is None
    assert (await row(session, date(2026, 10, 3))) is not None
    event = (await session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))).scalar_one()
    assert event.action == "work_calendar.seed" and event.after["created"] == 1


async def test_admin_edits_survive_re_seeding(session: AsyncSession, admin: Actor) -> None:
    # A company day off on a Friday, and the make-up Saturday of National Day cleared.
    marked = await service.mark_day(session, actor=admin, day=date(2026, 10, 9), kind=DayKind.HOLIDAY,
                                    name=" 公司周年庆 ")
    assert (marked.kind, marked.name, marked.source) == (DayKind.HOLIDAY, "公司周年庆", DaySource.EDITED)
    cleared = await service.unmark_day(session, actor=admin, day=date(2026, 10, 10))
    assert cleared is not None and (cleared.kind, cleared.source) == (DayKind.ORDINARY, DaySource.EDITED)
    renamed = await service.mark_day(session, actor=admin, day=date(2026, 10, 1), kind=DayKind.HOLIDAY,
                                     name="国庆节（公司）")
    assert renamed.source is DaySource.EDITED

    await service.ensure_package_days(session, actor=system_actor("migrate"))
    result = await service.reseed_year(session, actor=admin, year=2026)
    assert result.kept_edits == 3 and result.changed == 0
    cal = await load_work_calendar(session)
    assert not cal.is_working_day(date(2026, 10, 9))
    assert not cal.is_working_day(date(2026, 10, 10))  # a Saturday again
    assert cal.name_of(date(2026, 10, 1)) == "国庆节（公司）"

    # Discarding the edits brings the package's days back, and drops the company day.
    result = await service.reseed_year(session, actor=admin, year=2026, discard_edits=True)
    assert (result.updated, result.removed, result.kept_edits) == (2, 1, 0)
    cal = await load_work_calendar(session)
    assert cal.is_working_day(date(2026, 10, 9)) and cal.is_working_day(date(2026, 10, 10))
    assert cal.name_of(date(2026, 10, 1)) == "国庆节"
    actions = (await session.execute(select(AuditEvent.action, AuditEvent.subject_id)
                                     .where(AuditEvent.action.like("work_calendar%"))
                                     .order_by(AuditEvent.seq))).all()
    assert [tuple(a) for a in actions][-5:] == [
        ("work_calendar_day.mark", "2026-10-09"), ("work_calendar_day.unmark", "2026-10-10"),
        ("work_calendar_day.mark", "2026-10-01"), ("work_calendar.reseed", "2026"), ("work_calendar.reseed", "2026")]


async def test_a_year_the_package_lacks_is_marked_day_by_day(session: AsyncSession, admin: Actor) -> None:
    await service.mark_day(session, actor=admin, day=date(2027, 10, 1), kind=DayKind.HOLIDAY, name="国庆节")
    await service.mark_day(session, actor=admin, day=date(2027, 9, 26), kind=DayKind.WORKDAY, name="国庆节")
    cal = await load_work_calendar(session)
    assert cal.covers(2027) and not cal.is_working_day(date(2027, 10, 1)) and cal.is_working_day(date(2027, 9, 26))
    assert [d.day for d in await service.days_of_year(session, actor=admin, year=2027)] == [
        date(2027, 9, 26), date(2027, 10, 1)]
    # Unmarking a day the package does not know removes it.
    assert await service.unmark_day(session, actor=admin, day=date(2027, 9, 26)) is None
    assert await row(session, date(2027, 9, 26)) is None
    with pytest.raises(DomainError) as caught:
        await service.reseed_year(session, actor=admin, year=2027)
    assert caught.value.field == "year"


@pytest.mark.parametrize(("day", "kind", "name", "field"), [
    (date(2026, 10, 9), DayKind.WORKDAY, "调休", "kind"),  # a Friday is a working day already
    (date(2026, 10, 9), DayKind.ORDINARY, "x", "kind"),
    (date(2026, 10, 9), DayKind.HOLIDAY, "   ", "name"),
    (date(2026, 10, 9), DayKind.HOLIDAY, "假" * 101, "name"),
    (date(2026, 10, 9), DayKind.HOLIDAY, "零宽\u200b空格", "name"),
    (date(2200, 1, 1), DayKind.HOLIDAY, "元旦", "date"),
])
async def test_bad_marks_name_the_field_and_change_nothing(session: AsyncSession, admin: Actor, day: date,
                                                          kind: DayKind, name: str, field: str) -> None:
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await service.mark_day(session, actor=admin, day=day, kind=kind, name=name)
    assert caught.value.code == "INVALID_INPUT" and caught.value.field == field
    assert caught.value.zh.startswith(f"{field}：")
    assert await fingerprint(session) == before


async def test_unmarking_a_plain_day_says_so(session: AsyncSession, admin: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        await service.unmark_day(session, actor=admin, day=date(2026, 10, 9))
    assert (caught.value.code, caught.value.field) == ("NOT_MARKED", "date")
    await service.unmark_day(session, actor=admin, day=date(2026, 10, 10))
    with pytest.raises(DomainError) as caught:  # cleared already
        await service.unmark_day(session, actor=admin, day=date(2026, 10, 10))
    assert caught.value.code == "NOT_MARKED"


async def test_bad_years_name_the_field(session: AsyncSession, admin: Actor) -> None:
    for call in (service.days_of_year(session, actor=admin, year=20026),
                 service.reseed_year(session, actor=admin, year=2003)):
        with pytest.raises(DomainError) as caught:
            await call
        assert caught.value.field == "year"


async def test_only_holders_of_workdays_manage_change_the_calendar(session: AsyncSession, staff: Actor) -> None:
    before = await fingerprint(session)
    calls = [
        service.mark_day(session, actor=staff, day=date(2026, 10, 9), kind=DayKind.HOLIDAY, name="公司假日"),
        service.unmark_day(session, actor=staff, day=date(2026, 10, 10)),
        service.reseed_year(session, actor=staff, year=2026, discard_edits=True),
    ]
    for call in calls:
        with pytest.raises(DomainError) as caught:
            await call
        assert caught.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before
    # Reading is for every signed-in user, not the anonymous.
    assert len(await service.days_of_year(session, actor=staff, year=2026)) > 30
    with pytest.raises(DomainError) as caught:
        await service.days_of_year(session, actor=ANONYMOUS, year=2026)
    assert caught.value.code == "PERMISSION_DENIED"
