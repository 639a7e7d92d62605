"""Database engine, session factory and the declarative Base."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import BigInteger, DateTime, MetaData, Numeric, event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    AsyncSessionTransaction,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import AsyncAdaptedQueuePool
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Ids and other integer columns are INTEGER (32 bits on PostgreSQL): a larger number from outside is refused
# before it reaches the driver, which would fail on it.
MAX_INTEGER = 2**31 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


# Counts SQL statements per logical unit (a request, a test): see ``count_statements``.
_statement_counter: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "yecai_statement_counter", default=None
)


_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")


@event.listens_for(Engine, "before_cursor_execute")
def _count_statement(conn, cursor, statement, parameters, context, executemany):
    counter = _statement_counter.get()
    # Transaction control (BEGIN, SAVEPOINT, RELEASE) is not work a query asks for.
    if counter is not None and not statement.startswith(_CONTROL):
        counter[0] += 1


@asynccontextmanager
async def count_statements() -> AsyncIterator[list[int]]:
    """Count the SQL statements executed inside the block; ``box[0]`` holds the figure."""
    box = [0]
    token = _statement_counter.set(box)
    try:
        yield box
    finally:
        _statement_counter.reset(token)


def start_counting() -> tuple[list[int], contextvars.Token[list[int] | None]]:
    box = [0]
    return box, _statement_counter.set(box)


def stop_counting(token: contextvars.Token[list[int] | None]) -> None:
    _statement_counter.reset(token)


def _json_serializer(value: Any) -> str:
    return orjson.dumps(value).decode()


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """Create the async engine; SQLite gets one connection, WAL and foreign keys."""
    if url.startswith("sqlite"):
        # SQLite has a single writer: one pooled connection serialises transactions
        # in this process instead of failing them with "database is locked".
        engine = create_async_engine(
            url,
            echo=echo,
            poolclass=AsyncAdaptedQueuePool,
            pool_size=1,
            max_overflow=0,
            pool_timeout=60,
            connect_args={"timeout": 30},
            json_serializer=_json_serializer,
            json_deserializer=orjson.loads,
        )

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, connection_record):
            # The driver's own transaction handling breaks SAVEPOINT; SQLAlchemy emits BEGIN instead.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(conn):
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_async_engine(url, echo=echo, pool_size=10, max_overflow=10, pool_pre_ping=True,
                               json_serializer=_json_serializer, json_deserializer=orjson.loads)


class SessionFinished(RuntimeError):
    """A resolver used the request's session after the request had finished with it."""


