"""Write audit events into the hash chain, read them, and verify the chain."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import insert, inspect, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from yecai.actor import Actor
from yecai.audit import policies
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.db import utcnow
from yecai.errors import denied

GENESIS_HASH = "0" * 64

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
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _iso(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:"
            f"{value.second:02d}.{value.microsecond:06d}Z")


def snapshot(obj: Any, *, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The audited state of a mapped object: its columns (secrets left out), plus ``extra``."""
    state = inspect(obj)
    data = {attr.key: getattr(obj, attr.key) for attr in state.mapper.column_attrs if attr.key not in SECRET_KEYS}
    if extra:
        data.update(extra)
    return _jsonable(data)


def _digest(prev_hash: str, row: dict[str, Any]) -> str:
    content = [
        row["seq"],
        _iso(row["occurred_at"]),
        row["actor_id"],
        row["actor_username"],
        row["action"],
        row["subject_type"],
        row["subject_id"],
        row["before"],
        row["after"],
        row["request_id"],
        row["client_address"],
    ]
    # Canonical JSON: sorted keys, no spaces, UTF-8 (orjson: the same bytes as json.dumps with
    # sort_keys, compact separators and ensure_ascii=False, several times faster).
    payload = orjson.dumps(content, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(prev_hash.encode() + payload).hexdigest()


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
    """Append one event to the chain inside the caller's transaction; returns its sequence number."""
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
    }
    row["hash"] = _digest(head.last_hash, row)
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
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None


async def verify_chain(conn: AsyncConnection, *, batch_size: int = 5000) -> VerifyResult:
    """Walk the chain in order, recomputing each hash; stop at the first event that does not match."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    result = await conn.stream(select(_events).order_by(_events.c.seq).execution_options(yield_per=batch_size))
    async for partition in result.mappings().partitions(batch_size):
        for row in partition:
            seq = row["seq"]
            if seq != expected_seq:
                return VerifyResult(False, checked, expected_seq, f"event {expected_seq} is missing")
            if row["prev_hash"] != prev_hash:
                return VerifyResult(False, checked, seq, "its previous-hash link does not match the event before it")
            if _digest(prev_hash, row) != row["hash"]:
                return VerifyResult(False, checked, seq, "its content does not match its hash")
            prev_hash = row["hash"]
            expected_seq += 1
            checked += 1
    head = (await conn.execute(select(_head.c.last_seq, _head.c.last_hash).where(_head.c.id == 1))).first()
    if head is not None and (head.last_seq != checked or head.last_hash != prev_hash):
        return VerifyResult(False, checked, checked + 1, "events at the end of the chain are missing")
    return VerifyResult(True, checked)


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
