"""Meetings from a series to closed minutes: scheduling, attendance, minutes with history and amendments,
confidential audiences, action items, and bad input that writes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.meetings.conftest import START, Org
from yecai.errors import DomainError
from yecai.meetings import action_items, service
from yecai.meetings.action_items import ActionItemFilter
from yecai.meetings.models import ActionItemStatus, AttendanceStatus, MeetingState, MinutesVersion
from yecai.meetings.service import AgendaInput, AttendanceInput, MeetingInput, SeriesInput

RULE = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5"


async def series_of(session: AsyncSession, org: Org, **kw) -> object:
    data = dict(title="业财联席会", recurrence=RULE, starts_at=START, duration_minutes=90, goal="应收账款周转 45 天",
                project_code="BF-2027", focus="应收账款回收", default_department_ids=[org.east.id],
                default_roles=["staff"])
    data.update(kw)
    return await service.create_meeting_series(session, actor=await org.actor(session, org.organiser),
                                               data=SeriesInput(**data))


async def meeting_of(session: AsyncSession, org: Org, **kw) -> object:
    data = dict(title="业财联席会（一月）", starts_at=START, ends_at=START + timedelta(hours=1), attendee_ids=[org.attendee.id],
                agenda=[AgendaInput("应收账款", org.attendee.id, 30, ["U2FsZXNPcmRlcjox"])])
    data.update(kw)
    return await service.schedule_meeting(session, actor=await org.actor(session, org.organiser),
                                          data=MeetingInput(**data))


async def test_a_meeting_runs_from_agenda_to_closed_minutes(session: AsyncSession, org: Org) -> None:
    organiser, chair = await org.actor(session, org.organiser), await org.actor(session, org.chair)
    series = await series_of(session, org)
    meeting = await service.schedule_meeting(session, actor=organiser, data=MeetingInput(
        series_id=series.id, starts_at=START, agenda=[AgendaInput("回款通报", org.attendee.id, 20)]))
    assert meeting.title == "业财联席会" and meeting.ends_at - meeting.starts_at == timedelta(minutes=90)
    await service.record_attendance(session, actor=organiser, meeting_id=meeting.id, entries=[
        AttendanceInput(org.attendee.id, AttendanceStatus.PRESENT),
        AttendanceInput(org.outsider.id, AttendanceStatus.EXCUSED, "出差")])
    minutes = await service.record_minutes(session, actor=organiser, meeting_id=meeting.id,
                                           content="<p>回款率 <b>92%</b></p><script>alert(1)</script>")
    assert minutes.content == "<p>回款率 <b>92%</b></p>"
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>回款率 93%</p>",
                                 base_version=1)
    await service.record_decision(session, actor=organiser, meeting_id=meeting.id, text="超期应收由销售部牵头催收")
    closed = await service.approve_minutes(session, actor=chair, meeting_id=meeting.id)
    assert closed.state == MeetingState.CLOSED and minutes.approved_at is not None
    # Locked: a later change is an amendment, with its reason, kept as such.
    with pytest.raises(DomainError) as caught:
        await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>改</p>")
    assert caught.value.code == "MINUTES_LOCKED" and caught.value.field == "note"
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>回款率 94%</p>",
                                 note="更正回款率")
    versions = list((await session.execute(select(MinutesVersion).order_by(MinutesVersion.version))).scalars())
    assert [(v.version, v.amendment, v.note) for v in versions] == [(1, False, ""), (2, False, ""),
                                                                       (3, True, "更正回款率")]
    assert versions[-1].author_id == org.organiser.id
    decision = await service.record_decision(session, actor=organiser, meeting_id=meeting.id, text="补充决议")
    assert decision.amendment
    with pytest.raises(DomainError) as caught:
        await service.approve_minutes(session, actor=chair, meeting_id=meeting.id)
    assert caught.value.code == "WRONG_STATE"


async def test_a_series_meeting_takes_its_next_free_occurrence(session: AsyncSession, org: Org, monkeypatch) -> None:
    monkeypatch.setattr(service, "utcnow", lambda: datetime(2027, 1, 20, tzinfo=UTC))
    organiser = await org.actor(session, org.organiser)
    series = await series_of(session, org)
    first = await service.schedule_meeting(session, actor=organiser, data=MeetingInput(series_id=series.id))
    second = await service.schedule_meeting(session, actor=organiser, data=MeetingInput(series_id=series.id))
    assert first.starts_at == datetime(2027, 2, 5, 1, 30, tzinfo=UTC)  # 5th weekday of February, 09:30 Shanghai
    assert second.starts_at == datetime(2027, 3, 5, 1, 30, tzinfo=UTC)


async def test_default_attendees_come_from_the_series(session: AsyncSession, org: Org) -> None:
    organiser = await org.actor(session, org.organiser)
    series = await series_of(session, org)
    meeting = await service.schedule_meeting(session, actor=organiser, data=MeetingInput(
        series_id=series.id, starts_at=START, attendee_ids=[org.chair.id]))
    from yecai.meetings.models import Attendance
    invited = set((await session.execute(select(Attendance.user_id).where(Attendance.meeting_id == meeting.id)))
                  .scalars())
    assert invited == {org.attendee.id, org.chair.id}


@pytest.mark.parametrize(("change", "field"), [
    ({"recurrence": "FREQ=SOMETIMES"}, "recurrence"),
    ({"recurrence": "FREQ=MONTHLY;BYMONTHDAY=32"}, "recurrence"),
    ({"default_department_ids": [999999]}, "defaultDepartmentIds[0]"),
    ({"reader_roles": ["finance"]}, "readerRoles"),
    ({"reader_roles": ["no_such_role"], "confidential": True}, "readerRoles[0]"),
    ({"video_link": "ftp://x"}, "videoLink"),
    ({"title": " "}, "title"),
])
async def test_bad_series_input_names_the_field_and_writes_nothing(session: AsyncSession, org: Org, change: dict,
                                                                   field: str) -> None:
    await session.commit()
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        async with session.begin_nested():
            await series_of(session, org, **change)
    assert caught.value.field == field
    assert await fingerprint(session) == before


@pytest.mark.parametrize(("change", "field"), [
    ({"ends_at": START - timedelta(minutes=1)}, "endsAt"),
    ({"ends_at": START}, "endsAt"),
    ({"attendee_ids": [999999]}, "attendeeIds[0]"),
    ({"agenda": [AgendaInput("x", 999999)]}, "agenda[0].presenterId"),
    ({"agenda": [AgendaInput("x", None, 0)]}, "agenda[0].timeBoxMinutes"),
    ({"starts_at": datetime(2027, 1, 7, 9, 30)}, "startsAt"),
])
async def test_bad_meeting_input_names_the_field_and_writes_nothing(session: AsyncSession, org: Org, change: dict,
                                                                    field: str) -> None:
    await session.commit()
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        async with session.begin_nested():
            await meeting_of(session, org, **change)
    assert caught.value.field == field
    assert await fingerprint(session) == before


async def test_an_inactive_user_is_not_an_attendee(session: AsyncSession, org: Org) -> None:
    org.outsider.active = False
    await session.flush()
    with pytest.raises(DomainError) as caught:
        await meeting_of(session, org, attendee_ids=[org.attendee.id, org.outsider.id])
    assert caught.value.field == "attendeeIds[1]"


async def test_an_excused_absence_needs_a_reason(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    with pytest.raises(DomainError) as caught:
        await service.record_attendance(session, actor=await org.actor(session, org.organiser), meeting_id=meeting.id,
                                        entries=[AttendanceInput(org.attendee.id, AttendanceStatus.EXCUSED, " ")])
    assert caught.value.field == "entries[0].reason"


async def test_empty_minutes_cannot_be_approved(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    await service.record_minutes(session, actor=await org.actor(session, org.organiser), meeting_id=meeting.id,
                                 content="<p> </p>")
    with pytest.raises(DomainError) as caught:
        await service.approve_minutes(session, actor=await org.actor(session, org.chair), meeting_id=meeting.id)
    assert caught.value.code == "MINUTES_EMPTY"


async def test_a_stale_save_is_refused(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    organiser = await org.actor(session, org.organiser)
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>一</p>", base_version=0)
    with pytest.raises(DomainError) as caught:
        await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>二</p>",
                                     base_version=0)
    assert caught.value.code == "STALE_VERSION"


async def test_a_cancelled_meeting_is_closed_with_its_reason(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    closed = await service.close_meeting(session, actor=await org.actor(session, org.chair), meeting_id=meeting.id,
                                         cancel_reason="与月度结账冲突")
    assert closed.state == MeetingState.CANCELLED
    # policies.can_cancel / can_approve_minutes: once closed, an approver is told the state, anyone else is denied
    for close, field in ((lambda actor: service.close_meeting(session, actor=actor, meeting_id=meeting.id,
                                                              cancel_reason="再次取消"), "id"),
                         (lambda actor: service.approve_minutes(session, actor=actor, meeting_id=meeting.id),
                          "meetingId")):
        for user, code in ((org.chair, "WRONG_STATE"), (org.outsider, "PERMISSION_DENIED")):
            with pytest.raises(DomainError) as caught:
                await close(await org.actor(session, user))
            assert caught.value.code == code, (field, user.username)
            if code == "WRONG_STATE":
                assert caught.value.field == field


# ---------------------------------------------------------------- confidential meetings


async def test_confidential_minutes_are_for_attendees_their_managers_and_the_series_roles(
        session: AsyncSession, org: Org) -> None:
    series = await series_of(session, org, confidential=True, reader_roles=["auditor"])
    meeting = await meeting_of(session, org, series_id=series.id)
    organiser = await org.actor(session, org.organiser)
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>保密：并购预算</p>")
    from yecai.meetings import exports

    async def reads(user) -> bool:
        try:
            await exports.minutes_document(session, actor=await org.actor(session, user), meeting_id=meeting.id)
            return True
        except DomainError as error:
            assert error.code == "PERMISSION_DENIED"
            return False

    assert meeting.confidential
    assert await reads(org.organiser)
    assert await reads(org.attendee)
    assert await reads(org.sales_manager)  # manager of sales, above the attendee's sales-east
    assert await reads(org.auditor)  # the series names the auditor role
    assert not await reads(org.other_manager)
    assert not await reads(org.outsider)
    assert not await reads(org.chair)  # approves minutes, but is neither invited nor above an attendee
    # A manager of the attendee's department is not one of the company: the chain goes up, not sideways.
    with pytest.raises(DomainError) as caught:
        await service.approve_minutes(session, actor=await org.actor(session, org.chair), meeting_id=meeting.id)
    assert caught.value.code == "PERMISSION_DENIED"


# ---------------------------------------------------------------- action items


async def test_only_owners_and_their_managers_change_action_items(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    organiser = await org.actor(session, org.organiser)
    item = await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title="催收",
                                                 owner_id=org.attendee.id, due_on=date(2027, 1, 20))
    assert item.department_id == org.east.id
    await session.commit()
    for user in (org.outsider, org.other_manager, org.organiser, org.chair):
        before = await fingerprint(session)
        with pytest.raises(DomainError) as caught:
            async with session.begin_nested():
                await action_items.update_action_item(session, actor=await org.actor(session, user),
                                                      action_item_id=item.id, status=ActionItemStatus.DONE)
        assert caught.value.code == "PERMISSION_DENIED", user.username
        assert await fingerprint(session) == before
    await action_items.update_action_item(session, actor=await org.actor(session, org.attendee),
                                          action_item_id=item.id, status=ActionItemStatus.IN_PROGRESS)
    done = await action_items.update_action_item(session, actor=await org.actor(session, org.sales_manager),
                                                 action_item_id=item.id, status=ActionItemStatus.DONE)
    assert done.completed_at is not None


async def test_overdue_is_before_today_in_shanghai(session: AsyncSession, org: Org, monkeypatch) -> None:
    meeting = await meeting_of(session, org)
    organiser = await org.actor(session, org.organiser)
    for title, due in (("昨天到期", date(2027, 1, 19)), ("今天到期", date(2027, 1, 20))):
        await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title=title,
                                              owner_id=org.attendee.id, due_on=due)
    # 2027-01-19 16:30 UTC is already 2027-01-20 00:30 in Shanghai.
    monkeypatch.setattr(action_items, "utcnow", lambda: datetime(2027, 1, 19, 16, 30, tzinfo=UTC))
    stmt = await action_items.action_items_query(session, actor=organiser,
                                                 f=ActionItemFilter(overdue=True, department_id=org.east.id))
    assert [i.title for i in (await session.execute(stmt)).scalars()] == ["昨天到期"]
    mine = await action_items.action_items_query(session, actor=await org.actor(session, org.attendee),
                                                 f=ActionItemFilter(mine=True))
    assert len((await session.execute(mine)).scalars().all()) == 2


async def test_a_department_overdue_list_holds_its_teams_and_only_what_the_viewer_may_see(
        session: AsyncSession, org: Org, monkeypatch) -> None:
    organiser = await org.actor(session, org.organiser)
    open_ = await meeting_of(session, org)
    secret = await meeting_of(session, org, title="保密会", confidential=True, attendee_ids=[org.attendee.id])
    for meeting, title in ((open_, "华东回款"), (secret, "保密事项")):
        await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title=title,
                                              owner_id=org.attendee.id, due_on=date(2027, 1, 19))
    await action_items.create_action_item(session, actor=organiser, meeting_id=open_.id, title="仓储盘点",
                                          owner_id=org.other_manager.id, due_on=date(2027, 1, 19))
    monkeypatch.setattr(action_items, "utcnow", lambda: datetime(2027, 1, 20, 2, 0, tzinfo=UTC))

    async def titles(user, department) -> list[str]:
        stmt = await action_items.action_items_query(session, actor=await org.actor(session, user),
                                                     f=ActionItemFilter(overdue=True, department_id=department.id))
        return sorted(i.title for i in (await session.execute(stmt.order_by(None))).scalars())

    # 销售部's manager: the items of 华东销售组 under it, the confidential one too (an attendee's manager).
    assert await titles(org.sales_manager, org.sales) == ["保密事项", "华东回款"]
    # Another department's manager asking for 销售部: only what every reader sees; and their own, by itself.
    assert await titles(org.other_manager, org.sales) == ["华东回款"]
    assert await titles(org.other_manager, org.other) == ["仓储盘点"]
    assert await titles(org.sales_manager, org.east) == ["保密事项", "华东回款"]


async def test_an_agenda_item_is_edited_by_organisers_until_the_meeting_closes(session: AsyncSession, org: Org) -> None:
    from yecai.audit.models import AuditEvent
    from yecai.meetings.models import AgendaItem

    organiser = await org.actor(session, org.organiser)
    meeting = await meeting_of(session, org)
    (item,) = (await session.execute(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id))).scalars()
    before = await fingerprint(session)
    for user in (org.attendee, org.auditor):  # no meetings.manage: denied, nothing changed
        with pytest.raises(DomainError) as caught:
            await service.update_agenda_item(session, actor=await org.actor(session, user), agenda_item_id=item.id,
                                             item=AgendaInput("改"))
        assert caught.value.code in ("PERMISSION_DENIED", "NOT_FOUND")
    for bad, field in ((AgendaInput(" "), "item[0].title"), (AgendaInput("回款", 999999), "item[0].presenterId"),
                       (AgendaInput("回款", None, 0), "item[0].timeBoxMinutes")):
        with pytest.raises(DomainError) as caught:
            await service.update_agenda_item(session, actor=organiser, agenda_item_id=item.id, item=bad)
        assert caught.value.field == field, bad
    assert await fingerprint(session) == before
    edited = await service.update_agenda_item(session, actor=organiser, agenda_item_id=item.id,
                                              item=AgendaInput("应收账款与回款", org.sales_manager.id, 45))
    assert (edited.title, edited.presenter_id, edited.time_box_minutes, edited.links, edited.position) == (
        "应收账款与回款", org.sales_manager.id, 45, [], item.position)
    event = (await session.execute(select(AuditEvent).where(AuditEvent.action == "agenda_item.update"))).scalar_one()
    assert event.subject_id == str(item.id) or event.subject_id == item.id
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>纪要</p>")
    await service.approve_minutes(session, actor=await org.actor(session, org.chair), meeting_id=meeting.id)
    with pytest.raises(DomainError) as caught:
        await service.update_agenda_item(session, actor=organiser, agenda_item_id=item.id, item=AgendaInput("晚了"))
    assert caught.value.code == "WRONG_STATE"


async def test_bad_action_item_input_names_the_field(session: AsyncSession, org: Org) -> None:
    meeting = await meeting_of(session, org)
    organiser = await org.actor(session, org.organiser)
    for kwargs, field in (({"owner_id": 999999}, "ownerId"), ({"title": ""}, "title"),
                          ({"due_on": date(1900, 1, 1)}, "dueOn"), ({"links_": [" "]}, "links[0]")):
        args = dict(meeting_id=meeting.id, title="事项", owner_id=org.attendee.id, due_on=date(2027, 2, 1)) | kwargs
        with pytest.raises(DomainError) as caught:
            await action_items.create_action_item(session, actor=organiser, **args)
        assert caught.value.field == field, kwargs


async def test_a_scheduled_meeting_is_moved_and_renamed_until_it_closes(session: AsyncSession, org: Org) -> None:
    organiser, chair = await org.actor(session, org.organiser), await org.actor(session, org.chair)
    meeting = await meeting_of(session, org)
    moved = await service.update_meeting(session, actor=organiser, meeting_id=meeting.id, title="业财联席会（改期）",
                                         starts_at=START + timedelta(days=1), place="二楼会议室")
    # Moving the start alone keeps the meeting's length.
    assert (moved.title, moved.place, moved.ends_at - moved.starts_at) == ("业财联席会（改期）", "二楼会议室", timedelta(hours=1))
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await service.update_meeting(session, actor=organiser, meeting_id=meeting.id, ends_at=START)
    assert caught.value.field == "endsAt" and await fingerprint(session) == before
    with pytest.raises(DomainError) as caught:
        await service.update_meeting(session, actor=await org.actor(session, org.attendee), meeting_id=meeting.id,
                                     title="改")
    assert caught.value.code == "PERMISSION_DENIED" and await fingerprint(session) == before
    await service.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>回款</p>")
    await service.approve_minutes(session, actor=chair, meeting_id=meeting.id)
    with pytest.raises(DomainError) as caught:
        await service.update_meeting(session, actor=organiser, meeting_id=meeting.id, title="改")
    assert caught.value.code == "WRONG_STATE"
