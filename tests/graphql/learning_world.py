"""The world's learning: a course for everyone, published, with changes in its draft for a second version; its
author and reviewer sit in a department of their own; the world's target user is enrolled, one quiz attempt open."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.learning import learners, service
from yecai.learning.models import Course, Enrollment, Lesson, QuestionKind, QuizAttempt, QuizQuestion
from yecai.learning.service import ChapterInput, CourseInput, LessonInput, OptionInput, QuestionInput
from yecai.org.models import DepartmentKind


@dataclass
class Learning:
    course: Course
    enrollment: Enrollment  # the target's
    lesson: Lesson
    question: QuizQuestion
    attempt: QuizAttempt  # the target's, open


def world_course(title: str = "数字化素养") -> CourseInput:
    return CourseInput(
        title=title, audience=[], pass_mark=60,
        chapters=[ChapterInput("在门户里工作", [LessonInput("搜索与附件", "<p>按 Ctrl+K 搜索</p>")])],
        questions=[QuestionInput(QuestionKind.TRUE_FALSE, "可以共用账号。", [OptionInput("正确"),
                                                                       OptionInput("错误", True)])])


async def make_learning(session: AsyncSession, target: User) -> Learning:
    home = await make_department(session, code="W-LEARNING", name="培训部", kind=DepartmentKind.SUPPORT)
    author = await actor_for(session, await make_user(session, roles=("finance",), department=home))
    reviewer_user = await make_user(session, roles=("finance",), department=home)
    data = world_course()
    course = await service.create_course(session, actor=author, data=CourseInput(
        **{**data.__dict__, "reviewer_id": reviewer_user.id}))
    await service.publish_course(session, actor=await actor_for(session, reviewer_user), course_id=course.id)
    await service.update_course(session, actor=author, course_id=course.id, data=CourseInput(
        **{**data.__dict__, "reviewer_id": reviewer_user.id, "summary": "第二版"}))
    learner = await actor_for(session, target)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    attempt = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    lesson = (await session.execute(select(Lesson).where(Lesson.version_id == enrollment.version_id))).scalar_one()
    question = (await session.execute(select(QuizQuestion).where(
        QuizQuestion.version_id == enrollment.version_id))).scalar_one()
    return Learning(course, enrollment, lesson, question, attempt)
