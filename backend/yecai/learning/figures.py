"""Learning figures (学习统计): completion rates by department and course, overdue required courses, quiz results
and the hardest questions; and what the performance domain reads: required courses completed per person.

Each figure is a fixed number of grouped statements over the enrollments the viewer may see (``learning.manage``:
all; ``learning.evaluate``: their own and lower departments'), never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.errors import denied
from yecai.learning import access, policies
from yecai.learning.learners import percent_of
from yecai.learning.models import Enrollment, EnrollmentState, QuizAnswer, QuizAttempt, QuizQuestion
from yecai.meetings.action_items import today
from yecai.workdays.recurrence import SHANGHAI


@dataclass(frozen=True)
class Completion:
    key: int | None  # a course id or department id (None: no department)
    enrolled: int
    completed: int
    required: int
    overdue: int

    @property
    def rate(self) -> Decimal | None:
        """Completed over enrolled, a percentage exact to 0.01; None when nobody is enrolled (no data)."""
        return percent_of(self.completed, self.enrolled) if self.enrolled else None


@dataclass(frozen=True)
class QuizResult:
    course_id: int
    attempts: int
    passed: int
    average_percent: Decimal | None


@dataclass(frozen=True)
class HardQuestion:
    question_id: int
    answered: int
    correct: int

    @property
    def correct_rate(self) -> Decimal:
        return percent_of(self.correct, self.answered)


@dataclass(frozen=True)
class LearningFigures:
    by_course: list[Completion]
    by_department: list[Completion]
    overdue: list[Enrollment]
    quiz_results: list[QuizResult]
    hardest_questions: list[HardQuestion]


async def learning_figures(session: AsyncSession, *, actor: Actor, course_id: int | None = None,
                           department_id: int | None = None, now: datetime | None = None) -> LearningFigures:
    """The figures of the enrollments the viewer evaluates, optionally of one course or department."""
    if not policies.can_evaluate(actor):
        raise denied()
    scope = [await access.enrollment_filter(session, actor)]
    if not policies.can_manage(actor):
        # Evaluators see their departments' figures, not only their own learning.
        scope = [Enrollment.department_id.in_(sorted(await access.oversees(session, actor)))]
    if course_id is not None:
        scope.append(Enrollment.course_id == course_id)
    if department_id is not None:
        scope.append(Enrollment.department_id == department_id)
    day = today(now)
    done = Enrollment.state == EnrollmentState.COMPLETED.value
    late = Enrollment.required.is_(True) & ~done & (Enrollment.due_on < day)

    async def grouped(key: object) -> list[Completion]:
        rows = (await session.execute(select(
            key, func.count(), func.sum(case((done, 1), else_=0)), func.sum(case((Enrollment.required.is_(True), 1),
                                                                                  else_=0)),
            func.sum(case((late, 1), else_=0))).where(*scope).group_by(key).order_by(key))).all()
        return [Completion(r[0], r[1], int(r[2] or 0), int(r[3] or 0), int(r[4] or 0)) for r in rows]

    by_course = await grouped(Enrollment.course_id)
    by_department = await grouped(Enrollment.department_id)
    overdue = list((await session.execute(select(Enrollment).where(*scope, late).order_by(
        Enrollment.due_on, Enrollment.id).limit(100))).scalars())
    submitted = QuizAttempt.submitted_at.is_not(None)
    quiz = (await session.execute(select(
        Enrollment.course_id, func.count(QuizAttempt.id), func.sum(case((QuizAttempt.passed.is_(True), 1), else_=0)),
        func.sum(QuizAttempt.score), func.sum(QuizAttempt.max_score)).join(
        QuizAttempt, QuizAttempt.enrollment_id == Enrollment.id).where(*scope, submitted).group_by(
        Enrollment.course_id).order_by(Enrollment.course_id))).all()
    quiz_results = [QuizResult(r[0], r[1], int(r[2] or 0), percent_of(int(r[3] or 0), int(r[4] or 0))
                               if r[4] else None) for r in quiz]
    correct = func.sum(case((QuizAnswer.correct.is_(True), 1), else_=0))
    hard = (await session.execute(select(QuizAnswer.question_id, func.count(), correct).join(
        QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id).join(
        Enrollment, Enrollment.id == QuizAttempt.enrollment_id).where(*scope).group_by(
        QuizAnswer.question_id).order_by((correct * 1.0 / func.count()), func.count().desc(),
                                         QuizAnswer.question_id).limit(10))).all()
    return LearningFigures(by_course, by_department, overdue, quiz_results,
                           [HardQuestion(r[0], r[1], int(r[2] or 0)) for r in hard])


async def question_rows(session: AsyncSession, ids: Sequence[int]) -> dict[int, QuizQuestion]:
    if not ids:
        return {}
    return {q.id: q for q in (await session.execute(select(QuizQuestion).where(QuizQuestion.id.in_(list(ids)))))
            .scalars()}


# ---------------------------------------------------------------- read by the performance domain


@dataclass
class RequiredTraining:
    """One person's required courses due in a period: how many, how many completed by their due date, and the
    enrollments counted (the evidence, each a link)."""

    due: int = 0
    completed_on_time: int = 0
    completed_late: int = 0
    enrollment_ids: list[int] = field(default_factory=list)

    @property
    def rate(self) -> Decimal | None:
        """Completed on time over due, a percentage; None when nothing was due (no data, not zero)."""
        return percent_of(self.completed_on_time, self.due) if self.due else None


async def required_training(session: AsyncSession, *, start: date, end: date,
                            user_ids: Sequence[int] | None = None) -> dict[int, RequiredTraining]:
    """Required courses whose due date falls in [start, end] (days in Asia/Shanghai), per user, in one statement.

    A course completed by the end of its due day (Asia/Shanghai) is on time. Users with nothing due are absent.
    """
    stmt = select(Enrollment.id, Enrollment.user_id, Enrollment.due_on, Enrollment.completed_at).where(
        Enrollment.required.is_(True), Enrollment.due_on >= start, Enrollment.due_on <= end)
    if user_ids is not None:
        stmt = stmt.where(Enrollment.user_id.in_(list(user_ids)))
    found: dict[int, RequiredTraining] = {}
    for eid, uid, due_on, completed_at in (await session.execute(stmt.order_by(Enrollment.user_id, Enrollment.id))):
        row = found.setdefault(uid, RequiredTraining())
        row.due += 1
        row.enrollment_ids.append(eid)
        if completed_at is not None:
            deadline = datetime.combine(due_on + timedelta(days=1), time(), SHANGHAI).astimezone(UTC)
            if completed_at < deadline:
                row.completed_on_time += 1
            else:
                row.completed_late += 1
    return found
