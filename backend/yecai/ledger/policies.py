"""Who may do what in the books: pure rules over (actor, object)."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.ledger import permissions as p
from yecai.ledger.models import Voucher, VoucherState


def can_read(actor: Actor) -> bool:
    return actor.has(p.LEDGER_READ)


def can_manage_accounts(actor: Actor) -> bool:
    return actor.has(p.LEDGER_MANAGE_ACCOUNTS)


def can_manage_periods(actor: Actor) -> bool:
    return actor.has(p.LEDGER_MANAGE_PERIODS)


def can_prepare(actor: Actor) -> bool:
    return actor.has(p.LEDGER_PREPARE)


def reviews_vouchers(actor: Actor) -> bool:
    return actor.has(p.LEDGER_REVIEW)


def posts_vouchers(actor: Actor) -> bool:
    return actor.has(p.LEDGER_POST)


def prepared(actor: Actor, voucher: Voucher) -> bool:
    """Whether ``actor`` prepared ``voucher``: the same user, or the system for what the system prepared."""
    return actor.is_user(voucher.preparer_id) or (voucher.preparer_id is None and actor.user_id is None)


def can_review(actor: Actor, voucher: Voucher) -> bool:
    # Four eyes: whoever prepared a voucher does not review it.
    return reviews_vouchers(actor) and voucher.state == VoucherState.DRAFT and not prepared(actor, voucher)


def can_unreview(actor: Actor, voucher: Voucher) -> bool:
    return reviews_vouchers(actor) and voucher.state == VoucherState.REVIEWED


def can_post(actor: Actor, voucher: Voucher) -> bool:
    return posts_vouchers(actor) and voucher.state == VoucherState.REVIEWED


def is_reversible(voucher: Voucher, *, already_reversed: bool) -> bool:
    # A voucher is reversed once; a reversal itself is not reversed again.
    return voucher.state == VoucherState.POSTED and not already_reversed and voucher.reversal_of_id is None


def can_reverse(actor: Actor, voucher: Voucher, *, already_reversed: bool = False) -> bool:
    return posts_vouchers(actor) and is_reversible(voucher, already_reversed=already_reversed)


def can_delete(actor: Actor, voucher: Voucher) -> bool:
    return can_prepare(actor) and voucher.state == VoucherState.DRAFT
