"""Use cases of joint meetings: series, scheduling, agenda, attendance, minutes, decisions, closing.

Each takes ``session`` and ``actor`` keyword-only, checks its policy first, validates (errors name the
field), changes, records an audit event and publishes its event; nothing commits here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import Role, User, UserRole
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings import access, errors, html, policies, recurrence
from yecai.meetings.events import (
    AttendeesInvited,
    DecisionRecorded,
    MeetingClosed,
    MeetingScheduled,
    MeetingSeriesCreated,
    MeetingSeriesUpdated,
    MinutesApproved,
    MinutesRecorded,
)
from yecai.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingState,
    Minutes,
    MinutesVersion,
)
from yecai.org.models import Department

MAX_ATTENDEES = 200
MAX_LINKS = 20
MAX_MINUTES_CHARS = 500_000


@dataclass(frozen=True)
class AgendaInput:
    title: str
    presenter_id: int | None = None
    time_box_minutes: int | None = None
    links: Sequence[str] = ()


@dataclass(frozen=True)
class AttendanceInput:
    user_id: int
    status: AttendanceStatus | str
    reason: str | None = None


@dataclass(frozen=True)
class SeriesInput:
    title: str
    recurrence: str
    starts_at: datetime
    duration_minutes: int = 60
    goal: str = ""
    project_code: str | None = None
    focus: str = ""
    place: str = ""
    video_link: str = ""
    confidential: bool = False
    reader_roles: Sequence[str] = ()
    default_department_ids: Sequence[int] = ()
    default_roles: Sequence[str] = ()
    department_id: int | None = None


@dataclass(frozen=True)
class MeetingInput:
    series_id: int | None = None
    title: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str | None = None
    video_link: str | None = None
    confidential: bool | None = None
    attendee_ids: Sequence[int] = ()
    agenda: Sequence[AgendaInput] = field(default_factory=tuple)


# ---------------------------------------------------------------- checks shared by the use cases


def _aware(value: datetime | None, name: str) -> datetime:
    if value is None:
        raise invalid(name, "不能为空", "is required")
    if value.tzinfo is None:
        raise invalid(name, "须带时区（如 +08:00）", "must carry a time zone (e.g. +08:00)")
    return value.astimezone(UTC)


def optional_text(value: str | None, name: str, *, max_len: int) -> str:
    """Text that may be left empty ("" then)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return v.text(value, name, max_len=max_len) or ""


