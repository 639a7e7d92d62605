"""The hash chain: how an event's hash is computed, and the walk that checks events in order.

Two versions of the chain live side by side:

- unkeyed (``key_id`` NULL): SHA-256 of the previous hash and the event's canonical content, as
  every event was hashed before the audit key existed. Anyone can recompute these.
- keyed (``key_id`` set): HMAC-SHA-256 under the audit key with that id, over a version tag, the
  key id, the previous hash and the same content. Only a holder of the key can compute these.

Unkeyed events may only form the beginning of the chain: one after a keyed event, or after the
boundary a checkpoint recorded (``legacy_until``), is a rewrite without the key.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import orjson

from yecai.audit.keys import AuditKey, Keyring

GENESIS_HASH = "0" * 64
_KEYED_TAG = b"yecai-audit-v2\x00"


def iso(value: datetime) -> str:
    """``2026-11-25T08:30:01.000250Z``: UTC, always six places of microseconds."""
    if value.tzinfo is UTC:  # what the database and utcnow() hand out: the fast way, same text
        return value.isoformat(timespec="microseconds")[:-6] + "Z"
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:"
            f"{value.second:02d}.{value.microsecond:06d}Z")


def content(row: Mapping[str, Any]) -> bytes:
    """The canonical bytes of an event's content (the columns an edit must not change)."""
    fields = [
        row["seq"],
        iso(row["occurred_at"]),
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
    return orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)


def plain_digest(prev_hash: str, row: Mapping[str, Any]) -> str:
    """An unkeyed event's hash: SHA-256 of the previous hash and the content."""
    return hashlib.sha256(prev_hash.encode() + content(row)).hexdigest()


_pads: dict[tuple[str, bytes], tuple[Any, Any]] = {}


def _hmac_pads(key: AuditKey) -> tuple[Any, Any]:
    """HMAC-SHA-256 (RFC 2104) under ``key``, split into its inner hash, which has already taken the
    tag and key id, and its outer hash: copying them is twice as fast as keying an HMAC per event."""
    pads = _pads.get((key.kid, key.secret))
    if pads is None:
        block = key.secret if len(key.secret) <= 64 else hashlib.sha256(key.secret).digest()
        block = block.ljust(64, b"\x00")
        inner = hashlib.sha256(bytes(b ^ 0x36 for b in block) + _KEYED_TAG + key.kid.encode() + b"\x00")
        outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))
        pads = _pads[(key.kid, key.secret)] = (inner, outer)
    return pads


def keyed_digest(key: AuditKey, prev_hash: str, row: Mapping[str, Any]) -> str:
    """A keyed event's hash: HMAC-SHA-256 under ``key`` of the tag, key id, previous hash and content."""
    inner, outer = _hmac_pads(key)
    inner = inner.copy()
    inner.update(prev_hash.encode() + content(row))
    outer = outer.copy()
    outer.update(inner.digest())
    return outer.hexdigest()


class Anchor(Protocol):
    """What the walk needs of a checkpoint: the head it vouches for, and where it comes from."""

    n: int
    seq: int
    hash: str
    at: str


@dataclass(frozen=True)
class Break:
    """The first event that does not match, and why."""

    seq: int
    reason: str


