"""Mutations of the organisation."""

from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, error_type, result_union, run_mutation
from yecai.graphql.org.types import Department, DepartmentKind
from yecai.org import errors, service

CreateDepartmentError = error_type("CreateDepartment", [errors.DEPARTMENT_CODE_TAKEN])
UpdateDepartmentError = error_type("UpdateDepartment", [errors.DEPARTMENT_CODE_TAKEN, errors.DEPARTMENT_CYCLE])
DeleteDepartmentError = error_type("DeleteDepartment", [errors.DEPARTMENT_NOT_EMPTY])


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
class CreateDepartmentSuccess:
    department: Department


@strawberry.type
class UpdateDepartmentSuccess:
    department: Department


@strawberry.type
class DeleteDepartmentSuccess:
    deleted_id: strawberry.ID


@strawberry.type
class OrgMutations:
    @strawberry.mutation(description="Add a department. Needs `org.manage_departments`.")
    async def create_department(self, info: Info, input: CreateDepartmentInput) -> result_union("CreateDepartment", CreateDepartmentSuccess, CreateDepartmentError):  # type: ignore[valid-type]
        async def run() -> CreateDepartmentSuccess:
            department = await service.create_department(
                info.context.session, actor=info.context.actor, code=input.code, name=input.name, kind=input.kind,
                parent_id=decode_optional_id(input.parent_id, "Department", "parentId"), sort_order=input.sort_order)
            return CreateDepartmentSuccess(department=Department.from_model(department))

        return await run_mutation(info, CreateDepartmentError, run)

    @strawberry.mutation(description="Rename, re-code or move a department. Needs `org.manage_departments`.")
    async def update_department(self, info: Info, input: UpdateDepartmentInput) -> result_union("UpdateDepartment", UpdateDepartmentSuccess, UpdateDepartmentError):  # type: ignore[valid-type]
        async def run() -> UpdateDepartmentSuccess:
            kwargs: dict = {}
            if input.parent_id is not strawberry.UNSET:
                kwargs["parent_id"] = decode_optional_id(input.parent_id, "Department", "parentId")
            department = await service.update_department(
                info.context.session, actor=info.context.actor, department_id=decode_id(input.id, "Department"),
                code=input.code, name=input.name, kind=input.kind, **kwargs)
            return UpdateDepartmentSuccess(department=Department.from_model(department))

        return await run_mutation(info, UpdateDepartmentError, run)

    @strawberry.mutation(description="Delete a department without members or sub-departments. Needs `org.manage_departments`.")
    async def delete_department(self, info: Info, input: DeleteDepartmentInput) -> result_union("DeleteDepartment", DeleteDepartmentSuccess, DeleteDepartmentError):  # type: ignore[valid-type]
        async def run() -> DeleteDepartmentSuccess:
            deleted = await service.delete_department(info.context.session, actor=info.context.actor,
                                                      department_id=decode_id(input.id, "Department"))
            return DeleteDepartmentSuccess(deleted_id=relay.GlobalID("Department", str(deleted)))

        return await run_mutation(info, DeleteDepartmentError, run)
