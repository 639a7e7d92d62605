"""The broker between workers: notifications committed in one process reach the subscribers of every process.

Through ``broadcaster``: in memory on the embedded default (one process), PostgreSQL's LISTEN/NOTIFY
when the database is PostgreSQL (``postgres://``), Redis when ``YECAI_BROKER_URL=redis://...``. Each
process keeps one connection to the broker and one subscription on it, its :class:`Router`: a message
names its recipients, and the router hands each recipient's notification to that user's open
subscriptions in this process (an in-process queue each), so a message wakes only the sockets it is
addressed to, is parsed once, and the sessions behind them are re-checked in one query per message
(``Router.check``): a socket whose session ended (signed out, deactivated, password changed elsewhere)
gets nothing more and is ended.

A message carries one notification's content and up to ``CHUNK`` (recipient, notification id)
pairs, well under PostgreSQL's 8000-byte NOTIFY payload.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
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


# ---------------------------------------------------------------- this process's subscriptions

QUEUE_MAX = 1000  # undelivered notifications one socket may hold before the oldest are dropped (a stalled client)
_END = object()


@dataclass(eq=False)
class Inbox:
    """One open subscription in this process: its viewer, the session it came with, and what is handed to it."""

    user_id: int
    session_id: str | None  # the sign-in it came with; None with an API token
    token_id: int | None = None  # the API token it came with, whose revocation or expiry ends it
    queue: asyncio.Queue[object] = field(default_factory=lambda: asyncio.Queue(QUEUE_MAX))
    ended: bool = False

    def put(self, item: object) -> None:
        while True:
            try:
                self.queue.put_nowait(item)
                return
            except asyncio.QueueFull:
                with contextlib.suppress(asyncio.QueueEmpty):
                    self.queue.get_nowait()
                log.warning("notifications: a subscriber of user %s is behind; its oldest live update was dropped",
                            self.user_id)

    def end(self) -> None:
        if not self.ended:
            self.ended = True
            self.put(_END)

    async def deliveries(self) -> AsyncIterator[Delivery]:
        """What is addressed to this subscription, until it is ended (its session is over)."""
        while True:
            item = await self.queue.get()
            if item is _END:
                return
            assert isinstance(item, Delivery)
            yield item


# ``check(inboxes)`` -> those whose viewer is still signed in (the session alive, the user active): one query.
Check = Callable[[Collection[Inbox]], Awaitable[set[Inbox]]]


class Router:
    """This process's one subscription to the broker, routing each message to the open subscriptions it addresses."""

    def __init__(self, hub: Hub, check: Check) -> None:
        self.hub = hub
        self.check = check
        self._by_user: dict[int, set[Inbox]] = {}
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    @property
    def subscribers(self) -> int:
        return sum(len(s) for s in self._by_user.values())

    async def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())
        await asyncio.wait_for(self._ready.wait(), 30)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        for inboxes in list(self._by_user.values()):
            for inbox in list(inboxes):
                inbox.end()

    @contextlib.contextmanager
    def inbox(self, user_id: int, session_id: str | None, token_id: int | None = None) -> Iterator[Inbox]:
        """An open subscription of ``user_id`` for as long as the block runs."""
        box = Inbox(user_id, session_id, token_id)
        self._by_user.setdefault(user_id, set()).add(box)
        try:
            yield box
        finally:
            boxes = self._by_user.get(user_id)
            if boxes is not None:
                boxes.discard(box)
                if not boxes:
                    del self._by_user[user_id]

    async def _run(self) -> None:
        while True:
            try:
                async with self.hub.subscribe() as messages:
                    self._ready.set()
                    async for message in messages:
                        await self.route(message)
            except asyncio.CancelledError:
                raise
            except Exception:
                # The broker connection broke: what was published meanwhile is only in the centre; listen again.
                log.exception("notifications: the broker subscription failed; subscribing again")
                await asyncio.sleep(1)

    async def route(self, message: str) -> int:
        """Hand one broker message to the subscriptions of this process it addresses; how many got it."""
        if not self._by_user:
            return 0
        try:
            data, to = _parsed(message)
        except (ValueError, KeyError, TypeError):
            log.warning("notifications: a broker message that is not ours was ignored")
            return 0
        addressed = [(box, to[user_id]) for user_id in to.keys() & self._by_user.keys()
                     for box in self._by_user.get(user_id, ()) if not box.ended]
        if not addressed:
            return 0
        try:
            alive = await self.check([box for box, _ in addressed])
        except Exception:
            # Who is still signed in is unknown: nothing is pushed (the centre has it), nothing is ended.
            log.exception("notifications: the sessions of %d subscribers could not be checked", len(addressed))
            return 0
        created_at = datetime.fromisoformat(data["created_at"])
        made: dict[int, Delivery] = {}
        handed = 0
        for box, notification_id in addressed:
            if box not in alive:
                box.end()
                continue
            delivery = made.get(box.user_id)
            if delivery is None:
                delivery = made[box.user_id] = Delivery(
                    id=notification_id, recipient_id=box.user_id, kind=data["kind"], title=data["title"],
                    body=data["body"], url=data["url"], subject_id=data["subject_id"], created_at=created_at,
                    in_portal=True, email=False)
            box.put(delivery)
            handed += 1
        return handed
