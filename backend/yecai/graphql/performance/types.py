"""GraphQL types of performance. Scorecards are confidential: every field that hands one out (lists, ``node``,
counts) goes through ``Scorecard.visible`` or the service's SQL filter; related lists load through DataLoaders."""

import asyncio
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import ListSize, ModelNode, global_id
from yecai.graphql.org.types import Department
from yecai.meetings.access import chain, department_tree
from yecai.pagination import check_first
from yecai.performance import indicators, models, policies, service

CycleKind = strawberry.enum(models.CycleKind, name="CycleKind", description="QUARTERLY 季度, YEARLY 年度.")
CycleState = strawberry.enum(models.CycleState, name="EvaluationCycleState", description=(
    "DRAFT 草稿 → OPEN 已开启 → SELF_ASSESSMENT 自评 → MANAGER_ASSESSMENT 上级评分 → CALIBRATION HR 校准 → "
    "PUBLISHED 已发布 → CLOSED 已关闭."))
Subject = strawberry.enum(models.Subject, name="ScorecardSubject", description="PERSON 个人, DEPARTMENT 部门.")
IndicatorKind = strawberry.enum(models.IndicatorKind, name="IndicatorKind", description=(
    "AUTOMATIC 自动 (computed from the system's records), MANUAL 人工 (scored by managers or peers)."))
Rater = strawberry.enum(models.Rater, name="IndicatorRater", description="Who scores a manual indicator: MANAGER "
                                                                          "上级, PEER 同事 (360).")
Relation = strawberry.enum(models.Relation, name="AssessmentRelation", description="SELF 自评 (shown, not counted), "
                                                                                    "MANAGER 上级, PEER 同事.")
BandKind = strawberry.enum(models.BandKind, name="ScoringBandKind", description=(
    "LINEAR 线性 (0 points at `floor`, 100 at `target`), STEP 分段 (the band the value falls in), THRESHOLD 达标 "
    "(100 when the target is met)."))
NoDataRule = strawberry.enum(models.NoDataRule, name="NoDataRule", description=(
    "What an indicator without data counts: REWEIGHT (the other indicators share its weight), ZERO, FULL."))
Grade = strawberry.enum(models.Grade, name="PerformanceGrade", description="A, B, C, D.")

PUBLISHED = (models.CycleState.PUBLISHED, models.CycleState.CLOSED)


async def chain_of(info: Info, department_id: Optional[int]) -> frozenset[int]:
    """The department and those above it, from the tree loaded once per request."""
    async def batch(keys: list[int]) -> list[dict[int, Optional[int]]]:
        tree = await department_tree(info.context.session)
        return [tree for _ in keys]

    tree = await info.context.loaders.batched("performance:tree", batch).load(0)
    return frozenset(chain(tree, department_id))


@strawberry.type(description="What the viewer may do with this cycle (the server enforces regardless).")
class EvaluationCycleAbilities:
    open: bool
    advance: bool
    compute: bool
    publish: bool
    close: bool
    calibrate: bool


@strawberry.type(description="How many scorecards the viewer may see have each grade (`none`: not graded yet).")
class GradeDistribution:
    a: int
    b: int
    c: int
    d: int
    none: int


@strawberry.type(description="An evaluation cycle (考核周期): a quarter or a year of records, moved by HR from draft "
                             "to closed; deadlines are days in Asia/Shanghai.")
