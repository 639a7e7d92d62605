"""Tables of joint meetings: series (例会), meetings (会议), agenda items, attendance, minutes with their
history, decisions (决议) and action items (待办事项)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, validate_strings=True)


class MeetingState(enum.StrEnum):
    SCHEDULED = "SCHEDULED"  # 已安排
    CLOSED = "CLOSED"  # 已结束: minutes approved and locked
    CANCELLED = "CANCELLED"  # 已取消


class AttendanceStatus(enum.StrEnum):
    INVITED = "INVITED"  # 已邀请 (not yet recorded)
    PRESENT = "PRESENT"  # 出席
    ABSENT = "ABSENT"  # 缺席
    EXCUSED = "EXCUSED"  # 请假 (with a reason)


class ActionItemStatus(enum.StrEnum):
    OPEN = "OPEN"  # 未开始
    IN_PROGRESS = "IN_PROGRESS"  # 进行中
    DONE = "DONE"  # 已完成
    CANCELLED = "CANCELLED"  # 已取消


class MeetingSeries(Base):
    """A meeting series (例会): a recurring joint meeting tied to a strategic goal or a project."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    goal: Mapped[str] = mapped_column(Text, default="")  # the strategic goal or project plan it serves
    project_code: Mapped[str | None] = mapped_column(String(64))
    focus: Mapped[str] = mapped_column(Text, default="")  # 重点议题
    recurrence: Mapped[str] = mapped_column(String(500))  # an iCalendar RRULE, e.g. FREQ=MONTHLY;BYMONTHDAY=5
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # DTSTART of the recurrence (UTC)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(200), default="")
    video_link: Mapped[str] = mapped_column(String(500), default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # Role codes whose holders may read confidential minutes beside the attendees and their managers.
    reader_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Default attendees: everyone of these departments holding one of these roles (no roles: everyone).
    default_department_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    default_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Meeting(Base):
    """One meeting (会议), of a series or on its own."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_starts_at", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_series.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    video_link: Mapped[str] = mapped_column(String(500), default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[MeetingState] = mapped_column(_enum(MeetingState), default=MeetingState.SCHEDULED)
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AgendaItem(Base):
    """An agenda item (议程): a topic, who presents it, its time box and the objects it concerns."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    time_box_minutes: Mapped[int | None] = mapped_column(Integer)
    # Global ids of documents, vouchers, earlier decisions ... the item is about.
    links: Mapped[list[str]] = mapped_column(JSON, default=list)


class Attendance(Base):
    """Whether one person attended (出席): invited, present, absent, or excused with a reason."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus), default=AttendanceStatus.INVITED)
    reason: Mapped[str] = mapped_column(String(500), default="")
    recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Minutes(Base):
    """The minutes (会议纪要) of a meeting: sanitized HTML; approving them closes the meeting and locks them."""

    __tablename__ = "meeting_minutes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)
    content: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class MinutesVersion(Base):
    """Every saved text of the minutes; after approval a save is an amendment (修订), kept and shown as one."""

    __tablename__ = "meeting_minutes_version"
    __table_args__ = (UniqueConstraint("minutes_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("meeting_minutes.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    amendment: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(500), default="")  # why it was amended
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Decision(Base):
    """A decision (决议) a meeting took."""

    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    amendment: Mapped[bool] = mapped_column(Boolean, default=False)  # recorded after the meeting was closed
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ActionItem(Base):
    """An action item (待办事项): a follow-up of a meeting with an owner, a due date and a status."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_owner_status", "owner_id", "status"),
                      Index("ix_action_item_due", "due_on"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_decision.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    # The owner's department when it was assigned: overdue lists are per department.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ActionItemStatus] = mapped_column(_enum(ActionItemStatus), default=ActionItemStatus.OPEN)
    links: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
