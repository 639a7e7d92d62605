"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from yecai.actor import Actor
from yecai.graphql.loaders import Loaders
from yecai.settings import Settings


@dataclass
class Context:
    """Context(request, session, actor, loaders) plus what a resolver may hand back to HTTP."""

    request: Request | None
    session: AsyncSession
    actor: Actor
    settings: Settings
    loaders: Loaders
    language: str = "zh"
    # Set by login/logout: the HTTP layer applies them to the response.
    set_session_token: str | None = None
    clear_session: bool = False
    # Unexpected failures: the HTTP layer rolls the whole request back when there is one.
    failed: bool = False
    # A WebSocket's connection_init payload (Strawberry sets it; subscriptions read who the viewer is from it).
    connection_params: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
