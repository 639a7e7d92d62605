"""What the policies need to know about who a meeting is for, loaded in a fixed number of statements,
and the same rules as SQL filters for lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, exists, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.meetings import policies
from yecai.meetings.models import ActionItem, Attendance, Meeting, MeetingSeries
from yecai.meetings.policies import Audience, OwnerChain
from yecai.org.models import Department


async def department_tree(session: AsyncSession) -> dict[int, int | None]:
    """Every department's parent (the tree is small: one statement)."""
    return dict((await session.execute(select(Department.id, Department.parent_id))).all())


def chain(tree: dict[int, int | None], department_id: int | None) -> set[int]:
    """A department and every department above it."""
    found: set[int] = set()
    node = department_id
    while node is not None and node not in found:
        found.add(node)
        node = tree.get(node)
    return found


def below(tree: dict[int, int | None], department_id: int | None) -> set[int]:
    """A department and every department under it."""
    if department_id is None:
        return set()
    return {d for d in tree if department_id in chain(tree, d)}


async def audiences(session: AsyncSession, meetings: Sequence[Meeting]) -> dict[int, Audience]:
    """Each meeting's audience, by meeting id."""
    ids = [m.id for m in meetings]
    if not ids:
        return {}
    tree = await department_tree(session)
    attendees: dict[int, set[int]] = {i: set() for i in ids}
    departments: dict[int, set[int]] = {i: set() for i in ids}
    for meeting_id, user_id, department_id in await session.execute(
            select(Attendance.meeting_id, Attendance.user_id, User.department_id)
            .join(User, User.id == Attendance.user_id).where(Attendance.meeting_id.in_(ids))):
        attendees[meeting_id].add(user_id)
        departments[meeting_id] |= chain(tree, department_id)
    series_ids = {m.series_id for m in meetings if m.series_id is not None}
    roles: dict[int, list[str]] = {}
    if series_ids:
        roles = dict((await session.execute(select(MeetingSeries.id, MeetingSeries.reader_roles)
                                            .where(MeetingSeries.id.in_(series_ids)))).all())
    return {m.id: Audience(organizer_id=m.organizer_id, attendee_ids=frozenset(attendees[m.id]),
                           departments=frozenset(departments[m.id]),
                           reader_roles=frozenset(roles.get(m.series_id, ()) if m.series_id else ()))
            for m in meetings}


async def audience(session: AsyncSession, meeting: Meeting) -> Audience:
    return (await audiences(session, [meeting]))[meeting.id]


async def owner_chains(session: AsyncSession, owner_ids: Iterable[int]) -> dict[int, OwnerChain]:
    wanted = set(owner_ids)
    if not wanted:
        return {}
    tree = await department_tree(session)
    rows = (await session.execute(select(User.id, User.department_id).where(User.id.in_(wanted)))).all()
    return {uid: OwnerChain(frozenset(chain(tree, dep))) for uid, dep in rows}


async def minutes_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Meetings whose minutes and decisions the actor may read, as a SQL condition (``can_read_minutes``)."""
    if not policies.can_read(actor):
        return false()
    if actor.kind == "system":
        return Meeting.id.is_not(None)
    clauses: list[ColumnElement[bool]] = [Meeting.confidential.is_(False)]
    if actor.kind == "user" and actor.user_id is not None:
        clauses.append(Meeting.organizer_id == actor.user_id)
        clauses.append(exists().where(Attendance.meeting_id == Meeting.id, Attendance.user_id == actor.user_id))
        if policies.oversees(actor, frozenset({actor.department_id}) if actor.department_id else frozenset()):
            managed = below(await department_tree(session), actor.department_id)
            clauses.append(exists().where(Attendance.meeting_id == Meeting.id, Attendance.user_id == User.id,
                                          User.department_id.in_(managed)))
        if actor.roles:
            readable = [sid for sid, roles in await session.execute(
                select(MeetingSeries.id, MeetingSeries.reader_roles).where(MeetingSeries.confidential.is_(True)))
                if set(roles or ()) & actor.roles]
            if readable:
                clauses.append(Meeting.series_id.in_(readable))
    return or_(*clauses)


async def action_item_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Action items the actor may see (``can_see_action_item``); the statement must join ``Meeting``."""
    if not policies.can_read(actor):
        return false()
    readable = await minutes_filter(session, actor)
    if actor.kind == "user" and actor.user_id is not None:
        return or_(ActionItem.owner_id == actor.user_id, readable)
    return readable
