"""Running the jobs every domain declares (``Domain.jobs``): APScheduler fires them, ``job_run`` keeps them exact.

APScheduler (3.x, ``AsyncIOScheduler`` on the server's event loop) decides *when* to fire: each job's
cron expression or interval, in Asia/Shanghai. What a firing does is :func:`run_job`, one transaction:

1. on PostgreSQL, ``pg_try_advisory_xact_lock`` on the job's key: another worker running the same job
   now makes this one step aside at once (the lock ends with the transaction, also when a worker dies);
2. the job's ``job_run`` row is locked by writing it (PostgreSQL's row lock; SQLite's single writer);
3. the latest time node due is compared with the row's ``last_node``: nothing newer, nothing to do;
4. the job runs over the window ``(last_node, node]`` and ``last_node`` moves to ``node`` in the same
   commit. A failure rolls the job's work back and leaves ``last_node`` where it was, so the window is
   tried again at the next firing.

So a missed node (the server was down over it) is processed once, by the first firing after it, and
a node is never processed twice, whether two firings race in one process or in two.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from yecai import manifest
from yecai.actor import system_actor
from yecai.db import utcnow
from yecai.scheduler.models import JobRun
from yecai.scheduling import Job
from yecai.settings import Settings

log = logging.getLogger("yecai.scheduler")

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Interval jobs' nodes are counted from here, so every worker computes the same ones.
INTERVAL_ORIGIN = datetime(2026, 1, 1, tzinfo=SHANGHAI)


def trigger_of(job: Job) -> BaseTrigger:
    """The APScheduler trigger of a job's time nodes."""
    if job.cron is not None:
        return CronTrigger.from_crontab(job.cron, timezone=SHANGHAI)
    assert job.every is not None
    return IntervalTrigger(seconds=job.every.total_seconds(), start_date=INTERVAL_ORIGIN, timezone=SHANGHAI)


def latest_node(job: Job, now: datetime) -> datetime | None:
    """The job's latest time node at or before ``now`` (UTC), or None when it has none yet."""
    trigger = trigger_of(job)
    for window in (timedelta(hours=1), timedelta(days=1), timedelta(days=32), timedelta(days=367)):
        node = trigger.get_next_fire_time(None, now - window)
        if node is None or node > now:
            continue
        while True:  # at most the nodes inside the window
            following = trigger.get_next_fire_time(None, node + timedelta(microseconds=1))
            if following is None or following > now:
                return node.astimezone(now.tzinfo)
            node = following
    return None


def lock_key(name: str) -> int:
    """The job's PostgreSQL advisory lock key: a stable signed 64-bit number from its name."""
    return int.from_bytes(hashlib.sha256(f"yecai.job:{name}".encode()).digest()[:8], "big", signed=True)


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


@dataclass(frozen=True)
class Outcome:
    """What one firing of a job did."""

    job: str
    status: str  # "ran" | "up_to_date" | "busy" (another worker holds it) | "failed" | "no_node"
    node: datetime | None = None
    since: datetime | None = None
    result: Any = None
    error: str | None = None


async def _ensure_row(session: AsyncSession, name: str) -> None:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(JobRun).values(name=name, runs=0, failures=0).on_conflict_do_nothing())


async def run_job(sessions: async_sessionmaker[AsyncSession] | Callable[[], AsyncSession], job: Job, *,
                  settings: Settings, now: datetime | None = None, holder: str | None = None) -> Outcome:
    """Fire ``job`` once at ``now``: run it over the time nodes not yet processed, or do nothing. Commits."""
    now = now or utcnow()
    holder = holder or worker_name()
    node = latest_node(job, now)
    if node is None:
        return Outcome(job.name, "no_node")
    async with sessions() as session:
        if session.bind is not None and session.bind.dialect.name == "postgresql":
            got = (await session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"),
                                         {"key": lock_key(job.name)})).scalar_one()
            if not got:
                await session.rollback()
                return Outcome(job.name, "busy", node)
        await _ensure_row(session, job.name)
        # Writing the row first takes its lock (and SQLite's write lock) before it is read.
        await session.execute(update(JobRun).where(JobRun.name == job.name).values(holder=holder[:80]))
        row = (await session.execute(select(JobRun).where(JobRun.name == job.name))).scalar_one()
        since = row.last_node
        if since is not None and since >= node:
            await session.rollback()
            return Outcome(job.name, "up_to_date", node, since)
        started = utcnow()
        try:
            async with session.begin_nested():
                result = await job.run(session, actor=system_actor(f"job:{job.name}"), settings=settings,
                                     since=since, until=node)
        except Exception as error:
            log.exception("scheduler: job %s failed over (%s, %s]", job.name, since, node)
            message = f"{type(error).__name__}: {error}"[:2000]
            row.failures += 1
            row.last_error, row.last_error_at = message, utcnow()
            await session.commit()
            return Outcome(job.name, "failed", node, since, error=message)
        row.last_node, row.runs = node, row.runs + 1
        row.last_started_at, row.last_finished_at = started, utcnow()
        row.last_result = None if result is None else str(result)[:2000]
        row.failures = 0
        await session.commit()
        return Outcome(job.name, "ran", node, since, result)


async def run_due(sessions: async_sessionmaker[AsyncSession], *, settings: Settings, now: datetime | None = None,
                  jobs: tuple[Job, ...] | None = None) -> list[Outcome]:
    """Fire every job once (what the scheduler does at start, to catch up after downtime)."""
    return [await run_job(sessions, job, settings=settings, now=now)
            for job in (manifest.jobs() if jobs is None else jobs)]


class Scheduler:
    """Every domain's jobs on APScheduler's ``AsyncIOScheduler``, on the running event loop."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], settings: Settings, *,
                 jobs: tuple[Job, ...] | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.sessions = sessions
        self.settings = settings
        self.jobs = manifest.jobs() if jobs is None else jobs
        self.clock = clock
        self.holder = worker_name()
        self._scheduler = AsyncIOScheduler(timezone=SHANGHAI)

    async def fire(self, job: Job) -> Outcome:
        try:
            outcome = await run_job(self.sessions, job, settings=self.settings, now=self.clock(), holder=self.holder)
        except Exception as error:  # the database is away: the next firing tries again
            log.warning("scheduler: could not run %s (%s)", job.name, error)
            outcome = Outcome(job.name, "failed", error=f"{type(error).__name__}: {error}")
        return outcome

    async def start(self) -> None:
        """Catch up on the nodes missed while no scheduler ran, then fire each job at its nodes."""
        for job in self.jobs:
            # coalesce: a late firing (the loop was busy) runs once; it covers every node missed anyway.
            self._scheduler.add_job(self.fire, trigger_of(job), args=[job], id=job.name, name=job.name,
                                    coalesce=True, max_instances=1, misfire_grace_time=None,
                                    replace_existing=True)
        self._scheduler.start()
        for job in self.jobs:
            self._scheduler.add_job(self.fire, args=[job], id=f"{job.name}:catch-up", coalesce=True)

    async def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
