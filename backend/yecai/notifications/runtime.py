"""The deliverers of one process: the broker connection for live updates and the mailer, started with the server.

``yecai serve`` (and ``yecai worker``) start one ``NotificationRuntime``: it connects to the broker
and registers itself with ``dispatch``, so each commit that wrote notifications has them published
to the broker (every worker's router then hands them to its subscribers) and their e-mails sent, in
tasks of their own on the event loop, after the commit and outside its transaction.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from yecai.auth.models import ApiToken, User, UserSession
from yecai.db import utcnow
from yecai.notifications import broker, dispatch, mail
from yecai.notifications.dispatch import Delivery
from yecai.settings import Settings

log = logging.getLogger("yecai.notifications")

_current: NotificationRuntime | None = None


def current() -> NotificationRuntime:
    """The running runtime of this process (the subscriptions listen through its hub)."""
    if _current is None or not _current.hub.connected:
        raise RuntimeError("notifications: no broker is connected in this process")
    return _current


class NotificationRuntime:
    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.settings = settings
        self.sessions = sessions
        self.hub = broker.Hub(settings.resolved_broker_url)
        self.router = broker.Router(self.hub, self.signed_in)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._remove_sink = lambda: None

    async def start(self) -> None:
        global _current
        await self.hub.connect()
        await self.router.start()
        self._loop = asyncio.get_running_loop()
        self._remove_sink = dispatch.add_sink(self._committed)
        _current = self

    async def stop(self) -> None:
        global _current
        self._remove_sink()
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=10)
        await self.router.stop()
        await self.hub.disconnect()
        if _current is self:
            _current = None

    async def signed_in(self, inboxes: Collection[broker.Inbox]) -> set[broker.Inbox]:
        """Those subscriptions whose viewer is still active and whose session or API token has not ended: a
        statement for each of users, sessions and tokens."""
        users = {box.user_id for box in inboxes}
        sessions = {box.session_id for box in inboxes if box.session_id is not None}
        tokens = {box.token_id for box in inboxes if box.token_id is not None}
        now = utcnow()
        async with self.sessions() as session:
            active = set((await session.execute(select(User.id).where(User.id.in_(users), User.active.is_(True))))
                         .scalars())
            alive = set() if not sessions else {
                (uid, sid) for sid, uid in await session.execute(
                    select(UserSession.id, UserSession.user_id).where(UserSession.id.in_(sessions),
                                                                      UserSession.expires_at > now))}
            valid = set() if not tokens else {
                (uid, tid) for tid, uid in await session.execute(
                    select(ApiToken.id, ApiToken.user_id).where(
                        ApiToken.id.in_(tokens), ApiToken.revoked_at.is_(None),
                        ApiToken.expires_at.is_(None) | (ApiToken.expires_at > now)))}
        return {box for box in inboxes if box.user_id in active
                and (box.session_id is None or (box.user_id, box.session_id) in alive)
                and (box.token_id is None or (box.user_id, box.token_id) in valid)}

    def _committed(self, deliveries: list[Delivery]) -> None:
        # From the committing code (any thread): the work starts on this runtime's loop.
        if self._loop is None or self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._spawn, deliveries)

    def _spawn(self, deliveries: list[Delivery]) -> None:
        task = asyncio.ensure_future(self.deliver(deliveries))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def deliver(self, deliveries: list[Delivery]) -> None:
        """Publish the portal notifications to every worker, then send the e-mails; failures are logged, not raised."""
        for message in broker.messages(deliveries):
            try:
                await self.hub.publish(message)
            except Exception:
                # The rows are committed: the centre shows them; only the live push is lost.
                log.exception("notifications: publishing to the broker failed")
        emails = [d.id for d in deliveries if d.email]
        if emails and self.settings.email_enabled:
            try:
                await mail.send(self.sessions, self.settings, emails)
            except Exception:
                log.exception("notifications: sending %d e-mails failed; the upkeep job retries them", len(emails))
