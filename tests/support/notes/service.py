"""Use cases of the notes domain, keeping the house rules: policy first, audit event, no commit."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, ErrorSpec, denied, not_found
from yecai.manifest import Listener
from yecai.org.events import DepartmentRemoving
from yecai.org.models import Department

from . import permissions as p
from .models import Note

DEPARTMENT_HAS_NOTES = ErrorSpec("DEPARTMENT_HAS_NOTES", "部门下还有便签", "The department still has notes")


async def create_note(session: AsyncSession, *, actor: Actor, department_id: int, text: str) -> Note:
    if not actor.has(p.NOTES_WRITE):
        raise denied()
    if await session.get(Department, department_id) is None:
        raise not_found("departmentId")
    note = Note(department_id=department_id, text=v.required_text(text, "text", max_len=200))
    session.add(note)
    await session.flush()
    await audit.record(session, actor=actor, action="test_note.create", subject_type="test_note", subject_id=note.id,
                       after=audit.snapshot(note))
    return note


def notes_query(*, actor: Actor) -> Select[tuple[Note]]:
    if not actor.has(p.NOTES_READ):
        raise denied()
    return select(Note)


async def _refuse_removing_a_department_with_notes(session: AsyncSession, actor: Actor,
                                                   event: DepartmentRemoving) -> None:
    if (await session.execute(select(Note.id).where(Note.department_id == event.department.id))).first():
        raise DomainError(DEPARTMENT_HAS_NOTES, field="id")


LISTENERS = (Listener(DepartmentRemoving, _refuse_removing_a_department_with_notes, (DEPARTMENT_HAS_NOTES,)),)