def _link(value: str | None, name: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text or value != text:
        raise invalid(name, "应为全局标识（不能为空，不含空格）", "must be a global id (not empty, no spaces)")
    return v.required_text(text, name, max_len=200, plain=True)


def links(values: Sequence[str], name: str) -> list[str]:
    """Global ids of the objects something concerns (documents, vouchers, decisions ...), each once."""
    if len(values) > MAX_LINKS:
        raise invalid(name, f"最多 {MAX_LINKS} 个关联对象", f"at most {MAX_LINKS} linked objects")
    return list(dict.fromkeys(_link(value, f"{name}[{i}]") for i, value in enumerate(values)))


def _minutes_count(value: int | None, name: str, *, low: int, high: int) -> int | None:
    if value is None:
        return None
    if not low <= value <= high:
        raise invalid(name, f"应在 {low} 到 {high} 分钟之间", f"must be between {low} and {high} minutes")
    return value


async def active_users(session: AsyncSession, user_ids: Sequence[int], name: str | Sequence[str]) -> dict[int, User]:
    """The users of these ids, all active; the first unknown or inactive one is named in the error: ``name[i]``,
    or the i-th of a list of names."""
    wanted = list(dict.fromkeys(user_ids))
    found = {u.id: u for u in (await session.execute(select(User).where(User.id.in_(wanted)))).scalars()} \
        if wanted else {}
    for i, uid in enumerate(user_ids):
        user = found.get(uid)
        if user is None or not user.active:
            raise invalid(f"{name}[{i}]" if isinstance(name, str) else name[i], "用户不存在或已停用",
                          "is not a known active user")
    return found


async def _meeting(session: AsyncSession, actor: Actor, meeting_id: int, *, lock: bool = False) -> Meeting:
    stmt = select(Meeting).where(Meeting.id == meeting_id)
    if lock:
        stmt = stmt.with_for_update()
    meeting = (await session.execute(stmt)).scalar_one_or_none()
    if meeting is None or not policies.can_see_meeting(actor, meeting):
        raise not_found()
    return meeting


async def _agenda_rows(session: AsyncSession, meeting: Meeting, items: Sequence[AgendaInput], first: int,
                       name: str) -> list[AgendaItem]:
    given = [(i.presenter_id, f"{name}[{n}].presenterId") for n, i in enumerate(items) if i.presenter_id is not None]
    await active_users(session, [uid for uid, _ in given], [where for _, where in given])
    rows = []
    for offset, item in enumerate(items):
        where = f"{name}[{offset}]"
        rows.append(AgendaItem(
            meeting_id=meeting.id, position=first + offset,
            title=v.required_text(item.title, f"{where}.title", max_len=200),
            presenter_id=item.presenter_id,
            time_box_minutes=_minutes_count(item.time_box_minutes, f"{where}.timeBoxMinutes", low=1, high=480),
            links=links(item.links, f"{where}.links")))
    return rows


# ---------------------------------------------------------------- series


def series_query(*, actor: Actor) -> Select[tuple[MeetingSeries]]:
    if not policies.can_read(actor):
        raise denied()
    return select(MeetingSeries)


async def _series_fields(session: AsyncSession, actor: Actor, data: SeriesInput) -> dict[str, object]:
    """A series' fields from the form, every one checked (errors name the field); nothing is written."""
    title = v.name(data.title, "title", max_len=200)
    starts_at = _aware(data.starts_at, "startsAt")
    rule = recurrence.normalize(data.recurrence)
    # Checked on the work calendar when the rule counts working days (it must occur on one).
    recurrence.parse(rule, starts_at, calendar=await recurrence.calendar_for(session, rule))
    duration = _minutes_count(data.duration_minutes, "durationMinutes", low=5, high=24 * 60)
    project = v.code(data.project_code, "projectCode") if data.project_code else None
    roles = await _role_codes(session, data.reader_roles, "readerRoles")
    default_roles = await _role_codes(session, data.default_roles, "defaultRoles")
    departments = await _department_ids(session, data.default_department_ids, "defaultDepartmentIds")
    if data.department_id is not None:
        await _department_ids(session, [data.department_id], "departmentId")
    if roles and not data.confidential:
        raise invalid("readerRoles", "仅保密例会需要指定可阅读纪要的角色", "only confidential series name reader roles")
    return dict(
        title=title, goal=optional_text(data.goal, "goal", max_len=2000),
        project_code=project, focus=optional_text(data.focus, "focus", max_len=2000),
        recurrence=rule, starts_at=starts_at, duration_minutes=duration or 60,
        place=optional_text(data.place, "place", max_len=200),
        video_link=_video_link(data.video_link), confidential=bool(data.confidential), reader_roles=roles,
        default_department_ids=departments, default_roles=default_roles)


async def create_meeting_series(session: AsyncSession, *, actor: Actor, data: SeriesInput) -> MeetingSeries:
    """Set up a meeting series (例会): its goal, focus, recurrence and default attendees."""
    if not policies.can_create_series(actor):
        raise denied()
    fields = await _series_fields(session, actor, data)
    series = MeetingSeries(**fields, organizer_id=actor.user_id,
                           department_id=data.department_id or actor.department_id)
    session.add(series)
    await session.flush()
    await audit.record(session, actor=actor, action="meeting_series.create", subject_type="meeting_series",
                       subject_id=series.id, after=audit.snapshot(series))
    await events.publish(session, actor=actor, event=MeetingSeriesCreated(series))
    return series


async def update_meeting_series(session: AsyncSession, *, actor: Actor, series_id: int,
                                data: SeriesInput) -> MeetingSeries:
    """Change a series (all of its form: title, goal, focus, recurrence, default attendees, confidentiality).

    Meetings already scheduled keep their time, place and attendees: the new recurrence and defaults apply to
    the meetings scheduled from now on. Making the series confidential makes its meetings that are not closed
    yet confidential too (a meeting of a confidential series is, see ``update_meeting``); making it public leaves
    its meetings as they are (each is made public on its own). ``department_id`` left out keeps the series'."""
    series = (await session.execute(select(MeetingSeries).where(MeetingSeries.id == series_id)
                                    .with_for_update())).scalar_one_or_none()
    if series is None or not policies.can_read(actor):
        raise not_found()
    chain = access.chain(await access.department_tree(session), series.department_id)
    if not policies.can_edit_series(actor, series, frozenset(chain)):
        raise denied()
    fields = await _series_fields(session, actor, data)
    fields["department_id"] = data.department_id or series.department_id
    before = audit.snapshot(series)
    for name, value in fields.items():
        setattr(series, name, value)
    tightened: list[int] = []
    if series.confidential and not before["confidential"]:
        meetings = list((await session.execute(select(Meeting).where(
            Meeting.series_id == series.id, Meeting.state == MeetingState.SCHEDULED,
            Meeting.confidential.is_(False)).with_for_update())).scalars())
        for meeting in meetings:
            meeting.confidential = True
        tightened = [m.id for m in meetings]
    await session.flush()
    after = audit.snapshot(series)
    changed = tuple(sorted(k for k in set(before) | set(after) if k != "updated_at" and before.get(k) != after.get(k)))
    if changed:
        await audit.record(session, actor=actor, action="meeting_series.update", subject_type="meeting_series",
                           subject_id=series.id, before=before,
                           after=after | ({"meetings_made_confidential": tightened} if tightened else {}))
        await events.publish(session, actor=actor, event=MeetingSeriesUpdated(series, changed))
    return series


def _video_link(value: str | None) -> str:
    link = optional_text(value, "videoLink", max_len=500)
    if link and not link.lower().startswith(("https://", "http://")):
        raise invalid("videoLink", "应为 http(s):// 开头的会议链接", "must be an http(s):// meeting link")
    return link


async def _role_codes(session: AsyncSession, codes: Sequence[str], name: str) -> list[str]:
    wanted = list(dict.fromkeys(codes))
    known = set((await session.execute(select(Role.code).where(Role.code.in_(wanted)))).scalars()) if wanted else set()
    for i, code in enumerate(codes):
        if code not in known:
            raise invalid(f"{name}[{i}]", "角色不存在", "is not a known role")
    return wanted


async def _department_ids(session: AsyncSession, ids: Sequence[int], name: str) -> list[int]:
    wanted = list(dict.fromkeys(ids))
    known = set((await session.execute(select(Department.id).where(Department.id.in_(wanted)))).scalars()) \
        if wanted else set()
    for i, did in enumerate(ids):
        if did not in known:
            raise invalid(f"{name}[{i}]", "部门不存在", "is not a known department")
    return wanted


async def default_attendees(session: AsyncSession, series: MeetingSeries) -> list[int]:
    """The active users of the series' departments holding one of its roles (any role when it names none)."""
    if not series.default_department_ids:
        return []
    stmt = select(User.id).where(User.active.is_(True), User.department_id.in_(series.default_department_ids))
    if series.default_roles:
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).join(Role, Role.id == UserRole.role_id)
                                      .where(Role.code.in_(series.default_roles))))
    return list((await session.execute(stmt.order_by(User.id))).scalars())


