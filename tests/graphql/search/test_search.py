"""Searching through the API: what one finds is what one may open, in lists, counts, facets and the type-ahead."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.dbstate import fingerprint
from tests.factories import make_department, make_user, token_for
from tests.graphql.conftest import Index, SignIn, World
from yecai.operations.models import Customer
from yecai.org.models import Department
from yecai.search.models import SearchOutbox

SEARCH = """query($q: String!, $kinds: [SearchKind!], $departments: [ID], $first: Int! = 20, $after: String,
                  $sort: SearchSort! = RELEVANCE, $from: Date, $to: Date) {
  search(query: $q, kinds: $kinds, departments: $departments, first: $first, after: $after, sort: $sort,
         from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { kind url date title { text matched } snippet { text matched } department { code }
      object { __typename ... on SalesOrder { id number } ... on Customer { id name } } } }
    facets { kinds { kind count } departments { count department { code } } }
  } }"""
SUGGEST = """query($p: String!) { searchSuggest(prefix: $p) { kind url title { text matched } } }"""


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))


def title(node: dict) -> str:
    return "".join(f["text"] for f in node["title"])


async def test_a_business_user_finds_their_departments_documents_only(world: World, sign_in: SignIn,
                                                                      gql: GraphQLClient, index: Index,
                                                                      other_department_order) -> None:
    await index()
    _, token = await sign_in("business")
    result = (await gql(SEARCH, {"q": world.ops.customer.name}, token=token))["search"]
    nodes = [e["node"] for e in result["edges"]]
    numbers = {n["object"]["number"] for n in nodes if n["kind"] == "SALES_ORDER"}
    assert world.ops.open_order.number in numbers
    assert other_department_order.number not in numbers
    assert other_department_order.number not in str(result)
    assert result["totalCount"] == len(nodes) == sum(k["count"] for k in result["facets"]["kinds"])
    assert {d["department"]["code"] for d in result["facets"]["departments"] if d["department"]} <= {"W-OPS"}
    # the customer itself ranks first: its name is the query
    assert nodes[0]["kind"] == "CUSTOMER" and nodes[0]["object"]["name"] == world.ops.customer.name
    assert any(f["matched"] for f in nodes[0]["title"])
    assert nodes[0]["url"].startswith("/master-data?tab=customers&id=")
    # what the hidden order alone matches finds nothing, counts nothing, suggests nothing
    hidden = (await gql(SEARCH, {"q": other_department_order.number}, token=token))["search"]
    assert hidden["totalCount"] == 0 and hidden["edges"] == [] and hidden["facets"]["kinds"] == []
    assert (await gql(SUGGEST, {"p": other_department_order.number}, token=token))["searchSuggest"] == []
    # finance reads every department's documents (operations.read_all_departments): it sees both
    _, manager = await sign_in("finance")
    seen = (await gql(SEARCH, {"q": "SO-", "kinds": ["SALES_ORDER"], "first": 100}, token=manager))["search"]
    assert other_department_order.number in {e["node"]["object"]["number"] for e in seen["edges"]}


async def test_filters_sort_and_pages(world: World, sign_in: SignIn, gql: GraphQLClient, index: Index) -> None:
    await index()
    _, token = await sign_in("business")
    every = (await gql(SEARCH, {"q": world.ops.customer.name, "first": 100}, token=token))["search"]
    orders = (await gql(SEARCH, {"q": world.ops.customer.name, "kinds": ["SALES_ORDER"]}, token=token))["search"]
    assert orders["totalCount"] >= 2 and {e["node"]["kind"] for e in orders["edges"]} == {"SALES_ORDER"}
    # a dimension's facet ignores its own filter: every kind is still counted
    assert orders["facets"]["kinds"] == every["facets"]["kinds"]
    first = (await gql(SEARCH, {"q": world.ops.customer.name, "first": 1}, token=token))["search"]
    assert first["pageInfo"]["hasNextPage"] and len(first["edges"]) == 1
    second = (await gql(SEARCH, {"q": world.ops.customer.name, "first": 1,
                                 "after": first["pageInfo"]["endCursor"]}, token=token))["search"]
    assert second["edges"][0]["node"]["url"] != first["edges"][0]["node"]["url"]
    dated = (await gql(SEARCH, {"q": world.ops.customer.name, "sort": "DATE", "first": 100}, token=token))["search"]
    days = [e["node"]["date"] for e in dated["edges"] if e["node"]["date"]]
    assert days == sorted(days, reverse=True)
    none = (await gql(SEARCH, {"q": world.ops.customer.name, "from": "2027-01-01"}, token=token))["search"]
    assert all(e["node"]["date"] is None or e["node"]["date"] >= "2027-01-01" for e in none["edges"])
    mine = (await gql(SEARCH, {"q": world.ops.customer.name, "departments": [gid("Department", world.ops.department.id)]},
                      token=token))["search"]
    assert mine["totalCount"] >= 2 and all(e["node"]["department"]["code"] == "W-OPS" for e in mine["edges"])


@pytest.mark.parametrize(("variables", "field"), [
    ({"q": ""}, "query"), ({"q": "   "}, "query"), ({"q": "财" * 101}, "query"), ({"q": "a\u202eb"}, "query"),
    ({"q": "财务", "first": 0}, "first"), ({"q": "财务", "first": 101}, "first"),
    ({"q": "财务", "after": "bm90LWEtY3Vyc29y"}, "after"), ({"q": "财务", "after": "W10="}, "after"),
    ({"q": "财务", "from": "2026-12-01", "to": "2026-11-01"}, "to"),
    ({"q": "财务", "departments": ["VXNlcjox"]}, "departments"),
])
async def test_bad_input_names_the_field(variables: dict, field: str, sign_in: SignIn, gql: GraphQLClient,
                                         index: Index) -> None:
    _, token = await sign_in("business")
    body = await gql(SEARCH, variables, token=token, errors=True)
    assert body["data"] == {"search": None}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT" and error["extensions"]["field"] == field, error


async def test_anonymous_callers_search_nothing(gql: GraphQLClient, index: Index) -> None:
    await index()
    body = await gql(SEARCH, {"q": "财务"}, errors=True)
    assert body["data"] == {"search": None} and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    body = await gql(SUGGEST, {"p": "财务"}, errors=True)
    assert body["data"] == {"searchSuggest": None}


async def test_recent_searches_and_misses(sign_in: SignIn, gql: GraphQLClient, index: Index,
                                          session: AsyncSession) -> None:
    await index()
    _, token = await sign_in("business")
    remember = "mutation($q: String!) { rememberSearch(input: {query: $q}) { __typename ... on RememberSearchSuccess { query } } }"
    for i in range(12):
        assert (await gql(remember, {"q": f"查询{i}"}, token=token))["rememberSearch"]["query"] == f"查询{i}"
    assert (await gql(remember, {"q": "  查询3  "}, token=token))["rememberSearch"]["query"] == "查询3"
    recent = (await gql("{ recentSearches }", token=token))["recentSearches"]
    assert recent == ["查询3", *(f"查询{i}" for i in (11, 10, 9, 8, 7, 6, 5, 4, 2))]  # ten kept, newest first
    _, other = await sign_in("business")
    assert (await gql("{ recentSearches }", token=other))["recentSearches"] == []  # one's own only
    cleared = (await gql("mutation { clearRecentSearches { ... on ClearRecentSearchesSuccess { cleared } } }",
                         token=token))["clearRecentSearches"]
    assert cleared == {"cleared": 10}
    _, admin = await sign_in("admin")
    misses = (await gql("{ searchStatus { misses { query count } } }", token=admin))["searchStatus"]["misses"]
    assert {"query": "查询3", "count": 2} in misses  # found nothing for whoever asked


async def test_the_index_status_and_rebuild_are_for_admins(sign_in: SignIn, gql: GraphQLClient, index: Index,
                                                           session: AsyncSession) -> None:
    engine = await index()
    status = "{ searchStatus { engine backlog kinds { kind documents } failures lastError } }"
    rebuild = """mutation { rebuildSearchIndex(input: {kinds: [CUSTOMER, DEPARTMENT]}) { __typename
      ... on RebuildSearchIndexSuccess { queued } ... on RebuildSearchIndexError { code } } }"""
    _, business = await sign_in("business")
    body = await gql(status, token=business, errors=True)
    assert body["data"] == {"searchStatus": None} and body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    before = await fingerprint(session)
    assert (await gql(rebuild, token=business))["rebuildSearchIndex"] == {
        "__typename": "RebuildSearchIndexError", "code": "PERMISSION_DENIED"}
    assert await fingerprint(session) == before
    _, admin = await sign_in("admin")
    shown = (await gql(status, token=admin))["searchStatus"]
    counts = {k["kind"]: k["documents"] for k in shown["kinds"]}
    assert shown["engine"] == "embedded" and counts["ACCOUNT"] > 50 and counts["CUSTOMER"] >= 1
    queued = (await gql(rebuild, token=admin))["rebuildSearchIndex"]["queued"]
    in_database = {kind: (await session.execute(select(func.count()).select_from(model))).scalar_one()
                   for kind, model in (("CUSTOMER", Customer), ("DEPARTMENT", Department))}
    assert queued == sum(in_database.values())
    waiting = (await session.execute(select(func.count()).select_from(SearchOutbox))).scalar_one()
    rebuilt = (await session.execute(select(func.count()).where(SearchOutbox.kind.in_(("customer", "department")))
                                     )).scalar_one()
    assert rebuilt == queued + 2  # and one "clear" per kind; the users signed in above wait beside them
    assert (await gql(status, token=admin))["searchStatus"]["backlog"] == waiting
    await index()
    after = {k["kind"]: k["documents"] for k in (await gql(status, token=admin))["searchStatus"]["kinds"]}
    assert after == {**counts, "USER": counts["USER"] + 2, **in_database}  # with the two users signed in above
    assert (await engine.counts())["customer"] == in_database["CUSTOMER"]


async def test_a_claims_attachment_is_found_by_its_text_by_the_claims_readers_only(
        world: World, sign_in: SignIn, gql: GraphQLClient, index: Index, session: AsyncSession) -> None:
    """The world's claim has a receipt whose PDF says "Invoice 26440000000012345678": its text is indexed."""
    await index()
    query = """query($q: String!) { search(query: $q, kinds: [ATTACHMENT]) { totalCount
                 edges { node { kind url title { text } snippet { text } } } } }"""
    _, finance = await sign_in("finance")  # reads every department's claims
    found = (await gql(query, {"q": "26440000000012345678"}, token=finance))["search"]
    assert found["totalCount"] == 1
    (node,) = [e["node"] for e in found["edges"]]
    assert node["kind"] == "ATTACHMENT" and title(node) == "出差发票.pdf"
    outsider = await make_user(session, roles=("business",), department=world.child)
    token = await token_for(session, outsider, TEST_SECRET)
    await session.commit()
    hidden = (await gql(query, {"q": "26440000000012345678"}, token=token))["search"]
    assert hidden == {"totalCount": 0, "edges": []}
    assert (await gql(SUGGEST, {"p": "出差发票"}, token=token))["searchSuggest"] == []


