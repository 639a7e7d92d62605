"""What notifications tell about meetings: invitations, minutes approved, action items assigned, and the reminders
of the scheduled job (starting soon, due soon, overdue) with a frozen clock at the Asia/Shanghai boundaries."""

from __future__ import annotations

import email
import email.header
import email.policy
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.factories import make_user
from tests.meetings.conftest import Org
from tests.notifications.test_mail import Inbox
from yecai import manifest
from yecai.actor import system_actor
from yecai.auth.service import actor_for
from yecai.db import make_session_factory
from yecai.meetings import action_items
from yecai.meetings import service as meetings
from yecai.meetings.models import ActionItemStatus, AttendanceStatus
from yecai.meetings.service import AttendanceInput, MeetingInput
from yecai.notifications import about_meetings, mail, service
from yecai.notifications.dispatch import Delivery
from yecai.notifications.models import Notification
from yecai.scheduler.runner import run_job
from yecai.searchable import web_id
from yecai.settings import Settings

# Before the real clock (created_at is the real time): the reminders' dates are in November 2026.
MEETING_AT = datetime(2026, 11, 10, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
DUE = date(2026, 11, 12)
NINE_BEFORE = datetime(2026, 11, 11, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai on the day before DUE
NINE_AFTER = datetime(2026, 11, 13, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai on the day after DUE
MINUTE = timedelta(minutes=1)
JOB = about_meetings.JOBS[0]


async def _told(session: AsyncSession, kind: str) -> list[tuple[int, str]]:
    rows = await session.execute(select(Notification.recipient_id, Notification.subject_id)
                                 .where(Notification.kind == kind).order_by(Notification.id))
    return [tuple(r) for r in rows]  # type: ignore[misc]


async def _meeting(session: AsyncSession, org: Org, starts_at: datetime = MEETING_AT, **kw):
    return await meetings.schedule_meeting(session, actor=await org.actor(session, org.organiser), data=MeetingInput(
        title="业财联席会", starts_at=starts_at, ends_at=starts_at + timedelta(hours=1),
        attendee_ids=kw.pop("attendee_ids", [org.attendee.id, org.sales_manager.id]), **kw))


def test_the_kinds_and_the_job_are_on_the_manifest() -> None:
    codes = {k.code for k in manifest.notification_kinds()}
    assert {"meeting_invitation", "meeting_starting_soon", "minutes_approved", "action_item_assigned",
            "action_item_due_soon", "action_item_overdue"} <= codes
    assert JOB in manifest.jobs() and JOB.every == MINUTE


async def test_scheduling_invites_the_attendees_but_not_the_organiser(session: AsyncSession, org: Org,
                                                                      delivered: list[Delivery]) -> None:
    meeting = await _meeting(session, org, starts_at=datetime.now(UTC) + timedelta(days=2))
    await session.commit()
    invited = [d for d in delivered if d.kind == "meeting_invitation"]
    assert sorted(d.recipient_id for d in invited) == sorted([org.attendee.id, org.sales_manager.id])
    assert all("业财联席会" in d.title and d.url == f"/meetings/{web_id('Meeting', meeting.id)}" for d in invited)
    delivered.clear()
    # Added to the list before it starts: invited; recorded as present afterwards: not an invitation.
    await meetings.record_attendance(session, actor=await org.actor(session, org.organiser), meeting_id=meeting.id,
                                     entries=[AttendanceInput(org.outsider.id, AttendanceStatus.INVITED),
                                              AttendanceInput(org.auditor.id, AttendanceStatus.PRESENT)])
    await session.commit()
    assert [(d.kind, d.recipient_id) for d in delivered] == [("meeting_invitation", org.outsider.id)]
    past = await _meeting(session, org, attendee_ids=[org.attendee.id])  # (an invitation, though past)
    await session.commit()
    delivered.clear()
    await meetings.record_attendance(session, actor=await org.actor(session, org.organiser), meeting_id=past.id,
                                     entries=[AttendanceInput(org.outsider.id, AttendanceStatus.INVITED)])
    await session.commit()
    assert delivered == []


async def test_approved_minutes_tell_the_attendees_and_the_organiser(session: AsyncSession, org: Org,
                                                                     delivered: list[Delivery]) -> None:
    meeting = await _meeting(session, org)
    organiser = await org.actor(session, org.organiser)
    await meetings.record_minutes(session, actor=organiser, meeting_id=meeting.id, content="<p>回款率 92%</p>")
    await session.commit()
    delivered.clear()
    await meetings.approve_minutes(session, actor=await org.actor(session, org.chair), meeting_id=meeting.id)
    await session.commit()
    assert sorted(d.recipient_id for d in delivered if d.kind == "minutes_approved") == sorted(
        [org.organiser.id, org.attendee.id, org.sales_manager.id])


async def test_an_action_item_tells_its_owner_when_given_to_them(session: AsyncSession, org: Org,
                                                                 delivered: list[Delivery]) -> None:
    meeting = await _meeting(session, org)
    organiser = await org.actor(session, org.organiser)
    item = await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title="催收华东回款",
                                                 owner_id=org.attendee.id, due_on=DUE)
    mine = await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title="自己的",
                                                 owner_id=org.organiser.id, due_on=DUE)
    await session.commit()
    assert [(d.recipient_id, d.subject_id) for d in delivered if d.kind == "action_item_assigned"] == [
        (org.attendee.id, web_id("ActionItem", item.id))]
    delivered.clear()
    await action_items.update_action_item(session, actor=organiser, action_item_id=mine.id, owner_id=org.outsider.id)
    await action_items.update_action_item(session, actor=await org.actor(session, org.outsider), action_item_id=mine.id,
                                          due_on=DUE + timedelta(1))  # not a new assignment
    await session.commit()
    assert [(d.kind, d.recipient_id) for d in delivered] == [("action_item_assigned", org.outsider.id)]


async def test_starting_soon_fifteen_minutes_before_once(session: AsyncSession, org: Org) -> None:
    meeting = await _meeting(session, org)
    await meetings.record_attendance(session, actor=await org.actor(session, org.organiser), meeting_id=meeting.id,
                                     entries=[AttendanceInput(org.sales_manager.id, AttendanceStatus.EXCUSED, "出差")])
    moment = MEETING_AT - timedelta(minutes=15)
    job = system_actor("test")
    await about_meetings.remind(session, actor=job, settings=None, since=moment - 2 * MINUTE, until=moment - MINUTE)
    assert await _told(session, "meeting_starting_soon") == []
    await about_meetings.remind(session, actor=job, settings=None, since=moment - MINUTE, until=moment)
    subject = web_id("Meeting", meeting.id)
    # The organiser and the invited attendee; not the one who sent excuses.
    assert sorted(await _told(session, "meeting_starting_soon")) == sorted(
        [(org.organiser.id, subject), (org.attendee.id, subject)])
    # The same window again (run by hand, a clock moved back): nobody is told twice.
    await about_meetings.remind(session, actor=job, settings=None, since=moment - MINUTE, until=moment)
    assert len(await _told(session, "meeting_starting_soon")) == 2
    # Moved half an hour later: a new moment, reminded again then. (The reminders were sent at their moment:
    # the frozen clock does not reach notify(), which stamps the real time.)
    await session.execute(update(Notification).values(created_at=moment))
    await meetings.update_meeting(session, actor=await org.actor(session, org.organiser), meeting_id=meeting.id,
                                  starts_at=MEETING_AT + timedelta(minutes=30))
    later = moment + timedelta(minutes=30)
    await about_meetings.remind(session, actor=job, settings=None, since=moment, until=later - MINUTE)
    assert len(await _told(session, "meeting_starting_soon")) == 2
    await about_meetings.remind(session, actor=job, settings=None, since=later - MINUTE, until=later)
    assert len(await _told(session, "meeting_starting_soon")) == 4


async def test_a_meeting_that_started_during_downtime_is_not_reminded_late(session: AsyncSession, org: Org) -> None:
    await _meeting(session, org)
    await about_meetings.remind(session, actor=system_actor("test"), settings=None,
                                since=MEETING_AT - timedelta(hours=2), until=MEETING_AT + MINUTE)
    assert await _told(session, "meeting_starting_soon") == []


async def test_due_soon_and_overdue_at_nine_in_shanghai(session: AsyncSession, org: Org) -> None:
    meeting = await _meeting(session, org)
    organiser = await org.actor(session, org.organiser)
    item = await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title="催收回款",
                                                 owner_id=org.attendee.id, due_on=DUE)
    done = await action_items.create_action_item(session, actor=organiser, meeting_id=meeting.id, title="已完成的",
                                                 owner_id=org.attendee.id, due_on=DUE)
    await action_items.update_action_item(session, actor=await org.actor(session, org.attendee),
                                          action_item_id=done.id, status=ActionItemStatus.DONE)
    subject = web_id("ActionItem", item.id)
    job = system_actor("test")

    async def run(until: datetime) -> None:
        await about_meetings.remind(session, actor=job, settings=None, since=until - MINUTE, until=until)

    await run(NINE_BEFORE - MINUTE)  # 08:59 the day before: not yet (09:00 UTC would be 17:00 in Shanghai)
    assert await _told(session, "action_item_due_soon") == []
    await run(NINE_BEFORE)
    assert await _told(session, "action_item_due_soon") == [(org.attendee.id, subject)]
    await run(NINE_BEFORE)
    await run(datetime(2026, 11, 12, 15, 59, tzinfo=UTC))  # 23:59 on the due date: due, not overdue
    await run(NINE_AFTER - MINUTE)
    assert len(await _told(session, "action_item_due_soon")) == 1 and await _told(session, "action_item_overdue") == []
    await run(NINE_AFTER)
    assert await _told(session, "action_item_overdue") == [(org.attendee.id, subject)]  # not the done one
    await run(NINE_AFTER)
    assert len(await _told(session, "action_item_overdue")) == 1


