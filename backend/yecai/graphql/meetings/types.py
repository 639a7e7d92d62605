"""GraphQL types of joint meetings. Related lists load through the request's DataLoaders."""

import asyncio
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, ListSize, ModelNode, connection, guarded
from yecai.graphql.org.types import Department
from yecai.meetings import access, models, policies, recurrence, service
from yecai.meetings.action_items import is_overdue, today
from yecai.meetings.policies import Audience, OwnerChain
from yecai.pagination import check_first, paginate
from yecai.workdays.calendar import WorkCalendar, load_work_calendar

MeetingState = strawberry.enum(models.MeetingState, name="MeetingState",
                               description="SCHEDULED 已安排, CLOSED 已结束 (minutes approved), CANCELLED 已取消.")
AttendanceStatus = strawberry.enum(models.AttendanceStatus, name="AttendanceStatus",
                                   description="INVITED 已邀请, PRESENT 出席, ABSENT 缺席, EXCUSED 请假 (with a reason).")
ActionItemStatus = strawberry.enum(models.ActionItemStatus, name="ActionItemStatus",
                                   description="OPEN 未开始, IN_PROGRESS 进行中, DONE 已完成, CANCELLED 已取消.")


# ---------------------------------------------------------------- loaders of the facts policies need


async def audience_of(info: Info, meeting: models.Meeting) -> Audience:
    """The meeting's audience, batched per request (a fixed number of statements)."""
    session = info.context.session

    async def batch(ids: list[int]) -> list[Audience]:
        rows = [r for r in await info.context.loaders.by_id(models.Meeting).load_many(ids) if r is not None]
        found = await access.audiences(session, rows)
        return [found.get(i, Audience()) for i in ids]

    return await info.context.loaders.batched("meetings:audience", batch).load(meeting.id)


async def work_calendar_of(info: Info, rule: str) -> Optional[WorkCalendar]:
    """The work calendar for a rule that counts working days, read once per request (one SELECT)."""
    if not recurrence.uses_working_days(rule):
        return None

    async def batch(keys: list[int]) -> list[WorkCalendar]:
        calendar = await load_work_calendar(info.context.session)
        return [calendar for _ in keys]

    return await info.context.loaders.batched("meetings:work_calendar", batch).load(0)


async def series_chain_of(info: Info, department_id: Optional[int]) -> frozenset[int]:
    """A series' department and those above it (whose managers may change a confidential series)."""
    session = info.context.session

    async def batch(ids: list[int]) -> list[frozenset[int]]:
        tree = await access.department_tree(session)
        return [frozenset(access.chain(tree, i or None)) for i in ids]

    return await info.context.loaders.batched("meetings:series_chain", batch).load(department_id or 0)


async def owner_chain_of(info: Info, owner_id: int) -> OwnerChain:
    session = info.context.session

    async def batch(ids: list[int]) -> list[OwnerChain]:
        found = await access.owner_chains(session, ids)
        return [found.get(i, OwnerChain()) for i in ids]

    return await info.context.loaders.batched("meetings:owner_chain", batch).load(owner_id)


async def _seen(info: Info, rows: Sequence[Any],
                can_see: Callable[[Any, models.Meeting, Audience], bool]) -> list[bool]:
    """Whether the viewer may see each row of a meeting (minutes, a decision, an action item; None: no), by
    ``can_see(row, meeting, audience)``: the meetings and their audiences load together, in one batch each."""
    meetings = await info.context.loaders.by_id(models.Meeting).load_many(
        [0 if row is None else row.meeting_id for row in rows])
    known = {m.id: m for m in meetings if m is not None}
    audiences = dict(zip(known, await asyncio.gather(*(audience_of(info, m) for m in known.values())), strict=True))
    return [row is not None and row.meeting_id in known
            and can_see(row, known[row.meeting_id], audiences[row.meeting_id]) for row in rows]


async def _readable_minutes(info: Info, rows: Sequence[Any]) -> list[bool]:
    """Minutes and decisions: ``policies.can_read_minutes`` of their meeting."""
    actor = info.context.actor
    return await _seen(info, rows, lambda _row, meeting, audience: policies.can_read_minutes(actor, meeting, audience))


