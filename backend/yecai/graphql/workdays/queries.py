"""Queries of the work calendar."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import guarded
from yecai.graphql.workdays.types import WorkCalendarYear
from yecai.graphql.workdays.year import year_of


@strawberry.type
class WorkdaysQueries:
    @strawberry.field(description="A year of the work calendar: public holidays and make-up working days. "
                                  "Any signed-in user.")
    async def work_calendar(self, info: Info, year: int) -> Optional[WorkCalendarYear]:
        return await guarded(info, lambda: year_of(info, year))
