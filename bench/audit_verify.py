"""Benchmark: the keyed audit chain — hashing, writing, checkpointing and verifying — beside its floors.

Builds a chain of N keyed events (default 1,000,000) in a fresh database, with a signed
checkpoint every 1,000 events, then prints events/second of:

- hashing in memory: bare hashlib.sha256 and bare hmac over the rows' already-serialized
  content (the floors), the unkeyed digest of old events and the keyed digest of new ones,
  both serializing the row as they must;
- writing: ``audit.record`` one event per committed transaction (as a request does), with no
  checkpointer and with one running beside it in a thread every 100 events (ten times more
  often than the default), and what one checkpoint of 1,000 new events costs;
- verifying: the code behind ``yecai audit verify`` (every event, every checkpoint) against
  reading the same rows without hashing them, and the peak memory it holds.

Each figure is printed beside the floor it compares with, as a ratio. Timings vary with the
machine; compare runs on the same machine only (bench/README.md).

    .venv/bin/python bench/audit_verify.py [--events N] [--record-events R] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import os
import resource
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from yecai.actor import system_actor
from yecai.audit import checkpoints
from yecai.audit.chain import content, keyed_digest, plain_digest
from yecai.audit.checkpointer import consistent_connection, run_checkpointer, write_checkpoint
from yecai.audit.keys import Keyring, use_keyring
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.audit.service import record, verify_chain
from yecai.db import make_engine
from yecai.migrate import upgrade

KEYRING = Keyring.of("bench-audit-key-" + "k" * 32)
CHECKPOINT_EVERY = 1000
_events, _head = AuditEvent.__table__, AuditChainHead.__table__


def sample_row(i: int, t0: datetime) -> dict[str, Any]:
    return {
        "seq": i, "occurred_at": t0 + timedelta(seconds=i), "actor_id": i % 50, "actor_username": f"user{i % 50}",
        "action": "voucher.post", "subject_type": "voucher", "subject_id": str(i), "before": {"state": "reviewed"},
        "after": {"state": "posted", "amount": "1.00", "摘要": "销售发货"}, "request_id": f"req-{i}",
        "client_address": "127.0.0.1",
    }


def count_lines(path: Path) -> int:
    return len(path.read_text().splitlines())


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def line(label: str, value: float, floor: float | None = None, floor_label: str = "") -> None:
    ratio = f"   {value / floor:5.2f} x {floor_label}" if floor else ""
    print(f"  {label:<44} {value:>12,.0f} events/s{ratio}")


def hashing(n: int) -> None:
    """Events/s of each digest in memory, over the same rows."""
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [sample_row(i, t0) for i in range(1, n + 1)]
    payloads = [content(r) for r in rows]
    key, prev = KEYRING.current, "0" * 64
    tag = b"yecai-audit-v2\x00" + key.kid.encode() + b"\x00"

    def timed(fn: Any) -> float:  # the best of three runs: the machine's noise only ever slows a run down
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - started)
        return rate(n, best)

    def bare_sha() -> None:
        p = prev
        for payload in payloads:
            p = hashlib.sha256(p.encode() + payload).hexdigest()

    base = hmac.new(key.secret, tag, hashlib.sha256)

    def bare_hmac() -> None:
        p = prev
        for payload in payloads:
            mac = base.copy()
            mac.update(p.encode() + payload)
            p = mac.hexdigest()

    def serialize() -> None:
        for r in rows:
            content(r)

    def unkeyed() -> None:
        p = prev
        for r in rows:
            p = plain_digest(p, r)

    def keyed() -> None:
        p = prev
        for r in rows:
            p = keyed_digest(key, p, r)

    sha, mac, ser, old, new = timed(bare_sha), timed(bare_hmac), timed(serialize), timed(unkeyed), timed(keyed)
    print(f"hashing in memory ({n:,} rows)")
    line("floor: bare hashlib.sha256 (serialized)", sha)
    line("floor: bare HMAC-SHA-256 (serialized)", mac, sha, "bare sha256")
    line("canonical serialization alone (orjson)", ser)
    line("unkeyed digest (old events, serializes)", old, sha, "bare sha256")
    line("keyed digest (new events, serializes)", new, mac, "bare hmac")
    print(f"  {'keyed / unkeyed digest':<44} {new / old:>12.2f} x")


async def build_chain(engine: AsyncEngine, events: int, cp_path: Path, batch: int = 20_000) -> float:
    await upgrade(engine)
    started = time.perf_counter()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    key = KEYRING.current
    fd = os.open(cp_path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    last = None
    try:
        async with engine.begin() as conn:
            head = (await conn.execute(_head.select())).one()
            seq0, prev = head.last_seq, head.last_hash  # after the reference data's events
            rows = []
            for i in range(seq0 + 1, seq0 + events + 1):
                row = {**sample_row(i, t0), "prev_hash": prev, "key_id": key.kid}
                row["hash"] = prev = keyed_digest(key, prev, row)
                rows.append(row)
                if i % CHECKPOINT_EVERY == 0:
                    last = checkpoints.append(fd, key, last=last, seq=i, hash=prev, legacy_until=0, at=t0)
                if len(rows) == batch:
                    await conn.execute(insert(_events), rows)
                    rows = []
            if rows:
                await conn.execute(insert(_events), rows)
            await conn.execute(update(_head).values(last_seq=seq0 + events, last_hash=prev))
    finally:
        os.close(fd)
    return time.perf_counter() - started


async def record_events(engine: AsyncEngine, count: int) -> float:
    """``count`` committed transactions of one audit event each (what a request that changes something pays)."""
    actor = system_actor("bench")
    started = time.perf_counter()
    for i in range(count):
        async with AsyncSession(engine) as session:
            await record(session, actor=actor, action="bench.write", subject_type="bench", subject_id=i,
                         after={"i": i, "amount": "1.00"})
            await session.commit()
    return rate(count, time.perf_counter() - started)


async def record_in_one_transaction(engine: AsyncEngine, count: int, *, hashed: bool) -> float:
    """``audit.record`` ``count`` times in one transaction, rolled back (no commit in the figure); or, as
    its floor, the same three statements with the hash left out (no serialization, no HMAC)."""
    actor = system_actor("bench")
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    async with AsyncSession(engine) as session:
        started = time.perf_counter()
        for i in range(count):
            if hashed:
                await record(session, actor=actor, action="bench.write", subject_type="bench", subject_id=i,
                             after={"i": i, "amount": "1.00"})
                continue
            head = (await session.execute(update(_head).where(_head.c.id == 1).values(last_seq=_head.c.last_seq + 1)
                                          .returning(_head.c.last_seq, _head.c.last_hash))).one()
            row = {**sample_row(head.last_seq, t0), "prev_hash": head.last_hash, "key_id": None, "hash": "0" * 64}
            await session.execute(insert(_events).values(**row))
            await session.execute(update(_head).where(_head.c.id == 1).values(last_hash=row["hash"]))
        elapsed = time.perf_counter() - started
        await session.rollback()
    return rate(count, elapsed)


async def writing(url: str, count: int, cp_path: Path, rounds: int = 3) -> None:
    use_keyring(KEYRING)
    engine = make_engine(url)
    try:
        floors, records = [], []
        for _ in range(rounds):  # alternated, so that the machine's drift falls on both
            floors.append(await record_in_one_transaction(engine, 5000, hashed=False))
            records.append(await record_in_one_transaction(engine, 5000, hashed=True))
        floor, hashed = statistics.median(floors), statistics.median(records)
        await record_events(engine, min(200, count))  # warm up
        alone, beside, written = [], [], 0
        for _ in range(rounds):  # alternated, so that the machine's drift falls on both
            alone.append(await record_events(engine, count))
            before = count_lines(cp_path)
            stop = threading.Event()

            def checkpointer(stop: threading.Event = stop) -> None:
                async def main() -> None:
                    own = make_engine(url)
                    try:
                        await run_checkpointer(own, keyring=KEYRING, path=cp_path, every_events=100,
                                               every_minutes=60, stop=stop, poll_seconds=0.05)
                    finally:
                        await own.dispose()

                asyncio.run(main())

            thread = threading.Thread(target=checkpointer)
            thread.start()
            try:
                beside.append(await record_events(engine, count))
            finally:
                stop.set()
                thread.join()
            written += count_lines(cp_path) - before
        # One checkpoint of the default size: 1,000 new events verified, signed, appended, fsync'ed.
        await record_events(engine, CHECKPOINT_EVERY)
        started = time.perf_counter()
        async with consistent_connection(engine) as conn:
            outcome = await write_checkpoint(conn, keyring=KEYRING, path=cp_path)
        one = time.perf_counter() - started
        assert outcome.written is not None
        verified = outcome.verified.checked  # the 1,000, and what came after the checkpointer's last one
    finally:
        await engine.dispose()
    print("writing")
    line("floor: the same 3 statements, no hash (5,000/tx)", floor)
    line("audit.record, keyed (5,000 in one transaction)", hashed, floor, "no hash")
    print(f"  {'(medians of ' + str(rounds) + ' alternated rounds)':<44} "
          f"{(1 / hashed - 1 / floor) * 1e6:>+12.0f} us an event")
    a, b = statistics.median(alone), statistics.median(beside)
    line(f"audit.record + commit, no checkpointer (x{count:,})", a)
    line(f"audit.record + commit, checkpointer beside (x{count:,})", b, a, "without it")
    print(f"  (medians of {rounds} alternated rounds; each round, alone / beside):")
    print("  " + "; ".join(f"{x:,.0f} / {y:,.0f}" for x, y in zip(alone, beside, strict=True)))
    print(f"  {'checkpoints written beside (every 100 events)':<44} {written:>12,}")
    print(f"  {f'one checkpoint of {verified:,} new events':<44} {one * 1000:>12.1f} ms "
          f"({rate(verified, one):,.0f} events/s verified and signed)")


async def verifying(url: str, cp_path: Path) -> None:
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        n = 0
        async with engine.connect() as conn:
            result = await conn.stream(select(_events).order_by(_events.c.seq).execution_options(yield_per=5000))
            async for partition in result.mappings().partitions(5000):
                n += len(partition)
        read = rate(n, time.perf_counter() - started)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        async with consistent_connection(engine) as conn:
            verdict = await verify_chain(conn, keyring=KEYRING, checkpoint_file=cp_path)
        elapsed = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        await engine.dispose()
    state = "chain holds" if verdict.ok else f"CHAIN BROKEN at {verdict.first_bad_seq}: {verdict.reason}"
    print(f"verifying ({verdict.checked:,} events, {verdict.checkpoints:,} checkpoints: {state})")
    line("floor: reading the rows, no hashing", read)
    line("yecai audit verify (keyed, checkpoints)", rate(verdict.checked, elapsed), read, "reading alone")
    print(f"  {'verify wall time':<44} {elapsed:>12.1f} s")
    print(f"  {'peak RSS':<44} {rss_after / 1024:>12.0f} MiB (before verify {rss_before / 1024:.0f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--record-events", type=int, default=1000, help="transactions in each writing round")
    parser.add_argument("--hash-rows", type=int, default=200_000, help="rows in the in-memory hashing runs")
    parser.add_argument("--database-url", default=None, help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="yecai-bench-"))
    url = args.database_url or f"sqlite+aiosqlite:///{tmp / 'audit.db'}"
    cp_path = tmp / "audit_checkpoints.jsonl"
    use_keyring(KEYRING)
    print(f"database            {url.split(':')[0]}")

    async def build() -> float:
        engine = make_engine(url)
        try:
            return await build_chain(engine, args.events, cp_path)
        finally:
            await engine.dispose()

    built = asyncio.run(build())
    print(f"chain built         {args.events:,} keyed events in {built:.1f} s ({rate(args.events, built):,.0f} events/s,"
          f" bulk insert), a checkpoint every {CHECKPOINT_EVERY:,}")
    asyncio.run(verifying(url, cp_path))
    hashing(args.hash_rows)
    asyncio.run(writing(url, args.record_events, cp_path))


if __name__ == "__main__":
    main()
