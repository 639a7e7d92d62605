"""After the commit: what ``notify`` wrote in a transaction is handed to the running deliverers once it is committed.

``notify`` writes its rows in the caller's transaction and leaves them here, tagged with the
(sub)transaction that wrote them. A savepoint rolled back (a mutation's expected failure) drops
what it wrote; the outer rollback drops everything; the commit hands the rest to every registered
sink (the live fan-out and the mailer of this process, ``runtime.NotificationRuntime``). Nothing
is sent inside the transaction, and nothing is sent that was not committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

_PENDING = "yecai.notifications.pending"
_sinks: list[Callable[[list[Delivery]], None]] = []
_lock = threading.Lock()


@dataclass(frozen=True)
class Delivery:
    """One committed notification as the deliverers see it (the live message carries these fields)."""

    id: int
    recipient_id: int
    kind: str
    title: str
    body: str
    url: str
    subject_id: str | None
    created_at: datetime
    in_portal: bool
    email: bool  # its e-mail is to be sent now

    @classmethod
    def of(cls, row: Any, *, email: bool | None = None) -> Delivery:
        return cls(id=row.id, recipient_id=row.recipient_id, kind=row.kind, title=row.title, body=row.body or "",
                   url=row.url or "", subject_id=row.subject_id, created_at=row.created_at, in_portal=row.in_portal,
                   email=(row.email_state == "pending") if email is None else email)


def add_sink(sink: Callable[[list[Delivery]], None]) -> Callable[[], None]:
    """Call ``sink`` with what each commit delivers (in the committing thread); returns the remover."""
    with _lock:
        _sinks.append(sink)

    def remove() -> None:
        with _lock:
            if sink in _sinks:
                _sinks.remove(sink)

    return remove


def after_commit(session: AsyncSession | Session, rows: Iterable[Any], *, email_only: bool = False) -> None:
    """Deliver these rows (just flushed) when the transaction commits; not if what wrote them rolls back."""
    sync = session.sync_session if isinstance(session, AsyncSession) else session
    transaction = sync.get_nested_transaction() or sync.get_transaction()
    items = [replace(Delivery.of(r, email=True), in_portal=False) if email_only else Delivery.of(r) for r in rows]
    sync.info.setdefault(_PENDING, []).append((transaction, items))


def _within(transaction: SessionTransaction | None, ended: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ended:
            return True
        transaction = transaction.parent
    return False


def _after_soft_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    pending: Sequence[tuple[SessionTransaction, list[Delivery]]] | None = session.info.get(_PENDING)
    if pending:
        session.info[_PENDING] = [(t, items) for t, items in pending if not _within(t, previous_transaction)]


def _after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    deliveries = [d for _, items in pending for d in items]
    with _lock:
        sinks = list(_sinks)
    for sink in sinks:
        sink(deliveries)


def install() -> None:
    """Listen on every session (idempotent): called when the notifications domain is loaded."""
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_soft_rollback)