async def test_a_change_of_rights_counts_at_the_next_query(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                           index: Index, session: AsyncSession) -> None:
    """Tags are the viewer's at query time: moving a user to another department moves what they find."""
    await index()
    user, token = await sign_in("business")
    found = (await gql(SEARCH, {"q": world.ops.open_order.number}, token=token))["search"]["totalCount"]
    assert found == 1
    other = await make_department(session, code="S-MOVED", name="调入部门")
    user.department_id = other.id
    await session.commit()
    assert (await gql(SEARCH, {"q": world.ops.open_order.number}, token=token))["search"]["totalCount"] == 0


async def test_renaming_a_customer_product_or_claimant_reindexes_the_documents_that_show_the_name(
        world: World, sign_in: SignIn, gql: GraphQLClient, index: Index, session: AsyncSession) -> None:
    """Documents show the names of their customer, their lines' products and their claimant: a rename
    writes one outbox row per renamed row, and the worker finds the documents when it applies it."""
    from yecai.auth.models import User
    from yecai.operations.models import Product

    await index()
    _, token = await sign_in("finance")

    async def numbers(query: str, kind: str) -> set[str]:
        found = (await gql("""query($q: String!, $kinds: [SearchKind!]) { search(query: $q, kinds: $kinds, first: 50) {
            edges { node { object { ... on SalesOrder { number } ... on ExpenseClaim { number } } } } } }""",
                           {"q": query, "kinds": [kind]}, token=token))["search"]
        return {e["node"]["object"]["number"] for e in found["edges"]}

    order = world.ops.open_order.number
    assert order in await numbers(world.ops.customer.name, "SALES_ORDER")
    world.ops.customer.name = "北京改名后的新客户有限公司"
    product = await session.get(Product, world.ops.product.id)
    product.name = "改名后的激光打印机"
    claimant = await session.get(User, world.ops.submitted_claim.claimant_id)
    claimant.display_name = "改名后的报销人"
    await session.flush()
    rows = (await session.execute(select(SearchOutbox.kind, SearchOutbox.op))).all()
    assert ("sales_order", "via0") in rows and ("sales_order", "via1") in rows
    assert len([r for r in rows if r == ("sales_order", "via0")]) == 1  # one row for the customer, however many orders
    await index()
    assert order in await numbers("改名后的新客户", "SALES_ORDER")
    assert order not in await numbers(world.ops.customer.code + " 北京华信", "SALES_ORDER")
    assert order in await numbers("改名后的激光打印机", "SALES_ORDER")
    assert world.ops.submitted_claim.number in await numbers("改名后的报销人", "EXPENSE_CLAIM")
    # a change the documents do not show (orders do not show their customer's code) reindexes the customer only
    world.ops.customer.code = "C-RENAMED"
    await session.flush()
    assert (await session.execute(select(SearchOutbox.kind, SearchOutbox.op))).all() == [("customer", "index")]


