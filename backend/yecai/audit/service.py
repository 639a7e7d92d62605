"""Write audit events into the keyed hash chain, read them, and verify the chain."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, inspect, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from yecai.actor import Actor
from yecai.audit import policies
from yecai.audit.chain import GENESIS_HASH, Break, ChainWalker, iso, keyed_digest
from yecai.audit.checkpoints import Checkpoint, CheckpointProblem, read_checkpoints
from yecai.audit.keys import Keyring, current_keyring
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.db import utcnow
from yecai.errors import denied

# Column and key names whose values never enter the audit trail.
SECRET_KEYS = frozenset({"password", "password_hash", "token", "token_hash", "secret", "secret_key", "client_secret"})

_events = AuditEvent.__table__
_head = AuditChainHead.__table__


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items() if str(k) not in SECRET_KEYS}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        return repr(value)
    return str(value)


def snapshot(obj: Any, *, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The audited state of a mapped object: its columns (secrets left out), plus ``extra``."""
    state = inspect(obj)
    data = {attr.key: getattr(obj, attr.key) for attr in state.mapper.column_attrs if attr.key not in SECRET_KEYS}
    if extra:
        data.update(extra)
    return _jsonable(data)


async def record(
    session: AsyncSession,
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> int:
    """Append one event to the chain inside the caller's transaction; returns its sequence number.

    The event is hashed with this process's audit key (HMAC-SHA-256 over the previous hash and its
    content) and carries the key's id.
    """
    key = current_keyring().current
    # Taking the next number locks the head row (PostgreSQL) or the database (SQLite)
    # until commit, so concurrent transactions append one after the other.
    head = (
        await session.execute(
            update(_head)
            .where(_head.c.id == 1)
            .values(last_seq=_head.c.last_seq + 1)
            .returning(_head.c.last_seq, _head.c.last_hash)
        )
    ).one()
    row = {
        "seq": head.last_seq,
        "occurred_at": utcnow(),
        "actor_id": actor.user_id,
        "actor_username": actor.username,
        "action": action,
        "subject_type": subject_type,
        "subject_id": None if subject_id is None else str(subject_id),
        "before": _jsonable(before) if before is not None else None,
        "after": _jsonable(after) if after is not None else None,
        "request_id": actor.request_id,
        "client_address": actor.client_address,
        "prev_hash": head.last_hash,
        "key_id": key.kid,
    }
    row["hash"] = keyed_digest(key, head.last_hash, row)
    await session.execute(insert(_events).values(**row))
    await session.execute(update(_head).where(_head.c.id == 1).values(last_hash=row["hash"]))
    return row["seq"]


async def ensure_chain_head(session: AsyncSession) -> None:
    """Create the chain's head row on a fresh database."""
    exists = (await session.execute(select(_head.c.id).where(_head.c.id == 1))).first()
    if exists is None:
        await session.execute(insert(_head).values(id=1, last_seq=0, last_hash=GENESIS_HASH))


@dataclass(frozen=True)
class VerifyResult:
    """What a walk of the chain found: ``ok``, or the first event that does not match and why."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None
    unkeyed: int = 0  # events hashed before the chain was keyed (plain SHA-256)
    by_key: dict[str, int] = field(default_factory=dict)  # keyed events per key id
    end_seq: int = 0  # the last event walked and its hash (the head, when ok)
    end_hash: str = GENESIS_HASH
    legacy_until: int | None = None  # the last unkeyed event, from the checkpoints (or the walk)
    checkpoints: int = 0  # checkpoints the chain was held to
    last_checkpoint: Checkpoint | None = None
    checkpoint_problem: CheckpointProblem | None = None  # the first line of the file that does not hold


def _outcome(walker: ChainWalker, problem: Break | None, legacy_until: int | None, anchors: Sequence[Checkpoint],
             checkpoint_problem: CheckpointProblem | None) -> VerifyResult:
    if legacy_until is None:
        # Walked from the genesis: the unkeyed events are the chain's first ones (when nothing is
        # keyed yet, all of them: whatever comes next will be keyed).
        legacy_until = walker.start_seq + walker.unkeyed
    return VerifyResult(
        ok=problem is None and checkpoint_problem is None, checked=walker.checked,
        first_bad_seq=problem.seq if problem else None, reason=problem.reason if problem else None,
        unkeyed=walker.unkeyed, by_key=dict(walker.by_key), end_seq=walker.end_seq, end_hash=walker.prev,
        legacy_until=legacy_until, checkpoints=walker.anchors_matched,
        last_checkpoint=anchors[-1] if anchors else None, checkpoint_problem=checkpoint_problem,
    )


async def _walk(conn: AsyncConnection, walker: ChainWalker, batch_size: int) -> Break | None:
    problem = walker.begin()
    if problem is not None:
        return problem
    stmt = select(_events).where(_events.c.seq > walker.start_seq).order_by(_events.c.seq)
    result = await conn.stream(stmt.execution_options(yield_per=batch_size))
    async for partition in result.mappings().partitions(batch_size):
        for row in partition:
            problem = walker.step(row)
            if problem is not None:
                await result.close()
                return problem
    head = (await conn.execute(select(_head.c.last_seq, _head.c.last_hash).where(_head.c.id == 1))).first()
    return walker.finish(head.last_seq if head else None, head.last_hash if head else None)


async def verify_chain(conn: AsyncConnection, *, keyring: Keyring | None = None, checkpoint_file: Path | None = None,
                       batch_size: int = 5000) -> VerifyResult:
    """Walk the whole chain in order, recomputing each hash with the keyring (this process's by
    default), and hold it to every checkpoint of ``checkpoint_file``; stop at the first event that
    does not match. A checkpoint line that does not hold is reported too; the lines before it still count.
    """
    keyring = keyring or current_keyring()
    anchors, checkpoint_problem = [], None
    if checkpoint_file is not None:  # in a thread: a writer may hold the file's lock (on this event loop, too)
        anchors, checkpoint_problem = await asyncio.to_thread(read_checkpoints, checkpoint_file, keyring)
    legacy_until = anchors[0].legacy_until if anchors else None
    walker = ChainWalker(keyring, anchors=anchors, legacy_until=legacy_until)
    problem = await _walk(conn, walker, batch_size)
    return _outcome(walker, problem, legacy_until, anchors, checkpoint_problem)


async def verify_since(conn: AsyncConnection, *, keyring: Keyring, since: Checkpoint | None,
                       batch_size: int = 5000) -> VerifyResult:
    """Verify the events after checkpoint ``since`` (all of them when None), up to the head.

    The event ``since`` vouches for must still carry its hash; what comes after must chain to it.
    This is what a checkpoint writer checks before it signs a new head.
    """
    if since is None:
        walker = ChainWalker(keyring)
        problem = await _walk(conn, walker, batch_size)
        return _outcome(walker, problem, None, [], None)
    start_keyed = False
    if since.seq > 0:
        row = (await conn.execute(select(_events.c.hash, _events.c.key_id).where(_events.c.seq == since.seq))).first()
        if row is None or row.hash != since.hash:
            walker = ChainWalker(keyring, start_seq=since.seq, start_hash=since.hash)
            reason = (f"event {since.seq} is missing" if row is None else
                      f"event {since.seq} no longer carries the hash checkpoint {since.n} of {since.at} vouches for")
            return _outcome(walker, Break(since.seq, reason), since.legacy_until, [since], None)
        start_keyed = row.key_id is not None
    walker = ChainWalker(keyring, legacy_until=since.legacy_until, start_seq=since.seq, start_hash=since.hash,
                         start_keyed=start_keyed)
    problem = await _walk(conn, walker, batch_size)
    return _outcome(walker, problem, since.legacy_until, [since], None)


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor_id: int | None = None
    subject_type: str | None = None
    subject_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def filtered_events(f: AuditFilter) -> Any:
    """The SELECT of events matching ``f``, newest first (sorted by the caller's pager)."""
    stmt = select(AuditEvent)
    since = f.since.replace(tzinfo=UTC) if f.since and f.since.tzinfo is None else f.since
    until = f.until.replace(tzinfo=UTC) if f.until and f.until.tzinfo is None else f.until
    if f.action:
        stmt = stmt.where(AuditEvent.action == f.action)
    if f.actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == f.actor_id)
    if f.subject_type:
        stmt = stmt.where(AuditEvent.subject_type == f.subject_type)
    if f.subject_id:
        stmt = stmt.where(AuditEvent.subject_id == f.subject_id)
    if since:
        stmt = stmt.where(AuditEvent.occurred_at >= since)
    if until:
        stmt = stmt.where(AuditEvent.occurred_at < until)
    return stmt


def changed(before: dict[str, Any], after: dict[str, Any], ignore: Iterable[str] = ("updated_at",)) -> bool:
    skip = set(ignore)
    return any(before.get(k) != after.get(k) for k in set(before) | set(after) if k not in skip)


def events_query(*, actor: Actor, f: AuditFilter) -> Any:
    """The audit events the actor may read, filtered."""
    if not policies.can_read_audit(actor):
        raise denied()
    return filtered_events(f)
