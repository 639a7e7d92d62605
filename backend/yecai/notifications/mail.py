"""E-mail through SMTP (``aiosmtplib``), always after the commit, never losing the portal notification.

Sending is outside every transaction: the mailer reads the committed rows, sends over one SMTP
connection, and records each outcome in a short transaction of its own. A failure (the server is
down, refuses a recipient, times out) is recorded on the notification with the next attempt's time;
the scheduled upkeep job tries again with a growing delay, up to ``MAX_ATTEMPTS``. The portal
notification is already committed and shown whatever happens here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import aiosmtplib
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from yecai.auth.models import User
from yecai.db import utcnow
from yecai.notifications.models import EmailState, Notification
from yecai.settings import Settings

log = logging.getLogger("yecai.notifications")

MAX_ATTEMPTS = 8


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure: 1, 2, 4 ... minutes, at most 6 hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), timedelta(hours=6))


def message_for(settings: Settings, *, to: str, display_name: str, title: str, body: str, url: str) -> EmailMessage:
    """The e-mail of one notification; headers in Chinese are RFC 2047 encoded by the standard library."""
    message = EmailMessage()
    sender = settings.smtp_from or f"yecai@{settings.smtp_host or 'localhost'}"
    message["From"] = sender
    message["To"] = formataddr((display_name, to))
    message["Subject"] = title
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip("> "))
    text = body.strip()
    if url:
        text = f"{text}\n\n{url}" if text else url
    message.set_content(f"{text}\n\n—— 业财融合门户 Yecai\n")
    return message


def _client(settings: Settings) -> aiosmtplib.SMTP:
    return aiosmtplib.SMTP(hostname=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_user,
                           password=settings.smtp_password, use_tls=settings.smtp_tls == "tls",
                           start_tls=True if settings.smtp_tls == "starttls" else False,
                           timeout=settings.smtp_timeout_seconds)


async def send(sessions: async_sessionmaker[AsyncSession], settings: Settings, ids: Sequence[int]) -> tuple[int, int]:
    """Send the e-mails of these notifications that still wait for it; returns (sent, failed)."""
    if not ids or not settings.email_enabled:
        return 0, 0
    async with sessions() as session:
        rows = (await session.execute(
            select(Notification.id, Notification.title, Notification.body, Notification.url, User.email,
                   User.display_name)
            .join(User, User.id == Notification.recipient_id)
            .where(Notification.id.in_(list(ids)), User.active.is_(True),
                   Notification.email_state.in_([EmailState.PENDING.value, EmailState.FAILED.value])))).all()
    if not rows:
        return 0, 0
    sent: list[int] = []
    failed: dict[int, str] = {}
    try:
        async with _client(settings) as smtp:
            for row in rows:
                if not row.email:
                    failed[row.id] = "the recipient has no e-mail address"
                    continue
                try:
                    await smtp.send_message(message_for(settings, to=row.email, display_name=row.display_name,
                                                        title=row.title, body=row.body, url=row.url))
                    sent.append(row.id)
                except aiosmtplib.SMTPResponseException as error:  # this recipient; the connection stays
                    failed[row.id] = f"{error.code} {error.message}"
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
        reason = f"{type(error).__name__}: {error}"
        log.warning("notifications: the mail server failed (%s); %d e-mails will be retried", reason,
                    len(rows) - len(sent))
        failed.update({row.id: reason for row in rows if row.id not in sent and row.id not in failed})
    await _record(sessions, sent, failed)
    return len(sent), len(failed)


async def _record(sessions: async_sessionmaker[AsyncSession], sent: list[int], failed: dict[int, str]) -> None:
    now = utcnow()
    async with sessions() as session:
        if sent:
            await session.execute(update(Notification).where(Notification.id.in_(sent)).values(
                email_state=EmailState.SENT.value, email_sent_at=now, email_error=None, email_next_at=None,
                email_attempts=Notification.email_attempts + 1))
        rows = (await session.execute(select(Notification).where(Notification.id.in_(list(failed))))).scalars() \
            if failed else ()
        for row in rows:
            reason = failed[row.id]
            row.email_attempts += 1
            row.email_state = EmailState.FAILED.value
            row.email_error = reason[:2000]
            row.email_next_at = now + retry_delay(row.email_attempts) if row.email_attempts < MAX_ATTEMPTS else None
        await session.commit()
