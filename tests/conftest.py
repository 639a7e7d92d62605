"""Test harness: a real database migrated by Alembic, one rolled-back transaction per test.

``YECAI_TEST_DATABASE_URL`` picks the database server (PostgreSQL in CI's second run); unset, temporary
SQLite files are used. Each test process (each pytest-xdist worker) migrates one template database and
copies it for the shared test database, for ``isolated_engine`` and for the prepared databases of PREPARED
(tests/support/databases.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from tests.support.databases import Databases
from yecai import app as app_module
from yecai.app import create_app
from yecai.audit.keys import load_keyring, use_keyring
from yecai.certificates import codes
from yecai.db import RequestSession, make_engine
from yecai.settings import Settings

pytest_plugins = ["tests.support.live_server"]

TEST_SECRET = "test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")  # each pytest-xdist worker has databases of its own

# Fixtures whose data is built once per test process and committed into a database of its own (a copy of the
# migrated template); a test that requests one runs its rolled-back transaction on that database instead of the
# shared one, so it sees those rows and no test sees another's. Name: the fixture -> its session-scoped
# fixture giving a ``Prepared`` (e.g. tests/graphql/conftest.py's ``world``).
PREPARED = {"world": "world_database"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist's ``--dist loadgroup``, the non-browser tests of the session's live server run in one
    worker, so one server is migrated, seeded and started instead of one per worker (the browser pass spreads
    its tests over the workers, each with its own server)."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if "live_server" in getattr(item, "fixturenames", ()) and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.xdist_group("live_server"))


@pytest.fixture(scope="session")
def databases_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="yecai-test-"))


@pytest.fixture(scope="session")
def databases(databases_root: Path) -> Iterator[Databases]:
    """Fresh migrated databases (copies of a template migrated once) for this test process."""
    base = os.environ.get("YECAI_TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{databases_root / 'server.sqlite3'}"
    found = Databases(base, databases_root)
    yield found
    found.close_now()


@pytest.fixture(scope="session")
def database_url(databases: Databases) -> str:
    """The shared test database of this process (created by ``engine``): a file of its own directory on
    SQLite; on PostgreSQL a database beside ``YECAI_TEST_DATABASE_URL``'s, one per pytest-xdist worker."""
    if databases.sqlite:
        return databases.url_for("test")
    return databases.url_for(f"{make_url(databases.base_url).database}_{WORKER}")


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


@pytest.fixture(scope="session", autouse=True)
def certificate_key(settings: Settings) -> None:
    """Verification codes are signed with a key generated into the test data directory, never ./var."""
    codes.use_key(codes.key_of(settings))


@pytest.fixture(scope="session", autouse=True)
def schema_per_settings() -> Iterator[None]:
    """``create_app`` builds the GraphQL schema (half a second) for each test's app: build it once per
    settings object and state instead. The schema keeps no state of its own between requests (its
    extensions are factories, called per request, reading the same settings object)."""
    built: dict[tuple[int, str], tuple[Settings, Any]] = {}
    real = app_module.build_schema

    def build_schema(settings: Settings) -> Any:
        key = (id(settings), settings.model_dump_json())
        if key not in built:
            built[key] = (settings, real(settings))  # the settings kept alive: their id stays theirs
        return built[key][1]

    app_module.build_schema = build_schema
    try:
        yield
    finally:
        app_module.build_schema = real


@pytest.fixture(scope="session")
async def engine(databases: Databases, database_url: str) -> AsyncIterator[AsyncEngine]:
    """The shared test database, migrated (a copy of the migrated template)."""
    await databases.create(url=database_url)
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()


@dataclass
class Prepared:
    """A database holding rows committed once for the session, and what the tests are handed of them."""

    engine: AsyncEngine
    value: Any


@pytest.fixture
def database(request: pytest.FixtureRequest, engine: AsyncEngine) -> AsyncEngine:
    """The engine of this test's transaction: the shared database, or the prepared one of a fixture in PREPARED."""
    wanted = [PREPARED[name] for name in request.fixturenames if name in PREPARED]
    if len(wanted) > 1:
        raise pytest.UsageError(f"{request.node.nodeid}: at most one prepared database per test, not {wanted}")
    return request.getfixturevalue(wanted[0]).engine if wanted else engine


@pytest.fixture
async def isolated_engine(databases: Databases) -> AsyncIterator[AsyncEngine]:
    """A database of its own, migrated, for tests that must commit for real (concurrency)."""
    url = await databases.create("yecai_iso")
    engine = make_engine(url)
    try:
        yield engine
    finally:
        await engine.dispose()
        await databases.drop(url)


@pytest.fixture
async def connection(database: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One connection whose outer transaction is rolled back after the test."""
    async with database.connect() as conn:
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
async def client(settings: Settings, connection: AsyncConnection, database: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the real app whose requests all run inside the test's transaction."""
    app = create_app(settings, engine=database, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
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
