"""Fixtures for API tests: a small organisation and signed-in users of each role."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID

from tests.conftest import TEST_SECRET
from tests.factories import make_api_token, make_department, make_role, make_user, token_for
from yecai.auth.actor import system_actor
from yecai.auth.models import ApiToken, Role, User
from yecai.auth.service import actor_for
from yecai.ledger.models import Account, Voucher
from yecai.ledger.service import LineInput, accounts_by_code, create_voucher, open_period, post_voucher, review_voucher
from yecai.org.models import Department, DepartmentKind


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))


@dataclass
class Ledger:
    accounts: dict[str, Account]
    draft: Voucher
    spare_draft: Voucher
    reviewed: Voucher
    spare_reviewed: Voucher
    posted: Voucher


@dataclass
class World:
    parent: Department
    child: Department
    empty: Department
    target: User
    custom_role: Role
    unused_role: Role
    target_token: ApiToken
    target_token_secret: str
    ledger: Ledger


@pytest.fixture
async def world(session: AsyncSession) -> World:
    parent = await make_department(session, code="W-PARENT", name="上级部门", kind=DepartmentKind.EXECUTIVE)
    child = await make_department(session, code="W-CHILD", name="下级部门", parent=parent)
    empty = await make_department(session, code="W-EMPTY", name="空部门", parent=parent)
    target = await make_user(session, username="target.user", roles=("staff",), department=child,
                             email="target@example.com")
    custom = await make_role(session, code="custom_reader", permissions=("org.read",))
    unused = await make_role(session, code="unused_role", permissions=("org.read",))
    await session.flush()
    from yecai.auth.models import UserRole

    session.add(UserRole(user_id=target.id, role_id=custom.id))
    token, secret = await make_api_token(session, user=target)
    ledger = await _ledger(session)
    await session.commit()
    return World(parent, child, empty, target, custom, unused, token, secret, ledger)


async def _ledger(session: AsyncSession) -> Ledger:
    """Vouchers in each state, prepared and reviewed by finance users outside the test's actors."""
    system = system_actor("test")
    for period in ("2026-10", "2026-11"):
        await open_period(session, actor=system, period=period)
    accounts = await accounts_by_code(session, ["1001", "1002", "4001", "6601"])
    preparer = await actor_for(session, await make_user(session, roles=("finance",)))
    reviewer = await actor_for(session, await make_user(session, roles=("finance",)))

    async def voucher(summary: str) -> Voucher:
        return await create_voucher(session, actor=preparer, day=date(2026, 11, 10), summary=summary, lines=[
            LineInput(account_id=accounts["1001"].id, debit=Decimal("100.00")),
            LineInput(account_id=accounts["1002"].id, credit=Decimal("100.00"))])

    draft, spare_draft, reviewed, spare_reviewed, posted = [await voucher(f"凭证{i}") for i in range(5)]
    for v in (reviewed, spare_reviewed, posted):
        await review_voucher(session, actor=reviewer, voucher_id=v.id)
    await post_voucher(session, actor=reviewer, voucher_id=posted.id)
    return Ledger(accounts, draft, spare_draft, reviewed, spare_reviewed, posted)


SignIn = Callable[[str], Awaitable[tuple[User, str]]]


@pytest.fixture
def sign_in(session: AsyncSession) -> SignIn:
    """A new user holding one built-in role, and their bearer token."""

    async def make(role: str) -> tuple[User, str]:
        user = await make_user(session, roles=(role,))
        await session.commit()
        return user, token_for(user, TEST_SECRET)

    return make
