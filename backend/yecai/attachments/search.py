"""Attachments in the search index: found by their name and text, shown exactly to their owner's readers.

An attachment's document copies its access tags, department, date and url from its owner's document
(the owner's ``search_kind``), and a viewer holds the tags of every owner kind: so the index filters
attachments as it filters their owners, and ``visible`` asks the owner's policy again.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor
from yecai.attachable import AttachmentOwner
from yecai.attachments import policies
from yecai.attachments.models import Attachment
from yecai.searchable import Refer, Searchable, SearchDocument, text_of

# How much of an attachment's text goes into the index (the database keeps more).
INDEXED_CHARS = 20_000


async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Attachment).where(Attachment.id.in_(list(ids))))).scalars())
    by_owner: dict[str, list[Attachment]] = defaultdict(list)
    for row in rows:
        by_owner[row.owner_type].append(row)
    found = {}
    for owner_type, attachments in by_owner.items():
        owner = manifest.attachment_owner(owner_type)
        kind = manifest.searchable(owner.search_kind) if owner is not None and owner.search_kind else None
        owners = await kind.build(session, sorted({a.owner_id for a in attachments})) if kind is not None else {}
        for a in attachments:
            parent = owners.get(a.owner_id)
            found[a.id] = SearchDocument(
                kind="attachment", object_id=a.id, title=a.file_name,
                body=text_of(parent.title if parent else "", (a.text or "")[:INDEXED_CHARS]),
                department_id=parent.department_id if parent else None,
                # No owner document: no tags, found by no one.
                access=parent.access if parent else (),
                date=parent.date if parent and parent.date else a.uploaded_at.date(),
                url=parent.url if parent else "")
    return found


async def visible(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(Attachment).where(Attachment.id.in_(list(ids))))).scalars())
    by_owner: dict[str, list[Attachment]] = defaultdict(list)
    for row in rows:
        by_owner[row.owner_type].append(row)
    seen = set()
    for owner_type, attachments in by_owner.items():
        owner = manifest.attachment_owner(owner_type)
        if owner is None:
            continue
        model = owner.model
        owner_rows = {r.id: r for r in (await session.execute(select(model).where(
            model.id.in_({a.owner_id for a in attachments})))).scalars()}  # type: ignore[attr-defined]
        seen |= {a.id for a in attachments if policies.can_read(actor, owner, owner_rows.get(a.owner_id))}
    return seen


def viewer_tags(actor: Actor) -> set[str]:
    tags: set[str] = set()
    for owner in manifest.attachment_owners():
        kind = manifest.searchable(owner.search_kind) if owner.search_kind else None
        if kind is not None:
            tags |= set(kind.viewer_tags(actor))
    return tags


def _refer(owner: AttachmentOwner) -> Refer:
    return Refer(owner.model, owner.refers, lambda ids: select(Attachment.id).where(
        Attachment.owner_type == owner.type, Attachment.owner_id.in_(ids)))


class _OwnerRefers(Sequence[Refer]):
    """One Refer per owner declaring the columns its access depends on. The owners are declared by the
    domains' manifests, which are read after this one is made: the list is read at its first use."""

    @functools.cached_property
    def _refers(self) -> tuple[Refer, ...]:
        return tuple(_refer(o) for o in manifest.attachment_owners() if o.refers)

    def __len__(self) -> int:
        return len(self._refers)

    def __getitem__(self, index: Any) -> Any:
        return self._refers[index]


SEARCHABLES = (Searchable(kind="attachment", zh="附件", en="Attachment", model=Attachment, node="Attachment",
                          build=build, visible=visible, viewer_tags=viewer_tags,
                          refers=_OwnerRefers()),  # type: ignore[arg-type]
               )
