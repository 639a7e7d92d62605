"""Factories: one per model, writing rows directly (no audit events) for test set-up."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.auth.models import ApiToken, Role, RolePermission, User, UserRole
from yecai.auth.passwords import hash_password
from yecai.auth.service import actor_for, start_session
from yecai.auth.tokens import hash_api_token, new_api_token_secret
from yecai.db import utcnow
from yecai.operations.models import Customer, Product, ProductCategory, Supplier, Warehouse
from yecai.org.models import Department, DepartmentKind

PASSWORD = "Passw0rd!x"
_PASSWORD_HASH = hash_password(PASSWORD)
_seq = itertools.count(1)
BUILTIN_ROLE_CODES = ("admin", "finance", "business", "hr", "manager", "staff", "auditor")


async def make_department(session: AsyncSession, *, code: str | None = None, name: str | None = None,
                          kind: DepartmentKind = DepartmentKind.BUSINESS, parent: Department | None = None,
                          **kw: Any) -> Department:
    n = next(_seq)
    department = Department(code=code or f"D{n}", name=name or f"部门{n}", kind=kind,
                            parent_id=parent.id if parent else None, sort_order=kw.pop("sort_order", n),
                            active=kw.pop("active", True), **kw)
    session.add(department)
    await session.flush()
    return department


async def role_by_code(session: AsyncSession, code: str) -> Role:
    return (await session.execute(select(Role).where(Role.code == code))).scalar_one()


async def make_role(session: AsyncSession, *, code: str | None = None, permissions: tuple[str, ...] = (),
                    builtin: bool = False) -> Role:
    n = next(_seq)
    role = Role(code=code or f"role_{n}", name=f"角色{n}", description="", builtin=builtin)
    session.add(role)
    await session.flush()
    session.add_all([RolePermission(role_id=role.id, permission=p) for p in permissions])
    await session.flush()
    return role


async def make_user(session: AsyncSession, *, username: str | None = None, roles: tuple[str, ...] = ("staff",),
                    department: Department | None = None, active: bool = True, email: str | None = None,
                    password_hash: str | None = _PASSWORD_HASH) -> User:
    n = next(_seq)
    user = User(username=username or f"user{n}", display_name=f"用户{n}", email=email, active=active,
                department_id=department.id if department else None, password_hash=password_hash)
    session.add(user)
    await session.flush()
    for code in roles:
        session.add(UserRole(user_id=user.id, role_id=(await role_by_code(session, code)).id))
    await session.flush()
    return user


async def make_api_token(session: AsyncSession, *, user: User, revoked: bool = False,
                         expired: bool = False) -> tuple[ApiToken, str]:
    secret = new_api_token_secret()
    now = utcnow()
    token = ApiToken(user_id=user.id, name=f"token{next(_seq)}", token_hash=hash_api_token(secret),
                     prefix=secret[:10], created_at=now, revoked_at=now if revoked else None,
                     expires_at=now - timedelta(days=1) if expired else None)
    session.add(token)
    await session.flush()
    return token, secret


async def token_for(session: AsyncSession, user: User, secret_key: str) -> str:
    """A session of ``user`` and its bearer token, as login would start and issue."""
    return await start_session(session, user=user, secret_key=secret_key, ttl=timedelta(hours=1),
                               client_address="203.0.113.7")


async def actor_of(session: AsyncSession, user: User):
    return await actor_for(session, user, request_id="test", client_address="127.0.0.1")


# ---------------------------------------------------------------- the books and business documents
# Master data and periods go through the services (they are audited and validated like real ones); what a
# test needs of them is a bundle, so the test worlds do not each rebuild it.


@dataclass
class MasterData:
    customer: Customer
    supplier: Supplier
    category: ProductCategory
    product: Product
    warehouse: Warehouse


async def make_master_data(session: AsyncSession, *, prefix: str = "", customer: str = "客户甲",
                           supplier: str = "供应商乙", product: str = "商品丙", warehouse: str = "主仓") -> MasterData:
    """A customer, a supplier, the GOODS category, a product in it and a warehouse; codes start with ``prefix``."""
    from yecai.operations import service as ops

    system = system_actor("test")
    category = (await session.execute(select(ProductCategory).where(ProductCategory.code == "GOODS"))).scalar_one_or_none()
    if category is None:
        category = await ops.create_product_category(session, actor=system, code="GOODS", name="商品")
    return MasterData(
        customer=await ops.create_customer(session, actor=system, code=f"{prefix}C", name=customer),
        supplier=await ops.create_supplier(session, actor=system, code=f"{prefix}S", name=supplier),
        category=category,
        product=await ops.create_product(session, actor=system, code=f"{prefix}P", name=product,
                                         category_id=category.id),
        warehouse=await ops.create_warehouse(session, actor=system, code=f"{prefix}W", name=warehouse),
    )


async def open_months(session: AsyncSession, *periods: str) -> None:
    """Open fiscal periods (YYYY-MM) for posting."""
    from yecai.ledger.service import open_period

    for period in periods:
        await open_period(session, actor=system_actor("test"), period=period)


async def finance_pair(session: AsyncSession, department: Department | None = None):
    """Two finance users as actors: one prepares, the other reviews (four eyes)."""
    preparer = await actor_of(session, await make_user(session, roles=("finance",), department=department))
    reviewer = await actor_of(session, await make_user(session, roles=("finance",), department=department))
    return preparer, reviewer
