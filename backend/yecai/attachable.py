"""What a domain declares to let files hang off its objects (the shared kernel; the attachments domain reads it).

A domain lists its :class:`AttachmentOwner` kinds on its manifest (``Domain(attachment_owners=...)``):
the table of the objects, and its own policies saying who may read an object's attachments, attach to
it and remove one. The attachments domain, on top, stores the files and asks these rules on every
upload, list, download, deletion and search hit, so an attachment is visible exactly when its owner is.
Lower domains never import the attachments domain: this module and the manifest are all they see of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yecai.actor import Actor


@dataclass(frozen=True)
class AttachmentOwner:
    """One kind of object files may be attached to (附件归属): an expense claim, a purchase receipt ...

    ``type`` is the owner's GraphQL type (and global-id type), stored on each attachment; ``model`` its
    table. The policies are the owning domain's pure rules over ``(actor, owner row)``:

    - ``can_read``: who sees the owner sees (lists and downloads) its attachments;
    - ``can_attach``: who may add a file now (the owner's state counts: a paid claim is closed);
    - ``can_delete``: ``(actor, owner row, uploader's user id)`` — who may remove one.

    ``search_kind`` names the owner's searchable kind: an attachment's search document takes its
    access tags, department, date and url from the owner's, so the index shows it to the owner's
    readers only. ``refers`` are the owner's columns those tags depend on (a change reindexes its files).
    """

    type: str
    zh: str
    en: str
    model: type
    can_read: Callable[[Actor, Any], bool]
    can_attach: Callable[[Actor, Any], bool]
    can_delete: Callable[[Actor, Any, int | None], bool]
    search_kind: str | None = None
    refers: tuple[str, ...] = ()
