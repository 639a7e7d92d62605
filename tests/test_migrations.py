"""The migrations make exactly the tables the models declare: Alembic's autogenerate comparison of a migrated
database (SQLite, and PostgreSQL on its pass) against the models finds nothing to add, drop or change. A model
changed without its migration (or a migration that forgot an index) fails here, not on a user's upgrade."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncEngine

from yecai import manifest
from yecai.db import Base


async def test_the_migrated_database_matches_the_models(isolated_engine: AsyncEngine) -> None:
    manifest.domains()  # every domain's models imported
    assert {"publication_audience", "sharing_rule", "voucher", "work_calendar_day"} <= set(Base.metadata.tables)
    async with isolated_engine.connect() as conn:
        differences = await conn.run_sync(lambda sync: compare_metadata(
            MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata))
    assert differences == []
