"""The world's information sharing: a daily rule for the business department, one publication due, one published
with an unanswered question (its responsible person sits in another department)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import system_actor
from yecai.auth.service import actor_for
from yecai.org.models import Department
from yecai.sharing import publications, service
from yecai.sharing.models import Feedback, Publication, SharingRule

START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 09:00 in Shanghai


@dataclass
class Sharing:
    rule: SharingRule
    due: Publication
    published: Publication
    question: Feedback


async def make_sharing(session: AsyncSession, audience: Department) -> Sharing:
    system = system_actor("test")
    # The responsible person's department of its own, so the world's other departments keep their members.
    home = await make_department(session, code="W-SHARING", name="共享来源部门")
    responsible = await make_user(session, roles=("staff",), department=home)
    receiver = await make_user(session, roles=("staff",), department=audience)
    rule = await service.create_sharing_rule(session, actor=system, data=service.RuleInput(
        title="销售日报", responsible_id=responsible.id, recurrence="FREQ=DAILY", starts_at=START,
        deadline_minutes=60, department_id=home.id, audience_department_ids=[audience.id]))
    rule.next_node_at = START
    nodes = await publications.materialise(session, actor=system, until=START + timedelta(days=1))
    published, due = [await session.get(Publication, n.id) for n in nodes]
    assert published is not None and due is not None
    author = await actor_for(session, responsible)
    await publications.publish(session, actor=author, publication_id=published.id, text="11月30日销售日报")
    question = await publications.add_feedback(session, actor=await actor_for(session, receiver),
                                               publication_id=published.id, text="回款为何下降？", question=True)
    return Sharing(rule, due, published, question)
