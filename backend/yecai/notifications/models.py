"""Tables of notifications: what each user was told, and how each user wants to be told."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


class EmailState(enum.StrEnum):
    """Where a notification's e-mail stands: none asked for, waiting to be sent, sent, or failed (retried)."""

    NONE = "none"
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Notification(Base):
    """One notification (通知) to one user, written in the transaction of what caused it.

    It is shown in the user's notification centre when ``in_portal`` (the user's setting for its
    kind), and e-mailed after the commit when its e-mail state is pending; an e-mail that fails is
    retried by the scheduler and never takes the portal notification with it.
    """

    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_recipient_read", "recipient_id", "in_portal", "read_at", "id"),
        Index("ix_notification_email", "email_state", "email_next_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(60))  # a NotificationKind code (yecai.notifiable)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")  # the web app's path that opens its object
    subject_id: Mapped[str | None] = mapped_column(String(120))  # the global id of the object it is about
    in_portal: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_state: Mapped[str] = mapped_column(String(10), default=EmailState.NONE.value)
    email_attempts: Mapped[int] = mapped_column(Integer, default=0)
    email_next_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when a failed e-mail is tried again
    email_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_error: Mapped[str | None] = mapped_column(Text)


class NotificationSetting(Base):
    """A user's choice for one kind and channel (通知设置); without a row, the kind's default holds."""

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(60), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean)
