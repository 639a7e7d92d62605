"""Queries of learning: the catalogue of courses, enrollments (我的学习), learning paths and the figures."""

from typing import Optional

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.learning import types as t
from yecai.learning import figures, learners, models, service
from yecai.org.models import Department as DepartmentRow
from yecai.pagination import paginate

READ = " Needs `learning.read` (or `learning.author` for one's own courses)."


async def _figures(info: Info, result: figures.LearningFigures) -> t.LearningFigures:
    session = info.context.session
    course_ids = {c.key for c in result.by_course if c.key} | {q.course_id for q in result.quiz_results}
    questions = await figures.question_rows(session, [h.question_id for h in result.hardest_questions])
    version_course = dict((await session.execute(select(models.CourseVersion.id, models.CourseVersion.course_id).where(
        models.CourseVersion.id.in_({q.version_id for q in questions.values()})))).all()) if questions else {}
    course_ids |= set(version_course.values())
    titles = dict((await session.execute(select(models.Course.id, models.Course.title).where(
        models.Course.id.in_(course_ids)))).all()) if course_ids else {}
    dept_ids = {c.key for c in result.by_department if c.key}
    depts = dict((await session.execute(select(DepartmentRow.id, DepartmentRow.name).where(
        DepartmentRow.id.in_(dept_ids)))).all()) if dept_ids else {}

    def row(c: figures.Completion, *, course: bool) -> t.CompletionRow:
        label = titles.get(c.key or 0, "") if course else depts.get(c.key or 0, "（未指定部门）")
        return t.CompletionRow(label=label, course_id=t.gid("Course", c.key) if course else None,
                               department_id=None if course else t.gid("Department", c.key), enrolled=c.enrolled,
                               completed=c.completed, required=c.required, overdue=c.overdue, rate=c.rate)

    return t.LearningFigures(
        by_course=[row(c, course=True) for c in result.by_course],
        by_department=[row(c, course=False) for c in result.by_department],
        overdue=[t.Enrollment.from_model(e) for e in result.overdue],
        quiz_results=[t.QuizResultRow(course_id=strawberry.ID(str(t.gid("Course", q.course_id))),
                                      label=titles.get(q.course_id, ""), attempts=q.attempts, passed=q.passed,
                                      average_percent=q.average_percent) for q in result.quiz_results],
        hardest_questions=[t.HardQuestionRow(
            text=questions[h.question_id].text if h.question_id in questions else "",
            course_title=titles.get(version_course.get(questions[h.question_id].version_id, 0), "")
            if h.question_id in questions else "", answered=h.answered, correct=h.correct,
            correct_rate=h.correct_rate) for h in result.hardest_questions])


@strawberry.type
class LearningQueries:
    @strawberry.field(description="Courses (课程) the viewer may see: published ones that suit their department's "
                                  "kind, those they are enrolled in, and those they write; by title. `mine`: those "
                                  "the viewer writes (author or reviewer)." + READ)
    async def courses(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                      mine: bool = False, state: Optional[t.CourseState] = None,
                      tag: Optional[str] = None) -> Optional[Connection[t.Course]]:
        async def run() -> Connection[t.Course]:
            stmt = await service.visible_courses_query(
                info.context.session, actor=info.context.actor, mine=mine,
                state=models.CourseState(state.value) if state else None, tag=tag)
            page = await paginate(info.context.session, stmt, order=[(models.Course.title, False),
                                                                    (models.Course.id, False)],
                                  first=first, after=after)
            return connection(page, t.Course.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Enrollments (学习记录) the viewer may see, latest first. `mine` (the default): the "
                                  "viewer's own (我的学习); otherwise every one they may see (`learning.manage`: all; "
                                  "`learning.evaluate`: their own and lower departments')." + READ)
    async def enrollments(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                          mine: bool = True, state: Optional[t.EnrollmentState] = None,
                          required: Optional[bool] = None,
                          course_id: Optional[strawberry.ID] = None) -> Optional[Connection[t.Enrollment]]:
        async def run() -> Connection[t.Enrollment]:
            stmt = await learners.visible_enrollments_query(
                info.context.session, actor=info.context.actor, mine=mine,
                state=models.EnrollmentState(state.value) if state else None, required=required,
                course_id=decode_optional_id(course_id, "Course", "courseId"))
            page = await paginate(info.context.session, stmt, order=[(models.Enrollment.enrolled_at, True),
                                                                    (models.Enrollment.id, True)],
                                  first=first, after=after)
            return connection(page, t.Enrollment.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Learning paths (学习路径), by title; each step shows the viewer's enrollment."
                                  " Needs `learning.read`.")
    async def learning_paths(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                             after: Optional[str] = None) -> Optional[Connection[t.LearningPath]]:
        async def run() -> Connection[t.LearningPath]:
            page = await paginate(info.context.session, learners.paths_query(actor=info.context.actor),
                                  order=[(models.LearningPath.title, False), (models.LearningPath.id, False)],
                                  first=first, after=after)
            return connection(page, t.LearningPath.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Learning figures (学习统计): completion rates by course and department, overdue "
                                  "required courses, quiz results, the hardest questions. Needs `learning.evaluate` "
                                  "(one's own and lower departments) or `learning.manage` (all).")
    async def learning_figures(self, info: Info, course_id: Optional[strawberry.ID] = None,
                               department_id: Optional[strawberry.ID] = None) -> Optional[t.LearningFigures]:
        async def run() -> t.LearningFigures:
            result = await figures.learning_figures(
                info.context.session, actor=info.context.actor,
                course_id=decode_optional_id(course_id, "Course", "courseId"),
                department_id=decode_optional_id(department_id, "Department", "departmentId"))
            return await _figures(info, result)

        return await guarded(info, run)
