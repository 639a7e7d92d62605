"""Alembic environment: runs migrations on the async engine given by the caller or the settings."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from yecai import manifest
from yecai.db import Base

manifest.model_classes()  # every domain's tables on Base.metadata

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    from yecai.db import make_engine
    from yecai.settings import get_settings

    engine = make_engine(config.get_main_option("sqlalchemy.url") or get_settings().resolved_database_url)
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_async())
