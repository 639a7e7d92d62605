"""The scheduler's one table: for each job, the last time node it completed and how its runs went."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime


class JobRun(Base):
    """One scheduled job's record (定时任务记录): the last time node it completed, written in the run's transaction.

    A run covers the nodes after ``last_node`` up to the latest one due, and moves ``last_node`` there
    when it commits: a node is processed by exactly one run, whichever worker fires it and however
    long the scheduler was down.
    """

    __tablename__ = "job_run"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    last_node: Mapped[datetime | None] = mapped_column(UTCDateTime)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    last_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_result: Mapped[str | None] = mapped_column(Text)
    holder: Mapped[str | None] = mapped_column(String(80))  # the worker (host:pid) of the latest run
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row; reset by a success
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
