"""Automatic indicators (自动指标): each source computes one measure for every person or every department of a
period from the system's own records, with its formula and the records it counted (its evidence).

A source reads the whole period in a fixed number of SQL statements (one or a few per indicator, per document
type for the books' documents), never one per person: ``compute`` returns every key's measure at once. A key
with no records has no measure: "no data" (无数据), which the scorecard template's rule handles; nothing is
ever divided by zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.learning.models import Enrollment
from yecai.ledger.models import Account, VoucherLine
from yecai.meetings.models import ActionItem, ActionItemStatus, Attendance, AttendanceStatus, Meeting, MeetingState
from yecai.operations.models import DocumentState, ExpenseClaim
from yecai.performance.models import Subject
from yecai.posting.models import PostingRecord, PostingRule
from yecai.sharing.models import Feedback, Publication, PublicationState, Timeliness
from yecai.workdays.recurrence import local, utc

VALUE = Decimal("0.0001")


@dataclass
class Measure:
    """What one person's or department's records gave: how many were counted, how many met the measure."""

    counted: int = 0
    met: int = 0
    total: Decimal = Decimal(0)  # for means: the sum of the values
    evidence: list[list[Any]] = field(default_factory=list)  # [type, id, met, link type, link id]

    def add(self, met: bool, evidence: list[Any], amount: Decimal | None = None) -> None:
        """Count one record; ``evidence``: [type, id, link type, link id]."""
        self.counted += 1
        if met:
            self.met += 1
        if amount is not None:
            self.total += amount
        kind, pk, link, link_pk = evidence
        self.evidence.append([kind, pk, bool(met), link, link_pk])


Compute = Callable[..., Awaitable[dict[int, Measure]]]


@dataclass(frozen=True)
class Source:
    """One automatic indicator's source: its names, its formula (shown with every score) and how it computes."""

    code: str
    zh: str
    en: str
    formula_zh: str
    formula_en: str
    compute: Compute
    unit: str = "%"
    mean: bool = False  # the value is the mean of the amounts (else met / counted x 100)
    higher_is_better: bool = True
    subjects: tuple[Subject, ...] = (Subject.PERSON, Subject.DEPARTMENT)
    default_parameter: int | None = None

    def value(self, m: Measure | None) -> Decimal | None:
        if m is None or m.counted == 0:
            return None
        if self.mean:
            return (m.total / Decimal(m.counted)).quantize(VALUE)
        return (Decimal(m.met) * 100 / Decimal(m.counted)).quantize(VALUE)


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period's days in Asia/Shanghai as a UTC range [low, high)."""
    low = utc(datetime(start.year, start.month, start.day))
    following = end + timedelta(days=1)
    return low, utc(datetime(following.year, following.month, following.day))


def _measures() -> dict[int, Measure]:
    return defaultdict(Measure)


async def _rows(session: AsyncSession, stmt: Any) -> list[Any]:
    """Plain rows of a column SELECT, through the session's connection (no ORM loading: thousands of rows)."""
    return list((await (await session.connection()).execute(stmt)).all())


