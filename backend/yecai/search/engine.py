"""The search engine interface: what every engine (the embedded one, Meilisearch) offers the search domain.

The search domain turns objects of the other domains into :class:`SearchDocument` rows, keeps an
engine up to date from its outbox, and asks the engine with a :class:`SearchRequest` that already
carries the viewer's access tags. An engine only stores, matches, filters, ranks and counts; it
never decides who may see what beyond the tags it is given:

* A document is visible to a request when the request's ``access`` shares at least one tag with
  the document's ``access`` (an empty request ``access`` sees nothing). Engines apply this inside
  the index query, so hits, totals, facets and suggestions only ever count visible documents.
* Text is matched the same way by every engine (``yecai.search.text`` makes the tokens both index
  and query): Chinese of any length (one character too), words inside longer words, mixed scripts
  and codes, pinyin and initials, traditional for simplified, full width for half width, one wrong
  letter in a Latin word.

Engines are synchronous inside (tantivy, the Meilisearch HTTP client); the async methods here run
them off the event loop where a call may take longer than a millisecond (``bench/search_bench.py``
measures which).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol

from yecai.searchable import SearchDocument

__all__ = ["EngineUnavailable", "Fragment", "Hit", "SearchDocument", "SearchEngine", "SearchPage",
           "SearchRequest", "Sort"]

Sort = Literal["relevance", "date"]


@dataclass(frozen=True)
class Fragment:
    """A piece of a title or snippet; ``matched`` pieces are what the query found (shown highlighted)."""

    text: str
    matched: bool = False


@dataclass(frozen=True)
class SearchRequest:
    text: str  # what was typed; nothing to match (empty, spaces, punctuation) matches every visible document
    access: frozenset[str]
    kinds: tuple[str, ...] | None = None  # None: every kind
    departments: tuple[int | None, ...] | None = None  # None: any; None inside: objects of no department
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    sort: Sort = "relevance"
    offset: int = 0
    limit: int = 20
    facets: bool = True
    # normalized term -> its normalized synonyms (yecai.search.text.synonym_map): what the admins added
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    score: float
    title: tuple[Fragment, ...]
    snippet: tuple[Fragment, ...]  # a short window of the body (or the code) around the first match
    department_id: int | None = None
    date: date | None = None
    url: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[Hit, ...]
    total: int  # visible documents matching, before offset/limit
    kinds: dict[str, int] = field(default_factory=dict)  # facet counts of visible matches, per kind
    departments: dict[int | None, int] = field(default_factory=dict)  # ... per department (None: none)


class SearchEngine(Protocol):
    name: str  # "embedded" or "meilisearch"

    async def upsert(self, documents: list[SearchDocument]) -> None:
        """Add or replace documents by key; durable when it returns."""

    async def delete(self, keys: list[str]) -> None:
        """Remove documents by key; unknown keys are ignored; durable when it returns."""

    async def clear(self, kind: str | None = None) -> None:
        """Remove every document (of one kind)."""

    async def counts(self) -> dict[str, int]:
        """Documents per kind."""

    async def search(self, request: SearchRequest) -> SearchPage:
        """Visible matches, ranked: an exact title or code match first, then by relevance (or by date,
        newest first, ties by relevance). Filters (kinds, departments, dates) narrow hits and totals;
        facet counts of a dimension ignore that dimension's own filter (as shops' facets do)."""

    async def suggest(self, prefix: str, access: frozenset[str], limit: int = 8) -> list[Hit]:
        """The type-ahead: visible documents whose title or code matches what is typed so far (the last
        word may be incomplete), best first."""

    def set_dictionary(self, words: Sequence[str]) -> None:
        """The domain's words (account, customer, supplier, product names), for an engine that splits words itself."""

    async def close(self) -> None: ...


class EngineUnavailable(Exception):
    """The engine cannot be reached or refused the call; the outbox keeps the change and retries."""
