"""``GET /certificates/{code}.pdf``: a certificate as a PDF, for its holder, their managers up the department tree
and HR. The actor comes from the bearer token or the session cookie as for /graphql: 401 for the anonymous, 404
for a code that is unknown or not genuine, 403 for someone else's certificate. The QR code on it opens
``YECAI_PUBLIC_URL/verify/{code}`` (unset: the address this request came to). Nothing is written.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from yecai.certificates import document
from yecai.errors import DomainError
from yecai.http.identity import identify, request_id
from yecai.http.meetings import _attachment, _error
from yecai.settings import Settings


def public_base_url(settings: Settings, request: Request) -> str:
    """The portal's public address: ``YECAI_PUBLIC_URL``, else the scheme and host of this request."""
    return (settings.public_url or str(request.base_url)).rstrip("/")


def certificate_routes(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> list[Route]:
    async def certificate_pdf(request: Request) -> Response:
        req_id = request_id(request)
        async with sessions() as session:
            identity = await identify(request, session, settings, req_id)
            actor = identity.actor
            if identity.bad_credentials or not actor.authenticated:
                await session.rollback()
                return _error(401, "UNAUTHENTICATED", "请先登录 / Please sign in first", req_id)
            try:
                doc = await document.certificate_document(session, actor=actor, code=request.path_params["code"],
                                                          base_url=public_base_url(settings, request))
            except DomainError as error:
                await session.rollback()
                status = {"NOT_FOUND": 404, "PERMISSION_DENIED": 403}.get(error.code, 400)
                return _error(status, error.code, f"{error.zh} / {error.en}", req_id)
            cert = doc.certificate
            filename = f"{doc.holder_name}-{cert.title}-{document.service.KIND_LABELS[cert.kind]}.pdf"
            fallback = f"certificate-{cert.id}.pdf"
            await session.rollback()
        # Rendering is CPU work of its own: off the event loop, so other requests go on meanwhile.
        body = await asyncio.to_thread(document.pdf_of, doc.html)
        return _attachment(body, "application/pdf", filename, fallback, req_id)

    return [Route("/certificates/{code}.pdf", certificate_pdf, methods=["GET"])]
