"""Verification codes (核验码): unguessable and tamper-evident without a database lookup.

A code is a random 80-bit serial and the first 80 bits of an HMAC-SHA-256 of it under the certificate key
(``YECAI_CERTIFICATE_KEY``, else the data directory's ``certificate_key``), both in base32 (A–Z, 2–7):
32 characters, printed in groups of four. A code whose HMAC does not match was altered or made up, and is
refused before any lookup; changing the key makes every printed code fail, so the key is kept like the
session key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from yecai.settings import Settings, get_settings

SERIAL_BYTES = 10
TAG_BYTES = 10
LENGTH = 32  # characters: (10 + 10) bytes in base32
_ALPHABET = re.compile(r"^[A-Z2-7]{32}$")

_process_key: bytes | None = None


def use_key(key: bytes | None) -> None:
    """Set the key this process signs and checks codes with (tests, tools); None: from the settings again."""
    global _process_key
    _process_key = key


def key_of(settings: Settings) -> bytes:
    return settings.resolved_certificate_key()


def current_key() -> bytes:
    global _process_key
    if _process_key is None:
        _process_key = key_of(get_settings())
    return _process_key


def _b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def _tag(serial: str, key: bytes) -> str:
    return _b32(hmac.new(key, b"yecai-certificate:" + serial.encode("ascii"), hashlib.sha256).digest()[:TAG_BYTES])


def new_code(key: bytes | None = None) -> str:
    """A fresh verification code."""
    serial = _b32(secrets.token_bytes(SERIAL_BYTES))
    return serial + _tag(serial, key or current_key())


def normalize(text: str) -> str:
    """What people type or scan, without spaces and dashes, in capitals."""
    return re.sub(r"[\s-]", "", text or "").upper()


def genuine(code: str, key: bytes | None = None) -> str | None:
    """The normalized code when its HMAC matches (it was issued with this key), else None."""
    value = normalize(code)
    if not _ALPHABET.match(value):
        return None
    serial, tag = value[:16], value[16:]
    return value if hmac.compare_digest(tag, _tag(serial, key or current_key())) else None


def grouped(code: str) -> str:
    """As printed: ABCD-EFGH-…"""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
