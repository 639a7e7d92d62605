"""Use cases of the books: accounts, fiscal periods and vouchers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.ledger import errors, policies
from yecai.ledger.chart import STANDARD_CHART, parent_code
from yecai.ledger.models import (
    Account,
    AccountType,
    Dimension,
    Direction,
    FiscalPeriod,
    PeriodStatus,
    Voucher,
    VoucherLine,
    VoucherOrigin,
    VoucherState,
)
from yecai.org.models import Department

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999999.99")
MAX_LINES = 500

# ---------------------------------------------------------------- accounts


async def ensure_standard_chart(session: AsyncSession, *, actor: Actor) -> int:
    """Create the standard accounts missing from this database; edited ones are left alone."""
    existing = {a.code: a for a in (await session.execute(select(Account))).scalars()}
    codes = {a.code for a in STANDARD_CHART} | set(existing)
    created = 0
    for spec in STANDARD_CHART:
        if spec.code in existing:
            continue
        parent = parent_code(spec.code, codes)
        account = Account(code=spec.code, name=spec.name, type=spec.type, direction=spec.direction,
                          parent_id=existing[parent].id if parent else None, dimensions=list(spec.dimensions),
                          active=True)
        session.add(account)
        await session.flush()
        existing[spec.code] = account
        created += 1
    if created:
        await audit.record(session, actor=actor, action="account.seed_standard_chart", subject_type="account",
                           after={"created": created})
    return created


def accounts_query(*, actor: Actor, search: str | None = None, active: bool | None = None) -> Select[tuple[Account]]:
    if not policies.can_read(actor):
        raise denied()
    stmt = select(Account)
    if search:
        term = v.required_text(search, "search", max_len=50)
        stmt = stmt.where((Account.code.startswith(term)) | (Account.name.contains(term)))
    if active is not None:
        stmt = stmt.where(Account.active == active)
    return stmt


def _dimensions(values: Sequence[str], field_name: str) -> list[str]:
    result = []
    for value in values:
        try:
            result.append(Dimension(value).value)
        except ValueError:
            raise invalid(field_name, f"未知的辅助核算 {value[:20]}", f"unknown dimension {value[:20]}") from None
    return sorted(set(result))


async def create_account(session: AsyncSession, *, actor: Actor, code: str, name: str,
                         type: AccountType | str | None = None, direction: Direction | str | None = None,
                         dimensions: Sequence[str] = ()) -> Account:
    """Add an account; a sub-account (e.g. 660104 under 6601) takes its parent's type and direction by default."""
    if not policies.can_manage_accounts(actor):
        raise denied()
    account_code = v.required_text(code, "code", max_len=20)
    if not account_code.isdigit() or len(account_code) % 2 or len(account_code) < 4:
        raise invalid("code", "应为 4 位一级科目编码加每级 2 位数字", "must be 4 digits plus 2 digits per level")
    account_name = v.name(name, "name", max_len=100)
    if (await session.execute(select(Account.id).where(Account.code == account_code))).first():
        raise DomainError(errors.ACCOUNT_CODE_TAKEN, field="code")
    codes = set((await session.execute(select(Account.code))).scalars())
    parent_key = parent_code(account_code, codes)
    parent = (await session.execute(select(Account).where(Account.code == parent_key))).scalar_one_or_none() \
        if parent_key else None
    if len(account_code) > 4 and parent is None:
        raise invalid("code", "上级科目不存在", "its parent account does not exist")
    try:
        account_type = AccountType(type) if type else (parent.type if parent else None)
        account_direction = Direction(direction) if direction else (parent.direction if parent else None)
    except ValueError:
        raise invalid("type", "科目类型或余额方向无效", "unknown account type or direction") from None
    if account_type is None:
        raise invalid("type", "一级科目须指定科目类型", "a first-level account needs a type")
    if account_direction is None:
        raise invalid("direction", "一级科目须指定余额方向", "a first-level account needs a direction")
    if parent is not None:
        used = (await session.execute(select(func.count()).where(VoucherLine.account_id == parent.id))).scalar_one()
        if used:
            raise invalid("code", "上级科目已有发生额，不能再增加下级科目",
                          "the parent account already has entries")
    account = Account(code=account_code, name=account_name, type=account_type, direction=account_direction,
                      parent_id=parent.id if parent else None, dimensions=_dimensions(dimensions, "dimensions"),
                      active=True)
    session.add(account)
    await session.flush()
    await audit.record(session, actor=actor, action="account.create", subject_type="account", subject_id=account.id,
                       after=audit.snapshot(account))
    return account


