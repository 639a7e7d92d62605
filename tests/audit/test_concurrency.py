"""Concurrent transactions append to one unbroken chain (PostgreSQL locks the head row; SQLite serialises)."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from yecai.actor import system_actor
from yecai.audit import service as audit
from yecai.audit.models import AuditEvent


async def test_concurrent_writers_keep_the_chain(isolated_engine: AsyncEngine) -> None:
    actor = system_actor("concurrency-test")

    # Commits for real, in a database of its own: the chain must verify with these events in it.
    async def writer(n: int) -> list[int]:
        async with AsyncSession(isolated_engine) as session:
            seqs = [await audit.record(session, actor=actor, action="test.concurrent", subject_type="test",
                                       subject_id=f"{n}-{i}") for i in range(5)]
            await asyncio.sleep(0)
            await session.commit()
            return seqs

    results = await asyncio.gather(*(writer(n) for n in range(8)))
    seqs = sorted(s for r in results for s in r)
    assert len(seqs) == 40 and len(set(seqs)) == 40
    async with isolated_engine.connect() as conn:
        verdict = await audit.verify_chain(conn)
    assert verdict.ok, verdict
    async with AsyncSession(isolated_engine) as session:
        rows = (await session.execute(select(AuditEvent.subject_id).where(AuditEvent.action == "test.concurrent")))
        assert len(rows.all()) == 40
