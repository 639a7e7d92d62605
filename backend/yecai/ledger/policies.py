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


def can_review(actor: Actor, voucher: Voucher) -> bool:
    # Four eyes: whoever prepared a voucher does not review it.
    return (actor.has(p.LEDGER_REVIEW) and voucher.state == VoucherState.DRAFT
            and not actor.is_user(voucher.preparer_id))


def can_unreview(actor: Actor, voucher: Voucher) -> bool:
    return actor.has(p.LEDGER_REVIEW) and voucher.state == VoucherState.REVIEWED


def can_post(actor: Actor, voucher: Voucher) -> bool:
    return actor.has(p.LEDGER_POST) and voucher.state == VoucherState.REVIEWED


def can_reverse(actor: Actor, voucher: Voucher, *, already_reversed: bool = False) -> bool:
    # A voucher is reversed once; a reversal itself is not reversed again.
    return (actor.has(p.LEDGER_POST) and voucher.state == VoucherState.POSTED and not already_reversed
            and voucher.reversal_of_id is None)


def can_delete(actor: Actor, voucher: Voucher) -> bool:
    return actor.has(p.LEDGER_PREPARE) and voucher.state == VoucherState.DRAFT