class EvaluationCycle(ModelNode):
    model = models.EvaluationCycle
    id: relay.NodeID[int]
    name: str
    kind: CycleKind
    period_start: dt.date
    period_end: dt.date
    state: CycleState
    self_assessment_due: dt.date
    manager_assessment_due: dt.date
    calibration_due: dt.date
    forced_distribution: Optional[JSON] = strawberry.field(description=(
        "Percent of people per grade when the cycle grades by rank (强制分布), e.g. {\"A\": 20, ...}; null: by score "
        "(A ≥ 90, B ≥ 75, C ≥ 60)."))
    opened_at: Optional[dt.datetime]
    computed_at: Optional[dt.datetime]
    published_at: Optional[dt.datetime]
    closed_at: Optional[dt.datetime]
    _model: strawberry.Private[models.EvaluationCycle]

    @classmethod
    def from_model(cls, m: models.EvaluationCycle) -> "EvaluationCycle":
        return cls(id=m.id, name=m.name, kind=m.kind, period_start=m.period_start, period_end=m.period_end,
                   state=m.state, self_assessment_due=m.self_assessment_due,
                   manager_assessment_due=m.manager_assessment_due, calibration_due=m.calibration_due,
                   forced_distribution=m.forced_distribution, opened_at=m.opened_at, computed_at=m.computed_at,
                   published_at=m.published_at, closed_at=m.closed_at, _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.EvaluationCycle) -> bool:
        actor = info.context.actor
        return policies.can_manage(actor) or (policies.can_read(actor) and row.state != models.CycleState.DRAFT)

    @strawberry.field
    def viewer_can(self, info: Info) -> EvaluationCycleAbilities:
        hr, state = policies.can_manage(info.context.actor), self._model.state
        S = models.CycleState
        return EvaluationCycleAbilities(
            open=hr and state == S.DRAFT,
            advance=hr and state in (S.OPEN, S.SELF_ASSESSMENT, S.MANAGER_ASSESSMENT),
            compute=hr and state == S.CALIBRATION, publish=hr and state == S.CALIBRATION,
            close=hr and state == S.PUBLISHED, calibrate=policies.can_calibrate(info.context.actor, self._model))

    @strawberry.field(description="Grades of the person scorecards the viewer may see (their own once published).")
    async def grade_distribution(self, info: Info) -> GradeDistribution:
        found = await service.score_distribution(info.context.session, actor=info.context.actor,
                                                 cycle_id=self._model.id)
        return GradeDistribution(a=found["A"], b=found["B"], c=found["C"], d=found["D"], none=found["NONE"])


@strawberry.type(description="An indicator (考核指标) of the library. An automatic one shows its formula (the text "
                             "of how its source counts) beside every score.")
class Indicator(ModelNode):
    model = models.Indicator
    id: relay.NodeID[int]
    code: str
    name: str
    description: str
    kind: IndicatorKind
    source: Optional[str] = strawberry.field(description="The automatic source's code, e.g. ACTION_ITEMS_ON_TIME.")
    parameter: Optional[int] = strawberry.field(description="E.g. N of claims approved within N days.")
    rater: Optional[Rater]
    unit: str
    active: bool
    _model: strawberry.Private[models.Indicator]

    @classmethod
    def from_model(cls, m: models.Indicator) -> "Indicator":
        return cls(id=m.id, code=m.code, name=m.name, description=m.description, kind=m.kind, source=m.source,
                   parameter=m.parameter, rater=m.rater, unit=m.unit, active=m.active, _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.Indicator) -> bool:
        return policies.can_read(info.context.actor)

    @strawberry.field(description="How it is computed, in the viewer's language (automatic indicators).")
    def formula(self, info: Info) -> Optional[str]:
        src = indicators.source(self._model.source)
        if src is None:
            return None
        text = src.formula_en if info.context.language.startswith("en") else src.formula_zh
        return text.replace("N 天", f"{self._model.parameter} 天").replace("N days", f"{self._model.parameter} days")

    @strawberry.field(description="Whether a larger value is better (answer times: smaller).")
    def higher_is_better(self) -> bool:
        src = indicators.source(self._model.source)
        return src.higher_is_better if src is not None else True


@strawberry.type(description="One STEP band: values in [min, max) get `score` points.")
class ScoringBand:
    min: Decimal
    max: Decimal
    score: Decimal


@strawberry.type(description="One indicator of a template: weight (percent), target and scoring bands.")
class TemplateLine:
    weight: Decimal
    band_kind: BandKind
    target: Optional[Decimal]
    floor: Optional[Decimal]
    higher_is_better: bool
    bands: list[ScoringBand]
    _indicator_id: strawberry.Private[int]

    @strawberry.field
    async def indicator(self, info: Info) -> Optional[Indicator]:
        return await Indicator.load(info, self._indicator_id)


