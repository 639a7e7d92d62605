"""Business events, delivered in-process and in the emitter's transaction.

A domain publishes an event (e.g. ``SalesDelivered``) without knowing who listens; domains
above it declare their listeners in their manifest (``Domain(listeners=...)``). Handlers run
inside the same database transaction, so an event and everything its listeners write
(vouchers, for instance) are committed together or not at all. A listener of a base class
hears every event derived from it.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor


async def publish(session: AsyncSession, *, actor: Actor, event: object) -> None:
    """Deliver ``event`` to every listener, lower domains first, in the caller's transaction."""
    for listener in manifest.listeners_of(type(event)):
        await listener.handler(session, actor, event)
