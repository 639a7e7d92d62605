"""The notifications domain's scheduled job: removing old read notifications and retrying failed e-mails."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.notifications import dispatch, service
from yecai.notifications.models import EmailState, Notification
from yecai.scheduling import Job
from yecai.settings import Settings

RETRY_BATCH = 500
# An e-mail still pending this long after its commit lost its sender (the process stopped): send it again.
ORPHANED_AFTER = timedelta(minutes=2)
# ... but only within this long after its commit, and while it is unread: the day a mail server is first
# configured (or after a long outage), old pending notifications are not mailed all at once.
ORPHANED_WITHIN = timedelta(hours=24)


async def upkeep(session: AsyncSession, *, actor: Actor, settings: Settings, since: datetime | None,
                 until: datetime) -> str:
    """Remove notifications read more than the retention ago; queue the e-mails due for another attempt."""
    removed = await service.remove_read(session, before=until - timedelta(days=settings.notification_retention_days))
    retried = 0
    if settings.email_enabled:
        # A failed e-mail has no next attempt once its MAX_ATTEMPTS are spent (mail._record): no count here.
        due = or_(and_(Notification.email_state == EmailState.FAILED.value, Notification.email_next_at.is_not(None),
                       Notification.email_next_at <= until),
                  and_(Notification.email_state == EmailState.PENDING.value, Notification.read_at.is_(None),
                       Notification.created_at <= until - ORPHANED_AFTER,
                       Notification.created_at > until - ORPHANED_WITHIN))
        rows = list((await session.execute(select(Notification).where(due).order_by(Notification.id)
                                           .limit(RETRY_BATCH))).scalars())
        if rows:
            await session.execute(update(Notification).where(Notification.id.in_([r.id for r in rows]))
                                  .values(email_state=EmailState.PENDING.value, email_next_at=None))
            dispatch.after_commit(session, rows, email_only=True)
        retried = len(rows)
    return f"removed {removed}, e-mails retried {retried}"


JOBS = (
    Job("notifications.upkeep", "清理已读通知并重发失败的邮件", "Remove old read notifications, retry failed e-mails",
        run=upkeep, every=timedelta(minutes=5)),
)
