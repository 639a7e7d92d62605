"""Use cases of posting: the default rules, publishing versions, posting events, preview and replay."""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.ledger import service as ledger
from yecai.ledger.models import Account, Direction, Voucher, VoucherLine, VoucherOrigin
from yecai.manifest import DocumentType
from yecai.operations.events import event_of
from yecai.posting import errors, policies
from yecai.posting.defaults import DEFAULT_RULES
from yecai.posting.engine import GeneratedVoucher, PostingEvent, check_definition, generate
from yecai.posting.expressions import ExpressionError
from yecai.posting.models import PostingRecord, PostingRule, PostingRuleVersion
from yecai.posting.sources import posting_event, stored_event

_DIMENSION_FIELDS = {"CUSTOMER": "customer_id", "SUPPLIER": "supplier_id", "DEPARTMENT": "department_id",
                     "PRODUCT": "product_id", "PROJECT": "project"}


async def _chart(session: AsyncSession) -> tuple[dict[str, Account], set[str]]:
    accounts = {a.code: a for a in (await session.execute(select(Account))).scalars()}
    parents = {a.parent_id for a in accounts.values() if a.parent_id is not None}
    leaves = {code for code, a in accounts.items() if a.id not in parents}
    return accounts, leaves


async def _publish(session: AsyncSession, actor: Actor, rule: PostingRule, definition: Any,
                   note: str) -> PostingRuleVersion:
    accounts, leaves = await _chart(session)
    checked = check_definition(copy.deepcopy(definition), rule.event_type, accounts, leaves)
    latest = (await session.execute(select(func.max(PostingRuleVersion.version)).where(
        PostingRuleVersion.rule_id == rule.id))).scalar_one() or 0
    version = PostingRuleVersion(rule_id=rule.id, version=latest + 1, definition=checked,
                                 note=v.text(note, "note", max_len=2000, min_len=0, required=False) or "",
                                 published_by_id=actor.user_id)
    session.add(version)
    await session.flush()
    rule.current_version_id = version.id
    await session.flush()
    await audit.record(session, actor=actor, action="posting_rule.publish", subject_type="posting_rule",
                       subject_id=rule.id, after={"version": version.version, "definition": checked, "note": note})
    return version


async def ensure_default_rules(session: AsyncSession, *, actor: Actor) -> int:
    """Install the default rules missing from this database (version 1 of each)."""
    existing = set((await session.execute(select(PostingRule.code))).scalars())
    created = 0
    for spec in DEFAULT_RULES:
        if spec["code"] in existing:
            continue
        rule = PostingRule(code=spec["code"], name=spec["name"], event_type=spec["event_type"], active=True)
        session.add(rule)
        await session.flush()
        await _publish(session, actor, rule, spec["definition"], "默认规则")
        created += 1
    return created


def rules_query(*, actor: Actor, event_type: str | None = None) -> Select[tuple[PostingRule]]:
    if not policies.can_read(actor):
        raise denied()
    stmt = select(PostingRule)
    if event_type:
        stmt = stmt.where(PostingRule.event_type == event_type)
    return stmt


async def create_rule(session: AsyncSession, *, actor: Actor, code: str, name: str, event_type: str,
                      definition: Any, note: str = "") -> PostingRule:
    """Add a rule for an event type; its first version is checked against a sample event."""
    if not policies.can_manage_rules(actor):
        raise denied()
    rule_code = v.code(code, "code")
    if (await session.execute(select(PostingRule.id).where(PostingRule.code == rule_code))).first():
        raise DomainError(errors.RULE_CODE_TAKEN, field="code")
    rule = PostingRule(code=rule_code, name=v.name(name, "name", max_len=100), event_type=event_type,
                       active=True)
    session.add(rule)
    await session.flush()
    await _publish(session, actor, rule, definition, note)
    return rule


async def publish_rule_version(session: AsyncSession, *, actor: Actor, rule_id: int, definition: Any,
                               note: str = "") -> PostingRuleVersion:
    """Edit a rule by publishing a new version; earlier versions and their vouchers stay as they were."""
    if not policies.can_manage_rules(actor):
        raise denied()
    rule = await session.get(PostingRule, rule_id)
    if rule is None:
        raise not_found("ruleId")
    return await _publish(session, actor, rule, definition, note)


