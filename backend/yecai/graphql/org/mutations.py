"""Mutations of the organisation."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, global_id, mutation
from yecai.graphql.org.types import Department, DepartmentKind
from yecai.org import errors, service
from yecai.org import permissions as p
from yecai.org.events import DepartmentRemoving


@strawberry.input
class CreateDepartmentInput:
    code: str
    name: str
    kind: DepartmentKind
    parent_id: Optional[strawberry.ID] = None
    sort_order: int = 0


@strawberry.input(description="Fields left out stay as they are; a null parentId moves it to the top.")
class UpdateDepartmentInput:
    id: strawberry.ID
    code: Optional[str] = None
    name: Optional[str] = None
    kind: Optional[DepartmentKind] = None
    parent_id: Optional[strawberry.ID] = strawberry.UNSET


@strawberry.input
class DeleteDepartmentInput:
    id: strawberry.ID


@strawberry.type
class OrgMutations:
    @mutation("Add a department.", permission=p.ORG_MANAGE_DEPARTMENTS, errors=[errors.DEPARTMENT_CODE_TAKEN],
              returns=("department", Department))
    async def create_department(self, info: Info, input: CreateDepartmentInput) -> Department:
        department = await service.create_department(
            info.context.session, actor=info.context.actor, code=input.code, name=input.name, kind=input.kind,
            parent_id=decode_optional_id(input.parent_id, "Department", "parentId"), sort_order=input.sort_order)
        return Department.from_model(department)

    @mutation("Rename, re-code or move a department.", permission=p.ORG_MANAGE_DEPARTMENTS,
              errors=[errors.DEPARTMENT_CODE_TAKEN, errors.DEPARTMENT_CYCLE], returns=("department", Department))
    async def update_department(self, info: Info, input: UpdateDepartmentInput) -> Department:
        kwargs: dict = {}
        if input.parent_id is not strawberry.UNSET:
            kwargs["parent_id"] = decode_optional_id(input.parent_id, "Department", "parentId")
        department = await service.update_department(
            info.context.session, actor=info.context.actor, department_id=decode_id(input.id, "Department"),
            code=input.code, name=input.name, kind=input.kind, **kwargs)
        return Department.from_model(department)

    @mutation("Delete a department no one, no sub-department and no document or voucher refers to.",
              permission=p.ORG_MANAGE_DEPARTMENTS, errors=[errors.DEPARTMENT_NOT_EMPTY], emits=[DepartmentRemoving],
              returns=("deleted_id", strawberry.ID))
    async def delete_department(self, info: Info, input: DeleteDepartmentInput) -> strawberry.ID:
        deleted = await service.delete_department(info.context.session, actor=info.context.actor,
                                                  department_id=decode_id(input.id, "Department"))
        return strawberry.ID(str(global_id("Department", deleted)))
