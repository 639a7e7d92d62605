"""No cross-department leaks, generated from the schema: for every query field, with a selection of every field
reachable from it, a user of department A never sees department B's documents or their lines — not in lists,
not nested, not through ``node``, not in counts, not through an idempotency key. A new field or type is
crawled without editing this file."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    Undefined,
    get_named_type,
    parse,
)
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import actor_of, make_department, make_user, token_for
from tests.graphql.conftest import Index, World, gid
from yecai import manifest
from yecai.graphql.limits import query_cost
from yecai.graphql.schema import build_schema
from yecai.operations import service as ops
from yecai.org.models import DepartmentKind
from yecai.settings import Settings

SCHEMA = build_schema(Settings())._schema
LIMIT = Settings().graphql_max_cost
MAX_DEPTH = 5


def _unwrap(type_: Any) -> Any:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


def _optional_args_only(field: GraphQLField) -> bool:
    return all(not isinstance(a.type, GraphQLNonNull) or a.default_value is not Undefined for a in field.args.values())


def selection(type_: Any, depth: int = 0, max_depth: int = MAX_DEPTH, prefix: str = "",
              clashing: frozenset[str] = frozenset()) -> str:
    """Every field of ``type_`` that takes no required argument, nested to ``max_depth``, through every
    interface and union member."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if depth >= max_depth:
        return "{ __typename }"
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        members = SCHEMA.get_possible_types(named)
        if len(members) > 8:  # search's result, any object: its id tells whether it leaks; its lists are crawled
            return "{ __typename ... on Node { id } }"
        # Where members type one field differently, each member's gets an alias of its own.
        types: dict[str, set[str]] = {}
        for m in members:
            for n, f in m.fields.items():
                types.setdefault(n, set()).add(str(f.type))
        clash = frozenset(n for n, ts in types.items() if len(ts) > 1)
        return "{ __typename " + " ".join(f"... on {m.name} {selection(m, depth, max_depth, f'{m.name}_', clash)}"
                                          for m in members) + " }"
    assert isinstance(named, GraphQLObjectType)
    parts = ["__typename"]
    for name, field in named.fields.items():
        if not _optional_args_only(field):
            continue
        child = get_named_type(field.type)
        args = "(first: 3)" if "first" in field.args else ""
        alias = f"{prefix}{name}: " if name in clashing else ""
        if isinstance(child, GraphQLScalarType | GraphQLEnumType):
            parts.append(f"{alias}{name}")
        else:
            parts.append(f"{alias}{name}{args} {selection(child, depth + 1, max_depth)}")
    return "{ " + " ".join(parts) + " }"


def _argument(name: str, type_: Any, pools: dict[str, list[str]]) -> list[Any]:
    """Values to try for a required argument: each B object for ids, a period for periods."""
    named = _unwrap(type_)
    if named.name == "ID":
        return pools.get(name, pools["any"])
    if name == "period":
        return ["2026-11"]
    if name in ("query", "prefix"):  # search for B's documents by their numbers and by their customer
        return pools["text"]
    if isinstance(named, GraphQLEnumType):
        return [sorted(named.values)[0]]
    if named.name == "Int":  # a year (the work calendar's)
        return [2026]
    if named.name == "Date":  # a range of days (the sharing figures'): the month the world lives in
        return ["2026-12-31"] if name == "to" else ["2026-11-01"]
    if name == "month":  # the monthly sharing report's YYYY-MM
        return ["2026-12"]
    return ["x"]