@strawberry.type(description="A scorecard template (考核模板) for a role and/or a department (and those under it).")
class ScorecardTemplate(ModelNode):
    model = models.ScorecardTemplate
    id: relay.NodeID[int]
    name: str
    subject: Subject
    role_code: Optional[str]
    no_data_rule: NoDataRule
    active: bool
    _model: strawberry.Private[models.ScorecardTemplate]

    @classmethod
    def from_model(cls, m: models.ScorecardTemplate) -> "ScorecardTemplate":
        return cls(id=m.id, name=m.name, subject=m.subject, role_code=m.role_code, no_data_rule=m.no_data_rule,
                   active=m.active, _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.ScorecardTemplate) -> bool:
        return policies.can_read(info.context.actor)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field(directives=[ListSize(assumed_size=10)])
    async def lines(self, info: Info) -> list[TemplateLine]:
        rows = await info.context.loaders.children(models.TemplateIndicator, models.TemplateIndicator.template_id,
                                                   models.TemplateIndicator.position).load(self._model.id)
        return [TemplateLine(weight=r.weight, band_kind=r.band_kind, target=r.target, floor=r.floor,
                             higher_is_better=r.higher_is_better,
                             bands=[ScoringBand(min=Decimal(b["min"]), max=Decimal(b["max"]),
                                                score=Decimal(b["score"])) for b in r.bands or []],
                             _indicator_id=r.indicator_id) for r in rows]


@strawberry.type(description="One record an automatic score counted: its type and global id, whether it met the "
                             "measure, and the object to open (`link`: e.g. the meeting of an action item).")
class Evidence:
    type: str
    id: strawberry.ID
    met: bool
    link: Optional[strawberry.ID]


@strawberry.type(description="An assessment (评分): a score 0..100 and a comment on a manual indicator. A peer's "
                             "(360) assessor is shown to HR only.")
class Assessment:
    relation: Relation
    score: Decimal
    comment: str
    submitted_at: dt.datetime
    _model: strawberry.Private[models.Assessment]

    @strawberry.field
    async def assessor(self, info: Info) -> Optional[User]:
        if self._model.relation == models.Relation.PEER and not policies.can_manage(info.context.actor):
            return None
        return await User.load(info, self._model.assessor_id)

    @strawberry.field
    def indicator_id(self) -> strawberry.ID:
        return strawberry.ID(str(global_id("Indicator", self._model.indicator_id)))


@strawberry.type(description="One indicator's line on a scorecard: measured value (null: no data 无数据), points by "
                             "the template's bands (shown to the person once published), the records behind it.")
class ScoreLine:
    weight: Decimal
    value: Optional[Decimal]
    counted: int
    _model: strawberry.Private[models.ScoreLine]
    _result: strawberry.Private[bool]

    @strawberry.field(description="Whether the indicator had no data in the cycle (the template's rule counts it).")
    def no_data(self) -> bool:
        return self._model.value is None

    @strawberry.field
    def score(self) -> Optional[Decimal]:
        return self._model.score if self._result else None

    @strawberry.field
    async def indicator(self, info: Info) -> Optional[Indicator]:
        return await Indicator.load(info, self._model.indicator_id)

    @strawberry.field(description="The records counted, the first `first` of them (at most 100; `counted` says how "
                                  "many in all).", directives=[ListSize(assumed_size=20)])
    def evidence(self, first: int = 20) -> list[Evidence]:
        found = []
        for e in (self._model.evidence or [])[:check_first(first)]:
            kind, pk, met = e[0], e[1], e[2]
            if kind == "Assessment":
                continue
            link = e[3] if len(e) > 3 else None
            found.append(Evidence(type=kind, id=strawberry.ID(str(global_id(kind, pk))), met=bool(met),
                                  link=strawberry.ID(str(global_id(link, e[4]))) if link else None))
        return found


@strawberry.type(description="What the viewer may do with this scorecard.")
class ScorecardAbilities:
    assess_as: Optional[Relation] = strawberry.field(description="How the viewer may assess it now (null: not).")
    calibrate: bool


@strawberry.type(description="A scorecard (考核表) of a cycle for a person or a department: confidential to the "
                             "person, their managers up the department tree and HR. The final score and grade "
                             "reach the person once the cycle is published.")
