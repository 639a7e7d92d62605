"""Loads demo data from ``seeds/`` through each domain's demo step, in domain order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest


async def seed_demo(session: AsyncSession, seeds_dir: Path) -> dict[str, int]:
    """Create the demo organisation; rows that already exist are left alone, so it can run twice."""
    data: dict[str, Any] = json.loads((seeds_dir / "demo.json").read_text(encoding="utf-8"))
    ctx = manifest.DemoContext(data=data)
    for domain in manifest.domains():
        if domain.demo is not None:
            await domain.demo(session, ctx)
    return ctx.created


def demo_sign_ins(seeds_dir: Path) -> tuple[list[str], str]:
    data = json.loads((seeds_dir / "demo.json").read_text(encoding="utf-8"))
    return [u["username"] for u in data["users"]], data["password"]