# ---------------------------------------------------------------- meetings


def meetings_query(*, actor: Actor, series_id: int | None = None, starts_after: datetime | None = None,
                   starts_before: datetime | None = None, state: MeetingState | None = None) -> Select[tuple[Meeting]]:
    if not policies.can_read(actor):
        raise denied()
    stmt = select(Meeting)
    if series_id is not None:
        stmt = stmt.where(Meeting.series_id == series_id)
    if starts_after is not None:
        stmt = stmt.where(Meeting.starts_at >= starts_after)
    if starts_before is not None:
        stmt = stmt.where(Meeting.starts_at < starts_before)
    if state is not None:
        stmt = stmt.where(Meeting.state == state)
    return stmt


async def schedule_meeting(session: AsyncSession, *, actor: Actor, data: MeetingInput) -> Meeting:
    """Put a meeting in the calendar, with its agenda and invited attendees (a series' defaults included)."""
    if not policies.can_schedule(actor):
        raise denied()
    series = None
    if data.series_id is not None:
        series = await session.get(MeetingSeries, data.series_id)
        if series is None:
            raise not_found("seriesId")
    starts_at = _aware(data.starts_at, "startsAt") if data.starts_at is not None else None
    if starts_at is None and series is not None:
        starts_at = await _next_free_occurrence(session, series)
    if starts_at is None:
        raise invalid("startsAt", "不能为空", "is required")
    if data.ends_at is not None:
        ends_at = _aware(data.ends_at, "endsAt")
    elif series is not None:
        ends_at = starts_at + timedelta(minutes=series.duration_minutes)
    else:
        raise invalid("endsAt", "不能为空", "is required")
    if ends_at <= starts_at:
        raise invalid("endsAt", "结束时间须晚于开始时间", "must be after the start")
    if ends_at - starts_at > timedelta(hours=24):
        raise invalid("endsAt", "一次会议不能超过 24 小时", "a meeting lasts at most 24 hours")
    title = data.title if data.title is not None else (series.title if series else None)
    if len(data.attendee_ids) > MAX_ATTENDEES:
        raise invalid("attendeeIds", f"最多 {MAX_ATTENDEES} 位参会人", f"at most {MAX_ATTENDEES} attendees")
    await active_users(session, data.attendee_ids, "attendeeIds")
    place = data.place if data.place is not None else (series.place if series else "")
    link = data.video_link if data.video_link is not None else (series.video_link if series else "")
    meeting = Meeting(
        series_id=series.id if series else None, title=v.name(title, "title", max_len=200), starts_at=starts_at,
        ends_at=ends_at, place=optional_text(place, "place", max_len=200),
        video_link=_video_link(link),
        confidential=bool(data.confidential if data.confidential is not None else (series and series.confidential)),
        state=MeetingState.SCHEDULED, organizer_id=actor.user_id,
        department_id=(series.department_id if series else None) or actor.department_id)
    if series is not None and series.confidential and data.confidential is False:
        raise invalid("confidential", "保密例会的会议不能设为公开", "a meeting of a confidential series stays confidential")
    session.add(meeting)
    await session.flush()
    session.add_all(await _agenda_rows(session, meeting, data.agenda, 0, "agenda"))
    invited = list(dict.fromkeys([*(await default_attendees(session, series) if series else []), *data.attendee_ids]))
    session.add_all([Attendance(meeting_id=meeting.id, user_id=uid) for uid in invited])
    # The minutes share the meeting's id: search re-reads them when the attendance (their audience) changes.
    session.add(Minutes(id=meeting.id, meeting_id=meeting.id, content="", version=0))
    await session.flush()
    await audit.record(session, actor=actor, action="meeting.schedule", subject_type="meeting", subject_id=meeting.id,
                       after=audit.snapshot(meeting, extra={"attendee_ids": invited,
                                                            "agenda": [a.title for a in data.agenda]}))
    await events.publish(session, actor=actor, event=MeetingScheduled(meeting, tuple(invited)))
    return meeting


