"""Truth table of the department rules."""

from __future__ import annotations

import pytest

from yecai.actor import Actor
from yecai.auth import permissions as p
from yecai.org import policies
from yecai.org.models import Department, DepartmentKind

ROLE_PERMISSIONS = {r.code: r.permissions for r in p.BUILTIN_ROLES}
DEPT = Department(id=1, code="X", name="X", kind=DepartmentKind.BUSINESS, active=True)


@pytest.mark.parametrize(
    ("role", "read", "create", "update", "delete"),
    [
        ("admin", True, True, True, True),
        ("finance", True, False, False, False),
        ("business", True, False, False, False),
        ("hr", True, False, False, False),
        ("manager", True, False, False, False),
        ("staff", True, False, False, False),
        ("auditor", True, False, False, False),
    ],
)
def test_department_rules(role: str, read: bool, create: bool, update: bool, delete: bool) -> None:
    a = Actor(kind="user", user_id=1, username=role, permissions=ROLE_PERMISSIONS[role])
    assert (policies.can_read_departments(a), policies.can_create_department(a),
            policies.can_update_department(a, DEPT), policies.can_delete_department(a, DEPT)) == (
        read, create, update, delete)