class Scorecard(ModelNode):
    model = models.Scorecard
    id: relay.NodeID[int]
    subject: Subject
    _model: strawberry.Private[models.Scorecard]

    @classmethod
    def from_model(cls, m: models.Scorecard) -> "Scorecard":
        return cls(id=m.id, subject=m.subject, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        present = [row for row in rows if row is not None]
        # gathered, so the loaders ask once for every row's department chain and cycle
        chains = await asyncio.gather(*(chain_of(info, row.department_id) for row in present))
        cycles = await info.context.loaders.by_id(models.EvaluationCycle).load_many([row.cycle_id for row in present])
        seen = {row.id: policies.can_see_scorecard(info.context.actor, row, chain) and cycle is not None
                and EvaluationCycle.visible(info, cycle) for row, chain, cycle in zip(present, chains, cycles, strict=True)}
        return [row is not None and seen[row.id] for row in rows]

    async def _cycle(self, info: Info) -> models.EvaluationCycle:
        return await info.context.loaders.by_id(models.EvaluationCycle).load(self._model.cycle_id)

    async def _result(self, info: Info) -> bool:
        return policies.can_see_result(info.context.actor, self._model, await chain_of(info, self._model.department_id),
                                       await self._cycle(info))

    @strawberry.field
    async def cycle(self, info: Info) -> Optional[EvaluationCycle]:
        return await EvaluationCycle.load(info, self._model.cycle_id)

    @strawberry.field
    async def template(self, info: Info) -> Optional[ScorecardTemplate]:
        return await ScorecardTemplate.load(info, self._model.template_id)

    @strawberry.field(description="The person scored (person scorecards).")
    async def user(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.user_id)

    @strawberry.field(description="The person's department when the cycle opened, or the department scored.")
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field(description="The score the indicators give, before calibration.")
    async def computed_score(self, info: Info) -> Optional[Decimal]:
        return self._model.computed_score if await self._result(info) else None

    @strawberry.field(description="HR's calibrated score, when calibrated.")
    async def calibrated_score(self, info: Info) -> Optional[Decimal]:
        return self._model.calibrated_score if await self._result(info) else None

    @strawberry.field(description="The calibrated score, else the computed one.")
    async def final_score(self, info: Info) -> Optional[Decimal]:
        return self._model.final_score if await self._result(info) else None

    @strawberry.field
    async def grade(self, info: Info) -> Optional[Grade]:
        return self._model.grade if await self._result(info) else None

    @strawberry.field(description="Why HR calibrated it (kept and audited).")
    async def calibration_reason(self, info: Info) -> Optional[str]:
        return self._model.calibration_reason if await self._result(info) else None

    @strawberry.field
    async def calibrated_at(self, info: Info) -> Optional[dt.datetime]:
        return self._model.calibrated_at if await self._result(info) else None

    @strawberry.field(directives=[ListSize(assumed_size=10)])
    async def lines(self, info: Info) -> list[ScoreLine]:
        result = await self._result(info)
        rows = await info.context.loaders.children(models.ScoreLine, models.ScoreLine.scorecard_id,
                                                   models.ScoreLine.id).load(self._model.id)
        return [ScoreLine(weight=r.weight, value=r.value, counted=r.counted, _model=r, _result=result) for r in rows]

    @strawberry.field(description="The assessments given on its manual indicators (self, manager, peers).",
                      directives=[ListSize(assumed_size=10)])
    async def assessments(self, info: Info) -> list[Assessment]:
        rows = await info.context.loaders.children(models.Assessment, models.Assessment.scorecard_id,
                                                   models.Assessment.id).load(self._model.id)
        return [Assessment(relation=r.relation, score=r.score, comment=r.comment, submitted_at=r.submitted_at,
                           _model=r) for r in rows]

    @strawberry.field
    async def viewer_can(self, info: Info) -> ScorecardAbilities:
        actor, cycle = info.context.actor, await self._cycle(info)
        chain_ = await chain_of(info, self._model.department_id)
        colleague = actor.department_id is not None and actor.department_id == self._model.department_id
        relation = policies.relation_of(actor, self._model, chain_, colleague)
        may = relation is not None and policies.can_assess(actor, self._model, chain_, colleague, cycle)
        return ScorecardAbilities(assess_as=relation if may else None,
                                  calibrate=policies.can_calibrate(actor, cycle))


@strawberry.type(description="A colleague of the viewer's department to give a 360 assessment: who, and the "
                             "scorecard to name in `submitAssessment` (its scores stay hidden).")
class PeerReview:
    scorecard_id: strawberry.ID
    _user_id: strawberry.Private[int]

    @strawberry.field
    async def user(self, info: Info) -> Optional[User]:
        return await User.load(info, self._user_id)


async def peer_reviews(info: Info, cycle_id: int) -> list[PeerReview]:
    stmt = await service.assessable_scorecards_query(info.context.session, actor=info.context.actor,
                                                     cycle_id=cycle_id)
    rows = (await info.context.session.execute(stmt.order_by(models.Scorecard.id).limit(100))).scalars().all()
    return [PeerReview(scorecard_id=strawberry.ID(str(global_id("Scorecard", r.id))), _user_id=r.user_id or 0)
            for r in rows]
