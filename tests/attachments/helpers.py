"""Attaching bytes in tests through the service, as the upload endpoint does."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.attachments import service
from yecai.attachments.models import Attachment
from yecai.attachments.storage import Storage


def received(storage: Storage, data: bytes) -> service.Received:
    storage.temp_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=storage.temp_dir, prefix="test-", delete=False) as f:
        f.write(data)
    return service.Received(path=Path(f.name), size=len(data), sha256=hashlib.sha256(data).hexdigest())


async def attach(session: AsyncSession, actor: Actor, storage: Storage, owner_type: str, owner_id: int,
                 file_name: str, data: bytes, limits: service.Limits = service.Limits()) -> Attachment:
    got = received(storage, data)
    try:
        return await service.attach(session, actor=actor, storage=storage, owner_type=owner_type, owner_id=owner_id,
                                    file_name=file_name, received=got, limits=limits)
    finally:
        got.path.unlink(missing_ok=True)
