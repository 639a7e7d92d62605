"""Users (people) in the search index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth import policies
from yecai.auth.models import User
from yecai.org.models import Department
from yecai.searchable import Searchable, SearchDocument, checked_by, text_of, web_id

TAG = "users:read"


def viewer_tags(actor: Actor) -> set[str]:
    return {TAG} if policies.can_read_users(actor) else set()


async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = (await session.execute(
        select(User, Department.name).outerjoin(Department, Department.id == User.department_id)
        .where(User.id.in_(list(ids))))).all()
    return {u.id: SearchDocument(kind="user", object_id=u.id, title=u.display_name, code=u.username,
                                 body=text_of(department, u.email, "" if u.active else "已停用"),
                                 department_id=u.department_id, access=(TAG,),
                                 url=f"/users?id={web_id('User', u.id)}")
            for u, department in rows}


SEARCHABLES = (
    Searchable(kind="user", zh="用户", en="User", model=User, node="User", build=build,
               visible=checked_by(User, lambda actor, _u: policies.can_read_users(actor)), viewer_tags=viewer_tags),
)
