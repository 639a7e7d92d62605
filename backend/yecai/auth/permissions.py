"""Permissions of identity and access, and the built-in roles every install has."""

from __future__ import annotations

from dataclasses import dataclass

from yecai import manifest
from yecai.manifest import Permission
from yecai.org.permissions import EVERYONE

AUTH_MANAGE_ROLES = "auth.manage_roles"
AUTH_USE_API_TOKENS = "auth.use_api_tokens"

PERMISSIONS = (
    Permission(AUTH_MANAGE_ROLES, "管理角色", "Manage roles", "创建、编辑角色并为用户分配角色",
               "Create and edit roles; assign roles to users", default_roles=("admin",)),
    Permission(AUTH_USE_API_TOKENS, "使用 API 令牌", "Use API tokens", "签发和吊销自己的个人 API 令牌",
               "Issue and revoke one's own personal API tokens", default_roles=EVERYONE),
)


@dataclass(frozen=True)
class BuiltinRole:
    code: str
    zh: str
    en: str

    @property
    def permissions(self) -> frozenset[str]:
        """The role's default permissions, as every domain's manifest grants them."""
        return manifest.default_grants(self.code)


# Every install has these roles; their permission sets stay editable in the database.
BUILTIN_ROLES: tuple[BuiltinRole, ...] = (
    BuiltinRole("admin", "系统管理员", "Administrator"),
    BuiltinRole("finance", "财务", "Finance"),
    BuiltinRole("business", "业务", "Business"),
    BuiltinRole("hr", "人力资源", "Human resources"),
    BuiltinRole("manager", "部门负责人", "Department manager"),
    BuiltinRole("staff", "员工", "Staff"),
    BuiltinRole("auditor", "审计", "Auditor"),
)
