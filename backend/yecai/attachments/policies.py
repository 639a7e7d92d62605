"""Who may do what with an attachment: exactly what its owner's domain says of the owning object."""

from __future__ import annotations

from typing import Any

from yecai.actor import Actor
from yecai.attachable import AttachmentOwner
from yecai.attachments.models import Attachment


def can_read(actor: Actor, owner: AttachmentOwner | None, owner_row: Any) -> bool:
    """Whoever may see the owning object sees (lists, downloads, finds) its attachments."""
    return owner is not None and owner_row is not None and owner.can_read(actor, owner_row)


def can_attach(actor: Actor, owner: AttachmentOwner, owner_row: Any) -> bool:
    return owner.can_read(actor, owner_row) and owner.can_attach(actor, owner_row)


def can_delete(actor: Actor, owner: AttachmentOwner | None, owner_row: Any, attachment: Attachment) -> bool:
    return can_read(actor, owner, owner_row) and owner.can_delete(actor, owner_row, attachment.uploaded_by_id)  # type: ignore[union-attr]