async def update_meeting(session: AsyncSession, *, actor: Actor, meeting_id: int, title: str | None = None,
                         starts_at: datetime | None = None, ends_at: datetime | None = None, place: str | None = None,
                         video_link: str | None = None, confidential: bool | None = None) -> Meeting:
    """Move or rename a scheduled meeting, change its place or link; what is left out stays as it is."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    if not policies.can_manage(actor):
        raise denied()
    if not policies.can_prepare(actor, meeting):
        raise DomainError(errors.WRONG_STATE, field="id")
    before = audit.snapshot(meeting)
    start = _aware(starts_at, "startsAt") if starts_at is not None else meeting.starts_at
    end = _aware(ends_at, "endsAt") if ends_at is not None else (
        start + (meeting.ends_at - meeting.starts_at) if starts_at is not None else meeting.ends_at)
    if end <= start:
        raise invalid("endsAt", "结束时间须晚于开始时间", "must be after the start")
    if end - start > timedelta(hours=24):
        raise invalid("endsAt", "一次会议不能超过 24 小时", "a meeting lasts at most 24 hours")
    if confidential is False and meeting.series_id is not None:
        series = await session.get(MeetingSeries, meeting.series_id)
        if series is not None and series.confidential:
            raise invalid("confidential", "保密例会的会议不能设为公开", "a meeting of a confidential series stays confidential")
    if title is not None:
        meeting.title = v.name(title, "title", max_len=200)
    if place is not None:
        meeting.place = optional_text(place, "place", max_len=200)
    if video_link is not None:
        meeting.video_link = _video_link(video_link)
    if confidential is not None:
        meeting.confidential = confidential
    meeting.starts_at, meeting.ends_at = start, end
    await session.flush()
    await audit.record(session, actor=actor, action="meeting.update", subject_type="meeting", subject_id=meeting.id,
                       before=before, after=audit.snapshot(meeting))
    return meeting


async def _next_free_occurrence(session: AsyncSession, series: MeetingSeries,
                                now: datetime | None = None) -> datetime | None:
    """The series' first occurrence from now on that has no meeting yet (on the work calendar when its rule counts
    working days: a holiday is skipped, a make-up working day counts)."""
    taken = set((await session.execute(select(Meeting.starts_at).where(Meeting.series_id == series.id))).scalars())
    rule = recurrence.parse(series.recurrence, series.starts_at,
                            calendar=await recurrence.calendar_for(session, series.recurrence))
    moment = max(now or utcnow(), series.starts_at)
    for _ in range(500):
        found = rule.next(moment)
        if found is None or found not in taken:
            return found
        moment = found + timedelta(seconds=1)
    return None


async def add_agenda_item(session: AsyncSession, *, actor: Actor, meeting_id: int, item: AgendaInput) -> AgendaItem:
    """Add a topic to a meeting's agenda (议程), at its end."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    if not policies.can_manage(actor):
        raise denied()
    if not policies.can_prepare(actor, meeting):
        raise DomainError(errors.WRONG_STATE, field="meetingId")
    last = (await session.execute(select(AgendaItem.position).where(AgendaItem.meeting_id == meeting.id)
                                  .order_by(AgendaItem.position.desc()).limit(1))).scalar_one_or_none()
    (row,) = await _agenda_rows(session, meeting, [item], (last or 0) + 1, "item")
    session.add(row)
    await session.flush()
    await audit.record(session, actor=actor, action="agenda_item.create", subject_type="agenda_item", subject_id=row.id,
                       after=audit.snapshot(row))
    return row