async def action_items_on_time(session: AsyncSession, *, start: date, end: date, subject: Subject,
                               parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    key = ActionItem.owner_id if subject == Subject.PERSON else ActionItem.department_id
    found = _measures()
    rows = await _rows(session,
        select(key, ActionItem.id, ActionItem.status, ActionItem.completed_at, ActionItem.due_on, ActionItem.meeting_id)
        .where(ActionItem.due_on >= start, ActionItem.due_on <= end,
               ActionItem.status != ActionItemStatus.CANCELLED.value, key.is_not(None)))
    for k, item_id, status, completed_at, due_on, meeting_id in rows:
        met = status == ActionItemStatus.DONE and completed_at is not None and local(completed_at).date() <= due_on
        found[k].add(met, ["ActionItem", item_id, "Meeting", meeting_id])
    return found


async def publications_on_time(session: AsyncSession, *, start: date, end: date, subject: Subject,
                               parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    low, high = bounds(start, end)
    key = Publication.responsible_id if subject == Subject.PERSON else Publication.department_id
    found = _measures()
    rows = await _rows(session,
        select(key, Publication.id, Publication.timeliness)
        .where(Publication.time_node >= low, Publication.time_node < high, key.is_not(None),
               or_(Publication.state != PublicationState.DUE.value, Publication.deadline < utcnow())))
    for k, pub_id, timeliness in rows:
        found[k].add(timeliness == Timeliness.ON_TIME, ["Publication", pub_id, "Publication", pub_id])
    return found


async def _feedback(session: AsyncSession, start: date, end: date, subject: Subject,
                    cache: dict[Any, Any] | None = None) -> list[Any]:
    """Feedback received in the period, once per computation (two indicators read it)."""
    if cache is not None and ("feedback", subject) in cache:
        return cache[("feedback", subject)]
    found = await _feedback_rows(session, start, end, subject)
    if cache is not None:
        cache[("feedback", subject)] = found
    return found


async def _feedback_rows(session: AsyncSession, start: date, end: date, subject: Subject) -> list[Any]:
    low, high = bounds(start, end)
    key = Publication.responsible_id if subject == Subject.PERSON else Publication.department_id
    return await _rows(session, (
        select(key, Feedback.id, Feedback.created_at, Feedback.answered_at, Feedback.publication_id)
        .join(Publication, Publication.id == Feedback.publication_id)
        .where(Feedback.created_at >= low, Feedback.created_at < high, key.is_not(None))))


async def feedback_answered(session: AsyncSession, *, start: date, end: date, subject: Subject,
                            parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    found = _measures()
    for k, fid, _created, answered_at, pub_id in await _feedback(session, start, end, subject, cache):
        found[k].add(answered_at is not None, ["Feedback", fid, "Publication", pub_id])
    return found


async def feedback_answer_hours(session: AsyncSession, *, start: date, end: date, subject: Subject,
                                parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    found = _measures()
    for k, fid, created, answered_at, pub_id in await _feedback(session, start, end, subject, cache):
        if answered_at is not None:
            hours = Decimal(int((answered_at - created).total_seconds())) / Decimal(3600)
            found[k].add(True, ["Feedback", fid, "Publication", pub_id], hours)
    return found


async def meeting_attendance(session: AsyncSession, *, start: date, end: date, subject: Subject,
                             parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    low, high = bounds(start, end)
    key = Attendance.user_id if subject == Subject.PERSON else User.department_id
    found = _measures()
    rows = await _rows(session,
        select(key, Attendance.meeting_id, Attendance.status)
        .join(Meeting, Meeting.id == Attendance.meeting_id).join(User, User.id == Attendance.user_id)
        .where(Meeting.starts_at >= low, Meeting.starts_at < high, Meeting.state != MeetingState.CANCELLED.value,
               Attendance.status.in_([AttendanceStatus.PRESENT.value, AttendanceStatus.ABSENT.value]),
               key.is_not(None)))
    for k, meeting_id, status in rows:
        found[k].add(status == AttendanceStatus.PRESENT, ["Meeting", meeting_id, "Meeting", meeting_id])
    return found


async def _documents(session: AsyncSession, start: date, end: date, subject: Subject,
                     cache: dict[Any, Any] | None = None) -> list[tuple[int, str, int, bool, bool]]:
    """The period's documents, once per computation (two indicators read them)."""
    if cache is not None and ("documents", subject) in cache:
        return cache[("documents", subject)]
    found = await _document_rows(session, start, end, subject)
    if cache is not None:
        cache[("documents", subject)] = found
    return found


async def _document_rows(session: AsyncSession, start: date, end: date, subject: Subject
                         ) -> list[tuple[int, str, int, bool, bool]]:
    """Every book-touching document of the period: (key, type name, id, posted by every rule, lines complete)."""
    rules = (await session.execute(select(PostingRule.id, PostingRule.event_type)
                                   .where(PostingRule.active.is_(True)))).all()
    required: dict[str, list[int]] = defaultdict(list)
    for account_id, dimensions in (await session.execute(select(Account.id, Account.dimensions))).all():
        for d in dimensions or []:
            required[d].append(account_id)
    columns = {"CUSTOMER": VoucherLine.customer_id, "SUPPLIER": VoucherLine.supplier_id,
               "DEPARTMENT": VoucherLine.department_id, "PRODUCT": VoucherLine.product_id,
               "PROJECT": VoucherLine.project}
    missing_dimension = [VoucherLine.account_id.in_(ids) & columns[d].is_(None) for d, ids in required.items()
                         if d in columns]
    found: list[tuple[int, str, int, bool, bool]] = []
    for t in manifest.document_types():
        rule_ids = {r for r, event in rules if event == t.event_type}
        if t.event_type is None or not rule_ids:
            continue
        model, day = t.model, getattr(t.model, t.event_date)
        key = model.created_by_id if subject == Subject.PERSON else model.department_id
        docs = await _rows(session, select(key, model.id).where(
            day.is_not(None), day >= start, day <= end, key.is_not(None),
            model.state != DocumentState.CANCELLED.value))
        if not docs:
            continue
        in_period = select(model.id).where(day.is_not(None), day >= start, day <= end)
        posted: dict[int, set[int]] = defaultdict(set)
        for rule_id, source_id in await _rows(session, select(PostingRecord.rule_id, PostingRecord.source_id).where(
                PostingRecord.source_type == t.code, PostingRecord.voucher_id.is_not(None),
                PostingRecord.source_id.in_(in_period))):
            posted[source_id].add(rule_id)
        faulty: set[int] = set()
        if missing_dimension:
            faulty = {r[0] for r in await _rows(session, select(VoucherLine.source_id).distinct().where(
                VoucherLine.source_type == t.code, VoucherLine.source_id.in_(in_period),
                or_(*missing_dimension)))}
        for k, doc_id in docs:
            found.append((k, t.name, doc_id, rule_ids <= posted[doc_id], doc_id not in faulty))
    return found


async def documents_without_exceptions(session: AsyncSession, *, start: date, end: date, subject: Subject,
                                       parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    found = _measures()
    for k, type_name, doc_id, complete, clean in await _documents(session, start, end, subject, cache):
        found[k].add(complete and clean, [type_name, doc_id, type_name, doc_id])
    return found


async def documents_posted_automatically(session: AsyncSession, *, start: date, end: date, subject: Subject,
                                         parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    found = _measures()
    for k, type_name, doc_id, complete, _clean in await _documents(session, start, end, subject, cache):
        found[k].add(complete, [type_name, doc_id, type_name, doc_id])
    return found


async def claims_approved_within(session: AsyncSession, *, start: date, end: date, subject: Subject,
                                 parameter: int | None = None, cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    low, high = bounds(start, end)
    days = timedelta(days=parameter if parameter is not None else 3)
    key = ExpenseClaim.approver_id if subject == Subject.PERSON else ExpenseClaim.department_id
    found = _measures()
    rows = await _rows(session,
        select(key, ExpenseClaim.id, ExpenseClaim.created_at, ExpenseClaim.approved_at)
        .where(ExpenseClaim.created_at >= low, ExpenseClaim.created_at < high, key.is_not(None),
               ExpenseClaim.state.not_in([DocumentState.DRAFT.value, DocumentState.CANCELLED.value,
                                          DocumentState.REJECTED.value])))
    for k, claim_id, created_at, approved_at in rows:
        met = approved_at is not None and approved_at - created_at <= days
        found[k].add(met, ["ExpenseClaim", claim_id, "ExpenseClaim", claim_id])
    return found


async def required_training_completed(session: AsyncSession, *, start: date, end: date, subject: Subject,
                                     parameter: int | None = None,
                                     cache: dict[Any, Any] | None = None) -> dict[int, Measure]:
    """Required courses due in the period (learning's assignments), completed by the end of their due day."""
    key = Enrollment.user_id if subject == Subject.PERSON else Enrollment.department_id
    found = _measures()
    rows = await _rows(session,
        select(key, Enrollment.id, Enrollment.due_on, Enrollment.completed_at, Enrollment.course_id)
        .where(Enrollment.required.is_(True), Enrollment.due_on >= start, Enrollment.due_on <= end, key.is_not(None)))
    for k, enrollment_id, due_on, completed_at, course_id in rows:
        met = completed_at is not None and local(completed_at).date() <= due_on
        found[k].add(met, ["Enrollment", enrollment_id, "Course", course_id])
    return found


SOURCES: tuple[Source, ...] = (
    Source("ACTION_ITEMS_ON_TIME", "待办事项按时完成率", "Action items done on time",
           "按时完成的待办事项数 ÷ 截止日在周期内且未取消的待办事项数 × 100（完成时间按北京时间不晚于截止日）",
           "action items done by their due day (Asia/Shanghai) ÷ action items due in the cycle, not cancelled, × 100",
           action_items_on_time),
    Source("PUBLICATIONS_ON_TIME", "信息按时发布率", "Publications on time",
           "按时发布数 ÷ 时间节点在周期内且已到截止时间或已发布的发布数 × 100（按负责人/来源部门）",
           "publications on time ÷ publications whose time node is in the cycle and that are published or past "
           "their deadline × 100 (by responsible person / source department)", publications_on_time),
    Source("FEEDBACK_ANSWERED", "反馈答复率", "Feedback answered",
           "已答复的反馈数 ÷ 周期内收到的反馈数 × 100（发布的负责人）",
           "feedback answered ÷ feedback received in the cycle × 100 (the publication's responsible person)",
           feedback_answered),
    Source("FEEDBACK_ANSWER_HOURS", "反馈平均答复时长", "Feedback answer time",
           "已答复反馈的（答复时间 − 提出时间）之和 ÷ 已答复反馈数，单位小时",
           "sum of (answered at − asked at) over answered feedback ÷ answered feedback, in hours",
           feedback_answer_hours, unit="小时", mean=True, higher_is_better=False),
    Source("MEETING_ATTENDANCE", "会议出席率", "Meeting attendance",
           "出席次数 ÷（出席 + 缺席）次数 × 100（周期内未取消的会议；请假不计）",
           "present ÷ (present + absent) × 100 over the cycle's meetings not cancelled (excused not counted)",
           meeting_attendance),
    Source("DOCUMENTS_WITHOUT_EXCEPTIONS", "单据无数据质量问题率", "Documents without data-quality exceptions",
           "各适用记账规则均已生成凭证且凭证分录辅助核算齐全的单据数 ÷ 周期内涉及账簿的单据数 × 100（按制单人/部门）",
           "documents every applicable posting rule posted and whose voucher lines carry every required dimension ÷ "
           "the cycle's documents that touch the books × 100 (by who created them / department)",
           documents_without_exceptions),
    Source("DOCUMENTS_POSTED_AUTOMATICALLY", "单据自动记账占比", "Documents posted automatically",
           "由记账规则自动生成凭证的单据数 ÷ 周期内涉及账簿的单据数 × 100",
           "documents whose vouchers the posting rules made ÷ the cycle's documents that touch the books × 100",
           documents_posted_automatically, subjects=(Subject.DEPARTMENT, Subject.PERSON)),
    Source("CLAIMS_APPROVED_WITHIN_DAYS", "费用报销 N 天内审批率", "Expense claims approved within N days",
           "提交后 N 天内审批的费用报销数 ÷ 周期内提交的（未驳回、未取消）费用报销数 × 100（个人：审批人；部门：报销部门）",
           "claims approved within N days of submission ÷ claims submitted in the cycle (not rejected or cancelled) "
           "× 100 (person: the approver; department: the claim's department)", claims_approved_within,
           default_parameter=3),
    Source("REQUIRED_TRAINING_COMPLETED", "必修课程按时完成率", "Required training completed",
           "截止日前（北京时间当日结束前）完成的必修课程数 ÷ 截止日在周期内的必修课程数 × 100（部门：报名时所在部门）",
           "required courses completed by the end of their due day (Asia/Shanghai) ÷ required courses due in the "
           "cycle × 100 (department: the learner's when enrolled)", required_training_completed),
)


def source(code: str | None) -> Source | None:
    return next((s for s in SOURCES if s.code == code), None)
