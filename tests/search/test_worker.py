"""The outbox and its worker on a database of their own (real commits): nothing is lost, whatever fails."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from yecai.actor import system_actor
from yecai.db import make_session_factory
from yecai.operations import service as ops
from yecai.search.engine import EngineUnavailable, SearchDocument, SearchRequest
from yecai.search.engines.embedded import EmbeddedEngine
from yecai.search.models import SearchOutbox, SearchWorker
from yecai.search.service import prepare
from yecai.search.worker import OutboxWorker, apply_outbox

EVERYONE = frozenset({"ops:master"})


class Failing:
    """An engine that fails while ``down`` (or on the ``fail_on``-th upsert), and otherwise is the real one."""

    def __init__(self, real: EmbeddedEngine) -> None:
        self.real = real
        self.name = real.name
        self.down = False
        self.fail_on: int | None = None
        self.upserts = 0

    async def upsert(self, documents: list[SearchDocument]) -> None:
        self.upserts += 1
        if self.down or self.upserts == self.fail_on:
            raise EngineUnavailable("connection refused")
        await self.real.upsert(documents)

    def __getattr__(self, name: str):  # delete, clear, counts, search, suggest, close
        if self.down and name in ("delete", "clear", "counts", "search", "suggest"):
            async def refuse(*_a, **_k):
                raise EngineUnavailable("connection refused")
            return refuse
        return getattr(self.real, name)


@pytest.fixture
def sessions(isolated_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return make_session_factory(isolated_engine)


async def _customers(sessions: async_sessionmaker[AsyncSession], *names: str) -> list[int]:
    ids = []
    for i, name in enumerate(names):  # one transaction each, as requests would
        async with sessions() as session:
            c = await ops.create_customer(session, actor=system_actor("test"), code=f"WK-{time.time_ns()}-{i}",
                                          name=name)
            await session.commit()
            ids.append(c.id)
    return ids


async def _backlog(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        return (await session.execute(select(func.count()).select_from(SearchOutbox))).scalar_one()


async def _titles(engine, text: str) -> list[str]:
    page = await engine.search(SearchRequest(text=text, access=EVERYONE, kinds=("customer",)))
    return ["".join(f.text for f in h.title) for h in page.hits]


async def test_a_change_and_its_outbox_row_commit_or_roll_back_together(sessions) -> None:
    before = await _backlog(sessions)
    async with sessions() as session:
        await ops.create_customer(session, actor=system_actor("test"), code="WK-RB", name="回滚的客户")
        await session.flush()
        rows = (await session.execute(select(SearchOutbox.kind).where(SearchOutbox.id > 0)
                                      .order_by(SearchOutbox.id.desc()).limit(1))).scalars().all()
        assert rows == ["customer"]
        await session.rollback()
    assert await _backlog(sessions) == before
    await _customers(sessions, "提交的客户")
    assert await _backlog(sessions) == before + 1


async def test_the_engine_down_loses_nothing_and_the_index_catches_up(sessions, tmp_path: Path) -> None:
    engine = Failing(EmbeddedEngine(tmp_path / "idx"))
    worker = OutboxWorker(sessions, engine)  # type: ignore[arg-type]
    await worker.drain()  # the reference data
    engine.down = True
    await _customers(sessions, "深圳宕机科技有限公司", "杭州宕机贸易有限公司")
    with pytest.raises(EngineUnavailable):
        await worker.drain()
    await _customers(sessions, "成都宕机物流有限公司")  # changes keep succeeding while the engine is down
    assert await _backlog(sessions) == 3
    async with sessions() as session:
        state = await session.get(SearchWorker, "outbox")
        assert state is not None and state.failures == 1 and "connection refused" in (state.last_error or "")
    engine.down = False
    assert await worker.drain() == 3
    assert await _backlog(sessions) == 0
    assert sorted(await _titles(engine, "宕机")) == ["成都宕机物流有限公司", "杭州宕机贸易有限公司", "深圳宕机科技有限公司"]
    async with sessions() as session:
        state = await session.get(SearchWorker, "outbox")
        assert state is not None and state.failures == 0
    await engine.close()


async def test_a_crash_in_the_middle_of_a_batch_loses_nothing(sessions, tmp_path: Path) -> None:
    engine = Failing(EmbeddedEngine(tmp_path / "idx"))
    worker = OutboxWorker(sessions, engine)  # type: ignore[arg-type]
    await worker.drain()
    async with sessions() as session:  # one batch of two kinds: customers are applied, then suppliers fail
        actor = system_actor("test")
        await ops.create_customer(session, actor=actor, code="WK-C1", name="半途客户")
        await ops.create_supplier(session, actor=actor, code="WK-S1", name="半途供应商")
        await session.commit()
    engine.fail_on = engine.upserts + 2
    with pytest.raises(EngineUnavailable):
        await worker.drain()
    assert await _backlog(sessions) == 2  # nothing was taken off the outbox
    engine.fail_on = None
    assert await worker.drain() == 2
    page = await engine.search(SearchRequest(text="半途", access=EVERYONE))
    assert sorted(h.kind for h in page.hits) == ["customer", "supplier"]
    await engine.close()


async def test_a_deleted_object_leaves_the_index(sessions, tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "idx")
    (cid,) = await _customers(sessions, "将被删除的客户")
    async with sessions() as session:
        await apply_outbox(session, engine, limit=10_000)
        await session.commit()
    assert await _titles(engine, "删除") == ["将被删除的客户"]
    from yecai.operations.models import Customer

    async with sessions() as session:
        await session.delete(await session.get(Customer, cid))
        await session.commit()
    async with sessions() as session:
        done = await apply_outbox(session, engine)
        await session.commit()
    assert (done.rows, done.deleted) == (1, 1)
    assert await _titles(engine, "删除") == []
    await engine.close()


async def test_one_worker_at_a_time_holds_the_outbox(sessions, tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "idx")
    first = OutboxWorker(sessions, engine, lease_seconds=0.5)
    second = OutboxWorker(sessions, engine, lease_seconds=0.5)
    await first.drain()
    await _customers(sessions, "租约客户")
    assert await second.drain() == 0  # the first one's lease is still running
    assert await _backlog(sessions) == 1
    await asyncio.sleep(0.6)
    assert await second.drain() == 1  # taken over once it expired
    async with sessions() as session:
        state = await session.get(SearchWorker, "outbox")
        assert state is not None and state.holder == second.holder
    await engine.close()


async def test_the_running_worker_is_woken_by_the_commit(sessions, tmp_path: Path) -> None:
    """With a poll of a minute, only the commit's wake-up can make the change searchable this soon."""
    engine = EmbeddedEngine(tmp_path / "idx")
    worker = OutboxWorker(sessions, engine, poll_seconds=60)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        for _ in range(200):  # the reference data first
            if await _backlog(sessions) == 0:
                break
            await asyncio.sleep(0.05)
        await _customers(sessions, "唤醒测试有限公司")
        for _ in range(100):
            if await _titles(engine, "唤醒"):
                break
            await asyncio.sleep(0.05)
        assert await _titles(engine, "唤醒") == ["唤醒测试有限公司"]
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    async with sessions() as session:
        state = await session.get(SearchWorker, "outbox")
        assert state is not None and state.holder is None  # released on the way out
    await engine.close()


async def test_an_empty_index_is_filled_from_the_database(sessions, tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "idx")
    await _customers(sessions, "早已存在的客户")
    async with sessions() as session:  # a database from before search: its outbox never existed
        await session.execute(SearchOutbox.__table__.delete())
        await session.commit()
    queued = await prepare(sessions, engine)
    assert queued > 1
    await OutboxWorker(sessions, engine).drain()  # nobody held the lease
    assert await _titles(engine, "早已存在") == ["早已存在的客户"]
    assert await prepare(sessions, engine) == 0  # not again once the index has documents
    await engine.close()
