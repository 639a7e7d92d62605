"""Live updates end to end: a real `yecai serve`, WebSocket clients speaking graphql-transport-ws, a real event.

The event is a product one: finance pays an expense claim, and its claimant is told (报销已付款).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus

from tests.support.live_server import LiveServerURL, fresh_postgres_database, run_live_server
from tests.support.subscriptions import (
    DEMO_PASSWORD,
    Rejected,
    Subscription,
    approved_claim,
    graphql,
    login,
    pay_claim,
)

UNREAD = "{ notifications(first: 5) { unreadCount edges { node { id title read } } } }"


async def _quiet(sub: Subscription, seconds: float) -> None:
    """Nothing arrives on ``sub`` for ``seconds``."""
    with pytest.raises(TimeoutError):
        message = await sub.next(within=seconds)
        raise AssertionError(f"received what was not theirs: {message}")


async def test_the_claimant_is_told_live_and_no_one_else(live_server: LiveServerURL) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        claim_id, number = await approved_claim(http, claimant="business")
        business, admin, manager, finance = [await login(http, u) for u in ("business", "admin", "manager", "finance")]
        async with (Subscription(live_server, token=business) as mine,
                    Subscription(live_server, token=admin) as admins,
                    Subscription(live_server, token=manager) as managers):
            await asyncio.sleep(0.3)  # the subscriptions reach the broker
            await pay_claim(http, claim_id, token=finance)
            message = await mine.next(within=15.0)  # a generous bound: bench/notify_fanout.py measures how fast
            assert message["type"] == "next", message
            node = message["payload"]["data"]["notifications"]
            assert node["kind"] == "EXPENSE_CLAIM_PAID"
            assert number in node["title"] and "已付款" in node["title"]
            assert node["url"].startswith("/documents/") and node["read"] is False
            # Neither an administrator (every right) nor the claimant's manager receives it.
            await asyncio.gather(_quiet(admins, 1.0), _quiet(managers, 1.0))
        listed = (await graphql(http, UNREAD, token=business))["notifications"]
        assert listed["edges"][0]["node"]["id"] == node["id"] and listed["unreadCount"] >= 1
        others = (await graphql(http, UNREAD, token=admin))["notifications"]
        assert node["id"] not in [e["node"]["id"] for e in others["edges"]]


async def test_a_socket_without_a_valid_identity_is_closed(live_server: LiveServerURL) -> None:
    for payload in ({}, {"authorization": "Bearer not-a-token"}, {"authorization": "Basic x"}):
        sub = Subscription(live_server, init_payload=payload)
        with pytest.raises(Rejected) as caught:
            await sub.open()
        await sub.close()
        assert caught.value.code == 4403


async def test_a_cookie_from_another_site_is_not_an_identity(live_server: LiveServerURL) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        response = await http.post("/graphql", json={
            "query": 'mutation { login(username: "business", password: "Yecai@2026") { __typename } }'})
        cookie = response.cookies.get("yecai_session")
        assert cookie
    good = Subscription(live_server, headers={"Cookie": f"yecai_session={cookie}", "Origin": live_server})
    async with good:
        assert good.ack and good.ack.get("payload", {}).get("viewer") == "business"
    evil = Subscription(live_server, headers={"Cookie": f"yecai_session={cookie}", "Origin": "http://evil.example"})
    # Refused at the handshake (403): a page of another site never gets a socket that carries the cookie.
    with pytest.raises(InvalidStatus) as refused:
        await evil.open()
    assert refused.value.response.status_code == 403
    await evil.close()


async def test_subscription_documents_are_held_to_the_request_limits(live_server: LiveServerURL) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        token = await login(http, "business")
    repeated = "subscription { notifications { " + " ".join(f"a{i}: title" for i in range(40)) + " } }"
    async with Subscription(live_server, token=token, query=repeated) as sub:
        message = await sub.next()
    assert message["type"] == "error", message
    assert "alias" in json.dumps(message).lower()
    # Queries and mutations go over HTTP only.
    async with Subscription(live_server, token=token, query="{ viewer { username } }") as sub:
        message = await sub.next()
    assert message["type"] == "error", message
    assert message["payload"][0]["extensions"]["code"] == "BAD_REQUEST"


LOGOUT = "mutation { logout { __typename } }"
CHANGE_PASSWORD = ("mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename"
                   " ... on ChangePasswordError { code message } } }")


async def _ended(sub: Subscription) -> None:
    """The subscription ends with UNAUTHENTICATED, and no notification comes through it."""
    message = await sub.next(within=15.0)
    assert message["type"] in ("next", "error"), message
    payload = message["payload"]
    errors = payload.get("errors") if isinstance(payload, dict) else payload
    assert errors and errors[0]["extensions"]["code"] == "UNAUTHENTICATED", message
    assert not (isinstance(payload, dict) and (payload.get("data") or {}).get("notifications")), message
    assert (await sub.next(within=5.0))["type"] == "complete"


async def test_a_signed_out_session_stops_receiving_and_the_others_go_on(live_server: LiveServerURL) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        claim_id, number = await approved_claim(http, claimant="business")
        leaving, staying = await login(http, "business"), await login(http, "business")
        async with (Subscription(live_server, token=leaving) as gone, Subscription(live_server, token=staying) as kept):
            await asyncio.sleep(0.3)
            assert (await graphql(http, LOGOUT, token=leaving))["logout"]["__typename"] == "LogoutSuccess"
            await pay_claim(http, claim_id, token=await login(http, "finance"))
            message = await kept.next(within=15.0)
            assert number in message["payload"]["data"]["notifications"]["title"], message
            await _ended(gone)


async def test_a_password_change_ends_the_other_sessions_subscriptions(live_server: LiveServerURL) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        claim_id, number = await approved_claim(http, claimant="business")
        other, changing = await login(http, "business"), await login(http, "business")
        new = "Yecai@2026-neu"
        async with (Subscription(live_server, token=other) as elsewhere,
                    Subscription(live_server, token=changing) as here):
            await asyncio.sleep(0.3)
            changed = (await graphql(http, CHANGE_PASSWORD, {"input": {"currentPassword": DEMO_PASSWORD,
                                                                        "newPassword": new}},
                                     token=changing))["changePassword"]
            assert changed["__typename"] == "ChangePasswordSuccess", changed
            try:
                await pay_claim(http, claim_id, token=await login(http, "finance"))
                message = await here.next(within=15.0)  # the session that changed it stays signed in
                assert number in message["payload"]["data"]["notifications"]["title"], message
                await _ended(elsewhere)
            finally:
                back = (await graphql(http, CHANGE_PASSWORD, {"input": {"currentPassword": new,
                                                                         "newPassword": DEMO_PASSWORD}},
                                      token=changing))["changePassword"]
                assert back["__typename"] == "ChangePasswordSuccess", back


CREATE_TOKEN = ("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename"
                " ... on CreateApiTokenSuccess { secret apiToken { id } } } }")
REVOKE_TOKEN = "mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename } }"


async def test_a_revoked_api_token_stops_receiving_and_a_kept_one_goes_on(live_server: LiveServerURL) -> None:
    """A script subscribed with an API token: revoking the token ends its subscription at the next delivery, as
    signing out ends a session's; another token of the same person keeps receiving."""
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        claim_id, number = await approved_claim(http, claimant="business")
        business = await login(http, "business")
        made = [(await graphql(http, CREATE_TOKEN, {"input": {"name": f"脚本 {i}"}}, token=business))["createApiToken"]
                for i in range(2)]
        assert [m["__typename"] for m in made] == ["CreateApiTokenSuccess"] * 2, made
        (revoked, kept) = made
        async with (Subscription(live_server, token=revoked["secret"]) as gone,
                    Subscription(live_server, token=kept["secret"]) as going_on):
            await asyncio.sleep(0.3)
            out = (await graphql(http, REVOKE_TOKEN, {"input": {"id": revoked["apiToken"]["id"]}},
                                 token=business))["revokeApiToken"]
            assert out["__typename"] == "RevokeApiTokenSuccess", out
            await pay_claim(http, claim_id, token=await login(http, "finance"))
            message = await going_on.next(within=15.0)
            assert number in message["payload"]["data"]["notifications"]["title"], message
            await _ended(gone)