async def test_after_downtime_overdue_once_and_no_late_due_soon(session: AsyncSession, org: Org) -> None:
    meeting = await _meeting(session, org)
    item = await action_items.create_action_item(session, actor=await org.actor(session, org.organiser),
                                                 meeting_id=meeting.id, title="催收回款", owner_id=org.attendee.id,
                                                 due_on=DUE)
    # Down from the morning two days before the due date to three days after it: one window covers it all.
    await about_meetings.remind(session, actor=system_actor("test"), settings=None,
                                since=datetime(2026, 11, 10, 0, 0, tzinfo=UTC),
                                until=datetime(2026, 11, 15, 2, 0, tzinfo=UTC))
    assert await _told(session, "action_item_due_soon") == []
    assert await _told(session, "action_item_overdue") == [(org.attendee.id, web_id("ActionItem", item.id))]


async def test_a_kind_switched_off_reaches_no_one(session: AsyncSession, org: Org, settings: Settings) -> None:
    meeting = await _meeting(session, org)
    await action_items.create_action_item(session, actor=await org.actor(session, org.organiser),
                                          meeting_id=meeting.id, title="催收回款", owner_id=org.attendee.id, due_on=DUE)
    await service.update_settings(session, actor=await actor_for(session, org.attendee), settings=settings,
                                  changes=[service.SettingChange("action_item_due_soon", "portal", False)])
    await about_meetings.remind(session, actor=system_actor("test"), settings=None, since=NINE_BEFORE - MINUTE,
                                until=NINE_BEFORE)
    assert await _told(session, "action_item_due_soon") == []  # no e-mail address either: nothing at all


