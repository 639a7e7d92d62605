"""The posting engine: what a rule version writes for a business event, checked before it is saved."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from yecai import manifest
from yecai.errors import invalid
from yecai.ledger.models import Account, Direction
from yecai.posting.expressions import ExpressionError, evaluate, names

CENT = Decimal("0.01")
DIMENSIONS = ("CUSTOMER", "SUPPLIER", "DEPARTMENT", "PRODUCT", "PROJECT")


@dataclass(frozen=True)
class EventLine:
    """One line of a business document as a rule sees it (documents without lines have one)."""

    line_id: int | None
    fields: dict[str, Any]


@dataclass(frozen=True)
class PostingEvent:
    """A business event: the document it happened to, its header fields and its lines."""

    event_type: str
    source_type: str
    source_id: int
    date: date
    header: dict[str, Any]
    lines: list[EventLine]


@dataclass
class GeneratedLine:
    account_code: str
    side: Direction
    amount: Decimal
    summary: str
    dimensions: dict[str, Any]
    source_line_id: int | None
    spec_index: int


@dataclass
class GeneratedVoucher:
    summary: str
    post: bool
    lines: list[GeneratedLine] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        debit = sum((line.amount for line in self.lines if line.side == Direction.DEBIT), Decimal(0))
        credit = sum((line.amount for line in self.lines if line.side == Direction.CREDIT), Decimal(0))
        return debit == credit and debit > 0


def _template_fields(template: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}
    except ValueError as error:
        raise ExpressionError(f"bad summary template: {error}") from None


def _render(template: str, fields: dict[str, Any]) -> str:
    # Only plain {name} placeholders are allowed (checked on save), so format_map reads nothing else.
    return template.format_map({k: ("" if v is None else v) for k, v in fields.items()})[:200]


def _account_code(spec: Any, definition: dict[str, Any], fields: dict[str, Any]) -> str:
    if isinstance(spec, str):
        return spec
    table = definition.get("mappings", {}).get(spec["map"], {})
    key = evaluate(spec["key"], fields)
    code = table.get(str(key), spec.get("default"))
    if code is None:
        raise ExpressionError(f"mapping '{spec['map']}' has no account for '{key}'")
    return str(code)


def generate(definition: dict[str, Any], event: PostingEvent) -> GeneratedVoucher | None:
    """The voucher a rule version writes for ``event``; None when its condition does not hold."""
    condition = definition.get("condition")
    if condition and not evaluate(condition, {**event.header, "event_type": event.event_type}):
        return None
    summary = _render(definition["summary"], event.header)
    voucher = GeneratedVoucher(summary=summary, post=definition.get("land_as", "POSTED") == "POSTED")
    for index, spec in enumerate(definition["lines"]):
        rows = event.lines if spec.get("scope", "line") == "line" else [EventLine(None, _sums(event))]
        for row in rows:
            fields = {**event.header, **row.fields}
            if spec.get("when") and not evaluate(spec["when"], fields):
                continue
            amount = evaluate(spec["amount"], fields)
            if not isinstance(amount, Decimal):
                raise ExpressionError(f"lines[{index}].amount is not a number")
            amount = amount.quantize(CENT)
            if amount == 0:
                continue
            side = Direction(spec["side"])
            if amount < 0:  # a negative amount lands on the other side
                amount, side = -amount, Direction.CREDIT if side == Direction.DEBIT else Direction.DEBIT
            dimensions = {dim: fields.get(name) for dim, name in (spec.get("dimensions") or {}).items()}
            voucher.lines.append(GeneratedLine(
                account_code=_account_code(spec["account"], definition, fields), side=side, amount=amount,
                summary=_render(spec.get("summary") or definition["summary"], fields), dimensions=dimensions,
                source_line_id=row.line_id, spec_index=index))
    return voucher


def _sums(event: PostingEvent) -> dict[str, Any]:
    """Document-scope fields: numeric line fields summed, the rest from the header."""
    totals: dict[str, Any] = {}
    for line in event.lines:
        for key, value in line.fields.items():
            if isinstance(value, Decimal):
                totals[key] = totals.get(key, Decimal(0)) + value
    return totals


def check_definition(definition: Any, event_type: str, accounts: dict[str, Account],
                     leaf_codes: set[str]) -> dict[str, Any]:
    """Refuse a rule definition that does not parse, names unknown accounts, or does not balance
    for the sample event of its type. Returns the normalised definition."""
    event_types = manifest.event_types()
    if event_type not in event_types or event_type not in SAMPLES:
        raise invalid("eventType", f"应为 {', '.join(event_types)} 之一", f"must be one of {', '.join(event_types)}")
    if not isinstance(definition, dict):
        raise invalid("definition", "应为对象", "must be an object")
    sample = SAMPLES[event_type]
    known = {**sample.header, **sample.lines[0].fields, "event_type": event_type}
    lines = definition.get("lines")
    if not isinstance(lines, list) or not lines or len(lines) > 50:
        raise invalid("definition.lines", "应有 1 到 50 条分录规则", "must have 1 to 50 line specs")
    summary = definition.get("summary")
    if not isinstance(summary, str) or not summary.strip() or len(summary) > 200:
        raise invalid("definition.summary", "摘要模板不能为空且不超过 200 字", "is required, at most 200 characters")
    if definition.get("land_as", "POSTED") not in ("POSTED", "DRAFT"):
        raise invalid("definition.landAs", "应为 POSTED 或 DRAFT", "must be POSTED or DRAFT")
    mappings = definition.get("mappings", {})
    if not isinstance(mappings, dict) or not all(isinstance(t, dict) for t in mappings.values()):
        raise invalid("definition.mappings", "映射表应为对象", "must map names to tables")

    def expression(source: Any, where: str) -> None:
        try:
            unknown = names(source) - set(known)
        except ExpressionError as error:
            raise invalid(where, f"表达式无法解析：{error}", f"does not parse: {error}") from None
        except TypeError:
            raise invalid(where, "应为表达式文本", "must be an expression") from None
        if unknown:
            raise invalid(where, f"未知字段 {', '.join(sorted(unknown))}", f"unknown fields {', '.join(sorted(unknown))}")

    def template(source: str, where: str) -> None:
        try:
            unknown = _template_fields(source) - set(known)
        except ExpressionError as error:
            raise invalid(where, str(error), str(error)) from None
        if any(not f.isidentifier() for f in _template_fields(source)):
            raise invalid(where, "模板只能使用 {字段名}", "only {field} placeholders are allowed")
        if unknown:
            raise invalid(where, f"未知字段 {', '.join(sorted(unknown))}", f"unknown fields {', '.join(sorted(unknown))}")

    template(summary, "definition.summary")
    if definition.get("condition"):
        expression(definition["condition"], "definition.condition")
    codes: set[str] = set()
    for entries in mappings.values():
        codes.update(str(c) for c in entries.values())
    for i, spec in enumerate(lines):
        where = f"definition.lines[{i}]"
        if not isinstance(spec, dict):
            raise invalid(where, "应为对象", "must be an object")
        if spec.get("side") not in ("DEBIT", "CREDIT"):
            raise invalid(f"{where}.side", "应为 DEBIT 或 CREDIT", "must be DEBIT or CREDIT")
        if spec.get("scope", "line") not in ("line", "document"):
            raise invalid(f"{where}.scope", "应为 line 或 document", "must be line or document")
        expression(spec.get("amount"), f"{where}.amount")
        if spec.get("when"):
            expression(spec["when"], f"{where}.when")
        if spec.get("summary"):
            template(spec["summary"], f"{where}.summary")
        account = spec.get("account")
        if isinstance(account, str):
            codes.add(account)
        elif isinstance(account, dict) and isinstance(account.get("map"), str):
            if account["map"] not in mappings:
                raise invalid(f"{where}.account", f"映射表 {account['map']} 不存在", f"no mapping table {account['map']}")
            expression(account.get("key"), f"{where}.account.key")
            if account.get("default") is not None:
                codes.add(str(account["default"]))
        else:
            raise invalid(f"{where}.account", "应为科目编码或映射", "must be an account code or a mapping")
        for dim, field_name in (spec.get("dimensions") or {}).items():
            if dim not in DIMENSIONS or field_name not in known:
                raise invalid(f"{where}.dimensions", f"辅助核算 {dim} 或字段 {field_name} 无效",
                              f"unknown dimension {dim} or field {field_name}")
    for code in sorted(codes):
        if code not in accounts:
            raise invalid("definition", f"科目 {code} 不存在", f"account {code} does not exist")
        if code not in leaf_codes:
            raise invalid("definition", f"科目 {code} 不是末级科目", f"account {code} has sub-accounts")
    try:
        voucher = generate(definition, sample)
    except ExpressionError as error:
        raise invalid("definition", f"样例事件无法计算：{error}", f"fails on the sample event: {error}") from None
    if voucher is not None and not voucher.balanced:
        from yecai.errors import DomainError
        from yecai.posting import errors

        raise DomainError(errors.RULE_UNBALANCED, field="definition")
    return definition


_D = Decimal
# A plausible event of each type, to try a rule on before it is saved.
SAMPLES: dict[str, PostingEvent] = {
    "PURCHASE_RECEIVED": PostingEvent("PURCHASE_RECEIVED", "purchase_receipt", 0, date(2026, 1, 1), {
        "number": "PR-SAMPLE", "supplier_id": 1, "supplier_name": "样例供应商", "department_id": 1,
        "department_kind": "BUSINESS", "department_name": "采购部", "warehouse_id": 1},
        [EventLine(1, {"product_id": 1, "product_name": "样例商品", "category": "GOODS", "quantity": _D("3"),
                       "unit_price": _D("100.00"), "tax_rate": _D("0.13"), "net": _D("300.00"), "tax": _D("39.00"),
                       "gross": _D("339.00")})]),
    "SALES_DELIVERED": PostingEvent("SALES_DELIVERED", "sales_delivery", 0, date(2026, 1, 1), {
        "number": "SD-SAMPLE", "customer_id": 1, "customer_name": "样例客户", "department_id": 1,
        "department_kind": "BUSINESS", "department_name": "销售部", "order_number": "SO-SAMPLE", "warehouse_id": 1},
        [EventLine(1, {"product_id": 1, "product_name": "样例商品", "category": "GOODS", "quantity": _D("3"),
                       "unit_price": _D("200.00"), "tax_rate": _D("0.13"), "net": _D("600.00"), "tax": _D("78.00"),
                       "gross": _D("678.00"), "cost": _D("300.00")})]),
    "SALES_RETURNED": PostingEvent("SALES_RETURNED", "sales_return", 0, date(2026, 1, 1), {
        "number": "SR-SAMPLE", "customer_id": 1, "customer_name": "样例客户", "department_id": 1,
        "department_kind": "BUSINESS", "department_name": "销售部", "delivery_number": "SD-SAMPLE",
        "warehouse_id": 1},
        [EventLine(1, {"product_id": 1, "product_name": "样例商品", "category": "GOODS", "quantity": _D("1"),
                       "unit_price": _D("200.00"), "tax_rate": _D("0.13"), "net": _D("200.00"), "tax": _D("26.00"),
                       "gross": _D("226.00"), "cost": _D("100.00")})]),
    "CUSTOMER_RECEIPT": PostingEvent("CUSTOMER_RECEIPT", "customer_receipt", 0, date(2026, 1, 1), {
        "number": "CR-SAMPLE", "customer_id": 1, "customer_name": "样例客户", "department_id": 1,
        "department_kind": "FINANCE", "department_name": "财务部"},
        [EventLine(None, {"amount": _D("678.00")})]),
    "SUPPLIER_PAYMENT": PostingEvent("SUPPLIER_PAYMENT", "supplier_payment", 0, date(2026, 1, 1), {
        "number": "SP-SAMPLE", "supplier_id": 1, "supplier_name": "样例供应商", "department_id": 1,
        "department_kind": "FINANCE", "department_name": "财务部"},
        [EventLine(None, {"amount": _D("339.00")})]),
    "EXPENSE_CLAIM_PAID": PostingEvent("EXPENSE_CLAIM_PAID", "expense_claim", 0, date(2026, 1, 1), {
        "number": "EC-SAMPLE", "claimant_id": 1, "claimant_name": "样例员工", "department_id": 1,
        "department_kind": "BUSINESS", "department_name": "销售部", "category": "TRAVEL", "description": "出差"},
        [EventLine(None, {"amount": _D("2300.00")})]),
}
