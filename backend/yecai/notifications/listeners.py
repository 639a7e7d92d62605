"""What notifications add to lower domains' events: telling the people concerned."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.manifest import Listener
from yecai.notifications import kinds, service
from yecai.operations.events import ExpenseClaimPaid
from yecai.searchable import web_id


async def _tell_the_claimant(session: AsyncSession, actor: Actor, event: ExpenseClaimPaid) -> None:
    claim = event.document
    if actor.is_user(claim.claimant_id):
        return  # one's own payment needs no notice
    amount = f"{claim.amount:,.2f}"
    await service.notify(
        session, recipients=[claim.claimant_id], kind=kinds.EXPENSE_CLAIM_PAID.code,
        title=f"报销 {claim.number} 已付款 ¥{amount}",
        body=f"您的费用报销 {claim.number}（{claim.description}）已于 {event.date:%Y-%m-%d} 付款，金额 ¥{amount}。\n"
             f"Your expense claim {claim.number} was paid on {event.date:%Y-%m-%d}: ¥{amount}.",
        url=f"/documents/{web_id('ExpenseClaim', claim.id)}", subject_id=web_id("ExpenseClaim", claim.id))


LISTENERS = (Listener(ExpenseClaimPaid, _tell_the_claimant),)
