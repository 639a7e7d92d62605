"""A graphql-transport-ws client for tests and benchmarks, and the demo's expense-claim flow over HTTP.

``Subscription`` opens a WebSocket to a live server's /graphql, says ``connection_init`` (with a bearer
token, or the session cookie) and subscribes; ``next()`` waits for the next ``next`` message.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

DEMO_PASSWORD = "Yecai@2026"
NOTIFICATIONS = "subscription { notifications { id kind title body url subjectId read createdAt } }"


async def graphql(http: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, *,
                  token: str | None = None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def login(http: httpx.AsyncClient, username: str, password: str = DEMO_PASSWORD) -> str:
    data = await graphql(http, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
                               " ... on LoginSuccess { token } ... on LoginError { message } } }",
                         {"u": username, "p": password})
    assert "token" in data["login"], data
    return data["login"]["token"]


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://").replace("https://", "wss://") + "/graphql"


class Rejected(Exception):
    """The server closed the socket instead of acknowledging the connection."""

    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"closed with {code}: {reason}")
        self.code = code


class Subscription:
    """One WebSocket with one subscription on it."""

    def __init__(self, base_url: str, *, token: str | None = None, query: str = NOTIFICATIONS,
                 variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
                 init_payload: dict[str, Any] | None = None) -> None:
        self.url = ws_url(base_url)
        self.token = token
        self.query = query
        self.variables = variables
        self.headers = headers or {}
        self.init_payload = init_payload
        self.ws: ClientConnection | None = None
        self.ack: dict[str, Any] | None = None

    async def open(self) -> Subscription:
        self.ws = await connect(self.url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                                additional_headers=self.headers, max_size=2**20, open_timeout=20)
        payload = self.init_payload if self.init_payload is not None else (
            {"authorization": f"Bearer {self.token}"} if self.token else {})
        await self.ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            self.ack = json.loads(await asyncio.wait_for(self.ws.recv(), 10))
        except ConnectionClosed as closed:
            raise Rejected(closed.rcvd.code if closed.rcvd else None, closed.rcvd.reason if closed.rcvd else "") from None
        if self.ack.get("type") != "connection_ack":
            raise AssertionError(f"no connection_ack: {self.ack}")
        await self.ws.send(json.dumps({"id": "1", "type": "subscribe",
                                       "payload": {"query": self.query, "variables": self.variables or {}}}))
        return self

    async def next(self, within: float = 5.0) -> dict[str, Any]:
        """The next message of the subscription (``next``, ``error`` or ``complete``), skipping pings."""
        assert self.ws is not None
        async with asyncio.timeout(within):
            while True:
                message = json.loads(await self.ws.recv())
                if message.get("type") == "ping":
                    await self.ws.send(json.dumps({"type": "pong"}))
                    continue
                return message

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def __aenter__(self) -> Subscription:
        return await self.open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


CREATE_CLAIM = ("mutation($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) { __typename"
                " ... on CreateExpenseClaimSuccess { expenseClaim { id number } }"
                " ... on CreateExpenseClaimError { code message } } }")
APPROVE_CLAIM = ("mutation($input: ApproveExpenseClaimInput!) { approveExpenseClaim(input: $input) { __typename"
                 " ... on ApproveExpenseClaimError { code message } } }")
PAY_CLAIM = ("mutation($input: PayExpenseClaimInput!) { payExpenseClaim(input: $input) { __typename"
             " ... on PayExpenseClaimError { code message } } }")


async def approved_claim(http: httpx.AsyncClient, *, claimant: str, approver: str = "manager",
                         description: str = "客户拜访出租车费") -> tuple[str, str]:
    """A claim of ``claimant`` (the demo's business user by default) approved by their manager: (id, number)."""
    token = await login(http, claimant)
    made = (await graphql(http, CREATE_CLAIM, {"input": {"category": "TRAVEL", "amount": "86.50",
                                                         "description": description,
                                                         "date": date.today().isoformat()}},
                          token=token))["createExpenseClaim"]
    assert made["__typename"] == "CreateExpenseClaimSuccess", made
    claim = made["expenseClaim"]
    approved = (await graphql(http, APPROVE_CLAIM, {"input": {"id": claim["id"]}},
                              token=await login(http, approver)))["approveExpenseClaim"]
    assert approved["__typename"] == "ApproveExpenseClaimSuccess", approved
    return claim["id"], claim["number"]


async def pay_claim(http: httpx.AsyncClient, claim_id: str, *, token: str) -> None:
    paid = (await graphql(http, PAY_CLAIM, {"input": {"id": claim_id, "date": date.today().isoformat()}},
                          token=token))["payExpenseClaim"]
    assert paid["__typename"] == "PayExpenseClaimSuccess", paid
