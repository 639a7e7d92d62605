"""Listeners: each business event is posted by the rules in the emitter's transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.auth.actor import Actor
from yecai.events import subscribe
from yecai.operations import events as ev
from yecai.posting.service import post_document


@subscribe(ev.PurchaseReceived)
async def _purchase_received(session: AsyncSession, actor: Actor, event: ev.PurchaseReceived) -> None:
    await post_document(session, actor=actor, source_type="purchase_receipt", source_id=event.receipt_id)


@subscribe(ev.SalesDelivered)
async def _sales_delivered(session: AsyncSession, actor: Actor, event: ev.SalesDelivered) -> None:
    await post_document(session, actor=actor, source_type="sales_delivery", source_id=event.delivery_id)


@subscribe(ev.SalesReturned)
async def _sales_returned(session: AsyncSession, actor: Actor, event: ev.SalesReturned) -> None:
    await post_document(session, actor=actor, source_type="sales_return", source_id=event.return_id)


@subscribe(ev.CustomerReceiptRecorded)
async def _customer_receipt(session: AsyncSession, actor: Actor, event: ev.CustomerReceiptRecorded) -> None:
    await post_document(session, actor=actor, source_type="customer_receipt", source_id=event.receipt_id)


@subscribe(ev.SupplierPaymentRecorded)
async def _supplier_payment(session: AsyncSession, actor: Actor, event: ev.SupplierPaymentRecorded) -> None:
    await post_document(session, actor=actor, source_type="supplier_payment", source_id=event.payment_id)


@subscribe(ev.ExpenseClaimPaid)
async def _expense_claim_paid(session: AsyncSession, actor: Actor, event: ev.ExpenseClaimPaid) -> None:
    await post_document(session, actor=actor, source_type="expense_claim", source_id=event.claim_id)
