"""The certificate rules as truth tables: who sees a certificate (holder, managers up the tree, HR), who issues
and revokes, and that a revoked certificate is not revoked again."""

from __future__ import annotations

from datetime import date

import pytest

from yecai import manifest
from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.certificates import policies
from yecai.certificates.models import Certificate, CertificateKind, CertificateState

HOLDER, OTHER = 7, 8
EAST, SALES, TOP, WAREHOUSE = 30, 20, 10, 40
CHAIN = frozenset({EAST, SALES, TOP})  # the holder's department and those above it


def actor(role: str, *, user_id: int = 99, department: int | None = None) -> Actor:
    return Actor(kind="user", user_id=user_id, username=role, permissions=manifest.default_grants(role),
                 roles=frozenset({role}), department_id=department)


def certificate(state: CertificateState = CertificateState.VALID) -> Certificate:
    return Certificate(id=1, code="X", kind=CertificateKind.HONOUR, holder_id=HOLDER, title="t", citation="",
                       issued_on=date(2026, 12, 1), issuer="人力资源部", state=state)


@pytest.mark.parametrize(("who", "sees"), [
    (actor("staff", user_id=HOLDER, department=EAST), True),  # the holder
    (actor("staff", user_id=OTHER, department=EAST), False),  # a colleague
    (actor("manager", department=EAST), True),  # the holder's own manager
    (actor("manager", department=SALES), True),  # a manager above
    (actor("manager", department=TOP), True),
    (actor("manager", department=WAREHOUSE), False),  # a manager elsewhere
    (actor("manager", department=None), False),
    (actor("hr", department=WAREHOUSE), True),  # HR: certificates.read_all
    (actor("admin"), True),
    (actor("finance", department=SALES), False),  # above, but not a manager
    (actor("auditor"), False),
    (ANONYMOUS, False),
    (system_actor(), True),
])
def test_who_sees_a_certificate(who: Actor, sees: bool) -> None:
    assert policies.can_see(who, certificate(), CHAIN) is sees


@pytest.mark.parametrize(("role", "issues"), [
    ("hr", True), ("admin", True), ("manager", False), ("staff", False), ("finance", False), ("business", False),
    ("auditor", False),
])
def test_who_issues_and_revokes(role: str, issues: bool) -> None:
    who = actor(role)
    assert policies.can_issue(who) is issues
    assert policies.can_revoke(who, certificate()) is issues
    assert policies.can_revoke(who, certificate(CertificateState.REVOKED)) is False


def test_the_anonymous_do_nothing() -> None:
    assert not policies.can_issue(ANONYMOUS) and not policies.can_revoke(ANONYMOUS, certificate())