async def test_the_job_reminds_once_by_e_mail_across_firings(
        isolated_engine: AsyncEngine, mail_settings: Settings, smtp: tuple[Inbox, int]) -> None:
    from yecai.notifications import dispatch

    inbox, _ = smtp
    sessions = make_session_factory(isolated_engine)
    async with sessions() as session:
        organiser = await make_user(session, roles=("finance",))
        owner = await make_user(session, email="owner@example.com")
        meeting = await meetings.schedule_meeting(session, actor=await actor_for(session, organiser), data=MeetingInput(
            title="业财联席会", starts_at=MEETING_AT, ends_at=MEETING_AT + timedelta(hours=1), attendee_ids=[owner.id]))
        await action_items.create_action_item(session, actor=await actor_for(session, organiser),
                                              meeting_id=meeting.id, title="催收华东回款", owner_id=owner.id, due_on=DUE)
        await session.commit()
    found: list[Delivery] = []
    remove = dispatch.add_sink(found.extend)
    try:
        assert (await run_job(sessions, JOB, settings=mail_settings, now=NINE_BEFORE - MINUTE)).status == "ran"
        first = await run_job(sessions, JOB, settings=mail_settings, now=NINE_BEFORE + timedelta(seconds=30))
        assert first.status == "ran" and "due soon 1" in first.result
        again = await run_job(sessions, JOB, settings=mail_settings, now=NINE_BEFORE + timedelta(seconds=50))
        assert again.status == "up_to_date"
    finally:
        remove()
    (due_soon,) = [d for d in found if d.kind == "action_item_due_soon"]
    assert due_soon.email and due_soon.recipient_id == owner.id
    assert await mail.send(sessions, mail_settings, [due_soon.id]) == (1, 0)
    (_, recipients, raw) = inbox.messages[0]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert recipients == ["owner@example.com"] and subject == "待办事项即将到期：催收华东回款（2026-11-12）"
    assert "2026-11-12" in message.get_content()
