"""Shared pieces of the API: connections, global ids, nodes backed by tables, and mutations declared once."""

import enum
import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Annotated, Any, ClassVar, Generic, Optional, TypeVar, Union

import strawberry
from strawberry import relay
from strawberry.schema_directive import Location
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from yecai import manifest
from yecai.db import MAX_INTEGER
from yecai.errors import COMMON_ERRORS, DomainError, ErrorSpec, invalid
from yecai.graphql.enums import PermissionCode, PermissionCodeEnum
from yecai.pagination import DEFAULT_PAGE_SIZE, Page

__all__ = ["DEFAULT_PAGE_SIZE"]

T = TypeVar("T")
N = TypeVar("N")


@strawberry.type(description="A cursor connection's edge: one node and the cursor after which the next page starts.")
class Edge(Generic[N]):
    cursor: str
    node: N


@strawberry.interface(description="What every list's page has: where it is, and how many there are in all.")
class Paged:
    page_info: relay.PageInfo
    total_count: int


@strawberry.type(description="A page of a list, with cursors; `first` is at most 100.")
class Connection(Paged, Generic[N]):
    edges: list[Edge[N]]


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
        if pk <= 0 or pk > MAX_INTEGER:
            raise ValueError
        return pk
    except (ValueError, TypeError):
        raise invalid(field, f"不是有效的{'/'.join(names)}标识", f"is not a valid {'/'.join(names)} id") from None


def decode_optional_id(value: Any, type_name: str | Sequence[str], field: str) -> int | None:
    return None if value is None else decode_id(value, type_name, field)


def decode_document_id(value: Any, field: str) -> tuple[manifest.DocumentType, int]:
    """A business document's global id: its document type and database id."""
    names = [t.name for t in manifest.document_types()]
    pk = decode_id(value, names, field)
    type_name = relay.GlobalID.from_id(str(value)).type_name
    return next(t for t in manifest.document_types() if t.name == type_name), pk


def global_id(type_name: str, pk: int | None) -> Optional[relay.GlobalID]:
    return None if pk is None else relay.GlobalID(type_name, str(pk))


def pk(node_id: str) -> int | None:
    """The database id inside a node id (``node(id:)`` hands the part after the type name)."""
    try:
        value = int(node_id)
    except ValueError:
        return None
    return value if 0 < value <= MAX_INTEGER else None


# ---------------------------------------------------------------- nodes backed by a table


class ModelNode(relay.Node):
    """A Node whose rows come from one table (``model``), batched by primary key per request.

    Whether the viewer may see a row guards ``node(id:)``, ``load`` (every field that hands out the object, search
    results and links among them) alike. A type says it with ``visible`` (a rule over the row alone) or, when it
    must load more to decide (a meeting's audience, a rule's reach, a holder's managers), with ``can_see`` over a
    batch of rows, gathering its loads so a list asks once. ``from_model`` builds the node from a row.
    """

    model: ClassVar[type]

    @classmethod
    def from_model(cls, m: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def visible(cls, info: Info, row: Any) -> bool:
        return True

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        """Whether the viewer may see each row (None: no such row): ``visible`` unless a type decides in batch."""
        return [row is not None and cls.visible(info, row) for row in rows]

    @classmethod
    async def load(cls, info: Info, row_id: int | None) -> Any:
        """The node of ``row_id`` when it exists and the viewer may see it, else None."""
        if row_id is None:
            return None
        (found,) = await cls._visible(info, [row_id])
        return found

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await cls._visible(info, [pk(i) or 0 for i in node_ids])

    @classmethod
    async def _visible(cls, info: Info, ids: list[int]) -> list[Any]:
        rows = await info.context.loaders.by_id(cls.model).load_many(ids)
        seen = await cls.can_see(info, rows)
        return [cls.from_model(row) if ok else None for row, ok in zip(rows, seen, strict=True)]


@strawberry.interface(description="What every mutation's error has beside its own code: the input field at fault "
                                  "(null when none) and a message in the viewer's language.")
class MutationError:
    field: Optional[str]
    message: str


class ErrorTypeBase(MutationError):
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
            "__annotations__": {"code": code_enum},
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


# ---------------------------------------------------------------- mutations, declared once


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="Who may call this field: holders of `permission`, or any signed-in user when none is named.")
class Requires:
    permission: Optional[PermissionCode] = None  # type: ignore[valid-type]


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="How many items this list holds as a rule, for the cost of a request (GraphQL cost directives).")
class ListSize:
    assumed_size: int


@strawberry.type(description="What a deletion removed.")
class Deleted:
    deleted_id: strawberry.ID


def _pascal(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


def mutation(description: str, *, permission: str | None, errors: Sequence[ErrorSpec] = (),
             emits: Sequence[type] = (), returns: tuple[str, Any] | type | None = None,
             anonymous: bool = False) -> Callable[[Callable[..., Awaitable[Any]]], StrawberryField]:
    """Declare a mutation once; its result union, error type, description and guard follow.

    - ``permission``: the permission it needs (shown in its description and as ``@requires``);
      None for any signed-in user, or for anyone with ``anonymous``.
    - ``errors``: the domain's own error codes; ``emits``: the events it publishes, whose
      listeners' codes (posting's, the books' ...) the error enum offers too.
    - ``returns``: ``("voucher", Voucher)`` builds ``<Name>Success { voucher: Voucher! }`` around
      what the resolver returns; a type is used as the success member as it is.

    The resolver runs in a savepoint: an expected failure undoes it and answers ``<Name>Error``.
    """

    def decorate(fn: Callable[..., Awaitable[Any]]) -> StrawberryField:
        name = _pascal(fn.__name__)
        error_cls = error_type(name, [*errors, *manifest.errors_raised_by_listeners(emits)])
        field_name: str | None = None
        if isinstance(returns, tuple):
            field_name, node_type = returns
            success: Any = strawberry.type(type(f"{name}Success", (), {"__annotations__": {field_name: node_type}}),
                                           description=f"`{name[0].lower() + name[1:]}` succeeded.")
        elif returns is not None:
            success = returns
        else:
            raise TypeError(f"{fn.__name__}: say what it returns")
        union = result_union(name, success, error_cls)

        async def resolver(*args: Any, **kwargs: Any) -> Any:
            info = kwargs["info"]

            async def run() -> Any:
                result = await fn(*args, **kwargs)
                return success(**{field_name: result}) if field_name else result

            return await run_mutation(info, error_cls, run, anonymous=anonymous)

        signature = inspect.signature(fn)
        resolver.__signature__ = signature.replace(return_annotation=union)  # type: ignore[attr-defined]
        resolver.__annotations__ = {**fn.__annotations__, "return": union}
        resolver.__name__, resolver.__qualname__, resolver.__module__ = fn.__name__, fn.__qualname__, fn.__module__
        resolver.__doc__ = fn.__doc__
        if anonymous:
            who = "No sign-in needed."
        elif permission is None:
            who = "Any signed-in user."
        else:
            if manifest.permission(permission) is None:
                raise ValueError(f"{fn.__name__}: unknown permission {permission}")
            who = f"Needs `{permission}`."
        directives = [] if anonymous else [
            Requires(permission=None if permission is None else PermissionCodeEnum(permission))]
        return strawberry.mutation(resolver=resolver, description=f"{description} {who}", directives=directives)

    return decorate
