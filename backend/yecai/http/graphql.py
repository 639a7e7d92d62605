"""The /graphql endpoint, following the GraphQL-over-HTTP specification.

Strawberry executes; this module owns the HTTP side: methods, media types, status codes,
the request's transaction and its identity.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from strawberry import Schema
from strawberry.http.ides import get_graphql_ide_html
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from yecai.db import RequestSession, start_counting, stop_counting
from yecai.graphql.context import Context
from yecai.graphql.loaders import Loaders
from yecai.graphql.schema import MASKED_MESSAGE
from yecai.http.body import RequestError, parse_json, read_body
from yecai.http.identity import clear_session_cookie, identify, language, request_id, set_session_cookie
from yecai.settings import Settings
from yecai.validation import lone_surrogate

log = logging.getLogger("yecai.graphql")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MAX_BODY_BYTES = 1_000_000
# Deeper JSON (in the body, or in GET's variables and extensions) is refused with a 400: no input
# of the schema nests anywhere near this, and it keeps every later step off deep recursion.
MAX_JSON_DEPTH = 64


def _negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header; ``None`` when we can offer none of it."""
    if not accept:
        return JSON
    ranges = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    offers = [(q, media) for media, q in ranges if q > 0]
    for _, media in sorted(offers, key=lambda o: -o[0]):
        if media == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media in (JSON, "application/*", "*/*"):
            return JSON
    return None


def _wants_ide(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.method == "GET" and "text/html" in accept and "query" not in request.query_params


async def _params(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        q = request.query_params
        params: dict[str, Any] = {"query": q.get("query"), "operationName": q.get("operationName")}
        for key in ("variables", "extensions"):
            raw = q.get(key)
            if raw:
                params[key] = parse_json(raw, key, MAX_JSON_DEPTH)
        return params
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if not media:
        raise RequestError(415, "Content-Type is required (application/json)")
    if media != JSON:
        raise RequestError(415, "Content-Type must be application/json")
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in content_type.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), "utf-8")
    if charset not in ("utf-8", "utf8"):
        raise RequestError(415, "only utf-8 request bodies are accepted")
    body = await read_body(request, MAX_BODY_BYTES)
    if not body:
        raise RequestError(400, "the request body is empty")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the request body is not valid UTF-8") from None
    params = parse_json(text, "the request body", MAX_JSON_DEPTH)
    if not isinstance(params, dict):
        raise RequestError(400, "the request body must be a JSON object")
    return params


def _check(params: dict[str, Any]) -> tuple[str, dict[str, Any] | None, str | None, dict[str, Any] | None]:
    query = params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise RequestError(400, "query must be a non-empty string")
    variables = params.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise RequestError(400, "variables must be a map")
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise RequestError(400, "operationName must be a string")
    extensions = params.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise RequestError(400, "extensions must be a map")
    # JSON may spell half a UTF-16 pair (\ud800); no text the portal keeps can hold one.
    for key in ("query", "variables", "operationName", "extensions"):
        where = lone_surrogate(params.get(key), key)
        if where is not None:
            raise RequestError(400, f"{where}：含有孤立的代理码位（无效字符） / {where}: contains a lone surrogate "
                                    "(not a character)")
    return query, variables, operation_name or None, extensions


def _error_body(message: str, code: str | None = None, *, request_id: str | None = None) -> bytes:
    error: dict[str, Any] = {"message": message}
    if code:
        error["extensions"] = {"code": code, **({"requestId": request_id} if request_id else {})}
    return json.dumps({"errors": [error]}, ensure_ascii=False).encode()


