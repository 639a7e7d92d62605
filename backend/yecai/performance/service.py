"""Use cases of performance: evaluation cycles (考核周期) through their states, the indicator library, scorecard
templates, assessments and HR's calibration.

Each takes ``session`` and ``actor`` keyword-only, checks its policy first, validates (errors name the field),
changes, records an audit event; nothing commits here. Computing the scorecards is in ``compute``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import Role, User, UserRole
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings.access import department_tree
from yecai.meetings.service import optional_text
from yecai.org.models import Department
from yecai.performance import access, compute, errors, indicators, policies, scoring
from yecai.performance.models import (
    CYCLE_ORDER,
    Assessment,
    BandKind,
    CycleKind,
    CycleState,
    EvaluationCycle,
    Indicator,
    IndicatorKind,
    NoDataRule,
    Rater,
    Relation,
    Scorecard,
    ScorecardTemplate,
    Subject,
    TemplateIndicator,
)
from yecai.workdays.recurrence import local

MAX_LINES = 30


# ---------------------------------------------------------------- cycles


@dataclass(frozen=True)
class CycleInput:
    name: str
    kind: CycleKind
    period_start: date
    period_end: date
    self_assessment_due: date
    manager_assessment_due: date
    calibration_due: date
    forced_distribution: dict[str, Any] | None = None


def cycles_query(*, actor: Actor) -> Select[tuple[EvaluationCycle]]:
    """Cycles: HR sees drafts too; everyone else the cycles that are open or past."""
    if not policies.can_read(actor):
        raise denied()
    stmt = select(EvaluationCycle)
    if not policies.can_manage(actor):
        stmt = stmt.where(EvaluationCycle.state != CycleState.DRAFT.value)
    return stmt


def _checked_cycle(data: CycleInput) -> dict[str, Any]:
    name = v.name(data.name, "name", max_len=200)
    if data.period_end < data.period_start:
        raise invalid("periodEnd", "不能早于开始日期", "must not be before periodStart")
    if (data.period_end - data.period_start).days > 366:
        raise invalid("periodEnd", "周期最长一年", "a cycle covers at most a year")
    if data.self_assessment_due < data.period_start:
        raise invalid("selfAssessmentDue", "不能早于周期开始", "must not be before periodStart")
    if data.manager_assessment_due < data.self_assessment_due:
        raise invalid("managerAssessmentDue", "不能早于自评截止日", "must not be before selfAssessmentDue")
    if data.calibration_due < data.manager_assessment_due:
        raise invalid("calibrationDue", "不能早于上级评分截止日", "must not be before managerAssessmentDue")
    return dict(name=name, kind=CycleKind(data.kind), period_start=data.period_start, period_end=data.period_end,
                self_assessment_due=data.self_assessment_due, manager_assessment_due=data.manager_assessment_due,
                calibration_due=data.calibration_due,
                forced_distribution=scoring.check_distribution(data.forced_distribution))


async def create_evaluation_cycle(session: AsyncSession, *, actor: Actor, data: CycleInput) -> EvaluationCycle:
    """Set up an evaluation cycle (考核周期) in draft: its period, deadlines and optional forced distribution."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = EvaluationCycle(**_checked_cycle(data), state=CycleState.DRAFT, created_by_id=actor.user_id)
    session.add(cycle)
    await session.flush()
    await audit.record(session, actor=actor, action="evaluation_cycle.create", subject_type="evaluation_cycle",
                       subject_id=cycle.id, after=audit.snapshot(cycle))
    return cycle


async def _cycle(session: AsyncSession, actor: Actor, cycle_id: int, *, lock: bool = False) -> EvaluationCycle:
    stmt = select(EvaluationCycle).where(EvaluationCycle.id == cycle_id)
    if lock:
        stmt = stmt.with_for_update()
    cycle = (await session.execute(stmt)).scalar_one_or_none()
    if cycle is None or (cycle.state == CycleState.DRAFT and not policies.can_manage(actor)) or not (
            policies.can_read(actor)):
        raise not_found()
    return cycle


