"""Tables of posting: rules, their immutable versions, and what each rule posted for each document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


class PostingRule(Base):
    """A posting rule (记账规则): for one business event type, which voucher to write."""

    __tablename__ = "posting_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    current_version_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostingRuleVersion(Base):
    """A published, never-changing version of a rule; every voucher line names the version it came from."""

    __tablename__ = "posting_rule_version"
    __table_args__ = (UniqueConstraint("rule_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("posting_rule.id", ondelete="RESTRICT"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostingRecord(Base):
    """That a rule posted a document: unique, so an event is never posted twice by the same rule."""

    __tablename__ = "posting_record"
    __table_args__ = (UniqueConstraint("rule_id", "source_type", "source_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("posting_rule.id", ondelete="RESTRICT"))
    rule_version_id: Mapped[int] = mapped_column(ForeignKey("posting_rule_version.id", ondelete="RESTRICT"))
    source_type: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[int] = mapped_column(Integer)
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("voucher.id", ondelete="RESTRICT"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
