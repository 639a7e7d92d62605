"""Checkpoints written for real: by several writers at once, on a schedule, and across the upgrade
that keyed the chain (each test commits, in a database of its own)."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.audit.test_chain import old_sha256
from yecai.actor import system_actor
from yecai.audit import service as audit
from yecai.audit.chain import GENESIS_HASH
from yecai.audit.checkpointer import checkpoint_if_due, consistent_connection, run_checkpointer, write_checkpoint
from yecai.audit.checkpoints import read_checkpoints
from yecai.audit.keys import current_keyring
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.db import make_engine
from yecai.migrate import alembic_config

ACTOR = system_actor("checkpointer-test")


async def commit_events(engine: AsyncEngine, n: int) -> list[int]:
    async with AsyncSession(engine) as session:
        seqs = [await audit.record(session, actor=ACTOR, action="x.do", subject_type="x", subject_id=i)
                for i in range(n)]
        await session.commit()
    return seqs


async def verified(engine: AsyncEngine, path: Path) -> audit.VerifyResult:
    async with consistent_connection(engine) as conn:
        return await audit.verify_chain(conn, keyring=current_keyring(), checkpoint_file=path)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


async def test_writers_in_several_threads_append_one_checkpoint_each_time(isolated_engine: AsyncEngine,
                                                                          tmp_path: Path) -> None:
    """Each writer has its own engine and its own open file; the file's lock keeps them in line."""
    path = tmp_path / "audit_checkpoints.jsonl"
    url = isolated_engine.url.render_as_string(hide_password=False)
    keyring = current_keyring()

    def writer(barrier: threading.Barrier, written: list[int]) -> None:
        async def main() -> None:
            engine = make_engine(url)
            try:
                barrier.wait()
                async with consistent_connection(engine) as conn:
                    outcome = await write_checkpoint(conn, keyring=keyring, path=path)
                if outcome.written is not None:
                    written.append(outcome.written.n)
            finally:
                await engine.dispose()

        asyncio.run(main())

    for _ in range(4):
        await commit_events(isolated_engine, 3)
        barrier, written = threading.Barrier(4), []
        threads = [threading.Thread(target=writer, args=(barrier, written)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            await asyncio.to_thread(t.join, 60)
        assert len(written) == 1, written  # the others found the head already signed
    found, problem = read_checkpoints(path, keyring)
    assert problem is None and [c.n for c in found] == [1, 2, 3, 4]
    result = await verified(isolated_engine, path)
    assert result.ok and result.checkpoints == 4, result


async def test_checkpoints_are_due_every_n_events_or_m_minutes(isolated_engine: AsyncEngine, tmp_path: Path) -> None:
    path = tmp_path / "audit_checkpoints.jsonl"
    keyring = current_keyring()
    now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

    async def due(minutes_later: float) -> bool:
        outcome = await checkpoint_if_due(isolated_engine, keyring=keyring, path=path, every_events=10,
                                          every_minutes=5, clock=lambda: now + timedelta(minutes=minutes_later))
        return outcome is not None and outcome.written is not None

    assert await due(0)  # none yet: the first is written at once
    assert not await due(60)  # nothing new
    await commit_events(isolated_engine, 3)
    assert not await due(1)  # 3 < 10 events and 1 < 5 minutes
    assert await due(6)  # 5 minutes passed
    await commit_events(isolated_engine, 10)
    assert await due(6.5)  # 10 events
    assert len(lines(path)) == 3


async def test_the_checkpointer_loop_follows_the_chain(isolated_engine: AsyncEngine, tmp_path: Path) -> None:
    path = tmp_path / "audit_checkpoints.jsonl"
    stop = threading.Event()
    loop = asyncio.create_task(run_checkpointer(isolated_engine, keyring=current_keyring(), path=path,
                                                every_events=5, every_minutes=60, stop=stop, poll_seconds=0.02))
    try:
        for _ in range(4):
            [*_, last] = await commit_events(isolated_engine, 5)
            for _ in range(500):
                found, _problem = await asyncio.to_thread(read_checkpoints, path, current_keyring())
                if found and found[-1].seq == last:
                    break
                await asyncio.sleep(0.02)
    finally:
        stop.set()
        await loop
    result = await verified(isolated_engine, path)
    assert result.ok and result.checkpoints >= 4 and result.last_checkpoint is not None
    assert result.last_checkpoint.seq == result.end_seq, result


async def test_an_existing_chain_upgraded_in_place(isolated_engine: AsyncEngine, tmp_path: Path) -> None:
    """A database of the previous version, with its plain SHA-256 chain, migrated to keyed events."""
    config = alembic_config()

    def migrate(connection, target: str, up: bool) -> None:  # type: ignore[no-untyped-def]
        config.attributes["connection"] = connection
        (command.upgrade if up else command.downgrade)(config, target)

    events, head = AuditEvent.__table__, AuditChainHead.__table__
    async with isolated_engine.begin() as conn:
        await conn.run_sync(migrate, "0006", False)
        # The previous version's chain, as it wrote it: no key_id column yet.
        await conn.execute(text("DELETE FROM audit_event"))
        prev, t0 = GENESIS_HASH, datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
        for seq in range(1, 8):
            row = {"seq": seq, "occurred_at": t0 + timedelta(hours=seq), "actor_id": None, "actor_username": "旧版",
                   "action": "user.update", "subject_type": "user", "subject_id": "1", "before": {"n": seq - 1},
                   "after": {"n": seq}, "request_id": f"r{seq}", "client_address": None, "prev_hash": prev}
            row["hash"] = prev = old_sha256(prev, row)
            await conn.execute(events.insert().values(**row))
        await conn.execute(update(head).values(last_seq=7, last_hash=prev))
    async with isolated_engine.begin() as conn:
        await conn.run_sync(migrate, "head", True)
        keys = (await conn.execute(select(events.c.key_id))).scalars().all()
        assert keys == [None] * 7

    path = tmp_path / "audit_checkpoints.jsonl"
    async with consistent_connection(isolated_engine) as conn:  # what `yecai db upgrade` does next
        anchor = (await write_checkpoint(conn, keyring=current_keyring(), path=path)).written
    assert anchor is not None and (anchor.seq, anchor.legacy_until) == (7, 7)
    new = await commit_events(isolated_engine, 3)
    assert new == [8, 9, 10]
    result = await verified(isolated_engine, path)
    assert result.ok and result.unkeyed == 7 and result.by_key == {current_keyring().current.kid: 3}, result
    async with isolated_engine.connect() as conn:
        rows = (await conn.execute(select(events.c.seq, events.c.key_id).order_by(events.c.seq))).all()
    assert [k is None for _, k in rows] == [True] * 7 + [False] * 3
