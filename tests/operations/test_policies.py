"""Truth tables of business documents' rules: role x department x claim state."""

from __future__ import annotations

import pytest

from yecai.actor import Actor
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.operations import policies
from yecai.operations.models import DocumentState, ExpenseClaim

PERMISSIONS = {r.code: r.permissions for r in BUILTIN_ROLES}
OWN, OTHER = 10, 20


def actor(role: str, user_id: int = 1) -> Actor:
    return Actor(kind="user", user_id=user_id, username=role, permissions=PERMISSIONS[role], department_id=OWN)


@pytest.mark.parametrize(("role", "see_own", "see_other", "create_own", "create_other", "cash", "claim"), [
    ("business", True, False, True, False, False, True),
    ("finance", True, True, True, True, True, True),
    ("manager", True, False, False, False, False, True),
    ("auditor", True, True, False, False, False, False),
    ("staff", False, False, False, False, False, True),
    ("hr", False, False, False, False, False, True),
    ("admin", False, False, False, False, False, True),
])
def test_document_rules(role: str, see_own: bool, see_other: bool, create_own: bool, create_other: bool,
                        cash: bool, claim: bool) -> None:
    a = actor(role)
    assert (policies.can_see_department(a, OWN), policies.can_see_department(a, OTHER),
            policies.can_create_for(a, OWN), policies.can_create_for(a, OTHER), policies.can_record_cash(a),
            policies.can_claim(a)) == (see_own, see_other, create_own, create_other, cash, claim)


def claim(state: DocumentState, department: int = OWN, claimant: int = 2) -> ExpenseClaim:
    return ExpenseClaim(id=1, state=state, department_id=department, claimant_id=claimant)


@pytest.mark.parametrize(("role", "state", "department", "claimant", "approve", "pay"), [
    ("manager", DocumentState.SUBMITTED, OWN, 2, True, False),
    ("manager", DocumentState.SUBMITTED, OTHER, 2, False, False),
    ("manager", DocumentState.SUBMITTED, OWN, 1, False, False),  # their own claim
    ("manager", DocumentState.APPROVED, OWN, 2, False, False),
    ("finance", DocumentState.SUBMITTED, OWN, 2, False, False),
    ("finance", DocumentState.APPROVED, OTHER, 2, False, True),
    ("finance", DocumentState.DONE, OWN, 2, False, False),
    ("business", DocumentState.APPROVED, OWN, 2, False, False),
])
def test_claim_rules(role: str, state: DocumentState, department: int, claimant: int, approve: bool,
                     pay: bool) -> None:
    a = actor(role, user_id=1)
    c = claim(state, department, claimant)
    assert (policies.can_approve_claim(a, c), policies.can_pay_claim(a, c)) == (approve, pay)
