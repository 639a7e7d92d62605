"""RequestSession: the operations of concurrent callers take turns, and a cancelled caller never cuts a statement off."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.factories import make_department
from yecai.db import RequestSession, SessionFinished
from yecai.org.models import Department, DepartmentKind


def _slow(dialect: str) -> str:
    if dialect == "postgresql":
        return "SELECT count(*) FROM (SELECT pg_sleep(0.2)) AS s"
    return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT count(*) FROM c"


class Trace:
    """Statements as the driver sees them: at most one may be in flight at a time."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.in_flight = 0
        self.most = 0
        self.sent: list[str] = []
        self.first_sent = asyncio.Event()

    def before(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        self.sent.append(statement)
        self.first_sent.set()

    def after(self, *args: Any) -> None:
        self.in_flight -= 1

    def __enter__(self) -> Trace:
        event.listen(self.engine.sync_engine, "before_cursor_execute", self.before)
        event.listen(self.engine.sync_engine, "after_cursor_execute", self.after)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine.sync_engine, "before_cursor_execute", self.before)
        event.remove(self.engine.sync_engine, "after_cursor_execute", self.after)


async def test_concurrent_callers_take_turns(isolated_engine: AsyncEngine) -> None:
    async with RequestSession(isolated_engine) as session:
        with Trace(isolated_engine) as trace:
            results = await asyncio.gather(*(session.execute(text(f"SELECT {i}")) for i in range(20)),
                                           session.execute(text(_slow(isolated_engine.dialect.name))))
        assert [r.scalar_one() for r in results[:20]] == list(range(20))
        assert trace.most == 1 and len(trace.sent) >= 21


async def test_a_cancelled_caller_does_not_cut_its_statement_off(isolated_engine: AsyncEngine) -> None:
    async with RequestSession(isolated_engine) as session:
        await session.execute(text("SELECT 1"))
        with Trace(isolated_engine) as trace:
            running = asyncio.ensure_future(session.execute(text(_slow(isolated_engine.dialect.name))))
            waiting = asyncio.ensure_future(session.execute(text("SELECT 'never sent'")))
            await trace.first_sent.wait()
            running.cancel()
            waiting.cancel()
            for task in (running, waiting):
                with pytest.raises(asyncio.CancelledError):
                    await task
            await session.finish_resolvers()  # waits for the slow statement
            assert trace.in_flight == 0
            assert not any("never sent" in s for s in trace.sent)
        await session.commit()  # the transaction is intact
    async with RequestSession(isolated_engine) as session:
        assert (await session.execute(text("SELECT 2"))).scalar_one() == 2


async def test_after_finish_only_the_transaction_may_end(isolated_engine: AsyncEngine) -> None:
    async with RequestSession(isolated_engine) as session:
        session.add(Department(code="RS-1", name="轮次", kind=DepartmentKind.SUPPORT))
        await session.flush()
        await session.finish_resolvers()
        with pytest.raises(SessionFinished):
            await session.execute(select(Department))
        with pytest.raises(SessionFinished):
            await session.get(Department, 1)
        await session.rollback()
    async with RequestSession(isolated_engine) as session:
        assert (await session.execute(select(Department).where(Department.code == "RS-1"))).first() is None


async def test_savepoints_take_turns_too(session: RequestSession) -> None:
    department = await make_department(session, code="RS-SP", name="保存点")
    department_id = department.id
    with pytest.raises(RuntimeError):
        async with session.begin_nested():
            department.name = "改了"
            await session.flush()
            raise RuntimeError("undo")
    async with session.begin_nested():
        names = await asyncio.gather(*(session.scalar(select(Department.name).where(Department.id == department_id))
                                       for _ in range(5)))
    assert names == ["保存点"] * 5
