"""Events of joint meetings. Domains above (notifications, performance) listen; this one never imports them."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.meetings.models import ActionItem, Decision, Meeting, MeetingSeries, Minutes


@dataclass(frozen=True)
class MeetingSeriesCreated:
    """A series (例会) was set up: its meetings will be scheduled from its recurrence."""

    series: MeetingSeries


@dataclass(frozen=True)
class MeetingSeriesUpdated:
    """A series was changed (``changed``: the names of the fields that changed); meetings already scheduled keep
    their time and place."""

    series: MeetingSeries
    changed: tuple[str, ...]


@dataclass(frozen=True)
class MeetingScheduled:
    """A meeting was put in the calendar; ``attendee_ids`` are the people invited."""

    meeting: Meeting
    attendee_ids: tuple[int, ...]


@dataclass(frozen=True)
class AttendeesInvited:
    """People joined the attendance list of a scheduled meeting as invited (after it was scheduled)."""

    meeting: Meeting
    attendee_ids: tuple[int, ...]


@dataclass(frozen=True)
class MinutesRecorded:
    """The minutes were saved; ``amendment`` when the meeting was already closed."""

    meeting: Meeting
    minutes: Minutes
    amendment: bool


@dataclass(frozen=True)
class MinutesApproved:
    """The minutes were approved: they are locked and the meeting closes."""

    meeting: Meeting
    minutes: Minutes


@dataclass(frozen=True)
class MeetingClosed:
    """A meeting is closed (its minutes approved): its decisions stand and its action items run."""

    meeting: Meeting


@dataclass(frozen=True)
class DecisionRecorded:
    meeting: Meeting
    decision: Decision


@dataclass(frozen=True)
class ActionItemAssigned:
    """An action item was given to someone: at creation, or when its owner changed."""

    action_item: ActionItem
    previous_owner_id: int | None = None


@dataclass(frozen=True)
class ActionItemUpdated:
    """An action item's status, due date or text changed (``before``: the changed fields' old values)."""

    action_item: ActionItem
    before: dict[str, object]
