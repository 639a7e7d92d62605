"""Checkpoints: the chain's head, signed with the audit key, in an append-only file outside the database.

One JSON object a line (``audit_checkpoints.jsonl`` in the data directory)::

    {"v":1,"n":7,"seq":1200,"hash":"…","legacy_until":17,"at":"2026-…Z","kid":"…","prev":"…","sig":"…"}

``seq``/``hash``: the chain's head when it was taken; ``legacy_until``: the last event hashed before
the chain was keyed (carried from the first checkpoint on); ``kid``: the key that signed it;
``prev``: SHA-256 of the line before (zeros for the first), so lines cannot be dropped from the
middle or reordered; ``sig``: HMAC-SHA-256 of the other fields under that key.

Lines are appended under an exclusive ``flock`` on the file by whoever writes them (the
checkpointer of ``yecai serve``, ``yecai audit checkpoint`` and its ``--watch`` loop, ``yecai db
upgrade``), so several writers on one host never interleave or fork the file.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import hmac
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from yecai.audit.chain import GENESIS_HASH, iso
from yecai.audit.keys import AuditKey, Keyring

VERSION = 1
_SIGNATURE_TAG = b"yecai-audit-checkpoint-v1\x00"
_SIGNED = ("v", "n", "seq", "hash", "legacy_until", "at", "kid", "prev")


@dataclass(frozen=True)
class Checkpoint:
    n: int
    seq: int
    hash: str
    legacy_until: int
    at: str
    kid: str
    prev: str
    sig: str
    line: str  # the line as written, without its newline

    @property
    def taken_at(self) -> datetime:
        return datetime.fromisoformat(self.at)


@dataclass(frozen=True)
class CheckpointProblem:
    """The first line of the file that cannot be trusted, and why."""

    line_no: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_no}: {self.reason}"


class CheckpointFileError(Exception):
    def __init__(self, problem: CheckpointProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def line_digest(line: str) -> str:
    return hashlib.sha256(line.encode()).hexdigest()


def _signature(key: AuditKey, fields: dict[str, object]) -> str:
    payload = orjson.dumps({k: fields[k] for k in _SIGNED}, option=orjson.OPT_SORT_KEYS)
    return hmac.digest(key.secret, _SIGNATURE_TAG + payload, "sha256").hex()


def _parse(line: str, line_no: int, keyring: Keyring) -> Checkpoint | CheckpointProblem:
    try:
        fields = orjson.loads(line)
        if not isinstance(fields, dict) or fields.get("v") != VERSION:
            return CheckpointProblem(line_no, "not a checkpoint of a version this program knows")
        cp = Checkpoint(n=int(fields["n"]), seq=int(fields["seq"]), hash=str(fields["hash"]),
                        legacy_until=int(fields["legacy_until"]), at=str(fields["at"]), kid=str(fields["kid"]),
                        prev=str(fields["prev"]), sig=str(fields["sig"]), line=line)
        datetime.fromisoformat(cp.at)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return CheckpointProblem(line_no, "damaged: not a checkpoint line")
    key = keyring.get(cp.kid)
    if key is None:
        return CheckpointProblem(line_no, f"checkpoint {cp.n} is signed with audit key {cp.kid}, which this keyring "
                                          f"does not hold (keys: {', '.join(keyring.kids)})")
    if not hmac.compare_digest(_signature(key, fields), cp.sig):
        return CheckpointProblem(line_no, f"checkpoint {cp.n}: its signature does not match (the line was edited, "
                                          "or signed without the audit key)")
    return cp


def parse_checkpoints(text: str, keyring: Keyring) -> tuple[list[Checkpoint], CheckpointProblem | None]:
    """The checkpoints of a file's text, in order, up to the first line that does not hold."""
    found: list[Checkpoint] = []
    lines = text.split("\n")  # the last element is "" when the text ends with a newline
    prev = GENESIS_HASH
    for index, line in enumerate(lines):
        line_no = index + 1
        if index == len(lines) - 1:
            if line:
                return found, CheckpointProblem(line_no, "incomplete: the last line has no end (an interrupted write?)")
            break
        parsed = _parse(line, line_no, keyring)
        if isinstance(parsed, CheckpointProblem):
            return found, parsed
        expected_n = found[-1].n + 1 if found else 1
        if parsed.n != expected_n:
            return found, CheckpointProblem(line_no, f"checkpoint {parsed.n} where checkpoint {expected_n} belongs: "
                                                     "checkpoints were removed or reordered")
        if parsed.prev != prev:
            return found, CheckpointProblem(line_no, f"checkpoint {parsed.n} does not follow the line before it: "
                                                     "checkpoints were removed, reordered or replaced")
        if found and parsed.seq < found[-1].seq:
            return found, CheckpointProblem(line_no, f"checkpoint {parsed.n} goes back from event {found[-1].seq} "
                                                     f"to {parsed.seq}")
        if found and parsed.legacy_until != found[0].legacy_until:
            return found, CheckpointProblem(line_no, f"checkpoint {parsed.n} moves the start of the keyed chain")
        found.append(parsed)
        prev = line_digest(line)
    return found, None


