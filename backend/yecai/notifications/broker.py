"""The broker between workers: notifications committed in one process reach the subscribers of every process.

Through ``broadcaster``: in memory on the embedded default (one process), PostgreSQL's LISTEN/NOTIFY
when the database is PostgreSQL (``postgres://``), Redis when ``YECAI_BROKER_URL=redis://...``. Each
process keeps one connection to the broker and fans each message out to its own subscribers; a
message names its recipients, and each subscription takes only those addressed to its viewer.

A message carries one notification's content and up to ``CHUNK`` (recipient, notification id)
pairs, well under PostgreSQL's 8000-byte NOTIFY payload.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from broadcaster import Broadcast

from yecai.notifications.dispatch import Delivery

log = logging.getLogger("yecai.notifications")

CHANNEL = "yecai_notifications"
CHUNK = 200
BODY_IN_MESSAGE = 500  # characters of the body a live message carries (the centre shows it all)


def messages(deliveries: Sequence[Delivery]) -> list[str]:
    """The broker messages of some deliveries: those of one content grouped, chunked by recipients."""
    groups: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for d in deliveries:
        if not d.in_portal:
            continue
        key = (d.kind, d.title, d.body[:BODY_IN_MESSAGE], d.url, d.subject_id, d.created_at.isoformat())
        groups.setdefault(key, []).append((d.recipient_id, d.id))
    out = []
    for (kind, title, body, url, subject_id, created_at), to in groups.items():
        for start in range(0, len(to), CHUNK):
            out.append(json.dumps({"kind": kind, "title": title, "body": body, "url": url, "subject_id": subject_id,
                                   "created_at": created_at, "to": to[start:start + CHUNK]},
                                  ensure_ascii=False, separators=(",", ":")))
    return out


@functools.lru_cache(maxsize=256)
def _parsed(message: str) -> tuple[dict[str, Any], dict[int, int]]:
    # Every subscription of the process reads the same message: it is parsed once.
    data = json.loads(message)
    return data, {int(recipient): int(notification_id) for recipient, notification_id in data["to"]}


def addressed_to(message: str, user_id: int) -> Delivery | None:
    """The notification of ``user_id`` in a broker message, or None when it is not addressed to them."""
    try:
        data, to = _parsed(message)
    except (ValueError, KeyError, TypeError):
        log.warning("notifications: a broker message that is not ours was ignored")
        return None
    notification_id = to.get(user_id)
    if notification_id is None:
        return None
    return Delivery(id=notification_id, recipient_id=user_id, kind=data["kind"], title=data["title"],
                    body=data["body"], url=data["url"], subject_id=data["subject_id"],
                    created_at=datetime.fromisoformat(data["created_at"]), in_portal=True, email=False)


def _broadcast(url: str) -> Broadcast:
    if url.split("://", 1)[0] in ("redis", "rediss"):
        from broadcaster._backends.redis import RedisBackend

        class _RedisBackend(RedisBackend):
            """broadcaster 0.3.1's Redis backend wakes its listener before SUBSCRIBE is done: redis-py's
            ``listen()`` then sees no channel, returns, and the listener sleeps for good (the loop added for
            encode/broadcaster#133 waits for a wake-up that already happened). Subscribe first, then wake it."""

            async def subscribe(self, channel: str) -> None:
                await self._pubsub.subscribe(channel)
                self._ready.set()

        return Broadcast(backend=_RedisBackend(url))
    return Broadcast(url)


class Hub:
    """This process's connection to the broker."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.broadcast = _broadcast(url)
        # One connection publishes and listens (broadcaster's PostgreSQL backend): one statement at a time.
        self._publishing = asyncio.Lock()
        self.connected = False

    @property
    def backend(self) -> str:
        return self.url.split("://", 1)[0]

    async def connect(self) -> None:
        await self.broadcast.connect()
        self.connected = True

    async def disconnect(self) -> None:
        if self.connected:
            self.connected = False
            with contextlib.suppress(Exception):
                await self.broadcast.disconnect()

    async def publish(self, message: str) -> None:
        async with self._publishing:
            await self.broadcast.publish(CHANNEL, message)

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[AsyncIterator[str]]:
        """The messages published from now on, by any worker, until the block ends."""
        async with self.broadcast.subscribe(CHANNEL) as subscriber:
            async def messages() -> AsyncIterator[str]:
                async for event in subscriber:  # type: ignore[union-attr]
                    if event is not None:
                        yield event.message

            yield messages()
