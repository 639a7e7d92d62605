"""Tables of information sharing: sharing rules (共享规则) with their audience, publications (发布), receipts
(确认回执) and feedback (反馈)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=40, validate_strings=True)


class PublicationState(enum.StrEnum):
    DUE = "DUE"  # 待发布: its time node has come, not yet published, deadline not passed
    PUBLISHED = "PUBLISHED"  # 已发布
    MISSED = "MISSED"  # 缺报: the deadline passed without a publication (it may still be published, late)


class Timeliness(enum.StrEnum):
    ON_TIME = "ON_TIME"  # 按时: published at or before the deadline
    LATE = "LATE"  # 逾期: published after the deadline


class SnapshotKind(enum.StrEnum):
    RECEIVABLES_BY_CUSTOMER = "RECEIVABLES_BY_CUSTOMER"  # 应收账款（按客户），as of a day
    STOCK_BY_WAREHOUSE = "STOCK_BY_WAREHOUSE"  # 库存（按仓库），at publication
    TRIAL_BALANCE = "TRIAL_BALANCE"  # 科目余额表 of a fiscal period


class SharingRule(Base):
    """A sharing rule (共享规则): what is shared, by whom, with whom, at which time nodes, by which deadline."""

    __tablename__ = "sharing_rule"
    __table_args__ = (Index("ix_sharing_rule_next_node", "active", "next_node_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))  # the content, e.g. 销售日报
    description: Mapped[str] = mapped_column(Text, default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    responsible_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    recurrence: Mapped[str] = mapped_column(String(500))  # an iCalendar RRULE counted from starts_at (Shanghai)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # DTSTART: the first time node's wall-clock time
    working_days: Mapped[bool] = mapped_column(Boolean, default=False)  # time nodes only on working days
    deadline_minutes: Mapped[int] = mapped_column(Integer)  # the deadline, this long after each time node
    email: Mapped[bool] = mapped_column(Boolean, default=False)  # also by e-mail (when SMTP is configured)
    requires_acknowledgement: Mapped[bool] = mapped_column(Boolean, default=True)
    requires_answer: Mapped[bool] = mapped_column(Boolean, default=False)  # receivers must leave feedback
    snapshot_kind: Mapped[SnapshotKind | None] = mapped_column(_enum(SnapshotKind))  # the usual data snapshot
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # archived rules are inactive
    # The next time node not yet materialised (UTC); the scheduler reads only rules whose node has come.
    next_node_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AudienceKind(enum.StrEnum):
    DEPARTMENT = "DEPARTMENT"  # everyone of the department and of the departments under it
    ROLE = "ROLE"  # every holder of the role
    USER = "USER"


class SharingAudience(Base):
    """One entry of a rule's audience (知悉范围): a department, a role or a user."""

    __tablename__ = "sharing_audience"
    __table_args__ = (UniqueConstraint("rule_id", "kind", "department_id", "role_code", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("sharing_rule.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AudienceKind] = mapped_column(_enum(AudienceKind))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    role_code: Mapped[str | None] = mapped_column(String(64), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)


class Publication(Base):
    """A publication (发布): what a rule's time node asks for, and what the responsible person published."""

    __tablename__ = "publication"
    __table_args__ = (UniqueConstraint("rule_id", "time_node"), Index("ix_publication_state_deadline", "state",
                                                                      "deadline"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("sharing_rule.id", ondelete="RESTRICT"), index=True)
    time_node: Mapped[datetime] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[PublicationState] = mapped_column(_enum(PublicationState), default=PublicationState.DUE)
    timeliness: Mapped[Timeliness | None] = mapped_column(_enum(Timeliness))
    # Copied from the rule when due, so figures stay per department and person after a rule changes.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    responsible_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    # Who it reaches, frozen when published: {"departments": [...], "roles": [...], "users": [...]}, the
    # departments under the rule's already included (policies.Reach).
    audience: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text, default="")
    snapshot_kind: Mapped[SnapshotKind | None] = mapped_column(_enum(SnapshotKind))
    # The data snapshot (数据快照), frozen at publication: amounts as exact decimal strings.
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    missed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the scheduler marked it missed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PublicationAudience(Base):
    """One entry of a publication's audience frozen when it was published (departments already expanded down the
    tree): the same as ``Publication.audience``, as rows, so lists filter by it in SQL exactly as the policy
    decides on one publication."""

    __tablename__ = "publication_audience"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AudienceKind] = mapped_column(_enum(AudienceKind))
    department_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: frozen, a department may go
    role_code: Mapped[str | None] = mapped_column(String(64), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Receipt(Base):
    """That a publication went to one receiver, and when they acknowledged it (确认回执)."""

    __tablename__ = "publication_receipt"
    __table_args__ = (UniqueConstraint("publication_id", "user_id"),
                      Index("ix_publication_receipt_user", "user_id", "acknowledged_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Feedback(Base):
    """Feedback (反馈) on a publication: a receiver's remark or question, and the responsible person's answer."""

    __tablename__ = "publication_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    text: Mapped[str] = mapped_column(Text)
    question: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    action_item_id: Mapped[int | None] = mapped_column(ForeignKey("action_item.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
