"""A small organisation for the sharing tests: a responsible person and deputy, receivers, an outsider, a manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import Actor, system_actor
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.org.models import Department, DepartmentKind
from yecai.sharing import service
from yecai.sharing.models import SharingRule

# 2027-01-04 is a Monday; 09:00 in Shanghai is 01:00 UTC.
START = datetime(2027, 1, 4, 1, 0, tzinfo=UTC)
DAILY = "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0"


@dataclass
class Org:
    top: Department
    sales: Department
    finance: Department
    east: Department  # under finance
    other: Department
    publisher: User  # business, sales: responsible
    deputy: User  # staff, sales
    receiver: User  # staff, finance-east (under the audience's finance)
    cfo: User  # manager of finance
    outsider: User  # staff of another department
    other_manager: User
    admin: User

    async def actor(self, session: AsyncSession, user: User) -> Actor:
        return await actor_for(session, user)


@pytest.fixture
async def org(session: AsyncSession) -> Org:
    top = await make_department(session, code="S-GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
    sales = await make_department(session, code="S-SALES", name="销售部", parent=top)
    finance = await make_department(session, code="S-FIN", name="财务部", kind=DepartmentKind.FINANCE, parent=top)
    east = await make_department(session, code="S-EAST", name="华东核算组", parent=finance)
    other = await make_department(session, code="S-WH", name="仓储部", parent=top)
    return Org(top, sales, finance, east, other,
               await make_user(session, username="s.publisher", roles=("business",), department=sales),
               await make_user(session, username="s.deputy", roles=("staff",), department=sales),
               await make_user(session, username="s.receiver", roles=("staff",), department=east),
               await make_user(session, username="s.cfo", roles=("manager",), department=finance),
               await make_user(session, username="s.outsider", roles=("staff",), department=other),
               await make_user(session, username="s.whmgr", roles=("manager",), department=other),
               await make_user(session, username="s.admin", roles=("admin",), department=top))


def rule_input(org: Org, **changes: object) -> service.RuleInput:
    values: dict[str, object] = dict(
        title="销售日报", responsible_id=org.publisher.id, deputy_id=org.deputy.id, recurrence=DAILY,
        starts_at=START, working_days=True, deadline_minutes=60, department_id=org.sales.id,
        audience_department_ids=[org.finance.id])
    values.update(changes)
    return service.RuleInput(**values)  # type: ignore[arg-type]


async def make_rule(session: AsyncSession, org: Org, **changes: object) -> SharingRule:
    return await service.create_sharing_rule(session, actor=system_actor("test"), data=rule_input(org, **changes))
