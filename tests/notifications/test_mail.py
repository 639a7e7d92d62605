"""E-mail through a real SMTP server (aiosmtpd on a free local port), read back as the recipient would."""

from __future__ import annotations

import email
import email.header
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.factories import make_user
from tests.support.live_server import free_port
from yecai.auth.models import User
from yecai.db import make_session_factory
from yecai.notifications import mail, service
from yecai.notifications.models import EmailState, Notification
from yecai.settings import Settings

TITLE = "报销 BX-202612-0001 已付款 ¥1,234.50"


@dataclass
class Inbox:
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    refuse: bool = False

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse:
            return "451 try again later"
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def mail_settings(settings: Settings, smtp: tuple[Inbox, int]) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": smtp[1], "smtp_tls": "none",
                                       "smtp_from": "门户 <portal@yecai.example>", "smtp_timeout_seconds": 5})


async def _committed_notification(isolated_engine: AsyncEngine, address: str | None = "liu@example.com"
                                  ) -> tuple[int, object]:
    sessions = make_session_factory(isolated_engine)
    async with sessions() as session:
        user = await make_user(session, email=address)
        (row,) = await service.notify(session, recipients=[user.id], kind="expense_claim_paid", title=TITLE,
                                      body="您的费用报销已付款。", url="/documents/abc")
        await session.commit()
        return row.id, sessions


async def test_an_e_mail_with_a_chinese_subject_is_sent_after_the_commit(
        isolated_engine: AsyncEngine, mail_settings: Settings, smtp: tuple[Inbox, int]) -> None:
    inbox, _ = smtp
    notification_id, sessions = await _committed_notification(isolated_engine)
    assert await mail.send(sessions, mail_settings, [notification_id]) == (1, 0)  # type: ignore[arg-type]
    (sender, recipients, raw) = inbox.messages[0]
    assert sender == "portal@yecai.example" and recipients == ["liu@example.com"]
    assert b"Subject: =?utf-8?" in raw  # RFC 2047 on the wire
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(email.header.make_header(email.header.decode_header(message["Subject"]))) == TITLE
    assert "您的费用报销已付款。" in message.get_content() and "/documents/abc" in message.get_content()
    async with sessions() as session:  # type: ignore[operator]
        row = await session.get(Notification, notification_id)
        assert row.email_state == EmailState.SENT.value and row.email_sent_at is not None
    assert await mail.send(sessions, mail_settings, [notification_id]) == (0, 0)  # type: ignore[arg-type]
    assert len(inbox.messages) == 1  # sent once


async def test_a_failing_server_keeps_the_notification_and_schedules_a_retry(
        isolated_engine: AsyncEngine, mail_settings: Settings, smtp: tuple[Inbox, int]) -> None:
    inbox, _ = smtp
    inbox.refuse = True
    notification_id, sessions = await _committed_notification(isolated_engine)
    assert await mail.send(sessions, mail_settings, [notification_id]) == (0, 1)  # type: ignore[arg-type]
    async with sessions() as session:  # type: ignore[operator]
        row = await session.get(Notification, notification_id)
        assert row.email_state == EmailState.FAILED.value and row.email_attempts == 1
        assert row.email_error.startswith("451") and row.email_next_at is not None
        assert row.in_portal and row.read_at is None  # the portal notification stays
    inbox.refuse = False
    assert await mail.send(sessions, mail_settings, [notification_id]) == (1, 0)  # type: ignore[arg-type]


async def test_a_deactivated_recipient_gets_no_e_mail_on_a_retry(
        isolated_engine: AsyncEngine, mail_settings: Settings, smtp: tuple[Inbox, int]) -> None:
    inbox, _ = smtp
    inbox.refuse = True
    notification_id, sessions = await _committed_notification(isolated_engine)
    assert await mail.send(sessions, mail_settings, [notification_id]) == (0, 1)  # type: ignore[arg-type]
    async with sessions() as session:  # type: ignore[operator]
        row = await session.get(Notification, notification_id)
        (await session.get(User, row.recipient_id)).active = False
        await session.commit()
    inbox.refuse = False
    assert await mail.send(sessions, mail_settings, [notification_id]) == (0, 0)  # type: ignore[arg-type]
    assert inbox.messages == []


async def test_an_unreachable_server_is_a_failure_not_an_error(isolated_engine: AsyncEngine,
                                                              mail_settings: Settings) -> None:
    notification_id, sessions = await _committed_notification(isolated_engine)
    away = mail_settings.model_copy(update={"smtp_port": free_port()})
    assert await mail.send(sessions, away, [notification_id]) == (0, 1)  # type: ignore[arg-type]


async def test_the_runtime_publishes_and_mails_what_a_commit_wrote(
        isolated_engine: AsyncEngine, mail_settings: Settings, smtp: tuple[Inbox, int]) -> None:
    import asyncio

    from yecai.notifications import broker
    from yecai.notifications.runtime import NotificationRuntime

    inbox, _ = smtp
    sessions = make_session_factory(isolated_engine)
    runtime = NotificationRuntime(mail_settings.model_copy(update={"broker_url": "memory://"}), sessions)
    await runtime.start()
    try:
        async with sessions() as session:
            user = await make_user(session, email="wang@example.com")
            await session.commit()
        async with runtime.hub.subscribe() as messages:
            async with sessions() as session:
                (row,) = await service.notify(session, recipients=[user.id], kind="expense_claim_paid", title=TITLE)
                await session.commit()
            live = await asyncio.wait_for(anext(messages), 5)
        assert broker.addressed_to(live, user.id).id == row.id
        assert broker.addressed_to(live, user.id + 1) is None
        for _ in range(100):
            if inbox.messages:
                break
            await asyncio.sleep(0.05)
        assert [m[1] for m in inbox.messages] == [["wang@example.com"]]
    finally:
        await runtime.stop()
