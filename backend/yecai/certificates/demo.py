"""The demo's certificates: HR's honour certificate for the warehouse clerk and a training certificate for the
salesperson, issued through the service (validated and audited); a second run adds nothing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.auth.service import actor_for
from yecai.certificates import service
from yecai.certificates.models import Certificate
from yecai.manifest import DemoContext

DEMO = [
    ("staff", "HONOUR", "年度优秀员工", ""),
    ("business", "TRAINING", "新收入准则与合同管理专题培训", ""),
]


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    users = ctx.refs.get("users") or {}
    if "hr" not in users or (await session.execute(select(Certificate.id).limit(1))).first():
        return
    hr = await actor_for(session, users["hr"], request_id="seed", client_address="seed")
    made = 0
    for username, kind, title, citation in DEMO:
        if username in users:
            await service.issue_certificate(session, actor=hr, kind=kind, holder_id=users[username].id, title=title,
                                            issuer="人力资源部", citation=citation)
            made += 1
    ctx.created["certificates"] = made
