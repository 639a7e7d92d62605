"""Downloads of joint meetings: the minutes as PDF, meetings and series as iCalendar.

``GET /meetings/{id}/minutes.pdf``, ``GET /meetings/{id}.ics`` and ``GET /meeting-series/{id}.ics`` take the
object's global id, resolve the actor from the bearer token or the session cookie as /graphql does, and
let the domain's policy decide: 401 for the anonymous, 404 for what the viewer may not see, 403 for
confidential minutes outside their audience. Nothing is written, so the session is rolled back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from yecai.actor import Actor
from yecai.errors import DomainError
from yecai.graphql.base import decode_id
from yecai.http.attachments import content_disposition
from yecai.http.identity import identify, request_id
from yecai.meetings import exports
from yecai.settings import Settings

ICS = "text/calendar; charset=utf-8"


def _pk(value: str, type_name: str) -> int | None:
    try:
        return decode_id(value, type_name)
    except DomainError:
        return None


def _error(status: int, code: str, message: str, req_id: str) -> Response:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers={"X-Request-Id": req_id, "Cache-Control": "no-store"})


def _attachment(body: bytes, media_type: str, filename: str, fallback: str, req_id: str) -> Response:
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": content_disposition(filename, fallback), "Cache-Control": "private, no-store",
        "X-Request-Id": req_id})


Produce = Callable[[AsyncSession, Actor, int, Request], Awaitable[tuple[Any, bytes]]]


def meeting_routes(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> list[Route]:
    """The three download routes; a global id may hold '/', so each takes the rest of the path."""

    def endpoint(type_name: str, produce: Produce, media_type: str, name: Callable[[Any], tuple[str, str]]) -> Any:
        async def handle(request: Request) -> Response:
            req_id = request_id(request)
            pk = _pk(request.path_params["gid"], type_name)
            if pk is None:
                return _error(404, "NOT_FOUND", f"not a {type_name} id", req_id)
            async with sessions() as session:
                identity = await identify(request, session, settings, req_id)
                actor = identity.actor
                if identity.bad_credentials or not actor.authenticated:
                    await session.rollback()
                    return _error(401, "UNAUTHENTICATED", "请先登录 / Please sign in first", req_id)
                try:
                    obj, body = await produce(session, actor, pk, request)
                except DomainError as error:
                    await session.rollback()
                    status = {"NOT_FOUND": 404, "PERMISSION_DENIED": 403}.get(error.code, 400)
                    return _error(status, error.code, f"{error.zh} / {error.en}", req_id)
                filename, fallback = name(obj)
                await session.rollback()
            return _attachment(body, media_type, filename, fallback, req_id)

        return handle

    async def minutes_pdf(session: AsyncSession, actor: Actor, pk: int, request: Request) -> tuple[Any, bytes]:
        document = await exports.minutes_document(session, actor=actor, meeting_id=pk)
        # Rendering is CPU work of its own: off the event loop, so other requests go on meanwhile.
        return document.meeting, await asyncio.to_thread(exports.pdf_of, document.html)

    async def meeting_ics(session: AsyncSession, actor: Actor, pk: int, request: Request) -> tuple[Any, bytes]:
        return await exports.meeting_ics(session, actor=actor, meeting_id=pk, host=request.url.hostname or "yecai")

    async def series_ics(session: AsyncSession, actor: Actor, pk: int, request: Request) -> tuple[Any, bytes]:
        return await exports.series_ics(session, actor=actor, series_id=pk, host=request.url.hostname or "yecai")

    def day(m: Any) -> str:
        return exports.recurrence.local(m.starts_at).strftime("%Y%m%d")

    return [
        Route("/meetings/{gid:path}/minutes.pdf", endpoint("Meeting", minutes_pdf, "application/pdf", lambda m: (
            f"{m.title}-{day(m)}-会议纪要.pdf", f"minutes-{m.id}.pdf")), methods=["GET"]),
        Route("/meetings/{gid:path}.ics", endpoint("Meeting", meeting_ics, ICS, lambda m: (
            f"{m.title}-{day(m)}.ics", f"meeting-{m.id}.ics")), methods=["GET"]),
        Route("/meeting-series/{gid:path}.ics", endpoint("MeetingSeries", series_ics, ICS, lambda s: (
            f"{s.title}.ics", f"meeting-series-{s.id}.ics")), methods=["GET"]),
    ]
