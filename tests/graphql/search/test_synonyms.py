"""Synonyms (同义词): admins group words that mean the same; every search applies them at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.graphql.conftest import Index, SignIn, World
from yecai.audit.models import AuditEvent
from yecai.search.models import SearchMiss, SearchSynonym

SAVE = """mutation($input: SaveSearchSynonymsInput!) { saveSearchSynonyms(input: $input) {
  __typename ... on SaveSearchSynonymsSuccess { group { id terms } }
  ... on SaveSearchSynonymsError { code field message } } }"""
DELETE = """mutation($id: ID!) { deleteSearchSynonyms(input: {id: $id}) {
  __typename ... on DeleteSearchSynonymsError { code field } } }"""
GROUPS = "{ searchSynonyms { id terms } }"
SEARCH = """query($q: String!) { search(query: $q, first: 50) { totalCount
  edges { node { kind title { text matched } } } } }"""


def titles(result: dict) -> list[str]:
    return ["".join(f["text"] for f in e["node"]["title"]) for e in result["search"]["edges"]]


async def test_a_synonym_finds_what_its_words_find_for_everyone_at_once(
        world: World, sign_in: SignIn, gql: GraphQLClient, index: Index, session: AsyncSession) -> None:
    await index()
    _, admin = await sign_in("admin")
    _, finance = await sign_in("finance")
    assert (await gql(SEARCH, {"q": "VAT"}, token=finance))["search"]["totalCount"] == 0
    saved = (await gql(SAVE, {"input": {"terms": ["增值税", "ＶＡＴ"]}}, token=admin))["saveSearchSynonyms"]
    assert saved["__typename"] == "SaveSearchSynonymsSuccess", saved
    found = titles(await gql(SEARCH, {"q": "vat"}, token=finance))
    assert "222101 应交增值税" in found, found  # and its sub-accounts, whose bodies name it
    edges = (await gql(SEARCH, {"q": "VAT"}, token=finance))["search"]["edges"]
    marked = next(e["node"]["title"] for e in edges if "".join(f["text"] for f in e["node"]["title"]) == "222101 应交增值税")
    assert [f["text"] for f in marked if f["matched"]] == ["增值税"]  # the synonym is what is highlighted
    # replacing the terms takes the old ones away; deleting the group takes it all away
    group = saved["group"]["id"]
    again = (await gql(SAVE, {"input": {"id": group, "terms": ["增值税", "value-added"]}}, token=admin))
    assert again["saveSearchSynonyms"]["group"]["terms"] == ["增值税", "value-added"]
    assert (await gql(SEARCH, {"q": "VAT"}, token=finance))["search"]["totalCount"] == 0
    assert titles(await gql(SEARCH, {"q": "value-added"}, token=finance))
    assert (await gql(DELETE, {"id": group}, token=admin))["deleteSearchSynonyms"]["__typename"] == "DeleteSearchSynonymsSuccess"
    assert (await gql(SEARCH, {"q": "value-added"}, token=finance))["search"]["totalCount"] == 0
    actions = (await session.execute(select(AuditEvent.action).where(AuditEvent.action.like("search.synonyms.%"))
                                     .order_by(AuditEvent.seq))).scalars().all()
    assert actions == ["search.synonyms.save", "search.synonyms.save", "search.synonyms.delete"]


async def test_a_miss_answered_by_a_new_synonym_leaves_the_misses(
        world: World, sign_in: SignIn, gql: GraphQLClient, index: Index, session: AsyncSession) -> None:
    await index()
    _, admin = await sign_in("admin")
    remember = """mutation($q: String!) { rememberSearch(input: {query: $q}) { __typename } }"""
    await gql(remember, {"q": "VAT"}, token=admin)
    assert (await session.get(SearchMiss, "VAT")) is not None
    await gql(SAVE, {"input": {"terms": ["vat", "增值税"]}}, token=admin)
    session.expire_all()
    assert (await session.execute(select(SearchMiss.query))).scalars().all() == []
    status = (await gql("{ searchStatus { misses { query } } }", token=admin))["searchStatus"]
    assert status["misses"] == []


@pytest.mark.parametrize(("terms", "message"), [
    (["增值税"], "2 到 10"),
    ([], "2 到 10"),
    (["增值税", "  "], "2 到 10"),
    (["增值税", "value added"], "一个词"),
    (["增值税", "13%税"], "一个词"),
    (["增值税", "VAT", "vat"], "相同"),
    (["财务", "財務"], "相同"),
    (["增值税", "税" * 41], "超过 40"),
    ([f"词{i}" for i in range(11)], "2 到 10"),
])
async def test_bad_groups_name_the_field_and_write_nothing(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                           session: AsyncSession, terms: list[str], message: str) -> None:
    _, admin = await sign_in("admin")
    before = await fingerprint(session)
    result = (await gql(SAVE, {"input": {"terms": terms}}, token=admin))["saveSearchSynonyms"]
    assert (result["__typename"], result["code"], result["field"]) == ("SaveSearchSynonymsError", "INVALID_INPUT", "terms")
    assert message in result["message"]
    assert await fingerprint(session) == before


async def test_a_term_belongs_to_one_group(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, admin = await sign_in("admin")
    before = await fingerprint(session)
    taken = (await gql(SAVE, {"input": {"terms": ["报账", "报帐"]}}, token=admin))["saveSearchSynonyms"]
    assert (taken["code"], taken["field"]) == ("SYNONYM_TERM_TAKEN", "terms")
    assert await fingerprint(session) == before
    # the group itself may keep its own terms when they are replaced
    own = str(GlobalID("SearchSynonymGroup", str(world.synonyms.id)))
    kept = (await gql(SAVE, {"input": {"id": own, "terms": ["报销", "报账", "报帐"]}}, token=admin))["saveSearchSynonyms"]
    assert kept["group"]["terms"] == ["报销", "报账", "报帐"]


async def test_only_search_admins_see_the_groups(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, admin = await sign_in("admin")
    _, business = await sign_in("business")
    assert (await gql(GROUPS, token=admin))["searchSynonyms"] == [
        {"id": str(GlobalID("SearchSynonymGroup", str(world.synonyms.id))), "terms": ["报销", "报账"]}]
    denied = await gql(GROUPS, token=business, errors=True)
    assert denied["data"]["searchSynonyms"] is None
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    node = await gql("query($id: ID!) { node(id: $id) { id } }",
                     {"id": str(GlobalID("SearchSynonymGroup", str(world.synonyms.id)))}, token=business)
    assert node["node"] is None
    assert (await gql(DELETE, {"id": str(GlobalID("SearchSynonymGroup", "999999"))}, token=admin)
            )["deleteSearchSynonyms"]["__typename"] == "DeleteSearchSynonymsError"


async def test_a_group_saved_is_a_row_of_terms(world: World, sign_in: SignIn, gql: GraphQLClient,
                                               session: AsyncSession) -> None:
    _, admin = await sign_in("admin")
    await gql(SAVE, {"input": {"terms": [" 差旅费 ", "travel"]}}, token=admin)
    rows = (await session.execute(select(SearchSynonym.terms).order_by(SearchSynonym.id))).scalars().all()
    assert rows == ["报销\n报账", "差旅费\ntravel"]
