"""Types of attachments: the Attachment node, and the ``attachments`` field its owners' types gain."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai import manifest
from yecai.attachable import AttachmentOwner
from yecai.attachments import models, policies, service
from yecai.graphql.auth.types import User
from yecai.graphql.base import ListSize, ModelNode, global_id


async def _owner_row(info: Info, row: models.Attachment) -> tuple[AttachmentOwner | None, Any]:
    owner = manifest.attachment_owner(row.owner_type)
    if owner is None:
        return None, None
    return owner, await info.context.loaders.by_id(owner.model).load(row.owner_id)


@strawberry.type(description="What the viewer may do with an attachment.")
class AttachmentAbilities:
    delete: bool


@strawberry.type(description="附件: a file attached to an object (an expense claim's receipts ...); whoever sees "
                             "the object sees its attachments.")
class Attachment(ModelNode):
    model = models.Attachment
    id: relay.NodeID[int]
    file_name: str
    content_type: str = strawberry.field(description="Read from the file's content when it was uploaded, not its name.")
    size: int = strawberry.field(description="In bytes.")
    sha256: str = strawberry.field(description="The SHA-256 of its content, in hex.")
    uploaded_at: datetime
    _model: strawberry.Private[Any]

    @classmethod
    def from_model(cls, m: models.Attachment) -> Attachment:
        return cls(id=m.id, file_name=m.file_name, content_type=m.content_type, size=m.size, sha256=m.sha256,
                   uploaded_at=m.uploaded_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        # Gathered: the owners are loaded in one batch per owner model, not one statement per attachment.
        owners = iter(await asyncio.gather(*(_owner_row(info, row) for row in rows if row is not None)))
        seen = []
        for row in rows:
            if row is None:
                seen.append(False)
                continue
            owner, owner_row = next(owners)
            seen.append(policies.can_read(info.context.actor, owner, owner_row))
        return seen

    @strawberry.field(description="Who uploaded it; null when not visible to the viewer.")
    async def uploaded_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.uploaded_by_id)

    @strawberry.field(description="The global id of the object it is attached to.")
    def owner_id(self) -> relay.GlobalID:
        return global_id(self._model.owner_type, self._model.owner_id)  # type: ignore[return-value]

    @strawberry.field(description="Where the browser downloads it (GET, the viewer's session or bearer token).")
    def download_url(self) -> str:
        return service.download_url(self.id)

    @strawberry.field
    async def viewer_can(self, info: Info) -> AttachmentAbilities:
        owner, owner_row = await _owner_row(info, self._model)
        return AttachmentAbilities(delete=policies.can_delete(info.context.actor, owner, owner_row, self._model))


@strawberry.type
class AttachedFiles:
    """The files attached to an object, added to each attachment owner's type."""

    @strawberry.field(description="Its attachments (附件), oldest first; empty when the viewer may not see the object.",
                      directives=[ListSize(assumed_size=5)])
    async def attachments(self, info: Info) -> list[Attachment]:
        row = self._model  # type: ignore[attr-defined]
        owner = manifest.attachment_owner(type(self).__strawberry_definition__.name)  # type: ignore[attr-defined]
        if owner is None or not policies.can_read(info.context.actor, owner, row):
            return []
        rows = await info.context.loaders.children(
            models.Attachment, models.Attachment.owner_id, models.Attachment.uploaded_at, models.Attachment.id,
            kind=(models.Attachment.owner_type, owner.type)).load(row.id)
        return [Attachment.from_model(r) for r in rows]

    @strawberry.field(description="Whether the viewer may attach a file to it now (POST /attachments?owner=<its id>).")
    def viewer_can_attach(self, info: Info) -> bool:
        row = self._model  # type: ignore[attr-defined]
        owner = manifest.attachment_owner(type(self).__strawberry_definition__.name)  # type: ignore[attr-defined]
        return owner is not None and policies.can_attach(info.context.actor, owner, row)


def owner_types() -> tuple[type, ...]:
    """The API's node type of every attachment owner, from the API part of the domain declaring it."""
    found = []
    for d in manifest.domains():
        if not d.attachment_owners:
            continue
        nodes = {n.__strawberry_definition__.name: n for n in importlib.import_module(d.api_module or "").API.nodes}
        for owner in d.attachment_owners:
            node = nodes.get(owner.type)
            if node is None or getattr(node, "model", None) is not owner.model:
                raise RuntimeError(f"attachment owner {owner.type}: {d.name}'s API has no node type of that name "
                                   f"for {owner.model.__name__}")
            found.append(node)
    return tuple(found)
