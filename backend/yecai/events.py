"""Business events, delivered in-process and in the emitter's transaction.

A domain publishes an event (e.g. ``SalesDelivered``) without knowing who listens; domains
above it subscribe. Handlers run inside the same database transaction, so an event and
everything its listeners write (vouchers, for instance) are committed together or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.auth.actor import Actor

E = TypeVar("E")
Handler = Callable[[AsyncSession, Actor, Any], Awaitable[None]]

_handlers: dict[type, list[Handler]] = defaultdict(list)


def subscribe(event_type: type[E]) -> Callable[[Handler], Handler]:
    """Register the decorated coroutine as a listener of ``event_type``."""

    def register(handler: Handler) -> Handler:
        if handler not in _handlers[event_type]:
            _handlers[event_type].append(handler)
        return handler

    return register


async def publish(session: AsyncSession, *, actor: Actor, event: object) -> None:
    """Deliver ``event`` to every listener, in order, in the caller's transaction."""
    for handler in list(_handlers[type(event)]):
        await handler(session, actor, event)
