"""What identity and access adds to other domains' events."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.errors import DomainError
from yecai.manifest import Listener
from yecai.org import errors as org_errors
from yecai.org.events import DepartmentRemoving


async def _refuse_removing_a_department_with_members(session: AsyncSession, actor: Actor,
                                                     event: DepartmentRemoving) -> None:
    members = (await session.execute(select(func.count()).where(
        User.department_id == event.department.id))).scalar_one()
    if members:
        raise DomainError(org_errors.DEPARTMENT_NOT_EMPTY, field="id")


LISTENERS = (
    Listener(DepartmentRemoving, _refuse_removing_a_department_with_members, (org_errors.DEPARTMENT_NOT_EMPTY,)),
)
