"""The demo's 业财联席会: a monthly series with two closed meetings and the next one scheduled.

Created through the services (validated and audited); a second run finds the series and adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.service import actor_for
from yecai.manifest import DemoContext
from yecai.meetings import action_items, recurrence, service
from yecai.meetings.models import ActionItemStatus, AttendanceStatus, MeetingSeries

TITLE = "业财联席会"
# The 5th working day (Monday to Friday) of each month at 09:30 Beijing time.
RULE = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5;BYHOUR=9;BYMINUTE=30;BYSECOND=0"

MINUTES = [
    ("<h2>一、上月经营与财务情况</h2><p>销售部通报上月销售收入与回款情况，华东区域回款率偏低；财务部通报应收账款账龄，"
     "超过 90 天的应收款占比上升。</p><h2>二、讨论</h2><ul><li>应收账款催收责任落实到客户经理；</li>"
     "<li>发货前须核对客户信用额度。</li></ul>",
     ["华东区域超过 90 天的应收款由销售部牵头催收，财务部每周提供账龄表", "发货前须由财务部核对客户信用额度"],
     [("编制华东区域应收账款账龄表（每周一更新）", "finance", 10, ActionItemStatus.DONE),
      ("逐户联系超期客户并提交催收计划", "business", 14, ActionItemStatus.IN_PROGRESS)]),
    ("<h2>一、库存与成本</h2><p>仓储部通报库存周转天数；财务部分析本月毛利率下降的原因，主要为采购单价上涨。</p>"
     "<h2>二、费用报销</h2><p>差旅费报销须在出差结束后 10 个工作日内提交。</p>",
     ["采购部与财务部共同评估主要商品的采购价格", "差旅费报销时限为出差结束后 10 个工作日"],
     [("提交主要商品采购价格对比分析", "manager", 7, ActionItemStatus.OPEN),
      ("更新费用报销制度并通知全员", "finance", 20, ActionItemStatus.OPEN)]),
]


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    users = ctx.refs.get("users") or {}
    departments = ctx.refs.get("departments") or {}
    if "finance" not in users or "manager" not in users:
        return
    if (await session.execute(select(MeetingSeries.id).where(MeetingSeries.title == TITLE))).first():
        return

    async def as_user(username: str) -> Actor:
        return await actor_for(session, users[username], request_id="seed", client_address="seed")

    finance, manager = await as_user("finance"), await as_user("manager")
    now = datetime.now(UTC)
    first_day = recurrence.local(now).replace(day=1, hour=9, minute=30, second=0, microsecond=0)
    start = recurrence.utc((first_day - timedelta(days=70)).replace(day=1))
    wanted = [d.id for code, d in departments.items() if code in ("FIN", "SALES", "PUR", "WH")]
    series = await service.create_meeting_series(session, actor=finance, data=service.SeriesInput(
        title=TITLE, recurrence=RULE, starts_at=start, duration_minutes=90,
        goal="年度经营目标：应收账款周转天数降至 45 天以内，存货周转提升 10%", project_code="BF-2026",
        focus="应收账款回收、库存与成本、费用报销时效", place="总部 3 楼第一会议室",
        default_department_ids=wanted, default_roles=["finance", "business", "manager"],
        department_id=departments["FIN"].id if "FIN" in departments else None))
    dates = recurrence.occurrences(RULE, start, calendar=None, after=start, before=now + timedelta(days=40), limit=3)
    meetings = 0
    for index, starts_at in enumerate(dates):
        meeting = await service.schedule_meeting(session, actor=finance, data=service.MeetingInput(
            series_id=series.id, starts_at=starts_at, agenda=[
                service.AgendaInput("上月经营与财务情况通报", users["finance"].id, 20),
                service.AgendaInput("应收账款与回款", users["business"].id, 30),
                service.AgendaInput("库存、成本与费用", users["manager"].id, 30)]))
        meetings += 1
        if index >= len(MINUTES) or starts_at > now:
            continue
        content, decisions, items = MINUTES[index]
        attendees = [users[name].id for name in ("finance", "business", "manager") if name in users]
        await service.record_attendance(session, actor=finance, meeting_id=meeting.id, entries=[
            service.AttendanceInput(uid, AttendanceStatus.PRESENT) for uid in attendees] + (
            [service.AttendanceInput(users["staff"].id, AttendanceStatus.EXCUSED, "出差在外")] if "staff" in users else []))
        await service.record_minutes(session, actor=finance, meeting_id=meeting.id, content=content)
        for text in decisions:
            await service.record_decision(session, actor=finance, meeting_id=meeting.id, text=text)
        for title, owner, days, status in items:
            item = await action_items.create_action_item(
                session, actor=finance, meeting_id=meeting.id, title=title, owner_id=users[owner].id,
                due_on=recurrence.local(starts_at).date() + timedelta(days=days))
            if status != ActionItemStatus.OPEN:
                await action_items.update_action_item(session, actor=await as_user(owner), action_item_id=item.id,
                                                      status=status)
        await service.approve_minutes(session, actor=manager, meeting_id=meeting.id)
    ctx.created["meetings"] = meetings