async def update_agenda_item(session: AsyncSession, *, actor: Actor, agenda_item_id: int,
                             item: AgendaInput) -> AgendaItem:
    """Change a topic of a meeting's agenda: its title, presenter, time box and links (its place stays)."""
    row = await session.get(AgendaItem, agenda_item_id)
    if row is None:
        raise not_found()
    meeting = await _meeting(session, actor, row.meeting_id, lock=True)
    if not policies.can_manage(actor):
        raise denied()
    if not policies.can_prepare(actor, meeting):
        raise DomainError(errors.WRONG_STATE, field="id")
    (checked,) = await _agenda_rows(session, meeting, [item], row.position, "item")
    before = audit.snapshot(row)
    row.title, row.presenter_id = checked.title, checked.presenter_id
    row.time_box_minutes, row.links = checked.time_box_minutes, checked.links
    await session.flush()
    after = audit.snapshot(row)
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="agenda_item.update", subject_type="agenda_item",
                           subject_id=row.id, before=before, after=after)
    return row


async def record_attendance(session: AsyncSession, *, actor: Actor, meeting_id: int,
                            entries: Sequence[AttendanceInput]) -> Meeting:
    """Record who was present, absent or excused (with a reason); people not invited join the list."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    if not policies.can_manage(actor):
        raise denied()
    if not policies.can_prepare(actor, meeting):
        raise DomainError(errors.WRONG_STATE, field="meetingId")
    if not entries:
        raise invalid("entries", "至少登记一人", "must record at least one person")
    await active_users(session, [e.user_id for e in entries], "entries.userId")
    existing = {a.user_id: a for a in (await session.execute(
        select(Attendance).where(Attendance.meeting_id == meeting.id))).scalars()}
    before = {uid: a.status.value for uid, a in existing.items()}
    now = utcnow()
    invited: list[int] = []
    for i, entry in enumerate(entries):
        try:
            status = AttendanceStatus(entry.status)
        except ValueError:
            raise invalid(f"entries[{i}].status", "不是有效的出席状态", "is not an attendance status") from None
        reason = optional_text(entry.reason, f"entries[{i}].reason", max_len=500)
        if status == AttendanceStatus.EXCUSED and not reason:
            raise invalid(f"entries[{i}].reason", "请假须填写原因", "an excused absence needs a reason")
        row = existing.get(entry.user_id)
        if row is None:
            row = existing[entry.user_id] = Attendance(meeting_id=meeting.id, user_id=entry.user_id)
            session.add(row)
            if status == AttendanceStatus.INVITED:
                invited.append(entry.user_id)
        row.status, row.reason, row.recorded_at = status, reason, now
    await session.flush()
    await audit.record(session, actor=actor, action="meeting.record_attendance", subject_type="meeting",
                       subject_id=meeting.id, before={"attendance": before},
                       after={"attendance": {uid: a.status.value for uid, a in existing.items()},
                              "reasons": {uid: a.reason for uid, a in existing.items() if a.reason}})
    if invited:
        await events.publish(session, actor=actor, event=AttendeesInvited(meeting, tuple(invited)))
    return meeting


# ---------------------------------------------------------------- minutes and decisions


async def minutes_of(session: AsyncSession, meeting: Meeting) -> Minutes:
    minutes = (await session.execute(select(Minutes).where(Minutes.meeting_id == meeting.id))).scalar_one_or_none()
    if minutes is None:
        minutes = Minutes(id=meeting.id, meeting_id=meeting.id, content="", version=0)
        session.add(minutes)
        await session.flush()
    return minutes


async def record_minutes(session: AsyncSession, *, actor: Actor, meeting_id: int, content: str,
                         base_version: int | None = None, note: str | None = None) -> Minutes:
    """Save the minutes (会议纪要); every save is kept. After closing, a save is an amendment with its reason."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    audience = await access.audience(session, meeting)
    if not policies.can_manage(actor) or not policies.can_read_minutes(actor, meeting, audience):
        raise denied()
    if not policies.can_record_minutes(actor, meeting, audience):
        raise DomainError(errors.WRONG_STATE, field="meetingId")
    if not isinstance(content, str) or len(content) > MAX_MINUTES_CHARS:
        raise invalid("content", f"不能超过 {MAX_MINUTES_CHARS} 个字符", f"must have at most {MAX_MINUTES_CHARS} characters")
    v.text(content, "content", max_len=MAX_MINUTES_CHARS, min_len=0, required=True)
    cleaned = html.clean(content)
    minutes = await minutes_of(session, meeting)
    if base_version is not None and base_version != minutes.version:
        raise DomainError(errors.STALE_VERSION, field="baseVersion")
    amendment = meeting.state == MeetingState.CLOSED
    reason = optional_text(note, "note", max_len=500)
    if amendment and not reason:
        raise DomainError(errors.MINUTES_LOCKED, field="note",
                          zh="会议纪要已审批锁定：修订须填写修订原因（note）",
                          en="The minutes are approved and locked: an amendment needs its reason (note)")
    if cleaned == minutes.content and not amendment:
        return minutes
    before = {"version": minutes.version, "content": minutes.content}
    minutes.content, minutes.version, minutes.updated_by_id = cleaned, minutes.version + 1, actor.user_id
    session.add(MinutesVersion(minutes_id=minutes.id, version=minutes.version, content=cleaned, amendment=amendment,
                               note=reason, author_id=actor.user_id, saved_at=utcnow()))
    await session.flush()
    await audit.record(session, actor=actor, action="minutes.amend" if amendment else "minutes.record",
                       subject_type="meeting_minutes", subject_id=minutes.id, before=before,
                       after={"version": minutes.version, "content": cleaned, "note": reason})
    await events.publish(session, actor=actor, event=MinutesRecorded(meeting, minutes, amendment))
    return minutes


