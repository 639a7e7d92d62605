"""The outbox worker: applies ``search_outbox`` to the engine in batches, in order, losing nothing.

One worker at a time drains the outbox, whatever the number of app processes: it holds a lease on
the ``search_worker`` row (a database lock that works the same on SQLite and PostgreSQL, renewed at
each batch and taken over when it expires). Rows are deleted only after the engine has applied
them, in the transaction that renews the lease; a crash in between applies them again, which is
harmless (documents are rebuilt from the database and replaced by key). While the engine fails,
the rows stay, the failure is recorded (``searchStatus`` shows it) and the worker backs off.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from yecai import manifest
from yecai.db import utcnow
from yecai.search import outbox
from yecai.search.engine import SearchEngine
from yecai.search.models import SearchOutbox, SearchWorker

log = logging.getLogger("yecai.search")

WORKER = "outbox"
BATCH = 500


@dataclass(frozen=True)
class Applied:
    rows: int  # outbox rows consumed
    upserted: int
    deleted: int


@dataclass
class Plan:
    """A batch of outbox rows read into what the engine must do, in order: documents to replace, keys to
    delete, kinds to clear. Made in a database session; applied to the engine without one."""

    ids: list[int] = field(default_factory=list)
    steps: list[tuple[str, str, list[Any]]] = field(default_factory=list)  # (op, kind, docs or keys)


async def plan_outbox(session: AsyncSession, *, limit: int = BATCH) -> Plan:
    """Read up to ``limit`` of the oldest outbox rows and build their documents from the database (reads only)."""
    rows = (await session.execute(select(SearchOutbox.id, SearchOutbox.kind, SearchOutbox.object_id, SearchOutbox.op)
                                  .order_by(SearchOutbox.id).limit(limit))).all()
    plan = Plan(ids=[r[0] for r in rows])
    segment: dict[str, set[int]] = {}

    async def flush_segment() -> None:
        for kind, ids in segment.items():
            spec = manifest.searchable(kind)
            if spec is None:  # a kind no domain declares any more
                continue
            docs = await spec.build(session, sorted(ids))
            gone = [f"{kind}:{i}" for i in sorted(ids - docs.keys())]
            if docs:
                plan.steps.append(("upsert", kind, list(docs.values())))
            if gone:
                plan.steps.append(("delete", kind, gone))
        segment.clear()

    referred: dict[tuple[str, str], list[int]] = {}

    async def resolve_referred() -> None:
        """The objects that show a changed referenced row (its name on orders ...), looked up now."""
        for (kind, op), ref_ids in referred.items():
            spec = manifest.searchable(kind)
            index = int(op.removeprefix("via"))
            if spec is None or index >= len(spec.refers):
                continue
            for start in range(0, len(ref_ids), 500):
                found = (await session.execute(spec.refers[index].ids(ref_ids[start:start + 500]))).scalars()
                segment.setdefault(kind, set()).update(found)
        referred.clear()

    for _id, kind, object_id, op in rows:
        if op == "clear":
            await resolve_referred()
            await flush_segment()
            plan.steps.append(("clear", kind, []))
        elif op.startswith("via"):
            referred.setdefault((kind, op), []).append(object_id)
        else:
            segment.setdefault(kind, set()).add(object_id)
    await resolve_referred()
    await flush_segment()
    return plan


async def run_plan(engine: SearchEngine, plan: Plan) -> Applied:
    """Apply a plan to the engine, in order. Raises what the engine raises."""
    upserted = deleted = 0
    for op, kind, items in plan.steps:
        if op == "clear":
            await engine.clear(kind)
        elif op == "upsert":
            await engine.upsert(items)
            upserted += len(items)
        else:
            await engine.delete(items)
            deleted += len(items)
    return Applied(len(plan.ids), upserted, deleted)


async def delete_applied(session: AsyncSession, plan: Plan) -> None:
    for start in range(0, len(plan.ids), 500):
        await session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(plan.ids[start:start + 500])))


async def apply_outbox(session: AsyncSession, engine: SearchEngine, *, limit: int = BATCH) -> Applied:
    """Apply up to ``limit`` of the oldest outbox rows to the engine, then delete them (in ``session``; not committed).

    Raises what the engine raises, leaving the rows where they are.
    """
    plan = await plan_outbox(session, limit=limit)
    if not plan.ids:
        return Applied(0, 0, 0)
    done = await run_plan(engine, plan)
    await delete_applied(session, plan)
    return done


async def backlog(session: AsyncSession) -> int:
    return (await session.execute(select(func.count()).select_from(SearchOutbox))).scalar_one()


async def take_lease(session: AsyncSession, holder: str, seconds: float) -> bool:
    """Hold (or renew) the worker's lease for ``seconds``; False when another live worker holds it. Commits."""
    now = utcnow()
    until = now + timedelta(seconds=seconds)
    result = await session.execute(
        update(SearchWorker).where(SearchWorker.name == WORKER,
                                   or_(SearchWorker.holder.is_(None), SearchWorker.holder == holder,
                                       SearchWorker.lease_until.is_(None), SearchWorker.lease_until < now))
        .values(holder=holder, lease_until=until))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        exists = (await session.execute(select(SearchWorker.name).where(SearchWorker.name == WORKER))).first()
        if exists:
            await session.commit()
            return False
        try:
            await session.execute(insert(SearchWorker).values(name=WORKER, holder=holder, lease_until=until))
        except IntegrityError:  # another worker made the row first
            await session.rollback()
            return False
    await session.commit()
    return True


