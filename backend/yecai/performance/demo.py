"""The demo's performance: a quarterly cycle in draft with a person and a department scorecard template."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.manifest import DemoContext
from yecai.performance import service
from yecai.performance.models import BandKind, CycleKind, Indicator, IndicatorKind, Rater, Subject


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    actor = system_actor("demo")
    codes = {i.code: i for i in (await session.execute(select(Indicator))).scalars()}
    collaboration = codes.get("COLLABORATION") or await service.create_indicator(
        session, actor=actor, data=service.IndicatorInput(code="COLLABORATION", name="协作配合（上级评分）",
                                                          kind=IndicatorKind.MANUAL, rater=Rater.MANAGER))
    peers = codes.get("PEER_360") or await service.create_indicator(
        session, actor=actor, data=service.IndicatorInput(code="PEER_360", name="同事 360 评价",
                                                          kind=IndicatorKind.MANUAL, rater=Rater.PEER))
    line = service.TemplateLineInput
    await service.create_scorecard_template(session, actor=actor, data=service.TemplateInput(
        name="业财协同考核（个人）", subject=Subject.PERSON, lines=[
            line(codes["ACTION_ITEMS_ON_TIME"].id, "25", BandKind.LINEAR, target="100", floor="50"),
            line(codes["PUBLICATIONS_ON_TIME"].id, "15", BandKind.THRESHOLD, target="95"),
            line(codes["MEETING_ATTENDANCE"].id, "20", BandKind.STEP, bands=[
                {"min": "0", "max": "60", "score": "40"}, {"min": "60", "max": "90", "score": "80"},
                {"min": "90", "max": "100.0001", "score": "100"}]),
            line(collaboration.id, "25", BandKind.LINEAR, target="100", floor="0"),
            line(peers.id, "15", BandKind.LINEAR, target="100", floor="0")]))
    await service.create_scorecard_template(session, actor=actor, data=service.TemplateInput(
        name="业财协同考核（部门）", subject=Subject.DEPARTMENT, lines=[
            line(codes["DOCUMENTS_POSTED_AUTOMATICALLY"].id, "40", BandKind.LINEAR, target="100", floor="50"),
            line(codes["DOCUMENTS_WITHOUT_EXCEPTIONS"].id, "30", BandKind.LINEAR, target="100", floor="60"),
            line(codes["FEEDBACK_ANSWERED"].id, "30", BandKind.LINEAR, target="100", floor="0")]))
    today = date.today()
    quarter = (today.month - 1) // 3
    start = date(today.year, quarter * 3 + 1, 1)
    end = date(today.year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1)
    await service.create_evaluation_cycle(session, actor=actor, data=service.CycleInput(
        name=f"{today.year} 年第 {quarter + 1} 季度业财协同考核", kind=CycleKind.QUARTERLY, period_start=start,
        period_end=end - timedelta(days=1), self_assessment_due=end + timedelta(days=7),
        manager_assessment_due=end + timedelta(days=14), calibration_due=end + timedelta(days=21)))
    ctx.created["evaluation_cycles"] = 1
