"""Use cases of learners: required courses assigned (指派) to departments and roles, self-enrolment, lessons
finished, quiz attempts graded on the server, completion; and learning paths (学习路径).

Each takes ``session`` and ``actor`` keyword-only, checks its policy first, validates, changes, records an audit
event; nothing commits here.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import Role, User, UserRole
from yecai.certificates.models import CertificateKind
from yecai.certificates.service import issue_certificate
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.learning import access, errors, policies
from yecai.learning.events import CourseAssigned, CourseCompleted
from yecai.learning.models import (
    Assignment,
    Course,
    CourseState,
    CourseVersion,
    Enrollment,
    EnrollmentState,
    LearningPath,
    LearningPathCourse,
    Lesson,
    LessonProgress,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
)
from yecai.learning.service import visible_course
from yecai.meetings.access import below, department_tree
from yecai.meetings.action_items import today
from yecai.meetings.service import _department_ids as department_ids
from yecai.meetings.service import _role_codes as role_codes
from yecai.meetings.service import optional_text
from yecai.searchable import web_id

_shuffle = random.SystemRandom()

# Who a training-completion certificate names as its issuer.
CERTIFICATE_ISSUER = "培训中心"


@dataclass(frozen=True)
class AnswerInput:
    question_id: int
    option_keys: Sequence[str]


# ---------------------------------------------------------------- enrollments


def enrollments_query(*, actor: Actor) -> Select[tuple[Enrollment]]:
    if not (policies.can_read(actor) or policies.can_evaluate(actor)):
        raise denied()
    return select(Enrollment)


async def visible_enrollments_query(session: AsyncSession, *, actor: Actor, mine: bool = True,
                                    state: EnrollmentState | None = None, required: bool | None = None,
                                    course_id: int | None = None) -> Select[tuple[Enrollment]]:
    """Enrollments the actor may see; ``mine``: their own (我的学习)."""
    stmt = enrollments_query(actor=actor).where(await access.enrollment_filter(session, actor))
    if mine:
        stmt = stmt.where(Enrollment.user_id == (actor.user_id or 0))
    if state is not None:
        stmt = stmt.where(Enrollment.state == state.value)
    if required is not None:
        stmt = stmt.where(Enrollment.required.is_(required))
    if course_id is not None:
        stmt = stmt.where(Enrollment.course_id == course_id)
    return stmt


async def visible_enrollment(session: AsyncSession, actor: Actor, enrollment_id: int, *,
                             field: str = "enrollmentId") -> Enrollment:
    enrollment = await session.get(Enrollment, enrollment_id)
    if enrollment is None or not policies.can_see_enrollment(actor, enrollment, await access.oversees(session, actor)):
        raise not_found(field)
    return enrollment


async def enroll_in_course(session: AsyncSession, *, actor: Actor, course_id: int) -> Enrollment:
    """Enrol oneself in a published course that suits one (自主报名), on its current version."""
    course = await visible_course(session, actor, course_id, field="courseId")
    if not policies.can_enroll(actor, course, await access.department_kind(session, actor)):
        if course.state != CourseState.PUBLISHED and policies.can_read(actor):
            raise DomainError(errors.NOT_PUBLISHED, field="courseId")
        raise denied()
    existing = (await session.execute(select(Enrollment).where(
        Enrollment.course_id == course.id, Enrollment.user_id == actor.user_id))).scalar_one_or_none()
    if existing is not None:
        raise DomainError(errors.ALREADY_ENROLLED, field="courseId")
    assert course.current_version_id is not None
    enrollment = Enrollment(course_id=course.id, version_id=course.current_version_id, user_id=actor.user_id,
                            department_id=actor.department_id, required=False, state=EnrollmentState.IN_PROGRESS)
    session.add(enrollment)
    await session.flush()
    await audit.record(session, actor=actor, action="enrollment.create", subject_type="enrollment",
                       subject_id=enrollment.id, after=audit.snapshot(enrollment))
    return enrollment


async def _assignees(session: AsyncSession, department_id: int | None, role_code: str | None) -> list[User]:
    stmt = select(User).where(User.active.is_(True))
    if department_id is not None:
        stmt = stmt.where(User.department_id.in_(sorted(below(await department_tree(session), department_id))))
    else:
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).join(Role, Role.id == UserRole.role_id)
                                      .where(Role.code == role_code)))
    return list((await session.execute(stmt.order_by(User.id))).scalars())


async def assign_course(session: AsyncSession, *, actor: Actor, course_id: int, due_on: date,
                        department_id: int | None = None, role_code: str | None = None) -> Assignment:
    """Require a course of a department (with those under it) or a role by a due date (必修); each person
    reached is enrolled on the current version, or their enrollment becomes required."""
    course = await visible_course(session, actor, course_id, field="courseId")
    if not policies.can_manage(actor):
        raise denied()
    if course.state != CourseState.PUBLISHED:
        raise DomainError(errors.NOT_PUBLISHED, field="courseId")
    if (department_id is None) == (role_code is None):
        raise invalid("departmentId", "请选择一个部门或一个角色（二选一）", "name either a department or a role")
    if department_id is not None:
        await department_ids(session, [department_id], "departmentId")
    if role_code is not None:
        await role_codes(session, [role_code], "roleCode")
    if due_on is None or due_on < today():
        raise invalid("dueOn", "截止日期不能早于今天", "must not be before today")
    assignment = Assignment(course_id=course.id, department_id=department_id, role_code=role_code, due_on=due_on,
                            assigned_by_id=actor.user_id)
    session.add(assignment)
    await session.flush()
    users = await _assignees(session, department_id, role_code)
    existing = {e.user_id: e for e in (await session.execute(select(Enrollment).where(
        Enrollment.course_id == course.id, Enrollment.user_id.in_([u.id for u in users])))).scalars()} if users else {}
    reached = []
    assert course.current_version_id is not None
    for user in users:
        enrollment = existing.get(user.id)
        if enrollment is None:
            enrollment = Enrollment(course_id=course.id, version_id=course.current_version_id, user_id=user.id,
                                    department_id=user.department_id)
            session.add(enrollment)
        if enrollment.state != EnrollmentState.COMPLETED:
            # The earliest due date of the assignments that reach a learner holds.
            if not enrollment.required or enrollment.due_on is None or due_on < enrollment.due_on:
                enrollment.due_on, enrollment.assignment_id = due_on, assignment.id
        enrollment.required = True
        reached.append(enrollment)
    await session.flush()
    await audit.record(session, actor=actor, action="course_assignment.create", subject_type="course_assignment",
                       subject_id=assignment.id, after=audit.snapshot(assignment) | {
                           "enrollments": [e.id for e in reached]})
    await events.publish(session, actor=actor, event=CourseAssigned(course, assignment.id,
                                                                    tuple(e.id for e in reached)))
    return assignment


async def _complete_if_done(session: AsyncSession, actor: Actor, enrollment: Enrollment) -> None:
    if enrollment.state == EnrollmentState.COMPLETED:
        return
    lessons = (await session.execute(select(func.count()).select_from(Lesson).where(
        Lesson.version_id == enrollment.version_id))).scalar_one()
    done = (await session.execute(select(func.count()).select_from(LessonProgress).where(
        LessonProgress.enrollment_id == enrollment.id))).scalar_one()
    quiz = (await session.execute(select(func.count()).select_from(QuizQuestion).where(
        QuizQuestion.version_id == enrollment.version_id))).scalar_one()
    if done < lessons or (quiz and enrollment.quiz_passed_at is None):
        return
    before = audit.snapshot(enrollment)
    enrollment.state, enrollment.completed_at = EnrollmentState.COMPLETED, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="enrollment.complete", subject_type="enrollment",
                       subject_id=enrollment.id, before=before, after=audit.snapshot(enrollment))
    course = await session.get(Course, enrollment.course_id)
    assert course is not None
    # The training-completion certificate (培训结业证书), by learning's own rule: once per enrollment.
    await issue_certificate(session, actor=actor, kind=CertificateKind.TRAINING, holder_id=enrollment.user_id,
                            title=f"《{course.title}》结业", issuer=CERTIFICATE_ISSUER,
                            citation=f"完成课程《{course.title}》全部课时并通过测验。",
                            subject_id=web_id("Enrollment", enrollment.id), granted_by="learning.completion")
    await events.publish(session, actor=actor, event=CourseCompleted(enrollment, course))


async def complete_lesson(session: AsyncSession, *, actor: Actor, enrollment_id: int, lesson_id: int) -> Enrollment:
    """Mark a lesson of one's enrollment done; the course completes when every lesson is done and the quiz passed."""
    enrollment = await visible_enrollment(session, actor, enrollment_id)
    if not policies.can_learn(actor, enrollment):
        raise denied()
    lesson = await session.get(Lesson, lesson_id)
    if lesson is None or lesson.version_id != enrollment.version_id:
        raise invalid("lessonId", "不是本课程所学版本的课时", "is not a lesson of the version being learned")
    done = (await session.execute(select(LessonProgress).where(
        LessonProgress.enrollment_id == enrollment.id, LessonProgress.lesson_id == lesson.id))).scalar_one_or_none()
    if done is None:
        progress = LessonProgress(enrollment_id=enrollment.id, lesson_id=lesson.id, completed_at=utcnow())
        session.add(progress)
        await session.flush()
        await audit.record(session, actor=actor, action="lesson_progress.create", subject_type="enrollment",
                           subject_id=enrollment.id, after=audit.snapshot(progress))
        await _complete_if_done(session, actor, enrollment)
    return enrollment


