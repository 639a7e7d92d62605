"""The demo's department tree, created through the service (validated and audited)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.manifest import DemoContext
from yecai.org import service
from yecai.org.models import Department


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    actor = system_actor("seed")
    departments = {d.code: d for d in (await session.execute(select(Department))).scalars()}
    created = 0
    for spec in ctx.data.get("departments", []):
        if spec["code"] in departments:
            continue
        parent = departments[spec["parent"]].id if spec.get("parent") else None
        departments[spec["code"]] = await service.create_department(
            session, actor=actor, code=spec["code"], name=spec["name"], kind=spec["kind"], parent_id=parent,
            sort_order=spec.get("sort_order", 0))
        created += 1
    ctx.created["departments"] = created
    ctx.refs["departments"] = departments
