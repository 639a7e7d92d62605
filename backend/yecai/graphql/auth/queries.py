"""Queries of identity and access."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai import manifest
from yecai.auth import models, service
from yecai.graphql.auth.types import ApiToken, AuthConfig, Permission, Role, User, Viewer, viewer_of
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.enums import DomainEnum, PermissionCodeEnum
from yecai.pagination import paginate


@strawberry.type
class AuthQueries:
    @strawberry.field(description="The signed-in user; null when not signed in.")
    async def viewer(self, info: Info) -> Optional[Viewer]:
        actor = info.context.actor
        if actor.kind != "user":
            return None
        user = await info.context.session.get(models.User, actor.user_id)
        if user is None:
            return None
        return viewer_of(info, user, roles=actor.roles, permissions=actor.permissions)

    @strawberry.field(description="How to sign in here: single sign-on, demo mode.")
    def auth_config(self, info: Info) -> AuthConfig:
        settings = info.context.settings
        return AuthConfig(oidc_enabled=settings.oidc_enabled,
                          oidc_login_url="/auth/oidc/login" if settings.oidc_enabled else None, demo=settings.demo)

    @strawberry.field(description="Users, by username. Needs `org.read`.")
    async def users(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None, search: Optional[str] = None,
                    department_id: Optional[strawberry.ID] = None,
                    active: Optional[bool] = None) -> Optional[Connection[User]]:
        async def run() -> Connection[User]:
            stmt = service.users_query(actor=info.context.actor, search=search, active=active,
                                       department_id=decode_optional_id(department_id, "Department", "departmentId"))
            page = await paginate(info.context.session, stmt, order=[(models.User.username, False),
                                                                     (models.User.id, False)], first=first, after=after)
            return connection(page, User.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Roles, by code. Needs `org.read` or `auth.manage_roles`.")
    async def roles(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None) -> Optional[Connection[Role]]:
        async def run() -> Connection[Role]:
            stmt = service.roles_query(actor=info.context.actor)
            page = await paginate(info.context.session, stmt, order=[(models.Role.code, False), (models.Role.id, False)],
                                  first=first, after=after)
            return connection(page, Role.from_model)

        return await guarded(info, run)

    @strawberry.field(description="The permission catalogue.")
    def permissions(self, info: Info) -> list[Permission]:
        english = info.context.language.startswith("en")
        return [Permission(code=PermissionCodeEnum(p.code), domain=DomainEnum(p.domain),
                           domain_label=manifest.domain(p.domain).en if english else manifest.domain(p.domain).zh,
                           name=p.en if english else p.zh,
                           description=(p.description_en if english else p.description_zh))
                for p in manifest.permissions()]

    @strawberry.field(description="The viewer's own API tokens, newest first. Needs `auth.use_api_tokens`.")
    async def api_tokens(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None) -> Optional[Connection[ApiToken]]:
        async def run() -> Connection[ApiToken]:
            stmt = service.api_tokens_query(actor=info.context.actor)
            page = await paginate(info.context.session, stmt, order=[(models.ApiToken.id, True)],
                                  first=first, after=after)
            return connection(page, ApiToken.from_model)

        return await guarded(info, run)