def queries(pools: dict[str, list[str]]) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, document, variables) for every query field, once per value of its required arguments."""
    found = []
    for name, field in SCHEMA.query_type.fields.items():  # type: ignore[union-attr]
        required = {a: arg for a, arg in field.args.items()
                    if isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined}
        optional_ids = {a: arg for a, arg in field.args.items() if a not in required and _unwrap(arg.type).name == "ID"}
        params = ", ".join(f"${a}: {arg.type}" for a, arg in {**required, **optional_ids}.items())
        args = [f"{a}: ${a}" for a in {**required, **optional_ids}]
        if "first" in field.args:
            args.append("first: 5")
        arguments = f"({', '.join(args)})" if args else ""
        declared = f"({params})" if params else ""
        if get_named_type(field.type).name == "Node":
            # Any object by id: whether B's come back at all (what each type holds is crawled from its lists).
            document = f"query{declared} {{ {name}{arguments} {{ __typename id }} }}"
        # As deep as the cost limit lets one request go (lists of lists cost their product).
        for depth in range(MAX_DEPTH, 0, -1):
            if get_named_type(field.type).name == "Node":
                break
            document = f"query{declared} {{ {name}{arguments} {selection(field.type, 0, depth)} }}"
            if query_cost(SCHEMA, parse(document), {}) <= LIMIT:
                break
        choices: list[dict[str, Any]] = [{}]
        for a, arg in required.items():
            choices = [{**c, a: v} for c in choices for v in _argument(a, arg.type, pools)]
        for a, arg in optional_ids.items():  # each id argument once on its own, with a B object
            choices += [{**choices[0], a: v} for v in _argument(a, arg.type, pools)]
        found += [(name, document, variables) for variables in choices]
    return found


def _mentions(text: str, global_id: str) -> bool:
    """The id as a whole: base64 of "SalesOrder:1" is the first 16 characters of "SalesOrder:12"'s, so a plain
    substring test would take A's own order 12 for B's order 1 (PostgreSQL's sequences make such ids common)."""
    return re.search(rf"(?<![A-Za-z0-9+=]){re.escape(global_id)}(?![A-Za-z0-9+=])", text) is not None


@pytest.fixture
async def departments(world: World, session: AsyncSession) -> dict[str, Any]:
    """Department B is the world's business department, with its documents; department A has its own staff."""
    b = world.ops.department
    a = await make_department(session, code="LEAK-A", name="甲部门", kind=DepartmentKind.BUSINESS)
    users = {role: await make_user(session, roles=(role,), department=a)
             for role in ("business", "manager", "staff", "hr", "admin")}
    seller_a = await actor_of(session, users["business"])
    mine = await ops.create_sales_order(session, actor=seller_a, customer_id=world.ops.customer.id,
                                        day=world.ops.open_order.date, idempotency_key="a-order", lines=[
                                            ops.PricedLineInput(world.ops.product.id, Decimal("1"),
                                                                Decimal("5.00"), Decimal("0.13"))])
    hidden_ids, hidden_numbers = set(), set()
    for document_type in manifest.document_types():
        model = document_type.model
        for doc in (await session.execute(select(model).where(model.department_id == b.id))).scalars():
            hidden_ids.add(gid(document_type.name, doc.id))
            hidden_numbers.add(doc.number)
            if document_type.line_model is not None:
                key = getattr(document_type.line_model, document_type.line_key or "")
                for line in (await session.execute(select(document_type.line_model).where(key == doc.id))).scalars():
                    hidden_ids.add(gid(document_type.line_name or "", line.id))
    await session.commit()
    assert len(hidden_numbers) >= 5
    return {"users": users, "hidden_ids": hidden_ids, "hidden_numbers": hidden_numbers, "mine": mine}


@pytest.mark.parametrize("role", ["business", "manager", "staff", "hr", "admin"])
async def test_department_b_is_invisible_from_department_a(role: str, world: World, departments: dict[str, Any],
                                                          gql: GraphQLClient, session: AsyncSession,
                                                          index: Index) -> None:
    await index()
    token = await token_for(session, departments["users"][role], TEST_SECRET)
    hidden_ids: set[str] = departments["hidden_ids"]
    # Every B object, and one of A's own (node must answer it).
    pools = {"any": [*sorted(hidden_ids), gid("SalesOrder", departments["mine"].id)], "customerId": [gid("Customer", world.ops.customer.id)],
             "supplierId": [gid("Supplier", world.ops.supplier.id)],
             "accountId": [gid("Account", world.ledger.accounts["1001"].id)],
             "text": [*sorted(departments["hidden_numbers"])[:3], world.ops.customer.name]}
    crawled, answered = 0, set()
    for name, document, variables in queries(pools):
        response = await gql.raw(document, variables, token=token)
        body = response.json()
        assert response.status_code in (200, 400), (name, response.text[:500])
        refusals = {(e.get("extensions") or {}).get("code") for e in body.get("errors") or ()}
        # The crawl itself must be a valid, affordable request: only the viewer's rights may refuse it.
        assert refusals <= {"PERMISSION_DENIED", "NOT_FOUND", "INVALID_INPUT", "UNAUTHENTICATED"}, (
            name, body.get("errors"))
        if body.get("data") and body["data"].get(name) is not None:
            answered.add(name)
        text = json.dumps(body.get("data"), ensure_ascii=False)
        leaked = {i for i in hidden_ids if _mentions(text, i)}
        assert not leaked, (role, name, variables, sorted(leaked)[:5])
        # Readers of the books (manager) and of the audit trail (admin) see company-wide records, whose voucher
        # summaries and audit snapshots name documents by number; nobody else sees a B number anywhere.
        if role not in ("manager", "admin"):
            numbers = {n for n in departments["hidden_numbers"] if n in text}
            assert not numbers, (role, name, variables, sorted(numbers)[:5])
        for error in body.get("errors") or ():
            assert (error.get("extensions") or {}).get("code") != "INTERNAL_SERVER_ERROR", (name, error)
        crawled += 1
    assert crawled > 60
    # What every signed-in user may read was crawled with data, not refused as a whole.
    assert {"viewer", "users", "departments", "permissions"} <= answered, answered
    if role in ("business", "manager"):
        assert {"salesOrders", "openItems", "customers", "products", "node"} <= answered, answered


async def test_counts_and_lists_are_the_viewers_department_only(world: World, departments: dict[str, Any],
                                                                gql: GraphQLClient, session: AsyncSession) -> None:
    token = await token_for(session, departments["users"]["business"], TEST_SECRET)
    data = await gql("""{ salesOrders(first: 100) { totalCount edges { node { id } } }
      salesDeliveries(first: 100) { totalCount } purchaseReceipts(first: 100) { totalCount }
      expenseClaims(first: 100) { totalCount } }""", token=token)
    assert data["salesOrders"]["totalCount"] == 1
    assert data["salesOrders"]["edges"] == [{"node": {"id": gid("SalesOrder", departments["mine"].id)}}]
    assert data["salesDeliveries"]["totalCount"] == data["purchaseReceipts"]["totalCount"] == 0
    assert data["expenseClaims"]["totalCount"] == 0
    items = await gql("query($c: ID) { openItems(customerId: $c) { totalCount } }",
                      {"c": gid("Customer", world.ops.customer.id)}, token=token)
    assert items["openItems"]["totalCount"] == 0  # the customer owes department B, not A
    moves = await gql("query($p: ID!) { node(id: $p) { ... on Product { stockMoves(first: 100) { totalCount } } } }",
                      {"p": gid("Product", world.ops.product.id)}, token=token)
    assert moves["node"]["stockMoves"]["totalCount"] == 0


async def test_another_departments_idempotency_key_replays_nothing(world: World, departments: dict[str, Any],
                                                                   gql: GraphQLClient,
                                                                   session: AsyncSession) -> None:
    """B's documents were made with keys (the world's); A sending the same key gets its own order, not B's."""
    b_seller = await make_user(session, roles=("business",), department=world.ops.department)
    b_actor = await actor_of(session, b_seller)
    b_order = await ops.create_sales_order(session, actor=b_actor, customer_id=world.ops.customer.id,
                                           day=world.ops.open_order.date, idempotency_key="guessable-1", lines=[
                                               ops.PricedLineInput(world.ops.product.id, Decimal("2"),
                                                                   Decimal("9.00"), Decimal("0.13"))])
    await session.commit()
    token = await token_for(session, departments["users"]["business"], TEST_SECRET)
    create = """mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { __typename
      ... on CreateSalesOrderSuccess { salesOrder { id department { code } } } } }"""
    result = (await gql(create, {"i": {
        "customerId": gid("Customer", world.ops.customer.id), "date": str(world.ops.open_order.date),
        "idempotencyKey": "guessable-1", "lines": [{"productId": gid("Product", world.ops.product.id),
                                                    "quantity": "2", "unitPrice": "9.00", "taxRate": "0.13"}]}},
        token=token))["createSalesOrder"]
    assert result["salesOrder"]["id"] != gid("SalesOrder", b_order.id)
    assert result["salesOrder"]["department"] == {"code": "LEAK-A"}
    staff = await token_for(session, departments["users"]["staff"], TEST_SECRET)
    refused = (await gql(create, {"i": {
        "customerId": gid("Customer", world.ops.customer.id), "date": str(world.ops.open_order.date),
        "idempotencyKey": "guessable-1", "lines": []}}, token=staff))["createSalesOrder"]
    assert refused == {"__typename": "CreateSalesOrderError"}

