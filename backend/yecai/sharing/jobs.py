"""The sharing domain's scheduled job: at each time node, the publications due; after each deadline, the missed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.scheduling import Job
from yecai.settings import Settings
from yecai.sharing import publications


async def time_nodes(session: AsyncSession, *, actor: Actor, settings: Settings, since: datetime | None,
                     until: datetime) -> str:
    """Make the publications of the time nodes up to ``until``; mark missed those whose deadline is before it.

    Both steps read what is left to do, so a run after downtime catches up every node once, and a run over a
    window already covered finds nothing.
    """
    due = await publications.materialise(session, actor=actor, until=until)
    missed = await publications.mark_missed(session, actor=actor, until=until)
    return f"due {len(due)}, missed {len(missed)}"


JOBS = (
    Job("sharing.time_nodes", "信息共享时间节点：生成待发布并标记缺报", "Sharing time nodes: publications due, missed ones",
        run=time_nodes, every=timedelta(minutes=1)),
)
