"""Queries of performance: cycles, the indicator library, templates, scorecards (confidential) and 360 reviews."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_id, decode_optional_id, guarded
from yecai.graphql.performance import types as t
from yecai.pagination import paginate
from yecai.performance import models, service

READ = " Needs `performance.read`."


@strawberry.type
class PerformanceQueries:
    @strawberry.field(description="Evaluation cycles (考核周期), latest period first; drafts for HR only." + READ)
    async def evaluation_cycles(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                                state: Optional[t.CycleState] = None) -> Optional[Connection[t.EvaluationCycle]]:
        async def run() -> Connection[t.EvaluationCycle]:
            stmt = service.cycles_query(actor=info.context.actor)
            if state is not None:
                stmt = stmt.where(models.EvaluationCycle.state == state.value)
            page = await paginate(info.context.session, stmt, order=[(models.EvaluationCycle.period_start, True),
                                                                    (models.EvaluationCycle.id, True)],
                                  first=first, after=after)
            return connection(page, t.EvaluationCycle.from_model)

        return await guarded(info, run)

    @strawberry.field(description="The indicator library (指标库), automatic first, by code." + READ)
    async def indicators(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                         kind: Optional[t.IndicatorKind] = None) -> Optional[Connection[t.Indicator]]:
        async def run() -> Connection[t.Indicator]:
            stmt = service.indicators_query(actor=info.context.actor)
            if kind is not None:
                stmt = stmt.where(models.Indicator.kind == kind.value)
            page = await paginate(info.context.session, stmt, order=[(models.Indicator.kind, False),
                                                                    (models.Indicator.code, False),
                                                                    (models.Indicator.id, False)],
                                  first=first, after=after)
            return connection(page, t.Indicator.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Scorecard templates (考核模板), by name." + READ)
    async def scorecard_templates(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                                  subject: Optional[t.Subject] = None,
                                  active: Optional[bool] = None) -> Optional[Connection[t.ScorecardTemplate]]:
        async def run() -> Connection[t.ScorecardTemplate]:
            stmt = service.templates_query(actor=info.context.actor)
            if subject is not None:
                stmt = stmt.where(models.ScorecardTemplate.subject == subject.value)
            if active is not None:
                stmt = stmt.where(models.ScorecardTemplate.active.is_(active))
            page = await paginate(info.context.session, stmt, order=[(models.ScorecardTemplate.name, False),
                                                                    (models.ScorecardTemplate.id, False)],
                                  first=first, after=after)
            return connection(page, t.ScorecardTemplate.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Scorecards (考核表) the viewer may see: their own, those of the people and "
                                  "departments of their own and lower departments (managers), all (HR); `mine`: the "
                                  "viewer's own." + READ)
    async def scorecards(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                         cycle_id: Optional[strawberry.ID] = None, mine: bool = False,
                         subject: Optional[t.Subject] = None,
                         department_id: Optional[strawberry.ID] = None) -> Optional[Connection[t.Scorecard]]:
        async def run() -> Connection[t.Scorecard]:
            stmt = await service.visible_scorecards_query(
                info.context.session, actor=info.context.actor,
                cycle_id=decode_optional_id(cycle_id, "EvaluationCycle", "cycleId"), mine=mine,
                subject=models.Subject(subject.value) if subject else None,
                department_id=decode_optional_id(department_id, "Department", "departmentId"))
            page = await paginate(info.context.session, stmt, order=[(models.Scorecard.cycle_id, True),
                                                                    (models.Scorecard.id, False)],
                                  first=first, after=after)
            return connection(page, t.Scorecard.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Colleagues of the viewer's department to give 360 assessments in a cycle." + READ)
    async def peer_reviews(self, info: Info, cycle_id: strawberry.ID) -> Optional[list[t.PeerReview]]:
        async def run() -> list[t.PeerReview]:
            return await t.peer_reviews(info, decode_id(cycle_id, "EvaluationCycle", "cycleId"))

        return await guarded(info, run)
