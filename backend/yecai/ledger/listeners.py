"""What the books add to other domains' events."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.errors import DomainError
from yecai.ledger.models import VoucherLine
from yecai.manifest import Listener
from yecai.org import errors as org_errors
from yecai.org.events import DepartmentRemoving


async def _refuse_removing_a_department_in_the_books(session: AsyncSession, actor: Actor,
                                                     event: DepartmentRemoving) -> None:
    used = (await session.execute(select(VoucherLine.id).where(
        VoucherLine.department_id == event.department.id).limit(1))).first()
    if used:
        raise DomainError(org_errors.DEPARTMENT_IN_USE, field="id")


LISTENERS = (
    Listener(DepartmentRemoving, _refuse_removing_a_department_in_the_books, (org_errors.DEPARTMENT_IN_USE,)),
)
