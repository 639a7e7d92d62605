"""A small organisation for the certificates tests: HR, a holder deep in a department tree, their managers up
the tree, a manager elsewhere and a colleague."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import Actor
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.certificates import service
from yecai.certificates.models import Certificate
from yecai.org.models import Department, DepartmentKind


@dataclass
class Org:
    top: Department
    sales: Department
    east: Department  # under sales
    other: Department
    hr: User
    holder: User  # staff in sales-east
    sales_manager: User  # manager in sales: above the holder
    east_manager: User  # manager in sales-east: the holder's own
    other_manager: User  # manager of another department
    colleague: User  # staff in sales-east beside the holder
    auditor: User

    async def actor(self, session: AsyncSession, user: User) -> Actor:
        return await actor_for(session, user)

    async def issue(self, session: AsyncSession, **kw) -> Certificate:
        data = dict(kind="HONOUR", holder_id=self.holder.id, title="年度优秀员工", issuer="人力资源部")
        data.update(kw)
        return await service.issue_certificate(session, actor=await self.actor(session, self.hr), **data)


@pytest.fixture
async def org(session: AsyncSession) -> Org:
    top = await make_department(session, code="C-GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
    sales = await make_department(session, code="C-SALES", name="销售部", parent=top)
    east = await make_department(session, code="C-EAST", name="华东销售组", parent=sales)
    other = await make_department(session, code="C-WH", name="仓储部", parent=top)
    hr = await make_user(session, username="c.hr", roles=("hr",), department=top)
    holder = await make_user(session, username="c.holder", roles=("staff",), department=east)
    holder.display_name = "张晓明"
    sales_manager = await make_user(session, username="c.salesmgr", roles=("manager",), department=sales)
    east_manager = await make_user(session, username="c.eastmgr", roles=("manager",), department=east)
    other_manager = await make_user(session, username="c.whmgr", roles=("manager",), department=other)
    colleague = await make_user(session, username="c.colleague", roles=("staff",), department=east)
    auditor = await make_user(session, username="c.auditor", roles=("auditor",), department=top)
    await session.flush()
    return Org(top, sales, east, other, hr, holder, sales_manager, east_manager, other_manager, colleague, auditor)
