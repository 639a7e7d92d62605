"""Notification fan-out to WebSocket subscribers, and a scheduler tick over 10,000 due rows, each beside a floor.

    make bench-notify                                   # SQLite, 1,000 subscribers, 10,000 rows
    make bench-notify BENCH_ARGS="--subscribers 200 --rows 2000"
    .venv/bin/python bench/notify_fanout.py --database-url postgresql+asyncpg://user@127.0.0.1:55432/postgres

Fan-out: a real ``yecai serve`` (tests/support/live_server.py), ``--subscribers`` WebSocket connections
(graphql-transport-ws) signed in as the demo's business user, each subscribed to ``notifications``; then
finance pays one of that user's approved expense claims through GraphQL, and the time is taken from the
moment the mutation is sent until the last socket has received the notification (and from its answer,
i.e. the commit, on). The floor is the broker alone: the same number of ``broadcaster`` subscribers in
one process (memory backend) and one published message, until the last has it.

On the server, one router per process holds the broker subscription and hands the notification to the
addressed sockets' queues after one session check (``notifications.broker.Router``); what remains per
socket is Strawberry executing the subscription's selection set and the WebSocket frame (permessage-deflate
by uvicorn's default). The client's 1,000 sockets share the machine with the server, so "last" includes
the client reading them.

Tick: ``--rows`` notifications read longer ago than the retention, then one firing of the
``notifications.upkeep`` job through the scheduler's ``run_job`` (advisory lock on PostgreSQL, the
job_run row, the job, the commit). The floor is the bare ``DELETE`` of the same rows in one
transaction, on an identical table.

Figures only, no assertions: the targets are under 1 s for both.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "backend"))

import httpx  # noqa: E402
from broadcaster import Broadcast  # noqa: E402
from sqlalchemy import delete, insert, text  # noqa: E402

from tests.support.live_server import fresh_postgres_database, run_live_server  # noqa: E402
from tests.support.subscriptions import Subscription, approved_claim, login, pay_claim  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


# ---------------------------------------------------------------- fan-out


async def broker_floor(subscribers: int) -> float:
    """One message through broadcaster's memory backend to ``subscribers`` in-process subscribers."""
    async with Broadcast("memory://") as broadcast, contextlib.AsyncExitStack() as stack:
        subs = [await stack.enter_async_context(broadcast.subscribe("floor")) for _ in range(subscribers)]
        started = time.perf_counter()
        await broadcast.publish("floor", '{"to": [[1, 1]]}')
        await asyncio.gather(*(s.get() for s in subs))
        return time.perf_counter() - started


async def fanout(base_url: str, subscribers: int) -> tuple[float, float, float, float]:
    """Seconds from the mutation sent: its answer, the first and the last subscriber having it; and opening them."""
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        claim_id, _ = await approved_claim(http, claimant="business", description="基准测试差旅费")
        business, finance = await login(http, "business"), await login(http, "finance")
        opened = time.perf_counter()
        sockets: list[Subscription] = []
        try:
            for start in range(0, subscribers, 50):  # a few handshakes at a time
                sockets += await asyncio.gather(*(Subscription(base_url, token=business).open()
                                                  for _ in range(start, min(start + 50, subscribers))))
            opening = time.perf_counter() - opened
            await asyncio.sleep(1.0)  # every subscription has reached the broker
            arrivals: list[float] = []

            async def receive(sub: Subscription) -> dict[str, object]:
                message = await sub.next(within=30)
                arrivals.append(time.perf_counter())
                return message

            waits = [asyncio.ensure_future(receive(s)) for s in sockets]
            sent = time.perf_counter()
            await pay_claim(http, claim_id, token=finance)
            answered = time.perf_counter()
            messages = await asyncio.gather(*waits)
            assert all(m["type"] == "next" for m in messages), {m["type"] for m in messages}
            return answered - sent, min(arrivals) - sent, max(arrivals) - sent, opening
        finally:
            await asyncio.gather(*(s.close() for s in sockets), return_exceptions=True)


# ---------------------------------------------------------------- scheduler tick


async def _rows(engine: object, count: int, read_at: datetime) -> None:
    from yecai.auth.models import User
    from yecai.notifications.models import Notification

    async with engine.begin() as conn:  # type: ignore[attr-defined]
        user_id = (await conn.execute(insert(User).values(username=f"bench{time.time_ns()}", display_name="基准",
                                                          active=True).returning(User.id))).scalar_one()
        rows = [{"recipient_id": user_id, "kind": "expense_claim_paid", "title": f"报销已付款 {i}", "body": "",
                 "url": "", "in_portal": True, "created_at": read_at, "read_at": read_at, "email_state": "sent",
                 "email_attempts": 1} for i in range(count)]
        for start in range(0, count, 2000):
            await conn.execute(insert(Notification), rows[start:start + 2000])


