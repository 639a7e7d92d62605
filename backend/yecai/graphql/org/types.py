"""GraphQL types of the organisation."""

from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.base import ModelNode
from yecai.org import models, policies
from yecai.org.models import DepartmentKind as DepartmentKindModel

DepartmentKind = strawberry.enum(DepartmentKindModel, name="DepartmentKind", description="What a department does.")


@strawberry.type(description="What the viewer may do with this department (the server enforces regardless).")
class DepartmentAbilities:
    update: bool
    delete: bool


@strawberry.type(description="A department (部门) in the organisation tree.")
class Department(ModelNode):
    model = models.Department
    id: relay.NodeID[int]
    code: str
    name: str
    kind: DepartmentKind
    active: bool
    sort_order: int
    _model: strawberry.Private[models.Department]

    @classmethod
    def from_model(cls, m: models.Department) -> "Department":
        return cls(id=m.id, code=m.code, name=m.name, kind=m.kind, active=m.active, sort_order=m.sort_order, _model=m)

    @strawberry.field(description="The department above this one; null at the top of the tree.")
    async def parent(self, info: Info) -> Optional["Department"]:
        if self._model.parent_id is None:
            return None
        parent = await info.context.loaders.department.load(self._model.parent_id)
        return Department.from_model(parent) if parent else None

    @strawberry.field(description="How many active users belong to this department.")
    async def member_count(self, info: Info) -> int:
        return await info.context.loaders.member_count_by_department.load(self.id)

    @strawberry.field
    def viewer_can(self, info: Info) -> DepartmentAbilities:
        actor = info.context.actor
        return DepartmentAbilities(
            update=policies.can_update_department(actor, self._model),
            delete=policies.can_delete_department(actor, self._model),
        )

    @classmethod
    def visible(cls, info: Info, row: models.Department) -> bool:
        return policies.can_read_departments(info.context.actor)
