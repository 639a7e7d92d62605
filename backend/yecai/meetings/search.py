"""Meetings, minutes, decisions and action items in the search index.

Meetings are for everyone who reads meetings. Minutes, decisions and action items of a confidential
meeting carry only their audience's tags (the attendees and organizer, the departments whose managers
may read them, the series' reader roles, and an action item's owner), as ``policies.can_read_minutes``
decides; a viewer holds tags only when they read meetings at all. They are written again when the meeting
changes what they show or who they are for (its title, time, department, ``confidential`` flag) and, for the
minutes, when its attendance changes. Decisions and action items are not re-read when attendance is added:
the audience only grows, so their tags are never wider than the policy, only narrower until the next change;
the policy's second look covers the rest (a department moved in the tree).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.meetings import access, html, policies, recurrence
from yecai.meetings import permissions as p
from yecai.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting, MeetingSeries, Minutes
from yecai.meetings.policies import Audience
from yecai.searchable import Refer, Searchable, SearchDocument, Watch, text_of, web_id

READ = "mtg:read"
STATUS = {"OPEN": "未开始", "IN_PROGRESS": "进行中", "DONE": "已完成", "CANCELLED": "已取消"}


def user_tag(user_id: int) -> str:
    return f"mtg:user:{user_id}"


def manager_tag(department_id: int) -> str:
    return f"mtg:mgr:{department_id}"


def role_tag(code: str) -> str:
    return f"mtg:role:{code}"


def viewer_tags(actor: Actor) -> set[str]:
    if not policies.can_read(actor):
        return set()
    tags = {READ}
    if actor.kind == "user" and actor.user_id is not None:
        tags.add(user_tag(actor.user_id))
        if actor.has(p.MEETINGS_OVERSEE) and actor.department_id is not None:
            tags.add(manager_tag(actor.department_id))
        tags |= {role_tag(r) for r in actor.roles}
    return tags


def audience_tags(meeting: Meeting, audience: Audience) -> tuple[str, ...]:
    if not meeting.confidential:
        return (READ,)
    users = {*audience.attendee_ids, *([audience.organizer_id] if audience.organizer_id else [])}
    return (*sorted(user_tag(u) for u in users), *sorted(manager_tag(d) for d in audience.departments),
            *sorted(role_tag(r) for r in audience.reader_roles))


async def _meetings(session: AsyncSession, ids: set[int]) -> tuple[dict[int, Meeting], dict[int, Audience]]:
    meetings = {m.id: m for m in (await session.execute(select(Meeting).where(Meeting.id.in_(ids)))).scalars()} \
        if ids else {}
    return meetings, await access.audiences(session, list(meetings.values()))


def _url(meeting_id: int) -> str:
    return f"/meetings/{web_id('Meeting', meeting_id)}"


# ---------------------------------------------------------------- meetings


async def build_meetings(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Meeting).where(Meeting.id.in_(list(ids))))).scalars())
    agenda: dict[int, list[str]] = {}
    for meeting_id, title in await session.execute(select(AgendaItem.meeting_id, AgendaItem.title)
                                                   .where(AgendaItem.meeting_id.in_(list(ids)))
                                                   .order_by(AgendaItem.meeting_id, AgendaItem.position)):
        agenda.setdefault(meeting_id, []).append(title)
    series_ids = {m.series_id for m in rows if m.series_id}
    series = dict((await session.execute(select(MeetingSeries.id, MeetingSeries.title)
                                         .where(MeetingSeries.id.in_(series_ids)))).all()) if series_ids else {}
    return {m.id: SearchDocument(
        kind="meeting", object_id=m.id, title=m.title, department_id=m.department_id, access=(READ,),
        body=text_of("会议", series.get(m.series_id or 0), m.place, *agenda.get(m.id, [])),
        date=recurrence.local(m.starts_at).date(), url=_url(m.id)) for m in rows}


async def visible_meetings(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = (await session.execute(select(Meeting).where(Meeting.id.in_(list(ids))))).scalars()
    return {m.id for m in rows if policies.can_see_meeting(actor, m)}


# ---------------------------------------------------------------- minutes


async def build_minutes(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Minutes).where(Minutes.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    found = {}
    for r in rows:
        m = meetings.get(r.meeting_id)
        if m is None or not r.content:
            continue
        found[r.id] = SearchDocument(
            kind="meeting_minutes", object_id=r.id, title=f"{m.title} 会议纪要", body=html.plain(r.content),
            department_id=m.department_id, access=audience_tags(m, audiences[m.id]),
            date=recurrence.local(m.starts_at).date(), url=_url(m.id))
    return found


async def visible_minutes(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(Minutes).where(Minutes.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    return {r.id for r in rows if r.meeting_id in meetings
            and policies.can_read_minutes(actor, meetings[r.meeting_id], audiences[r.meeting_id])}


# ---------------------------------------------------------------- decisions


async def build_decisions(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Decision).where(Decision.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    return {r.id: SearchDocument(
        kind="decision", object_id=r.id, title=r.text[:80], body=text_of("决议", meetings[r.meeting_id].title, r.text),
        department_id=meetings[r.meeting_id].department_id,
        access=audience_tags(meetings[r.meeting_id], audiences[r.meeting_id]),
        date=recurrence.local(meetings[r.meeting_id].starts_at).date(), url=_url(r.meeting_id))
        for r in rows if r.meeting_id in meetings}


async def visible_decisions(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(Decision).where(Decision.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    return {r.id for r in rows if r.meeting_id in meetings
            and policies.can_read_minutes(actor, meetings[r.meeting_id], audiences[r.meeting_id])}


# ---------------------------------------------------------------- action items


async def build_action_items(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(ActionItem).where(ActionItem.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    owners = {r.owner_id for r in rows}
    names = dict((await session.execute(select(User.id, User.display_name).where(User.id.in_(owners))))
                 .all()) if owners else {}
    found = {}
    for r in rows:
        m = meetings.get(r.meeting_id)
        if m is None:
            continue
        tags = audience_tags(m, audiences[m.id])
        if m.confidential:
            tags = tuple(sorted({*tags, user_tag(r.owner_id)}))
        found[r.id] = SearchDocument(
            kind="action_item", object_id=r.id, title=r.title, department_id=r.department_id, access=tags,
            body=text_of("待办事项", names.get(r.owner_id), STATUS[r.status.value], m.title, r.note),
            date=r.due_on, url=f"/action-items?id={web_id('ActionItem', r.id)}")
    return found


async def visible_action_items(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(ActionItem).where(ActionItem.id.in_(list(ids))))).scalars())
    meetings, audiences = await _meetings(session, {r.meeting_id for r in rows})
    return {r.id for r in rows if r.meeting_id in meetings
            and policies.can_see_action_item(actor, r, meetings[r.meeting_id], audiences[r.meeting_id])}


SEARCHABLES = (
    Searchable(kind="meeting", zh="会议", en="Meeting", model=Meeting, node="Meeting", build=build_meetings,
               visible=visible_meetings, viewer_tags=viewer_tags,
               watches=(Watch(AgendaItem, lambda row: row.meeting_id),),
               # A meeting shows its series' title (a series renamed: its meetings are indexed again).
               refers=(Refer(MeetingSeries, ("title",),
                             lambda ids: select(Meeting.id).where(Meeting.series_id.in_(ids))),)),
    Searchable(kind="meeting_minutes", zh="会议纪要", en="Minutes", model=Minutes, node="Minutes",
               build=build_minutes, visible=visible_minutes, viewer_tags=viewer_tags,
               # Minutes share their meeting's id (service.schedule_meeting): the meeting shows in them (title,
               # time, department, confidential) and its attendance is their audience.
               watches=(Watch(Meeting, lambda row: row.id), Watch(Attendance, lambda row: row.meeting_id)),
               # The series' reader roles are part of the audience of its confidential meetings.
               refers=(Refer(MeetingSeries, ("reader_roles",),
                             lambda ids: select(Meeting.id).where(Meeting.series_id.in_(ids))),)),
    Searchable(kind="decision", zh="决议", en="Decision", model=Decision, node="Decision", build=build_decisions,
               visible=visible_decisions, viewer_tags=viewer_tags,
               refers=(Refer(Meeting, ("confidential", "title", "starts_at", "department_id"),
                             lambda ids: select(Decision.id).where(Decision.meeting_id.in_(ids))),
                       Refer(MeetingSeries, ("reader_roles",),
                             lambda ids: select(Decision.id).join(Meeting, Meeting.id == Decision.meeting_id)
                             .where(Meeting.series_id.in_(ids))))),
    Searchable(kind="action_item", zh="待办事项", en="Action item", model=ActionItem, node="ActionItem",
               build=build_action_items, visible=visible_action_items, viewer_tags=viewer_tags,
               # An action item shows its meeting's title; its own department and due date are its own.
               refers=(Refer(Meeting, ("confidential", "title"),
                             lambda ids: select(ActionItem.id).where(ActionItem.meeting_id.in_(ids))),
                       Refer(MeetingSeries, ("reader_roles",),
                             lambda ids: select(ActionItem.id).join(Meeting, Meeting.id == ActionItem.meeting_id)
                             .where(Meeting.series_id.in_(ids))))),
)
