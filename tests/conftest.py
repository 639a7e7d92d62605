"""Test harness: a real database migrated by Alembic, one rolled-back transaction per test.

``YECAI_TEST_DATABASE_URL`` picks the database (PostgreSQL in CI's second run); unset, a
temporary SQLite file is used.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, create_async_engine

from yecai.app import create_app
from yecai.audit.keys import load_keyring, use_keyring
from yecai.db import RequestSession, make_engine
from yecai.migrate import upgrade
from yecai.settings import Settings

pytest_plugins = ["tests.support.live_server"]

TEST_SECRET = "test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


def _database_url(tmp: Path) -> str:
    return os.environ.get("YECAI_TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{tmp / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def database_url() -> str:
    tmp = Path(tempfile.mkdtemp(prefix="yecai-test-"))
    return _database_url(tmp)


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        env="test", database_url=database_url, secret_key=TEST_SECRET, data_dir=tmp_path_factory.mktemp("data"),
        demo=False, login_max_failures_per_user=5, login_max_failures_per_address=20,
    )


@pytest.fixture(scope="session", autouse=True)
def audit_keyring(settings: Settings) -> None:
    """Audit events are hashed with a key generated into the test data directory, never ./var."""
    use_keyring(load_keyring(settings))


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(settings.resolved_database_url)
    if engine.dialect.name == "postgresql":
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def isolated_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A database of its own, migrated, for tests that must commit for real (concurrency)."""
    if database_url.startswith("sqlite"):
        engine = make_engine(f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='yecai-iso-')) / 'iso.sqlite3'}")
        await upgrade(engine)
        yield engine
        await engine.dispose()
        return
    name = f"yecai_iso_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(database_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(database_url).set(database=name).render_as_string(hide_password=False))
    try:
        await upgrade(engine)
        yield engine
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One connection whose outer transaction is rolled back after the test."""
    async with engine.connect() as conn:
        trans = await conn.begin()
        try:
            yield conn
        finally:
            if trans.is_active:
                await trans.rollback()


def _session_on(conn: AsyncConnection) -> RequestSession:
    # Commits inside the code under test release savepoints; the test's transaction stays open.
    return RequestSession(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    async with _session_on(connection) as s:
        yield s


@pytest.fixture
async def client(settings: Settings, connection: AsyncConnection, engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the real app whose requests all run inside the test's transaction."""
    app = create_app(settings, engine=engine, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 51000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


class GraphQLClient:
    """Posts GraphQL documents as a given user (bearer token) or anonymously."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def raw(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                  headers: dict[str, str] | None = None) -> httpx.Response:
        h = {"Accept": "application/graphql-response+json", "Content-Type": "application/json"}
        if token:
            h["Authorization"] = f"Bearer {token}"
        h.update(headers or {})
        # json.dumps escapes what UTF-8 cannot carry (a lone surrogate becomes \ud800), as clients send it.
        body = json.dumps({"query": query, "variables": variables or {}})
        return await self.http.post("/graphql", content=body.encode(), headers=h)

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                       errors: bool = False) -> dict[str, Any]:
        response = await self.raw(query, variables, token=token)
        body = response.json()
        if errors:
            return body
        assert "errors" not in body, body
        assert response.status_code == 200, body
        return body["data"]


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(client)
