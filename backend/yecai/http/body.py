"""Request bodies read within a limit, and JSON within a nesting depth.

Every endpoint that reads a body goes through :func:`read_body`: a ``Content-Length`` over the
limit is refused before a byte is read, and a body without one (chunked) is read as a stream and
refused as soon as it passes the limit, so the server never holds more than the limit plus one
chunk. An upload endpoint would do the same with its own limit.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request


class RequestError(Exception):
    """The HTTP request itself is unusable (not a GraphQL error): answered with 4xx."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def _too_large(limit: int) -> RequestError:
    # The rest of the body is not read: the connection is closed after the answer rather than
    # drained, so a client cannot keep the server busy reading what it already refused.
    return RequestError(413, f"the request body is too large (at most {limit} bytes)", {"Connection": "close"})


def check_declared_length(request: Request, limit: int) -> None:
    """Refuse, before a byte is read, a ``Content-Length`` that is not a number (400) or passes ``limit`` (413)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise RequestError(400, "Content-Length is not a number", {"Connection": "close"})
        if int(declared) > limit:
            raise _too_large(limit)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or a 413 as soon as it is known to pass ``limit`` bytes."""
    check_declared_length(request, limit)
    body = bytearray()
    async for chunk in request.stream():
        if len(body) + len(chunk) > limit:
            raise _too_large(limit)
        body += chunk
    return bytes(body)


def parse_json(raw: str | bytes, what: str, max_depth: int) -> Any:
    """``raw`` as JSON, refused with a 400 when invalid or nested deeper than ``max_depth``."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise RequestError(400, f"{what} is nested too deeply (at most {max_depth} levels)") from None
    except (ValueError, UnicodeDecodeError):
        raise RequestError(400, f"{what} is not valid JSON") from None
    if json_depth(value, max_depth) > max_depth:
        raise RequestError(400, f"{what} is nested too deeply (at most {max_depth} levels)")
    return value


def json_depth(value: Any, stop: int) -> int:
    """How deeply arrays and objects nest in ``value`` (a scalar is 0), counting no further than ``stop + 1``.

    Iterative, so that no depth can exhaust the interpreter's stack.
    """
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                return deepest
        pending.extend((child, depth) for child in children if isinstance(child, (dict, list)))
    return deepest