async def _templates_for(session: AsyncSession) -> tuple[list[tuple[int, int | None, int]], list[tuple[int, int]]]:
    """Who gets which template: [(user id, department id, template id)] and [(department id, template id)].

    A person gets the most specific active person template: one naming a role they hold and their department
    (or the nearest above it) before one naming only the department, before one naming only the role, before
    one naming neither. A department gets the nearest department template in the same way.
    """
    tree = await department_tree(session)
    templates = list((await session.execute(select(ScorecardTemplate).where(
        ScorecardTemplate.active.is_(True)).order_by(ScorecardTemplate.id))).scalars())
    roles: dict[int, set[str]] = {}
    for user_id, code in (await session.execute(select(UserRole.user_id, Role.code)
                                                .join(Role, Role.id == UserRole.role_id))).all():
        roles.setdefault(user_id, set()).add(code)

    def depth(t: ScorecardTemplate, department_id: int | None) -> int | None:
        """How near the template's department is (larger: nearer); None: it does not apply."""
        if t.department_id is None:
            return 0
        path, node = [], department_id
        while node is not None and node not in path:
            path.append(node)
            node = tree.get(node)
        return len(path) + 1 - path.index(t.department_id) if t.department_id in path else None

    def pick(candidates: list[tuple[tuple[int, ...], int]]) -> int | None:
        return max(candidates)[1] if candidates else None

    people: list[tuple[int, int | None, int]] = []
    for user_id, department_id in (await session.execute(select(User.id, User.department_id).where(
            User.active.is_(True)).order_by(User.id))).all():
        mine = roles.get(user_id, set())
        found = []
        for t in templates:
            if t.subject != Subject.PERSON or (t.role_code is not None and t.role_code not in mine):
                continue
            d = depth(t, department_id)
            if d is not None:
                found.append(((d, t.role_code is not None, -t.id), t.id))
        chosen = pick(found)
        if chosen is not None:
            people.append((user_id, department_id, chosen))
    departments: list[tuple[int, int]] = []
    for (department_id,) in (await session.execute(select(Department.id).where(
            Department.active.is_(True)).order_by(Department.id))).all():
        found = [((d, -t.id), t.id) for t in templates if t.subject == Subject.DEPARTMENT
                 and (d := depth(t, department_id)) is not None]
        chosen = pick(found)
        if chosen is not None:
            departments.append((department_id, chosen))
    return people, departments


async def _move(session: AsyncSession, actor: Actor, cycle: EvaluationCycle, to: CycleState) -> None:
    before = audit.snapshot(cycle)
    cycle.state = to
    await session.flush()
    await audit.record(session, actor=actor, action=f"evaluation_cycle.{to.value.lower()}",
                       subject_type="evaluation_cycle", subject_id=cycle.id, before=before,
                       after=audit.snapshot(cycle))


async def open_evaluation_cycle(session: AsyncSession, *, actor: Actor, cycle_id: int) -> EvaluationCycle:
    """Open a draft cycle: everyone and every department a template applies to gets a scorecard."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = await _cycle(session, actor, cycle_id, lock=True)
    if cycle.state != CycleState.DRAFT:
        raise DomainError(errors.WRONG_STATE, field="cycleId")
    people, departments = await _templates_for(session)
    if not people and not departments:
        raise DomainError(errors.NO_SCORECARDS, field="cycleId")
    rows = ([dict(cycle_id=cycle.id, template_id=t, subject=Subject.PERSON, user_id=u, department_id=d,
                  calibration_reason="", created_at=utcnow()) for u, d, t in people]
            + [dict(cycle_id=cycle.id, template_id=t, subject=Subject.DEPARTMENT, user_id=None, department_id=d,
                    calibration_reason="", created_at=utcnow()) for d, t in departments])
    await session.execute(insert(Scorecard).execution_options(render_nulls=True), rows)
    await compute.compute_cycle(session, cycle)  # every card shows its indicators (and what is known) at once
    cycle.opened_at = utcnow()
    await _move(session, actor, cycle, CycleState.OPEN)
    return cycle


async def advance_evaluation_cycle(session: AsyncSession, *, actor: Actor, cycle_id: int) -> EvaluationCycle:
    """Move an open cycle to its next stage: self-assessment, manager assessment, then HR calibration; each step
    computes every scorecard again, so the people and their managers assess beside the latest figures."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = await _cycle(session, actor, cycle_id, lock=True)
    following = {CycleState.OPEN: CycleState.SELF_ASSESSMENT,
                 CycleState.SELF_ASSESSMENT: CycleState.MANAGER_ASSESSMENT,
                 CycleState.MANAGER_ASSESSMENT: CycleState.CALIBRATION}
    if cycle.state not in following:
        raise DomainError(errors.WRONG_STATE, field="cycleId")
    to = following[cycle.state]
    await compute.compute_cycle(session, cycle)
    await _move(session, actor, cycle, to)
    return cycle


