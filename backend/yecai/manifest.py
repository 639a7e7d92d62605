"""The domain manifest: each domain declares itself once, and the portal loops over the list.

A domain's ``domain.py`` holds one ``DOMAIN = Domain(...)``: its tables, its permissions (with
their labels and the built-in roles that hold them by default), the listeners it adds to other
domains' events, the reference data every install needs and its part of the demo. The ordered
list of domains is ``yecai.domains.DOMAINS`` (module paths, lower layers first); nothing here
depends on a module happening to be imported, because ``domains()`` imports each one itself.

The API side of a domain lives in ``yecai.graphql.<name>`` (``API = DomainApi(...)``), found by
the same list, so a domain never imports GraphQL.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from yecai.attachable import AttachmentOwner
from yecai.errors import ErrorSpec
from yecai.notifiable import NotificationKind
from yecai.scheduling import Job
from yecai.searchable import Searchable

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from yecai.actor import Actor


@dataclass(frozen=True)
class Permission:
    """One right (权限): a code ``<domain>.<verb>``, its labels, and the built-in roles holding it by default."""

    code: str
    zh: str
    en: str
    description_zh: str = ""
    description_en: str = ""
    default_roles: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def enum_name(self) -> str:
        """The name clients see in the ``PermissionCode`` enum, e.g. ``LEDGER_READ``."""
        return self.code.replace(".", "_").upper()


Handler = Callable[["AsyncSession", "Actor", Any], Awaitable[None]]


@dataclass(frozen=True)
class Listener:
    """A handler this domain adds to another domain's event, run in the emitter's transaction.

    ``raises`` are the expected errors it may raise; every mutation that emits the event
    offers them in its error enum without listing them itself.
    """

    event: type
    handler: Handler
    raises: tuple[ErrorSpec, ...] = ()


# Called as ``fn(session, actor=actor)`` by ``yecai db upgrade`` on every install, in domain order.
ReferenceData = Callable[..., Awaitable[Any]]


@dataclass
class DemoContext:
    """What the demo seed steps share: the seed file's data and what earlier domains created."""

    data: dict[str, Any]
    created: dict[str, int] = field(default_factory=dict)
    # Earlier steps leave rows by code for later ones, e.g. refs["departments"]["SALES"].
    refs: dict[str, dict[str, Any]] = field(default_factory=dict)


DemoSeed = Callable[["AsyncSession", DemoContext], Awaitable[None]]


def snake_case(name: str) -> str:
    """``SalesDelivery`` -> ``sales_delivery``."""
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


@dataclass(frozen=True)
class DocumentType:
    """One kind of business document (业务单据), the single row every domain reads it from.

    ``name`` is its GraphQL type (and global-id type); its code, stored where documents are
    referred to (voucher sources, stock moves, open items, posting records, audit subjects),
    is the snake-case name. A document type that touches the books publishes ``event``, whose
    name (``event_type``) posting rules are written for.
    """

    name: str
    zh: str
    en: str
    prefix: str
    model: type
    line_model: type | None = None
    line_key: str | None = None  # the line table's column naming the document
    event: type | None = None
    event_type: str | None = None
    event_date: str = "date"  # the column holding the day the event (and its vouchers) carry

    @property
    def code(self) -> str:
        return snake_case(self.name)

    @property
    def line_name(self) -> str | None:
        """The GraphQL type of its lines, e.g. ``SalesDeliveryLine``."""
        return f"{self.name}Line" if self.line_model is not None else None


@dataclass(frozen=True)
class Domain:
    """One domain of the portal, declared once in its ``domain.py``."""

    name: str
    zh: str
    en: str
    models: ModuleType | None = None
    permissions: tuple[Permission, ...] = ()
    listeners: tuple[Listener, ...] = ()
    reference_data: ReferenceData | None = None
    demo: DemoSeed | None = None
    document_types: tuple[DocumentType, ...] = ()
    # Its searchable kinds (yecai.searchable): how its objects become search documents, who may open them.
    searchables: tuple[Searchable, ...] = ()
    # The kinds of its objects files may be attached to (yecai.attachable), with the policies that guard them.
    attachment_owners: tuple[AttachmentOwner, ...] = ()
    # The kinds of notification it sends (yecai.notifiable), and its scheduled jobs (yecai.scheduling).
    notification_kinds: tuple[NotificationKind, ...] = ()
    jobs: tuple[Job, ...] = ()
    # The module exporting its ``API = DomainApi(...)``: ``yecai.graphql.<name>`` unless named; None for none.
    api: str | None = ""

    @property
    def api_module(self) -> str | None:
        if self.api is None:
            return None
        return self.api or f"yecai.graphql.{self.name}"

    def model_classes(self) -> list[type]:
        """The tables this domain owns (mapped classes defined in its models module)."""
        if self.models is None:
            return []
        from yecai.db import Base

        return [obj for obj in vars(self.models).values()
                if isinstance(obj, type) and issubclass(obj, Base) and obj is not Base
                and obj.__module__ == self.models.__name__ and hasattr(obj, "__table__")]


