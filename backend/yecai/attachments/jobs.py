"""The attachments domain's scheduled job: removing stored contents no attachment names any more."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.attachments import service
from yecai.attachments.storage import storage_for
from yecai.scheduling import Job
from yecai.settings import Settings


async def collect(session: AsyncSession, *, actor: Actor, settings: Settings, since: datetime | None,
                  until: datetime) -> str:
    """Deleting an attachment removes its row; its bytes go here, once no other attachment shares them and they
    are older than an hour (an upload in flight is younger). Idempotent: what is gone is not listed again."""
    storage = storage_for(settings)
    removed = await service.collect_garbage(session, storage=storage, stored=await storage.stored())
    return f"removed {len(removed)} stored contents"


JOBS = (
    Job("attachments.collect", "清理不再使用的附件文件", "Remove stored files no attachment uses any more",
        run=collect, cron="30 3 * * *"),
)
