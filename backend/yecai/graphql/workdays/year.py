"""Builds the ``WorkCalendarYear`` a query or a re-seed answers."""

from datetime import date

from strawberry.types import Info

from yecai.graphql.workdays.types import WorkCalendarAbilities, WorkCalendarDay, WorkCalendarYear
from yecai.workdays import policies, service
from yecai.workdays.calendar import load_work_calendar


async def year_of(info: Info, year: int) -> WorkCalendarYear:
    actor, session = info.context.actor, info.context.session
    days = await service.days_of_year(session, actor=actor, year=year)
    calendar = await load_work_calendar(session)
    return WorkCalendarYear(
        year=year, covered=calendar.covers(year), built_in=service.covered_by_package(year),
        working_day_count=calendar.count_working_days(date(year, 1, 1), date(year, 12, 31)),
        days=[WorkCalendarDay.from_model(d) for d in days],
        viewer_can=WorkCalendarAbilities(manage=policies.can_manage(actor)))
