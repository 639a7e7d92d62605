"""The demo's books: the current month is open, so the demo documents post."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.ledger.service import open_period
from yecai.manifest import DemoContext


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    await open_period(session, actor=system_actor("seed"), period=f"{today:%Y-%m}")
