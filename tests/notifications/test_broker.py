"""The broker between workers, on each backend it runs on: in memory, PostgreSQL LISTEN/NOTIFY, Redis.

Two hubs are two workers: what one publishes, the other's subscribers receive. PostgreSQL runs when
the tests run on it; Redis when `redis-server` is installed (scripts/ensure-system.sh installs it):
a throwaway server on a free port of 127.0.0.1, stopped after the test.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.support.live_server import free_port
from yecai.notifications import broker
from yecai.notifications.dispatch import Delivery
from yecai.settings import Settings

DATABASE_URL = os.environ.get("YECAI_TEST_DATABASE_URL") or ""


def _deliveries(recipients: range) -> list[Delivery]:
    now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    return [Delivery(id=1000 + r, recipient_id=r, kind="expense_claim_paid", title="报销已付款 ¥1,234.50", body="正文" * 400,
                     url="/documents/x", subject_id=None, created_at=now, in_portal=True, email=False)
            for r in recipients]


def test_messages_are_grouped_and_chunked_under_the_notify_limit() -> None:
    messages = broker.messages(_deliveries(range(1, 451)))
    assert len(messages) == 3  # 200 + 200 + 50 recipients of one content
    assert all(len(m.encode()) < 8000 for m in messages)
    assert broker.addressed_to(messages[0], 7).id == 1007
    assert broker.addressed_to(messages[0], 300) is None and broker.addressed_to(messages[1], 300).id == 1300
    assert broker.addressed_to("not json", 7) is None


def test_messages_carry_only_the_deliveries_shown_in_the_portal() -> None:
    shown, mail_only = _deliveries(range(1, 3))
    assert broker.messages([replace(mail_only, in_portal=False)]) == []
    (message,) = broker.messages([shown, replace(mail_only, in_portal=False)])
    assert broker.addressed_to(message, 1).id == 1001 and broker.addressed_to(message, 2) is None


async def _across(url: str) -> None:
    one, two = broker.Hub(url), broker.Hub(url)
    await one.connect()
    await two.connect()
    try:
        async with two.subscribe() as messages:
            await asyncio.sleep(0.2)  # the subscription reaches the server
            for message in broker.messages(_deliveries(range(1, 3))):
                await one.publish(message)
            received = await asyncio.wait_for(anext(messages), 5)
        assert broker.addressed_to(received, 2).id == 1002
    finally:
        await one.disconnect()
        await two.disconnect()


def test_the_broker_url_follows_the_database() -> None:
    assert Settings(database_url="sqlite+aiosqlite:///x.db").resolved_broker_url == "memory://"
    assert Settings(database_url="postgresql+asyncpg://u:p@h:5432/db").resolved_broker_url == "postgres://u:p@h:5432/db"
    assert Settings(database_url="postgresql+asyncpg://u@h/db", broker_url="redis://r:6379/0"
                    ).resolved_broker_url == "redis://r:6379/0"


async def test_in_memory_within_one_process() -> None:
    hub = broker.Hub("memory://")
    await hub.connect()
    try:
        async with hub.subscribe() as messages:
            await hub.publish(broker.messages(_deliveries(range(1, 2)))[0])
            assert broker.addressed_to(await asyncio.wait_for(anext(messages), 5), 1) is not None
    finally:
        await hub.disconnect()


async def test_the_router_wakes_only_the_subscriptions_addressed_and_ends_those_signed_out() -> None:
    hub = broker.Hub("memory://")
    await hub.connect()
    signed_out: set[str] = set()
    checked: list[int] = []

    async def check(boxes):
        checked.append(len(boxes))  # one call per message, whatever the number of sockets
        return {b for b in boxes if b.session_id not in signed_out}

    router = broker.Router(hub, check)
    await router.start()
    try:
        with router.inbox(1, "a") as a1, router.inbox(1, "b") as b1, router.inbox(2, "c") as c2, \
                router.inbox(3, None) as d3:
            assert router.subscribers == 4
            for message in broker.messages(_deliveries(range(1, 3))):
                await hub.publish(message)
            got = [await asyncio.wait_for(anext(box.deliveries()), 5) for box in (a1, b1, c2)]
            assert [(d.recipient_id, d.id) for d in got] == [(1, 1001), (1, 1001), (2, 1002)]
            assert d3.queue.empty() and checked == [3]  # user 3 was not addressed: not even looked at
            signed_out.add("a")
            await hub.publish(broker.messages(_deliveries(range(1, 2)))[0])
            assert (await asyncio.wait_for(anext(b1.deliveries()), 5)).recipient_id == 1
            assert [d async for d in a1.deliveries()] == []  # ended, and nothing came through
            assert a1.ended and not b1.ended
        assert router.subscribers == 0
    finally:
        await router.stop()
        await hub.disconnect()


@pytest.mark.skipif(not DATABASE_URL.startswith("postgresql"), reason="PostgreSQL LISTEN/NOTIFY needs "
                                                                       "YECAI_TEST_DATABASE_URL")
async def test_postgresql_listen_notify_between_two_workers() -> None:
    await _across(Settings(database_url=DATABASE_URL).resolved_broker_url)


@pytest.fixture
def redis_url() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/ensure-system.sh installs it)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="yecai-redis-")
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--dir", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                import socket

                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


async def test_redis_between_two_workers(redis_url: str) -> None:
    await _across(redis_url)
