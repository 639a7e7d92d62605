"""The outbox: every flush that adds, changes or deletes a searchable row (or a row it watches) writes
what to index again, in the same transaction, through SQLAlchemy's session events.

Nothing else in the portal has to remember the index: a service that changes a customer changes the
row, and the flush writes ``search_outbox`` beside it. Rows are written with the flush's own
connection, so a rolled-back request leaves none; the worker is woken when a transaction that wrote
some commits. Bulk ``UPDATE``/``DELETE`` statements bypass the ORM's unit of work and are not seen:
services that use them on searchable tables call :func:`enqueue` themselves. A change to a row other kinds
show (a customer's name on its orders: ``Searchable.refers``) writes one ``via<n>`` row, resolved to the
objects that show it when the worker applies it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Select, String, event, insert, inspect, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from yecai import manifest
from yecai.db import UTCDateTime, utcnow
from yecai.search.models import SearchOutbox

_WROTE = "yecai.search.outbox"
_wakers: list[Callable[[], None]] = []
_lock = threading.Lock()


def on_commit(waker: Callable[[], None]) -> Callable[[], None]:
    """Call ``waker`` after each commit that wrote outbox rows (from any thread); returns the unsubscriber."""
    with _lock:
        _wakers.append(waker)

    def remove() -> None:
        with _lock:
            if waker in _wakers:
                _wakers.remove(waker)

    return remove


def _targets() -> dict[type, list[tuple[str, Callable[[Any], Any]]]]:
    found: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}
    for s in manifest.searchables():
        found.setdefault(s.model, []).append((s.kind, lambda row: row.id))
        for watch in s.watches:
            found.setdefault(watch.model, []).append((s.kind, watch.owner))
    return found


_TARGETS: dict[type, list[tuple[str, Callable[[Any], Any]]]] | None = None
_REFERS: dict[type, list[tuple[str, int, tuple[str, ...]]]] | None = None


def refers() -> dict[type, list[tuple[str, int, tuple[str, ...]]]]:
    """Referenced table -> (kind, index of the :class:`~yecai.searchable.Refer`, the fields shown)."""
    global _REFERS
    if _REFERS is None:
        found: dict[type, list[tuple[str, int, tuple[str, ...]]]] = {}
        for s in manifest.searchables():
            for i, refer in enumerate(s.refers):
                found.setdefault(refer.model, []).append((s.kind, i, refer.fields))
        _REFERS = found
    return _REFERS


def via_op(index: int) -> str:
    """The outbox op of a referenced row: "index the objects the kind's ``refers[index]`` selects for it"."""
    return f"via{index}"


def targets() -> dict[type, list[tuple[str, Callable[[Any], Any]]]]:
    global _TARGETS
    if _TARGETS is None:
        _TARGETS = _targets()
    return _TARGETS


def _ids(value: Any) -> Iterable[int]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return (v for v in value if v is not None)


def _after_flush(session: Session, _context: Any) -> None:
    watched = targets()
    pending: set[tuple[str, int]] = set()
    # ``session.dirty`` builds a new set on each read: read once, or a flush of n changed rows costs n².
    dirty = session.dirty
    for instances in (session.new, dirty, session.deleted):
        for obj in instances:
            for kind, owner in watched.get(type(obj), ()):
                if instances is dirty and not session.is_modified(obj, include_collections=False):
                    continue
                pending.update((kind, i) for i in _ids(owner(obj)))
    if pending:
        write(session, pending)
    referred = refers()
    via: dict[str, set[tuple[str, int]]] = {}
    for obj in dirty:
        for kind, index, fields in referred.get(type(obj), ()):
            state = inspect(obj)
            if any(state.attrs[f].history.has_changes() for f in fields):
                via.setdefault(via_op(index), set()).add((kind, obj.id))
    for op, rows in via.items():
        write(session, rows, op)


def write(session: Session, pending: Iterable[tuple[str, int]], op: str = "index") -> None:
    now = utcnow()
    rows = [{"kind": kind, "object_id": object_id, "op": op, "created_at": now} for kind, object_id in sorted(pending)]
    if rows:
        session.connection().execute(insert(SearchOutbox), rows)
        session.info[_WROTE] = True


async def enqueue(session: AsyncSession, kind: str, ids: Iterable[int], op: str = "index") -> None:
    """Index these objects again (or, with ``op="clear"`` and no ids, empty the kind first)."""
    now = utcnow()
    rows = [{"kind": kind, "object_id": i, "op": op, "created_at": now} for i in ids]
    if op == "clear":
        rows = [{"kind": kind, "object_id": 0, "op": "clear", "created_at": now}]
    if rows:
        await session.execute(insert(SearchOutbox.__table__), rows)  # Core: no ORM bookkeeping per row
        session.sync_session.info[_WROTE] = True


async def enqueue_selected(session: AsyncSession, kind: str, ids: Select[tuple[int]]) -> None:
    """Index again the objects whose ids ``ids`` selects, in one INSERT ... SELECT (thousands made at once)."""
    now = utcnow()
    rows = ids.subquery()
    column = next(iter(rows.c))
    await session.execute(insert(SearchOutbox.__table__).from_select(
        ["kind", "object_id", "op", "created_at"],
        select(literal(kind, String()), column, literal("index", String()), literal(now, UTCDateTime()))))
    session.sync_session.info[_WROTE] = True


def _after_commit(session: Session) -> None:
    if session.info.pop(_WROTE, False):
        with _lock:
            wakers = list(_wakers)
        for wake in wakers:
            wake()


def install() -> None:
    """Listen on every session (idempotent): called when the search domain is loaded."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_commit)  # a rolled-back flag only wakes the worker early
