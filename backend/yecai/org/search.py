"""Departments in the search index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.org import policies
from yecai.org.models import Department
from yecai.searchable import Searchable, SearchDocument, checked_by, text_of, web_id

TAG = "org:read"


def viewer_tags(actor: Actor) -> set[str]:
    return {TAG} if policies.can_read_departments(actor) else set()


async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = (await session.execute(select(Department).where(Department.id.in_(list(ids))))).scalars()
    return {d.id: SearchDocument(kind="department", object_id=d.id, title=d.name, code=d.code,
                                 body=text_of("部门", "" if d.active else "已停用"), department_id=d.id,
                                 access=(TAG,), url=f"/departments?id={web_id('Department', d.id)}")
            for d in rows}


async def words(session: AsyncSession) -> list[str]:
    return list((await session.execute(select(Department.name))).scalars())


SEARCHABLES = (
    Searchable(kind="department", zh="部门", en="Department", model=Department, node="Department", build=build,
               visible=checked_by(Department, lambda actor, _d: policies.can_read_departments(actor)),
               viewer_tags=viewer_tags, words=words),
)