async def compute_scorecards(session: AsyncSession, *, actor: Actor, cycle_id: int) -> EvaluationCycle:
    """Compute every scorecard of a cycle in calibration again (calibrated scores stay)."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = await _cycle(session, actor, cycle_id, lock=True)
    if cycle.state != CycleState.CALIBRATION:
        raise DomainError(errors.WRONG_STATE, field="cycleId")
    counted = await compute.compute_cycle(session, cycle)
    await audit.record(session, actor=actor, action="evaluation_cycle.compute", subject_type="evaluation_cycle",
                       subject_id=cycle.id, after={"scorecards": counted})
    return cycle


async def publish_evaluation_cycle(session: AsyncSession, *, actor: Actor, cycle_id: int) -> EvaluationCycle:
    """Publish a calibrated cycle: each person sees their final score and grade."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = await _cycle(session, actor, cycle_id, lock=True)
    if cycle.state in (CycleState.PUBLISHED, CycleState.CLOSED):
        raise DomainError(errors.ALREADY_PUBLISHED, field="cycleId")
    if cycle.state != CycleState.CALIBRATION:
        raise DomainError(errors.WRONG_STATE, field="cycleId")
    cycle.published_at = utcnow()
    await _move(session, actor, cycle, CycleState.PUBLISHED)
    return cycle


async def close_evaluation_cycle(session: AsyncSession, *, actor: Actor, cycle_id: int) -> EvaluationCycle:
    """Close a published cycle: nothing of it changes any more."""
    if not policies.can_change_cycle(actor):
        raise denied()
    cycle = await _cycle(session, actor, cycle_id, lock=True)
    if cycle.state != CycleState.PUBLISHED:
        raise DomainError(errors.WRONG_STATE, field="cycleId")
    cycle.closed_at = utcnow()
    await _move(session, actor, cycle, CycleState.CLOSED)
    return cycle


def stage_index(state: CycleState) -> int:
    return CYCLE_ORDER.index(state)


# ---------------------------------------------------------------- indicators


@dataclass(frozen=True)
class IndicatorInput:
    code: str
    name: str
    kind: IndicatorKind
    description: str = ""
    source: str | None = None
    parameter: int | None = None
    rater: Rater | None = None


def indicators_query(*, actor: Actor) -> Select[tuple[Indicator]]:
    if not policies.can_read(actor):
        raise denied()
    return select(Indicator)


async def create_indicator(session: AsyncSession, *, actor: Actor, data: IndicatorInput) -> Indicator:
    """Add an indicator to the library: automatic (from a source, e.g. claims approved within N days) or manual."""
    if not policies.can_manage(actor):
        raise denied()
    code = v.code(data.code, "code")
    if (await session.execute(select(Indicator.id).where(Indicator.code == code))).first() is not None:
        raise invalid("code", "已被使用", "is already taken")
    name = v.name(data.name, "name", max_len=200)
    description = optional_text(data.description, "description", max_len=2000)
    kind = IndicatorKind(data.kind)
    unit, src, rater, parameter = "分", None, None, None
    if kind == IndicatorKind.AUTOMATIC:
        found = indicators.source(data.source)
        if found is None:
            raise invalid("source", "不是已知的自动指标来源", "is not a known automatic source")
        src, unit = found.code, found.unit
        parameter = data.parameter if data.parameter is not None else found.default_parameter
        if parameter is not None and (parameter < 1 or parameter > 365):
            raise invalid("parameter", "应在 1 到 365 之间", "must be between 1 and 365")
    else:
        if data.source is not None:
            raise invalid("source", "人工指标没有来源", "a manual indicator has no source")
        rater = Rater(data.rater) if data.rater is not None else Rater.MANAGER
    row = Indicator(code=code, name=name, description=description, kind=kind, source=src, parameter=parameter,
                    rater=rater, unit=unit, active=True)
    session.add(row)
    await session.flush()
    await audit.record(session, actor=actor, action="indicator.create", subject_type="performance_indicator",
                       subject_id=row.id, after=audit.snapshot(row))
    return row


