"""Tables of the search domain: the outbox of changes to index, the worker's lease and state, and what people searched."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


class SearchOutbox(Base):
    """A change the index has not applied yet (索引待办), written in the same transaction as the change.

    ``op`` is ``index`` (build the object again from the database: added, changed or gone) or
    ``clear`` (empty the kind before a rebuild), or ``via<n>`` (``object_id`` is a row of the kind's
    ``refers[n]`` table whose shown words changed: index every object that shows it). Rows are deleted once the engine has applied them,
    so an engine outage or a crash in the middle of a batch loses nothing.
    """

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10), default="index")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchWorker(Base):
    """The one row of the outbox worker: who holds the lease (a database lock across workers) and how it went."""

    __tablename__ = "search_worker"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(80))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    applied: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    last_applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row; reset by a success
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RecentSearch(Base):
    """One person's recent search (最近搜索), most recent first; a few are kept per user."""

    __tablename__ = "recent_search"
    __table_args__ = (UniqueConstraint("user_id", "query"), Index("ix_recent_search_user_at", "user_id", "searched_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    query: Mapped[str] = mapped_column(String(100))
    searched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchMiss(Base):
    """A query that found nothing for whoever asked (无结果搜索): admins read them to add synonyms."""

    __tablename__ = "search_miss"

    query: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchSynonym(Base):
    """Words that mean the same to the people who search (同义词): a search for any of them finds every one,
    e.g. VAT, 增值税; 报销, 报账. Admins add them, often from the searches that found nothing."""

    __tablename__ = "search_synonym"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terms: Mapped[str] = mapped_column(Text)  # as typed, one per line (a term is one piece: no whitespace)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def term_list(self) -> list[str]:
        return self.terms.split("\n")
