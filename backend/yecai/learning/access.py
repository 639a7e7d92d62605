"""What the policies need to know (the viewer's department kind, their enrollments, the departments they
oversee), loaded in a fixed number of statements, and the same rules as SQL filters for lists."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, String, cast, exists, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.learning import permissions as p
from yecai.learning import policies
from yecai.learning.models import Course, CourseState, Enrollment
from yecai.meetings.access import below, department_tree
from yecai.org.models import Department


async def department_kind(session: AsyncSession, actor: Actor) -> str | None:
    if actor.department_id is None:
        return None
    kind = (await session.execute(select(Department.kind).where(Department.id == actor.department_id))).scalar()
    return None if kind is None else str(kind.value if hasattr(kind, "value") else kind)


async def enrolled_courses(session: AsyncSession, actor: Actor, course_ids: Sequence[int]) -> set[int]:
    if actor.user_id is None or not course_ids:
        return set()
    return set((await session.execute(select(Enrollment.course_id).where(
        Enrollment.user_id == actor.user_id, Enrollment.course_id.in_(list(course_ids))))).scalars())


async def oversees(session: AsyncSession, actor: Actor) -> set[int]:
    """The departments whose learning the actor evaluates: their own and those below (``learning.evaluate``)."""
    if not actor.has(p.LEARNING_EVALUATE) or actor.department_id is None:
        return set()
    return below(await department_tree(session), actor.department_id)


async def visible_course_ids(session: AsyncSession, actor: Actor, courses: Sequence[Course]) -> set[int]:
    kind = await department_kind(session, actor)
    enrolled = await enrolled_courses(session, actor, [c.id for c in courses])
    return {c.id for c in courses if policies.can_see_course(actor, c, kind, c.id in enrolled)}


def _audience_has(kind: str) -> ColumnElement[bool]:
    # The audience is a short JSON list of kind codes: a text match on the quoted code works on SQLite and PostgreSQL.
    return cast(Course.audience, String).like(f'%"{kind}"%')


async def course_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Courses the actor may see (``policies.can_see_course``) as a SQL condition."""
    if policies.can_manage(actor):
        return true()
    clauses: list[ColumnElement[bool]] = []
    if actor.user_id is not None and actor.has(p.LEARNING_AUTHOR):
        clauses += [Course.author_id == actor.user_id, Course.reviewer_id == actor.user_id]
    if policies.can_read(actor) and actor.user_id is not None:
        clauses.append(exists().where(Enrollment.course_id == Course.id, Enrollment.user_id == actor.user_id))
        kind = await department_kind(session, actor)
        suits = [cast(Course.audience, String) == "[]"]
        if kind is not None:
            suits.append(_audience_has(kind))
        clauses.append((Course.state == CourseState.PUBLISHED.value) & or_(*suits))
    return or_(*clauses) if clauses else false()


async def enrollment_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Enrollments the actor may see: their own; all with ``learning.manage``; their departments' with evaluate."""
    if policies.can_manage(actor):
        return true()
    clauses: list[ColumnElement[bool]] = []
    if policies.can_read(actor) and actor.user_id is not None:
        clauses.append(Enrollment.user_id == actor.user_id)
    departments = await oversees(session, actor)
    if departments:
        clauses.append(Enrollment.department_id.in_(sorted(departments)))
    return or_(*clauses) if clauses else false()
