"""Every request has a bounded cost, checked on its parsed document before validation and execution."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from graphql import parse
from graphql.language import OperationDefinitionNode

from tests.conftest import GraphQLClient
from tests.graphql.conftest import SignIn, World
from yecai.graphql.limits import query_cost
from yecai.graphql.schema import build_schema
from yecai.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = build_schema(Settings())._schema
LIMIT = Settings().graphql_max_cost

VOUCHERS_100 = ("{ vouchers(first: 100) { totalCount edges { node { id lines { account { code } "
                "source { type document { number } line { id } } ruleVersion { version } } } } } }")


def aliases(n: int, body: str) -> str:
    return "{ " + " ".join(f"a{i}: {body}" for i in range(n)) + " }"


# (query, variables, cost): each figure is the model's arithmetic (an object 1, a leaf 0, a list times its
# `first`, its @listSize or 20), checked by hand once. A connection's edge and its node are each an object;
# a voucher's lines are assumed 5 (@listSize).
COSTS = [
    ("{ viewer { username } }", {}, 1),
    ("{ viewer { username department { name } } }", {}, 2),
    ("{ users(first: 10) { totalCount edges { node { id username } } } }", {}, 1 + 10 * (1 + 1)),
    ("query($n: Int!) { users(first: $n) { edges { node { roles { code } } } } }", {"n": 50},
     1 + 50 * (1 + (1 + 20 * 1))),
    ("{ users { edges { node { id } } } }", {}, 1 + 20 * 2),  # no `first`: the field's default page (20)
    (VOUCHERS_100, {}, 1 + 100 * (1 + (1 + 5 * (1 + 1 + (1 + 1 + 1) + 1)))),
    (aliases(30, "vouchers(first: 100) { edges { node { lines { account { code } } } } }"), {}, 30 * 1201),
]


@pytest.mark.parametrize(("query", "variables", "cost"), COSTS, ids=[f"cost-{c}" for _, _, c in COSTS])
def test_the_cost_table(query: str, variables: dict, cost: int) -> None:
    assert query_cost(SCHEMA, parse(query), variables) == cost


async def test_a_costly_query_is_refused_and_a_cheap_one_reports_its_cost(world: World, sign_in: SignIn,
                                                                          gql: GraphQLClient) -> None:
    _, token = await sign_in("auditor")
    cheap = await gql.raw("{ vouchers(first: 5) { totalCount } }", token=token)
    assert cheap.json()["extensions"] == {"cost": {"requested": 1, "limit": LIMIT}}
    costly = aliases(30, "vouchers(first: 100) { edges { node { lines { account { code } } } } }")
    response = await gql.raw(costly, token=token)
    body = response.json()
    assert response.status_code == 400 and "data" not in body
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 36030, "limit": LIMIT}
    assert "36030" in error["message"] and "first" in error["message"]


async def test_one_field_repeated_too_often_is_refused_before_validation(gql: GraphQLClient) -> None:
    """1,200 repeats of one field stay under the token limit; graphql-core would validate them in quadratic time."""
    response = await gql.raw("{ " + "viewer { username } " * 1200 + "}")
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "TOO_MANY_REPEATS", "field": "viewer"}
    nested = await gql.raw("{ viewer { " + "username " * 40 + "} }")
    assert nested.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_REPEATS"
    # Repeating a field a few times (as fragments do) is fine.
    fine = await gql.raw("{ viewer { username username } authConfig { demo } }")
    assert "errors" not in fine.json()


async def test_with_introspection_off_errors_suggest_no_field_names(settings: Settings, engine, connection) -> None:
    import httpx

    from tests.conftest import _session_on
    from yecai.app import create_app

    closed = settings.model_copy(update={"introspection": False})
    app = create_app(closed, engine=engine, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        body = (await http.post("/graphql", json={"query": "{ viewr { username } }"})).json()
        assert body["errors"][0]["message"] == "Cannot query field 'viewr' on type 'Query'."
    open_app = create_app(settings, engine=engine, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=open_app), base_url="http://testserver") as http:
        body = (await http.post("/graphql", json={"query": "{ viewr { username } }"})).json()
        assert "Did you mean 'viewer'?" in body["errors"][0]["message"]


def _web_app_operations() -> tuple[str, list[str]]:
    """Every operation and fragment the web app sends, from the generated client (one document)."""
    source = (ROOT / "frontend/src/gql/gql.ts").read_text(encoding="utf-8")
    block = source.split("type Documents = {", 1)[1].split("};", 1)[0]
    texts = [json.loads(m.group(0)) for m in re.finditer(r'"(?:[^"\\]|\\.)*"(?=: typeof)', block)]
    document = "\n".join(texts)
    names = [d.name.value for d in parse(document).definitions
             if isinstance(d, OperationDefinitionNode) and d.name]
    return document, names


def test_every_web_app_operation_is_within_the_limit() -> None:
    """At the largest page the app asks for (100 rows), each of its operations costs less than the limit."""
    document, names = _web_app_operations()
    assert len(names) > 40
    parsed = parse(document)
    costs = {name: query_cost(SCHEMA, parsed, {"first": 100}, name) for name in names}
    over = {name: cost for name, cost in costs.items() if cost > LIMIT}
    assert not over, over
