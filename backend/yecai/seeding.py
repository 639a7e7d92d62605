"""Loads demo data from ``seeds/`` through the service functions (validated and audited)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

import yecai.models  # noqa: F401  (event listeners post the demo documents)
from yecai.auth import service as auth
from yecai.auth.actor import system_actor
from yecai.auth.models import Role, User
from yecai.org import service as org
from yecai.org.models import Department


async def seed_demo(session: AsyncSession, seeds_dir: Path) -> dict[str, int]:
    """Create the demo organisation; rows that already exist are left alone, so it can run twice."""
    data: dict[str, Any] = json.loads((seeds_dir / "demo.json").read_text(encoding="utf-8"))
    actor = system_actor("seed")
    created = {"departments": 0, "users": 0}
    departments = {d.code: d for d in (await session.execute(select(Department))).scalars()}
    for spec in data["departments"]:
        if spec["code"] in departments:
            continue
        parent = departments[spec["parent"]].id if spec.get("parent") else None
        departments[spec["code"]] = await org.create_department(
            session, actor=actor, code=spec["code"], name=spec["name"], kind=spec["kind"], parent_id=parent,
            sort_order=spec.get("sort_order", 0))
        created["departments"] += 1
    roles = {r.code: r.id for r in (await session.execute(select(Role))).scalars()}
    existing = set((await session.execute(select(User.username))).scalars())
    for spec in data["users"]:
        if spec["username"] in existing:
            continue
        await auth.create_user(
            session, actor=actor, username=spec["username"], display_name=spec["display_name"],
            password=data["password"], email=spec.get("email"), department_id=departments[spec["department"]].id,
            role_ids=[roles[code] for code in spec["roles"]])
        created["users"] += 1
    return created


def demo_sign_ins(seeds_dir: Path) -> tuple[list[str], str]:
    data = json.loads((seeds_dir / "demo.json").read_text(encoding="utf-8"))
    return [u["username"] for u in data["users"]], data["password"]