class RequestSession(AsyncSession):
    """An ``AsyncSession`` that the resolvers of one request share, taking turns.

    SQLAlchemy's ``AsyncSession`` is not safe for concurrent use, and GraphQL resolves sibling
    fields concurrently on the request's one session. Here every operation that talks to the
    database (``execute``, ``get``, ``flush``, a savepoint's begin and end ...) waits for its
    turn, one at a time per session, and runs as a task of its own: a caller that is cancelled
    (graphql-core cancels the siblings of a field that fails through a non-null position) stops
    waiting, but a statement already sent is never interrupted half-way, which would leave the
    connection's transaction unusable. DataLoaders still batch: their loads are gathered before
    the one statement of the batch queues here.

    The owner of the request (the GraphQL endpoint) calls :meth:`finish_resolvers` when
    execution has returned: operations that have not started are refused from then on
    (:class:`SessionFinished`), and those still running are waited for, so that the commit or
    rollback that follows never runs under a resolver.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn = asyncio.Lock()
        self._running: set[asyncio.Task[Any]] = set()
        self._finished = False

    async def _in_turn(self, fn: Callable[..., Awaitable[Any]], *args: Any, ends: bool = False, **kwargs: Any) -> Any:
        if self._finished and not ends:
            raise SessionFinished("the request has finished with its database session")
        started = False

        async def run() -> Any:
            nonlocal started
            async with self._turn:
                started = True
                return await fn(*args, **kwargs)

        task = asyncio.ensure_future(run())
        self._running.add(task)
        task.add_done_callback(self._done)
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if not started:
                task.cancel()  # still waiting for its turn: nothing was sent yet
            raise

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved: a caller that was cancelled no longer wants it

    async def finish_resolvers(self) -> None:
        """Refuse operations from now on, except ending the transaction, and wait for those still running."""
        self._finished = True
        while self._running:
            await asyncio.wait(set(self._running))

    # Everything below does I/O through the driver; the rest of AsyncSession delegates to these.

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().execute, *args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().scalar, *args, **kwargs)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().get, *args, **kwargs)

    async def get_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().get_one, *args, **kwargs)

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().stream, *args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        await self._in_turn(super().refresh, *args, **kwargs)

    async def run_sync(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().run_sync, *args, **kwargs)

    async def delete(self, instance: object) -> None:
        await self._in_turn(super().delete, instance)

    async def delete_all(self, instances: Any) -> None:
        await self._in_turn(super().delete_all, instances)

    async def merge(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().merge, *args, **kwargs)

    async def merge_all(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().merge_all, *args, **kwargs)

    async def flush(self, objects: Any = None) -> None:
        await self._in_turn(super().flush, objects)

    async def connection(self, *args: Any, **kwargs: Any) -> Any:
        return await self._in_turn(super().connection, *args, **kwargs)

    async def commit(self) -> None:
        await self._in_turn(super().commit, ends=True)

    async def rollback(self) -> None:
        await self._in_turn(super().rollback, ends=True)

    async def close(self) -> None:
        await self._in_turn(super().close, ends=True)

    async def reset(self) -> None:
        await self._in_turn(super().reset, ends=True)

    async def invalidate(self) -> None:
        await self._in_turn(super().invalidate, ends=True)

    def begin(self) -> AsyncSessionTransaction:
        return _TurnTransaction(self)

    def begin_nested(self) -> AsyncSessionTransaction:
        return _TurnTransaction(self, nested=True)


class _TurnTransaction(AsyncSessionTransaction):
    """A transaction or savepoint of a :class:`RequestSession`: its begin and end take their turn too."""

    session: RequestSession

    async def start(self, is_ctxmanager: bool = False) -> AsyncSessionTransaction:
        return await self.session._in_turn(super().start, is_ctxmanager)

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        await self.session._in_turn(super().__aexit__, type_, value, traceback, ends=True)

    async def commit(self) -> None:
        await self.session._in_turn(super().commit, ends=True)

    async def rollback(self) -> None:
        await self.session._in_turn(super().rollback, ends=True)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[RequestSession]:
    return async_sessionmaker(engine, class_=RequestSession, expire_on_commit=False, autoflush=True)


class Fixed(TypeDecorator[Decimal]):
    """An exact decimal with ``scale`` places: NUMERIC(18 + scale, scale) on PostgreSQL.

    SQLite has no exact decimal type (NUMERIC becomes a float there), so on SQLite the value
    is kept as a whole number of its smallest unit (fen for money) in an INTEGER column:
    exact, and SUM() stays exact.
    """

    impl = Numeric(20, 2, asdecimal=True)
    cache_ok = True

    def __init__(self, scale: int = 2, precision: int | None = None) -> None:  # precision: Alembic renders it
        super().__init__()
        # Per-instance impl, so that Alembic renders this column's own precision and scale.
        self.impl = Numeric(18 + scale, scale, asdecimal=True)
        self.scale = scale
        self.unit = Decimal(1).scaleb(-scale)
        self.factor = 10**scale

    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(18 + self.scale, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("exact amounts must be Decimal, never float")
        value = Decimal(value)
        scaled = value * self.factor
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        return int(scaled) if dialect.name == "sqlite" else value.quantize(self.unit)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / self.factor).quantize(self.unit)
        return Decimal(value).quantize(self.unit)

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def Money() -> Fixed:
    """Yuan with two places (fen)."""
    return Fixed(2)


def Quantity() -> Fixed:
    """Quantities of goods, to four places."""
    return Fixed(4)


CENT = Decimal("0.01")
