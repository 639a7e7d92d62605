"""Sibling fields share the request's one database session without ever using it at the same time.

GraphQL resolves sibling fields concurrently; SQLAlchemy's AsyncSession is not safe for concurrent
use. ``RequestSession`` gives each operation its turn and never lets a cancelled resolver interrupt
a statement half-way; the endpoint waits for every statement before it commits.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import httpx
import strawberry
from graphql import GraphQLError
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from strawberry.types import Info

from tests.conftest import GraphQLClient, _session_on
from tests.factories import make_api_token, make_user
from yecai.db import make_session_factory
from yecai.http.graphql import GraphQLEndpoint
from yecai.settings import Settings


async def test_many_sibling_fields_on_one_session(session: AsyncSession, gql: GraphQLClient) -> None:
    """Fifteen siblings, each with DataLoaders of its own rows, take turns on the request's session."""
    user = await make_user(session, roles=("admin",))
    _, secret = await make_api_token(session, user=user)
    await session.commit()
    fields = " ".join(f"u{i}: users(first: 5) {{ totalCount edges {{ node {{ department {{ name }} roles {{ code }} }} }} }} "
                      f"r{i}: roles {{ totalCount }} d{i}: departments {{ totalCount }}" for i in range(5))
    r = await gql.raw("{ " + fields + " }", token=secret)
    assert r.status_code == 200 and "errors" not in r.json(), r.text[:500]
    data = r.json()["data"]
    assert len({str(data[f"u{i}"]) for i in range(5)}) == 1 and data["u0"]["totalCount"] >= 1


def _slow_statement(dialect: str) -> str:
    if dialect == "postgresql":
        return "SELECT count(*) FROM (SELECT pg_sleep(0.3)) AS s"
    return ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) "
            "SELECT count(*) FROM c")


@contextlib.contextmanager
def _statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """What happens to the slow statements on ``engine``: 'sent' and 'done' (the driver answered), and commits."""
    log: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "pg_sleep" in statement or "RECURSIVE" in statement:
            log.append("sent")

    def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "pg_sleep" in statement or "RECURSIVE" in statement:
            log.append("done")

    def commit(conn: Any, *args: Any) -> None:
        log.append("commit")

    hooks = [("before_cursor_execute", before), ("after_cursor_execute", after), ("commit", commit),
             ("release_savepoint", commit)]
    for name, fn in hooks:
        event.listen(engine.sync_engine, name, fn)
    try:
        yield log
    finally:
        for name, fn in hooks:
            event.remove(engine.sync_engine, name, fn)


def _cut_off(log: list[str]) -> bool:
    """Whether a statement was still running at a commit, or never answered."""
    running = 0
    for entry in log:
        running += {"sent": 1, "done": -1}.get(entry, 0)
        if entry == "commit" and running:
            return True
    return running != 0


def _schema(dialect: str) -> strawberry.Schema:
    """A schema whose non-null ``refused`` fails while its siblings are in the middle of a statement."""

    @strawberry.type
    class Query:
        @strawberry.field
        async def slow(self, info: Info) -> int:
            return int((await info.context.session.execute(text(_slow_statement(dialect)))).scalar_one())

        @strawberry.field
        async def refused(self, info: Info) -> int:
            await asyncio.sleep(0.05)  # the siblings' statements are running by now
            raise GraphQLError("refused", extensions={"code": "PERMISSION_DENIED"})

        @strawberry.field
        async def one(self, info: Info) -> int:
            return int((await info.context.session.execute(text("SELECT 1"))).scalar_one())

    return strawberry.Schema(query=Query)


async def _endpoint_client(schema: strawberry.Schema, sessions: Any, settings: Settings) -> httpx.AsyncClient:
    endpoint = GraphQLEndpoint(schema, sessions, settings)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=endpoint), base_url="http://testserver")


async def test_a_field_failing_through_a_non_null_position_leaves_the_transaction_clean(
        settings: Settings, connection: AsyncConnection, engine: AsyncEngine) -> None:
    """graphql-core cancels the siblings of a field that fails through a non-null root: their
    statements still complete, and the request commits after them (the issue's PendingRollbackError)."""
    schema = _schema(engine.dialect.name)
    async with await _endpoint_client(schema, lambda: _session_on(connection), settings) as client:
        for _ in range(3):
            with _statements(engine) as log:
                r = await client.post("/graphql", json={"query": "{ " + " ".join(
                    f"s{i}: slow r{i}: refused" for i in range(4)) + " }"})
            assert r.status_code == 200, r.text[:300]
            body = r.json()
            assert body["data"] is None
            assert {e["extensions"]["code"] for e in body["errors"]} == {"PERMISSION_DENIED"}, body
            assert "sent" in log and not _cut_off(log), log
            r = await client.post("/graphql", json={"query": "{ one }"})
            assert r.json() == {"data": {"one": 1}}, r.text[:300]


async def test_a_real_pool_connection_comes_back_clean(settings: Settings, isolated_engine: AsyncEngine) -> None:
    """The same with the server's own session factory: the pooled connection is reused, unbroken."""
    schema = _schema(isolated_engine.dialect.name)
    async with await _endpoint_client(schema, make_session_factory(isolated_engine), settings) as client:
        for _ in range(3):
            with _statements(isolated_engine) as log:
                r = await client.post("/graphql", json={"query": "{ " + " ".join(
                    f"s{i}: slow r{i}: refused" for i in range(8)) + " }"})
            assert r.status_code == 200 and r.json()["data"] is None, r.text[:300]
            assert {e["extensions"]["code"] for e in r.json()["errors"]} == {"PERMISSION_DENIED"}, r.text[:500]
            assert "sent" in log and not _cut_off(log), log
            r = await client.post("/graphql", json={"query": "{ one }"})
            assert r.status_code == 200 and r.json() == {"data": {"one": 1}}, r.text[:300]