async def record_decision(session: AsyncSession, *, actor: Actor, meeting_id: int, text: str,
                          agenda_item_id: int | None = None) -> Decision:
    """Record a decision (决议) of the meeting; after closing it is kept as an amendment."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    audience = await access.audience(session, meeting)
    if not policies.can_manage(actor) or not policies.can_read_minutes(actor, meeting, audience):
        raise denied()
    if not policies.can_record_minutes(actor, meeting, audience):
        raise DomainError(errors.WRONG_STATE, field="meetingId")
    body = v.required_text(text, "text", max_len=2000)
    if agenda_item_id is not None:
        item = await session.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise invalid("agendaItemId", "不是本次会议的议程", "is not an agenda item of this meeting")
    last = (await session.execute(select(Decision.position).where(Decision.meeting_id == meeting.id)
                                  .order_by(Decision.position.desc()).limit(1))).scalar_one_or_none()
    decision = Decision(meeting_id=meeting.id, position=(last or 0) + 1, text=body, agenda_item_id=agenda_item_id,
                        amendment=meeting.state == MeetingState.CLOSED, author_id=actor.user_id)
    session.add(decision)
    await session.flush()
    await audit.record(session, actor=actor, action="decision.create", subject_type="meeting_decision",
                       subject_id=decision.id, after=audit.snapshot(decision))
    await events.publish(session, actor=actor, event=DecisionRecorded(meeting, decision))
    return decision


async def approve_minutes(session: AsyncSession, *, actor: Actor, meeting_id: int) -> Meeting:
    """Approve the minutes: they are locked and the meeting is closed (later changes are amendments)."""
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    audience = await access.audience(session, meeting)
    if not policies.can_approve(actor) or not policies.can_read_minutes(actor, meeting, audience):
        raise denied()
    if not policies.can_approve_minutes(actor, meeting, audience):
        raise DomainError(errors.WRONG_STATE, field="meetingId")
    minutes = await minutes_of(session, meeting)
    if not html.plain(minutes.content):
        raise DomainError(errors.MINUTES_EMPTY, field="meetingId")
    before = audit.snapshot(meeting)
    now = utcnow()
    minutes.approved_at, minutes.approved_by_id = now, actor.user_id
    meeting.state, meeting.closed_at = MeetingState.CLOSED, now
    await session.flush()
    await audit.record(session, actor=actor, action="minutes.approve", subject_type="meeting_minutes",
                       subject_id=minutes.id, after={"version": minutes.version, "approved_by_id": actor.user_id})
    await audit.record(session, actor=actor, action="meeting.close", subject_type="meeting", subject_id=meeting.id,
                       before=before, after=audit.snapshot(meeting))
    await events.publish(session, actor=actor, event=MinutesApproved(meeting, minutes))
    await events.publish(session, actor=actor, event=MeetingClosed(meeting))
    return meeting


async def close_meeting(session: AsyncSession, *, actor: Actor, meeting_id: int,
                        cancel_reason: str | None = None) -> Meeting:
    """Close a meeting: by approving its minutes, or, with a reason, as cancelled (it did not take place)."""
    if cancel_reason is None:
        return await approve_minutes(session, actor=actor, meeting_id=meeting_id)
    meeting = await _meeting(session, actor, meeting_id, lock=True)
    if not policies.can_approve(actor):
        raise denied()
    if not policies.can_cancel(actor, meeting):
        raise DomainError(errors.WRONG_STATE, field="id")
    reason = v.required_text(cancel_reason, "cancelReason", max_len=500)
    before = audit.snapshot(meeting)
    meeting.state, meeting.closed_at = MeetingState.CANCELLED, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="meeting.cancel", subject_type="meeting", subject_id=meeting.id,
                       before=before, after=audit.snapshot(meeting, extra={"reason": reason}))
    await events.publish(session, actor=actor, event=MeetingClosed(meeting))
    return meeting
