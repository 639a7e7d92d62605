"""Use cases of attachments: attach a received file to an object, hand it out, remove it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai import validation as v
from yecai.actor import Actor
from yecai.attachable import AttachmentOwner
from yecai.attachments import detect as d
from yecai.attachments import errors, policies
from yecai.attachments.extract import extract_text
from yecai.attachments.models import Attachment
from yecai.attachments.storage import Storage
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.searchable import web_id

FILE = "file"


@dataclass(frozen=True)
class Received:
    """An uploaded file, streamed into a temporary file of the storage, measured and hashed on the way."""

    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    text_chars: int = 100_000
    text_seconds: float = 5.0


def too_large(limit: int) -> DomainError:
    mb = f"{limit / (1024 * 1024):.3g} MB"
    return DomainError(errors.FILE_TOO_LARGE, field=FILE, zh=f"{FILE}：文件过大，最大 {mb}",
                       en=f"{FILE}: the file is too large (at most {mb})")


def _owner_spec(owner_type: str, field: str = "owner") -> AttachmentOwner:
    owner = manifest.attachment_owner(owner_type)
    if owner is None:
        raise invalid(field, "不能给此类对象添加附件", "files cannot be attached to this kind of object")
    return owner


async def owner_of(session: AsyncSession, attachment: Attachment) -> tuple[AttachmentOwner | None, Any]:
    """The attachment's owner kind and owning row (None when either is gone)."""
    owner = manifest.attachment_owner(attachment.owner_type)
    return owner, (await session.get(owner.model, attachment.owner_id) if owner is not None else None)


async def check_can_attach(session: AsyncSession, *, actor: Actor, owner_type: str, owner_id: int) -> Any:
    """Whether the actor may attach a file to the object now; asked before a byte of the file is read."""
    owner = _owner_spec(owner_type)
    row = await session.get(owner.model, owner_id)
    if not policies.can_read(actor, owner, row):
        raise not_found("owner")
    if not policies.can_attach(actor, owner, row):
        raise denied()
    return row


def clean_file_name(name: str | None) -> str:
    """The file's own name (no folders), plain visible text; shortened to 255 characters keeping its extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    if len(base) > 255:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 255 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 16 else base[:255]
    base = v.required_text(base, FILE, max_len=255, plain=True)
    if base in (".", ".."):
        raise invalid(FILE, "文件名无效", "the file name is not valid")
    return base


async def attach(session: AsyncSession, *, actor: Actor, storage: Storage, owner_type: str, owner_id: int,
                 file_name: str | None, received: Received, limits: Limits = Limits()) -> Attachment:
    """Attach a received file to an object: its type read from its content, its text kept for search."""
    owner = _owner_spec(owner_type)
    await check_can_attach(session, actor=actor, owner_type=owner_type, owner_id=owner_id)
    name = clean_file_name(file_name)
    if received.size > limits.max_bytes:
        raise too_large(limits.max_bytes)
    if received.size == 0:
        raise DomainError(errors.FILE_MISSING, field=FILE, zh=f"{FILE}：文件是空的", en=f"{FILE}: the file is empty")
    detected = await asyncio.to_thread(d.detect, received.path)
    if not detected.allowed:
        allowed = "、".join(d.LABELS[t] for t in d.ALLOWED)
        raise DomainError(errors.FILE_TYPE_NOT_ALLOWED, field=FILE,
                          zh=f"{FILE}：不支持此类文件（按内容识别为 {detected.content_type}），只接受 {allowed}",
                          en=f"{FILE}: this type of file is not allowed (its content reads as {detected.content_type}); "
                             f"accepted: {', '.join(d.LABELS[t] for t in d.ALLOWED)}")
    text = await asyncio.to_thread(extract_text, received.path, detected, max_chars=limits.text_chars,
                                   seconds=limits.text_seconds) if limits.text_chars else None
    await storage.put(received.sha256, received.path)
    attachment = Attachment(owner_type=owner.type, owner_id=owner_id, file_name=name, content_type=detected.header,
                            size=received.size, sha256=received.sha256, text=text,
                            uploaded_by_id=actor.user_id if actor.kind == "user" else None, uploaded_at=utcnow())
    session.add(attachment)
    await session.flush()
    await audit.record(session, actor=actor, action="attachment.upload", subject_type="attachment",
                       subject_id=attachment.id, after=_snapshot(attachment))
    return attachment


def download_url(attachment_id: int) -> str:
    """Where the browser downloads an attachment: GET /attachments/<its global id> (the viewer's session or token)."""
    return f"/attachments/{web_id('Attachment', attachment_id)}"


async def for_download(session: AsyncSession, *, actor: Actor, attachment_id: int) -> Attachment:
    """The attachment, when the actor may see its owner; a refusal is audited and reads as not found."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is not None:
        owner, row = await owner_of(session, attachment)
        if policies.can_read(actor, owner, row):
            return attachment
    await audit.record(session, actor=actor, action="attachment.download_denied", subject_type="attachment",
                       subject_id=attachment_id)
    raise not_found()


async def delete_attachment(session: AsyncSession, *, actor: Actor, attachment_id: int) -> int:
    """Remove an attachment (its uploader or a manager, as the owner's policy says); the bytes go with the last one."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None:
        raise not_found()
    owner, row = await owner_of(session, attachment)
    if not policies.can_read(actor, owner, row):
        raise not_found()
    if not policies.can_delete(actor, owner, row, attachment):
        raise denied()
    before = _snapshot(attachment)
    await session.delete(attachment)
    await session.flush()
    await audit.record(session, actor=actor, action="attachment.delete", subject_type="attachment",
                       subject_id=attachment_id, before=before)
    return attachment_id


async def collect_garbage(session: AsyncSession, *, storage: Storage, stored: list[tuple[str, Any]],
                          grace: timedelta = timedelta(hours=1)) -> list[str]:
    """Remove stored contents no attachment names any more and older than ``grace`` (uploads in flight are
    younger); ``stored`` is what the storage holds: (sha256, last modified)."""
    cutoff = utcnow() - grace
    candidates = [sha for sha, modified in stored if modified < cutoff]
    removed = []
    for start in range(0, len(candidates), 500):
        batch = candidates[start:start + 500]
        used = set((await session.execute(select(Attachment.sha256).where(Attachment.sha256.in_(batch))
                                          .group_by(Attachment.sha256))).scalars())
        for sha in batch:
            if sha not in used:
                await storage.delete(sha)
                removed.append(sha)
    return removed


def _snapshot(a: Attachment) -> dict[str, Any]:
    # Not its text: the audit trail records what was attached, not what it says.
    return {k: v for k, v in audit.snapshot(a).items() if k != "text"}
