"""Migrated databases for one test process, copied from a template migrated once.

Running Alembic's upgrade and the reference data costs seconds; copying the result costs milliseconds
(SQLite: the file, through ``sqlite3``'s backup API; PostgreSQL: ``CREATE DATABASE ... TEMPLATE``). A copy
is the database ``yecai.migrate.upgrade`` leaves, row for row: the template is made by that same call.

Each test process (each pytest-xdist worker too) has its own template and copies: SQLite files in its
own temporary directory, PostgreSQL databases of random names on the server of the test URL, dropped
at the end of the run.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
import sqlite3
import threading
from pathlib import Path

import asyncpg
from sqlalchemy import make_url

from tests.support.live_server import _plain_dsn
from yecai.db import make_engine
from yecai.migrate import upgrade


class Databases:
    """Hands out fresh migrated databases beside ``base_url`` (an SQLite file URL or a PostgreSQL URL)."""

    def __init__(self, base_url: str, root: Path) -> None:
        self.base_url = base_url
        self.root = root
        self.sqlite = base_url.startswith("sqlite")
        self._template: str | None = None
        self._created: list[str] = []

    # ------------------------------------------------------------------ public
    def url_for(self, name: str) -> str:
        """Where a database of this name lives: a file of the process's directory, or a database of the server."""
        if self.sqlite:
            return f"sqlite+aiosqlite:///{self.root / f'{name}.sqlite3'}"
        return make_url(self.base_url).set(database=name).render_as_string(hide_password=False)

    async def create(self, prefix: str = "yecai_copy", *, url: str | None = None) -> str:
        """A new database (at ``url``, replacing what is there, or of a new name) holding exactly what a
        fresh ``upgrade`` leaves; returns its URL."""
        template = await self._ensure_template()
        url = url or self.url_for(f"{prefix}_{secrets.token_hex(5)}")
        await self.drop(url)
        if self.sqlite:
            _sqlite_copy(Path(make_url(template).database or ""), Path(make_url(url).database or ""))
        else:
            await self._admin_execute(
                f'CREATE DATABASE "{make_url(url).database}" TEMPLATE "{make_url(template).database}"')
        self._created.append(url)
        return url

    async def drop(self, url: str) -> None:
        if url in self._created:
            self._created.remove(url)
        if self.sqlite:
            _sqlite_remove(Path(make_url(url).database or ""))
        else:
            await self._admin_execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    async def close(self) -> None:
        for url in list(self._created):
            await self.drop(url)
        if self._template is not None and not self.sqlite:
            await self._admin_execute(f'DROP DATABASE IF EXISTS "{make_url(self._template).database}" WITH (FORCE)')
        self._template = None
        if self.sqlite:
            shutil.rmtree(self.root / "template", ignore_errors=True)

    # ------------------------------------------------------------------ the template
    async def _ensure_template(self) -> str:
        if self._template is not None:
            return self._template
        if self.sqlite:
            folder = self.root / "template"
            folder.mkdir(parents=True, exist_ok=True)
            url = f"sqlite+aiosqlite:///{folder / 'template.sqlite3'}"
        else:
            name = f"yecai_tpl_{secrets.token_hex(5)}"
            await self._admin_execute(f'CREATE DATABASE "{name}"')
            url = make_url(self.base_url).set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()  # no connection may stay open on a template
        self._template = url
        return url

    async def _admin_execute(self, sql: str) -> None:
        # A connection of its own each time, bound to no event loop for longer than the statement.
        conn = await asyncpg.connect(_plain_dsn(self.base_url))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    def close_now(self) -> None:
        """``close`` from synchronous code (a session fixture's teardown), whether or not a loop is running."""
        if self.sqlite:
            self._created.clear()
            self._template = None
            shutil.rmtree(self.root, ignore_errors=True)
            return
        worker = threading.Thread(target=asyncio.run, args=(self.close(),))
        worker.start()
        worker.join()


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` (its WAL included) as a standalone file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _sqlite_remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
