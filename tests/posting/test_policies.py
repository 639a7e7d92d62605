"""Who may read and manage posting rules, for every built-in role."""

from __future__ import annotations

import pytest

from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.posting import policies


def _actor(role: str) -> Actor:
    spec = next(r for r in BUILTIN_ROLES if r.code == role)
    return Actor(kind="user", user_id=1, permissions=spec.permissions, roles=frozenset({role}))


@pytest.mark.parametrize(("role", "read", "manage"), [
    ("admin", False, False), ("finance", True, True), ("business", False, False), ("hr", False, False),
    ("manager", False, False), ("staff", False, False), ("auditor", True, False),
])
def test_rules_by_role(role: str, read: bool, manage: bool) -> None:
    actor = _actor(role)
    assert (policies.can_read(actor), policies.can_manage_rules(actor)) == (read, manage)


def test_system_and_anonymous() -> None:
    assert policies.can_manage_rules(system_actor()) is True
    assert policies.can_read(ANONYMOUS) is False
