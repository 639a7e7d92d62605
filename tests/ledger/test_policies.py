"""Truth tables of the books' rules: built-in role x voucher state (and who prepared it)."""

from __future__ import annotations

import pytest

from yecai.actor import Actor
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.ledger import policies
from yecai.ledger.models import Voucher, VoucherState

PERMISSIONS = {r.code: r.permissions for r in BUILTIN_ROLES}


def actor(role: str, user_id: int = 1) -> Actor:
    return Actor(kind="user", user_id=user_id, username=role, permissions=PERMISSIONS[role])


def voucher(state: VoucherState, preparer: int = 2, reversal_of: int | None = None) -> Voucher:
    return Voucher(id=9, state=state, preparer_id=preparer, reversal_of_id=reversal_of)


D, R, P = VoucherState.DRAFT, VoucherState.REVIEWED, VoucherState.POSTED


@pytest.mark.parametrize(("role", "read", "review_other_draft", "review_own_draft", "post_reviewed", "reverse_posted"), [
    ("finance", True, True, False, True, True),
    ("auditor", True, False, False, False, False),
    ("manager", True, False, False, False, False),
    ("business", False, False, False, False, False),
    ("staff", False, False, False, False, False),
    ("hr", False, False, False, False, False),
    ("admin", False, False, False, False, False),
])
def test_voucher_rules(role: str, read: bool, review_other_draft: bool, review_own_draft: bool,
                       post_reviewed: bool, reverse_posted: bool) -> None:
    a = actor(role, user_id=1)
    assert (policies.can_read(a), policies.can_review(a, voucher(D, preparer=2)),
            policies.can_review(a, voucher(D, preparer=1)), policies.can_post(a, voucher(R)),
            policies.can_reverse(a, voucher(P))) == (read, review_other_draft, review_own_draft, post_reviewed,
                                                     reverse_posted)


@pytest.mark.parametrize("state", [D, R, P])
def test_what_each_state_allows_finance(state: VoucherState) -> None:
    a = actor("finance")
    v = voucher(state)
    assert policies.can_review(a, v) is (state == D)
    assert policies.can_unreview(a, v) is (state == R)
    assert policies.can_post(a, v) is (state == R)
    assert policies.can_reverse(a, v) is (state == P)
    assert policies.can_delete(a, v) is (state == D)


def test_reversed_vouchers_and_reversals_are_not_reversed() -> None:
    a = actor("finance")
    assert policies.can_reverse(a, voucher(P), already_reversed=True) is False
    assert policies.can_reverse(a, voucher(P, reversal_of=3)) is False


def test_what_the_system_prepared_the_system_does_not_review() -> None:
    """Four eyes hold for vouchers a rule wrote (no preparer): the system does not review its own, a person may."""
    from yecai.actor import system_actor

    generated = voucher(VoucherState.DRAFT, preparer=None)  # type: ignore[arg-type]
    assert policies.prepared(system_actor(), generated) and not policies.can_review(system_actor(), generated)
    assert policies.can_review(actor("finance"), generated)