async def set_rule_active(session: AsyncSession, *, actor: Actor, rule_id: int, active: bool) -> PostingRule:
    """Switch a rule on or off for future events."""
    if not policies.can_manage_rules(actor):
        raise denied()
    rule = await session.get(PostingRule, rule_id)
    if rule is None:
        raise not_found("id")
    if rule.active != active:
        rule.active = active
        await session.flush()
        await audit.record(session, actor=actor, action="posting_rule.activate" if active else "posting_rule.deactivate",
                           subject_type="posting_rule", subject_id=rule.id, after={"active": active})
    return rule


@dataclass
class Posting:
    rule: PostingRule
    version: PostingRuleVersion
    voucher: GeneratedVoucher


async def _plans(session: AsyncSession, event: PostingEvent,
                 version_override: PostingRuleVersion | None = None) -> list[Posting]:
    """What each active rule of the event's type would write (or one given version)."""
    if version_override is not None:
        rule = await session.get(PostingRule, version_override.rule_id)
        pairs = [(rule, version_override)]
    else:
        rules = (await session.execute(select(PostingRule).where(
            PostingRule.event_type == event.event_type, PostingRule.active.is_(True)).order_by(PostingRule.id))
        ).scalars().all()
        versions = {ver.id: ver for ver in (await session.execute(select(PostingRuleVersion).where(
            PostingRuleVersion.id.in_([r.current_version_id for r in rules])))).scalars()}
        pairs = [(r, versions[r.current_version_id]) for r in rules if r.current_version_id in versions]
    plans = []
    for rule, version in pairs:
        try:
            generated = generate(version.definition, event)
        except ExpressionError as error:
            raise DomainError(errors.POSTING_FAILED, zh=f"记账规则 {rule.code} 无法处理该单据：{error}",
                              en=f"posting rule {rule.code} cannot post this document: {error}") from None
        if generated is not None and generated.lines:
            plans.append(Posting(rule, version, generated))
    return plans


def _line_inputs(plan: Posting, event: PostingEvent, accounts: dict[str, Account]) -> list[ledger.LineInput]:
    lines = []
    for line in plan.voucher.lines:
        account = accounts.get(line.account_code)
        if account is None:
            raise DomainError(errors.POSTING_FAILED, zh=f"科目 {line.account_code} 不存在",
                              en=f"account {line.account_code} does not exist")
        dims = {_DIMENSION_FIELDS[d]: value for d, value in line.dimensions.items()}
        amount = line.amount
        lines.append(ledger.LineInput(
            account_id=account.id, debit=amount if line.side == Direction.DEBIT else Decimal("0"),
            credit=amount if line.side == Direction.CREDIT else Decimal("0"), summary=line.summary,
            source_type=event.source_type, source_id=event.source_id, source_line_id=line.source_line_id,
            rule_version_id=plan.version.id, **dims))
    return lines


async def post_event(session: AsyncSession, *, actor: Actor, event: PostingEvent) -> list[Voucher]:
    """Write the vouchers every active rule produces for ``event``, in the caller's transaction.

    A rule posts a document once: a second attempt is refused by the database.
    """
    accounts, _ = await _chart(session)
    vouchers = []
    for plan in await _plans(session, event):
        record = PostingRecord(rule_id=plan.rule.id, rule_version_id=plan.version.id, source_type=event.source_type,
                               source_id=event.source_id)
        session.add(record)
        await session.flush()
        voucher = await ledger.record_voucher(
            session, actor=actor, day=event.date, summary=plan.voucher.summary,
            lines=_line_inputs(plan, event, accounts), origin=VoucherOrigin.RULE, post=plan.voucher.post,
            source_type=event.source_type, source_id=event.source_id)
        record.voucher_id = voucher.id
        vouchers.append(voucher)
    await session.flush()
    return vouchers


# ---------------------------------------------------------------- preview and replay


@dataclass
class PreviewLine:
    account: Account
    side: Direction
    amount: Decimal
    summary: str
    dimensions: dict[str, Any]
    source_line_id: int | None


@dataclass
class PreviewVoucher:
    rule: PostingRule
    version: PostingRuleVersion
    summary: str
    post: bool
    lines: list[PreviewLine]


