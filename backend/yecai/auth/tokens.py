"""Signed session tokens (JWT, HS256 through joserfc, Authlib's JOSE library) and API token secrets."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

API_TOKEN_PREFIX = "yct_"
_ISSUER = "yecai"


@dataclass(frozen=True)
class SessionClaims:
    user_id: int
    session_id: str
    expires_at: int


def new_session_id() -> str:
    return secrets.token_hex(16)


def issue_session_token(secret_key: str, *, user_id: int, session_id: str, ttl_seconds: int) -> str:
    """A signed token naming a user and their session (``user_session`` row); it works while both do."""
    now = int(time.time())
    claims = {"iss": _ISSUER, "sub": str(user_id), "sid": session_id, "iat": now, "exp": now + ttl_seconds}
    return jwt.encode({"alg": "HS256"}, claims, OctKey.import_key(secret_key))


def read_session_token(secret_key: str, token: str) -> SessionClaims | None:
    """The claims of a valid, unexpired token; ``None`` for anything else."""
    try:
        decoded = jwt.decode(token, OctKey.import_key(secret_key), algorithms=["HS256"])
        registry = jwt.JWTClaimsRegistry(iss={"essential": True, "value": _ISSUER}, exp={"essential": True})
        registry.validate(decoded.claims)
        claims = decoded.claims
        session_id = claims["sid"]
        if not isinstance(session_id, str) or not 0 < len(session_id) <= 64:
            return None
        return SessionClaims(user_id=int(claims["sub"]), session_id=session_id, expires_at=int(claims["exp"]))
    except (JoseError, ValueError, KeyError, TypeError):
        return None


def new_api_token_secret() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_api_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
