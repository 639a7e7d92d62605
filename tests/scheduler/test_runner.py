"""The scheduler with a frozen clock: time nodes, catching up once after downtime, failures, once across workers."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.factories import make_user
from yecai import manifest
from yecai.db import make_engine, make_session_factory
from yecai.notifications import service
from yecai.notifications.models import Notification
from yecai.scheduler.models import JobRun
from yecai.scheduler.runner import Scheduler, latest_node, run_due, run_job
from yecai.scheduling import Job
from yecai.settings import Settings

ON_POSTGRES = (os.environ.get("YECAI_TEST_DATABASE_URL") or "").startswith("postgresql")
T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


class Recorder:
    """A job that records each window it was run over (in memory; the tests read it)."""

    def __init__(self, *, fail: bool = False, hold: float = 0.0) -> None:
        self.windows: list[tuple[datetime | None, datetime]] = []
        self.fail = fail
        self.hold = hold

    async def __call__(self, session: Any, *, actor: Any, settings: Any, since: datetime | None,
                       until: datetime) -> str:
        if self.hold:
            await asyncio.sleep(self.hold)
        if self.fail:
            raise RuntimeError("the job broke")
        self.windows.append((since, until))
        return f"window {len(self.windows)}"


def hourly(recorder: Recorder, name: str = "test.hourly") -> Job:
    return Job(name, "每小时", "Hourly", run=recorder, cron="0 * * * *")


def test_time_nodes_follow_the_trigger_in_shanghai() -> None:
    daily = Job("test.daily", "每日", "Daily", run=Recorder(), cron="0 3 * * *")  # 03:00 in Shanghai = 19:00 UTC
    assert latest_node(daily, datetime(2026, 12, 3, 4, 7, tzinfo=UTC)) == datetime(2026, 12, 2, 19, 0, tzinfo=UTC)
    assert latest_node(daily, datetime(2026, 12, 2, 19, 0, tzinfo=UTC)) == datetime(2026, 12, 2, 19, 0, tzinfo=UTC)
    every = Job("test.every", "每五分钟", "Every five minutes", run=Recorder(), every=timedelta(minutes=5))
    assert latest_node(every, datetime(2026, 12, 3, 4, 7, 12, tzinfo=UTC)) == datetime(2026, 12, 3, 4, 5, tzinfo=UTC)
    monthly = Job("test.monthly", "每月", "Monthly", run=Recorder(), cron="0 9 1 * *")
    assert latest_node(monthly, datetime(2027, 2, 28, tzinfo=UTC)) == datetime(2027, 2, 1, 1, 0, tzinfo=UTC)


async def test_a_job_catches_up_after_downtime_exactly_once(isolated_engine: AsyncEngine, settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    recorder = Recorder()
    job = hourly(recorder)
    first = await run_job(sessions, job, settings=settings, now=T0 + timedelta(minutes=1))
    assert first.status == "ran" and first.since is None and first.node == T0
    # Fired again within the hour, by this process or another: nothing new.
    assert (await run_job(sessions, job, settings=settings, now=T0 + timedelta(minutes=30))).status == "up_to_date"
    # Down from 10:30 to 13:20: the nodes 11:00, 12:00 and 13:00 are processed by one run, once.
    back = T0 + timedelta(hours=3, minutes=20)
    caught_up = await run_job(sessions, job, settings=settings, now=back)
    assert caught_up.status == "ran" and (caught_up.since, caught_up.node) == (T0, T0 + timedelta(hours=3))
    assert (await run_job(sessions, job, settings=settings, now=back)).status == "up_to_date"
    assert recorder.windows == [(None, T0), (T0, T0 + timedelta(hours=3))]
    async with sessions() as session:
        row = (await session.execute(select(JobRun).where(JobRun.name == job.name))).scalar_one()
    assert row.last_node == T0 + timedelta(hours=3) and row.runs == 2 and row.last_result == "window 2"


async def test_a_failed_run_leaves_its_window_for_the_next_firing(isolated_engine: AsyncEngine,
                                                                 settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    recorder = Recorder()
    await run_job(sessions, hourly(recorder), settings=settings, now=T0)
    recorder.fail = True
    failed = await run_job(sessions, hourly(recorder), settings=settings, now=T0 + timedelta(hours=2))
    assert failed.status == "failed" and "the job broke" in (failed.error or "")
    recorder.fail = False
    retried = await run_job(sessions, hourly(recorder), settings=settings, now=T0 + timedelta(hours=2, minutes=5))
    assert retried.status == "ran" and (retried.since, retried.node) == (T0, T0 + timedelta(hours=2))
    async with sessions() as session:
        row = (await session.execute(select(JobRun).where(JobRun.name == "test.hourly"))).scalar_one()
    assert row.failures == 0 and row.last_error is not None


async def test_two_firings_at_once_run_a_node_once(isolated_engine: AsyncEngine, settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    recorder = Recorder(hold=0.2)
    outcomes = await asyncio.gather(*(run_job(sessions, hourly(recorder), settings=settings, now=T0)
                                      for _ in range(3)))
    assert sorted(o.status for o in outcomes).count("ran") == 1
    assert recorder.windows == [(None, T0)]


@pytest.mark.skipif(not ON_POSTGRES, reason="two schedulers on one PostgreSQL need YECAI_TEST_DATABASE_URL")
async def test_two_schedulers_on_one_postgresql_run_a_job_once(isolated_engine: AsyncEngine,
                                                              settings: Settings) -> None:
    # Two engines are two workers' connection pools: the advisory lock and the job_run row are all they share.
    other = make_engine(isolated_engine.url.render_as_string(hide_password=False))
    try:
        workers = [make_session_factory(isolated_engine), make_session_factory(other)]
        recorder = Recorder(hold=0.3)
        for tick in (T0, T0 + timedelta(hours=1)):
            outcomes = await asyncio.gather(*(run_job(w, hourly(recorder), settings=settings, now=tick,
                                                      holder=f"worker{i}") for i, w in enumerate(workers)))
            assert sorted(o.status for o in outcomes) in (["busy", "ran"], ["ran", "up_to_date"])
        assert recorder.windows == [(None, T0), (T0, T0 + timedelta(hours=1))]
    finally:
        await other.dispose()


async def test_the_scheduler_fires_on_apscheduler_and_catches_up_at_start(isolated_engine: AsyncEngine,
                                                                         settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    recorder = Recorder()
    fast = Job("test.fast", "每秒", "Every second", run=recorder, every=timedelta(seconds=1))
    scheduler = Scheduler(sessions, settings, jobs=(fast,))
    await scheduler.start()
    try:
        for _ in range(60):
            if len(recorder.windows) >= 2:
                break
            await asyncio.sleep(0.1)
    finally:
        await scheduler.stop()
    assert recorder.windows[0][0] is None  # the catch-up run at start
    assert len(recorder.windows) >= 2 and recorder.windows[1][0] == recorder.windows[0][1]


async def test_every_declared_job_runs(isolated_engine: AsyncEngine, settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    async with sessions() as session:
        user = await make_user(session)
        old, kept = [(await service.notify(session, recipients=[user.id], kind="expense_claim_paid", title=t))[0]
                     for t in ("read long ago", "unread")]
        old.read_at = T0 - timedelta(days=settings.notification_retention_days + 1)
        await session.commit()
        old_id, kept_id = old.id, kept.id
    assert "notifications.upkeep" in [j.name for j in manifest.jobs()]
    outcomes = await run_due(sessions, settings=settings, now=T0)
    assert {o.job: o.status for o in outcomes}["notifications.upkeep"] == "ran"
    async with sessions() as session:
        left = set((await session.execute(select(Notification.id)
                                          .where(Notification.id.in_([old_id, kept_id])))).scalars())
    assert left == {kept_id}  # the upkeep really removed the old read notification
