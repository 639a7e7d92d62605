"""Benchmark: how fast `yecai audit verify` walks the hash chain, and how much memory it holds.

Builds a chain of N events (default 1,000,000) in a fresh database, then verifies it
through the same code as the CLI and prints events/second, wall time and peak memory.

    .venv/bin/python bench/audit_verify.py [--events N] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, update

from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.audit.service import GENESIS_HASH, _digest, verify_chain
from yecai.db import make_engine
from yecai.migrate import upgrade


async def build_chain(url: str, events: int, batch: int = 20_000) -> float:
    engine = make_engine(url)
    await upgrade(engine)
    started = time.perf_counter()
    prev = GENESIS_HASH
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    async with engine.begin() as conn:
        last = (await conn.execute(AuditChainHead.__table__.select())).one()
        seq0, prev = last.last_seq, last.last_hash
        rows = []
        for i in range(1, events + 1):
            row = {
                "seq": seq0 + i, "occurred_at": t0 + timedelta(seconds=i), "actor_id": i % 50,
                "actor_username": f"user{i % 50}", "action": "voucher.post", "subject_type": "voucher",
                "subject_id": str(i), "before": {"state": "reviewed"}, "after": {"state": "posted", "amount": "1.00"},
                "request_id": f"req-{i}", "client_address": "127.0.0.1", "prev_hash": prev,
            }
            row["hash"] = prev = _digest(prev, row)
            rows.append(row)
            if len(rows) == batch:
                await conn.execute(insert(AuditEvent.__table__), rows)
                rows = []
        if rows:
            await conn.execute(insert(AuditEvent.__table__), rows)
        await conn.execute(update(AuditChainHead.__table__).values(last_seq=seq0 + events, last_hash=prev))
    await engine.dispose()
    return time.perf_counter() - started


async def verify(url: str) -> tuple[float, int, bool]:
    engine = make_engine(url)
    started = time.perf_counter()
    async with engine.connect() as conn:
        result = await verify_chain(conn)
    elapsed = time.perf_counter() - started
    await engine.dispose()
    return elapsed, result.checked, result.ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None, help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='yecai-bench-')) / 'audit.db'}"
    build = asyncio.run(build_chain(url, args.events))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elapsed, checked, ok = asyncio.run(verify(url))
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"database            {url.split(':')[0]}")
    print(f"events built        {args.events:,} in {build:.1f} s")
    print(f"events verified     {checked:,} ({'chain holds' if ok else 'CHAIN BROKEN'})")
    print(f"verify wall time    {elapsed:.1f} s")
    print(f"verify throughput   {checked / elapsed:,.0f} events/s")
    print(f"peak RSS            {rss_after / 1024:.0f} MiB (before verify {rss_before / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
