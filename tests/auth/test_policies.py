"""Truth tables of the identity and access rules: built-in role x object state."""

from __future__ import annotations

import pytest

from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.audit import permissions as audit_permissions
from yecai.auth import permissions as p
from yecai.auth import policies
from yecai.auth.models import ApiToken, Role, User

ROLE_PERMISSIONS = {r.code: r.permissions for r in p.BUILTIN_ROLES}


def actor(role: str, user_id: int = 1) -> Actor:
    return Actor(kind="user", user_id=user_id, username=role, roles=frozenset({role}),
                 permissions=ROLE_PERMISSIONS[role])


OTHER = User(id=2, username="other", display_name="other", active=True)
SELF = User(id=1, username="self", display_name="self", active=True)

# role -> (update other, deactivate other, deactivate self, reset other, reset self, assign other, assign self)
USER_TABLE = {
    "admin": (True, True, False, True, False, True, False),
    "finance": (False,) * 7,
    "business": (False,) * 7,
    "hr": (False,) * 7,
    "manager": (False,) * 7,
    "staff": (False,) * 7,
    "auditor": (False,) * 7,
}


@pytest.mark.parametrize("role", sorted(USER_TABLE))
def test_user_rules(role: str) -> None:
    a = actor(role)
    got = (
        policies.can_update_user(a, OTHER),
        policies.can_deactivate_user(a, OTHER),
        policies.can_deactivate_user(a, SELF),
        policies.can_reset_password(a, OTHER),
        policies.can_reset_password(a, SELF),
        policies.can_assign_roles(a, OTHER),
        policies.can_assign_roles(a, SELF),
    )
    assert got == USER_TABLE[role]


@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_every_builtin_role_reads_the_directory_and_uses_tokens(role: str) -> None:
    a = actor(role)
    assert policies.can_read_users(a)
    assert policies.can_use_api_tokens(a)


BUILTIN = Role(id=1, code="admin", name="x", description="", builtin=True)
CUSTOM = Role(id=9, code="custom", name="x", description="", builtin=False)


@pytest.mark.parametrize(
    ("role", "update_builtin", "delete_builtin", "update_custom", "delete_custom"),
    [
        ("admin", True, False, True, True),
        ("finance", False, False, False, False),
        ("hr", False, False, False, False),
        ("auditor", False, False, False, False),
        ("staff", False, False, False, False),
    ],
)
def test_role_rules(role: str, update_builtin: bool, delete_builtin: bool, update_custom: bool,
                    delete_custom: bool) -> None:
    a = actor(role)
    assert (policies.can_update_role(a, BUILTIN), policies.can_delete_role(a, BUILTIN),
            policies.can_update_role(a, CUSTOM), policies.can_delete_role(a, CUSTOM)) == (
        update_builtin, delete_builtin, update_custom, delete_custom)


@pytest.mark.parametrize(
    ("role", "own", "others"),
    [("admin", True, True), ("staff", True, False), ("auditor", True, False), ("finance", True, False)],
)
def test_token_revocation(role: str, own: bool, others: bool) -> None:
    a = actor(role, user_id=1)
    assert policies.can_revoke_api_token(a, ApiToken(id=1, user_id=1)) is own
    assert policies.can_revoke_api_token(a, ApiToken(id=2, user_id=2)) is others


def test_anonymous_may_do_nothing_and_system_everything() -> None:
    for rule in (policies.can_read_users, policies.can_create_user, policies.can_manage_roles,
                 policies.can_use_api_tokens, policies.can_change_own_password):
        assert rule(ANONYMOUS) is False
    system = system_actor()
    assert policies.can_create_user(system) and policies.can_manage_roles(system)
    # Tokens belong to people: the system has none.
    assert policies.can_use_api_tokens(system) is False


def test_builtin_roles_match_the_issue() -> None:
    assert set(ROLE_PERMISSIONS) == {"admin", "finance", "business", "hr", "manager", "staff", "auditor"}
    # The auditor reads everything it can see and changes nothing.
    assert {perm for perm in ROLE_PERMISSIONS["auditor"] if "manage" in perm} == set()
    assert audit_permissions.AUDIT_READ in ROLE_PERMISSIONS["auditor"]
    assert audit_permissions.AUDIT_READ in ROLE_PERMISSIONS["admin"]
    assert audit_permissions.AUDIT_READ not in ROLE_PERMISSIONS["staff"]
