"""Mutations of identity and access: each returns its success type or its own error type."""

from datetime import timedelta
from typing import Any, Optional

import strawberry
from strawberry.types import Info

from yecai.auth import errors, service
from yecai.auth import permissions as p
from yecai.graphql.auth.types import ApiToken, Role, User, Viewer, viewer_of
from yecai.graphql.base import (
    Requires,
    decode_id,
    decode_optional_id,
    error_type,
    global_id,
    mutation,
    result_union,
    run_mutation,
)
from yecai.graphql.enums import PermissionCode
from yecai.org import permissions as org

# ------------------------------------------------------------------ sign-in

LoginError = error_type("Login", [errors.INVALID_CREDENTIALS, errors.TOO_MANY_ATTEMPTS])


@strawberry.type(description="Signed in: a bearer token (also set as an httpOnly session cookie) and the viewer.")
class LoginSuccess:
    token: str
    viewer: Viewer


LoginResult = result_union("Login", LoginSuccess, LoginError)


# ------------------------------------------------------------------ users



@strawberry.input
class CreateUserInput:
    username: str
    display_name: str
    password: str
    email: Optional[str] = None
    department_id: Optional[strawberry.ID] = None
    role_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(description="Fields left out stay as they are; null clears email or department.")
class UpdateUserInput:
    id: strawberry.ID
    display_name: Optional[str] = strawberry.UNSET
    email: Optional[str] = strawberry.UNSET
    department_id: Optional[strawberry.ID] = strawberry.UNSET


@strawberry.input
class SetUserActiveInput:
    id: strawberry.ID
    active: bool


@strawberry.input
class AssignRolesInput:
    user_id: strawberry.ID
    role_ids: list[strawberry.ID]


@strawberry.input
class ResetPasswordInput:
    user_id: strawberry.ID
    new_password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


ChangePasswordError = error_type("ChangePassword", [errors.WRONG_PASSWORD, errors.TOO_MANY_ATTEMPTS])


@strawberry.type(description="`changePassword` succeeded.")
class ChangePasswordSuccess:
    ok: bool


ChangePasswordResult = result_union("ChangePassword", ChangePasswordSuccess, ChangePasswordError)


# ------------------------------------------------------------------ roles



@strawberry.input
class CreateRoleInput:
    code: str
    name: str
    permissions: list[PermissionCode]  # type: ignore[valid-type]
    description: str = ""


@strawberry.input(description="Fields left out stay as they are.")
class UpdateRoleInput:
    id: strawberry.ID
    name: Optional[str] = None
    description: Optional[str] = None
    permissions: Optional[list[PermissionCode]] = None  # type: ignore[valid-type]


@strawberry.input
class DeleteRoleInput:
    id: strawberry.ID


# ------------------------------------------------------------------ API tokens



@strawberry.input
class CreateApiTokenInput:
    name: str
    expires_in_days: Optional[int] = None


@strawberry.input
class RevokeApiTokenInput:
    id: strawberry.ID


@strawberry.type
class CreateApiTokenSuccess:
    api_token: ApiToken
    secret: str = strawberry.field(description="The token itself: shown this once, stored only as a hash.")


def _role_ids(values: list[strawberry.ID], field: str) -> list[int]:
    return [decode_id(v, "Role", field) for v in values]


