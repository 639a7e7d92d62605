"""The actor: who is doing something, with what rights, from where."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal


@dataclass(frozen=True)
class Actor:
    """The subject of every service call; services read rights only from here."""

    kind: Literal["user", "system", "anonymous"]
    user_id: int | None = None
    username: str | None = None
    permissions: frozenset[str] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)
    department_id: int | None = None
    request_id: str | None = None
    client_address: str | None = None
    # The sign-in (``user_session`` row) the request came with; None for API tokens, the system, the anonymous.
    session_id: str | None = None
    # The API token (``api_token`` row) the request came with, when it came with one.
    api_token_id: int | None = None

    @property
    def authenticated(self) -> bool:
        return self.kind != "anonymous"

    def has(self, permission: str) -> bool:
        return self.kind == "system" or permission in self.permissions

    def is_user(self, user_id: int | None) -> bool:
        return self.kind == "user" and user_id is not None and self.user_id == user_id

    def at(self, *, request_id: str | None, client_address: str | None) -> Actor:
        return replace(self, request_id=request_id, client_address=client_address)


ANONYMOUS = Actor(kind="anonymous")


def system_actor(name: str = "system") -> Actor:
    """The actor of CLI commands, seeds and migrations: all rights, recorded by name."""
    return Actor(kind="system", username=name)
