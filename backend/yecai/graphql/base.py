"""Shared pieces of the API: connections, global ids, error types and the mutation runner."""

import enum
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, Optional, TypeVar, Union

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.errors import COMMON_ERRORS, DomainError, ErrorSpec, invalid
from yecai.pagination import Page

T = TypeVar("T")
N = TypeVar("N")


@strawberry.type(description="A cursor connection's edge: one node and the cursor after which the next page starts.")
class Edge(Generic[N]):
    cursor: str
    node: N


@strawberry.type(description="A page of a list, with cursors; `first` is at most 100.")
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: relay.PageInfo
    total_count: int


def connection(page: Page[Any], convert: Callable[[Any], Any]) -> Any:
    """Build a connection object of converted nodes from a domain ``Page``."""
    edges = [Edge(cursor=c, node=convert(item)) for item, c in zip(page.items, page.cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        total_count=page.total_count,
    )


class ApiError(Exception):
    """An expected failure of a query field, shown to the client with its code and field."""

    def __init__(self, message: str, code: str, field: str | None = None) -> None:
        super().__init__(message)
        self.extensions = {"code": code, **({"field": field} if field else {})}


def api_error(info: Info, error: DomainError) -> ApiError:
    return ApiError(error.message(info.context.language), error.code, error.field)


def require_user(info: Info) -> None:
    if not info.context.actor.authenticated:
        raise api_error(info, DomainError(COMMON_ERRORS[3]))


async def guarded(info: Info, fn: Callable[[], Awaitable[T]]) -> T:
    """Run a query's service call, turning expected failures into coded GraphQL errors."""
    try:
        return await fn()
    except DomainError as error:
        if not info.context.actor.authenticated and error.code == "PERMISSION_DENIED":
            error = DomainError(COMMON_ERRORS[3])
        raise api_error(info, error) from None


def decode_id(value: Any, type_name: str | Sequence[str], field: str = "id") -> int:
    """The database id inside a global id of the expected type; a clear error otherwise."""
    names = (type_name,) if isinstance(type_name, str) else tuple(type_name)
    try:
        gid = value if isinstance(value, relay.GlobalID) else relay.GlobalID.from_id(str(value))
        if gid.type_name not in names:
            raise ValueError
        pk = int(gid.node_id)
        if pk <= 0 or pk > 2**62:
            raise ValueError
        return pk
    except (ValueError, TypeError):
        raise invalid(field, f"不是有效的{'/'.join(names)}标识", f"is not a valid {'/'.join(names)} id") from None


def decode_optional_id(value: Any, type_name: str, field: str) -> int | None:
    return None if value is None else decode_id(value, type_name, field)


class ErrorTypeBase:
    codes: frozenset[str]


def error_type(name: str, specs: Sequence[ErrorSpec] = (), description: str = "") -> type:
    """The error member of mutation ``name``'s result union: a code enum, the field at fault, a message."""
    all_specs = {s.code: s for s in (*COMMON_ERRORS, *specs)}
    code_enum = enum.Enum(f"{name}ErrorCode", {c: c for c in all_specs})  # type: ignore[misc]
    strawberry.enum(code_enum, description=f"Why `{name[0].lower() + name[1:]}` failed.")
    cls = type(
        f"{name}Error",
        (ErrorTypeBase,),
        {
            "__annotations__": {"code": code_enum, "field": Optional[str], "message": str},
            "__doc__": description or f"`{name[0].lower() + name[1:]}` failed: a code, the input field at fault, a message.",
            "codes": frozenset(all_specs),
            "code_enum": code_enum,
        },
    )
    return strawberry.type(cls, description=cls.__doc__)


def result_union(name: str, success: type, error: type) -> Any:
    return Annotated[Union[success, error], strawberry.union(f"{name}Result")]


async def run_mutation(info: Info, error_cls: Any, fn: Callable[[], Awaitable[T]], *, anonymous: bool = False) -> Any:
    """Run one mutation atomically in a savepoint; an expected failure undoes it and returns ``error_cls``."""
    ctx = info.context
    if not anonymous and not ctx.actor.authenticated:
        error = DomainError(COMMON_ERRORS[3])
        return error_cls(code=error_cls.code_enum(error.code), field=None, message=error.message(ctx.language))
    try:
        async with ctx.session.begin_nested():
            return await fn()
    except DomainError as error:
        if error.code not in error_cls.codes:
            raise  # an undeclared code is a bug: masked, and the request rolled back
        return error_cls(code=error_cls.code_enum(error.code), field=error.field, message=error.message(ctx.language))