async def ensure_automatic_indicators(session: AsyncSession, *, actor: Actor) -> None:
    """Reference data: one library entry per automatic source (named by its code), added when missing."""
    present = set((await session.execute(select(Indicator.code))).scalars())
    for s in indicators.SOURCES:
        if s.code not in present:
            session.add(Indicator(code=s.code, name=s.zh, description=s.formula_zh, kind=IndicatorKind.AUTOMATIC,
                                  source=s.code, parameter=s.default_parameter, unit=s.unit, active=True))
    await session.flush()


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateLineInput:
    indicator_id: int
    weight: Any
    band_kind: BandKind
    target: Any = None
    floor: Any = None
    higher_is_better: bool = True
    bands: Sequence[dict[str, Any]] = ()


@dataclass(frozen=True)
class TemplateInput:
    name: str
    subject: Subject
    role_code: str | None = None
    department_id: int | None = None
    no_data_rule: NoDataRule = NoDataRule.REWEIGHT
    lines: Sequence[TemplateLineInput] = field(default_factory=tuple)


def templates_query(*, actor: Actor) -> Select[tuple[ScorecardTemplate]]:
    if not policies.can_read(actor):
        raise denied()
    return select(ScorecardTemplate)


async def create_scorecard_template(session: AsyncSession, *, actor: Actor, data: TemplateInput) -> ScorecardTemplate:
    """Set up a scorecard template (考核模板): indicators with weights totalling 100%, targets and scoring bands."""
    if not policies.can_manage(actor):
        raise denied()
    name = v.name(data.name, "name", max_len=200)
    subject = Subject(data.subject)
    if data.role_code is not None:
        if subject == Subject.DEPARTMENT:
            raise invalid("roleCode", "部门考核模板不按角色区分", "a department template has no role")
        if (await session.execute(select(Role.id).where(Role.code == data.role_code))).first() is None:
            raise invalid("roleCode", "不是已知的角色", "is not a known role")
    if data.department_id is not None and await session.get(Department, data.department_id) is None:
        raise invalid("departmentId", "部门不存在", "no such department")
    if not data.lines:
        raise invalid("lines", "至少需要一个指标", "name at least one indicator")
    if len(data.lines) > MAX_LINES:
        raise invalid("lines", f"最多 {MAX_LINES} 个指标", f"at most {MAX_LINES} indicators")
    ids = [line.indicator_id for line in data.lines]
    library = {i.id: i for i in (await session.execute(select(Indicator).where(Indicator.id.in_(ids)))).scalars()}
    rows, total, seen = [], Decimal(0), set()
    for i, line in enumerate(data.lines):
        where = f"lines[{i}]"
        indicator = library.get(line.indicator_id)
        if indicator is None or not indicator.active:
            raise invalid(f"{where}.indicatorId", "指标不存在", "no such indicator")
        if indicator.id in seen:
            raise invalid(f"{where}.indicatorId", "同一指标只能出现一次", "appears twice")
        seen.add(indicator.id)
        src = indicators.source(indicator.source)
        if src is not None and subject not in src.subjects:
            raise invalid(f"{where}.indicatorId", "该指标不适用于此考核对象", "does not apply to this subject")
        if indicator.kind == IndicatorKind.MANUAL and subject == Subject.DEPARTMENT:
            raise invalid(f"{where}.indicatorId", "部门考核表只用自动指标", "department scorecards use automatic "
                                                                        "indicators only")
        weight = scoring.decimal(line.weight, f"{where}.weight")
        if weight <= 0 or weight > 100 or weight != weight.quantize(scoring.POINTS):
            raise invalid(f"{where}.weight", "应大于 0、不超过 100，最多两位小数",
                          "must be above 0 and at most 100, with at most two places")
        total += weight
        rule = scoring.check_rule(BandKind(line.band_kind), target=line.target, floor=line.floor,
                                  higher_is_better=line.higher_is_better, bands=line.bands, field=where)
        rows.append(dict(indicator_id=indicator.id, position=i, weight=weight, band_kind=rule.kind, target=rule.target,
                         floor=rule.floor, higher_is_better=rule.higher_is_better,
                         bands=[{"min": str(b.low), "max": str(b.high), "score": str(b.score)} for b in rule.bands]))
    if total != Decimal(100):
        raise DomainError(errors.WEIGHTS_NOT_100, field="lines",
                          zh=f"lines：指标权重合计为 {total}%，须为 100%",
                          en=f"lines: the weights total {total}%, not 100%")
    template = ScorecardTemplate(name=name, subject=subject, role_code=data.role_code,
                                 department_id=data.department_id, no_data_rule=NoDataRule(data.no_data_rule),
                                 active=True, created_by_id=actor.user_id)
    session.add(template)
    await session.flush()
    session.add_all([TemplateIndicator(template_id=template.id, **r) for r in rows])
    await session.flush()
    await audit.record(session, actor=actor, action="scorecard_template.create", subject_type="scorecard_template",
                       subject_id=template.id, after=audit.snapshot(template) | {"lines": rows})
    return template