class _OfMeeting(ModelNode):
    """A node whose visibility is its meeting's audience: ``node(id:)``, ``load`` (every field that hands one out,
    search results among them) and links all ask ``can_see``, a batch at a time (``visible`` alone cannot: it
    has no meeting and no audience)."""

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        raise NotImplementedError


async def _links(info: Info, ids: list[str]) -> list[Optional[relay.Node]]:
    """The objects behind global ids, each through its own type (and so its own visibility rule)."""
    by_type: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for position, value in enumerate(ids):
        try:
            gid = relay.GlobalID.from_id(value)
        except ValueError:
            continue
        by_type[gid.type_name].append((position, gid.node_id))
    found: list[Optional[relay.Node]] = [None] * len(ids)
    for type_name, wanted in by_type.items():
        definition = info.schema.get_type_by_name(type_name)
        origin = getattr(definition, "origin", None)
        if origin is None or not hasattr(origin, "resolve_nodes"):
            continue
        nodes = await origin.resolve_nodes(info=info, node_ids=[n for _, n in wanted], required=False)
        for (position, _), node in zip(wanted, nodes, strict=True):
            found[position] = node
    return found


# ---------------------------------------------------------------- series


@strawberry.type(description="What the viewer may do with this series (the server enforces regardless).")
class MeetingSeriesAbilities:
    schedule: bool
    edit: bool = strawberry.field(description="Change the series (updateMeetingSeries).")