@dataclass
class ChainWalker:
    """Checks events one by one, in order, from ``start_seq`` (0: the genesis) on.

    ``legacy_until`` is the last event written before the chain was keyed, as the checkpoints
    record it (None when no checkpoint does). ``anchors`` are the checkpoints to hold the chain to.
    """

    keyring: Keyring
    anchors: Iterable[Anchor] = ()
    legacy_until: int | None = None
    start_seq: int = 0
    start_hash: str = GENESIS_HASH
    start_keyed: bool = False
    checked: int = 0
    unkeyed: int = 0
    by_key: Counter[str] = field(default_factory=Counter)
    anchors_matched: int = 0

    def __post_init__(self) -> None:
        self.expected = self.start_seq + 1
        self.prev = self.start_hash
        self.keyed_seen = self.start_keyed
        self.vouched_seq = self.start_seq  # the last event a checkpoint matched
        self._anchors = deque(sorted((a for a in self.anchors if a.seq >= self.start_seq), key=lambda a: a.seq))
        self._next_anchor = self._anchors[0].seq if self._anchors else -1
        # Where unkeyed events may be (up to legacy_until) and keyed ones (after it), as plain numbers.
        self._last_unkeyed = self.legacy_until if self.legacy_until is not None else float("inf")
        self._first_keyed = self.legacy_until + 1 if self.legacy_until is not None else 0

    @property
    def end_seq(self) -> int:
        return self.expected - 1

    def begin(self) -> Break | None:
        """Hold the starting point to the checkpoints taken there (the genesis, for seq 0)."""
        return self._match(self.start_seq)

    def step(self, row: Mapping[str, Any]) -> Break | None:
        seq, prev, digest = row["seq"], self.prev, row["hash"]
        if seq != self.expected:
            return Break(self.expected, f"event {self.expected} is missing")
        if row["prev_hash"] != prev:
            return Break(seq, "its previous-hash link does not match the event before it")
        kid = row["key_id"]
        if kid is None:
            if seq > self._last_unkeyed:
                return Break(seq, "it carries an unkeyed (plain SHA-256) hash, but the checkpoints show the chain "
                                  f"is keyed from event {self._first_keyed} on: it was rewritten without the key")
            if self.keyed_seen:
                return Break(seq, "it carries an unkeyed (plain SHA-256) hash after keyed events: "
                                  "it was rewritten without the audit key")
            if plain_digest(prev, row) != digest:
                return Break(seq, "its content does not match its hash")
            self.unkeyed += 1
        else:
            if seq < self._first_keyed:
                return Break(seq, f"it is keyed, but the checkpoints show events up to {self.legacy_until} "
                                  "were written before the chain was keyed: it was rewritten")
            key = self.keyring.get(kid)
            if key is None:
                return Break(seq, f"it was hashed with audit key {kid}, which this keyring does not hold "
                                  f"(keys: {', '.join(self.keyring.kids)}): a wrong YECAI_AUDIT_KEY, a retired key "
                                  "missing from YECAI_AUDIT_OLD_KEYS, or a key id written without its key")
            if keyed_digest(key, prev, row) != digest:
                return Break(seq, "its content does not match its keyed hash (edited, or hashed without the audit key)")
            self.keyed_seen = True
            self.by_key[kid] += 1
        self.prev = digest
        self.expected = seq + 1
        self.checked += 1
        return self._match(seq) if seq == self._next_anchor else None

    def _match(self, seq: int) -> Break | None:
        anchors = self._anchors
        while anchors and anchors[0].seq == seq:
            anchor = anchors.popleft()
            if anchor.hash != self.prev:
                first = self.vouched_seq + 1
                who = ("recomputing the plain SHA-256 of events from before the key needs no key" if
                       not self.keyed_seen else "by someone holding the audit key")
                return Break(first, f"the chain at event {seq} does not match checkpoint {anchor.n} of {anchor.at}: "
                                    f"an event from {first} to {seq} was rewritten ({who}), "
                                    "or this database is not the one the checkpoints were taken of")
            self.vouched_seq = seq
            self.anchors_matched += 1
        self._next_anchor = anchors[0].seq if anchors else -1
        return None

    def finish(self, head_seq: int | None, head_hash: str | None) -> Break | None:
        """After the last event: no checkpoint may vouch for more, and the head row must match."""
        if self._anchors:
            anchor = self._anchors[-1]
            return Break(self.expected, f"events {self.expected} to {anchor.seq} are missing: checkpoint {anchor.n} "
                                        f"of {anchor.at} vouches for a chain of {anchor.seq} events")
        if head_seq is not None and (head_seq != self.end_seq or head_hash != self.prev):
            return Break(self.expected, "events at the end of the chain are missing (the head row does not match "
                                        "the last event)")
        return None
