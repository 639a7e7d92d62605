"""Mutations of identity and access: each returns its success type or its own error type."""

from datetime import timedelta
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.auth import errors, service
from yecai.auth.tokens import issue_session_token
from yecai.graphql.auth.types import ApiToken, Role, User, Viewer, viewer_of
from yecai.graphql.base import decode_id, decode_optional_id, error_type, result_union, run_mutation
from yecai.graphql.enums import PermissionCode

# ------------------------------------------------------------------ sign-in

LoginError = error_type("Login", [errors.INVALID_CREDENTIALS, errors.TOO_MANY_ATTEMPTS])


@strawberry.type(description="Signed in: a bearer token (also set as an httpOnly session cookie) and the viewer.")
class LoginSuccess:
    token: str
    viewer: Viewer


LoginResult = result_union("Login", LoginSuccess, LoginError)

LogoutError = error_type("Logout")


@strawberry.type
class LogoutSuccess:
    ok: bool


LogoutResult = result_union("Logout", LogoutSuccess, LogoutError)

# ------------------------------------------------------------------ users

CreateUserError = error_type("CreateUser", [errors.USERNAME_TAKEN])
UpdateUserError = error_type("UpdateUser")
SetUserActiveError = error_type("SetUserActive", [errors.SELF_CHANGE])
AssignRolesError = error_type("AssignRoles", [errors.SELF_CHANGE])
ResetPasswordError = error_type("ResetPassword", [errors.SELF_CHANGE])
ChangePasswordError = error_type("ChangePassword", [errors.WRONG_PASSWORD])


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


@strawberry.type
class UserSuccess:
    user: User


@strawberry.type
class CreateUserSuccess(UserSuccess):
    pass


@strawberry.type
class UpdateUserSuccess(UserSuccess):
    pass


@strawberry.type
class SetUserActiveSuccess(UserSuccess):
    pass


@strawberry.type
class AssignRolesSuccess(UserSuccess):
    pass


@strawberry.type
class ResetPasswordSuccess(UserSuccess):
    pass


@strawberry.type
class ChangePasswordSuccess:
    ok: bool


# ------------------------------------------------------------------ roles

# Unknown permission codes cannot reach the service: the PermissionCode enum refuses them.
CreateRoleError = error_type("CreateRole", [errors.ROLE_CODE_TAKEN])
UpdateRoleError = error_type("UpdateRole")
DeleteRoleError = error_type("DeleteRole", [errors.BUILTIN_ROLE, errors.ROLE_IN_USE])


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


@strawberry.type
class CreateRoleSuccess:
    role: Role


@strawberry.type
class UpdateRoleSuccess:
    role: Role


@strawberry.type
class DeleteRoleSuccess:
    deleted_id: strawberry.ID


# ------------------------------------------------------------------ API tokens

CreateApiTokenError = error_type("CreateApiToken")
RevokeApiTokenError = error_type("RevokeApiToken", [errors.TOKEN_REVOKED])


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


