"""Courses and lessons in the search index, for those they suit.

A published course is found by holders of ``learning.read`` of a department whose kind it suits (every
department's people, when it names no audience), by its enrolled learners, its author and reviewer, and by
holders of ``learning.manage``; a draft only by its writers and managers. A lesson is found as its course is,
and only the lessons of the course's current version are indexed. Every hit is checked again by ``policies``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.learning import access, policies
from yecai.learning.models import Course, CourseState, Enrollment, Lesson
from yecai.meetings import html
from yecai.org.models import Department
from yecai.searchable import Refer, Searchable, SearchDocument, Watch, text_of, web_id

MANAGE = "lrn:manage"
EVERYONE = "lrn:all"


def user_tag(user_id: int) -> str:
    return f"lrn:user:{user_id}"


def department_tag(department_id: int) -> str:
    return f"lrn:dept:{department_id}"


def viewer_tags(actor: Actor) -> set[str]:
    tags: set[str] = set()
    if policies.can_manage(actor):
        tags.add(MANAGE)
    if actor.kind != "user" or actor.user_id is None:
        return tags
    tags.add(user_tag(actor.user_id))  # writers (checked against learning.author again) and enrolled learners
    if policies.can_read(actor):
        tags.add(EVERYONE)
        if actor.department_id is not None:
            tags.add(department_tag(actor.department_id))
    return tags


async def _tags(session: AsyncSession, courses: Sequence[Course]) -> dict[int, tuple[str, ...]]:
    ids = [c.id for c in courses]
    learners: dict[int, set[int]] = {i: set() for i in ids}
    if ids:
        for course_id, user_id in (await session.execute(select(Enrollment.course_id, Enrollment.user_id).where(
                Enrollment.course_id.in_(ids)))).all():
            learners[course_id].add(user_id)
    kinds: dict[str, list[int]] = {}
    for did, kind in (await session.execute(select(Department.id, Department.kind))).all():
        kinds.setdefault(str(getattr(kind, "value", kind)), []).append(did)
    found = {}
    for c in courses:
        users = {c.author_id, *([c.reviewer_id] if c.reviewer_id else []), *learners[c.id]}
        tags = {MANAGE, *(user_tag(u) for u in users)}
        if c.state == CourseState.PUBLISHED:
            if not c.audience:
                tags.add(EVERYONE)
            tags |= {department_tag(d) for k in c.audience for d in kinds.get(k, [])}
        found[c.id] = tuple(sorted(tags))
    return found


def course_url(course_id: int) -> str:
    return f"/learning/courses/{web_id('Course', course_id)}"


async def build_courses(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Course).where(Course.id.in_(list(ids))))).scalars())
    tags = await _tags(session, rows)
    return {c.id: SearchDocument(kind="course", object_id=c.id, title=c.title,
                                 body=text_of("课程", " ".join(c.tags), c.summary), access=tags[c.id],
                                 date=c.updated_at.date() if c.updated_at else None, url=course_url(c.id))
            for c in rows}


async def visible_courses(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(Course).where(Course.id.in_(list(ids))))).scalars())
    return await access.visible_course_ids(session, actor, rows)


async def build_lessons(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Lesson, Course).join(Course, Course.id == Lesson.course_id).where(
        Lesson.id.in_(list(ids)), Lesson.version_id == Course.current_version_id))).all())
    tags = await _tags(session, list({c.id: c for _, c in rows}.values()))
    return {lesson.id: SearchDocument(
        kind="lesson", object_id=lesson.id, title=f"{lesson.title}（{c.title}）",
        body=text_of("课时", lesson.chapter_title, html.plain(lesson.body)), access=tags[c.id],
        date=c.updated_at.date() if c.updated_at else None, url=course_url(c.id)) for lesson, c in rows}


async def visible_lessons(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(Lesson.id, Lesson.course_id).where(Lesson.id.in_(list(ids))))).all())
    courses = list((await session.execute(select(Course).where(Course.id.in_({c for _, c in rows})))).scalars())
    seen = await access.visible_course_ids(session, actor, courses)
    return {lid for lid, cid in rows if cid in seen}


SEARCHABLES = (
    Searchable(kind="course", zh="课程", en="Course", model=Course, node="Course", build=build_courses,
               visible=visible_courses, viewer_tags=viewer_tags,
               watches=(Watch(Enrollment, lambda row: row.course_id),)),
    Searchable(kind="lesson", zh="课时", en="Lesson", model=Lesson, node="Lesson", build=build_lessons,
               visible=visible_lessons, viewer_tags=viewer_tags,
               refers=(Refer(Course, ("current_version_id", "state", "audience", "author_id", "reviewer_id", "title"),
                             lambda ids: select(Lesson.id).where(Lesson.course_id.in_(ids))),)),
)