@strawberry.type
class AuthMutations:
    @strawberry.mutation(description="Sign in with username and password. Failures are limited per account and address.")
    async def login(self, info: Info, username: str, password: str) -> LoginResult:
        ctx = info.context
        settings = ctx.settings
        outcome = await service.login(
            ctx.session, actor=ctx.actor, username=username, password=password,
            window=timedelta(minutes=settings.login_window_minutes),
            max_per_user=settings.login_max_failures_per_user,
            max_per_address=settings.login_max_failures_per_address,
        )
        if outcome.error is not None or outcome.user is None:
            error = outcome.error
            assert error is not None
            return LoginError(code=LoginError.code_enum(error.code), field=error.field,
                              message=error.message(ctx.language))
        user = outcome.user
        token = await service.start_session(ctx.session, user=user, secret_key=settings.resolved_secret_key(),
                                            ttl=timedelta(hours=settings.session_hours),
                                            client_address=ctx.actor.client_address)
        ctx.set_session_token = token
        actor = await service.actor_for(ctx.session, user)
        return LoginSuccess(token=token, viewer=viewer_of(info, user, roles=actor.roles, permissions=actor.permissions))

    @mutation("Sign out: ends the session the request comes with (the cookie's or the bearer token's; other "
              "devices stay signed in) and clears the browser session cookie.", permission=None, anonymous=True,
              returns=("ok", bool))
    async def logout(self, info: Info) -> bool:
        await service.end_session(info.context.session, actor=info.context.actor)
        info.context.clear_session = True
        return True

    @mutation("Create a user.", permission=org.ORG_MANAGE_USERS, errors=[errors.USERNAME_TAKEN], returns=("user", User))
    async def create_user(self, info: Info, input: CreateUserInput) -> User:
        user = await service.create_user(
            info.context.session, actor=info.context.actor, username=input.username,
            display_name=input.display_name, password=input.password, email=input.email,
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            role_ids=_role_ids(input.role_ids, "roleIds"))
        return User.from_model(user)

    @mutation("Change a user's name, email or department.", permission=org.ORG_MANAGE_USERS, returns=("user", User))
    async def update_user(self, info: Info, input: UpdateUserInput) -> User:
        kwargs: dict = {}
        if input.display_name is not strawberry.UNSET:
            kwargs["display_name"] = input.display_name if input.display_name is not None else ""
        if input.email is not strawberry.UNSET:
            kwargs["email"] = input.email
        if input.department_id is not strawberry.UNSET:
            kwargs["department_id"] = decode_optional_id(input.department_id, "Department", "departmentId")
        user = await service.update_user(info.context.session, actor=info.context.actor,
                                         user_id=decode_id(input.id, "User"), **kwargs)
        return User.from_model(user)

    @mutation("Deactivate (ending their sessions) or reactivate a user.", permission=org.ORG_MANAGE_USERS,
              errors=[errors.SELF_CHANGE], returns=("user", User))
    async def set_user_active(self, info: Info, input: SetUserActiveInput) -> User:
        user = await service.set_user_active(info.context.session, actor=info.context.actor,
                                             user_id=decode_id(input.id, "User"), active=input.active)
        return User.from_model(user)

    @mutation("Replace a user's roles, ending their sessions when the roles change.", permission=p.AUTH_MANAGE_ROLES,
              errors=[errors.SELF_CHANGE],
              returns=("user", User))
    async def assign_roles(self, info: Info, input: AssignRolesInput) -> User:
        user = await service.assign_roles(info.context.session, actor=info.context.actor,
                                          user_id=decode_id(input.user_id, "User", "userId"),
                                          role_ids=_role_ids(input.role_ids, "roleIds"))
        return User.from_model(user)

    @mutation("Set a new password for another user, ending their sessions.", permission=org.ORG_MANAGE_USERS,
              errors=[errors.SELF_CHANGE],
              returns=("user", User))
    async def reset_password(self, info: Info, input: ResetPasswordInput) -> User:
        user = await service.reset_password(info.context.session, actor=info.context.actor,
                                            user_id=decode_id(input.user_id, "User", "userId"),
                                            new_password=input.new_password)
        return User.from_model(user)

    # Declared by hand, like login: a wrong current password is answered without raising, so that the
    # failure record (which the limit counts) is kept; @mutation's savepoint would undo it.
    @strawberry.mutation(description="Change one's own password, confirming the current one; ends one's other "
                                     "sessions. Wrong current passwords count as failed sign-ins of the account "
                                     "and are limited alike. Any signed-in user.",
                         directives=[Requires(permission=None)])
    async def change_password(self, info: Info, input: ChangePasswordInput) -> ChangePasswordResult:
        ctx = info.context
        settings = ctx.settings

        async def run() -> ChangePasswordSuccess | Any:
            failure = await service.change_password(
                ctx.session, actor=ctx.actor, current_password=input.current_password,
                new_password=input.new_password,
                throttle=service.Throttle(window=timedelta(minutes=settings.login_window_minutes),
                                          max_per_user=settings.login_max_failures_per_user,
                                          max_per_address=settings.login_max_failures_per_address))
            if failure is not None:
                return ChangePasswordError(code=ChangePasswordError.code_enum(failure.code), field=failure.field,
                                           message=failure.message(ctx.language))
            return ChangePasswordSuccess(ok=True)

        return await run_mutation(info, ChangePasswordError, run)

    # Unknown permission codes cannot reach the service: the PermissionCode enum refuses them.
    @mutation("Create a role from permissions.", permission=p.AUTH_MANAGE_ROLES, errors=[errors.ROLE_CODE_TAKEN],
              returns=("role", Role))
    async def create_role(self, info: Info, input: CreateRoleInput) -> Role:
        role = await service.create_role(info.context.session, actor=info.context.actor, code=input.code,
                                         name=input.name, description=input.description,
                                         permissions=[c.value for c in input.permissions])
        return Role.from_model(role)

    @mutation("Rename a role or change its permissions.", permission=p.AUTH_MANAGE_ROLES, returns=("role", Role))
    async def update_role(self, info: Info, input: UpdateRoleInput) -> Role:
        role = await service.update_role(info.context.session, actor=info.context.actor,
                                         role_id=decode_id(input.id, "Role"), name=input.name,
                                         description=input.description,
                                         permissions=None if input.permissions is None
                                         else [c.value for c in input.permissions])
        return Role.from_model(role)

    @mutation("Delete a custom role nobody holds.", permission=p.AUTH_MANAGE_ROLES,
              errors=[errors.BUILTIN_ROLE, errors.ROLE_IN_USE], returns=("deleted_id", strawberry.ID))
    async def delete_role(self, info: Info, input: DeleteRoleInput) -> strawberry.ID:
        role_id = await service.delete_role(info.context.session, actor=info.context.actor,
                                            role_id=decode_id(input.id, "Role"))
        return strawberry.ID(str(global_id("Role", role_id)))

    @mutation("Issue a personal API token for scripts.", permission=p.AUTH_USE_API_TOKENS,
              returns=CreateApiTokenSuccess)
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> CreateApiTokenSuccess:
        token, secret = await service.create_api_token(info.context.session, actor=info.context.actor,
                                                       name=input.name, expires_in_days=input.expires_in_days)
        return CreateApiTokenSuccess(api_token=ApiToken.from_model(token), secret=secret)

    @mutation("Revoke an API token: one's own, or anyone's with `org.manage_users`.", permission=None,
              errors=[errors.TOKEN_REVOKED], returns=("api_token", ApiToken))
    async def revoke_api_token(self, info: Info, input: RevokeApiTokenInput) -> ApiToken:
        token = await service.revoke_api_token(info.context.session, actor=info.context.actor,
                                               token_id=decode_id(input.id, "ApiToken"))
        return ApiToken.from_model(token)
