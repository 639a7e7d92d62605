"""GraphQL subscriptions over WebSocket at /graphql (the graphql-transport-ws protocol), through Strawberry's ASGI view.

Only subscriptions run here; queries and mutations go over HTTP, where each request is one
transaction. Who the viewer is is settled once, at ``connection_init``: a bearer token in its
payload (``{"authorization": "Bearer …"}``, an API token or a sign-in token), else the session cookie
of a handshake from our own origin (Strawberry refuses the handshake of a page of another site with a
403, and ``identify`` checks the origin again before it reads the cookie).
A connection without a valid identity is closed (4403). The request limits (depth, aliases,
tokens, cost, repeats) are the schema's extensions and apply to every subscription document.

A subscription holds no database connection while it waits: its context's session is never used
by the notification stream, which reads what the broker carries.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import timedelta
from typing import Any

from graphql import GraphQLError, get_operation_ast, parse
from graphql import OperationType as DocumentOperation
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry import Schema
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from yecai.actor import ANONYMOUS
from yecai.graphql.context import Context
from yecai.graphql.loaders import Loaders
from yecai.http.identity import client_address, identify, identify_bearer, language, request_id
from yecai.settings import Settings

log = logging.getLogger("yecai.graphql")

MAX_SUBSCRIPTIONS_PER_CONNECTION = 10


class _SubscriptionsOnly:
    """The schema as the WebSocket handler sees it: ``stream`` runs subscriptions only."""

    def __init__(self, schema: Schema, max_tokens: int) -> None:
        self._schema = schema
        self._max_tokens = max_tokens

    def __getattr__(self, name: str) -> Any:
        return getattr(self._schema, name)

    async def stream(self, query: str | None, *args: Any, operation_name: str | None = None,
                     allowed_operation_types: Iterable[OperationType] | None = None, **kwargs: Any) -> Any:
        refusal = self._refusal(query, operation_name)
        if refusal is not None:
            return refusal
        return await self._schema.stream(query, *args, operation_name=operation_name,
                                         allowed_operation_types={OperationType.SUBSCRIPTION}, **kwargs)

    def _refusal(self, query: str | None, operation_name: str | None) -> AsyncIterator[PreExecutionError] | None:
        """A clear error for a query or mutation sent over the socket (the schema would only mask it)."""
        try:
            operation = get_operation_ast(parse(query or "", max_tokens=self._max_tokens), operation_name)
        except GraphQLError:
            return None  # the schema's own parsing reports it, under its limits
        if operation is None or operation.operation == DocumentOperation.SUBSCRIPTION:
            return None

        async def refuse() -> AsyncIterator[PreExecutionError]:
            yield PreExecutionError(data=None, errors=[GraphQLError(
                "WebSocket 只用于订阅，查询与变更请用 HTTP POST /graphql / only subscriptions run over the WebSocket: "
                "send queries and mutations with HTTP POST /graphql", extensions={"code": "BAD_REQUEST"})])

        return refuse()


class GraphQLWebSocket(GraphQL):  # type: ignore[misc]
    """Strawberry's ASGI view, for WebSocket handshakes only (Starlette routes HTTP to ``GraphQLEndpoint``)."""

    def __init__(self, schema: Schema, sessions: async_sessionmaker[AsyncSession], settings: Settings) -> None:
        super().__init__(_SubscriptionsOnly(schema, settings.graphql_max_tokens), graphql_ide=None,  # type: ignore[arg-type]
                         subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
                         connection_init_wait_timeout=timedelta(seconds=10),
                         max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION)
        self.sessions = sessions
        self.settings = settings

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        # The session is never opened by the subscription itself (no connection is held while it waits).
        session = self.sessions()
        return Context(request=None, session=session, actor=ANONYMOUS, settings=self.settings,
                       loaders=Loaders(session), language=language(request),
                       extra={"websocket": request})

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:
        websocket: WebSocket = context.extra["websocket"]
        params = context.connection_params or {}
        credential = params.get("authorization") if isinstance(params, dict) else None
        req_id = request_id(websocket)
        async with self.sessions() as session:
            if isinstance(credential, str) and credential:
                identity = await identify_bearer(session, self.settings, credential, req_id, client_address(websocket))
            else:
                identity = await identify(websocket, session, self.settings, req_id)
            await session.commit()
        if identity.bad_credentials or not identity.actor.authenticated:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        context.actor = identity.actor
        return {"viewer": identity.actor.username}
