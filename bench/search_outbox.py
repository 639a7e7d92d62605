"""Time from a committed change to a searchable one, through the outbox and the worker, beside the engine alone.

    .venv/bin/python bench/search_outbox.py [--changes 30]

A fresh SQLite database (migrated, reference data), the embedded engine in a temporary directory and the
outbox worker running on the event loop as in `yecai serve`. Each round creates one customer through the
service and commits (one request), then polls the engine until the customer is found. The floor is the
engine alone: upsert of the same document, then the same poll. Prints p50/p95 of both and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from sqlalchemy import func, select  # noqa: E402

from yecai.actor import system_actor  # noqa: E402
from yecai.db import make_engine, make_session_factory  # noqa: E402
from yecai.migrate import upgrade  # noqa: E402
from yecai.operations import service as ops  # noqa: E402
from yecai.search.engine import SearchDocument, SearchRequest  # noqa: E402
from yecai.search.engines.embedded import EmbeddedEngine  # noqa: E402
from yecai.search.models import SearchOutbox  # noqa: E402
from yecai.search.worker import OutboxWorker  # noqa: E402

ACCESS = frozenset({"ops:master"})


async def found(engine: EmbeddedEngine, code: str, started: float, give_up_after: float = 10.0) -> float:
    while time.perf_counter() - started < give_up_after:
        page = await engine.search(SearchRequest(text=code, access=ACCESS, kinds=("customer",), limit=1,
                                                 facets=False))
        if page.total:
            return time.perf_counter() - started
        await asyncio.sleep(0.002)
    raise SystemExit(f"{code} not searchable after {give_up_after} s")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(changes: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="yecai-outbox-bench-"))
    db = make_engine(f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}")
    await upgrade(db)
    sessions = make_session_factory(db)
    engine = EmbeddedEngine(tmp / "search")
    worker = OutboxWorker(sessions, engine)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    while True:  # the reference data first
        async with sessions() as s:
            if not (await s.execute(select(func.count()).select_from(SearchOutbox))).scalar_one():
                break
        await asyncio.sleep(0.05)
    through, floor = [], []
    for i in range(changes):
        code = f"BENCH{i:05d}"
        started = time.perf_counter()
        async with sessions() as s:
            await ops.create_customer(s, actor=system_actor("bench"), code=code, name=f"基准测试客户{i}")
            await s.commit()
        through.append(await found(engine, code, started))
        code2 = f"FLOOR{i:05d}"
        started = time.perf_counter()
        await engine.upsert([SearchDocument(kind="customer", object_id=10_000_000 + i, title=f"基准对照客户{i}",
                                            code=code2, access=tuple(ACCESS))])
        floor.append(await found(engine, code2, started))
    stop.set()
    await task
    await engine.close()
    await db.dispose()
    ms = lambda v: f"{v * 1000:7.1f} ms"  # noqa: E731
    print(f"change -> searchable, {changes} changes (commit, outbox, worker woken by the commit, engine)")
    print(f"  through the outbox: p50 {ms(statistics.median(through))}  p95 {ms(pct(through, 0.95))}")
    print(f"  engine alone      : p50 {ms(statistics.median(floor))}  p95 {ms(pct(floor, 0.95))}")
    print(f"  ratio             : p50 {statistics.median(through) / statistics.median(floor):5.2f}x  "
          f"p95 {pct(through, 0.95) / pct(floor, 0.95):5.2f}x   (target: under 2 s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    asyncio.run(main(parser.parse_args().changes))
