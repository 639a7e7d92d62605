"""Queries of search: results, the type-ahead, recent searches, the index's status."""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.errors import invalid
from yecai.graphql.base import DEFAULT_PAGE_SIZE, ListSize, decode_id, guarded
from yecai.graphql.enums import SearchKind, SearchKindEnum
from yecai.graphql.search import types as t
from yecai.pagination import check_first, position_after, position_cursor
from yecai.search import runtime, service

MAX_SUGGEST = 10


@strawberry.enum(description="How search results are ordered: by relevance, or newest first.")
class SearchSort(enum.Enum):
    RELEVANCE = "relevance"
    DATE = "date"


def _departments(ids: Optional[list[Optional[strawberry.ID]]]) -> Optional[list[Optional[int]]]:
    if ids is None:
        return None
    return [None if i is None else decode_id(i, "Department", "departments") for i in ids]


@strawberry.type
class SearchQueries:
    @strawberry.field(description="Everything the viewer may open that matches `query` (Chinese of any length, "
                                  "pinyin, initials, codes), ranked, with counts per kind and department. "
                                  "`departments` may hold null for objects of no department. Any signed-in user.")
    async def search(self, info: Info, query: str, kinds: Optional[list[SearchKind]] = None,  # type: ignore[valid-type]
                     departments: Optional[list[Optional[strawberry.ID]]] = None,
                     from_: Annotated[Optional[date], strawberry.argument(name="from")] = None,
                     to: Optional[date] = None, sort: SearchSort = SearchSort.RELEVANCE,
                     first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None) -> Optional[t.SearchConnection]:
        async def run() -> t.SearchConnection:
            check_first(first)
            offset = position_after(after)
            results = await service.search(
                info.context.session, actor=info.context.actor, engine=runtime.engine_for(info.context.settings),
                text=query, kinds=[k.value for k in kinds] if kinds is not None else None,
                departments=_departments(departments), date_from=from_, date_to=to,
                sort=sort.value,
                offset=offset, limit=first)
            page = results.page
            edges = [t.SearchHitEdge(cursor=position_cursor(offset + i), node=t.SearchHit.of(h))
                     for i, h in enumerate(page.hits)]
            return t.SearchConnection(
                edges=edges, total_count=page.total,
                page_info=relay.PageInfo(has_next_page=results.has_next, has_previous_page=offset > 0,
                                         start_cursor=edges[0].cursor if edges else None,
                                         end_cursor=edges[-1].cursor if edges else None),
                facets=t.SearchFacets(
                    kinds=[t.SearchKindCount(kind=SearchKindEnum(k), count=n) for k, n in page.kinds.items() if n],
                    departments=[t.SearchDepartmentCount(count=n, _department_id=d)
                                 for d, n in page.departments.items() if n]))

        return await guarded(info, run)

    @strawberry.field(description="The type-ahead: the best few objects the viewer may open for what is typed so "
                                  "far (at most 10). Any signed-in user.",
                      directives=[ListSize(assumed_size=MAX_SUGGEST)])
    async def search_suggest(self, info: Info, prefix: str, first: int = 8) -> Optional[list[t.SearchHit]]:
        async def run() -> list[t.SearchHit]:
            if not 1 <= first <= MAX_SUGGEST:
                raise invalid("first", f"应在 1 到 {MAX_SUGGEST} 之间", f"must be between 1 and {MAX_SUGGEST}")
            hits = await service.suggest(info.context.session, actor=info.context.actor,
                                         engine=runtime.engine_for(info.context.settings), prefix=prefix, limit=first)
            return [t.SearchHit.of(h) for h in hits]

        return await guarded(info, run)

    @strawberry.field(description="The viewer's recent searches, most recent first.",
                      directives=[ListSize(assumed_size=service.RECENT_KEPT)])
    async def recent_searches(self, info: Info) -> Optional[list[str]]:
        return await guarded(info, lambda: service.recent_searches(info.context.session, actor=info.context.actor))

    @strawberry.field(description="The search index: engine, documents per kind, backlog, the worker, searches that "
                                  "found nothing. Needs `search.manage`.")
    async def search_status(self, info: Info) -> Optional[t.SearchStatus]:
        async def run() -> t.SearchStatus:
            status = await service.status(info.context.session, actor=info.context.actor,
                                          engine=runtime.engine_for(info.context.settings))
            return t.SearchStatus.of(status)

        return await guarded(info, run)

    @strawberry.field(description="The groups of synonyms every search applies. Needs `search.manage`.",
                      directives=[ListSize(assumed_size=100)])
    async def search_synonyms(self, info: Info) -> Optional[list[t.SearchSynonymGroup]]:
        async def run() -> list[t.SearchSynonymGroup]:
            groups = await service.synonym_groups(info.context.session, actor=info.context.actor)
            return [t.SearchSynonymGroup.from_model(g) for g in groups]

        return await guarded(info, run)
