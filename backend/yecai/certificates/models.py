"""The certificate table: who holds what, issued when and by whom, for which object, and whether it still stands."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, validate_strings=True)


class CertificateKind(enum.StrEnum):
    HONOUR = "HONOUR"  # 荣誉证书
    TRAINING = "TRAINING"  # 培训结业证书


class CertificateState(enum.StrEnum):
    VALID = "VALID"  # 有效
    REVOKED = "REVOKED"  # 已撤销 (with a reason and time)


class Certificate(Base):
    """A certificate (证书) granted to one user; its verification code is printed on it and in its QR code."""

    __tablename__ = "certificate"
    __table_args__ = (Index("ix_certificate_holder_issued", "holder_id", "issued_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The verification code (核验码): a random serial and an HMAC over it (yecai.certificates.codes).
    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[CertificateKind] = mapped_column(_enum(CertificateKind))
    holder_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    citation: Mapped[str] = mapped_column(Text, default="")  # the certificate's wording; empty: the kind's own
    issued_on: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(100))  # 颁发单位, as printed
    # The object it is for, as a global id (a training completion, a performance award), when there is one.
    subject_id: Mapped[str | None] = mapped_column(String(200), index=True)
    state: Mapped[CertificateState] = mapped_column(_enum(CertificateState), default=CertificateState.VALID)
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
