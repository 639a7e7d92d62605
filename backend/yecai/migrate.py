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

    def _foreign_keys(connection, on: bool) -> None:
        # On the driver's connection, outside any transaction: SQLite ignores the pragma inside one.
        cursor = connection.connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        cursor.close()

    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table (Alembic's batch mode) must neither trip nor cascade foreign keys;
            # they are checked before the migration commits.
            await connection.run_sync(_foreign_keys, False)
        try:
            await connection.run_sync(_upgrade)
            if sqlite:
                broken = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                if broken:
                    raise RuntimeError(f"the migration left rows whose foreign keys point nowhere: {broken[:5]}")
            await connection.commit()
        finally:
            if sqlite:
                await connection.rollback()
                await connection.run_sync(_foreign_keys, True)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        await ensure_reference_data(session)
        await session.commit()


async def ensure_reference_data(session: AsyncSession) -> None:
    """Each domain's reference data (roles, the chart of accounts, default rules ...), in domain order."""
    actor = system_actor("migrate")
    for domain in manifest.domains():
        if domain.reference_data is not None:
            await domain.reference_data(session, actor=actor)
