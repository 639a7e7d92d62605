"""The sharing job under the real scheduler with a frozen clock: due at the time node, missed once after the
deadline, and after the scheduler was down over a time node, every node caught up once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.factories import make_department, make_user
from tests.sharing.conftest import DAILY, START
from yecai import manifest
from yecai.actor import system_actor
from yecai.db import make_session_factory
from yecai.notifications.models import Notification
from yecai.scheduler.runner import run_job
from yecai.settings import Settings
from yecai.sharing import service
from yecai.sharing.models import Publication, PublicationState


async def test_the_job_makes_due_marks_missed_once_and_catches_up(isolated_engine: AsyncEngine,
                                                                 settings: Settings) -> None:
    sessions = make_session_factory(isolated_engine)
    job = manifest.job("sharing.time_nodes")
    assert job is not None
    async with sessions() as session:
        sales = await make_department(session, code="J-SALES", name="销售部")
        finance = await make_department(session, code="J-FIN", name="财务部")
        publisher = await make_user(session, username="j.pub", roles=("business",), department=sales)
        await make_user(session, username="j.recv", roles=("staff",), department=finance)
        await service.create_sharing_rule(session, actor=system_actor("test"), data=service.RuleInput(
            title="销售日报", responsible_id=publisher.id, recurrence=DAILY, starts_at=START, working_days=True,
            deadline_minutes=60, department_id=sales.id, audience_department_ids=[finance.id]))
        await session.commit()

    async def count(state: PublicationState | None = None, kind: str | None = None) -> int:
        async with sessions() as session:
            if kind:
                return (await session.execute(select(func.count()).where(Notification.kind == kind))).scalar_one()
            stmt = select(func.count()).select_from(Publication)
            if state:
                stmt = stmt.where(Publication.state == state.value)
            return (await session.execute(stmt)).scalar_one()

    # The clock is frozen at each firing; the rule's first node is Monday 09:00 (deadline 10:00).
    assert (await run_job(sessions, job, settings=settings, now=START - timedelta(minutes=1))).status == "ran"
    assert await count() == 0
    at_node = await run_job(sessions, job, settings=settings, now=START + timedelta(seconds=30))
    assert at_node.status == "ran" and await count(PublicationState.DUE) == 1
    assert await count(kind="publication_due") == 1
    # Exactly at the deadline it is not missed yet; the minute after, it is, once.
    await run_job(sessions, job, settings=settings, now=START + timedelta(minutes=60))
    assert await count(PublicationState.MISSED) == 0
    await run_job(sessions, job, settings=settings, now=START + timedelta(minutes=61))
    assert await count(PublicationState.MISSED) == 1
    assert (await run_job(sessions, job, settings=settings, now=START + timedelta(minutes=61))).status == "up_to_date"
    # Down from Monday 10:01 to Thursday 11:00: Tuesday's, Wednesday's and Thursday's nodes, each missed once.
    back = await run_job(sessions, job, settings=settings, now=START + timedelta(days=3, hours=2))
    assert back.status == "ran" and back.result == "due 3, missed 3"
    assert (await count(), await count(PublicationState.MISSED)) == (4, 4)
    # Monday's own notice, then one digest for the three the run caught up on (not three notices).
    assert await count(kind="publication_overdue") == 2
    async with sessions() as session:
        digest = (await session.execute(select(Notification).where(Notification.kind == "publication_overdue")
                                        .order_by(Notification.id.desc()).limit(1))).scalar_one()
    assert (digest.recipient_id, digest.title, digest.url, digest.subject_id) == (
        publisher.id, "缺报：3 项（最早截止 2027-01-05 10:00）", "/sharing/publications?tab=toPublish", None)
    assert digest.body.splitlines()[:3] == [
        "· 销售日报（2027-01-05 09:00，截止 2027-01-05 10:00）", "· 销售日报（2027-01-06 09:00，截止 2027-01-06 10:00）",
        "· 销售日报（2027-01-07 09:00，截止 2027-01-07 10:00）"]
    again = await run_job(sessions, job, settings=settings, now=START + timedelta(days=3, hours=2, minutes=1))
    assert again.result == "due 0, missed 0"
    assert await count(kind="publication_overdue") == 2
