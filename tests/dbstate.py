"""A fingerprint of the whole database, to assert that a refused request changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.db import Base


async def fingerprint(session: AsyncSession) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (login attempts aside), in primary-key order."""
    state = {}
    manifest.model_classes()  # every domain's tables are on the metadata
    for table in Base.metadata.sorted_tables:
        if table.name == "login_attempt":
            continue
        rows = (await session.execute(select(table).order_by(*table.primary_key.columns))).all()
        state[table.name] = [tuple(r) for r in rows]
    return state
