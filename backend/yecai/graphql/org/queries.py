"""Queries of the organisation."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, guarded
from yecai.graphql.org.types import Department
from yecai.org import models, service
from yecai.pagination import paginate


@strawberry.type
class OrgQueries:
    @strawberry.field(description="Departments, flat, in tree order keys (sort order, code). Needs `org.read`.")
    async def departments(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None) -> Optional[Connection[Department]]:
        async def run() -> Connection[Department]:
            stmt = service.departments_query(actor=info.context.actor)
            page = await paginate(info.context.session, stmt,
                                  order=[(models.Department.sort_order, False), (models.Department.code, False),
                                         (models.Department.id, False)], first=first, after=after)
            return connection(page, Department.from_model)

        return await guarded(info, run)