async def tick(database_url: str | None, rows: int, repeats: int) -> tuple[list[float], list[float], str]:
    from yecai import manifest
    from yecai.db import make_engine, make_session_factory
    from yecai.migrate import upgrade
    from yecai.notifications.models import Notification
    from yecai.scheduler.models import JobRun
    from yecai.scheduler.runner import run_job
    from yecai.settings import Settings

    with contextlib.ExitStack() as stack:
        if database_url:
            url = stack.enter_context(fresh_postgres_database(database_url, prefix="yecai_bench"))
        else:
            url = f"sqlite+aiosqlite:///{Path(stack.enter_context(tempfile.TemporaryDirectory())) / 'tick.sqlite3'}"
        engine = make_engine(url)
        try:
            await upgrade(engine)
            settings = Settings(database_url=url)
            job = manifest.job("notifications.upkeep")
            assert job is not None
            sessions = make_session_factory(engine)
            now = datetime.now(UTC)
            old = now - timedelta(days=settings.notification_retention_days + 1)
            ticks, floors, last = [], [], ""
            for _ in range(repeats):
                await _rows(engine, rows, old)
                async with engine.begin() as conn:
                    await conn.execute(delete(JobRun))
                started = time.perf_counter()
                outcome = await run_job(sessions, job, settings=settings, now=now)
                ticks.append(time.perf_counter() - started)
                last = str(outcome.result)
                await _rows(engine, rows, old)
                started = time.perf_counter()
                async with engine.begin() as conn:
                    await conn.execute(delete(Notification).where(Notification.read_at < now - timedelta(days=1)))
                floors.append(time.perf_counter() - started)
                async with engine.begin() as conn:
                    await conn.execute(text("DELETE FROM notification"))
            return ticks, floors, last
        finally:
            await engine.dispose()


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server URL (a fresh database is made)")
    parser.add_argument("--skip-fanout", action="store_true")
    args = parser.parse_args()

    if not args.skip_fanout:
        floors = [asyncio.run(broker_floor(args.subscribers)) for _ in range(args.repeats)]
        with contextlib.ExitStack() as stack:
            database = stack.enter_context(fresh_postgres_database(args.database_url)) if args.database_url else None
            server = stack.enter_context(run_live_server(database_url=database))
            results = [asyncio.run(fanout(server, args.subscribers)) for _ in range(args.repeats)]
        answer, first, last = (statistics.median(r[i] for r in results) for i in range(3))
        floor = statistics.median(floors)
        print(f"\nfan-out to {args.subscribers:,} WebSocket subscribers ({'PostgreSQL' if database else 'SQLite'}, "
              f"median of {args.repeats}; times from the payExpenseClaim mutation sent)")
        print(f"  opening the sockets                 {_ms(statistics.median(r[3] for r in results))}")
        print(f"  the mutation's answer (its commit)  {_ms(answer)}")
        print(f"  the first subscriber has it         {_ms(first)}")
        print(f"  the last subscriber has it          {_ms(last)}   (target < 1 s)")
        print(f"  spread, first to last               {_ms(last - first)}")
        print(f"  floor: broker alone to {args.subscribers:,} in-process subscribers {_ms(floor)}")
        print(f"  ratio, last subscriber / floor      {last / floor:8.1f}×   (the target figure)")
        print(f"  ratio, spread / floor               {(last - first) / floor:8.1f}×")

    ticks, floors, result = asyncio.run(tick(args.database_url, args.rows, args.repeats))
    tick_ms, floor_ms = statistics.median(ticks), statistics.median(floors)
    print(f"\nscheduler tick: notifications.upkeep over {args.rows:,} due rows "
          f"({'PostgreSQL' if args.database_url else 'SQLite'}, median of {args.repeats}): {result}")
    print(f"  run_job (lock, job_run, job, commit) {_ms(tick_ms)}   (target < 1 s)")
    print(f"  floor: the bare DELETE               {_ms(floor_ms)}")
    print(f"  ratio                                {tick_ms / floor_ms:8.2f}×")


if __name__ == "__main__":
    main()