@strawberry.type(description="A meeting series (例会): a recurring joint meeting tied to a strategic goal or project.")
class MeetingSeries(ModelNode):
    model = models.MeetingSeries
    id: relay.NodeID[int]
    title: str
    goal: str
    project_code: Optional[str]
    focus: str = strawberry.field(description="重点议题: what the series' meetings concentrate on.")
    recurrence: str = strawberry.field(description=(
        "The iCalendar RRULE (RFC 5545), counted in Asia/Shanghai time; with X-YECAI-DAYS=WORKING it counts working "
        "days of the work calendar (holidays skipped, make-up working days counted)."))
    starts_at: dt.datetime
    duration_minutes: int
    place: str
    video_link: str
    confidential: bool
    reader_roles: list[str] = strawberry.field(description="Role codes whose holders read confidential minutes.")
    default_roles: list[str]
    _model: strawberry.Private[models.MeetingSeries]

    @classmethod
    def from_model(cls, m: models.MeetingSeries) -> "MeetingSeries":
        return cls(id=m.id, title=m.title, goal=m.goal, project_code=m.project_code, focus=m.focus,
                   recurrence=m.recurrence, starts_at=m.starts_at, duration_minutes=m.duration_minutes, place=m.place,
                   video_link=m.video_link, confidential=m.confidential, reader_roles=list(m.reader_roles or []),
                   default_roles=list(m.default_roles or []), _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.MeetingSeries) -> bool:
        return policies.can_read(info.context.actor)

    @strawberry.field(description="Departments whose people (holding a default role) are invited by default.")
    async def default_departments(self, info: Info) -> list[Department]:
        rows = await info.context.loaders.department.load_many(list(self._model.default_department_ids or []))
        return [Department.from_model(r) for r in rows if r is not None]

    @strawberry.field
    async def organizer(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.organizer_id)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field(description="When the series meets in [from, to) (at most `first`), from its RRULE and, for a "
                                  "working-day rule, the work calendar.")
    async def occurrences(self, info: Info, from_: Annotated[dt.datetime, strawberry.argument(name="from")],
                          to: dt.datetime, first: int = DEFAULT_PAGE_SIZE) -> list[dt.datetime]:
        limit = check_first(first)
        calendar = await work_calendar_of(info, self._model.recurrence)
        return recurrence.occurrences(self._model.recurrence, self._model.starts_at, calendar=calendar,
                                      after=from_, before=to, limit=limit)

    @strawberry.field(description="For a working-day rule: the years in [from, to) the work calendar does not cover "
                                  "yet (no holidays in it), where its occurrences assume the plain week (Monday to "
                                  "Friday); empty for a plain rule.")
    async def uncovered_years(self, info: Info, from_: Annotated[dt.datetime, strawberry.argument(name="from")],
                            to: dt.datetime) -> list[int]:
        calendar = await work_calendar_of(info, self._model.recurrence)
        if calendar is None:
            return []
        first, last = recurrence.local(max(from_, self._model.starts_at)).year, recurrence.local(to - dt.timedelta(microseconds=1)).year
        return [y for y in range(first, min(last, first + 20) + 1) if not calendar.covers(y)]

    @strawberry.field(description="The series' meetings, earliest first.")
    async def meetings(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                       after: Optional[str] = None) -> Optional[Connection["Meeting"]]:
        async def run() -> Connection[Meeting]:
            stmt = service.meetings_query(actor=info.context.actor, series_id=self.id)
            page = await paginate(info.context.session, stmt, order=[(models.Meeting.starts_at, False),
                                                                    (models.Meeting.id, False)],
                                  first=first, after=after)
            return connection(page, Meeting.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Where to download the series as iCalendar, with its RRULE.")
    def ics_url(self) -> str:
        return f"/meeting-series/{relay.GlobalID('MeetingSeries', str(self.id))}.ics"

    @strawberry.field
    async def viewer_can(self, info: Info) -> MeetingSeriesAbilities:
        actor = info.context.actor
        chain = await series_chain_of(info, self._model.department_id) if self._model.confidential else frozenset()
        edit = policies.can_edit_series(actor, self._model, chain)
        return MeetingSeriesAbilities(schedule=policies.can_schedule(actor), edit=edit)


# ---------------------------------------------------------------- meetings


@strawberry.type(description="An agenda item (议程): a topic, its presenter and time box, the objects it concerns.")
class AgendaItem:
    id: strawberry.ID
    position: int
    title: str
    time_box_minutes: Optional[int]
    link_ids: list[strawberry.ID] = strawberry.field(description="Global ids of the linked objects.")
    _model: strawberry.Private[models.AgendaItem]

    @classmethod
    def from_model(cls, m: models.AgendaItem) -> "AgendaItem":
        return cls(id=strawberry.ID(str(relay.GlobalID("AgendaItem", str(m.id)))), position=m.position, title=m.title,
                   time_box_minutes=m.time_box_minutes, link_ids=[strawberry.ID(x) for x in m.links or []], _model=m)

    @strawberry.field
    async def presenter(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.presenter_id)

    @strawberry.field(description="The linked documents, vouchers, decisions ...; null where the viewer may not see one.",
                      directives=[ListSize(assumed_size=3)])
    async def links(self, info: Info) -> list[Optional[relay.Node]]:
        return await _links(info, list(self._model.links or []))


@strawberry.type(description="Whether one person attended (出席).")
class Attendance:
    status: AttendanceStatus
    reason: str
    recorded_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Attendance]

    @classmethod
    def from_model(cls, m: models.Attendance) -> "Attendance":
        return cls(status=m.status, reason=m.reason, recorded_at=m.recorded_at, _model=m)

    @strawberry.field
    async def user(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.user_id)


@strawberry.type(description="What the viewer may do with this meeting (the server enforces regardless).")
class MeetingAbilities:
    read_minutes: bool
    prepare: bool = strawberry.field(description="Change the agenda and record attendance.")
    record_minutes: bool
    approve_minutes: bool
    cancel: bool
    assign_action_items: bool