class GraphQLEndpoint:
    """ASGI app serving GraphQL over HTTP (GET for queries, POST for all)."""

    def __init__(self, schema: Schema, sessions: async_sessionmaker[AsyncSession], settings: Settings) -> None:
        self.schema = schema
        self.sessions = sessions
        self.settings = settings

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        response = await self.handle(request)
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        if request.method not in ("GET", "POST"):
            return Response(_error_body("use GET or POST"), 405, {"Allow": "GET, POST"}, media_type=JSON)
        if _wants_ide(request):
            if not self.settings.introspection:
                return Response("GraphiQL is off because introspection is disabled.", 404, media_type="text/plain")
            return HTMLResponse(get_graphql_ide_html())
        media = _negotiate(request.headers.get("accept"))
        if media is None:
            return Response(_error_body("we can answer with application/graphql-response+json or application/json"),
                            406, media_type=JSON)
        content_type = f"{media}; charset=utf-8"
        try:
            query, variables, operation_name, extensions = _check(await _params(request))
        except RequestError as error:
            return Response(_error_body(str(error), "BAD_REQUEST"), error.status, error.headers,
                            media_type=content_type)

        req_id = request_id(request)
        counter, token = start_counting()
        try:
            return await self._execute(request, media, content_type, req_id, query, variables, operation_name,
                                       extensions, counter)
        finally:
            stop_counting(token)

    async def _execute(self, request: Request, media: str, content_type: str, req_id: str, query: str,
                       variables: dict[str, Any] | None, operation_name: str | None,
                       extensions: dict[str, Any] | None, counter: list[int]) -> Response:
        allowed = {OperationType.QUERY} if request.method == "GET" else {OperationType.QUERY, OperationType.MUTATION}
        session = self.sessions()
        if not isinstance(session, RequestSession):
            raise TypeError("the GraphQL endpoint needs sessions of yecai.db.RequestSession (make_session_factory)")
        async with session:
            identity = await identify(request, session, self.settings, req_id)
            if identity.bad_credentials:
                await session.rollback()
                return Response(_error_body("the bearer token is invalid, expired or revoked", "UNAUTHENTICATED"),
                                401, {"WWW-Authenticate": 'Bearer realm="yecai"', "X-Request-Id": req_id},
                                media_type=content_type)
            context = Context(request=request, session=session, actor=identity.actor, settings=self.settings,
                              loaders=Loaders(session), language=language(request))
            try:
                try:
                    async with asyncio.timeout(self.settings.request_timeout_seconds):
                        result = await self.schema.execute(query, variable_values=variables, context_value=context,
                                                           operation_name=operation_name,
                                                           allowed_operation_types=allowed,
                                                           operation_extensions=extensions)
                finally:
                    # Execution can return while resolvers it let go still run (the siblings of a field
                    # that failed through a non-null position): none may use the session from here on,
                    # and the commit or rollback below waits for any statement they still have running.
                    await session.finish_resolvers()
            except TimeoutError:
                await session.rollback()
                log.warning("request %s ran past its %s s budget and was cancelled", req_id,
                            self.settings.request_timeout_seconds)
                return Response(_error_body(f"the request took longer than its {self.settings.request_timeout_seconds:g} s "
                                            "budget and was cancelled; nothing it did was kept",
                                            "REQUEST_TIMEOUT", request_id=req_id),
                                503, {"X-Request-Id": req_id, "Retry-After": "1"}, media_type=content_type)
            except InvalidOperationTypeError:
                await session.rollback()
                return Response(_error_body("only queries may be sent with GET; use POST", "BAD_REQUEST"), 405,
                                {"Allow": "POST"}, media_type=content_type)
            except CannotGetOperationTypeError as error:
                await session.rollback()
                status = 400 if media == GRAPHQL_RESPONSE else 200
                return Response(_error_body(str(error)), status, media_type=content_type)

            # context.failed is set when an unexpected error was masked: undo the whole request.
            if context.failed:
                await session.rollback()
            else:
                try:
                    await session.commit()
                except SQLAlchemyError:
                    log.exception("commit failed in request %s", req_id)
                    await session.rollback()
                    return Response(_error_body(MASKED_MESSAGE, "INTERNAL_SERVER_ERROR", request_id=req_id), 500,
                                    {"X-Request-Id": req_id}, media_type=content_type)

        # Errors of the request itself (parse, validation, variables) have no path and no data.
        request_failed = result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [e.formatted for e in result.errors]
        if not request_failed:
            body["data"] = result.data
        if result.extensions:
            body["extensions"] = result.extensions  # the request's cost, among others
        status = 400 if request_failed and media == GRAPHQL_RESPONSE else 200
        response = Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), status,
                            media_type=content_type)
        response.headers["X-Request-Id"] = req_id
        response.headers["X-Yecai-Sql-Statements"] = str(counter[0])
        response.headers["Cache-Control"] = "no-store"
        if context.set_session_token:
            set_session_cookie(response, context.set_session_token, self.settings)
        elif context.clear_session or identity.clear_cookie:
            clear_session_cookie(response, self.settings)
        return response
