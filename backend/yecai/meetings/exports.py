"""Minutes as a PDF (WeasyPrint with a CJK font) and meetings and series as iCalendar (.ics)."""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Calendar, Event, vRecur
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.errors import denied, not_found
from yecai.meetings import access, policies, recurrence
from yecai.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingSeries,
    Minutes,
    MinutesVersion,
)

PRODID = "-//Yecai//业财融合门户//ZH"
ATTENDANCE = {"INVITED": "已邀请", "PRESENT": "出席", "ABSENT": "缺席", "EXCUSED": "请假"}
STATUS = {"OPEN": "未开始", "IN_PROGRESS": "进行中", "DONE": "已完成", "CANCELLED": "已取消"}
STATE = {"SCHEDULED": "已安排", "CLOSED": "已结束", "CANCELLED": "已取消"}

STYLE = """
@page { size: A4; margin: 20mm 18mm; @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
  font-size: 9pt; color: #666; } }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 7mm; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; }
th { background: #f0f0f0; } .meta td { border: none; padding: 0.5mm 2mm 0.5mm 0; } .amend { color: #a61; }
.confidential { color: #b00; font-weight: bold; }
"""


def _shown(moment: datetime | None) -> str:
    return "" if moment is None else recurrence.local(moment).strftime("%Y-%m-%d %H:%M")


def _e(value: object) -> str:
    return html_lib.escape(str(value or ""))


@dataclass(frozen=True)
class MinutesDocument:
    meeting: Meeting
    html: str


