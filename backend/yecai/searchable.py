"""What a domain declares to make its objects searchable (the shared kernel; the search domain reads it).

A domain lists its :class:`Searchable` kinds on its manifest (``Domain(searchables=...)``). The
search domain, on top, turns changed rows into :class:`SearchDocument` rows through ``build``,
asks an engine with the viewer's access tags (``viewer_tags`` of every kind), and checks each
hit again with ``visible`` (the owning domain's policy) before it is returned. Lower domains
never import the search domain: this module and the manifest are all they see of it.

Access tags: a document is visible to a viewer who holds at least one of its tags. Tags are
strings a domain makes up from its own rules, e.g. ``perm:ledger.read`` for company-wide objects
behind one permission, ``ops:dept:7`` for business documents of department 7, ``ops:all`` for
those of every department. A viewer's tags are computed at query time, so a user moving
department or a role losing a right takes effect on the next query without reindexing.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from yecai.actor import Actor


@dataclass(frozen=True)
class SearchDocument:
    """One object as the index sees it. ``key`` is ``f"{kind}:{object_id}"``, unique across kinds."""

    kind: str  # a search kind's code, e.g. "customer", "voucher", "sales_order"
    object_id: int
    title: str  # what the result shows first: a name, a number and a party ...
    body: str = ""  # everything else worth finding it by (lines, memos, account names ...)
    code: str | None = None  # a number or code matched exactly and by prefix: 记-0012, SO-202612-00012, C001
    department_id: int | None = None
    access: tuple[str, ...] = ()  # access tags: visible to whoever holds any of them
    date: date | None = None  # the day it is about (document date, voucher date); None sorts last
    url: str = ""  # the web app's path that opens it

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"


def web_id(type_name: str, pk: int) -> str:
    """The global id the web app puts in its paths (the API's ``id`` of the object)."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


# ``build(session, ids)`` -> the documents of those rows that exist (missing ids: deleted).
Build = Callable[["AsyncSession", Sequence[int]], Awaitable[dict[int, SearchDocument]]]
# ``visible(session, actor, ids)`` -> the ids the actor may open, by the owning domain's policy.
Visible = Callable[["AsyncSession", "Actor", Sequence[int]], Awaitable[set[int]]]


@dataclass(frozen=True)
class Watch:
    """Another table whose rows change documents of this kind: ``owner(row)`` names the object(s)."""

    model: type
    owner: Callable[[Any], int | Iterable[int] | None]


@dataclass(frozen=True)
class Refer:
    """Rows of another table whose words this kind's documents show (a customer's name on its orders, a
    product's on the documents of its lines): when one of ``fields`` of such a row changes, the objects
    ``ids(changed ids)`` selects (a SQL select of this kind's ids) are indexed again. Unlike a
    :class:`Watch`, the objects are looked up when the outbox is applied: a customer on 10,000 orders
    writes one outbox row."""

    model: type
    fields: tuple[str, ...]
    ids: Callable[[list[int]], Any]


@dataclass(frozen=True)
class Searchable:
    """One kind of searchable object (搜索类别): its rows, how they read in the index, and who may open them."""

    kind: str  # the code, e.g. "sales_order"; clients see it as the SearchKind enum
    zh: str
    en: str
    model: type  # the table whose rows are the documents (their ids are the object ids)
    node: str  # the GraphQL type of the object (global ids, the SearchResult union)
    build: Build
    visible: Visible
    viewer_tags: Callable[[Actor], Iterable[str]]
    watches: tuple[Watch, ...] = ()
    refers: tuple[Refer, ...] = ()
    # Words of the domain the analyzer should know (customer, account, product names ...).
    words: Callable[[AsyncSession], Awaitable[Iterable[str]]] | None = None
    ids: Callable[[], Any] | None = None  # a select of every id (rebuilds); default: the model's ids
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def enum_name(self) -> str:
        return self.kind.upper()


def checked_by(model: type, can_see: Callable[[Actor, Any], bool]) -> Visible:
    """A ``visible`` that loads the rows and asks the owning domain's policy of each."""

    async def visible(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
        from sqlalchemy import select

        rows = (await session.execute(select(model).where(model.id.in_(list(ids))))).scalars()  # type: ignore[attr-defined]
        return {row.id for row in rows if can_see(actor, row)}

    return visible


def text_of(*parts: object) -> str:
    """The non-empty parts joined by spaces."""
    return " ".join(str(p) for p in parts if p not in (None, ""))
