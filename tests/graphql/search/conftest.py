"""Search through the API: the test's own index, filled from the test's transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department
from tests.graphql.conftest import World
from yecai.actor import system_actor
from yecai.operations import service as ops
from yecai.search import runtime
from yecai.search.engine import SearchEngine
from yecai.search.worker import apply_outbox
from yecai.settings import Settings

Index = Callable[[], Awaitable[SearchEngine]]


@pytest.fixture
async def index(settings: Settings, session: AsyncSession) -> Index:
    """Empty the index, then call the result to apply the outbox of the test's transaction to it (as the worker would)."""
    engine = runtime.engine_for(settings)
    await engine.clear()

    async def apply() -> SearchEngine:
        await apply_outbox(session, engine, limit=1_000_000)
        await session.commit()
        return engine

    return apply


@pytest.fixture
async def other_department_order(world: World, session: AsyncSession):
    """An order of the world's customer in another department: the world's business users must never see it."""
    other = await make_department(session, code="S-OTHER", name="华南销售部")
    order = await ops.create_sales_order(
        session, actor=system_actor("test"), customer_id=world.ops.customer.id, day=date(2026, 11, 6),
        department_id=other.id, lines=[ops.PricedLineInput(world.ops.product.id, Decimal("1"), Decimal("5.00"),
                                                           Decimal("0.13"))])
    await session.commit()
    return order
