"""Tables of the notes domain."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base


class Note(Base):
    __tablename__ = "test_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(String(200))
