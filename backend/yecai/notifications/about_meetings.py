"""What notifications tell people about joint meetings: invitations, minutes approved, action items assigned,
and the reminders (提醒) a scheduled job sends: a meeting starting soon, an action item due soon or overdue.

The listeners hear the meetings domain's events (``yecai.meetings.events``) in its transaction. The reminders
are one job, ``notifications.meeting_reminders``, every minute; each reminder has a moment:

- a meeting starting soon: ``STARTING_SOON_LEAD`` before it starts (scheduled meetings only);
- an action item due soon: 09:00 in Asia/Shanghai on the day before its due date;
- an action item overdue: 09:00 in Asia/Shanghai on the day after its due date (it is overdue from midnight).

A run over the window ``(since, until]`` (``yecai.scheduling``) sends the reminders whose moment is in it:
the scheduler hands each window out once across workers and catch-ups, so a reminder is sent once per
item and moment, with no mark of its own. The notifications themselves are the second guard: a
recipient already told of this kind about this object at or after the moment is not told again (a
window run twice by hand, a clock moved back). A meeting moved, or a due date changed, has a new moment
and is reminded again then. After downtime, what is already past is not reminded late (a meeting that
has started, a due-soon reminder after the due date: the overdue one follows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.db import utcnow
from yecai.manifest import Listener
from yecai.meetings.action_items import FINISHED
from yecai.meetings.events import ActionItemAssigned, AttendeesInvited, MeetingScheduled, MinutesApproved
from yecai.meetings.models import ActionItem, Attendance, AttendanceStatus, Meeting, MeetingState
from yecai.meetings.recurrence import SHANGHAI
from yecai.notifiable import EMAIL, PORTAL, NotificationKind
from yecai.notifications import service
from yecai.notifications.models import Notification
from yecai.scheduling import Job
from yecai.searchable import web_id
from yecai.settings import Settings

MEETING_INVITATION = NotificationKind(
    "meeting_invitation", "会议邀请", "Meeting invitation",
    "您被邀请参加一次联席会议", "You were invited to a joint meeting", default_channels=(PORTAL, EMAIL))
MEETING_STARTING_SOON = NotificationKind(
    "meeting_starting_soon", "会议即将开始", "Meeting starting soon",
    "您参加的会议 15 分钟后开始", "A meeting you attend starts in 15 minutes", default_channels=(PORTAL, EMAIL))
MINUTES_APPROVED = NotificationKind(
    "minutes_approved", "会议纪要已审批", "Minutes approved",
    "您参加的会议纪要已审批，会议结束", "The minutes of a meeting you attended were approved",
    default_channels=(PORTAL,))
ACTION_ITEM_ASSIGNED = NotificationKind(
    "action_item_assigned", "待办事项已分派", "Action item assigned",
    "有人把一项待办事项分派给您", "Someone gave you an action item", default_channels=(PORTAL, EMAIL))
ACTION_ITEM_DUE_SOON = NotificationKind(
    "action_item_due_soon", "待办事项即将到期", "Action item due soon",
    "您的待办事项明天到期（前一天 9:00 提醒）", "One of your action items is due tomorrow (reminded at 09:00 the day before)",
    default_channels=(PORTAL, EMAIL))
ACTION_ITEM_OVERDUE = NotificationKind(
    "action_item_overdue", "待办事项已逾期", "Action item overdue",
    "您的待办事项已过到期日仍未完成", "One of your action items is past its due date and not done",
    default_channels=(PORTAL, EMAIL))

KINDS = (MEETING_INVITATION, MEETING_STARTING_SOON, MINUTES_APPROVED, ACTION_ITEM_ASSIGNED, ACTION_ITEM_DUE_SOON,
         ACTION_ITEM_OVERDUE)

STARTING_SOON_LEAD = timedelta(minutes=15)
REMIND_AT = time(9, 0)  # Asia/Shanghai: the due-soon and overdue reminders
TELLS_ABOUT = (AttendanceStatus.INVITED, AttendanceStatus.PRESENT)  # not those who sent their excuses


def _meeting_url(meeting_id: int) -> str:
    return f"/meetings/{web_id('Meeting', meeting_id)}"


def _item_url(item_id: int) -> str:
    return f"/action-items?id={web_id('ActionItem', item_id)}"


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def _others(actor: Actor, ids: Iterable[int | None]) -> list[int]:
    return [i for i in dict.fromkeys(ids) if i is not None and not actor.is_user(i)]


async def _invite(session: AsyncSession, actor: Actor, meeting: Meeting, attendee_ids: Sequence[int]) -> None:
    recipients = _others(actor, attendee_ids)
    if not recipients or meeting.state != MeetingState.SCHEDULED:
        return
    where = meeting.place or meeting.video_link or "—"
    await service.notify(
        session, recipients=recipients, kind=MEETING_INVITATION.code,
        title=f"会议邀请：{meeting.title}（{_when(meeting.starts_at)}）",
        body=f"您被邀请参加会议「{meeting.title}」，时间 {_when(meeting.starts_at)}（北京时间），地点 {where}。\n"
             f"You are invited to \"{meeting.title}\" at {_when(meeting.starts_at)} (Asia/Shanghai), {where}.",
        url=_meeting_url(meeting.id), subject_id=web_id("Meeting", meeting.id))


async def _scheduled(session: AsyncSession, actor: Actor, event: MeetingScheduled) -> None:
    await _invite(session, actor, event.meeting, event.attendee_ids)


async def _joined(session: AsyncSession, actor: Actor, event: AttendeesInvited) -> None:
    if event.meeting.starts_at > utcnow():  # added to the list afterwards is recording, not inviting
        await _invite(session, actor, event.meeting, event.attendee_ids)


async def _approved(session: AsyncSession, actor: Actor, event: MinutesApproved) -> None:
    meeting = event.meeting
    attendees = (await session.execute(select(Attendance.user_id).where(Attendance.meeting_id == meeting.id)
                                       .order_by(Attendance.id))).scalars()
    recipients = _others(actor, [meeting.organizer_id, *attendees])
    if recipients:
        await service.notify(
            session, recipients=recipients, kind=MINUTES_APPROVED.code,
            title=f"会议纪要已审批：{meeting.title}",
            body=f"会议「{meeting.title}」（{_when(meeting.starts_at)}）的纪要已审批，会议结束。\n"
                 f"The minutes of \"{meeting.title}\" were approved; the meeting is closed.",
            url=_meeting_url(meeting.id), subject_id=web_id("Meeting", meeting.id))


async def _assigned(session: AsyncSession, actor: Actor, event: ActionItemAssigned) -> None:
    item = event.action_item
    if actor.is_user(item.owner_id):
        return  # taking an item oneself needs no notice
    meeting = await session.get(Meeting, item.meeting_id)
    of = f"（会议「{meeting.title}」）" if meeting is not None else ""
    await service.notify(
        session, recipients=[item.owner_id], kind=ACTION_ITEM_ASSIGNED.code,
        title=f"新的待办事项：{item.title}，{item.due_on:%Y-%m-%d} 到期",
        body=f"您有一项新的待办事项「{item.title}」{of}，到期日 {item.due_on:%Y-%m-%d}。\n"
             f"You were given the action item \"{item.title}\", due {item.due_on:%Y-%m-%d}.",
        url=_item_url(item.id), subject_id=web_id("ActionItem", item.id))


LISTENERS = (
    Listener(MeetingScheduled, _scheduled),
    Listener(AttendeesInvited, _joined),
    Listener(MinutesApproved, _approved),
    Listener(ActionItemAssigned, _assigned),
)


# ---------------------------------------------------------------- reminders (the scheduled job)


def remind_moment(day: date) -> datetime:
    """09:00 in Asia/Shanghai on ``day``, in UTC."""
    return datetime.combine(day, REMIND_AT, tzinfo=SHANGHAI).astimezone(UTC)


def reminder_days(since: datetime, until: datetime) -> tuple[date, date] | None:
    """The first and last days whose 09:00 (Asia/Shanghai) falls in ``(since, until]``, or None."""
    first, last = since.astimezone(SHANGHAI), until.astimezone(SHANGHAI)
    lo = first.date() if first.timetz().replace(tzinfo=None) < REMIND_AT else first.date() + timedelta(days=1)
    hi = last.date() if last.timetz().replace(tzinfo=None) >= REMIND_AT else last.date() - timedelta(days=1)
    return (lo, hi) if lo <= hi else None


async def _told(session: AsyncSession, kind: str, wanted: dict[tuple[int, str], datetime]) -> set[tuple[int, str]]:
    """Of these (recipient, subject) pairs, those already told of ``kind`` at or after their moment."""
    if not wanted:
        return set()
    recipients = sorted({r for r, _ in wanted})
    subjects = sorted({s for _, s in wanted})
    found: set[tuple[int, str]] = set()
    for start in range(0, len(recipients), 500):
        rows = await session.execute(select(Notification.recipient_id, Notification.subject_id,
                                            Notification.created_at)
                                     .where(Notification.recipient_id.in_(recipients[start:start + 500]),
                                            Notification.kind == kind, Notification.subject_id.in_(subjects)))
        for recipient, subject, created in rows:
            moment = wanted.get((recipient, subject))
            if moment is not None and created >= moment:
                found.add((recipient, subject))
    return found


async def _starting_soon(session: AsyncSession, since: datetime, until: datetime) -> int:
    # Meetings whose reminder moment (start - lead) is in the window, and that have not started yet.
    lo, hi = max(since + STARTING_SOON_LEAD, until), until + STARTING_SOON_LEAD
    meetings = list((await session.execute(
        select(Meeting).where(Meeting.state == MeetingState.SCHEDULED, Meeting.starts_at > lo,
                              Meeting.starts_at <= hi).order_by(Meeting.starts_at, Meeting.id))).scalars())
    if not meetings:
        return 0
    people: dict[int, list[int]] = {m.id: [m.organizer_id] if m.organizer_id else [] for m in meetings}
    for meeting_id, user_id in await session.execute(
            select(Attendance.meeting_id, Attendance.user_id).where(
                Attendance.meeting_id.in_(list(people)), Attendance.status.in_(TELLS_ABOUT))
            .order_by(Attendance.id)):
        people[meeting_id].append(user_id)
    wanted = {(u, web_id("Meeting", m.id)): m.starts_at - STARTING_SOON_LEAD for m in meetings for u in people[m.id]}
    told = await _told(session, MEETING_STARTING_SOON.code, wanted)
    sent = 0
    for m in meetings:
        subject = web_id("Meeting", m.id)
        recipients = [u for u in dict.fromkeys(people[m.id]) if (u, subject) not in told]
        where = m.place or m.video_link or "—"
        sent += len(await service.notify(
            session, recipients=recipients, kind=MEETING_STARTING_SOON.code,
            title=f"会议即将开始：{m.title}（{m.starts_at.astimezone(SHANGHAI):%H:%M}）",
            body=f"会议「{m.title}」将于 {_when(m.starts_at)}（北京时间）开始，地点 {where}。\n"
                 f"\"{m.title}\" starts at {_when(m.starts_at)} (Asia/Shanghai), {where}.",
            url=_meeting_url(m.id), subject_id=subject))
    return sent


async def _action_items(session: AsyncSession, since: datetime, until: datetime) -> tuple[int, int]:
    days = reminder_days(since, until)
    if days is None:
        return 0, 0
    lo, hi = days
    today = until.astimezone(SHANGHAI).date()
    open_ = ActionItem.status.not_in(FINISHED)
    # Due soon: reminded on the day before the due date; after downtime, not once the due date has passed.
    soon = list((await session.execute(select(ActionItem).where(
        open_, ActionItem.due_on >= max(lo + timedelta(days=1), today), ActionItem.due_on <= hi + timedelta(days=1))
        .order_by(ActionItem.due_on, ActionItem.id))).scalars())
    late = list((await session.execute(select(ActionItem).where(
        open_, ActionItem.due_on >= lo - timedelta(days=1), ActionItem.due_on <= hi - timedelta(days=1))
        .order_by(ActionItem.due_on, ActionItem.id))).scalars())
    counts = []
    for kind, items, moment_of in ((ACTION_ITEM_DUE_SOON, soon, lambda d: remind_moment(d - timedelta(days=1))),
                                   (ACTION_ITEM_OVERDUE, late, lambda d: remind_moment(d + timedelta(days=1)))):
        told = await _told(session, kind.code, {(i.owner_id, web_id("ActionItem", i.id)): moment_of(i.due_on)
                                                for i in items})
        sent = 0
        for i in items:
            if (i.owner_id, web_id("ActionItem", i.id)) in told:
                continue
            due = f"{i.due_on:%Y-%m-%d}"
            if kind is ACTION_ITEM_DUE_SOON:
                title = f"待办事项即将到期：{i.title}（{due}）"
                body = f"您的待办事项「{i.title}」将于 {due} 到期。\nYour action item \"{i.title}\" is due on {due}."
            else:
                title = f"待办事项已逾期：{i.title}（{due} 到期）"
                body = (f"您的待办事项「{i.title}」已于 {due} 到期，尚未完成。\n"
                        f"Your action item \"{i.title}\" was due on {due} and is not done.")
            sent += len(await service.notify(session, recipients=[i.owner_id], kind=kind.code, title=title, body=body,
                                             url=_item_url(i.id), subject_id=web_id("ActionItem", i.id)))
        counts.append(sent)
    return counts[0], counts[1]


async def remind(session: AsyncSession, *, actor: Actor, settings: Settings, since: datetime | None,
                 until: datetime) -> str:
    """Send the reminders whose moment falls in ``(since, until]``: meetings starting soon, action items due soon
    or overdue. On the job's first run only its latest node counts (nothing from before the install)."""
    if since is None:
        since = until - REMINDERS_EVERY
    starting = await _starting_soon(session, since, until)
    soon, late = await _action_items(session, since, until)
    return f"starting soon {starting}, due soon {soon}, overdue {late}"


REMINDERS_EVERY = timedelta(minutes=1)

JOBS = (
    Job("notifications.meeting_reminders", "会议与待办事项提醒", "Reminders of meetings and action items",
        run=remind, every=REMINDERS_EVERY),
)
