"""Fixtures for API tests: a small organisation and signed-in users of each role."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID

from tests.conftest import TEST_SECRET
from tests.factories import make_api_token, make_department, make_role, make_user, token_for
from yecai.auth.models import ApiToken, Role, User
from yecai.org.models import Department, DepartmentKind


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))


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
    await session.commit()
    return World(parent, child, empty, target, custom, unused, token, secret)


SignIn = Callable[[str], Awaitable[tuple[User, str]]]


@pytest.fixture
def sign_in(session: AsyncSession) -> SignIn:
    """A new user holding one built-in role, and their bearer token."""

    async def make(role: str) -> tuple[User, str]:
        user = await make_user(session, roles=(role,))
        await session.commit()
        return user, token_for(user, TEST_SECRET)

    return make