async def minutes_document(session: AsyncSession, *, actor: Actor, meeting_id: int) -> MinutesDocument:
    """The minutes of a meeting as one HTML page for print, for whoever may read them."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or not policies.can_see_meeting(actor, meeting):
        raise not_found()
    if not policies.can_read_minutes(actor, meeting, await access.audience(session, meeting)):
        raise denied()
    minutes = (await session.execute(select(Minutes).where(Minutes.meeting_id == meeting.id))).scalar_one_or_none()
    agenda = list((await session.execute(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                         .order_by(AgendaItem.position, AgendaItem.id))).scalars())
    attendance = list((await session.execute(select(Attendance).where(Attendance.meeting_id == meeting.id)
                                             .order_by(Attendance.id))).scalars())
    decisions = list((await session.execute(select(Decision).where(Decision.meeting_id == meeting.id)
                                            .order_by(Decision.position, Decision.id))).scalars())
    items = list((await session.execute(select(ActionItem).where(ActionItem.meeting_id == meeting.id)
                                        .order_by(ActionItem.due_on, ActionItem.id))).scalars())
    amendments = [] if minutes is None else list((await session.execute(
        select(MinutesVersion).where(MinutesVersion.minutes_id == minutes.id, MinutesVersion.amendment.is_(True))
        .order_by(MinutesVersion.version))).scalars())
    user_ids = {a.user_id for a in attendance} | {a.presenter_id for a in agenda if a.presenter_id} | {
        i.owner_id for i in items} | {m.author_id for m in amendments if m.author_id} | {
        u for u in (meeting.organizer_id, minutes.approved_by_id if minutes else None) if u}
    names = dict((await session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))).all()) \
        if user_ids else {}
    series = await session.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    return MinutesDocument(meeting, render_html(meeting, series, minutes, agenda, attendance, decisions, items,
                                                amendments, names))


def render_html(meeting: Meeting, series: MeetingSeries | None, minutes: Minutes | None, agenda: list[AgendaItem],
                attendance: list[Attendance], decisions: list[Decision], items: list[ActionItem],
                amendments: list[MinutesVersion], names: dict[int, str]) -> str:
    """The print page of the minutes (the minutes' own HTML was sanitized when saved)."""
    rows = [f"<tr><td>时间</td><td>{_shown(meeting.starts_at)} – {_shown(meeting.ends_at)[11:]}（北京时间）</td></tr>",
            f"<tr><td>地点</td><td>{_e(meeting.place or meeting.video_link or '—')}</td></tr>",
            f"<tr><td>组织人</td><td>{_e(names.get(meeting.organizer_id or 0, ''))}</td></tr>",
            f"<tr><td>状态</td><td>{STATE[meeting.state.value]}</td></tr>"]
    if series is not None:
        rows.insert(0, f"<tr><td>例会</td><td>{_e(series.title)}</td></tr>")
        if series.goal:
            rows.append(f"<tr><td>目标</td><td>{_e(series.goal)}</td></tr>")
        if series.focus:
            rows.append(f"<tr><td>重点议题</td><td>{_e(series.focus)}</td></tr>")
    if minutes is not None and minutes.approved_at is not None:
        rows.append(f"<tr><td>纪要审批</td><td>{_e(names.get(minutes.approved_by_id or 0, ''))} "
                    f"{_shown(minutes.approved_at)}</td></tr>")
    parts = [f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{_e(meeting.title)}</title>"
             f"<style>{STYLE}</style></head><body>",
             f"<h1>{_e(meeting.title)} 会议纪要</h1>",
             "<p class='confidential'>保密</p>" if meeting.confidential else "",
             f"<table class='meta'>{''.join(rows)}</table>"]
    parts.append("<h2>出席</h2><table><tr><th>姓名</th><th>出席情况</th><th>说明</th></tr>" + "".join(
        f"<tr><td>{_e(names.get(a.user_id, ''))}</td><td>{ATTENDANCE[a.status.value]}</td><td>{_e(a.reason)}</td></tr>"
        for a in attendance) + "</table>")
    if agenda:
        parts.append("<h2>议程</h2><ol>" + "".join(
            f"<li>{_e(a.title)}" + (f"（{_e(names.get(a.presenter_id, ''))}" if a.presenter_id else "")
            + (f"，{a.time_box_minutes} 分钟" if a.time_box_minutes else "") + ("）" if a.presenter_id else "")
            + "</li>" for a in agenda) + "</ol>")
    parts.append("<h2>纪要</h2>" + (minutes.content if minutes and minutes.content else "<p>（尚无纪要）</p>"))
    if decisions:
        parts.append("<h2>决议</h2><ol>" + "".join(
            f"<li>{_e(d.text)}{'<span class=amend>（修订）</span>' if d.amendment else ''}</li>" for d in decisions)
            + "</ol>")
    if items:
        parts.append("<h2>待办事项</h2><table><tr><th>事项</th><th>负责人</th><th>截止日期</th><th>状态</th></tr>" + "".join(
            f"<tr><td>{_e(i.title)}</td><td>{_e(names.get(i.owner_id, ''))}</td><td>{i.due_on.isoformat()}</td>"
            f"<td>{STATUS[i.status.value]}</td></tr>" for i in items) + "</table>")
    if amendments:
        parts.append("<h2>修订记录</h2><ul>" + "".join(
            f"<li class='amend'>第 {m.version} 版，{_e(names.get(m.author_id or 0, ''))} {_shown(m.saved_at)}：{_e(m.note)}</li>"
            for m in amendments) + "</ul>")
    parts.append("</body></html>")
    return "".join(parts)


def pdf_of(html: str) -> bytes:
    """Render print HTML with WeasyPrint (imported here: it loads pango on first use)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


async def minutes_pdf(session: AsyncSession, *, actor: Actor, meeting_id: int) -> tuple[Meeting, bytes]:
    """The minutes as a PDF (A4, CJK font, page numbers)."""
    document = await minutes_document(session, actor=actor, meeting_id=meeting_id)
    return document.meeting, pdf_of(document.html)


def _calendar() -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    return cal


def _event(uid: str, title: str, starts_at: datetime, ends_at: datetime, place: str, link: str,
           description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", title)
    event.add("dtstamp", starts_at)
    event.add("dtstart", starts_at.astimezone(recurrence.SHANGHAI))
    event.add("dtend", ends_at.astimezone(recurrence.SHANGHAI))
    if place:
        event.add("location", place)
    if link:
        event.add("url", link)
    if description:
        event.add("description", description)
    return event


async def meeting_ics(session: AsyncSession, *, actor: Actor, meeting_id: int, host: str) -> tuple[Meeting, bytes]:
    """One meeting as an iCalendar file, with its agenda in the description."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or not policies.can_see_meeting(actor, meeting):
        raise not_found()
    agenda = list((await session.execute(select(AgendaItem.title).where(AgendaItem.meeting_id == meeting.id)
                                         .order_by(AgendaItem.position, AgendaItem.id))).scalars())
    cal = _calendar()
    event = _event(f"meeting-{meeting.id}@{host}", meeting.title, meeting.starts_at, meeting.ends_at, meeting.place,
                   meeting.video_link, "\n".join(f"{i}. {t}" for i, t in enumerate(agenda, 1)))
    if meeting.state.value == "CANCELLED":
        event.add("status", "CANCELLED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return meeting, cal.to_ical()


# How far ahead a working-day series is written out as dates (calendar clients do not know X-YECAI-DAYS).
EXPORT_HORIZON = timedelta(days=366)
MAX_EXPORTED = 400


async def series_ics(session: AsyncSession, *, actor: Actor, series_id: int, host: str,
                     now: datetime | None = None) -> tuple[MeetingSeries, bytes]:
    """A series as one recurring iCalendar event (in Asia/Shanghai time): a plain rule as its RRULE; a rule that
    counts working days as its dates for the next 12 months (DTSTART and RDATE), since other calendar programs do
    not know the work calendar's extension. Such a file is a snapshot: downloading it again extends it."""
    series = await session.get(MeetingSeries, series_id)
    if series is None or not policies.can_read(actor):
        raise not_found()
    about = [x for x in (series.goal and f"目标：{series.goal}", series.focus and f"重点议题：{series.focus}") if x]
    length = timedelta(minutes=series.duration_minutes)
    calendar = await recurrence.calendar_for(session, series.recurrence)
    first, dates = series.starts_at, []
    if calendar is not None:
        today = recurrence.utc(recurrence.local(now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0))
        begin = max(series.starts_at, today)
        until = begin + EXPORT_HORIZON
        dates = recurrence.parse(series.recurrence, series.starts_at, calendar=calendar).between(
            begin, until, limit=MAX_EXPORTED)
        if dates:
            first = dates[0]
            until = dates[-1] if len(dates) == MAX_EXPORTED else until
        about.append(f"按工作日计（法定节假日顺延、调休上班日计入）：已列出至 {recurrence.local(until):%Y-%m-%d} 的日期，"
                     "之后请重新导出")
        guessed = sorted({d.year for d in (recurrence.local(x) for x in dates) if not calendar.covers(d.year)})
        if guessed:
            about.append(f"{'、'.join(map(str, guessed))} 年的节假日安排尚未录入工作日历，暂按周一至周五计，录入后请重新导出")
    cal = _calendar()
    event = _event(f"meeting-series-{series.id}@{host}", series.title, first, first + length, series.place,
                   series.video_link, "\n".join(about))
    if calendar is None:
        event.add("rrule", vRecur.from_ical(series.recurrence))
    elif len(dates) > 1:
        event.add("rdate", [d.astimezone(recurrence.SHANGHAI) for d in dates[1:]])
    cal.add_component(event)
    cal.add_missing_timezones()
    return series, cal.to_ical()
