"""GraphQL types of the work calendar."""

import datetime as dt

import strawberry

from yecai.graphql.base import ListSize
from yecai.workdays import models
from yecai.workdays.models import DayKind as DayKindModel
from yecai.workdays.models import DaySource as DaySourceModel

WorkCalendarDayKind = strawberry.enum(
    DayKindModel, name="WorkCalendarDayKind",
    description="HOLIDAY 法定节假日 (not worked, whatever the weekday), WORKDAY 调休上班日 (a Saturday or Sunday "
                "that is worked), ORDINARY 按常规 (a built-in day an admin cleared: the plain week holds).")
WorkCalendarDaySource = strawberry.enum(
    DaySourceModel, name="WorkCalendarDaySource",
    description="SEEDED 内置 (the chinesecalendar package) or EDITED 手动 (an admin's; re-seeding keeps it).")


@strawberry.type(description="A day of the work calendar (日历日) that differs from the plain week.")
class WorkCalendarDay:
    date: dt.date
    kind: WorkCalendarDayKind  # type: ignore[valid-type]
    name: str
    source: WorkCalendarDaySource  # type: ignore[valid-type]
    updated_at: dt.datetime

    @classmethod
    def from_model(cls, m: models.CalendarDay) -> "WorkCalendarDay":
        return cls(date=m.day, kind=m.kind, name=m.name, source=m.source, updated_at=m.updated_at)


@strawberry.type(description="What the viewer may do with the work calendar (the server enforces regardless).")
class WorkCalendarAbilities:
    manage: bool


@strawberry.type(description="One year of the work calendar (工作日历): its marked days and working-day count.")
class WorkCalendarYear:
    year: int
    covered: bool = strawberry.field(
        description="Whether the year's holidays are in the calendar; if not, the plain week (Monday to Friday) "
                    "is assumed.")
    built_in: bool = strawberry.field(
        description="Whether the built-in calendar (chinesecalendar) knows the year, so it can be re-seeded.")
    working_day_count: int
    days: list[WorkCalendarDay] = strawberry.field(
        description="The marked days, in date order (ORDINARY: a built-in day an admin cleared).",
        directives=[ListSize(assumed_size=40)])
    viewer_can: WorkCalendarAbilities
