"""What business operations add to other domains' events."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.errors import DomainError
from yecai.manifest import Listener
from yecai.operations.documents import DOCUMENT_TYPES
from yecai.org import errors as org_errors
from yecai.org.events import DepartmentRemoving


async def _refuse_removing_a_department_with_documents(session: AsyncSession, actor: Actor,
                                                       event: DepartmentRemoving) -> None:
    for document_type in DOCUMENT_TYPES:
        model = document_type.model
        if (await session.execute(select(model.id).where(model.department_id == event.department.id).limit(1))).first():
            raise DomainError(org_errors.DEPARTMENT_IN_USE, field="id")


LISTENERS = (
    Listener(DepartmentRemoving, _refuse_removing_a_department_with_documents, (org_errors.DEPARTMENT_IN_USE,)),
)