@strawberry.type(description="A joint meeting (联席会议). Times are UTC; the web app shows them in Asia/Shanghai.")
class Meeting(ModelNode):
    model = models.Meeting
    id: relay.NodeID[int]
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    video_link: str
    confidential: bool
    state: MeetingState
    closed_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Meeting]

    @classmethod
    def from_model(cls, m: models.Meeting) -> "Meeting":
        return cls(id=m.id, title=m.title, starts_at=m.starts_at, ends_at=m.ends_at, place=m.place,
                   video_link=m.video_link, confidential=m.confidential, state=m.state, closed_at=m.closed_at, _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.Meeting) -> bool:
        return policies.can_see_meeting(info.context.actor, row)

    @strawberry.field
    async def series(self, info: Info) -> Optional[MeetingSeries]:
        return await MeetingSeries.load(info, self._model.series_id)

    @strawberry.field
    async def organizer(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.organizer_id)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field(directives=[ListSize(assumed_size=8)])
    async def agenda(self, info: Info) -> list[AgendaItem]:
        rows = await info.context.loaders.children(models.AgendaItem, models.AgendaItem.meeting_id,
                                                   models.AgendaItem.position, models.AgendaItem.id).load(self.id)
        return [AgendaItem.from_model(r) for r in rows]

    @strawberry.field(directives=[ListSize(assumed_size=12)])
    async def attendance(self, info: Info) -> list[Attendance]:
        rows = await info.context.loaders.children(models.Attendance, models.Attendance.meeting_id,
                                                   models.Attendance.id).load(self.id)
        return [Attendance.from_model(r) for r in rows]

    @strawberry.field(description="The minutes; null when the meeting is confidential and the viewer not of its "
                                  "audience (attendees, their managers, the series' reader roles).")
    async def minutes(self, info: Info) -> Optional["Minutes"]:
        row = await info.context.loaders.one_by(models.Minutes, models.Minutes.meeting_id).load(self.id)
        if row is None or not policies.can_read_minutes(info.context.actor, self._model,
                                                        await audience_of(info, self._model)):
            return None
        return Minutes.from_model(row)

    @strawberry.field(description="Its decisions (决议); empty for a confidential meeting outside its audience.",
                      directives=[ListSize(assumed_size=5)])
    async def decisions(self, info: Info) -> list["Decision"]:
        rows = await info.context.loaders.children(models.Decision, models.Decision.meeting_id,
                                                   models.Decision.position, models.Decision.id).load(self.id)
        if not rows or not policies.can_read_minutes(info.context.actor, self._model,
                                                     await audience_of(info, self._model)):
            return []
        return [Decision.from_model(r) for r in rows]

    @strawberry.field(description="Its action items (待办事项) the viewer may see, by due date.",
                      directives=[ListSize(assumed_size=8)])
    async def action_items(self, info: Info) -> list["ActionItem"]:
        rows = await info.context.loaders.children(models.ActionItem, models.ActionItem.meeting_id,
                                                   models.ActionItem.due_on, models.ActionItem.id).load(self.id)
        if not rows:
            return []
        audience = await audience_of(info, self._model)
        return [ActionItem.from_model(r) for r in rows
                if policies.can_see_action_item(info.context.actor, r, self._model, audience)]

    @strawberry.field(description="Where to download the minutes as a PDF.")
    def minutes_pdf_url(self) -> str:
        return f"/meetings/{relay.GlobalID('Meeting', str(self.id))}/minutes.pdf"

    @strawberry.field(description="Where to download the meeting as iCalendar.")
    def ics_url(self) -> str:
        return f"/meetings/{relay.GlobalID('Meeting', str(self.id))}.ics"

    @strawberry.field
    async def viewer_can(self, info: Info) -> MeetingAbilities:
        actor, m = info.context.actor, self._model
        audience = await audience_of(info, m)
        return MeetingAbilities(
            read_minutes=policies.can_read_minutes(actor, m, audience), prepare=policies.can_prepare(actor, m),
            record_minutes=policies.can_record_minutes(actor, m, audience),
            approve_minutes=policies.can_approve_minutes(actor, m, audience), cancel=policies.can_cancel(actor, m),
            assign_action_items=policies.can_assign_action_items(actor, m, audience))


# ---------------------------------------------------------------- minutes, decisions


@strawberry.type(description="One saved text of the minutes; `amendment` when saved after approval (修订).")
class MinutesVersion:
    version: int
    content: str
    amendment: bool
    note: str
    saved_at: dt.datetime
    _model: strawberry.Private[models.MinutesVersion]

    @classmethod
    def from_model(cls, m: models.MinutesVersion) -> "MinutesVersion":
        return cls(version=m.version, content=m.content, amendment=m.amendment, note=m.note, saved_at=m.saved_at,
                   _model=m)

    @strawberry.field
    async def author(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.author_id)


