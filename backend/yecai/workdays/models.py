"""Tables of the work calendar: the days that differ from the plain week (周一至周五上班)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


class DayKind(enum.StrEnum):
    """What a calendar day is, against the plain week."""

    HOLIDAY = "HOLIDAY"  # 法定节假日 / 休息日: not a working day, whatever the weekday
    WORKDAY = "WORKDAY"  # 调休上班日: a Saturday or Sunday that is worked
    # 按常规: an admin cleared a day the package marks; kept so that re-seeding does not bring it back.
    ORDINARY = "ORDINARY"


class DaySource(enum.StrEnum):
    """Where a calendar day's marking came from."""

    SEEDED = "SEEDED"  # 内置: the chinesecalendar package, refreshed by ``yecai db upgrade``
    EDITED = "EDITED"  # 手动: an admin; re-seeding leaves it alone


class CalendarDay(Base):
    """One day of the work calendar that is not a plain weekday or weekend day (or an admin's say on one)."""

    __tablename__ = "work_calendar_day"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[DayKind] = mapped_column(Enum(DayKind, native_enum=False, length=20, validate_strings=True))
    name: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[DaySource] = mapped_column(Enum(DaySource, native_enum=False, length=20, validate_strings=True))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
