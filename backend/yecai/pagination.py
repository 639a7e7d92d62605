"""Keyset pagination of any SELECT: a page of rows, cursors, and the total count."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from yecai.db import MAX_INTEGER
from yecai.errors import invalid

T = TypeVar("T")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20  # every list's `first` when a client does not say


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    total_count: int


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode()


def _decode(cursor: str, width: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise invalid("after", "不是有效的游标", "is not a valid cursor") from None
    if not isinstance(values, list) or len(values) != width:
        raise invalid("after", "不是有效的游标", "is not a valid cursor")
    return values


def check_first(first: int, field: str = "first") -> int:
    if not isinstance(first, int) or first < 1 or first > MAX_PAGE_SIZE:
        raise invalid(field, f"应在 1 到 {MAX_PAGE_SIZE} 之间", f"must be between 1 and {MAX_PAGE_SIZE}")
    return first


def _after_clause(order: Sequence[tuple[InstrumentedAttribute[Any], bool]], values: list[Any]) -> Any:
    # (a, b) > (x, y) spelled out so that it works with mixed directions on every database.
    clauses = []
    for i, (column, descending) in enumerate(order):
        equal = [order[j][0] == values[j] for j in range(i)]
        beyond = column < values[i] if descending else column > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    order: Sequence[tuple[InstrumentedAttribute[Any], bool]],
    first: int,
    after: str | None,
) -> Page[Any]:
    """One page of ``stmt`` ordered by ``order`` (column, descending) whose last column is unique."""
    check_first(first)
    total = (await session.execute(select(func.count()).select_from(stmt.order_by(None).subquery()))).scalar_one()
    page_stmt = stmt
    if after:
        values = [_typed(c, v) for (c, _), v in zip(order, _decode(after, len(order)), strict=True)]
        page_stmt = page_stmt.where(_after_clause(order, values))
    page_stmt = page_stmt.order_by(*[(c.desc() if d else c.asc()) for c, d in order]).limit(first + 1)
    rows = list((await session.execute(page_stmt)).scalars().all())
    has_next = len(rows) > first
    rows = rows[:first]
    cursors = [_encode([_plain(getattr(row, c.key)) for c, _ in order]) for row in rows]
    return Page(items=rows, cursors=cursors, has_next=has_next, has_previous=bool(after), total_count=total)


def _plain(value: Any) -> Any:
    """A cursor-safe (JSON) form of a sort key."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and not isinstance(value, (int, str)):
        return value.value
    return value


def _typed(column: InstrumentedAttribute[Any], value: Any) -> Any:
    """A sort key from a cursor, back in the column's Python type."""
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = object
    if value is None:
        return None
    bad = invalid("after", "不是有效的游标", "is not a valid cursor")
    try:
        if python_type is datetime:
            return datetime.fromisoformat(value)
        if python_type is date:
            return date.fromisoformat(value)
        if python_type is Decimal:
            number = Decimal(str(value))
            if not number.is_finite():
                raise bad
            return number
    except (TypeError, ValueError, ArithmeticError):
        raise bad from None
    if python_type is bool:
        if not isinstance(value, bool):
            raise bad
    elif python_type is int:
        # A cursor's integers are row ids and counters: never a float, a string or beyond an INTEGER column.
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_INTEGER:
            raise bad
    elif python_type is str or issubclass(python_type, str):
        if not isinstance(value, str) or len(value) > 1000 or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise bad
    elif not isinstance(value, (str, int, float, bool)):
        raise bad
    return value


def page_of(items: list[T], *, first: int, after: str | None) -> Page[T]:
    """A page of a list computed in memory (a report whose rows carry running totals); cursors are positions."""
    check_first(first)
    start = 0
    if after:
        (position,) = _decode(after, 1)
        if not isinstance(position, int) or not 0 <= position < len(items):
            raise invalid("after", "不是有效的游标", "is not a valid cursor")
        start = position + 1
    chunk = items[start:start + first]
    return Page(items=chunk, cursors=[_encode([start + i]) for i in range(len(chunk))],
                has_next=start + first < len(items), has_previous=start > 0, total_count=len(items))


def position_cursor(position: int) -> str:
    """The cursor of the item at ``position`` of a ranked list (search results)."""
    return _encode([position])


def position_after(after: str | None) -> int:
    """Where the page after cursor ``after`` starts (0 without one)."""
    if not after:
        return 0
    (position,) = _decode(after, 1)
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < 2**31:
        raise invalid("after", "不是有效的游标", "is not a valid cursor")
    return position + 1
