"""Tables of the audit trail: events in a keyed hash chain, and the chain's head."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime

BigInt = BigInteger().with_variant(Integer, "sqlite")


class AuditEvent(Base):
    """One change: who did what to which subject, before and after, chained to the previous event."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_subject", "subject_type", "subject_id"),
        Index("ix_audit_event_actor", "actor_id", "seq"),
        Index("ix_audit_event_action", "action", "seq"),
    )

    # The position in the chain, handed out by AuditChainHead; never reused.
    seq: Mapped[int] = mapped_column(BigInt, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(64))
    subject_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    request_id: Mapped[str | None] = mapped_column(String(64))
    client_address: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA-256 under the audit key ``key_id`` names (a fingerprint of the key, never the key);
    # NULL: an event written before the chain was keyed, whose hash is plain SHA-256.
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))


class AuditChainHead(Base):
    """The single row holding the chain's last sequence number and hash."""

    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInt, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
