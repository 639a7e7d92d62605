"""Mutations of search: remembering one's searches, rebuilding the index."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import mutation
from yecai.graphql.enums import SearchKind
from yecai.search import errors, runtime, service
from yecai.search import permissions as p


@strawberry.input
class RememberSearchInput:
    query: str


@strawberry.input(description="Kinds left out: every kind.")
class RebuildSearchIndexInput:
    kinds: Optional[list[SearchKind]] = None  # type: ignore[valid-type]


@strawberry.type
class SearchMutations:
    @mutation("Keep a search among one's recent searches (the results page does, when a search is made); a search "
              "that found nothing is noted for the admins.", permission=None,
              errors=[errors.SEARCH_UNAVAILABLE], returns=("query", str))
    async def remember_search(self, info: Info, input: RememberSearchInput) -> str:
        return await service.remember_search(info.context.session, actor=info.context.actor,
                                             engine=runtime.engine_for(info.context.settings), text=input.query)

    @mutation("Forget one's recent searches.", permission=None, returns=("cleared", int))
    async def clear_recent_searches(self, info: Info) -> int:
        return await service.clear_recent_searches(info.context.session, actor=info.context.actor)

    @mutation("Index every object (of some kinds) again from the database: each kind is emptied, then refilled by the "
              "worker.", permission=p.SEARCH_MANAGE, returns=("queued", int))
    async def rebuild_search_index(self, info: Info, input: RebuildSearchIndexInput) -> int:
        return await service.rebuild(info.context.session, actor=info.context.actor,
                                     kinds=[k.value for k in input.kinds] if input.kinds is not None else None)