@strawberry.type
class RevokeApiTokenSuccess:
    api_token: ApiToken


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
        token = issue_session_token(settings.resolved_secret_key(), user_id=user.id, epoch=user.session_epoch,
                                    ttl_seconds=settings.session_hours * 3600)
        ctx.set_session_token = token
        actor = await service.actor_for(ctx.session, user)
        return LoginSuccess(token=token, viewer=viewer_of(info, user, roles=actor.roles, permissions=actor.permissions))

    @strawberry.mutation(description="Sign out: clears the browser session cookie.")
    async def logout(self, info: Info) -> LogoutResult:
        info.context.clear_session = True
        return LogoutSuccess(ok=True)

    @strawberry.mutation(description="Create a user. Needs `org.manage_users`.")
    async def create_user(self, info: Info, input: CreateUserInput) -> result_union("CreateUser", CreateUserSuccess, CreateUserError):  # type: ignore[valid-type]
        async def run() -> CreateUserSuccess:
            user = await service.create_user(
                info.context.session, actor=info.context.actor, username=input.username,
                display_name=input.display_name, password=input.password, email=input.email,
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                role_ids=_role_ids(input.role_ids, "roleIds"))
            return CreateUserSuccess(user=User.from_model(user))

        return await run_mutation(info, CreateUserError, run)

    @strawberry.mutation(description="Change a user's name, email or department. Needs `org.manage_users`.")
    async def update_user(self, info: Info, input: UpdateUserInput) -> result_union("UpdateUser", UpdateUserSuccess, UpdateUserError):  # type: ignore[valid-type]
        async def run() -> UpdateUserSuccess:
            kwargs: dict = {}
            if input.display_name is not strawberry.UNSET:
                kwargs["display_name"] = input.display_name if input.display_name is not None else ""
            if input.email is not strawberry.UNSET:
                kwargs["email"] = input.email
            if input.department_id is not strawberry.UNSET:
                kwargs["department_id"] = decode_optional_id(input.department_id, "Department", "departmentId")
            user = await service.update_user(info.context.session, actor=info.context.actor,
                                             user_id=decode_id(input.id, "User"), **kwargs)
            return UpdateUserSuccess(user=User.from_model(user))

        return await run_mutation(info, UpdateUserError, run)

    @strawberry.mutation(description="Deactivate (ending their sessions) or reactivate a user. Needs `org.manage_users`.")
    async def set_user_active(self, info: Info, input: SetUserActiveInput) -> result_union("SetUserActive", SetUserActiveSuccess, SetUserActiveError):  # type: ignore[valid-type]
        async def run() -> SetUserActiveSuccess:
            user = await service.set_user_active(info.context.session, actor=info.context.actor,
                                                 user_id=decode_id(input.id, "User"), active=input.active)
            return SetUserActiveSuccess(user=User.from_model(user))

        return await run_mutation(info, SetUserActiveError, run)

    @strawberry.mutation(description="Replace a user's roles. Needs `auth.manage_roles`.")
    async def assign_roles(self, info: Info, input: AssignRolesInput) -> result_union("AssignRoles", AssignRolesSuccess, AssignRolesError):  # type: ignore[valid-type]
        async def run() -> AssignRolesSuccess:
            user = await service.assign_roles(info.context.session, actor=info.context.actor,
                                              user_id=decode_id(input.user_id, "User", "userId"),
                                              role_ids=_role_ids(input.role_ids, "roleIds"))
            return AssignRolesSuccess(user=User.from_model(user))

        return await run_mutation(info, AssignRolesError, run)

    @strawberry.mutation(description="Set a new password for another user. Needs `org.manage_users`.")
    async def reset_password(self, info: Info, input: ResetPasswordInput) -> result_union("ResetPassword", ResetPasswordSuccess, ResetPasswordError):  # type: ignore[valid-type]
        async def run() -> ResetPasswordSuccess:
            user = await service.reset_password(info.context.session, actor=info.context.actor,
                                                user_id=decode_id(input.user_id, "User", "userId"),
                                                new_password=input.new_password)
            return ResetPasswordSuccess(user=User.from_model(user))

        return await run_mutation(info, ResetPasswordError, run)

    @strawberry.mutation(description="Change one's own password, confirming the current one.")
    async def change_password(self, info: Info, input: ChangePasswordInput) -> result_union("ChangePassword", ChangePasswordSuccess, ChangePasswordError):  # type: ignore[valid-type]
        async def run() -> ChangePasswordSuccess:
            await service.change_password(info.context.session, actor=info.context.actor,
                                          current_password=input.current_password, new_password=input.new_password)
            return ChangePasswordSuccess(ok=True)

        return await run_mutation(info, ChangePasswordError, run)

    @strawberry.mutation(description="Create a role from permissions. Needs `auth.manage_roles`.")
    async def create_role(self, info: Info, input: CreateRoleInput) -> result_union("CreateRole", CreateRoleSuccess, CreateRoleError):  # type: ignore[valid-type]
        async def run() -> CreateRoleSuccess:
            role = await service.create_role(info.context.session, actor=info.context.actor, code=input.code,
                                             name=input.name, description=input.description,
                                             permissions=[c.value for c in input.permissions])
            return CreateRoleSuccess(role=Role.from_model(role))

        return await run_mutation(info, CreateRoleError, run)

    @strawberry.mutation(description="Rename a role or change its permissions. Needs `auth.manage_roles`.")
    async def update_role(self, info: Info, input: UpdateRoleInput) -> result_union("UpdateRole", UpdateRoleSuccess, UpdateRoleError):  # type: ignore[valid-type]
        async def run() -> UpdateRoleSuccess:
            role = await service.update_role(info.context.session, actor=info.context.actor,
                                             role_id=decode_id(input.id, "Role"), name=input.name,
                                             description=input.description,
                                             permissions=None if input.permissions is None
                                             else [c.value for c in input.permissions])
            return UpdateRoleSuccess(role=Role.from_model(role))

        return await run_mutation(info, UpdateRoleError, run)

    @strawberry.mutation(description="Delete a custom role nobody holds. Needs `auth.manage_roles`.")
    async def delete_role(self, info: Info, input: DeleteRoleInput) -> result_union("DeleteRole", DeleteRoleSuccess, DeleteRoleError):  # type: ignore[valid-type]
        async def run() -> DeleteRoleSuccess:
            role_id = await service.delete_role(info.context.session, actor=info.context.actor,
                                                role_id=decode_id(input.id, "Role"))
            return DeleteRoleSuccess(deleted_id=relay.GlobalID("Role", str(role_id)))

        return await run_mutation(info, DeleteRoleError, run)

    @strawberry.mutation(description="Issue a personal API token for scripts. Needs `auth.use_api_tokens`.")
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> result_union("CreateApiToken", CreateApiTokenSuccess, CreateApiTokenError):  # type: ignore[valid-type]
        async def run() -> CreateApiTokenSuccess:
            token, secret = await service.create_api_token(info.context.session, actor=info.context.actor,
                                                           name=input.name, expires_in_days=input.expires_in_days)
            return CreateApiTokenSuccess(api_token=ApiToken.from_model(token), secret=secret)

        return await run_mutation(info, CreateApiTokenError, run)

    @strawberry.mutation(description="Revoke an API token: one's own, or anyone's with `org.manage_users`.")
    async def revoke_api_token(self, info: Info, input: RevokeApiTokenInput) -> result_union("RevokeApiToken", RevokeApiTokenSuccess, RevokeApiTokenError):  # type: ignore[valid-type]
        async def run() -> RevokeApiTokenSuccess:
            token = await service.revoke_api_token(info.context.session, actor=info.context.actor,
                                                   token_id=decode_id(input.id, "ApiToken"))
            return RevokeApiTokenSuccess(api_token=ApiToken.from_model(token))

        return await run_mutation(info, RevokeApiTokenError, run)
