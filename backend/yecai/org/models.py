"""Tables of the organisation: departments (部门)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


class DepartmentKind(enum.StrEnum):
    """What a department does; rules elsewhere (e.g. expense accounts) depend on it."""

    EXECUTIVE = "EXECUTIVE"  # 管理部门
    FINANCE = "FINANCE"  # 财务部门
    BUSINESS = "BUSINESS"  # 业务部门 (sales, purchasing, warehouse)
    SUPPORT = "SUPPORT"  # 职能部门 (HR, IT, ...)


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[DepartmentKind] = mapped_column(
        Enum(DepartmentKind, native_enum=False, length=20, validate_strings=True)
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
