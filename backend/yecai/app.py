"""create_app(): routes, middleware, lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from yecai import manifest
from yecai.db import make_engine, make_session_factory
from yecai.graphql.schema import build_schema
from yecai.http.attachments import attachment_routes
from yecai.http.certificates import certificate_routes
from yecai.http.graphql import GraphQLEndpoint
from yecai.http.meetings import meeting_routes
from yecai.http.oidc import oidc_routes
from yecai.http.subscriptions import GraphQLWebSocket
from yecai.http.webapp import SinglePageApp
from yecai.settings import Settings, get_settings

log = logging.getLogger("yecai")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds conservative security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _start_search_worker(settings: Settings, sessions: async_sessionmaker[AsyncSession]
                               ) -> Callable[[], Awaitable[None]]:
    """The search outbox worker on the server's event loop (YECAI_SEARCH_WORKER=external runs it apart)."""
    from yecai.search import runtime
    from yecai.search.service import prepare
    from yecai.search.worker import OutboxWorker

    search_engine = runtime.engine_for(settings)
    worker = OutboxWorker(sessions, search_engine)
    stop = asyncio.Event()

    async def run() -> None:
        try:
            await prepare(sessions, search_engine)
        except Exception:
            log.exception("search: preparing the index failed; the worker starts anyway")
        await worker.run(stop)

    task = asyncio.create_task(run(), name="search-outbox-worker")

    async def stop_it() -> None:
        stop.set()
        try:
            await asyncio.wait_for(task, timeout=10)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()
        except Exception:
            log.exception("search: the worker stopped with an error")
        await runtime.close_all()

    return stop_it


async def _start_notifications(settings: Settings, sessions: async_sessionmaker[AsyncSession], *,
                               scheduler: bool) -> Callable[[], Awaitable[None]]:
    """The broker connection and mailer of this process, and the scheduler unless YECAI_SCHEDULER=external."""
    from yecai.notifications.runtime import NotificationRuntime
    from yecai.scheduler.runner import Scheduler

    notifications = NotificationRuntime(settings, sessions)
    await notifications.start()
    jobs = Scheduler(sessions, settings) if scheduler else None
    if jobs is not None:
        await jobs.start()

    async def stop_them() -> None:
        if jobs is not None:
            await jobs.stop()
        await notifications.stop()

    return stop_them


def create_app(settings: Settings | None = None, *, sessions: async_sessionmaker[AsyncSession] | None = None,
               engine: AsyncEngine | None = None, search_worker: bool | None = None,
               scheduler: bool | None = None) -> Starlette:
    """The whole portal as one ASGI app: /graphql, /healthz, single sign-on and the web app.

    Tests pass their own ``engine`` and ``sessions`` to run each test in one rolled-back transaction.
    """
    settings = settings or get_settings()
    manifest.domains()  # every domain: tables, permissions, event listeners
    owns_engine = engine is None
    engine = engine or make_engine(settings.resolved_database_url, echo=settings.sql_echo)
    sessions = sessions or make_session_factory(engine)
    schema = build_schema(settings)

    async def healthz(request: Request) -> JSONResponse:
        try:
            async with sessions() as session:
                await session.execute(text("SELECT 1"))
        except Exception:
            log.exception("health check failed")
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    run_search_worker = owns_engine if search_worker is None else search_worker
    run_search_worker = run_search_worker and settings.search_worker == "serve"
    run_scheduler = (owns_engine if scheduler is None else scheduler) and settings.scheduler == "serve"

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop_search = await _start_search_worker(settings, sessions) if run_search_worker else None
        stop_notifications = await _start_notifications(settings, sessions, scheduler=run_scheduler)
        try:
            yield
        finally:
            await stop_notifications()
            if stop_search is not None:
                await stop_search()
            if owns_engine:
                await engine.dispose()

    graphql = GraphQLEndpoint(schema, sessions, settings)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
        WebSocketRoute("/graphql", GraphQLWebSocket(schema, sessions, settings)),
        Route("/healthz", healthz, methods=["GET"]),
        *oidc_routes(settings, sessions),
        *attachment_routes(settings, sessions),
        *meeting_routes(settings, sessions),
        *certificate_routes(settings, sessions),
        Mount("/", SinglePageApp(settings.frontend_dist)),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=settings.resolved_secret_key(), session_cookie="yecai_sso",
                   same_site="lax", https_only=settings.cookie_secure or settings.production),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions
    app.state.schema = schema
    return app
