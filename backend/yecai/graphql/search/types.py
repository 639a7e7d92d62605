"""Types of search: hits with highlighted fragments, facets, the index's status."""

from __future__ import annotations

import importlib
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Optional, Union

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai import manifest
from yecai.graphql.base import ModelNode
from yecai.graphql.enums import SearchKind, SearchKindEnum
from yecai.graphql.org.types import Department
from yecai.search import engine as e
from yecai.search import policies as search_policies
from yecai.search import service
from yecai.search.models import SearchSynonym


def _node_types() -> dict[str, type[ModelNode]]:
    """Every searchable kind's node type, found in the API modules of the domains below search."""
    by_name: dict[str, type[ModelNode]] = {}
    for d in manifest.domains():
        if d.api_module and d.name != "search":
            api = importlib.import_module(d.api_module).API
            for node in api.nodes:
                by_name[node.__strawberry_definition__.name] = node
    found = {}
    for s in manifest.searchables():
        if s.node not in by_name:
            raise RuntimeError(f"search kind {s.kind}: no node type {s.node} in the API")
        found[s.kind] = by_name[s.node]
    return found


NODE_TYPES = _node_types()
SearchResult = Annotated[Union[tuple(dict.fromkeys(NODE_TYPES.values()))],  # type: ignore[misc]
                         strawberry.union("SearchResult", description="The object a search hit is about.")]


@strawberry.type(description="A piece of a title or snippet; `matched` pieces are what the query found (highlight them).")
class TextFragment:
    text: str
    matched: bool


def _fragments(parts: tuple[e.Fragment, ...]) -> list[TextFragment]:
    return [TextFragment(text=f.text, matched=f.matched) for f in parts]


@strawberry.type(description="One search result (搜索结果), visible to the viewer.")
class SearchHit:
    kind: SearchKind
    title: list[TextFragment]
    snippet: list[TextFragment]
    score: float
    url: str = strawberry.field(description="The web app's path that opens the object.")
    date: Optional[date]
    _hit: strawberry.Private[e.Hit]

    @strawberry.field(description="The object itself; null if it has just been deleted or hidden.")
    async def object(self, info: Info) -> Optional[SearchResult]:  # type: ignore[valid-type]
        return await NODE_TYPES[self._hit.kind].load(info, self._hit.object_id)

    @strawberry.field(description="The department the object belongs to, when it has one.")
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._hit.department_id)

    @staticmethod
    def of(hit: e.Hit) -> SearchHit:
        return SearchHit(kind=SearchKindEnum(hit.kind), title=_fragments(hit.title), snippet=_fragments(hit.snippet),
                         score=hit.score, url=hit.url, date=hit.date, _hit=hit)


@strawberry.type
class SearchHitEdge:
    cursor: str
    node: SearchHit


@strawberry.type(description="How many of the viewer's matches are of one kind.")
class SearchKindCount:
    kind: SearchKind
    count: int


@strawberry.type(description="How many of the viewer's matches belong to one department (none: not a department's).")
class SearchDepartmentCount:
    count: int
    _department_id: strawberry.Private[Optional[int]]

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._department_id)


@strawberry.type(description="Counts of the viewer's matches; a dimension's counts ignore its own filter.")
class SearchFacets:
    kinds: list[SearchKindCount]
    departments: list[SearchDepartmentCount]


@strawberry.type(description="A page of search results (only what the viewer may open is found, counted or shown).")
class SearchConnection:
    edges: list[SearchHitEdge]
    page_info: relay.PageInfo
    total_count: int
    facets: SearchFacets


@strawberry.type(description="Documents of one kind in the index.")
class SearchIndexCount:
    kind: SearchKind
    documents: int


@strawberry.type(description="A search that found nothing, and how often it was made.")
class SearchMissType:
    query: str
    count: int
    last_at: datetime


@strawberry.type(description="The search index (搜索索引): its engine, documents, what waits to be indexed, the worker.")
class SearchStatus:
    engine: str
    kinds: list[SearchIndexCount]
    backlog: int = strawberry.field(description="Changes waiting to be indexed.")
    oldest_pending_at: Optional[datetime]
    applied: int = strawberry.field(description="Changes applied since the index was made.")
    last_applied_at: Optional[datetime]
    failures: int = strawberry.field(description="Failed attempts in a row (0 when the last one succeeded).")
    last_error: Optional[str]
    last_error_at: Optional[datetime]
    worker: Optional[str] = strawberry.field(description="Who drains the outbox now (host:pid), if anyone.")
    worker_lease_until: Optional[datetime]
    engine_error: Optional[str] = strawberry.field(description="Why the engine could not be asked, if it could not.")
    misses: list[SearchMissType] = strawberry.field(description="Searches that found nothing, most frequent first.")

    @staticmethod
    def of(s: service.Status) -> SearchStatus:
        w: Any = s.worker
        return SearchStatus(
            engine=s.engine, kinds=[SearchIndexCount(kind=SearchKindEnum(k), documents=n) for k, n in s.documents.items()],
            backlog=s.backlog, oldest_pending_at=s.oldest_pending_at, applied=w.applied if w else 0,
            last_applied_at=w.last_applied_at if w else None, failures=w.failures if w else 0,
            last_error=w.last_error if w else None, last_error_at=w.last_error_at if w else None,
            worker=w.holder if w else None, worker_lease_until=w.lease_until if w else None, engine_error=s.error,
            misses=[SearchMissType(query=m.query, count=m.count, last_at=m.last_at) for m in s.misses])


@strawberry.type(description="Words that mean the same to those who search (同义词): a search for any finds every one.")
class SearchSynonymGroup(ModelNode):
    model: ClassVar[type] = SearchSynonym
    id: relay.NodeID[int]
    terms: list[str]
    updated_at: datetime

    @classmethod
    def from_model(cls, m: SearchSynonym) -> SearchSynonymGroup:
        return cls(id=m.id, terms=m.term_list, updated_at=m.updated_at)

    @classmethod
    def visible(cls, info: Info, row: Any) -> bool:
        return search_policies.can_manage(info.context.actor)