# ---------------------------------------------------------------- quizzes


async def questions_of(session: AsyncSession, version_id: int) -> list[QuizQuestion]:
    return list((await session.execute(select(QuizQuestion).where(QuizQuestion.version_id == version_id)
                                       .order_by(QuizQuestion.position))).scalars())


async def start_quiz_attempt(session: AsyncSession, *, actor: Actor, enrollment_id: int) -> QuizAttempt:
    """Start an attempt at one's quiz, its questions and options shuffled for it; an open attempt is resumed."""
    enrollment = await visible_enrollment(session, actor, enrollment_id)
    if not policies.can_learn(actor, enrollment):
        raise denied()
    if enrollment.state == EnrollmentState.COMPLETED:
        raise DomainError(errors.WRONG_STATE, field="enrollmentId", zh="课程已完成", en="The course is completed")
    questions = await questions_of(session, enrollment.version_id)
    if not questions:
        raise DomainError(errors.NO_QUIZ, field="enrollmentId")
    attempts = list((await session.execute(select(QuizAttempt).where(QuizAttempt.enrollment_id == enrollment.id)
                                           .order_by(QuizAttempt.number))).scalars())
    open_ = next((a for a in attempts if a.submitted_at is None), None)
    if open_ is not None:
        return open_
    version = await session.get(CourseVersion, enrollment.version_id)
    assert version is not None
    if version.max_attempts is not None and len(attempts) >= version.max_attempts:
        raise DomainError(errors.ATTEMPTS_USED, field="enrollmentId")
    order = [q.id for q in questions]
    _shuffle.shuffle(order)
    options = {}
    for q in questions:
        keys = [o["key"] for o in q.options]
        if q.kind.value != "TRUE_FALSE":  # 正确 before 错误 reads naturally; choices are shuffled
            _shuffle.shuffle(keys)
        options[str(q.id)] = keys
    attempt = QuizAttempt(enrollment_id=enrollment.id, number=len(attempts) + 1,
                          layout={"questions": order, "options": options}, started_at=utcnow())
    session.add(attempt)
    await session.flush()
    await audit.record(session, actor=actor, action="quiz_attempt.start", subject_type="quiz_attempt",
                       subject_id=attempt.id, after=audit.snapshot(attempt))
    return attempt


