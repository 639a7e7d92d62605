"""The demo's sharing rules: a daily sales report, a weekly stock report, a monthly receivables ageing, with a few
publications published on time, one late and one missed.

Created through the services (validated and audited); a second run finds the rules and adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.manifest import DemoContext
from yecai.sharing import publications, service, timenodes
from yecai.sharing.models import Publication, SharingRule, SnapshotKind

RULES = [
    ("销售日报", "当日销售订单、发货与回款情况", "SALES", "business", "manager",
     "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", True, 60, ["FIN"], ["manager"], None),
    ("库存周报", "各仓库库存数量与金额", "WH", "business", None,
     "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0;BYSECOND=0", True, 240, ["FIN", "SALES"], [],
     SnapshotKind.STOCK_BY_WAREHOUSE),
    ("应收账龄分析", "按客户的应收账款余额与账龄", "FIN", "finance", None,
     "FREQ=MONTHLY;BYMONTHDAY=3;BYHOUR=9;BYMINUTE=0;BYSECOND=0", False, 24 * 60, ["SALES"], ["manager"],
     SnapshotKind.RECEIVABLES_BY_CUSTOMER),
]


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    users = ctx.refs.get("users") or {}
    departments = ctx.refs.get("departments") or {}
    if "finance" not in users or "business" not in users:
        return
    if (await session.execute(select(SharingRule.id).where(SharingRule.title == RULES[0][0]))).first():
        return
    system = system_actor("seed")
    now = datetime.now(UTC)
    start = timenodes.utc(timenodes.local(now - timedelta(days=14)).replace(hour=0, minute=0, second=0, microsecond=0))
    made = 0
    for (title, description, dept, responsible, deputy, rule, working, minutes, audience_depts, roles,
         snapshot) in RULES:
        rule_row = await service.create_sharing_rule(session, actor=system, data=service.RuleInput(
            title=title, description=description, responsible_id=users[responsible].id,
            deputy_id=users[deputy].id if deputy and deputy in users and deputy != responsible else None,
            department_id=departments[dept].id if dept in departments else None, recurrence=rule,
            starts_at=start, working_days=working, deadline_minutes=minutes,
            audience_department_ids=[departments[d].id for d in audience_depts if d in departments],
            audience_roles=roles, snapshot_kind=snapshot))
        # The last two weeks' time nodes, as the scheduler would have made them.
        rule_row.next_node_at = timenodes.next_node(rule_row.recurrence, rule_row.starts_at,
                                                    working_days=rule_row.working_days,
                                                    calendar=await timenodes.calendar_of(session), after=start)
        made += 1
    await session.flush()
    await publications.materialise(session, actor=system, until=now)
    # Most past nodes published (on time, one late), the rest left to be marked missed.
    rows = list((await session.execute(select(Publication).order_by(Publication.time_node))).scalars())
    for i, p in enumerate(rows):
        if p.deadline >= now or i % 5 == 4:
            continue
        author = await actor_for(session, await session.get(User, p.responsible_id),
                                 request_id="seed", client_address="seed")
        late = i % 7 == 3
        await publications.publish(session, actor=author, publication_id=p.id,
                                   text=f"{timenodes.local(p.time_node):%m月%d日} 数据已更新，请查阅。",
                                   now=p.deadline + timedelta(minutes=30) if late else p.time_node + timedelta(minutes=5))
    await publications.mark_missed(session, actor=system, until=now)
    ctx.created["sharing_rules"] = made
