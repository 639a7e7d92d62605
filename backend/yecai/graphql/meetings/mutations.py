"""Mutations of joint meetings: from a series and an agenda to approved, locked minutes and their action items."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.errors import invalid
from yecai.graphql.base import decode_id, decode_optional_id, mutation
from yecai.graphql.meetings import types as t
from yecai.meetings import action_items, errors, models, service
from yecai.meetings import events as ev
from yecai.meetings import permissions as p


def _links(info: Info, values: Optional[list[strawberry.ID]], field: str) -> list[str]:
    """Global ids of objects the API can hand out (documents, vouchers, decisions ...)."""
    found = []
    for i, value in enumerate(values or []):
        try:
            gid = relay.GlobalID.from_id(str(value))
        except ValueError:
            raise invalid(f"{field}[{i}]", "不是有效的全局标识", "is not a valid global id") from None
        origin = getattr(info.schema.get_type_by_name(gid.type_name), "origin", None)
        if origin is None or not hasattr(origin, "resolve_nodes"):
            raise invalid(f"{field}[{i}]", "不是可关联的对象", "is not an object that can be linked")
        found.append(str(gid))
    return found


def _users(values: list[strawberry.ID], field: str) -> list[int]:
    return [decode_id(value, "User", f"{field}[{i}]") for i, value in enumerate(values)]


@strawberry.input(description="A meeting series (例会); `recurrence` is an iCalendar RRULE counted in Asia/Shanghai "
                              "time from `startsAt`, e.g. FREQ=WEEKLY;BYDAY=MO. With X-YECAI-DAYS=WORKING it counts "
                              "working days of the work calendar (public holidays skipped, make-up working days "
                              "counted): FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING is the 5th working day of each "
                              "month, FREQ=DAILY;X-YECAI-DAYS=WORKING every working day.")
class CreateMeetingSeriesInput:
    title: str
    recurrence: str
    starts_at: dt.datetime
    duration_minutes: int = 60
    goal: str = ""
    project_code: Optional[str] = None
    focus: str = ""
    place: str = ""
    video_link: str = ""
    confidential: bool = False
    reader_roles: list[str] = strawberry.field(default_factory=list, description="Role codes (confidential only).")
    default_department_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    default_roles: list[str] = strawberry.field(default_factory=list, description="Role codes; none: everyone.")
    department_id: Optional[strawberry.ID] = None


@strawberry.input(description="A series' new form, all of it, as createMeetingSeries takes it (`departmentId` left "
                              "out keeps the series'). Meetings already scheduled keep their time, place and "
                              "attendees; the new recurrence and defaults apply to meetings scheduled from now on.")
class UpdateMeetingSeriesInput(CreateMeetingSeriesInput):
    id: strawberry.ID


@strawberry.input(description="An agenda item (议程).")
class AgendaItemInput:
    title: str
    presenter_id: Optional[strawberry.ID] = None
    time_box_minutes: Optional[int] = None
    link_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(description="A meeting; with a series, what is left out comes from it (title, place, its next free "
                              "occurrence, duration, default attendees).")
class ScheduleMeetingInput:
    series_id: Optional[strawberry.ID] = None
    title: Optional[str] = None
    starts_at: Optional[dt.datetime] = None
    ends_at: Optional[dt.datetime] = None
    place: Optional[str] = None
    video_link: Optional[str] = None
    confidential: Optional[bool] = None
    attendee_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    agenda: list[AgendaItemInput] = strawberry.field(default_factory=list)


@strawberry.input(description="What to change of a scheduled meeting; fields left out stay as they are (moving the "
                              "start alone keeps the length).")
class UpdateMeetingInput:
    id: strawberry.ID
    title: Optional[str] = None
    starts_at: Optional[dt.datetime] = None
    ends_at: Optional[dt.datetime] = None
    place: Optional[str] = None
    video_link: Optional[str] = None
    confidential: Optional[bool] = None


@strawberry.input
class AddAgendaItemInput:
    meeting_id: strawberry.ID
    item: AgendaItemInput


@strawberry.input(description="An agenda item's new title, presenter, time box and links (all of them, as in the form).")
class UpdateAgendaItemInput:
    id: strawberry.ID
    item: AgendaItemInput


@strawberry.input(description="One person's attendance; EXCUSED needs a reason.")
class AttendanceEntryInput:
    user_id: strawberry.ID
    status: t.AttendanceStatus
    reason: Optional[str] = None


@strawberry.input
class RecordAttendanceInput:
    meeting_id: strawberry.ID
    entries: list[AttendanceEntryInput]


@strawberry.input(description="The minutes as HTML (sanitized when kept). After approval a save is an amendment and "
                              "needs `note`, its reason.")
class RecordMinutesInput:
    meeting_id: strawberry.ID
    content: str
    base_version: Optional[int] = strawberry.field(default=None, description=(
        "The version the editor started from; a save over a newer one is refused (STALE_VERSION)."))
    note: Optional[str] = None


@strawberry.input
class RecordDecisionInput:
    meeting_id: strawberry.ID
    text: str
    agenda_item_id: Optional[strawberry.ID] = None


@strawberry.input
class ApproveMinutesInput:
    meeting_id: strawberry.ID


@strawberry.input(description="Without `cancelReason` the meeting closes by approving its minutes; with it, it is "
                              "cancelled (it did not take place).")
class CloseMeetingInput:
    id: strawberry.ID
    cancel_reason: Optional[str] = None


@strawberry.input
class CreateActionItemInput:
    meeting_id: strawberry.ID
    title: str
    owner_id: strawberry.ID
    due_on: dt.date
    link_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    decision_id: Optional[strawberry.ID] = None
    note: Optional[str] = None


@strawberry.input(description="What to change; fields left out stay as they are.")
class UpdateActionItemInput:
    id: strawberry.ID
    title: Optional[str] = None
    owner_id: Optional[strawberry.ID] = None
    due_on: Optional[dt.date] = None
    status: Optional[t.ActionItemStatus] = None
    note: Optional[str] = None
    link_ids: Optional[list[strawberry.ID]] = None


def _agenda(info: Info, items: list[AgendaItemInput], field: str) -> list[service.AgendaInput]:
    return [service.AgendaInput(title=i.title,
                                presenter_id=decode_optional_id(i.presenter_id, "User", f"{field}[{n}].presenterId"),
                                time_box_minutes=i.time_box_minutes,
                                links=_links(info, i.link_ids, f"{field}[{n}].linkIds"))
            for n, i in enumerate(items)]


def _series(input: CreateMeetingSeriesInput) -> service.SeriesInput:
    return service.SeriesInput(
        title=input.title, recurrence=input.recurrence, starts_at=input.starts_at,
        duration_minutes=input.duration_minutes, goal=input.goal, project_code=input.project_code,
        focus=input.focus, place=input.place, video_link=input.video_link, confidential=input.confidential,
        reader_roles=input.reader_roles,
        default_department_ids=[decode_id(d, "Department", f"defaultDepartmentIds[{i}]")
                                for i, d in enumerate(input.default_department_ids)],
        default_roles=input.default_roles,
        department_id=decode_optional_id(input.department_id, "Department", "departmentId"))


@strawberry.type
class MeetingsMutations:
    @mutation("Set up a meeting series (例会) with its recurrence, focus and default attendees.",
              permission=p.MEETINGS_MANAGE, emits=[ev.MeetingSeriesCreated], returns=("series", t.MeetingSeries))
    async def create_meeting_series(self, info: Info, input: CreateMeetingSeriesInput) -> t.MeetingSeries:
        return t.MeetingSeries.from_model(await service.create_meeting_series(
            info.context.session, actor=info.context.actor, data=_series(input)))

    @mutation("Change a meeting series: whoever may set one up; a confidential one only its organizer, the managers "
              "of its department (`meetings.oversee`) and the holders of its reader roles. Meetings already "
              "scheduled keep their time and place.",
              permission=p.MEETINGS_MANAGE, emits=[ev.MeetingSeriesUpdated], returns=("series", t.MeetingSeries))
    async def update_meeting_series(self, info: Info, input: UpdateMeetingSeriesInput) -> t.MeetingSeries:
        return t.MeetingSeries.from_model(await service.update_meeting_series(
            info.context.session, actor=info.context.actor, series_id=decode_id(input.id, "MeetingSeries"),
            data=_series(input)))

    @mutation("Put a meeting in the calendar with its agenda and attendees.", permission=p.MEETINGS_MANAGE,
              emits=[ev.MeetingScheduled], returns=("meeting", t.Meeting))
    async def schedule_meeting(self, info: Info, input: ScheduleMeetingInput) -> t.Meeting:
        data = service.MeetingInput(
            series_id=decode_optional_id(input.series_id, "MeetingSeries", "seriesId"), title=input.title,
            starts_at=input.starts_at, ends_at=input.ends_at, place=input.place, video_link=input.video_link,
            confidential=input.confidential, attendee_ids=_users(input.attendee_ids, "attendeeIds"),
            agenda=_agenda(info, input.agenda, "agenda"))
        return t.Meeting.from_model(await service.schedule_meeting(info.context.session, actor=info.context.actor,
                                                                   data=data))

    @mutation("Move, rename or relocate a scheduled meeting.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], returns=("meeting", t.Meeting))
    async def update_meeting(self, info: Info, input: UpdateMeetingInput) -> t.Meeting:
        return t.Meeting.from_model(await service.update_meeting(
            info.context.session, actor=info.context.actor, meeting_id=decode_id(input.id, "Meeting"),
            title=input.title, starts_at=input.starts_at, ends_at=input.ends_at, place=input.place,
            video_link=input.video_link, confidential=input.confidential))

    @mutation("Add a topic at the end of a meeting's agenda.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], returns=("agendaItem", t.AgendaItem))
    async def add_agenda_item(self, info: Info, input: AddAgendaItemInput) -> t.AgendaItem:
        (item,) = _agenda(info, [input.item], "item")
        return t.AgendaItem.from_model(await service.add_agenda_item(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"), item=item))

    @mutation("Change a topic of a scheduled meeting's agenda.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], returns=("agendaItem", t.AgendaItem))
    async def update_agenda_item(self, info: Info, input: UpdateAgendaItemInput) -> t.AgendaItem:
        (item,) = _agenda(info, [input.item], "item")
        return t.AgendaItem.from_model(await service.update_agenda_item(
            info.context.session, actor=info.context.actor, agenda_item_id=decode_id(input.id, "AgendaItem"),
            item=item))

    @mutation("Record who was present, absent or excused.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], returns=("meeting", t.Meeting))
    async def record_attendance(self, info: Info, input: RecordAttendanceInput) -> t.Meeting:
        entries = [service.AttendanceInput(user_id=decode_id(e.user_id, "User", f"entries[{i}].userId"),
                                           status=models.AttendanceStatus(e.status.value), reason=e.reason)
                   for i, e in enumerate(input.entries)]
        return t.Meeting.from_model(await service.record_attendance(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"), entries=entries))

    @mutation("Save the minutes (kept in their history); after approval, as an amendment with its reason.",
              permission=p.MEETINGS_MANAGE, errors=[errors.WRONG_STATE, errors.MINUTES_LOCKED, errors.STALE_VERSION],
              emits=[ev.MinutesRecorded], returns=("minutes", t.Minutes))
    async def record_minutes(self, info: Info, input: RecordMinutesInput) -> t.Minutes:
        return t.Minutes.from_model(await service.record_minutes(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"), content=input.content,
            base_version=input.base_version, note=input.note))

    @mutation("Record a decision (决议) of a meeting; after closing, as an amendment.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], emits=[ev.DecisionRecorded], returns=("decision", t.Decision))
    async def record_decision(self, info: Info, input: RecordDecisionInput) -> t.Decision:
        return t.Decision.from_model(await service.record_decision(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"), text=input.text,
            agenda_item_id=decode_optional_id(input.agenda_item_id, "AgendaItem", "agendaItemId")))

    @mutation("Approve the minutes: they are locked and the meeting is closed.", permission=p.MEETINGS_APPROVE,
              errors=[errors.WRONG_STATE, errors.MINUTES_EMPTY], emits=[ev.MinutesApproved, ev.MeetingClosed],
              returns=("meeting", t.Meeting))
    async def approve_minutes(self, info: Info, input: ApproveMinutesInput) -> t.Meeting:
        return t.Meeting.from_model(await service.approve_minutes(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId")))

    @mutation("Close a meeting: by approving its minutes, or as cancelled with a reason.",
              permission=p.MEETINGS_APPROVE, errors=[errors.WRONG_STATE, errors.MINUTES_EMPTY],
              emits=[ev.MinutesApproved, ev.MeetingClosed], returns=("meeting", t.Meeting))
    async def close_meeting(self, info: Info, input: CloseMeetingInput) -> t.Meeting:
        return t.Meeting.from_model(await service.close_meeting(
            info.context.session, actor=info.context.actor, meeting_id=decode_id(input.id, "Meeting"),
            cancel_reason=input.cancel_reason))

    @mutation("Give someone an action item (待办事项) of a meeting.", permission=p.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE], emits=[ev.ActionItemAssigned], returns=("actionItem", t.ActionItem))
    async def create_action_item(self, info: Info, input: CreateActionItemInput) -> t.ActionItem:
        return t.ActionItem.from_model(await action_items.create_action_item(
            info.context.session, actor=info.context.actor,
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"), title=input.title,
            owner_id=decode_id(input.owner_id, "User", "ownerId"), due_on=input.due_on,
            links_=_links(info, input.link_ids, "linkIds"),
            decision_id=decode_optional_id(input.decision_id, "Decision", "decisionId"), note=input.note))

    @mutation("Change an action item: its owner, or the owner's managers up the department tree (`meetings.oversee`).",
              permission=p.MEETINGS_READ, emits=[ev.ActionItemUpdated, ev.ActionItemAssigned],
              returns=("actionItem", t.ActionItem))
    async def update_action_item(self, info: Info, input: UpdateActionItemInput) -> t.ActionItem:
        return t.ActionItem.from_model(await action_items.update_action_item(
            info.context.session, actor=info.context.actor, action_item_id=decode_id(input.id, "ActionItem"),
            title=input.title, owner_id=decode_optional_id(input.owner_id, "User", "ownerId"), due_on=input.due_on,
            status=models.ActionItemStatus(input.status.value) if input.status else None, note=input.note,
            links_=None if input.link_ids is None else _links(info, input.link_ids, "linkIds")))