async def update_account(session: AsyncSession, *, actor: Actor, account_id: int, name: str | None = None,
                         active: bool | None = None, dimensions: Sequence[str] | None = None) -> Account:
    """Rename an account, (de)activate it, or change the dimensions it requires."""
    if not policies.can_manage_accounts(actor):
        raise denied()
    account = await session.get(Account, account_id)
    if account is None:
        raise not_found()
    before = audit.snapshot(account)
    if name is not None:
        account.name = v.name(name, "name", max_len=100)
    if active is not None:
        account.active = active
    if dimensions is not None:
        account.dimensions = _dimensions(dimensions, "dimensions")
    await session.flush()
    after = audit.snapshot(account)
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="account.update", subject_type="account",
                           subject_id=account.id, before=before, after=after)
    return account


async def accounts_by_code(session: AsyncSession, codes: Sequence[str]) -> dict[str, Account]:
    rows = await session.execute(select(Account).where(Account.code.in_(list(set(codes)))))
    return {a.code: a for a in rows.scalars()}


# ---------------------------------------------------------------- periods


def period_code(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def parse_period(value: str, field_name: str = "period") -> tuple[int, int]:
    try:
        year_text, month_text = value.split("-")
        year, month = int(year_text), int(month_text)
        if len(year_text) != 4 or not 1 <= month <= 12 or not 1900 <= year <= 2999:
            raise ValueError
    except (ValueError, AttributeError):
        raise invalid(field_name, "应为 YYYY-MM 格式的期间", "must be a period like 2026-11") from None
    return year, month


async def get_period(session: AsyncSession, code: str, field_name: str = "period") -> FiscalPeriod:
    year, month = parse_period(code, field_name)
    period = (await session.execute(select(FiscalPeriod).where(FiscalPeriod.code == period_code(year, month)))
              ).scalar_one_or_none()
    if period is None:
        raise DomainError(errors.PERIOD_NOT_OPEN, field=field_name)
    return period


def periods_query(*, actor: Actor) -> Select[tuple[FiscalPeriod]]:
    if not policies.can_read(actor):
        raise denied()
    return select(FiscalPeriod)


async def open_period(session: AsyncSession, *, actor: Actor, period: str) -> FiscalPeriod:
    """Open a month for posting (creating it), or reopen a closed one."""
    if not policies.can_manage_periods(actor):
        raise denied()
    year, month = parse_period(period)
    code = period_code(year, month)
    existing = (await session.execute(select(FiscalPeriod).where(FiscalPeriod.code == code))).scalar_one_or_none()
    if existing is not None:
        if existing.status == PeriodStatus.OPEN:
            return existing
        existing.status, existing.closed_at, existing.closed_by_id = PeriodStatus.OPEN, None, None
        await session.flush()
        await audit.record(session, actor=actor, action="fiscal_period.reopen", subject_type="fiscal_period",
                           subject_id=existing.id, after={"code": code})
        return existing
    created = FiscalPeriod(code=code, year=year, month=month, status=PeriodStatus.OPEN, last_voucher_number=0)
    session.add(created)
    await session.flush()
    await audit.record(session, actor=actor, action="fiscal_period.open", subject_type="fiscal_period",
                       subject_id=created.id, after={"code": code})
    return created


async def close_period(session: AsyncSession, *, actor: Actor, period: str) -> FiscalPeriod:
    """Close a month: no more posting into it. Every voucher in it must be posted first."""
    if not policies.can_manage_periods(actor):
        raise denied()
    fiscal = await get_period(session, period)
    if fiscal.status == PeriodStatus.CLOSED:
        return fiscal
    pending = (await session.execute(select(func.count()).where(
        Voucher.period_id == fiscal.id, Voucher.state != VoucherState.POSTED))).scalar_one()
    if pending:
        raise DomainError(errors.PERIOD_HAS_DRAFTS, field="period",
                          zh=f"期间内还有 {pending} 张未记账凭证，不能结账", en=f"{pending} vouchers are not posted yet")
    fiscal.status, fiscal.closed_at, fiscal.closed_by_id = PeriodStatus.CLOSED, utcnow(), actor.user_id
    await session.flush()
    await audit.record(session, actor=actor, action="fiscal_period.close", subject_type="fiscal_period",
                       subject_id=fiscal.id, after={"code": fiscal.code})
    return fiscal


async def open_period_for(session: AsyncSession, day: date, field_name: str = "date") -> FiscalPeriod:
    """The open period a voucher dated ``day`` belongs to; a clear error when there is none."""
    code = period_code(day.year, day.month)
    period = (await session.execute(select(FiscalPeriod).where(FiscalPeriod.code == code))).scalar_one_or_none()
    if period is None:
        raise DomainError(errors.PERIOD_NOT_OPEN, field=field_name, zh=f"会计期间 {code} 未开启",
                          en=f"the fiscal period {code} is not open")
    if period.status != PeriodStatus.OPEN:
        raise DomainError(errors.PERIOD_CLOSED, field=field_name, zh=f"会计期间 {code} 已结账",
                          en=f"the fiscal period {code} is closed")
    return period


# ---------------------------------------------------------------- vouchers


@dataclass(frozen=True)
class LineInput:
    """One line to record: an account, one side's amount, dimensions and (for generated lines) its source."""

    account_id: int
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    summary: str | None = None
    customer_id: int | None = None
    supplier_id: int | None = None
    department_id: int | None = None
    product_id: int | None = None
    project: str | None = None
    source_type: str | None = None
    source_id: int | None = None
    source_line_id: int | None = None
    rule_version_id: int | None = None


def _amount(value: Decimal, field_name: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise invalid(field_name, "金额无效", "is not a valid amount")
    if value < 0:
        raise invalid(field_name, "金额不能为负数", "must not be negative")
    if value > MAX_AMOUNT:  # before rounding: 1E+30 cannot be rounded to the fen at all
        raise invalid(field_name, "金额过大", "is too large")
    if value != value.quantize(CENT):
        raise invalid(field_name, "金额最多两位小数", "must have at most two decimal places")
    return value.quantize(CENT)


async def _check_lines(session: AsyncSession, lines: Sequence[LineInput]) -> dict[int, Account]:
    if len(lines) < 2:
        raise invalid("lines", "凭证至少需要两条分录", "a voucher needs at least two lines")
    if len(lines) > MAX_LINES:
        raise invalid("lines", f"凭证最多 {MAX_LINES} 条分录", f"a voucher has at most {MAX_LINES} lines")
    account_ids = {line.account_id for line in lines}
    accounts = {a.id: a for a in (await session.execute(select(Account).where(Account.id.in_(account_ids)))).scalars()}
    parents = set((await session.execute(select(Account.parent_id).where(
        Account.parent_id.in_(account_ids)))).scalars())
    department_ids = {line.department_id for line in lines if line.department_id is not None}
    known_departments = set((await session.execute(select(Department.id).where(
        Department.id.in_(department_ids)))).scalars()) if department_ids else set()
    debit = credit = ZERO
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        account = accounts.get(line.account_id)
        if account is None:
            raise not_found(f"{where}.accountId")
        if not account.active:
            raise DomainError(errors.ACCOUNT_INACTIVE, field=f"{where}.accountId",
                              zh=f"{where}：科目 {account.code} {account.name} 已停用",
                              en=f"{where}: account {account.code} is inactive")
        if account.id in parents:
            raise DomainError(errors.ACCOUNT_NOT_LEAF, field=f"{where}.accountId",
                              zh=f"{where}：科目 {account.code} {account.name} 有下级科目，请使用末级科目",
                              en=f"{where}: account {account.code} has sub-accounts; use one of them")
        d = _amount(line.debit, f"{where}.debit")
        c = _amount(line.credit, f"{where}.credit")
        if (d == 0) == (c == 0):
            raise invalid(where, "每条分录须且只能填写借方或贷方金额", "each line has either a debit or a credit")
        values = {"CUSTOMER": line.customer_id, "SUPPLIER": line.supplier_id, "DEPARTMENT": line.department_id,
                  "PRODUCT": line.product_id, "PROJECT": line.project}
        for dimension in account.dimensions or []:
            if values.get(dimension) in (None, ""):
                raise DomainError(errors.DIMENSION_REQUIRED, field=f"{where}.{dimension.lower()}",
                                  zh=f"{where}：科目 {account.code} 需要辅助核算 {dimension}",
                                  en=f"{where}: account {account.code} requires the {dimension} dimension")
        if line.department_id is not None and line.department_id not in known_departments:
            raise not_found(f"{where}.departmentId")
        if line.summary is not None:
            v.text(line.summary, f"{where}.summary", max_len=200, min_len=0, required=False)
        debit += d
        credit += c
    if debit != credit:
        raise DomainError(errors.UNBALANCED, field="lines", zh=f"借贷不平衡：借方 {debit}，贷方 {credit}",
                          en=f"debits {debit} do not equal credits {credit}")
    return accounts


async def record_voucher(
    session: AsyncSession, *, actor: Actor, day: date, summary: str, lines: Sequence[LineInput],
    origin: VoucherOrigin = VoucherOrigin.MANUAL, post: bool = False, source_type: str | None = None,
    source_id: int | None = None, reversal_of_id: int | None = None,
) -> Voucher:
    """Write a balanced voucher into the open period of ``day``; posted at once when ``post``.

    The building block of manual vouchers, generated vouchers and reversals: callers check
    their own permissions first.
    """
    text = v.required_text(summary, "summary", max_len=200)
    period = await open_period_for(session, day)
    await _check_lines(session, lines)
    # Numbers are handed out by the period row, which also serialises concurrent writers.
    number = (await session.execute(
        update(FiscalPeriod).where(FiscalPeriod.id == period.id)
        .values(last_voucher_number=FiscalPeriod.last_voucher_number + 1)
        .returning(FiscalPeriod.last_voucher_number)
    )).scalar_one()
    voucher = Voucher(period_id=period.id, word="记", number=number, date=day, summary=text,
                      state=VoucherState.DRAFT, origin=origin, preparer_id=actor.user_id, source_type=source_type,
                      source_id=source_id, reversal_of_id=reversal_of_id)
    session.add(voucher)
    await session.flush()
    session.add_all([
        VoucherLine(voucher_id=voucher.id, line_no=i + 1, summary=(line.summary or text)[:200],
                    account_id=line.account_id, debit=line.debit.quantize(CENT), credit=line.credit.quantize(CENT),
                    customer_id=line.customer_id, supplier_id=line.supplier_id, department_id=line.department_id,
                    product_id=line.product_id, project=line.project, source_type=line.source_type,
                    source_id=line.source_id, source_line_id=line.source_line_id,
                    rule_version_id=line.rule_version_id)
        for i, line in enumerate(lines)
    ])
    await session.flush()
    if post:
        voucher.state = VoucherState.POSTED
        voucher.poster_id = actor.user_id
        voucher.posted_at = utcnow()
        await session.flush()
    await session.refresh(voucher, ["total_debit", "total_credit"])
    await audit.record(session, actor=actor, action="voucher.create", subject_type="voucher", subject_id=voucher.id,
                       after=await voucher_snapshot(session, voucher))
    return voucher


async def voucher_snapshot(session: AsyncSession, voucher: Voucher) -> dict[str, object]:
    lines = (await session.execute(select(VoucherLine).where(VoucherLine.voucher_id == voucher.id)
                                   .order_by(VoucherLine.line_no))).scalars().all()
    return audit.snapshot(voucher, extra={"lines": [audit.snapshot(line) for line in lines]})


async def create_voucher(session: AsyncSession, *, actor: Actor, day: date, summary: str,
                         lines: Sequence[LineInput]) -> Voucher:
    """Prepare a manual voucher (draft) for review."""
    if not policies.can_prepare(actor):
        raise denied()
    return await record_voucher(session, actor=actor, day=day, summary=summary, lines=lines,
                                origin=VoucherOrigin.MANUAL)


async def _voucher(session: AsyncSession, voucher_id: int) -> Voucher:
    voucher = await session.get(Voucher, voucher_id)
    if voucher is None:
        raise not_found()
    return voucher


async def review_voucher(session: AsyncSession, *, actor: Actor, voucher_id: int) -> Voucher:
    """Review a draft voucher; the reviewer must not be its preparer."""
    if not policies.reviews_vouchers(actor):
        raise denied()
    voucher = await _voucher(session, voucher_id)
    if voucher.state != VoucherState.DRAFT:
        raise DomainError(errors.WRONG_STATE, field="id")
    if policies.prepared(actor, voucher):
        raise DomainError(errors.SAME_PREPARER, field="id")
    assert policies.can_review(actor, voucher)
    await open_period_for(session, voucher.date, "id")
    voucher.state, voucher.reviewer_id, voucher.reviewed_at = VoucherState.REVIEWED, actor.user_id, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="voucher.review", subject_type="voucher", subject_id=voucher.id,
                       before={"state": "DRAFT"}, after={"state": "REVIEWED"})
    return voucher


async def unreview_voucher(session: AsyncSession, *, actor: Actor, voucher_id: int) -> Voucher:
    """Send a reviewed voucher back to draft."""
    voucher = await _voucher(session, voucher_id)
    if not policies.can_unreview(actor, voucher):
        if voucher.state != VoucherState.REVIEWED and policies.can_read(actor):
            raise DomainError(errors.WRONG_STATE, field="id")
        raise denied()
    voucher.state, voucher.reviewer_id, voucher.reviewed_at = VoucherState.DRAFT, None, None
    await session.flush()
    await audit.record(session, actor=actor, action="voucher.unreview", subject_type="voucher",
                       subject_id=voucher.id, before={"state": "REVIEWED"}, after={"state": "DRAFT"})
    return voucher


async def post_voucher(session: AsyncSession, *, actor: Actor, voucher_id: int) -> Voucher:
    """Post a reviewed voucher into the books; from then on it never changes."""
    if not policies.posts_vouchers(actor):
        raise denied()
    voucher = await _voucher(session, voucher_id)
    if not policies.can_post(actor, voucher):
        raise DomainError(errors.WRONG_STATE, field="id")
    await open_period_for(session, voucher.date, "id")
    voucher.state, voucher.poster_id, voucher.posted_at = VoucherState.POSTED, actor.user_id, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="voucher.post", subject_type="voucher", subject_id=voucher.id,
                       before={"state": "REVIEWED"}, after={"state": "POSTED"})
    return voucher


