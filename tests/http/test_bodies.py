"""Request bodies: refused at the limit without being read whole, and JSON refused past a nesting depth."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest

from yecai.http.body import json_depth
from yecai.http.graphql import MAX_BODY_BYTES, MAX_JSON_DEPTH

CHUNK = 64 * 1024


async def _send_asgi(app: Any, size: int, *, declare: bool) -> tuple[int, dict[bytes, bytes], bytes, int]:
    """Call the ASGI app with a POST of ``size`` bytes; (status, headers, body, bytes the app read)."""
    headers = [(b"content-type", b"application/json"), (b"host", b"testserver")]
    headers.append((b"content-length", str(size).encode()) if declare else (b"transfer-encoding", b"chunked"))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
             "root_path": "", "headers": headers, "client": ("203.0.113.7", 51000), "server": ("testserver", 80)}
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read >= size:
            return {"type": "http.disconnect"}
        piece = min(CHUNK, size - read)
        read += piece
        return {"type": "http.request", "body": b"x" * piece, "more_body": read < size}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], dict(start["headers"]), body, read


@pytest.fixture
def app(client: httpx.AsyncClient) -> Any:
    return client._transport.app  # type: ignore[attr-defined]


async def test_a_declared_length_over_the_limit_is_refused_before_reading(app: Any) -> None:
    status, headers, body, read = await _send_asgi(app, 300 * 1024 * 1024, declare=True)
    assert status == 413 and read == 0
    assert headers[b"connection"] == b"close"
    assert "too large" in json.loads(body)["errors"][0]["message"]


async def test_a_chunked_body_stops_at_the_limit(app: Any) -> None:
    status, headers, body, read = await _send_asgi(app, 300 * 1024 * 1024, declare=False)
    assert status == 413 and read <= MAX_BODY_BYTES + CHUNK
    assert headers[b"connection"] == b"close"
    assert json.loads(body)["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_body_just_under_the_limit_is_read(client: httpx.AsyncClient) -> None:
    query = json.dumps({"query": "{ __typename }", "variables": {"pad": ""}})
    padded = query.replace('"pad": ""', '"pad": "' + "a" * (MAX_BODY_BYTES - len(query)) + '"')
    assert len(padded) == MAX_BODY_BYTES
    r = await client.post("/graphql", content=padded, headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["data"] == {"__typename": "Query"} and "errors" not in r.json()
    r = await client.post("/graphql", content=padded + " ", headers={"Content-Type": "application/json"})
    assert r.status_code == 413


async def test_a_bad_content_length_is_refused(app: Any) -> None:
    scope_headers = {"content-length": "12abc"}
    r = await httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver").post(
        "/graphql", content=b'{"query": "{ __typename }"}',
        headers={"Content-Type": "application/json", **scope_headers})
    assert r.status_code == 400 and "Content-Length" in r.json()["errors"][0]["message"]


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1000, 50_000])
async def test_deeply_nested_json_bodies_get_a_clear_400(depth: int, client: httpx.AsyncClient) -> None:
    nested = "[" * depth + "]" * depth
    content = '{"query": "{ __typename }", "variables": {"x": ' + nested + "}}"
    r = await client.post("/graphql", content=content, headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    error = r.json()["errors"][0]
    assert error["message"] == f"the request body is nested too deeply (at most {MAX_JSON_DEPTH} levels)"
    assert error["extensions"]["code"] == "BAD_REQUEST"
    objects = '{"a":' * depth + "1" + "}" * depth
    r = await client.post("/graphql", content='{"query": "{ __typename }", "extensions": ' + objects + "}",
                          headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "nested too deeply" in r.json()["errors"][0]["message"]


async def test_deeply_nested_get_variables_get_a_clear_400(client: httpx.AsyncClient) -> None:
    r = await client.get("/graphql", params={"query": "{ __typename }", "variables": "[" * 5_000 + "]" * 5_000})
    assert r.status_code == 400
    assert r.json()["errors"][0]["message"] == f"variables is nested too deeply (at most {MAX_JSON_DEPTH} levels)"


async def test_json_at_the_depth_limit_is_accepted(client: httpx.AsyncClient) -> None:
    nested = "[" * (MAX_JSON_DEPTH - 2) + "]" * (MAX_JSON_DEPTH - 2)  # the body and variables are two levels
    r = await client.post("/graphql", content='{"query": "{ __typename }", "variables": {"x": ' + nested + "}}",
                          headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["data"] == {"__typename": "Query"} and "errors" not in r.json()


def test_json_depth() -> None:
    assert json_depth(1, 10) == 0
    assert json_depth([], 10) == 1
    assert json_depth({"a": [1, {"b": []}], "c": {}}, 10) == 4
    assert json_depth([[[[[]]]]], 2) == 3  # stops counting past the limit


def test_the_live_server_refuses_a_big_chunked_body_and_closes(live_server) -> None:
    """Over a real socket: 413 while the client is still sending, then the connection is closed."""
    with socket.create_connection((live_server.host, live_server.port), timeout=30) as sock:
        sock.sendall(f"POST /graphql HTTP/1.1\r\nHost: {live_server.host}\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        piece = b"x" * CHUNK
        sent = 0
        try:
            while sent < 50 * 1024 * 1024:
                sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 50 * 1024 * 1024  # the server stopped taking the body long before its end
    # ... and it goes on serving.
    r = httpx.post(live_server.graphql_url, json={"query": "{ __typename }"})
    assert r.status_code == 200 and r.json()["data"] == {"__typename": "Query"} and "errors" not in r.json()
