"""The permission catalogue. Each domain registers its own permissions here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Permission:
    code: str
    domain: str
    zh: str
    en: str
    description_zh: str = ""


_CATALOGUE: dict[str, Permission] = {}


def register(*permissions: Permission) -> None:
    for permission in permissions:
        _CATALOGUE[permission.code] = permission


def catalogue() -> list[Permission]:
    return sorted(_CATALOGUE.values(), key=lambda p: p.code)


def exists(code: str) -> bool:
    return code in _CATALOGUE


ORG_READ = "org.read"
ORG_MANAGE_USERS = "org.manage_users"
ORG_MANAGE_DEPARTMENTS = "org.manage_departments"
AUTH_MANAGE_ROLES = "auth.manage_roles"
AUTH_USE_API_TOKENS = "auth.use_api_tokens"
AUDIT_READ = "audit.read"

register(
    Permission(ORG_READ, "org", "查看组织", "View organisation", "查看人员通讯录和部门"),
    Permission(ORG_MANAGE_USERS, "org", "管理用户", "Manage users", "创建、编辑、停用用户，重置密码"),
    Permission(ORG_MANAGE_DEPARTMENTS, "org", "管理部门", "Manage departments", "维护部门树"),
    Permission(AUTH_MANAGE_ROLES, "auth", "管理角色", "Manage roles", "创建、编辑角色并为用户分配角色"),
    Permission(AUTH_USE_API_TOKENS, "auth", "使用 API 令牌", "Use API tokens", "签发和吊销自己的个人 API 令牌"),
    Permission(AUDIT_READ, "audit", "查看审计日志", "Read audit trail", "浏览审计日志"),
)


@dataclass(frozen=True)
class BuiltinRole:
    code: str
    zh: str
    en: str
    base: frozenset[str]

    @property
    def permissions(self) -> frozenset[str]:
        """The role's default permissions: its own plus those other domains grant it."""
        return self.base | frozenset(_DEFAULT_GRANTS.get(self.code, ()))


_DEFAULT_GRANTS: dict[str, set[str]] = {}


def grant_by_default(role_code: str, *codes: str) -> None:
    """Give built-in role ``role_code`` these permissions on every install (a domain calls this
    next to ``register``). Existing installs get them once; an administrator may take them away."""
    _DEFAULT_GRANTS.setdefault(role_code, set()).update(codes)


_EVERYONE = frozenset({ORG_READ, AUTH_USE_API_TOKENS})

# Every install has these roles; their permission sets stay editable in the database.
BUILTIN_ROLES: tuple[BuiltinRole, ...] = (
    BuiltinRole("admin", "系统管理员", "Administrator",
                _EVERYONE | {ORG_MANAGE_USERS, ORG_MANAGE_DEPARTMENTS, AUTH_MANAGE_ROLES, AUDIT_READ}),
    BuiltinRole("finance", "财务", "Finance", _EVERYONE),
    BuiltinRole("business", "业务", "Business", _EVERYONE),
    BuiltinRole("hr", "人力资源", "Human resources", _EVERYONE),
    BuiltinRole("manager", "部门负责人", "Department manager", _EVERYONE),
    BuiltinRole("staff", "员工", "Staff", _EVERYONE),
    BuiltinRole("auditor", "审计", "Auditor", _EVERYONE | {AUDIT_READ}),
)
