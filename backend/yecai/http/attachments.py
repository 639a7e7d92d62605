"""Upload and download of attachments: ``POST /attachments`` (multipart) and ``GET /attachments/{id}``.

An upload names its owner by global id (``?owner=`` or a form field ``owner`` before the file) and
sends one file part ``file``. The owner's policy is asked before a byte of the file is read when the
owner is in the query. The file is streamed into a temporary file of the storage, hashed and measured
on the way: a ``Content-Length`` past the limit is refused before reading, a body without one as soon
as the file passes it, and the server never holds more than one chunk in memory. Only an accepted file
is moved into place; a refused one leaves no row and no file. Answers are JSON:
``{"attachment": {...}}`` or ``{"errors": [{"message", "extensions": {"code", "field"}}]}``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from python_multipart.multipart import MultipartParser, parse_options_header
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from strawberry import relay

from yecai import manifest
from yecai.attachments import errors as attachment_errors
from yecai.attachments import service
from yecai.attachments.models import Attachment
from yecai.attachments.storage import Storage, storage_for, temp_path
from yecai.errors import COMMON_ERRORS, DomainError, invalid
from yecai.graphql.base import decode_id
from yecai.http.body import RequestError, check_declared_length
from yecai.http.identity import identify, language, request_id
from yecai.settings import Settings

log = logging.getLogger("yecai.attachments")

JSON = "application/json; charset=utf-8"
# What a multipart body carries beside the file: boundaries, part headers, the owner field.
ENVELOPE_BYTES = 64 * 1024
MAX_PARTS = 8
MAX_FIELD_BYTES = 1024

STATUS = {"FILE_TOO_LARGE": 413, "FILE_TYPE_NOT_ALLOWED": 415, "FILE_MISSING": 400, "INVALID_INPUT": 400,
          "NOT_FOUND": 404, "PERMISSION_DENIED": 403, "UNAUTHENTICATED": 401, "CONTENT_UNAVAILABLE": 503,
          "BAD_REQUEST": 400}


def _error(request: Request, error: DomainError, headers: dict[str, str] | None = None) -> Response:
    extensions: dict[str, Any] = {"code": error.code, **({"field": error.field} if error.field else {})}
    body = {"errors": [{"message": error.message(language(request)), "extensions": extensions}]}
    return Response(json.dumps(body, ensure_ascii=False), STATUS.get(error.code, 400), headers, media_type=JSON)


def _bad_request(zh: str, en: str, field: str | None = None) -> DomainError:
    return DomainError(COMMON_ERRORS[0], field=field, zh=zh, en=en)


def _unauthenticated() -> DomainError:
    return DomainError(COMMON_ERRORS[3])


def _decode(value: str | None, types: tuple[str, ...], field: str) -> tuple[str, int]:
    """The type and database id inside a global id (graphql.base.decode_id), with this endpoint's messages."""
    try:
        pk = decode_id(value, types, field)
    except DomainError:
        raise invalid(field, "不是有效的附件归属对象标识" if field == "owner" else "不是有效的附件标识",
                      "is not the id of an object files can be attached to" if field == "owner"
                      else "is not a valid Attachment id") from None
    return relay.GlobalID.from_id(str(value)).type_name, pk


def content_disposition(file_name: str, fallback: str | None = None) -> str:
    """``attachment`` with an ASCII fallback name (``fallback``, else the name with its other characters as ``_``)
    and the real one as RFC 5987's ``filename*`` (UTF-8)."""
    plain = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;%' else "_" for c in fallback or file_name) or "attachment"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name, safe='')}"


class _TooLarge(Exception):
    pass


