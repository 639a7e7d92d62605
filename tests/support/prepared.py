"""What a session-scoped fixture built, carried over to each test's own session.

``freeze`` turns a fixture's value (dataclasses, dicts, lists, tuples holding ORM objects and plain values)
into one without ORM objects: each becomes its class and primary key. ``thaw`` loads them again, in the
test's session, with every column as the database holds it, so a test may read, change and commit them as
objects it had made itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncSession


@dataclasses.dataclass(frozen=True)
class _Row:
    cls: type
    identity: tuple[Any, ...]


@dataclasses.dataclass(frozen=True)
class _Data:
    cls: type
    fields: dict[str, Any]


def freeze(value: Any) -> Any:
    if hasattr(type(value), "__mapper__"):
        state = inspect(value)
        if state.identity is None:
            raise ValueError(f"{value!r} has no primary key yet: flush before freezing it")
        return _Row(type(value), tuple(state.identity))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _Data(type(value), {f.name: freeze(getattr(value, f.name)) for f in dataclasses.fields(value)})
    if isinstance(value, dict):
        return {k: freeze(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(freeze(v) for v in value)
    return value


async def thaw(value: Any, session: AsyncSession) -> Any:
    if isinstance(value, _Row):
        identity = value.identity[0] if len(value.identity) == 1 else value.identity
        return await session.get_one(value.cls, identity)
    if isinstance(value, _Data):
        return value.cls(**{k: await thaw(v, session) for k, v in value.fields.items()})
    if isinstance(value, dict):
        return {k: await thaw(v, session) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)([await thaw(v, session) for v in value])
    return value
