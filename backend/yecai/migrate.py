"""Bring a database to the newest schema, and create the reference data every install needs."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from yecai import manifest
from yecai.actor import system_actor

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade(engine: AsyncEngine) -> None:
    """Run Alembic's upgrade to head on ``engine``, then ensure the reference data."""

    def _upgrade(connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        await ensure_reference_data(session)
        await session.commit()


async def ensure_reference_data(session: AsyncSession) -> None:
    """Each domain's reference data (roles, the chart of accounts, default rules ...), in domain order."""
    actor = system_actor("migrate")
    for domain in manifest.domains():
        if domain.reference_data is not None:
            await domain.reference_data(session, actor=actor)
