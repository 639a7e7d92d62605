"""Mutations of performance: cycles through their states, the indicator library, templates, assessments and HR's
calibration. Amounts and scores are exact decimals, sent as strings or numbers."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, mutation
from yecai.graphql.performance import types as t
from yecai.performance import errors, models, service
from yecai.performance import permissions as p


@strawberry.input(description="An evaluation cycle: its period (inclusive days), the deadlines of each stage, and an "
                              "optional forced distribution (percent per grade, totalling 100).")
class EvaluationCycleInput:
    name: str
    kind: t.CycleKind
    period_start: dt.date
    period_end: dt.date
    self_assessment_due: dt.date
    manager_assessment_due: dt.date
    calibration_due: dt.date
    forced_distribution: Optional[JSON] = None


@strawberry.input
class CreateEvaluationCycleInput:
    cycle: EvaluationCycleInput


@strawberry.input
class CycleIdInput:
    cycle_id: strawberry.ID


@strawberry.input(description="An indicator: AUTOMATIC names a `source` (and its `parameter`, e.g. N days); MANUAL "
                              "names its `rater`.")
class CreateIndicatorInput:
    code: str
    name: str
    kind: t.IndicatorKind
    description: str = ""
    source: Optional[str] = None
    parameter: Optional[int] = None
    rater: Optional[t.Rater] = None


@strawberry.input(description="A STEP band: values in [min, max) get `score` (0..100).")
class ScoringBandInput:
    min: str
    max: str
    score: str


@strawberry.input(description="One indicator of a template. LINEAR: `floor` (0 points) and `target` (100); "
                              "THRESHOLD: `target` and `higherIsBetter`; STEP: `bands`, not overlapping.")
class TemplateLineInput:
    indicator_id: strawberry.ID
    weight: str = strawberry.field(description="Percent, up to two places; a template's weights total 100.")
    band_kind: t.BandKind
    target: Optional[str] = None
    floor: Optional[str] = None
    higher_is_better: bool = True
    bands: list[ScoringBandInput] = strawberry.field(default_factory=list)


@strawberry.input
class CreateScorecardTemplateInput:
    name: str
    subject: t.Subject
    lines: list[TemplateLineInput]
    role_code: Optional[str] = None
    department_id: Optional[strawberry.ID] = None
    no_data_rule: t.NoDataRule = t.NoDataRule.REWEIGHT  # type: ignore[attr-defined]


@strawberry.input(description="A score 0..100 (two places at most) and a comment on one manual indicator.")
class SubmitAssessmentInput:
    scorecard_id: strawberry.ID
    indicator_id: strawberry.ID
    score: str
    comment: str = ""


@strawberry.input(description="HR's calibrated final score (0..100) and the reason, kept and audited.")
class CalibrateScoreInput:
    scorecard_id: strawberry.ID
    score: str
    reason: str


def _cycle_id(input: CycleIdInput) -> int:
    return decode_id(input.cycle_id, "EvaluationCycle", "cycleId")


CYCLE = ("cycle", t.EvaluationCycle)


@strawberry.type
class PerformanceMutations:
    @mutation("Set up an evaluation cycle (考核周期) in draft.", permission=p.PERFORMANCE_MANAGE, returns=CYCLE)
    async def create_evaluation_cycle(self, info: Info, input: CreateEvaluationCycleInput) -> t.EvaluationCycle:
        c = input.cycle
        return t.EvaluationCycle.from_model(await service.create_evaluation_cycle(
            info.context.session, actor=info.context.actor, data=service.CycleInput(
                name=c.name, kind=models.CycleKind(c.kind.value), period_start=c.period_start,
                period_end=c.period_end, self_assessment_due=c.self_assessment_due,
                manager_assessment_due=c.manager_assessment_due, calibration_due=c.calibration_due,
                forced_distribution=c.forced_distribution)))

    @mutation("Open a draft cycle: everyone and every department a template applies to gets a scorecard.",
              permission=p.PERFORMANCE_MANAGE, errors=[errors.WRONG_STATE, errors.NO_SCORECARDS], returns=CYCLE)
    async def open_evaluation_cycle(self, info: Info, input: CycleIdInput) -> t.EvaluationCycle:
        return t.EvaluationCycle.from_model(await service.open_evaluation_cycle(
            info.context.session, actor=info.context.actor, cycle_id=_cycle_id(input)))

    @mutation("Move a cycle to its next stage (self-assessment, manager assessment, HR calibration); each step "
              "computes every scorecard again.", permission=p.PERFORMANCE_MANAGE, errors=[errors.WRONG_STATE],
              returns=CYCLE)
    async def advance_evaluation_cycle(self, info: Info, input: CycleIdInput) -> t.EvaluationCycle:
        return t.EvaluationCycle.from_model(await service.advance_evaluation_cycle(
            info.context.session, actor=info.context.actor, cycle_id=_cycle_id(input)))

    @mutation("Compute a calibrating cycle's scorecards again (calibrated scores stay).",
              permission=p.PERFORMANCE_MANAGE, errors=[errors.WRONG_STATE], returns=CYCLE)
    async def compute_scorecards(self, info: Info, input: CycleIdInput) -> t.EvaluationCycle:
        return t.EvaluationCycle.from_model(await service.compute_scorecards(
            info.context.session, actor=info.context.actor, cycle_id=_cycle_id(input)))

    @mutation("Publish a calibrated cycle: each person sees their final score and grade. Publishing twice is "
              "refused (ALREADY_PUBLISHED).", permission=p.PERFORMANCE_MANAGE,
              errors=[errors.WRONG_STATE, errors.ALREADY_PUBLISHED], returns=CYCLE)
    async def publish_evaluation_cycle(self, info: Info, input: CycleIdInput) -> t.EvaluationCycle:
        return t.EvaluationCycle.from_model(await service.publish_evaluation_cycle(
            info.context.session, actor=info.context.actor, cycle_id=_cycle_id(input)))

    @mutation("Close a published cycle.", permission=p.PERFORMANCE_MANAGE, errors=[errors.WRONG_STATE],
              returns=CYCLE)
    async def close_evaluation_cycle(self, info: Info, input: CycleIdInput) -> t.EvaluationCycle:
        return t.EvaluationCycle.from_model(await service.close_evaluation_cycle(
            info.context.session, actor=info.context.actor, cycle_id=_cycle_id(input)))

    @mutation("Add an indicator to the library.", permission=p.PERFORMANCE_MANAGE, returns=("indicator", t.Indicator))
    async def create_indicator(self, info: Info, input: CreateIndicatorInput) -> t.Indicator:
        return t.Indicator.from_model(await service.create_indicator(
            info.context.session, actor=info.context.actor, data=service.IndicatorInput(
                code=input.code, name=input.name, kind=models.IndicatorKind(input.kind.value),
                description=input.description, source=input.source, parameter=input.parameter,
                rater=models.Rater(input.rater.value) if input.rater else None)))

    @mutation("Set up a scorecard template (考核模板): weights totalling 100%, targets, scoring bands.",
              permission=p.PERFORMANCE_MANAGE, errors=[errors.WEIGHTS_NOT_100, errors.OVERLAPPING_BANDS],
              returns=("template", t.ScorecardTemplate))
    async def create_scorecard_template(self, info: Info, input: CreateScorecardTemplateInput) -> t.ScorecardTemplate:
        lines = [service.TemplateLineInput(
            indicator_id=decode_id(line.indicator_id, "Indicator", f"lines[{i}].indicatorId"), weight=line.weight,
            band_kind=models.BandKind(line.band_kind.value), target=line.target, floor=line.floor,
            higher_is_better=line.higher_is_better,
            bands=[{"min": b.min, "max": b.max, "score": b.score} for b in line.bands])
            for i, line in enumerate(input.lines)]
        return t.ScorecardTemplate.from_model(await service.create_scorecard_template(
            info.context.session, actor=info.context.actor, data=service.TemplateInput(
                name=input.name, subject=models.Subject(input.subject.value), role_code=input.role_code,
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                no_data_rule=models.NoDataRule(input.no_data_rule.value), lines=lines)))

    @mutation("Score a manual indicator of a scorecard with a comment: oneself in self-assessment, one's people as "
              "their manager, colleagues of one's department (360).", permission=p.PERFORMANCE_READ,
              errors=[errors.WRONG_STATE, errors.DEADLINE_PASSED], returns=("assessment", t.Assessment))
    async def submit_assessment(self, info: Info, input: SubmitAssessmentInput) -> t.Assessment:
        row = await service.submit_assessment(
            info.context.session, actor=info.context.actor,
            scorecard_id=decode_id(input.scorecard_id, "Scorecard", "scorecardId"),
            indicator_id=decode_id(input.indicator_id, "Indicator", "indicatorId"), score=input.score,
            comment=input.comment)
        return t.Assessment(relation=row.relation, score=row.score, comment=row.comment,
                            submitted_at=row.submitted_at, _model=row)

    @mutation("HR calibration (校准): set a scorecard's final score with a reason (kept and audited).",
              permission=p.PERFORMANCE_MANAGE, errors=[errors.WRONG_STATE], returns=("scorecard", t.Scorecard))
    async def calibrate_score(self, info: Info, input: CalibrateScoreInput) -> t.Scorecard:
        card = await service.calibrate_score(
            info.context.session, actor=info.context.actor,
            scorecard_id=decode_id(input.scorecard_id, "Scorecard", "scorecardId"), score=input.score,
            reason=input.reason)
        return t.Scorecard.from_model(card)


