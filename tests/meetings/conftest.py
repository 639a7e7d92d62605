"""A small organisation for the meetings tests: a department tree, an organiser, attendees, managers, outsiders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import Actor
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.org.models import Department, DepartmentKind


@dataclass
class Org:
    top: Department
    finance: Department
    sales: Department
    east: Department  # under sales
    other: Department
    organiser: User  # finance role in finance
    chair: User  # manager role in finance: approves
    attendee: User  # staff in sales-east
    sales_manager: User  # manager role in sales: above the attendee
    other_manager: User  # manager role in another department
    outsider: User  # business role in sales, not invited
    auditor: User

    async def actor(self, session: AsyncSession, user: User) -> Actor:
        return await actor_for(session, user)


@pytest.fixture
async def org(session: AsyncSession) -> Org:
    top = await make_department(session, code="M-GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
    finance = await make_department(session, code="M-FIN", name="财务部", kind=DepartmentKind.FINANCE, parent=top)
    sales = await make_department(session, code="M-SALES", name="销售部", parent=top)
    east = await make_department(session, code="M-EAST", name="华东销售组", parent=sales)
    other = await make_department(session, code="M-WH", name="仓储部", parent=top)
    organiser = await make_user(session, username="m.organiser", roles=("finance",), department=finance)
    chair = await make_user(session, username="m.chair", roles=("manager",), department=finance)
    attendee = await make_user(session, username="m.attendee", roles=("staff",), department=east)
    sales_manager = await make_user(session, username="m.salesmgr", roles=("manager",), department=sales)
    other_manager = await make_user(session, username="m.whmgr", roles=("manager",), department=other)
    outsider = await make_user(session, username="m.outsider", roles=("business",), department=sales)
    auditor = await make_user(session, username="m.auditor", roles=("auditor",), department=top)
    return Org(top, finance, sales, east, other, organiser, chair, attendee, sales_manager, other_manager, outsider,
               auditor)


START = datetime(2027, 1, 7, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