async def test_making_a_meeting_confidential_hides_its_minutes_decisions_and_action_items(
        world: World, sign_in: SignIn, gql: GraphQLClient, index: Index, session: AsyncSession) -> None:
    """Minutes, decisions and action items carry their meeting's tags: a meeting turned confidential writes
    them again, so an outsider neither finds nor counts them, while its attendee still does."""
    from tests.conftest import TEST_SECRET
    from tests.factories import token_for
    from yecai.actor import system_actor
    from yecai.meetings import service as meetings

    meeting = world.meetings.meeting
    await meetings.record_decision(session, actor=system_actor("test"), meeting_id=meeting.id, text="回款专项督办")
    await session.commit()
    await index()
    _, outsider = await sign_in("business")  # reads meetings; neither attendee, owner nor manager
    attendee = await token_for(session, world.target, TEST_SECRET)
    hidden = ["MEETING_MINUTES", "DECISION", "ACTION_ITEM"]

    async def kinds(token: str) -> dict[str, int]:
        found = (await gql(SEARCH, {"q": meeting.title, "kinds": ["MEETING", *hidden]}, token=token))["search"]
        counted = {k["kind"]: k["count"] for k in found["facets"]["kinds"]}
        assert found["totalCount"] == sum(counted.values()) == sum(d["count"] for d in found["facets"]["departments"])
        assert {e["node"]["kind"] for e in found["edges"]} == {k for k, n in counted.items() if n}
        return counted

    everything = {"MEETING": 1, "MEETING_MINUTES": 1, "DECISION": 1, "ACTION_ITEM": 1}
    assert await kinds(outsider) == everything
    await meetings.update_meeting(session, actor=system_actor("test"), meeting_id=meeting.id, confidential=True)
    await session.commit()
    rows = set((await session.execute(select(SearchOutbox.kind, SearchOutbox.op))).all())
    assert {("meeting_minutes", "index"), ("decision", "via0"), ("action_item", "via0")} <= rows
    await index()
    assert await kinds(outsider) == {"MEETING": 1}
    assert await kinds(attendee) == everything
