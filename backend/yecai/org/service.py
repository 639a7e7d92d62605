"""Use cases of the organisation: the department tree."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.org import errors, policies
from yecai.org.events import DepartmentRemoving
from yecai.org.models import Department, DepartmentKind

_UNSET: object = object()


def departments_query(*, actor: Actor) -> Select[tuple[Department]]:
    if not policies.can_read_departments(actor):
        raise denied()
    return select(Department)


def _kind(kind: DepartmentKind | str) -> DepartmentKind:
    try:
        return DepartmentKind(kind)
    except ValueError:
        raise invalid("kind", "不是有效的部门类型", "is not a department kind") from None


async def _check_parent(session: AsyncSession, parent_id: int | None, moving_id: int | None) -> None:
    if parent_id is None:
        return
    parent = await session.get(Department, parent_id)
    if parent is None:
        raise not_found("parentId")
    # Walk up from the new parent: meeting the moved department would close a cycle.
    seen: set[int] = set()
    node: Department | None = parent
    while node is not None and node.id not in seen:
        if moving_id is not None and node.id == moving_id:
            raise DomainError(errors.DEPARTMENT_CYCLE, field="parentId")
        seen.add(node.id)
        node = await session.get(Department, node.parent_id) if node.parent_id else None


async def create_department(session: AsyncSession, *, actor: Actor, code: str, name: str,
                            kind: DepartmentKind | str, parent_id: int | None = None,
                            sort_order: int = 0) -> Department:
    """Add a department to the tree."""
    if not policies.can_create_department(actor):
        raise denied()
    dep_code = v.code(code, "code")
    dep_name = v.name(name, "name", max_len=100)
    dep_kind = _kind(kind)
    await _check_parent(session, parent_id, None)
    if (await session.execute(select(Department.id).where(Department.code == dep_code))).first():
        raise DomainError(errors.DEPARTMENT_CODE_TAKEN, field="code")
    department = Department(code=dep_code, name=dep_name, kind=dep_kind, parent_id=parent_id,
                            sort_order=sort_order, active=True)
    session.add(department)
    await session.flush()
    await audit.record(session, actor=actor, action="department.create", subject_type="department",
                       subject_id=department.id, after=audit.snapshot(department))
    return department


async def update_department(session: AsyncSession, *, actor: Actor, department_id: int, code: str | None = None,
                            name: str | None = None, kind: DepartmentKind | str | None = None,
                            parent_id: int | None | object = _UNSET) -> Department:
    """Rename, re-code, re-classify or move a department."""
    department = await session.get(Department, department_id)
    if department is None:
        raise not_found()
    if not policies.can_update_department(actor, department):
        raise denied()
    before = audit.snapshot(department)
    if code is not None:
        new_code = v.code(code, "code")
        if new_code != department.code and (
            await session.execute(select(Department.id).where(Department.code == new_code))
        ).first():
            raise DomainError(errors.DEPARTMENT_CODE_TAKEN, field="code")
        department.code = new_code
    if name is not None:
        department.name = v.name(name, "name", max_len=100)
    if kind is not None:
        department.kind = _kind(kind)
    if parent_id is not _UNSET:
        await _check_parent(session, parent_id, department.id)  # type: ignore[arg-type]
        department.parent_id = parent_id  # type: ignore[assignment]
    await session.flush()
    after = audit.snapshot(department)
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="department.update", subject_type="department",
                           subject_id=department.id, before=before, after=after)
    return department


async def delete_department(session: AsyncSession, *, actor: Actor, department_id: int) -> int:
    """Remove a department that has neither sub-departments nor members."""
    department = await session.get(Department, department_id)
    if department is None:
        raise not_found()
    if not policies.can_delete_department(actor, department):
        raise denied()
    children = (await session.execute(select(func.count()).where(Department.parent_id == department.id))).scalar_one()
    if children:
        raise DomainError(errors.DEPARTMENT_NOT_EMPTY, field="id")
    # Members, documents and voucher lines belong to domains above this one: they refuse there.
    await events.publish(session, actor=actor, event=DepartmentRemoving(department))
    before = audit.snapshot(department)
    await session.delete(department)
    await session.flush()
    await audit.record(session, actor=actor, action="department.delete", subject_type="department",
                       subject_id=department_id, before=before)
    return department_id