# ---------------------------------------------------------------- scorecards, assessments, calibration


async def visible_scorecards_query(session: AsyncSession, *, actor: Actor, cycle_id: int | None = None,
                                   mine: bool = False, subject: Subject | None = None,
                                   department_id: int | None = None) -> Select[tuple[Scorecard]]:
    """The scorecards the actor may see; ``mine``: the actor's own."""
    if not policies.can_read(actor):
        raise denied()
    stmt = select(Scorecard).join(EvaluationCycle, EvaluationCycle.id == Scorecard.cycle_id).where(
        await access.scorecard_filter(session, actor))
    if not policies.can_manage(actor):
        stmt = stmt.where(EvaluationCycle.state != CycleState.DRAFT.value)
    if cycle_id is not None:
        stmt = stmt.where(Scorecard.cycle_id == cycle_id)
    if mine:
        if actor.user_id is None:
            raise invalid("mine", "只有登录用户才有自己的考核表", "only a signed-in user has scorecards")
        stmt = stmt.where(Scorecard.user_id == actor.user_id, Scorecard.subject == Subject.PERSON.value)
    if subject is not None:
        stmt = stmt.where(Scorecard.subject == subject.value)
    if department_id is not None:
        stmt = stmt.where(Scorecard.department_id == department_id)
    return stmt


async def _scorecard(session: AsyncSession, actor: Actor, scorecard_id: int, field: str = "scorecardId"
                     ) -> tuple[Scorecard, EvaluationCycle, frozenset[int]]:
    card = await session.get(Scorecard, scorecard_id)
    if card is None:
        raise not_found(field)
    cycle = await session.get(EvaluationCycle, card.cycle_id)
    assert cycle is not None
    chain_ = await access.chain_of(session, card.department_id)
    if cycle.state == CycleState.DRAFT and not policies.can_manage(actor):
        raise not_found(field)
    return card, cycle, chain_


async def assessable_scorecards_query(session: AsyncSession, *, actor: Actor, cycle_id: int) -> Select[Any]:
    """The person scorecards of a cycle the actor may give a peer assessment on: their department's colleagues."""
    if not policies.can_read(actor) or actor.user_id is None or actor.department_id is None:
        raise denied()
    return select(Scorecard).where(Scorecard.cycle_id == cycle_id, Scorecard.subject == Subject.PERSON.value,
                                   Scorecard.department_id == actor.department_id,
                                   Scorecard.user_id != actor.user_id)


