"""What the policies need to know about a scorecard (the departments above it), loaded in one statement, and the
same confidentiality rule as a SQL filter for lists and counts."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, false, or_, true
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.meetings.access import below, chain, department_tree
from yecai.performance import policies
from yecai.performance.models import Scorecard, Subject


async def chains(session: AsyncSession, department_ids: Iterable[int | None]) -> dict[int | None, frozenset[int]]:
    """Each department with every department above it (None: none)."""
    tree = await department_tree(session)
    return {d: frozenset(chain(tree, d)) for d in set(department_ids)}


async def chain_of(session: AsyncSession, department_id: int | None) -> frozenset[int]:
    return (await chains(session, [department_id]))[department_id]


async def scorecard_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Scorecards the actor may see (``policies.can_see_scorecard``) as a SQL condition."""
    if policies.can_manage(actor):
        return true()
    if not policies.can_read(actor) or actor.kind != "user" or actor.user_id is None:
        return false()
    own = and_(Scorecard.subject == Subject.PERSON.value, Scorecard.user_id == actor.user_id)
    if policies.manages(actor, frozenset({actor.department_id}) if actor.department_id else frozenset()):
        managed = below(await department_tree(session), actor.department_id)
        return or_(own, Scorecard.department_id.in_(sorted(managed)))
    return own
