"""The checkpointer: signs the chain's head into the checkpoint file every N events or M minutes.

A checkpoint is only written after the events since the previous one verified (so a tampered
database is never signed), never inside a request: requests only pay for their event's HMAC.
It runs in ``yecai serve`` (a thread, ``YECAI_AUDIT_CHECKPOINTER=serve``), in ``yecai audit
checkpoint --watch``, or once per ``yecai audit checkpoint`` (cron, a systemd timer); every
writer appends under the file's lock, so any number of them on one host are safe.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from yecai.audit import checkpoints
from yecai.audit.checkpoints import Checkpoint, CheckpointFileError
from yecai.audit.keys import Keyring, load_keyring
from yecai.audit.models import AuditChainHead
from yecai.audit.service import VerifyResult, verify_since
from yecai.db import make_engine, utcnow
from yecai.settings import Settings

log = logging.getLogger("yecai.audit")

_head = AuditChainHead.__table__


class CheckpointRefused(Exception):
    """The events since the last checkpoint do not verify: nothing was signed."""

    def __init__(self, result: VerifyResult) -> None:
        super().__init__(f"audit chain broken at event {result.first_bad_seq}: {result.reason}")
        self.result = result


@dataclass(frozen=True)
class CheckpointOutcome:
    written: Checkpoint | None  # None: the head had not moved since the last checkpoint
    last: Checkpoint | None  # the file's last checkpoint now
    verified: VerifyResult  # the events checked before signing


@asynccontextmanager
async def consistent_connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection that sees one snapshot (the head and the events agree while others append)."""
    async with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execution_options(isolation_level="REPEATABLE READ")
        # SQLite (WAL): the read transaction SQLAlchemy begins at the first statement is a snapshot.
        yield conn


async def write_checkpoint(conn: AsyncConnection, *, keyring: Keyring, path: Path,
                           clock: Callable[[], datetime] = utcnow) -> CheckpointOutcome:
    """Verify the events since the file's last checkpoint, then append a signed checkpoint of the head.

    ``conn`` must not have started its snapshot before the call (a fresh connection): the file's
    lock is taken first, so the head it sees includes what any other writer just signed.
    Raises CheckpointRefused when the events do not verify, CheckpointFileError when the file's
    last line does not hold.
    """
    async with checkpoints.locked(path) as fd:
        last = checkpoints.last_checkpoint_in(fd, keyring)
        result = await verify_since(conn, keyring=keyring, since=last)
        if not result.ok:
            raise CheckpointRefused(result)
        if last is not None and result.end_seq == last.seq:
            return CheckpointOutcome(None, last, result)
        assert result.legacy_until is not None
        written = checkpoints.append(fd, keyring.current, last=last, seq=result.end_seq, hash=result.end_hash,
                                     legacy_until=result.legacy_until, at=clock())
        return CheckpointOutcome(written, written, result)


async def checkpoint_if_due(engine: AsyncEngine, *, keyring: Keyring, path: Path, every_events: int,
                            every_minutes: float, clock: Callable[[], datetime] = utcnow) -> CheckpointOutcome | None:
    """Write a checkpoint when none exists yet, or the head is ``every_events`` past the last one, or
    it moved and the last one is ``every_minutes`` old; None when none is due."""
    last = await asyncio.to_thread(checkpoints.last_checkpoint, path, keyring)  # may wait for a writer's lock
    if last is not None:
        async with engine.connect() as conn:
            head_seq = (await conn.execute(select(_head.c.last_seq).where(_head.c.id == 1))).scalar() or 0
        behind = head_seq - last.seq
        if behind <= 0:
            return None
        if behind < every_events and clock() - last.taken_at < timedelta(minutes=every_minutes):
            return None
    async with consistent_connection(engine) as conn:
        return await write_checkpoint(conn, keyring=keyring, path=path, clock=clock)


async def run_checkpointer(engine: AsyncEngine, *, keyring: Keyring, path: Path, every_events: int,
                           every_minutes: float, stop: threading.Event, poll_seconds: float = 5.0) -> None:
    """Check every ``poll_seconds`` whether a checkpoint is due and write it, until ``stop`` is set.

    A chain that does not verify is logged (once per distinct problem) and never signed.
    """
    reported: str | None = None
    while not stop.is_set():
        try:
            outcome = await checkpoint_if_due(engine, keyring=keyring, path=path, every_events=every_events,
                                              every_minutes=every_minutes)
            if outcome is not None and outcome.written is not None:
                log.info("audit checkpoint %d: event %d", outcome.written.n, outcome.written.seq)
            reported = None
        except (CheckpointRefused, CheckpointFileError) as error:
            message = f"audit checkpoint not written: {error}"
            if message != reported:
                log.error(message)
                reported = message
        except Exception as error:  # the database away, the disk full: try again at the next poll
            message = f"audit checkpointer failed: {error!r}"
            if message != reported:
                log.exception(message)
                reported = message
        await asyncio.to_thread(stop.wait, poll_seconds)


def start_in_thread(settings: Settings, *, keyring: Keyring | None = None,
                    poll_seconds: float = 5.0) -> Callable[[], None]:
    """Run the checkpointer in a daemon thread with its own engine; returns the function that stops it."""
    stop = threading.Event()
    ring = keyring or load_keyring(settings)

    async def main() -> None:
        engine = make_engine(settings.resolved_database_url)
        try:
            await run_checkpointer(engine, keyring=ring, path=settings.resolved_audit_checkpoint_file,
                                   every_events=settings.audit_checkpoint_events,
                                   every_minutes=settings.audit_checkpoint_minutes, stop=stop,
                                   poll_seconds=poll_seconds)
        finally:
            await engine.dispose()

    thread = threading.Thread(target=asyncio.run, args=(main(),), name="yecai-audit-checkpointer", daemon=True)
    thread.start()

    def stop_it() -> None:
        stop.set()
        thread.join(timeout=30)

    return stop_it