async def preview(session: AsyncSession, *, actor: Actor, document_type: DocumentType, source_id: int,
                  definition: Any = None, rule_id: int | None = None) -> list[PreviewVoucher]:
    """The vouchers the rules would write for a document, without writing anything.

    With ``definition`` (and ``rule_id``), tries an unsaved rule version instead.
    """
    if not policies.can_read(actor):
        raise denied()
    if document_type.event_type is None:
        raise invalid("documentId", "该类单据不生成凭证", "this kind of document does not post")
    event = await stored_event(session, document_type, source_id)
    if event is None:
        raise not_found("documentId")
    accounts, leaves = await _chart(session)
    override = None
    if definition is not None:
        rule = await session.get(PostingRule, rule_id) if rule_id else None
        if rule is None:
            raise not_found("ruleId")
        check_definition(copy.deepcopy(definition), rule.event_type, accounts, leaves)
        override = PostingRuleVersion(id=0, rule_id=rule.id, version=0, definition=definition, note="")
    by_id = {a.id: a for a in accounts.values()}
    result = []
    for plan in await _plans(session, event, override):
        lines = _line_inputs(plan, event, accounts)
        result.append(PreviewVoucher(plan.rule, plan.version, plan.voucher.summary, plan.voucher.post, [
            PreviewLine(by_id[li.account_id], gen.side, gen.amount, gen.summary, gen.dimensions, gen.source_line_id)
            for li, gen in zip(lines, plan.voucher.lines, strict=True)]))
    return result


class ReplayStatus(enum.StrEnum):
    SAME = "SAME"
    CHANGED = "CHANGED"
    NEW = "NEW"  # the version would post, nothing was
    GONE = "GONE"  # posted, the version would not


@dataclass(frozen=True, order=True)
class ReplayLine:
    account_code: str
    side: str
    amount: Decimal
    source_line_id: int = 0  # 0: a document-scope line


@dataclass
class ReplayDifference:
    document_type: DocumentType
    source_id: int
    number: str
    status: ReplayStatus
    posted: list[ReplayLine]
    replayed: list[ReplayLine]


async def replay(session: AsyncSession, *, actor: Actor, rule_version_id: int, period: str) -> list[ReplayDifference]:
    """Run a rule version over the period's events of its type and compare, line by line, with what was posted."""
    if not policies.can_read(actor):
        raise denied()
    version = await session.get(PostingRuleVersion, rule_version_id)
    if version is None:
        raise not_found("ruleVersionId")
    rule = await session.get(PostingRule, version.rule_id)
    assert rule is not None
    year, month = ledger.parse_period(period)
    document_type = manifest.document_type_for_event(rule.event_type)
    assert document_type is not None
    model, source_type = document_type.model, document_type.code
    date_column = getattr(model, document_type.event_date)
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    docs = (await session.execute(select(model).where(date_column >= start, date_column < end).order_by(model.id))
            ).scalars().all()
    accounts, _ = await _chart(session)
    by_id = {a.id: a.code for a in accounts.values()}
    diffs = []
    for doc in docs:
        event = posting_event(await event_of(session, doc))
        plans = await _plans(session, event, version)
        replayed = sorted(ReplayLine(line.account_code, line.side.value, line.amount, line.source_line_id or 0)
                          for plan in plans for line in plan.voucher.lines)
        record = (await session.execute(select(PostingRecord).where(
            PostingRecord.rule_id == rule.id, PostingRecord.source_type == source_type,
            PostingRecord.source_id == doc.id))).scalar_one_or_none()
        posted: list[ReplayLine] = []
        if record is not None and record.voucher_id is not None:
            rows = (await session.execute(select(VoucherLine).where(VoucherLine.voucher_id == record.voucher_id))
                    ).scalars().all()
            posted = sorted(ReplayLine(by_id[r.account_id], "DEBIT" if r.debit else "CREDIT", r.debit or r.credit,
                                       r.source_line_id or 0) for r in rows)
        status = (ReplayStatus.SAME if posted == replayed else ReplayStatus.NEW if not posted
                  else ReplayStatus.GONE if not replayed else ReplayStatus.CHANGED)
        diffs.append(ReplayDifference(document_type, doc.id, doc.number, status, posted, replayed))
    return diffs