@strawberry.type(description="The minutes (会议纪要) of a meeting: sanitized HTML, locked once approved.")
class Minutes(_OfMeeting):
    model = models.Minutes
    id: relay.NodeID[int]
    content: str = strawberry.field(description="Sanitized HTML.")
    version: int
    approved_at: Optional[dt.datetime]
    updated_at: dt.datetime
    _model: strawberry.Private[models.Minutes]

    @classmethod
    def from_model(cls, m: models.Minutes) -> "Minutes":
        return cls(id=m.id, content=m.content, version=m.version, approved_at=m.approved_at, updated_at=m.updated_at,
                   _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        return await _readable_minutes(info, rows)

    @strawberry.field(description="Approved minutes are locked: later saves are amendments.")
    def locked(self) -> bool:
        return self._model.approved_at is not None

    @strawberry.field
    async def approved_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.approved_by_id)

    @strawberry.field
    async def meeting(self, info: Info) -> Optional[Meeting]:
        return await Meeting.load(info, self._model.meeting_id)

    @strawberry.field(description="Every saved version, newest first.", directives=[ListSize(assumed_size=5)])
    async def history(self, info: Info) -> list[MinutesVersion]:
        rows = await info.context.loaders.children(models.MinutesVersion, models.MinutesVersion.minutes_id,
                                                   models.MinutesVersion.version.desc()).load(self.id)
        return [MinutesVersion.from_model(r) for r in rows]


@strawberry.type(description="A decision (决议) of a meeting; `amendment` when recorded after it closed.")
class Decision(_OfMeeting):
    model = models.Decision
    id: relay.NodeID[int]
    position: int
    text: str
    amendment: bool
    created_at: dt.datetime
    _model: strawberry.Private[models.Decision]

    @classmethod
    def from_model(cls, m: models.Decision) -> "Decision":
        return cls(id=m.id, position=m.position, text=m.text, amendment=m.amendment, created_at=m.created_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        return await _readable_minutes(info, rows)

    @strawberry.field
    async def author(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.author_id)

    @strawberry.field
    async def meeting(self, info: Info) -> Optional[Meeting]:
        return await Meeting.load(info, self._model.meeting_id)


# ---------------------------------------------------------------- action items


@strawberry.type(description="What the viewer may do with this action item (the server enforces regardless).")
class ActionItemAbilities:
    change: bool = strawberry.field(description="Its owner and the owner's managers up the department tree.")


@strawberry.type(description="An action item (待办事项): a follow-up of a meeting with an owner, a due date and a status.")
class ActionItem(_OfMeeting):
    model = models.ActionItem
    id: relay.NodeID[int]
    title: str
    due_on: dt.date
    status: ActionItemStatus
    note: str
    completed_at: Optional[dt.datetime]
    link_ids: list[strawberry.ID]
    _model: strawberry.Private[models.ActionItem]

    @classmethod
    def from_model(cls, m: models.ActionItem) -> "ActionItem":
        return cls(id=m.id, title=m.title, due_on=m.due_on, status=m.status, note=m.note, completed_at=m.completed_at,
                   link_ids=[strawberry.ID(x) for x in m.links or []], _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        actor = info.context.actor
        return await _seen(info, rows,
                           lambda row, meeting, audience: policies.can_see_action_item(actor, row, meeting, audience))

    @strawberry.field(description="Due before today (Asia/Shanghai) and neither done nor cancelled.")
    def overdue(self) -> bool:
        return is_overdue(self._model, today())

    @strawberry.field
    async def owner(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.owner_id)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field
    async def meeting(self, info: Info) -> Optional[Meeting]:
        return await Meeting.load(info, self._model.meeting_id)

    @strawberry.field(directives=[ListSize(assumed_size=3)])
    async def links(self, info: Info) -> list[Optional[relay.Node]]:
        return await _links(info, list(self._model.links or []))

    @strawberry.field
    async def viewer_can(self, info: Info) -> ActionItemAbilities:
        chain = await owner_chain_of(info, self._model.owner_id)
        return ActionItemAbilities(change=policies.can_change_action_item(info.context.actor, self._model, chain))