@pytest.mark.skipif(not os.environ.get("YECAI_LIVE_SERVER_DATABASE_URL", "").startswith("postgresql"),
                    reason="two workers on one PostgreSQL need YECAI_LIVE_SERVER_DATABASE_URL")
def test_two_workers_on_one_postgresql(tmp_path: Path) -> None:
    """Subscribe on one `yecai serve`, cause the event through the other's GraphQL: it arrives through LISTEN/NOTIFY."""
    shared = {"YECAI_SECRET_KEY": secrets.token_urlsafe(48), "YECAI_AUDIT_KEY": secrets.token_urlsafe(32)}
    with contextlib.ExitStack() as stack:
        database = stack.enter_context(fresh_postgres_database(os.environ["YECAI_LIVE_SERVER_DATABASE_URL"]))
        one = stack.enter_context(run_live_server(database_url=database, env=shared, data_dir=tmp_path / "one"))
        two = stack.enter_context(run_live_server(database_url=database, env=shared, data_dir=tmp_path / "two",
                                                  seed=False))
        asyncio.run(_across(one, two))


async def _across(one: str, two: str) -> None:
    async with (httpx.AsyncClient(base_url=one, timeout=30) as on_one,
                httpx.AsyncClient(base_url=two, timeout=30) as on_two):
        claim_id, number = await approved_claim(on_two, claimant="business")
        business = await login(on_one, "business")
        async with (Subscription(one, token=business) as mine,
                    Subscription(one, token=await login(on_one, "admin")) as admins):
            await asyncio.sleep(0.3)
            await pay_claim(on_two, claim_id, token=await login(on_two, "finance"))
            message = await mine.next(within=15.0)
            assert message["type"] == "next", message
            assert number in message["payload"]["data"]["notifications"]["title"]
            await _quiet(admins, 1.0)
