"""Use cases of courses (课程): write one (chapters, lessons, a quiz), publish it as a new version, archive it.

Each takes ``session`` and ``actor`` keyword-only, checks its policy first, validates (errors name the field,
e.g. ``chapters[0].lessons[1].title``), changes, records an audit event; nothing commits here.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.learning import access, errors, policies
from yecai.learning.models import Course, CourseState, CourseVersion, Lesson, QuestionKind, QuizQuestion
from yecai.meetings import html
from yecai.meetings.service import active_users, optional_text
from yecai.org.models import DepartmentKind

MAX_CHAPTERS, MAX_LESSONS, MAX_QUESTIONS, MAX_OPTIONS, MAX_TAGS = 30, 60, 50, 8, 10
TRUE_FALSE = ("正确", "错误")


@dataclass(frozen=True)
class OptionInput:
    text: str
    correct: bool = False


@dataclass(frozen=True)
class QuestionInput:
    kind: QuestionKind
    text: str
    options: Sequence[OptionInput] = ()
    points: int = 1


@dataclass(frozen=True)
class LessonInput:
    title: str
    body: str = ""
    video_url: str = ""


@dataclass(frozen=True)
class ChapterInput:
    title: str
    lessons: Sequence[LessonInput] = ()


@dataclass(frozen=True)
class CourseInput:
    title: str
    summary: str = ""
    tags: Sequence[str] = ()
    audience: Sequence[str] = ()  # department kinds; empty: everyone
    reviewer_id: int | None = None
    pass_mark: int = 60
    max_attempts: int | None = None
    chapters: Sequence[ChapterInput] = ()
    questions: Sequence[QuestionInput] = field(default_factory=tuple)


def _video(value: str | None, name: str) -> str:
    link = optional_text(value, name, max_len=500)
    if link and not link.lower().startswith(("https://", "http://")):
        raise invalid(name, "应为 http(s):// 开头的视频链接", "must be an http(s):// video link")
    return link


def _question(q: QuestionInput, at: str) -> dict[str, Any]:
    text = v.required_text(q.text, f"{at}.text", max_len=1000)
    if not isinstance(q.points, int) or not 1 <= q.points <= 100:
        raise invalid(f"{at}.points", "应为 1 到 100 的整数", "must be a whole number from 1 to 100")
    options = list(q.options)
    if q.kind == QuestionKind.TRUE_FALSE:
        if len(options) != 2:
            raise invalid(f"{at}.options", "判断题应有两个选项（正确、错误）", "a true/false question has two options")
    elif not 2 <= len(options) <= MAX_OPTIONS:
        raise invalid(f"{at}.options", f"应有 2 到 {MAX_OPTIONS} 个选项", f"must have 2 to {MAX_OPTIONS} options")
    texts = [v.required_text(o.text, f"{at}.options[{i}].text", max_len=300) for i, o in enumerate(options)]
    if len(set(texts)) != len(texts):
        raise invalid(f"{at}.options", "选项不能重复", "options must differ")
    correct = sum(1 for o in options if o.correct)
    if correct == 0:
        raise invalid(f"{at}.options", "请至少标出一个正确选项", "mark at least one option correct")
    if q.kind != QuestionKind.MULTIPLE_CHOICE and correct != 1:
        raise invalid(f"{at}.options", "单选题和判断题只能有一个正确选项", "a single-choice or true/false question has "
                                                                 "exactly one correct option")
    return {"kind": q.kind.value, "text": text, "points": q.points,
            "options": [{"text": t, "correct": bool(o.correct)} for t, o in zip(texts, options, strict=True)]}


async def _checked(session: AsyncSession, data: CourseInput) -> dict[str, Any]:
    """The course's columns and draft from the input, every field checked (the first fault named)."""
    title = v.name(data.title, "title", max_len=200)
    summary = optional_text(data.summary, "summary", max_len=2000)
    if len(data.tags) > MAX_TAGS:
        raise invalid("tags", f"最多 {MAX_TAGS} 个标签", f"at most {MAX_TAGS} tags")
    tags = list(dict.fromkeys(v.name(t, f"tags[{i}]", max_len=30) for i, t in enumerate(data.tags)))
    kinds = {k.value for k in DepartmentKind}
    for i, kind in enumerate(data.audience):
        if kind not in kinds:
            raise invalid(f"audience[{i}]", "不是已知的部门类型", "is not a known department kind")
    if data.reviewer_id is not None:
        await active_users(session, [data.reviewer_id], ["reviewerId"])
    if not isinstance(data.pass_mark, int) or not 0 <= data.pass_mark <= 100:
        raise invalid("passMark", "及格线应在 0 到 100 之间", "must be between 0 and 100")
    if data.max_attempts is not None and not 1 <= data.max_attempts <= 20:
        raise invalid("maxAttempts", "应在 1 到 20 之间（不填为不限）", "must be between 1 and 20 (empty: unlimited)")
    if len(data.chapters) > MAX_CHAPTERS:
        raise invalid("chapters", f"最多 {MAX_CHAPTERS} 章", f"at most {MAX_CHAPTERS} chapters")
    chapters = []
    for c, chapter in enumerate(data.chapters):
        if len(chapter.lessons) > MAX_LESSONS:
            raise invalid(f"chapters[{c}].lessons", f"每章最多 {MAX_LESSONS} 个课时", f"at most {MAX_LESSONS} lessons")
        lessons = [{"title": v.name(lesson.title, f"chapters[{c}].lessons[{i}].title", max_len=200),
                    "body": html.clean(optional_text(lesson.body, f"chapters[{c}].lessons[{i}].body", max_len=100_000)),
                    "videoUrl": _video(lesson.video_url, f"chapters[{c}].lessons[{i}].videoUrl")}
                   for i, lesson in enumerate(chapter.lessons)]
        chapters.append({"title": v.name(chapter.title, f"chapters[{c}].title", max_len=200), "lessons": lessons})
    if len(data.questions) > MAX_QUESTIONS:
        raise invalid("questions", f"最多 {MAX_QUESTIONS} 道题", f"at most {MAX_QUESTIONS} questions")
    questions = [_question(q, f"questions[{i}]") for i, q in enumerate(data.questions)]
    return dict(title=title, summary=summary, tags=tags, audience=list(dict.fromkeys(data.audience)),
                reviewer_id=data.reviewer_id, pass_mark=data.pass_mark, max_attempts=data.max_attempts,
                draft={"chapters": chapters, "questions": questions})