class _Upload:
    """The multipart body's parts, as python-multipart's streaming parser hands them."""

    def __init__(self, temp: Path, max_bytes: int) -> None:
        self.temp, self.max_bytes = temp, max_bytes
        self.fields: dict[str, bytes] = {}
        self.file_name: str | None = None
        self.has_file = False
        self.size = 0
        self.sha = hashlib.sha256()
        self.pending: list[bytes] = []  # file bytes of the last chunk, written by the endpoint in a thread
        self.parts = 0
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._name: str | None = None
        self._is_file = False

    def callbacks(self) -> dict[str, Any]:
        return {"on_part_begin": self._part_begin, "on_header_field": self._hfield, "on_header_value": self._hvalue,
                "on_header_end": self._hend, "on_headers_finished": self._headers_done, "on_part_data": self._data}

    def _part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise _bad_request("表单部分过多", "too many form parts")
        self._headers, self._name, self._is_file = {}, None, False

    def _hfield(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _hvalue(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _hend(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field = self._header_value = b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        self._name = name
        if name == "file":
            if self.has_file:
                raise _bad_request("file：只能上传一个文件", "file: send one file at a time", "file")
            self.has_file, self._is_file = True, True
            raw = options.get(b"filename*") or b""
            if raw.lower().startswith(b"utf-8''"):
                from urllib.parse import unquote

                self.file_name = unquote(raw[7:].decode("ascii", "replace"))
            else:
                self.file_name = options.get(b"filename", b"").decode("utf-8", "replace")

    def _data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._is_file:
            self.size += len(chunk)
            if self.size > self.max_bytes:
                raise _TooLarge
            self.sha.update(chunk)
            self.pending.append(chunk)
        elif self._name is not None:
            value = self.fields.get(self._name, b"") + chunk
            if len(value) > MAX_FIELD_BYTES:
                raise _bad_request(f"{self._name}：内容过长", f"{self._name}: too long", self._name)
            self.fields[self._name] = value


class AttachmentEndpoints:
    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.settings, self.sessions = settings, sessions

    @property
    def storage(self) -> Storage:
        return storage_for(self.settings)

    @property
    def limits(self) -> service.Limits:
        s = self.settings
        return service.Limits(max_bytes=s.attachment_max_bytes, text_chars=s.attachment_text_chars,
                              text_seconds=s.attachment_text_seconds)

    async def upload(self, request: Request) -> Response:
        max_bytes = self.settings.attachment_max_bytes
        try:
            check_declared_length(request, max_bytes + ENVELOPE_BYTES)
        except RequestError as refused:
            error = service.too_large(max_bytes) if refused.status == 413 else \
                _bad_request("Content-Length 不是数字", "Content-Length is not a number")
            return _error(request, error, {"Connection": "close"})
        media, options = parse_options_header(request.headers.get("content-type", ""))
        boundary = options.get(b"boundary")
        if media != b"multipart/form-data" or not boundary:
            error = _bad_request("请以 multipart/form-data 上传", "send the file as multipart/form-data")
            return _error(request, error, {"Connection": "close"})
        owner_types = tuple(o.type for o in manifest.attachment_owners())
        session = self.sessions()
        async with session:
            identity = await identify(request, session, self.settings, request_id(request))
            if not identity.actor.authenticated:
                await session.rollback()
                return _error(request, _unauthenticated(), {"Connection": "close"})
            actor = identity.actor
            try:
                owner: tuple[str, int] | None = None
                if "owner" in request.query_params:
                    owner = _decode(request.query_params["owner"], owner_types, "owner")
                    await service.check_can_attach(session, actor=actor, owner_type=owner[0], owner_id=owner[1])
                with temp_path(self.storage) as temp:
                    upload = _Upload(temp, max_bytes)
                    owner = await self._receive(request, session, actor, upload, owner, owner_types)
                    if not upload.has_file:
                        raise DomainError(attachment_errors.FILE_MISSING, field="file",
                                          zh="file：请选择要上传的文件", en="file: choose a file to upload")
                    received = service.Received(path=temp, size=upload.size, sha256=upload.sha.hexdigest())
                    attachment = await service.attach(session, actor=actor, storage=self.storage,
                                                      owner_type=owner[0], owner_id=owner[1],
                                                      file_name=upload.file_name, received=received,
                                                      limits=self.limits)
                    await session.commit()
            except _TooLarge:
                await session.rollback()
                return _error(request, service.too_large(max_bytes), {"Connection": "close"})
            except DomainError as error:
                await session.rollback()
                return _error(request, error, {"Connection": "close"})
            except SQLAlchemyError:
                log.exception("attachments: saving an upload failed")
                await session.rollback()
                return Response(json.dumps({"errors": [{"message": "服务器内部错误 / Internal server error",
                                                        "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}),
                                500, media_type=JSON)
        return Response(json.dumps({"attachment": describe(attachment)}, ensure_ascii=False), 201, media_type=JSON)

    async def _receive(self, request: Request, session: AsyncSession, actor: Any, upload: _Upload,
                       owner: tuple[str, int] | None, owner_types: tuple[str, ...]) -> tuple[str, int]:
        """Stream the body through the parser into ``upload``; the owner is checked before the file's first byte."""
        _, options = parse_options_header(request.headers.get("content-type", ""))
        parser = MultipartParser(options[b"boundary"], upload.callbacks())  # type: ignore[arg-type]
        with upload.temp.open("wb") as out:
            async for chunk in request.stream():
                try:
                    parser.write(chunk)
                except (_TooLarge, DomainError):
                    raise
                except Exception:
                    raise _bad_request("表单格式有误", "the multipart body is malformed") from None
                if owner is None and upload.has_file:
                    if "owner" not in upload.fields:
                        raise invalid("owner", "须在文件之前给出附件归属对象", "must come before the file")
                    owner = _decode(upload.fields["owner"].decode("utf-8", "replace"), owner_types, "owner")
                    await service.check_can_attach(session, actor=actor, owner_type=owner[0], owner_id=owner[1])
                if upload.pending:
                    data, upload.pending = b"".join(upload.pending), []
                    await asyncio.to_thread(out.write, data)
            parser.finalize()
        if owner is None:
            if "owner" not in upload.fields:
                raise invalid("owner", "不能为空", "is required")
            owner = _decode(upload.fields["owner"].decode("utf-8", "replace"), owner_types, "owner")
        return owner

    async def download(self, request: Request) -> Response:
        session = self.sessions()
        async with session:
            identity = await identify(request, session, self.settings, request_id(request))
            actor = identity.actor
            try:
                _, attachment_id = _decode(request.path_params["id"], ("Attachment",), "id")
                if not actor.authenticated:
                    raise _unauthenticated()
                attachment = await service.for_download(session, actor=actor, attachment_id=attachment_id)
            except DomainError as error:
                # The refusal is audited (service.for_download); nothing else was changed.
                await session.commit()
                return _error(request, error)
            await session.commit()
        storage = self.storage
        if not await storage.exists(attachment.sha256):
            log.error("attachments: the content of attachment %s (%s) is missing", attachment.id, attachment.sha256)
            return _error(request, DomainError(attachment_errors.CONTENT_UNAVAILABLE))
        headers = {"Content-Disposition": content_disposition(attachment.file_name),
                   "Content-Length": str(attachment.size), "ETag": f'"{attachment.sha256}"',
                   "Cache-Control": "private, no-cache", "Content-Security-Policy": "default-src 'none'; sandbox"}
        return StreamingResponse(_chunks(storage, attachment.sha256), headers=headers,
                                 media_type=attachment.content_type)


async def _chunks(storage: Storage, sha256: str) -> AsyncIterator[bytes]:
    async for chunk in storage.read(sha256):
        yield chunk


def describe(a: Attachment) -> dict[str, Any]:
    return {"id": relay.to_base64("Attachment", a.id), "fileName": a.file_name, "contentType": a.content_type,
            "size": a.size, "sha256": a.sha256, "uploadedAt": a.uploaded_at.isoformat(),
            "downloadUrl": service.download_url(a.id),
            "ownerId": relay.to_base64(a.owner_type, a.owner_id)}


def attachment_routes(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> list[Route]:
    endpoints = AttachmentEndpoints(settings, sessions)
    return [Route("/attachments", endpoints.upload, methods=["POST"]),
            Route("/attachments/{id}", endpoints.download, methods=["GET"])]