def percent_of(score: int, max_score: int) -> Decimal:
    if max_score <= 0:
        return Decimal("0.00")
    return (Decimal(score) * 100 / Decimal(max_score)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


async def submit_quiz_attempt(session: AsyncSession, *, actor: Actor, attempt_id: int,
                              answers: Sequence[AnswerInput]) -> QuizAttempt:
    """Hand in an attempt: graded here (whole points; a multiple choice counts only when exactly right)."""
    attempt = await session.get(QuizAttempt, attempt_id)
    if attempt is None:
        raise not_found("attemptId")
    enrollment = await visible_enrollment(session, actor, attempt.enrollment_id, field="attemptId")
    if not policies.can_learn(actor, enrollment):
        raise denied()
    if attempt.submitted_at is not None:
        raise DomainError(errors.ALREADY_SUBMITTED, field="attemptId")
    questions = {q.id: q for q in await questions_of(session, enrollment.version_id)}
    shown = set(attempt.layout.get("questions", []))
    chosen: dict[int, list[str]] = {}
    for i, answer in enumerate(answers):
        q = questions.get(answer.question_id)
        if q is None or q.id not in shown:
            raise invalid(f"answers[{i}].questionId", "不是本次测验的题目", "is not a question of this attempt")
        if q.id in chosen:
            raise invalid(f"answers[{i}].questionId", "同一道题只能作答一次", "answers a question twice")
        keys = list(dict.fromkeys(answer.option_keys))
        known = {o["key"] for o in q.options}
        if any(k not in known for k in keys):
            raise invalid(f"answers[{i}].optionKeys", "不是该题的选项", "names an option the question does not have")
        if q.kind.value != "MULTIPLE_CHOICE" and len(keys) > 1:
            raise invalid(f"answers[{i}].optionKeys", "单选题和判断题只能选一个", "choose one option only")
        chosen[q.id] = keys
    score = max_score = 0
    for q in questions.values():
        picked = chosen.get(q.id, [])
        right = bool(picked) and set(picked) == set(q.correct)
        max_score += q.points
        score += q.points if right else 0
        session.add(QuizAnswer(attempt_id=attempt.id, question_id=q.id, chosen=picked, correct=right,
                               points=q.points if right else 0))
    version = await session.get(CourseVersion, enrollment.version_id)
    assert version is not None
    attempt.submitted_at, attempt.score, attempt.max_score = utcnow(), score, max_score
    attempt.percent = percent_of(score, max_score)
    attempt.passed = attempt.percent >= version.pass_mark
    await session.flush()
    await audit.record(session, actor=actor, action="quiz_attempt.submit", subject_type="quiz_attempt",
                       subject_id=attempt.id, after=audit.snapshot(attempt) | {
                           "answers": {str(k): sorted(val) for k, val in chosen.items()}})
    if attempt.passed and enrollment.quiz_passed_at is None:
        enrollment.quiz_passed_at = attempt.submitted_at
        await session.flush()
        await _complete_if_done(session, actor, enrollment)
    return attempt


# ---------------------------------------------------------------- learning paths


def paths_query(*, actor: Actor) -> Select[tuple[LearningPath]]:
    if not policies.can_read(actor):
        raise denied()
    return select(LearningPath)


async def create_learning_path(session: AsyncSession, *, actor: Actor, title: str, course_ids: Sequence[int],
                               description: str = "") -> LearningPath:
    """Set a learning path (学习路径): published courses in the order they are best taken."""
    if not policies.can_manage_paths(actor):
        raise denied()
    title = v.name(title, "title", max_len=200)
    description = optional_text(description, "description", max_len=2000)
    if not course_ids:
        raise invalid("courseIds", "请至少选择一门课程", "name at least one course")
    if len(course_ids) > 30:
        raise invalid("courseIds", "最多 30 门课程", "at most 30 courses")
    if len(set(course_ids)) != len(course_ids):
        raise invalid("courseIds", "课程不能重复", "courses must differ")
    found = {c.id: c for c in (await session.execute(select(Course).where(Course.id.in_(list(course_ids))))).scalars()}
    for i, cid in enumerate(course_ids):
        if cid not in found or found[cid].state != CourseState.PUBLISHED:
            raise invalid(f"courseIds[{i}]", "课程不存在或未发布", "is not a published course")
    path = LearningPath(title=title, description=description, created_by_id=actor.user_id)
    session.add(path)
    await session.flush()
    session.add_all([LearningPathCourse(path_id=path.id, course_id=cid, position=i)
                     for i, cid in enumerate(course_ids)])
    await session.flush()
    await audit.record(session, actor=actor, action="learning_path.create", subject_type="learning_path",
                       subject_id=path.id, after=audit.snapshot(path) | {"courses": list(course_ids)})
    return path