def courses_query(*, actor: Actor) -> Select[tuple[Course]]:
    if not (policies.can_read(actor) or policies.can_create_course(actor)):
        raise denied()
    return select(Course)


async def visible_courses_query(session: AsyncSession, *, actor: Actor, mine: bool = False,
                                state: CourseState | None = None, tag: str | None = None) -> Select[tuple[Course]]:
    """The courses the actor may see; ``mine``: those they write (author or reviewer)."""
    stmt = courses_query(actor=actor).where(await access.course_filter(session, actor))
    if mine:
        if actor.user_id is None:
            raise invalid("mine", "只有登录用户才有自己编写的课程", "only a signed-in user writes courses")
        stmt = stmt.where((Course.author_id == actor.user_id) | (Course.reviewer_id == actor.user_id))
    if state is not None:
        stmt = stmt.where(Course.state == state.value)
    if tag:
        stmt = stmt.where(access.cast(Course.tags, access.String).like(f'%"{tag}"%'))
    return stmt


async def visible_course(session: AsyncSession, actor: Actor, course_id: int, *, lock: bool = False,
                         field: str = "id") -> Course:
    stmt = select(Course).where(Course.id == course_id)
    course = (await session.execute(stmt.with_for_update() if lock else stmt)).scalar_one_or_none()
    if course is None or course.id not in await access.visible_course_ids(session, actor, [course]):
        raise not_found(field)
    return course


async def create_course(session: AsyncSession, *, actor: Actor, data: CourseInput) -> Course:
    """Start a course (课程): its catalogue card and draft; the actor is its author."""
    if not policies.can_create_course(actor):
        raise denied()
    values = await _checked(session, data)
    if values["reviewer_id"] == actor.user_id:
        raise invalid("reviewerId", "审核人不能是作者本人", "the reviewer must not be the author")
    course = Course(**values, author_id=actor.user_id, state=CourseState.DRAFT, draft_changed=True)
    session.add(course)
    await session.flush()
    await audit.record(session, actor=actor, action="course.create", subject_type="course", subject_id=course.id,
                       after=audit.snapshot(course))
    return course


