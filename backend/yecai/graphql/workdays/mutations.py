"""Mutations of the work calendar: admins mark and clear days, and re-seed a year from the built-in calendar."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import mutation
from yecai.graphql.workdays.types import WorkCalendarDay, WorkCalendarDayKind, WorkCalendarYear
from yecai.graphql.workdays.year import year_of
from yecai.workdays import errors, service
from yecai.workdays import permissions as p


@strawberry.input(description="Mark a day: HOLIDAY on any day, WORKDAY on a Saturday or Sunday; `name` e.g. 国庆节.")
class MarkWorkCalendarDayInput:
    date: dt.date
    kind: WorkCalendarDayKind  # type: ignore[valid-type]
    name: str


@strawberry.input
class UnmarkWorkCalendarDayInput:
    date: dt.date


@strawberry.input(description="Re-seed a year from the built-in calendar; `discardEdits` replaces admins' edits too.")
class ReseedWorkCalendarYearInput:
    year: int
    discard_edits: bool = False


@strawberry.type(description="`unmarkWorkCalendarDay` succeeded: the day follows the plain week.")
class UnmarkWorkCalendarDaySuccess:
    date: dt.date
    day: Optional[WorkCalendarDay] = strawberry.field(
        description="The ORDINARY edit kept for a built-in day (so re-seeding keeps the admin's word); null when "
                    "the day is gone.")


@strawberry.type(description="`reseedWorkCalendarYear` succeeded.")
class ReseedWorkCalendarYearSuccess:
    created: int
    updated: int
    removed: int
    kept_edits: int
    calendar: WorkCalendarYear


@strawberry.type
class WorkdaysMutations:
    @mutation("Mark a day of the work calendar as a public holiday or a make-up working day, with its name.",
              permission=p.WORKDAYS_MANAGE, returns=("day", WorkCalendarDay))
    async def mark_work_calendar_day(self, info: Info, input: MarkWorkCalendarDayInput) -> WorkCalendarDay:
        row = await service.mark_day(info.context.session, actor=info.context.actor, day=input.date,
                                     kind=input.kind, name=input.name)
        return WorkCalendarDay.from_model(row)

    @mutation("Return a day of the work calendar to the plain week.", permission=p.WORKDAYS_MANAGE,
              errors=[errors.NOT_MARKED], returns=UnmarkWorkCalendarDaySuccess)
    async def unmark_work_calendar_day(self, info: Info,
                                       input: UnmarkWorkCalendarDayInput) -> UnmarkWorkCalendarDaySuccess:
        row = await service.unmark_day(info.context.session, actor=info.context.actor, day=input.date)
        return UnmarkWorkCalendarDaySuccess(date=input.date,
                                            day=None if row is None else WorkCalendarDay.from_model(row))

    @mutation("Re-seed a year of the work calendar from the built-in calendar (chinesecalendar).",
              permission=p.WORKDAYS_MANAGE, returns=ReseedWorkCalendarYearSuccess)
    async def reseed_work_calendar_year(self, info: Info,
                                        input: ReseedWorkCalendarYearInput) -> ReseedWorkCalendarYearSuccess:
        result = await service.reseed_year(info.context.session, actor=info.context.actor, year=input.year,
                                           discard_edits=input.discard_edits)
        return ReseedWorkCalendarYearSuccess(created=result.created, updated=result.updated, removed=result.removed,
                                             kept_edits=result.kept_edits, calendar=await year_of(info, input.year))
