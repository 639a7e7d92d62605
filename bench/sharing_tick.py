"""A scheduler tick of information sharing over 10,000 sharing rules whose time node has just come (target < 1 s).

Each rule is daily at 09:00 (Asia/Shanghai), deadline 60 minutes, responsible one of 20 users. The tick is the
job itself (``sharing.jobs.time_nodes``: the publications made, their search-outbox rows, one due notice per
responsible person, missed marking), one transaction, committed. Its floor is the same writes by plain ``sqlite3``
in the same run, on a copy of the database. Rounds are interleaved and the best of each is compared (the machine
is shared). Usage: python bench/sharing_tick.py [--rules N] [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from yecai.actor import system_actor
from yecai.auth.models import User
from yecai.db import make_engine, make_session_factory
from yecai.migrate import ensure_reference_data, upgrade
from yecai.settings import Settings
from yecai.sharing import jobs
from yecai.sharing.models import SharingAudience, SharingRule

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


def _stamp(moment: datetime) -> str:
    """A UTC moment as SQLAlchemy stores it in SQLite."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def floor(path: Path) -> float:
    """The same writes by plain ``sqlite3`` in one transaction: read the due rules, insert their publications and
    their search-outbox rows, one due-notice per responsible person, move the rules' next node, commit."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    started = time.perf_counter()
    db.execute("BEGIN")
    node, now = _stamp(NODE), _stamp(datetime.now(UTC))
    rows = db.execute("SELECT id, title, department_id, responsible_id, deputy_id, deadline_minutes, snapshot_kind "
                      "FROM sharing_rule WHERE active = 1 AND next_node_at <= ? ORDER BY id", (node,)).fetchall()
    last = db.execute("SELECT coalesce(max(id), 0) FROM publication").fetchone()[0]
    db.executemany(
        "INSERT INTO publication (rule_id, time_node, deadline, state, department_id, responsible_id, deputy_id, "
        "audience, text, snapshot_kind, created_at) VALUES (?, ?, ?, 'DUE', ?, ?, ?, '{}', '', ?, ?)",
        [(r, node, _stamp(NODE + timedelta(minutes=m)), d, u, dep, k, now) for r, _, d, u, dep, m, k in rows])
    ids = [i for (i,) in db.execute("SELECT id FROM publication WHERE id > ? ORDER BY id", (last,))]
    db.executemany("INSERT INTO search_outbox (kind, object_id, op, created_at) VALUES ('publication', ?, 'index', ?)",
                   [(i, now) for i in ids])
    people = sorted({u for _, _, _, u, _, _, _ in rows})
    db.executemany("INSERT INTO notification (recipient_id, kind, title, body, url, subject_id, in_portal, created_at, "
                   "email_state, email_attempts) VALUES (?, 'publication_due', ?, ?, ?, NULL, 1, ?, 'none', 0)",
                   [(u, "待发布", "……", "/sharing/publications?tab=toPublish", now) for u in people])
    rule_ids = [r for r, *_ in rows]
    for start in range(0, len(rule_ids), 1000):
        part = rule_ids[start:start + 1000]
        db.execute(f"UPDATE sharing_rule SET next_node_at = ? WHERE id IN ({','.join('?' * len(part))})",
                   (_stamp(NODE + timedelta(days=1)), *part))
    db.execute("COMMIT")
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory(prefix="yecai-bench-sharing-") as tmp:
        base = Path(tmp) / "base.sqlite3"
        asyncio.run(build(f"sqlite+aiosqlite:///{base}", args.rules))
        for i in range(args.rounds):  # interleaved, best of each: the machine is shared
            ours_db, floor_db = Path(tmp) / f"ours{i}.sqlite3", Path(tmp) / f"floor{i}.sqlite3"
            shutil.copy(base, ours_db)
            shutil.copy(base, floor_db)
            elapsed, result = asyncio.run(tick(f"sqlite+aiosqlite:///{ours_db}"))
            ours.append(elapsed)
            bare.append(floor(floor_db))
    print(f"sharing tick over {args.rules:,} rules due ({result}): best {min(ours):.3f} s of {args.rounds} "
          f"({', '.join(f'{x:.3f}' for x in ours)})  (target < 1 s)")
    print(f"floor (the same writes by plain sqlite3):       best {min(bare):.3f} s "
          f"({', '.join(f'{x:.3f}' for x in bare)})")
    print(f"ratio (best to best): {min(ours) / min(bare):.1f}x")


if __name__ == "__main__":
    main()
