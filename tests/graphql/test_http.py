"""The /graphql endpoint as HTTP: media types, status codes, identity, CSRF, limits, masking."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient, _session_on
from tests.dbstate import fingerprint
from tests.factories import make_user, token_for
from tests.graphql.conftest import SignIn, World
from yecai.app import create_app
from yecai.auth.models import UserSession
from yecai.settings import Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"


async def test_media_types(client: httpx.AsyncClient) -> None:
    body = {"query": "{ __typename }"}
    r = await client.post("/graphql", json=body, headers={"Accept": GRAPHQL_RESPONSE})
    assert r.status_code == 200 and r.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert r.json()["data"] == {"__typename": "Query"}
    r = await client.post("/graphql", json=body)
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    r = await client.post("/graphql", json=body, headers={"Accept": "text/csv"})
    assert r.status_code == 406


async def test_get_runs_queries_but_not_mutations(client: httpx.AsyncClient) -> None:
    r = await client.get("/graphql", params={"query": "query($n: String!) { __type(name: $n) { name } }",
                                             "variables": json.dumps({"n": "User"})})
    assert r.status_code == 200 and r.json()["data"]["__type"] == {"name": "User"}
    r = await client.get("/graphql", params={"query": "mutation { logout { __typename } }"},
                         headers={"Accept": GRAPHQL_RESPONSE})
    assert r.status_code == 405 and r.headers["allow"] == "POST"


async def test_graphiql_for_browsers(client: httpx.AsyncClient) -> None:
    r = await client.get("/graphql", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "graphiql" in r.text.lower()


@pytest.mark.parametrize(("content", "headers", "status"), [
    (b'{"query": "{ __typename }"}', {}, 415),
    (b'{"query": "{ __typename }"}', {"Content-Type": "text/plain"}, 415),
    (b"", {"Content-Type": "application/json"}, 400),
    (b'{"query": ', {"Content-Type": "application/json"}, 400),
    (b'[1, 2]', {"Content-Type": "application/json"}, 400),
    (b'{"qeury": "{ __typename }"}', {"Content-Type": "application/json"}, 400),
    (b'{"query": 5}', {"Content-Type": "application/json"}, 400),
    (b'{"query": "{ __typename }", "variables": "x"}', {"Content-Type": "application/json"}, 400),
    (b'{"query": "{ __typename }", "operationName": 1}', {"Content-Type": "application/json"}, 400),
    (b'{"query": "{ __typename }", "extensions": []}', {"Content-Type": "application/json"}, 400),
    (b'{"query": "{ __typename }"}', {"Content-Type": "application/json; charset=latin-1"}, 415),
])
async def test_unusable_requests_are_refused_clearly(content: bytes, headers: dict, status: int,
                                                     client: httpx.AsyncClient) -> None:
    r = await client.post("/graphql", content=content, headers=headers)
    assert r.status_code == status
    assert r.json()["errors"][0]["message"]


async def test_too_large_bodies_are_refused(client: httpx.AsyncClient) -> None:
    r = await client.post("/graphql", json={"query": "{ __typename }", "variables": {"x": "a" * 1_100_000}})
    assert r.status_code == 413


@pytest.mark.parametrize(("query", "variables"), [
    ("{", None),
    ("{ noSuchField }", None),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": None}),
    ("query($f: Int!) { users(first: $f) { totalCount } }", {"f": "ten"}),
    ("mutation { createUser(input: {username: 5}) { __typename } }", None),
])
async def test_request_errors_have_no_data(query: str, variables: dict | None, client: httpx.AsyncClient) -> None:
    body = {"query": query, "variables": variables}
    strict = await client.post("/graphql", json=body, headers={"Accept": GRAPHQL_RESPONSE})
    assert strict.status_code == 400 and "data" not in strict.json() and strict.json()["errors"]
    legacy = await client.post("/graphql", json=body, headers={"Accept": "application/json"})
    assert legacy.status_code == 200 and "data" not in legacy.json()


async def test_bearer_tokens(world: World, gql: GraphQLClient) -> None:
    for bad in ("Bearer nonsense", "Bearer ", "Basic abc", "Bearer yct_unknown"):
        r = await gql.http.post("/graphql", json={"query": "{ viewer { username } }"},
                                headers={"Authorization": bad})
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await gql("{ viewer { username } }", token=world.target_token_secret))["viewer"]["username"] == \
        "target.user"


async def test_session_cookie_is_ignored_cross_site(world: World, client: httpx.AsyncClient,
                                                    session: AsyncSession) -> None:
    client.cookies.set("yecai_session", await token_for(session, world.target, TEST_SECRET))
    query = {"query": "{ viewer { username } }"}
    same = await client.post("/graphql", json=query, headers={"Sec-Fetch-Site": "same-origin",
                                                              "Origin": "http://testserver"})
    assert same.json()["data"]["viewer"] == {"username": "target.user"}
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"},
                    {"Sec-Fetch-Site": "same-site"}):
        r = await client.post("/graphql", json=query, headers=headers)
        assert r.json()["data"]["viewer"] is None, headers


async def test_a_stale_cookie_is_cleared(world: World, client: httpx.AsyncClient, session: AsyncSession) -> None:
    user = await make_user(session)
    await session.commit()
    stale = await token_for(session, user, TEST_SECRET)
    await session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    await session.commit()
    client.cookies.set("yecai_session", stale)
    r = await client.post("/graphql", json={"query": "{ viewer { username } }"})
    assert r.json()["data"]["viewer"] is None
    assert 'yecai_session=""' in r.headers["set-cookie"]


async def test_limits(gql: GraphQLClient, sign_in: SignIn) -> None:
    _, token = await sign_in("admin")
    deep = "{ viewer { department { " + "parent { " * 14 + "name" + " }" * 14 + " } } }"
    body = await gql(deep, token=token, errors=True)
    assert "depth" in body["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: __typename" for i in range(40)) + " }"
    assert "alias" in (await gql(aliases, token=token, errors=True))["errors"][0]["message"].lower()
    tokens = "{ " + " ".join("__typename" for _ in range(6000)) + " }"
    assert "token" in (await gql(tokens, token=token, errors=True))["errors"][0]["message"].lower()


async def test_introspection_can_be_turned_off(settings: Settings, connection: AsyncConnection,
                                               engine: AsyncEngine) -> None:
    closed = settings.model_copy(update={"introspection": False})
    app = create_app(closed, engine=engine, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        r = await c.post("/graphql", json={"query": "{ __schema { types { name } } }"})
        assert "introspection" in r.json()["errors"][0]["message"].lower()
        assert (await c.post("/graphql", json={"query": "{ __typename }"})).json()["data"] == {"__typename": "Query"}
        assert (await c.get("/graphql", headers={"Accept": "text/html"})).status_code == 404


async def test_unexpected_errors_are_masked_and_undo_the_request(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                                 session: AsyncSession,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from yecai.audit import service as audit

    _, token = await sign_in("admin")
    real_record = audit.record

    async def broken_record(*args, **kwargs):
        await real_record(*args, **kwargs)
        raise RuntimeError("disk on fire at /secret/path")

    before = await fingerprint(session)
    monkeypatch.setattr(audit, "record", broken_record)
    r = await gql.raw('mutation { createDepartment(input: {code: "BOOM", name: "炸", kind: SUPPORT}) { __typename } }',
                      token=token)
    monkeypatch.setattr(audit, "record", real_record)
    body = r.json()
    assert r.status_code == 200
    error = body["errors"][0]
    assert error["message"] == "服务器内部错误 / Internal server error"
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR" and error["extensions"]["requestId"]
    assert "secret" not in r.text and "Traceback" not in r.text
    assert await fingerprint(session) == before


async def test_a_request_past_its_time_budget_is_cancelled_and_undone(world: World, sign_in: SignIn,
                                                                      settings: Settings, engine: AsyncEngine,
                                                                      connection: AsyncConnection,
                                                                      session: AsyncSession,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import time

    from yecai.audit import service as audit

    admin, token = await sign_in("admin")
    real_record = audit.record

    async def slow_record(*args, **kwargs):
        await real_record(*args, **kwargs)  # the department and its audit event are written ...
        await asyncio.sleep(30)  # ... then the request stalls

    before = await fingerprint(session)
    budget = settings.model_copy(update={"request_timeout_seconds": 0.5})
    app = create_app(budget, engine=engine, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    monkeypatch.setattr(audit, "record", slow_record)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        headers = {"Authorization": f"Bearer {token}"}
        started = time.monotonic()
        r = await c.post("/graphql", headers=headers, json={
            "query": 'mutation { createDepartment(input: {code: "SLOW", name: "慢", kind: SUPPORT}) { __typename } }'})
        elapsed = time.monotonic() - started
        monkeypatch.setattr(audit, "record", real_record)
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        error = r.json()["errors"][0]
        assert error["extensions"]["code"] == "REQUEST_TIMEOUT" and "0.5 s" in error["message"]
        assert elapsed < 5
        assert await fingerprint(session) == before  # nothing the request wrote was kept
        # the connection and its transaction come back clean for the next request
        r = await c.post("/graphql", headers=headers, json={"query": "{ viewer { username } }"})
        assert r.status_code == 200 and r.json()["data"] == {"viewer": {"username": admin.username}}


async def test_healthz(client: httpx.AsyncClient) -> None:
    r = await client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


async def test_security_headers_and_request_ids(client: httpx.AsyncClient) -> None:
    r = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"X-Request-Id": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


async def test_the_web_app_is_served_with_a_fallback_for_client_routes(settings: Settings, engine: AsyncEngine,
                                                                       connection: AsyncConnection,
                                                                       tmp_path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>业财</title>", encoding="utf-8")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)", encoding="utf-8")
    app = create_app(settings.model_copy(update={"frontend_dist": tmp_path}), engine=engine,
                     sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        for path in ("/", "/users", "/audit/123"):
            r = await c.get(path)
            assert r.status_code == 200 and "业财" in r.text, path
        asset = await c.get("/assets/app.js")
        assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
        assert (await c.get("/assets/missing.js")).status_code == 404