def _read_shared(path: Path, tail: bool) -> str | None:
    """The file's text (or its tail) under a shared lock, so a line being appended is never half read."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        if tail:
            return _tail(fd)
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    finally:
        os.close(fd)


def read_checkpoints(path: Path, keyring: Keyring) -> tuple[list[Checkpoint], CheckpointProblem | None]:
    """Every checkpoint of the file (none when it does not exist), up to the first that does not hold."""
    text = _read_shared(path, tail=False)
    return parse_checkpoints(text, keyring) if text is not None else ([], None)


def _tail(fd: int, size: int = 8192) -> str:
    end = os.lseek(fd, 0, os.SEEK_END)
    start = max(0, end - size)
    os.lseek(fd, start, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, end - start - len(data)):
        data += chunk
    text = data.decode("utf-8", errors="replace")
    if start > 0:
        text = text[text.find("\n") + 1:] if "\n" in text else ""
    return text


def last_checkpoint_in(fd: int, keyring: Keyring) -> Checkpoint | None:
    """The file's last checkpoint, its signature checked; raises CheckpointFileError when it does not hold."""
    return _last(_tail(fd), keyring)


def _last(text: str, keyring: Keyring) -> Checkpoint | None:
    if not text:
        return None
    if not text.endswith("\n"):
        raise CheckpointFileError(CheckpointProblem(0, "the last line has no end (an interrupted write?)"))
    line = text[:-1].rsplit("\n", 1)[-1]
    parsed = _parse(line, 0, keyring)
    if isinstance(parsed, CheckpointProblem):
        raise CheckpointFileError(parsed)
    return parsed


def last_checkpoint(path: Path, keyring: Keyring) -> Checkpoint | None:
    """The last checkpoint of the file (None when there is none); raises CheckpointFileError."""
    text = _read_shared(path, tail=True)
    return _last(text, keyring) if text is not None else None


@asynccontextmanager
async def locked(path: Path) -> AsyncIterator[int]:
    """The checkpoint file open for appending, under an exclusive lock held until the block ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def append(fd: int, key: AuditKey, *, last: Checkpoint | None, seq: int, hash: str, legacy_until: int,
           at: datetime) -> Checkpoint:
    """Sign the head (seq, hash) and append it after ``last``; the caller holds the lock."""
    fields: dict[str, object] = {
        "v": VERSION, "n": (last.n + 1) if last else 1, "seq": seq, "hash": hash, "legacy_until": legacy_until,
        "at": iso(at), "kid": key.kid, "prev": line_digest(last.line) if last else GENESIS_HASH,
    }
    fields["sig"] = _signature(key, fields)
    line = orjson.dumps(fields).decode()
    os.write(fd, (line + "\n").encode())
    os.fsync(fd)
    parsed = _parse(line, 0, Keyring(key))
    assert isinstance(parsed, Checkpoint)
    return parsed