async def update_course(session: AsyncSession, *, actor: Actor, course_id: int, data: CourseInput) -> Course:
    """Change a course's card and draft; learners see the change once it is published."""
    course = await visible_course(session, actor, course_id, lock=True)
    if not policies.can_edit_course(actor, course):
        raise denied()
    values = await _checked(session, data)
    if values["reviewer_id"] is not None and values["reviewer_id"] == course.author_id:
        raise invalid("reviewerId", "审核人不能是作者本人", "the reviewer must not be the author")
    before = audit.snapshot(course)
    for key, value in values.items():
        setattr(course, key, value)
    course.draft_changed = True
    await session.flush()
    after = audit.snapshot(course)
    if audit.changed(before, after, ignore=("updated_at", "draft_changed")):
        await audit.record(session, actor=actor, action="course.update", subject_type="course",
                           subject_id=course.id, before=before, after=after)
    return course


async def publish_course(session: AsyncSession, *, actor: Actor, course_id: int) -> CourseVersion:
    """Publish the draft as a new, immutable version (课程版本); new enrollments start on it."""
    course = await visible_course(session, actor, course_id, lock=True)
    if not policies.can_publish_course(actor, course):
        raise denied()
    if course.state == CourseState.PUBLISHED and not course.draft_changed:
        raise DomainError(errors.NOTHING_TO_PUBLISH, field="id")
    draft = course.draft or {}
    chapters = draft.get("chapters", [])
    if not any(ch.get("lessons") for ch in chapters):
        raise invalid("chapters", "发布前请至少写一个课时", "write at least one lesson before publishing")
    number = (await session.execute(select(func.coalesce(func.max(CourseVersion.number), 0)).where(
        CourseVersion.course_id == course.id))).scalar_one() + 1
    version = CourseVersion(course_id=course.id, number=number, title=course.title, summary=course.summary,
                            pass_mark=course.pass_mark, max_attempts=course.max_attempts, published_at=utcnow(),
                            published_by_id=actor.user_id)
    session.add(version)
    await session.flush()
    for c, chapter in enumerate(chapters):
        for i, lesson in enumerate(chapter.get("lessons", [])):
            session.add(Lesson(version_id=version.id, course_id=course.id, chapter_position=c,
                               chapter_title=chapter["title"], position=i, title=lesson["title"],
                               body=lesson.get("body", ""), video_url=lesson.get("videoUrl", "")))
    for i, q in enumerate(draft.get("questions", [])):
        # Random keys, so an option's key tells nothing of its place in the authored list.
        keyed = [(secrets.token_hex(4), o) for o in q["options"]]
        session.add(QuizQuestion(version_id=version.id, position=i, kind=QuestionKind(q["kind"]), text=q["text"],
                                 points=q["points"], options=[{"key": k, "text": o["text"]} for k, o in keyed],
                                 correct=[k for k, o in keyed if o["correct"]]))
    before = audit.snapshot(course)
    course.state, course.current_version_id, course.draft_changed = CourseState.PUBLISHED, version.id, False
    await session.flush()
    await audit.record(session, actor=actor, action="course.publish", subject_type="course", subject_id=course.id,
                       before=before, after=audit.snapshot(course) | {"version": number})
    return version


async def archive_course(session: AsyncSession, *, actor: Actor, course_id: int) -> Course:
    """Take a course off the catalogue: no new enrollments or assignments; learners keep theirs."""
    course = await visible_course(session, actor, course_id, lock=True)
    if not policies.can_archive_course(actor, course):
        raise denied() if not policies.can_manage(actor) else DomainError(errors.WRONG_STATE, field="id")
    before = audit.snapshot(course)
    course.state = CourseState.ARCHIVED
    await session.flush()
    await audit.record(session, actor=actor, action="course.archive", subject_type="course", subject_id=course.id,
                       before=before, after=audit.snapshot(course))
    return course


def draft_input(course: Course) -> CourseInput:
    """A course's card and draft as the input that would write it again (the authoring form starts from it)."""
    draft = course.draft or {}
    return CourseInput(
        title=course.title, summary=course.summary, tags=list(course.tags), audience=list(course.audience),
        reviewer_id=course.reviewer_id, pass_mark=course.pass_mark, max_attempts=course.max_attempts,
        chapters=[ChapterInput(title=c["title"], lessons=[LessonInput(title=lesson["title"], body=lesson.get("body", ""),
                                                                      video_url=lesson.get("videoUrl", ""))
                                                          for lesson in c.get("lessons", [])])
                  for c in draft.get("chapters", [])],
        questions=[QuestionInput(kind=QuestionKind(q["kind"]), text=q["text"], points=q["points"],
                                 options=[OptionInput(text=o["text"], correct=o["correct"]) for o in q["options"]])
                   for q in draft.get("questions", [])])