async def release_lease(session: AsyncSession, holder: str) -> None:
    await session.execute(update(SearchWorker).where(SearchWorker.name == WORKER, SearchWorker.holder == holder)
                          .values(holder=None, lease_until=None))
    await session.commit()


async def _record(session: AsyncSession, *, applied: int = 0, error: str | None = None) -> None:
    now = utcnow()
    if error is None:
        values = {"applied": SearchWorker.applied + applied, "last_applied_at": now, "failures": 0}
    else:
        values = {"failures": SearchWorker.failures + 1, "last_error": error[:2000], "last_error_at": now}
    await session.execute(update(SearchWorker).where(SearchWorker.name == WORKER).values(**values))


class OutboxWorker:
    """Drains the outbox while it holds the lease; woken by commits that wrote to it, else polls."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], engine: SearchEngine, *,
                 poll_seconds: float = 1.0, lease_seconds: float = 30.0, max_backoff_seconds: float = 60.0,
                 batch: int = BATCH) -> None:
        self.sessions = sessions
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.lease_seconds = lease_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.batch = batch
        self.holder = f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def wake(self) -> None:
        """Thread-safe: the next batch starts now rather than at the next poll."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    async def drain(self) -> int:
        """Apply batches until the outbox is empty or the lease is lost; returns rows applied. Raises on engine failure.

        The engine works between two short transactions, not inside one: on SQLite the app has one pooled
        connection, and a batch held in a session would keep every request waiting until the engine is done.
        """
        total = 0
        while True:
            async with self.sessions() as session:
                if not await take_lease(session, self.holder, self.lease_seconds):
                    return total
                plan = await plan_outbox(session, limit=self.batch)
                await session.rollback()  # reads only: the connection goes back to the pool
                if not plan.ids:
                    return total
            try:
                await run_plan(self.engine, plan)
            except Exception as error:
                async with self.sessions() as session:
                    await _record(session, error=f"{type(error).__name__}: {error}")
                    await session.commit()
                raise
            async with self.sessions() as session:
                # Deleted in the transaction that renews the lease; a worker that lost it meanwhile leaves the
                # rows to the new holder, which applies them again (harmless: documents are replaced by key).
                if not await take_lease(session, self.holder, self.lease_seconds):
                    return total
                await delete_applied(session, plan)
                await _record(session, applied=len(plan.ids))
                await session.commit()
            total += len(plan.ids)
            if len(plan.ids) < self.batch:
                return total

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop`` is set: drain, then wait for a wake-up or the next poll; back off while the engine fails."""
        self._loop = asyncio.get_running_loop()
        unsubscribe = outbox.on_commit(self.wake)
        failures = 0
        try:
            while not stop.is_set():
                self._wake.clear()
                try:
                    await self.drain()
                    failures = 0
                    delay = self.poll_seconds
                except asyncio.CancelledError:
                    raise
                except Exception:
                    failures += 1
                    delay = min(self.max_backoff_seconds, self.poll_seconds * 2 ** min(failures, 10))
                    log.warning("search: applying the outbox failed (%s in a row); retrying in %.1f s", failures,
                                delay, exc_info=failures == 1)
                waiters = [asyncio.ensure_future(stop.wait())]
                if not failures:
                    waiters.append(asyncio.ensure_future(self._wake.wait()))
                _done, pending = await asyncio.wait(waiters, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
                for p in pending:
                    p.cancel()
        finally:
            unsubscribe()
            async with self.sessions() as session:
                await release_lease(session, self.holder)