async def delete_voucher(session: AsyncSession, *, actor: Actor, voucher_id: int) -> int:
    """Delete a draft voucher (its number is not reused)."""
    voucher = await _voucher(session, voucher_id)
    if not policies.can_prepare(actor):
        raise denied()
    if not policies.can_delete(actor, voucher):
        raise DomainError(errors.WRONG_STATE, field="id")
    before = await voucher_snapshot(session, voucher)
    lines = (await session.execute(select(VoucherLine).where(VoucherLine.voucher_id == voucher.id))).scalars().all()
    for line in lines:
        await session.delete(line)
    await session.flush()
    await session.delete(voucher)
    await session.flush()
    await audit.record(session, actor=actor, action="voucher.delete", subject_type="voucher", subject_id=voucher_id,
                       before=before)
    return voucher_id


async def reverse_voucher(session: AsyncSession, *, actor: Actor, voucher_id: int, day: date | None = None,
                          summary: str | None = None) -> Voucher:
    """Correct a posted voucher with a linked reversal: the same lines on the opposite sides, posted."""
    if not policies.posts_vouchers(actor):
        raise denied()
    original = await _voucher(session, voucher_id)
    if original.state != VoucherState.POSTED:
        raise DomainError(errors.WRONG_STATE, field="id")
    already = (await session.execute(select(Voucher.id).where(Voucher.reversal_of_id == original.id))).first()
    if already:
        raise DomainError(errors.ALREADY_REVERSED, field="id")
    if not policies.is_reversible(original, already_reversed=False):
        raise DomainError(errors.WRONG_STATE, field="id", zh="冲销凭证不能再被冲销", en="a reversal is not reversed")
    period = await session.get(FiscalPeriod, original.period_id)
    text = summary or f"冲销 {period.code if period else ''} {original.word}-{original.number:04d}：{original.summary}"
    lines = (await session.execute(select(VoucherLine).where(VoucherLine.voucher_id == original.id)
                                   .order_by(VoucherLine.line_no))).scalars().all()
    reversed_lines = [
        LineInput(account_id=line.account_id, debit=line.credit, credit=line.debit, summary=f"冲销：{line.summary}"[:200],
                  customer_id=line.customer_id, supplier_id=line.supplier_id, department_id=line.department_id,
                  product_id=line.product_id, project=line.project, source_type=line.source_type,
                  source_id=line.source_id, source_line_id=line.source_line_id, rule_version_id=line.rule_version_id)
        for line in lines
    ]
    return await record_voucher(session, actor=actor, day=day or original.date, summary=text[:200],
                                lines=reversed_lines, origin=VoucherOrigin.REVERSAL, post=True,
                                source_type=original.source_type, source_id=original.source_id,
                                reversal_of_id=original.id)


def vouchers_query(*, actor: Actor, period_id: int | None = None, state: VoucherState | None = None,
                   source_type: str | None = None, source_id: int | None = None) -> Select[tuple[Voucher]]:
    if not policies.can_read(actor):
        raise denied()
    stmt = select(Voucher)
    if period_id is not None:
        stmt = stmt.where(Voucher.period_id == period_id)
    if state is not None:
        stmt = stmt.where(Voucher.state == state)
    if source_type is not None:
        stmt = stmt.where(Voucher.source_type == source_type)
    if source_id is not None:
        stmt = stmt.where(Voucher.source_id == source_id)
    return stmt
