"""GraphQL types of identity and access."""

from collections.abc import Iterable
from datetime import datetime
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.auth import models, policies
from yecai.auth.service import token_is_active
from yecai.graphql.base import ModelNode
from yecai.graphql.enums import Domain, PermissionCode, permission_codes
from yecai.graphql.org.types import Department


@strawberry.type(description="A permission (权限) from the catalogue; roles are sets of these.")
class Permission:
    code: PermissionCode  # type: ignore[valid-type]
    domain: Domain  # type: ignore[valid-type]
    domain_label: str = strawberry.field(description="The domain's name in the viewer's language.")
    name: str
    description: str


@strawberry.type(description="What the viewer may do with this role.")
class RoleAbilities:
    update: bool
    delete: bool


@strawberry.type(description="A role (角色): a named set of permissions.")
class Role(ModelNode):
    model = models.Role
    id: relay.NodeID[int]
    code: str
    name: str
    description: str
    builtin: bool
    _model: strawberry.Private[models.Role]

    @classmethod
    def from_model(cls, m: models.Role) -> "Role":
        return cls(id=m.id, code=m.code, name=m.name, description=m.description, builtin=m.builtin, _model=m)

    @strawberry.field(description="The permissions this role grants.")
    async def permissions(self, info: Info) -> list[PermissionCode]:  # type: ignore[valid-type]
        return permission_codes(await info.context.loaders.permissions_by_role.load(self.id))

    @strawberry.field(description="How many users hold this role.")
    async def user_count(self, info: Info) -> int:
        return await info.context.loaders.user_count_by_role.load(self.id)

    @strawberry.field
    def viewer_can(self, info: Info) -> RoleAbilities:
        actor = info.context.actor
        return RoleAbilities(update=policies.can_update_role(actor, self._model),
                             delete=policies.can_delete_role(actor, self._model))

    @classmethod
    def visible(cls, info: Info, row: models.Role) -> bool:
        actor = info.context.actor
        return policies.can_read_users(actor) or policies.can_manage_roles(actor)


@strawberry.type(description="What the viewer may do with this user.")
class UserAbilities:
    update: bool
    deactivate: bool
    reset_password: bool
    assign_roles: bool


@strawberry.type(description="A user (用户): a person who signs in.")
class User(ModelNode):
    model = models.User
    id: relay.NodeID[int]
    username: str
    display_name: str
    email: Optional[str]
    active: bool
    last_login_at: Optional[datetime]
    created_at: datetime
    _model: strawberry.Private[models.User]

    @classmethod
    def from_model(cls, m: models.User) -> "User":
        return cls(id=m.id, username=m.username, display_name=m.display_name, email=m.email, active=m.active,
                   last_login_at=m.last_login_at, created_at=m.created_at, _model=m)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        if self._model.department_id is None:
            return None
        row = await info.context.loaders.department.load(self._model.department_id)
        return Department.from_model(row) if row else None

    @strawberry.field
    async def roles(self, info: Info) -> list[Role]:
        return [Role.from_model(r) for r in await info.context.loaders.roles_by_user.load(self.id)]

    @strawberry.field
    def viewer_can(self, info: Info) -> UserAbilities:
        actor, m = info.context.actor, self._model
        return UserAbilities(update=policies.can_update_user(actor, m),
                             deactivate=policies.can_deactivate_user(actor, m),
                             reset_password=policies.can_reset_password(actor, m),
                             assign_roles=policies.can_assign_roles(actor, m))

    @classmethod
    def visible(cls, info: Info, row: models.User) -> bool:
        return policies.can_read_users(info.context.actor)


@strawberry.type(description="The signed-in user, with their roles, permissions and department.")
class Viewer:
    id: relay.GlobalID
    username: str
    display_name: str
    roles: list[str] = strawberry.field(description="Role codes, e.g. admin.")
    permissions: list[PermissionCode] = strawberry.field(description="What the viewer may do.")  # type: ignore[valid-type]
    _model: strawberry.Private[models.User]

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await User.from_model(self._model).department(info)

    @strawberry.field
    def user(self) -> User:
        return User.from_model(self._model)


def viewer_of(info: Info, user: models.User, *, roles: Iterable[str], permissions: Iterable[str]) -> Viewer:
    return Viewer(id=relay.GlobalID("User", str(user.id)), username=user.username, display_name=user.display_name,
                  roles=sorted(roles), permissions=permission_codes(set(permissions)), _model=user)


@strawberry.type(description="A personal API token (个人 API 令牌); its secret is shown only once, at creation.")
class ApiToken(ModelNode):
    model = models.ApiToken
    id: relay.NodeID[int]
    name: str
    prefix: str = strawberry.field(description="The first characters of the secret, to recognise it.")
    created_at: datetime
    expires_at: Optional[datetime]
    last_used_at: Optional[datetime]
    revoked_at: Optional[datetime]
    active: bool
    _model: strawberry.Private[models.ApiToken]

    @classmethod
    def from_model(cls, m: models.ApiToken) -> "ApiToken":
        return cls(id=m.id, name=m.name, prefix=m.prefix, created_at=m.created_at, expires_at=m.expires_at,
                   last_used_at=m.last_used_at, revoked_at=m.revoked_at, active=token_is_active(m), _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.ApiToken) -> bool:
        return policies.can_revoke_api_token(info.context.actor, row)


@strawberry.type(description="How sign-in works on this server.")
class AuthConfig:
    oidc_enabled: bool
    oidc_login_url: Optional[str]
    demo: bool


@strawberry.type
class AuditEventActor:
    """What identity adds to the audit trail's events."""

    @strawberry.field(description="The user who acted; null for the system.")
    async def actor(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.actor_id)  # type: ignore[attr-defined]
