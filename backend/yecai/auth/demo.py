"""The demo's sign-ins, one per built-in role, created through the service."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.auth import service
from yecai.auth.models import Role, User
from yecai.manifest import DemoContext


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    actor = system_actor("seed")
    departments = ctx.refs["departments"]
    roles = {r.code: r.id for r in (await session.execute(select(Role))).scalars()}
    users = {u.username: u for u in (await session.execute(select(User))).scalars()}
    created = 0
    for spec in ctx.data.get("users", []):
        if spec["username"] in users:
            continue
        users[spec["username"]] = await service.create_user(
            session, actor=actor, username=spec["username"], display_name=spec["display_name"],
            password=ctx.data["password"], email=spec.get("email"), department_id=departments[spec["department"]].id,
            role_ids=[roles[code] for code in spec["roles"]])
        created += 1
    ctx.created["users"] = created
    ctx.refs["users"] = users
