"""The audit key: it keys the hash chain (HMAC-SHA-256) and signs its checkpoints.

It never lives in the database, so whoever can only write the database cannot recompute a
valid chain. It comes from ``YECAI_AUDIT_KEY`` (every worker, every host: the same value) or, when
that is unset, from ``<data dir>/audit_keyring``, generated there once with mode 0600.

Every keyed event stores the id of the key it was hashed with (a fingerprint of the key, never
the key), so rotating the key needs no coordination between workers: old events and checkpoints
stay verifiable for as long as their key stays in the keyring (``YECAI_AUDIT_OLD_KEYS``, or the
earlier lines of the keyring file).
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from yecai.settings import Settings, get_settings

log = logging.getLogger("yecai.audit")

KEY_MIN_LENGTH = 32
KEY_ID_LENGTH = 16


class AuditKeyError(Exception):
    """The audit key is missing, too short, or its keyring file is damaged."""


def key_id(secret: bytes) -> str:
    """The public fingerprint of a key, stored on each event it hashes (64 bits of SHA-256)."""
    return hashlib.sha256(b"yecai-audit-key-id\x00" + secret).hexdigest()[:KEY_ID_LENGTH]


@dataclass(frozen=True)
class AuditKey:
    kid: str
    secret: bytes = field(repr=False)
    origin: str = "given"

    @classmethod
    def of(cls, secret: str, origin: str = "given") -> AuditKey:
        if len(secret) < KEY_MIN_LENGTH:
            raise AuditKeyError(f"an audit key ({origin}) must be at least {KEY_MIN_LENGTH} characters long")
        raw = secret.encode()
        return cls(key_id(raw), raw, origin)


class Keyring:
    """The current key, which hashes new events and signs new checkpoints, and the retired ones."""

    def __init__(self, current: AuditKey, retired: Iterable[AuditKey] = ()) -> None:
        self.current = current
        self._keys = {k.kid: k for k in retired}
        self._keys[current.kid] = current

    @classmethod
    def of(cls, current: str, *retired: str) -> Keyring:
        return cls(AuditKey.of(current), [AuditKey.of(k) for k in retired])

    def get(self, kid: str) -> AuditKey | None:
        return self._keys.get(kid)

    @property
    def kids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def __repr__(self) -> str:
        return f"Keyring(current={self.current.kid}, keys={list(self._keys)})"


def new_secret() -> str:
    return secrets.token_urlsafe(32)  # 43 characters, 256 bits


@contextmanager
def _locked(path: Path, *, create: bool) -> Iterator[int]:
    """The keyring file, open for appending under an exclusive lock (created 0600 when asked)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_APPEND | (os.O_CREAT if create else 0)
    fd = os.open(path, flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _read_all(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def _parse_keyring(path: Path, text: str) -> list[AuditKey]:
    keys = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = orjson.loads(line)
            key = AuditKey.of(entry["key"], f"{path}:{number}")
        except (orjson.JSONDecodeError, KeyError, TypeError, AuditKeyError) as error:
            raise AuditKeyError(f"{path} line {number} is not an audit key ({error})") from None
        if entry.get("kid") != key.kid:
            raise AuditKeyError(f"{path} line {number}: the key does not match its id {entry.get('kid')!r}")
        keys.append(key)
    return keys


def _append_key(fd: int, path: Path) -> AuditKey:
    key = AuditKey.of(new_secret(), f"{path}")
    line = orjson.dumps({"kid": key.kid, "key": key.secret.decode(),
                         "created": datetime.now(UTC).isoformat(timespec="seconds")})
    os.write(fd, line + b"\n")
    os.fsync(fd)
    return key


def _check_mode(path: Path) -> None:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        log.warning("audit keyring %s is readable by others (mode %o): chmod 600 it", path, mode)


def _file_keys(path: Path, *, create: bool) -> list[AuditKey]:
    if not create and not path.exists():
        return []
    with _locked(path, create=create) as fd:
        keys = _parse_keyring(path, _read_all(fd))
        if not keys and create:
            keys = [_append_key(fd, path)]
    _check_mode(path)
    return keys


def load_keyring(settings: Settings) -> Keyring:
    """The keyring the settings give: ``YECAI_AUDIT_KEY`` (with ``YECAI_AUDIT_OLD_KEYS`` and any keys
    of the data directory's keyring as retired ones), else the keyring file, generated when missing."""
    env_key, old = settings.audit_secrets()
    retired = [AuditKey.of(k, "YECAI_AUDIT_OLD_KEYS") for k in old]
    file_keys = _file_keys(settings.audit_keyring_file, create=env_key is None)
    if env_key is not None:
        return Keyring(AuditKey.of(env_key, "YECAI_AUDIT_KEY"), [*retired, *file_keys])
    return Keyring(file_keys[-1], [*retired, *file_keys[:-1]])


def rotate_keyring_file(settings: Settings) -> AuditKey:
    """Append a new current key to the data directory's keyring; the earlier ones stay for verifying."""
    env_key, _ = settings.audit_secrets()
    if env_key is not None:
        raise AuditKeyError("the audit key comes from YECAI_AUDIT_KEY: rotate it there")
    path = settings.audit_keyring_file
    with _locked(path, create=True) as fd:
        _parse_keyring(path, _read_all(fd))  # refuse to extend a damaged file
        key = _append_key(fd, path)
    _check_mode(path)
    return key


_process_keyring: Keyring | None = None


def use_keyring(keyring: Keyring | None) -> None:
    """Set the keyring this process hashes with (tests, tools); None: load it from the settings again."""
    global _process_keyring
    _process_keyring = keyring


def current_keyring() -> Keyring:
    """This process's keyring, loaded from the settings on first use."""
    global _process_keyring
    if _process_keyring is None:
        _process_keyring = load_keyring(get_settings())
    return _process_keyring
