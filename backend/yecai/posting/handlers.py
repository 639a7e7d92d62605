"""Listeners: each business event is posted by the rules in the emitter's transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.ledger.errors import RECORDING_ERRORS
from yecai.manifest import Listener
from yecai.operations import events as ev
from yecai.posting import errors
from yecai.posting.service import post_document


async def _purchase_received(session: AsyncSession, actor: Actor, event: ev.PurchaseReceived) -> None:
    await post_document(session, actor=actor, source_type="purchase_receipt", source_id=event.receipt_id)


async def _sales_delivered(session: AsyncSession, actor: Actor, event: ev.SalesDelivered) -> None:
    await post_document(session, actor=actor, source_type="sales_delivery", source_id=event.delivery_id)


async def _sales_returned(session: AsyncSession, actor: Actor, event: ev.SalesReturned) -> None:
    await post_document(session, actor=actor, source_type="sales_return", source_id=event.return_id)


async def _customer_receipt(session: AsyncSession, actor: Actor, event: ev.CustomerReceiptRecorded) -> None:
    await post_document(session, actor=actor, source_type="customer_receipt", source_id=event.receipt_id)


async def _supplier_payment(session: AsyncSession, actor: Actor, event: ev.SupplierPaymentRecorded) -> None:
    await post_document(session, actor=actor, source_type="supplier_payment", source_id=event.payment_id)


async def _expense_claim_paid(session: AsyncSession, actor: Actor, event: ev.ExpenseClaimPaid) -> None:
    await post_document(session, actor=actor, source_type="expense_claim", source_id=event.claim_id)


RAISES = (errors.POSTING_FAILED, *RECORDING_ERRORS)
LISTENERS = (
    Listener(ev.PurchaseReceived, _purchase_received, RAISES),
    Listener(ev.SalesDelivered, _sales_delivered, RAISES),
    Listener(ev.SalesReturned, _sales_returned, RAISES),
    Listener(ev.CustomerReceiptRecorded, _customer_receipt, RAISES),
    Listener(ev.SupplierPaymentRecorded, _supplier_payment, RAISES),
    Listener(ev.ExpenseClaimPaid, _expense_claim_paid, RAISES),
)
