"""The work calendar's rules as a truth table: role x operation."""

from __future__ import annotations

import pytest

from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.manifest import default_grants
from yecai.workdays import policies


def user(role: str) -> Actor:
    return Actor(kind="user", user_id=1, username=role, roles=frozenset({role}), permissions=default_grants(role))


@pytest.mark.parametrize(("role", "manage"), [
    ("admin", True), ("finance", False), ("business", False), ("hr", False), ("manager", False), ("staff", False),
    ("auditor", False),
])
def test_roles(role: str, manage: bool) -> None:
    assert policies.can_read(user(role))
    assert policies.can_manage(user(role)) is manage


def test_the_anonymous_and_the_system() -> None:
    assert not policies.can_read(ANONYMOUS) and not policies.can_manage(ANONYMOUS)
    assert policies.can_read(system_actor()) and policies.can_manage(system_actor())
