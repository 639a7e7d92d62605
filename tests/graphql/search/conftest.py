"""Search through the API: data only one department may see (the index fixture is in tests/graphql/conftest.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department
from tests.graphql.conftest import World
from yecai.actor import system_actor
from yecai.operations import service as ops


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