@cache
def domains() -> tuple[Domain, ...]:
    """Every domain, in the order of ``yecai.domains.DOMAINS``; imports each manifest once."""
    from yecai.domains import DOMAINS

    loaded = []
    for path in DOMAINS:
        module: ModuleType = importlib.import_module(f"{path}.domain")
        domain = getattr(module, "DOMAIN", None)
        if not isinstance(domain, Domain):
            raise RuntimeError(f"{path}.domain does not declare DOMAIN = Domain(...)")
        loaded.append(domain)
    names = [d.name for d in loaded]
    if len(set(names)) != len(names):
        raise RuntimeError(f"two domains share a name: {names}")
    return tuple(loaded)


def domain(name: str) -> Domain:
    for d in domains():
        if d.name == name:
            return d
    raise KeyError(name)


@cache
def permissions() -> tuple[Permission, ...]:
    """The permission catalogue: every domain's permissions, in domain order."""
    seen: dict[str, Permission] = {}
    for d in domains():
        for p in d.permissions:
            if p.domain != d.name:
                raise RuntimeError(f"permission {p.code} is declared by domain {d.name}")
            if p.code in seen:
                raise RuntimeError(f"permission {p.code} is declared twice")
            seen[p.code] = p
    return tuple(seen.values())


def permission(code: str) -> Permission | None:
    return _permissions_by_code().get(code)


@cache
def _permissions_by_code() -> dict[str, Permission]:
    return {p.code: p for p in permissions()}


def default_grants(role_code: str) -> frozenset[str]:
    """The permissions a built-in role holds by default, from every domain's declarations."""
    return frozenset(p.code for p in permissions() if role_code in p.default_roles)


@cache
def listeners_of(event_type: type) -> tuple[Listener, ...]:
    """The listeners of an event type and of the classes it derives from, lower domains first."""
    return tuple(listener for d in domains() for listener in d.listeners if listener.event in event_type.__mro__)


def errors_raised_by_listeners(events: Iterable[type]) -> tuple[ErrorSpec, ...]:
    """Every expected error the listeners of these events may raise (each code once)."""
    found: dict[str, ErrorSpec] = {}
    for event in events:
        for listener in listeners_of(event):
            for spec in listener.raises:
                found.setdefault(spec.code, spec)
    return tuple(found.values())


def model_classes() -> list[type]:
    return [cls for d in domains() for cls in d.model_classes()]


@cache
def document_types() -> tuple[DocumentType, ...]:
    """Every document type of every domain, in domain order."""
    found = [t for d in domains() for t in d.document_types]
    for key in ("name", "prefix", "event_type"):
        values = [getattr(t, key) for t in found if getattr(t, key) is not None]
        if len(set(values)) != len(values):
            raise RuntimeError(f"two document types share a {key}: {values}")
    return tuple(found)


@cache
def _document_types_by_code() -> dict[str, DocumentType]:
    return {t.code: t for t in document_types()}


def document_type(code: str) -> DocumentType | None:
    """The document type stored as ``code`` (e.g. ``sales_delivery``)."""
    return _document_types_by_code().get(code)


def document_type_of(model: type) -> DocumentType:
    for t in document_types():
        if t.model is model:
            return t
    raise KeyError(model)


def document_type_for_event(event_type: str) -> DocumentType | None:
    for t in document_types():
        if t.event_type == event_type:
            return t
    return None


def event_types() -> tuple[str, ...]:
    """The names of every business event posting rules can be written for."""
    return tuple(t.event_type for t in document_types() if t.event_type is not None)


@cache
def searchables() -> tuple[Searchable, ...]:
    """Every searchable kind of every domain, in domain order."""
    found = [s for d in domains() for s in d.searchables]
    for key in ("kind", "node"):
        values = [getattr(s, key) for s in found]
        if len(set(values)) != len(values):
            raise RuntimeError(f"two searchable kinds share a {key}: {values}")
    return tuple(found)


def searchable(kind: str) -> Searchable | None:
    return next((s for s in searchables() if s.kind == kind), None)


@cache
def attachment_owners() -> tuple[AttachmentOwner, ...]:
    """Every kind of object of every domain that files may be attached to, in domain order."""
    found = [o for d in domains() for o in d.attachment_owners]
    names = [o.type for o in found]
    if len(set(names)) != len(names):
        raise RuntimeError(f"two attachment owners share a type: {names}")
    return tuple(found)


def attachment_owner(type_name: str) -> AttachmentOwner | None:
    """The attachment owner of a GraphQL type name (``ExpenseClaim``), or None."""
    return next((o for o in attachment_owners() if o.type == type_name), None)


def notification_kinds() -> tuple[NotificationKind, ...]:
    """Every kind of notification of every domain, in domain order."""
    found = [k for d in domains() for k in d.notification_kinds]
    codes = [k.code for k in found]
    if len(set(codes)) != len(codes):
        raise RuntimeError(f"two notification kinds share a code: {codes}")
    return tuple(found)


def notification_kind(code: str) -> NotificationKind | None:
    return next((k for k in notification_kinds() if k.code == code), None)


@cache
def jobs() -> tuple[Job, ...]:
    """Every scheduled job of every domain, in domain order; each name is ``<domain>.<what>``."""
    found: dict[str, Job] = {}
    for d in domains():
        for j in d.jobs:
            if j.name.split(".", 1)[0] != d.name:
                raise RuntimeError(f"job {j.name} is declared by domain {d.name}")
            if j.name in found:
                raise RuntimeError(f"job {j.name} is declared twice")
            found[j.name] = j
    return tuple(found.values())


def job(name: str) -> Job | None:
    return next((j for j in jobs() if j.name == name), None)
