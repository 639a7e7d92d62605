"""A scheduler tick of information sharing over 10,000 sharing rules whose time node has just come (target < 1 s).

Each rule is daily at 09:00 (Asia/Shanghai), deadline 60 minutes, responsible one of 20 users. The tick is the
job itself (``sharing.jobs.time_nodes``: the publications made, their due notifications, missed marking), one
transaction, committed. Its floor is the same rows by bare SQL in the same run, on a copy of the database: read
the due rules, insert their publications, move their next time node, commit. Printed beside each other with the
ratio. Usage: python bench/sharing_tick.py [--rules N]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from yecai.actor import system_actor
from yecai.auth.models import User
from yecai.db import make_engine, make_session_factory
from yecai.migrate import ensure_reference_data, upgrade
from yecai.settings import Settings
from yecai.sharing import jobs
from yecai.sharing.models import Publication, SharingAudience, SharingRule

NODE = datetime(2027, 3, 2, 1, 0, tzinfo=UTC)  # Tuesday 09:00 in Shanghai


async def build(url: str, count: int) -> None:
    engine = make_engine(url)
    await upgrade(engine)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        await ensure_reference_data(session)
        users = [User(username=f"bench.{i}", display_name=f"员工{i}", password_hash="x", active=True)
                 for i in range(20)]
        session.add_all(users)
        await session.flush()
        await session.execute(insert(SharingRule), [dict(
            title=f"日报 {i}", description="", responsible_id=users[i % 20].id, recurrence="FREQ=DAILY",
            starts_at=NODE - timedelta(days=30), working_days=False, deadline_minutes=60, email=False,
            requires_acknowledgement=True, requires_answer=False, active=True, next_node_at=NODE)
            for i in range(count)])
        ids = (await session.execute(select(SharingRule.id))).scalars().all()
        await session.execute(insert(SharingAudience), [dict(rule_id=r, kind="USER", user_id=users[(r + 1) % 20].id)
                                                        for r in ids])
        await session.commit()
    await engine.dispose()


async def tick(url: str) -> tuple[float, str]:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        await session.execute(select(1))
        started = time.perf_counter()
        result = await jobs.time_nodes(session, actor=system_actor("bench"), settings=Settings(), since=None,
                                       until=NODE + timedelta(seconds=30))
        await session.commit()
        elapsed = time.perf_counter() - started
    await engine.dispose()
    return elapsed, result


async def floor(url: str) -> float:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        await session.execute(select(1))
        started = time.perf_counter()
        rows = (await session.execute(select(SharingRule.id, SharingRule.responsible_id, SharingRule.deadline_minutes)
                                      .where(SharingRule.active.is_(True), SharingRule.next_node_at <= NODE))).all()
        await session.execute(insert(Publication), [dict(
            rule_id=r, time_node=NODE, deadline=NODE + timedelta(minutes=m), state="DUE", responsible_id=u,
            audience={}, text="") for r, u, m in rows])
        await session.execute(update(SharingRule).where(SharingRule.id.in_([r for r, _, _ in rows]))
                              .values(next_node_at=NODE + timedelta(days=1)))
        await session.commit()
        elapsed = time.perf_counter() - started
    await engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yecai-bench-sharing-") as tmp:
        base = Path(tmp) / "base.sqlite3"
        asyncio.run(build(f"sqlite+aiosqlite:///{base}", args.rules))
        ours_db, floor_db = Path(tmp) / "ours.sqlite3", Path(tmp) / "floor.sqlite3"
        shutil.copy(base, ours_db)
        shutil.copy(base, floor_db)
        ours, result = asyncio.run(tick(f"sqlite+aiosqlite:///{ours_db}"))
        bare = asyncio.run(floor(f"sqlite+aiosqlite:///{floor_db}"))
    print(f"sharing tick over {args.rules:,} rules due ({result}): {ours:.3f} s  (target < 1 s)")
    print(f"floor (the same rows by bare SQL):            {bare:.3f} s")
    print(f"ratio: {ours / bare:.1f}x")


if __name__ == "__main__":
    main()