async def submit_assessment(session: AsyncSession, *, actor: Actor, scorecard_id: int, indicator_id: int,
                            score: Any, comment: str = "", today: date | None = None) -> Assessment:
    """Score one manual indicator of a scorecard with a comment: oneself (self-assessment), as the person's manager,
    or as a colleague of their department (360); a second submission replaces one's first."""
    if not policies.can_read(actor):
        raise denied()
    card = await session.get(Scorecard, scorecard_id)
    if card is None:
        raise not_found("scorecardId")
    cycle = await session.get(EvaluationCycle, card.cycle_id)
    assert cycle is not None
    chain_ = await access.chain_of(session, card.department_id)
    colleague = actor.department_id is not None and actor.department_id == card.department_id
    relation = policies.relation_of(actor, card, chain_, colleague)
    if relation is None:
        raise not_found("scorecardId") if not policies.can_see_scorecard(actor, card, chain_) else denied()
    if not policies.can_assess(actor, card, chain_, colleague, cycle):
        raise DomainError(errors.WRONG_STATE, field="scorecardId")
    due = cycle.self_assessment_due if relation == Relation.SELF else cycle.manager_assessment_due
    if (today or local(utcnow()).date()) > due:
        raise DomainError(errors.DEADLINE_PASSED, field="scorecardId",
                          zh=f"已过截止日期 {due.isoformat()}", en=f"the deadline {due.isoformat()} has passed")
    line = (await session.execute(select(TemplateIndicator).join(Indicator).where(
        TemplateIndicator.template_id == card.template_id, TemplateIndicator.indicator_id == indicator_id))
        ).scalar_one_or_none()
    indicator = await session.get(Indicator, indicator_id) if line is not None else None
    if indicator is None or indicator.kind != IndicatorKind.MANUAL:
        raise invalid("indicatorId", "不是该考核表上的人工指标", "is not a manual indicator of this scorecard")
    if relation == Relation.PEER and indicator.rater != Rater.PEER:
        raise invalid("indicatorId", "该指标由上级评分", "this indicator is scored by the manager")
    points = scoring.score_in_range(score, "score")
    text = optional_text(comment, "comment", max_len=4000)
    if relation == Relation.PEER and not text:
        raise invalid("comment", "360 评分须附评语", "a 360 assessment needs a comment")
    row = (await session.execute(select(Assessment).where(
        Assessment.scorecard_id == card.id, Assessment.indicator_id == indicator_id,
        Assessment.assessor_id == actor.user_id))).scalar_one_or_none()
    before = audit.snapshot(row) if row is not None else None
    if row is None:
        row = Assessment(scorecard_id=card.id, indicator_id=indicator_id, assessor_id=actor.user_id,
                         relation=relation, score=points, comment=text, submitted_at=utcnow())
        session.add(row)
    else:
        row.score, row.comment, row.submitted_at = points, text, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="assessment.submit", subject_type="performance_assessment",
                       subject_id=row.id, before=before, after=audit.snapshot(row))
    return row


async def calibrate_score(session: AsyncSession, *, actor: Actor, scorecard_id: int, score: Any,
                          reason: str) -> Scorecard:
    """HR calibration (校准): set a scorecard's final score, with the reason kept and audited; grades follow."""
    if not policies.can_manage(actor):
        raise denied()
    card, cycle, _chain = await _scorecard(session, actor, scorecard_id)
    if not policies.can_calibrate(actor, cycle):
        raise DomainError(errors.WRONG_STATE, field="scorecardId")
    points = scoring.score_in_range(score, "score")
    why = v.required_text(reason, "reason", max_len=2000)
    before = audit.snapshot(card)
    card.calibrated_score, card.calibration_reason = points, why
    card.calibrated_by_id, card.calibrated_at = actor.user_id, utcnow()
    await session.flush()
    await compute.regrade(session, cycle)
    await audit.record(session, actor=actor, action="scorecard.calibrate", subject_type="scorecard",
                       subject_id=card.id, before=before, after=audit.snapshot(card))
    return card


async def score_distribution(session: AsyncSession, *, actor: Actor, cycle_id: int) -> dict[str, int]:
    """How many of the scorecards the actor may see of a cycle have each grade (and none yet)."""
    cycle = await _cycle(session, actor, cycle_id)
    stmt = await visible_scorecards_query(session, actor=actor, cycle_id=cycle.id, subject=Subject.PERSON)
    if not policies.can_manage(actor) and cycle.state not in (CycleState.PUBLISHED, CycleState.CLOSED):
        # the person sees their own grade only once published: leave their own card out before
        stmt = stmt.where(Scorecard.user_id != actor.user_id)
    rows = (await session.execute(stmt.with_only_columns(Scorecard.grade, func.count())
                                  .group_by(Scorecard.grade))).all()
    found = {g: 0 for g in ("A", "B", "C", "D", "NONE")}
    for grade, n in rows:
        found[grade.value if grade is not None else "NONE"] += n
    return found
