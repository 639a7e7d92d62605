"""Who may do what with meetings: pure rules over (actor, object, what is known about its audience).

A confidential meeting's minutes, decisions and action items are for its audience: the attendees, the
organizer, the managers of the attendees up the department tree (holders of ``meetings.oversee`` whose
department is an attendee's department or one above it), and the holders of the roles the series names.
The meeting itself (time, place, agenda) is seen by everyone who reads meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yecai.actor import Actor
from yecai.meetings import permissions as p
from yecai.meetings.models import ActionItem, Meeting, MeetingSeries, MeetingState


@dataclass(frozen=True)
class Audience:
    """Who a meeting's confidential content is for, as the service loads it."""

    organizer_id: int | None = None
    attendee_ids: frozenset[int] = frozenset()
    # The attendees' departments and every department above them.
    departments: frozenset[int] = frozenset()
    reader_roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OwnerChain:
    """An action item owner's department and every department above it."""

    departments: frozenset[int] = field(default_factory=frozenset)


def can_read(actor: Actor) -> bool:
    return actor.has(p.MEETINGS_READ)


def can_manage(actor: Actor) -> bool:
    return actor.has(p.MEETINGS_MANAGE)


def can_approve(actor: Actor) -> bool:
    """Approves minutes and closes or cancels meetings (each when its meeting allows: ``can_approve_minutes``,
    ``can_cancel``)."""
    return actor.has(p.MEETINGS_APPROVE)


def oversees(actor: Actor, departments: frozenset[int]) -> bool:
    """A manager of one of these departments (or of one above them: they are in the chain)."""
    return actor.has(p.MEETINGS_OVERSEE) and actor.department_id is not None and actor.department_id in departments


def in_audience(actor: Actor, audience: Audience) -> bool:
    if actor.kind == "system":
        return True
    if actor.kind != "user":
        return False
    return (actor.is_user(audience.organizer_id) or actor.user_id in audience.attendee_ids
            or oversees(actor, audience.departments) or bool(actor.roles & audience.reader_roles))


def can_see_meeting(actor: Actor, meeting: Meeting) -> bool:
    return can_read(actor)


def can_read_minutes(actor: Actor, meeting: Meeting, audience: Audience) -> bool:
    """Minutes and decisions: every reader's, or the audience's when the meeting is confidential."""
    return can_read(actor) and (not meeting.confidential or in_audience(actor, audience))


def can_see_action_item(actor: Actor, item: ActionItem, meeting: Meeting, audience: Audience) -> bool:
    return can_read(actor) and (actor.is_user(item.owner_id) or can_read_minutes(actor, meeting, audience))


def can_create_series(actor: Actor) -> bool:
    return can_manage(actor)


def can_edit_series(actor: Actor, series: MeetingSeries, departments: frozenset[int]) -> bool:
    """Who may set up a series changes it; a confidential one only its organizer, the managers of its department
    (``departments``: it and those above it) and the holders of its reader roles: someone outside its audience
    could otherwise name their own role a reader role, or make it public, and read its minutes."""
    if not can_create_series(actor):
        return False
    if not series.confidential or actor.kind == "system":
        return True
    return (actor.is_user(series.organizer_id) or oversees(actor, departments)
            or bool(actor.roles & frozenset(series.reader_roles or ())))


def can_schedule(actor: Actor) -> bool:
    return can_manage(actor)


def can_prepare(actor: Actor, meeting: Meeting) -> bool:
    """Agenda and attendance: organisers, while the meeting is not closed."""
    return can_manage(actor) and meeting.state == MeetingState.SCHEDULED


def can_record_minutes(actor: Actor, meeting: Meeting, audience: Audience) -> bool:
    """Minutes and decisions are written by organisers who may read them (after closing: as amendments)."""
    return can_manage(actor) and can_read_minutes(actor, meeting, audience) and meeting.state != MeetingState.CANCELLED


def can_approve_minutes(actor: Actor, meeting: Meeting, audience: Audience) -> bool:
    return can_approve(actor) and can_read_minutes(actor, meeting, audience) and meeting.state == MeetingState.SCHEDULED


def can_cancel(actor: Actor, meeting: Meeting) -> bool:
    return can_approve(actor) and meeting.state == MeetingState.SCHEDULED


def can_assign_action_items(actor: Actor, meeting: Meeting, audience: Audience) -> bool:
    return can_record_minutes(actor, meeting, audience)


def can_change_action_item(actor: Actor, item: ActionItem, owner: OwnerChain) -> bool:
    """Only the owner and the owner's managers up the department tree change an action item."""
    if actor.kind == "system":
        return True
    return can_read(actor) and (actor.is_user(item.owner_id) or oversees(actor, owner.departments))
