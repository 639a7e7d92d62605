"""Listeners: each business event is posted by the rules in the emitter's transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.ledger.errors import RECORDING_ERRORS
from yecai.manifest import Listener
from yecai.operations.events import BusinessEvent
from yecai.posting import errors
from yecai.posting.service import post_event
from yecai.posting.sources import posting_event


async def _post(session: AsyncSession, actor: Actor, event: BusinessEvent) -> None:
    await post_event(session, actor=actor, event=posting_event(event))


LISTENERS = (
    # Every business event, of every document type: the rules of its type write its vouchers.
    Listener(BusinessEvent, _post, (errors.POSTING_FAILED, *RECORDING_ERRORS)),
)
