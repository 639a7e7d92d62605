"""Queries of joint meetings: series, the calendar's meetings, action items (mine, per department, overdue)."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.meetings import types as t
from yecai.meetings import action_items, models, service
from yecai.pagination import paginate

READ = " Needs `meetings.read`."


@strawberry.type
class MeetingsQueries:
    @strawberry.field(description="Meeting series (例会), by title." + READ)
    async def meeting_series(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                             after: Optional[str] = None) -> Optional[Connection[t.MeetingSeries]]:
        async def run() -> Connection[t.MeetingSeries]:
            page = await paginate(info.context.session, service.series_query(actor=info.context.actor),
                                  order=[(models.MeetingSeries.title, False), (models.MeetingSeries.id, False)],
                                  first=first, after=after)
            return connection(page, t.MeetingSeries.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Meetings (会议), earliest first; `startsAfter` / `startsBefore` bound the calendar's "
                                  "month or week." + READ)
    async def meetings(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                       series_id: Optional[strawberry.ID] = None, starts_after: Optional[dt.datetime] = None,
                       starts_before: Optional[dt.datetime] = None,
                       state: Optional[t.MeetingState] = None) -> Optional[Connection[t.Meeting]]:
        async def run() -> Connection[t.Meeting]:
            stmt = service.meetings_query(
                actor=info.context.actor, series_id=decode_optional_id(series_id, "MeetingSeries", "seriesId"),
                starts_after=starts_after, starts_before=starts_before,
                state=models.MeetingState(state.value) if state else None)
            page = await paginate(info.context.session, stmt, order=[(models.Meeting.starts_at, False),
                                                                    (models.Meeting.id, False)],
                                  first=first, after=after)
            return connection(page, t.Meeting.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Action items (待办事项) the viewer may see, by due date: `mine`, of a department, "
                                  "`overdue` (due before today in Asia/Shanghai, not done), of a status or a meeting."
                                  + READ)
    async def action_items(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                           mine: bool = False, department_id: Optional[strawberry.ID] = None, overdue: bool = False,
                           status: Optional[t.ActionItemStatus] = None,
                           meeting_id: Optional[strawberry.ID] = None) -> Optional[Connection[t.ActionItem]]:
        async def run() -> Connection[t.ActionItem]:
            f = action_items.ActionItemFilter(
                mine=mine, department_id=decode_optional_id(department_id, "Department", "departmentId"),
                overdue=overdue, status=models.ActionItemStatus(status.value) if status else None,
                meeting_id=decode_optional_id(meeting_id, "Meeting", "meetingId"))
            stmt = await action_items.action_items_query(info.context.session, actor=info.context.actor, f=f)
            page = await paginate(info.context.session, stmt, order=[(models.ActionItem.due_on, False),
                                                                    (models.ActionItem.id, False)],
                                  first=first, after=after)
            return connection(page, t.ActionItem.from_model)

        return await guarded(info, run)
