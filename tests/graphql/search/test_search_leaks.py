"""A leak test generated from the registry: for every built-in role and every searchable kind, what the
index returns, counts and suggests is only ever what the owning domain's policy lets that role open."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.graphql.conftest import Index, SignIn, World
from yecai import manifest
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.auth.service import actor_for
from yecai.search.engine import SearchRequest
from yecai.search.service import viewer_access

ROLES = [r.code for r in BUILTIN_ROLES]
QUERY = """query($q: String!) { search(query: $q, first: 100) { totalCount edges { node { kind url } }
  facets { kinds { kind count } departments { count } } } searchSuggest(prefix: $q, first: 10) { kind url } }"""


@pytest.mark.parametrize("role", ROLES)
async def test_nothing_hidden_is_found_counted_or_suggested(role: str, world: World, sign_in: SignIn,
                                                            gql: GraphQLClient, index: Index,
                                                            session: AsyncSession, other_department_order) -> None:
    engine = await index()
    user, token = await sign_in(role)
    actor = await actor_for(session, user)
    access = viewer_access(actor)
    hidden_seen = Counter()
    for spec in manifest.searchables():
        ids = list((await session.execute(select(spec.model.id))).scalars())  # type: ignore[attr-defined]
        docs = await spec.build(session, ids)
        allowed = await spec.visible(session, actor, ids)
        by_url = {d.url: (spec.kind, i) for i, d in docs.items()}
        for object_id, doc in list(docs.items())[:6]:
            query = doc.code or doc.title[:4]
            # the engine alone, without the policy's second look: the access tags must already agree with it
            page = await engine.search(SearchRequest(text=query, access=access, limit=100))
            for hit in page.hits:
                other = manifest.searchable(hit.kind)
                assert other is not None
                assert hit.object_id in await other.visible(session, actor, [hit.object_id]), (role, query, hit.key)
            assert page.total == sum(page.kinds.values()) == sum(page.departments.values())
            for hit in await engine.suggest(query, access, 10):
                other = manifest.searchable(hit.kind)
                assert other is not None and hit.object_id in await other.visible(session, actor, [hit.object_id])
            everyone = await engine.search(SearchRequest(text=query, access=frozenset({
                tag for s in manifest.searchables() for d in [doc] for tag in d.access}), limit=100))
            if object_id not in allowed and any(h.key == doc.key for h in everyone.hits):
                hidden_seen[spec.kind] += 1
                assert doc.key not in {h.key for h in page.hits}
        # through the API: what it shows and counts of this kind is what the policy allows
        if docs:
            sample = next(iter(docs.values()))
            data = await gql(QUERY, {"q": sample.code or sample.title[:4]}, token=token)
            result = data["search"]
            assert result["totalCount"] == sum(k["count"] for k in result["facets"]["kinds"])
            assert result["totalCount"] == sum(d["count"] for d in result["facets"]["departments"])
            for node in [e["node"] for e in result["edges"]] + data["searchSuggest"]:
                if node["url"] in by_url:
                    assert by_url[node["url"]][1] in allowed, (role, node)
    if role in ("staff", "business", "hr"):
        assert hidden_seen, f"{role}: the test found nothing hidden to look for"
