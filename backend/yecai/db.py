"""Database engine, session factory and the declarative Base."""

from __future__ import annotations

import contextvars
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import BigInteger, DateTime, MetaData, Numeric, event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
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


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


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
