"""What every document use case shares: line pricing, owner department, idempotency, numbering."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

import orjson
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events, manifest
from yecai import validation as v
from yecai.actor import Actor
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.operations import errors, policies
from yecai.operations.events import event_of
from yecai.operations.models import IdempotencyRecord
from yecai.org.models import Department

CENT = Decimal("0.01")
ZERO = Decimal("0")
MAX_LINES = 200
T = TypeVar("T")


def money(value: Decimal) -> Decimal:
    """Round half-up to the fen, as the reference cases do per line."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


async def get_active(session: AsyncSession, model: type[T], pk: int, field_name: str) -> T:
    row = await session.get(model, pk)
    if row is None:
        raise not_found(field_name)
    if not getattr(row, "active", True):
        raise DomainError(errors.INACTIVE, field=field_name)
    return row




async def visible_document(session: AsyncSession, actor: Actor, model: type[T], pk: int) -> T:
    row = await session.get(model, pk)
    if row is None or not policies.can_see_department(actor, row.department_id):  # type: ignore[attr-defined]
        raise not_found()
    return row


# ---------------------------------------------------------------- shared document plumbing


@dataclass(frozen=True)
class PricedLineInput:
    product_id: int
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal


def checked_quantity(value: Decimal, field_name: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise invalid(field_name, "数量必须大于零", "must be greater than zero")
    if value > Decimal("1000000000") or value != value.quantize(Decimal("0.0001")):  # the range first
        raise invalid(field_name, "数量最多四位小数且不超过十亿", "at most 4 decimals and one billion")
    return value


def priced(line: PricedLineInput, where: str) -> dict[str, Decimal]:
    quantity = checked_quantity(line.quantity, f"{where}.quantity")
    if not line.unit_price.is_finite() or line.unit_price < 0 or line.unit_price > Decimal("1000000000"):
        raise invalid(f"{where}.unitPrice", "单价无效", "is not a valid price")
    if line.unit_price != line.unit_price.quantize(Decimal("0.000001")):
        raise invalid(f"{where}.unitPrice", "单价最多六位小数", "at most 6 decimals")
    if not line.tax_rate.is_finite() or not (0 <= line.tax_rate < 1) or \
            line.tax_rate != line.tax_rate.quantize(Decimal("0.0001")):
        raise invalid(f"{where}.taxRate", "税率应在 0 到 1 之间，如 0.13", "must be between 0 and 1, e.g. 0.13")
    net = money(quantity * line.unit_price)
    tax = money(net * line.tax_rate)
    return {"quantity": quantity, "unit_price": line.unit_price, "tax_rate": line.tax_rate, "net": net, "tax": tax,
            "gross": net + tax}


def check_line_count(lines: Sequence[object]) -> None:
    if not lines:
        raise invalid("lines", "至少需要一行", "at least one line is needed")
    if len(lines) > MAX_LINES:
        raise invalid("lines", f"最多 {MAX_LINES} 行", f"at most {MAX_LINES} lines")


async def department_for(session: AsyncSession, actor: Actor, department_id: int | None) -> int:
    """The owner department of a new document: the given one, else the actor's; checked against the policy."""
    department = department_id or actor.department_id
    if department is None:
        raise invalid("departmentId", "请指定单据所属部门", "is required")
    if await session.get(Department, department) is None:
        raise not_found("departmentId")
    if not policies.can_create_for(actor, department):
        if policies.can_create_for(actor, actor.department_id):
            raise DomainError(errors.OTHER_DEPARTMENT, field="departmentId")
        raise denied()
    return department


IDEMPOTENCY_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Idempotency:
    """A call's idempotency key, scoped to the actor and the operation, with the digest of its request."""

    actor: str
    operation: str
    key: str
    digest: str


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, (Decimal, date)):
        return str(value)
    return value


def idempotency(actor: Actor, operation: str, key: str | None, request: dict[str, Any]) -> Idempotency | None:
    """The scope of ``key`` for this call; None when the call carries none."""
    if key is None:
        return None
    key = v.required_text(key, "idempotencyKey", max_len=80)
    scope = f"user:{actor.user_id}" if actor.kind == "user" else f"{actor.kind}:{actor.username or ''}"
    digest = hashlib.sha256(orjson.dumps(_plain(request), option=orjson.OPT_SORT_KEYS)).hexdigest()
    return Idempotency(scope[:80], operation, key, digest)


async def replayed(session: AsyncSession, actor: Actor, call: Idempotency | None) -> Any | None:
    """The document an earlier call made with this key — the same actor and operation, within a day —
    or None. Called after the use case's policy, so a key never reveals what its caller may not see.
    A key used for another request is refused; a new key is claimed, so a concurrent retry cannot act twice."""
    if call is None:
        return None
    record = (await session.execute(select(IdempotencyRecord).where(
        IdempotencyRecord.actor == call.actor, IdempotencyRecord.operation == call.operation,
        IdempotencyRecord.key == call.key))).scalar_one_or_none()
    if record is not None and record.created_at < utcnow() - IDEMPOTENCY_WINDOW:
        await session.delete(record)  # an expired key starts afresh
        await session.flush()
        record = None
    if record is None:
        try:
            async with session.begin_nested():
                session.add(IdempotencyRecord(actor=call.actor, operation=call.operation, key=call.key,
                                              request_digest=call.digest))
        except IntegrityError:
            # Another request with this key is under way (it has not committed yet).
            raise DomainError(errors.IDEMPOTENCY_KEY_IN_USE, field="idempotencyKey") from None
        return None
    if record.request_digest is not None and record.request_digest != call.digest:
        raise DomainError(errors.IDEMPOTENCY_KEY_REUSED, field="idempotencyKey")
    document_type = manifest.document_type(record.document_type or "")
    document = await session.get(document_type.model, record.document_id) if document_type else None
    if document is None or not policies.can_see_document(actor, document):
        raise DomainError(errors.IDEMPOTENCY_KEY_IN_USE, field="idempotencyKey")
    return document


async def remember(session: AsyncSession, call: Idempotency | None, document: Any) -> None:
    """Record the document a call with a key made, for its retries."""
    if call is None:
        return
    record = (await session.execute(select(IdempotencyRecord).where(
        IdempotencyRecord.actor == call.actor, IdempotencyRecord.operation == call.operation,
        IdempotencyRecord.key == call.key))).scalar_one()
    record.document_type, record.document_id = manifest.document_type_of(type(document)).code, document.id
    await session.flush()


async def assign_number(session: AsyncSession, doc: Any) -> None:
    """Number a new document with its type's prefix, month and id, e.g. SD-202611-00012."""
    prefix = manifest.document_type_of(type(doc)).prefix
    doc.number = f"{prefix}-{doc.date:%Y%m}-{doc.id:05d}"
    await session.flush()


async def publish_event(session: AsyncSession, actor: Actor, doc: Any, lines: Sequence[Any] | None = None) -> None:
    """Publish the business event of a document that touches the books, with the rows it just wrote."""
    await events.publish(session, actor=actor, event=await event_of(session, doc, lines))


