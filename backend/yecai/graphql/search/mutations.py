"""Mutations of search: remembering one's searches, rebuilding the index."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, mutation
from yecai.graphql.enums import SearchKind
from yecai.graphql.search.types import SearchSynonymGroup
from yecai.search import errors, runtime, service
from yecai.search import permissions as p


@strawberry.input
class RememberSearchInput:
    query: str


@strawberry.input(description="Kinds left out: every kind.")
class RebuildSearchIndexInput:
    kinds: Optional[list[SearchKind]] = None  # type: ignore[valid-type]


@strawberry.input(description="A group of synonyms: new without `id`, else its terms replaced.")
class SaveSearchSynonymsInput:
    terms: list[str] = strawberry.field(description="2 to 10 words, each one word (no spaces or punctuation).")
    id: Optional[strawberry.ID] = None


@strawberry.input
class DeleteSearchSynonymsInput:
    id: strawberry.ID


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

    @mutation("Add a group of synonyms, or replace the terms of one; every search applies it at once.",
              permission=p.SEARCH_MANAGE, errors=[errors.SYNONYM_TERM_TAKEN], returns=("group", SearchSynonymGroup))
    async def save_search_synonyms(self, info: Info, input: SaveSearchSynonymsInput) -> SearchSynonymGroup:
        group_id = decode_id(input.id, "SearchSynonymGroup") if input.id is not None else None
        group = await service.save_synonyms(info.context.session, actor=info.context.actor, terms=input.terms,
                                            group_id=group_id)
        return SearchSynonymGroup.from_model(group)

    @mutation("Remove a group of synonyms.", permission=p.SEARCH_MANAGE, returns=("id", strawberry.ID))
    async def delete_search_synonyms(self, info: Info, input: DeleteSearchSynonymsInput) -> strawberry.ID:
        await service.delete_synonyms(info.context.session, actor=info.context.actor,
                                      group_id=decode_id(input.id, "SearchSynonymGroup"))
        return input.id
