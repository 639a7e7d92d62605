"""Mutations of learning: writing and publishing courses, assigning and enrolling, lessons, quiz attempts, paths."""

import datetime as dt
from typing import Optional

import strawberry
from sqlalchemy import func, select
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, mutation
from yecai.graphql.learning import types as t
from yecai.learning import errors, events, learners, models, service
from yecai.learning import permissions as p


@strawberry.input(description="An option of a question; mark the correct one(s).")
class QuizOptionInput:
    text: str
    correct: bool = False


@strawberry.input(description="A quiz question: single choice and true/false (two options, 正确/错误) have exactly "
                              "one correct option, multiple choice at least one.")
class QuizQuestionInput:
    kind: t.QuestionKind
    text: str
    options: list[QuizOptionInput]
    points: int = 1


@strawberry.input
class LessonInput:
    title: str
    body: str = strawberry.field(default="", description="Rich text (HTML; sanitized).")
    video_url: str = ""


@strawberry.input
class ChapterInput:
    title: str
    lessons: list[LessonInput] = strawberry.field(default_factory=list)


@strawberry.input(description="A course's card and draft (all of it, as the authoring form shows it). `passMark` "
                              "is a percentage 0..100; `maxAttempts` null for unlimited; `audience` the department "
                              "kinds it suits (empty: everyone).")
class CourseInput:
    title: str
    summary: str = ""
    tags: list[str] = strawberry.field(default_factory=list)
    audience: list[t.DepartmentKind] = strawberry.field(default_factory=list)
    reviewer_id: Optional[strawberry.ID] = None
    pass_mark: int = 60
    max_attempts: Optional[int] = None
    chapters: list[ChapterInput] = strawberry.field(default_factory=list)
    questions: list[QuizQuestionInput] = strawberry.field(default_factory=list)


@strawberry.input
class CreateCourseInput:
    course: CourseInput


@strawberry.input
class UpdateCourseInput:
    id: strawberry.ID
    course: CourseInput


@strawberry.input
class CourseIdInput:
    id: strawberry.ID


@strawberry.input(description="Require a course of a department (with those under it) or of a role, by a due "
                              "date: name one of the two.")
class AssignCourseInput:
    course_id: strawberry.ID
    due_on: dt.date
    department_id: Optional[strawberry.ID] = None
    role_code: Optional[str] = None


@strawberry.type(description="`assignCourse` succeeded: how many learners it reached.")
class AssignCourseSuccess:
    course: t.Course
    due_on: dt.date
    enrolled_count: int


@strawberry.input
class EnrollInCourseInput:
    course_id: strawberry.ID


@strawberry.input
class CompleteLessonInput:
    enrollment_id: strawberry.ID
    lesson_id: strawberry.ID


@strawberry.input
class StartQuizAttemptInput:
    enrollment_id: strawberry.ID


@strawberry.input(description="The options chosen for one question (their keys as the attempt shows them).")
class QuizAnswerInput:
    question_id: strawberry.ID
    option_keys: list[str]


@strawberry.input(description="Hand in an attempt; unanswered questions count as wrong.")
class SubmitQuizAttemptInput:
    attempt_id: strawberry.ID
    answers: list[QuizAnswerInput]


@strawberry.input
class CreateLearningPathInput:
    title: str
    course_ids: list[strawberry.ID]
    description: str = ""


def _course(c: CourseInput) -> service.CourseInput:
    return service.CourseInput(
        title=c.title, summary=c.summary, tags=list(c.tags), audience=[k.value for k in c.audience],
        reviewer_id=decode_optional_id(c.reviewer_id, "User", "reviewerId"), pass_mark=c.pass_mark,
        max_attempts=c.max_attempts,
        chapters=[service.ChapterInput(title=ch.title, lessons=[
            service.LessonInput(title=lesson.title, body=lesson.body, video_url=lesson.video_url)
            for lesson in ch.lessons]) for ch in c.chapters],
        questions=[service.QuestionInput(kind=models.QuestionKind(q.kind.value), text=q.text, points=q.points,
                                         options=[service.OptionInput(text=o.text, correct=o.correct)
                                                  for o in q.options]) for q in c.questions])


async def _attempt(info: Info, row: models.QuizAttempt) -> t.QuizAttempt:
    enrollment = await info.context.session.get(models.Enrollment, row.enrollment_id)
    assert enrollment is not None
    return t.QuizAttempt.of(row, enrollment.version_id)


@strawberry.type
class LearningMutations:
    @mutation("Start a course (课程): its card and draft of chapters, lessons and quiz; the viewer is its author.",
              permission=p.LEARNING_AUTHOR, returns=("course", t.Course))
    async def create_course(self, info: Info, input: CreateCourseInput) -> t.Course:
        return t.Course.from_model(await service.create_course(info.context.session, actor=info.context.actor,
                                                               data=_course(input.course)))

    @mutation("Change a course's card and draft (its author, reviewer, or a manager of training); learners see "
              "it once published.", permission=p.LEARNING_AUTHOR, returns=("course", t.Course))
    async def update_course(self, info: Info, input: UpdateCourseInput) -> t.Course:
        return t.Course.from_model(await service.update_course(
            info.context.session, actor=info.context.actor, course_id=decode_id(input.id, "Course"),
            data=_course(input.course)))

    @mutation("Publish the draft as a new, immutable version: the course's reviewer (the author when none is "
              "named) or a manager of training.", permission=p.LEARNING_AUTHOR,
              errors=[errors.NOTHING_TO_PUBLISH], returns=("course", t.Course))
    async def publish_course(self, info: Info, input: CourseIdInput) -> t.Course:
        course_id = decode_id(input.id, "Course")
        await service.publish_course(info.context.session, actor=info.context.actor, course_id=course_id)
        row = await info.context.session.get(models.Course, course_id)
        return t.Course.from_model(row)

    @mutation("Take a course off the catalogue: no new enrollments; learners keep theirs.",
              permission=p.LEARNING_MANAGE, errors=[errors.WRONG_STATE], returns=("course", t.Course))
    async def archive_course(self, info: Info, input: CourseIdInput) -> t.Course:
        return t.Course.from_model(await service.archive_course(info.context.session, actor=info.context.actor,
                                                                course_id=decode_id(input.id, "Course")))

    @mutation("Require a published course (必修) of a department or role by a due date; each person reached is "
              "enrolled.", permission=p.LEARNING_MANAGE, errors=[errors.NOT_PUBLISHED],
              emits=[events.CourseAssigned], returns=AssignCourseSuccess)
    async def assign_course(self, info: Info, input: AssignCourseInput) -> AssignCourseSuccess:
        course_id = decode_id(input.course_id, "Course", "courseId")
        assignment = await learners.assign_course(
            info.context.session, actor=info.context.actor, course_id=course_id, due_on=input.due_on,
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            role_code=input.role_code)
        count = (await info.context.session.execute(select(func.count()).select_from(models.Enrollment).where(
            models.Enrollment.assignment_id == assignment.id))).scalar_one()
        row = await info.context.session.get(models.Course, course_id)
        return AssignCourseSuccess(course=t.Course.from_model(row), due_on=assignment.due_on, enrolled_count=count)

    @mutation("Enrol oneself in a published course that suits one (自主报名), on its current version.",
              permission=p.LEARNING_READ, errors=[errors.ALREADY_ENROLLED, errors.NOT_PUBLISHED],
              returns=("enrollment", t.Enrollment))
    async def enroll_in_course(self, info: Info, input: EnrollInCourseInput) -> t.Enrollment:
        return t.Enrollment.from_model(await learners.enroll_in_course(
            info.context.session, actor=info.context.actor,
            course_id=decode_id(input.course_id, "Course", "courseId")))

    @mutation("Mark a lesson of one's enrollment finished; the course completes when every lesson is done and its "
              "quiz passed.", permission=p.LEARNING_READ, emits=[events.CourseCompleted],
              returns=("enrollment", t.Enrollment))
    async def complete_lesson(self, info: Info, input: CompleteLessonInput) -> t.Enrollment:
        return t.Enrollment.from_model(await learners.complete_lesson(
            info.context.session, actor=info.context.actor,
            enrollment_id=decode_id(input.enrollment_id, "Enrollment", "enrollmentId"),
            lesson_id=decode_id(input.lesson_id, "Lesson", "lessonId")))

    @mutation("Start (or continue) an attempt at one's course quiz: questions and options shuffled for it, "
              "nothing of what is correct.", permission=p.LEARNING_READ,
              errors=[errors.NO_QUIZ, errors.ATTEMPTS_USED, errors.WRONG_STATE], returns=("attempt", t.QuizAttempt))
    async def start_quiz_attempt(self, info: Info, input: StartQuizAttemptInput) -> t.QuizAttempt:
        row = await learners.start_quiz_attempt(
            info.context.session, actor=info.context.actor,
            enrollment_id=decode_id(input.enrollment_id, "Enrollment", "enrollmentId"))
        return await _attempt(info, row)

    @mutation("Hand in a quiz attempt: graded on the server; the result shows what was correct.",
              permission=p.LEARNING_READ, errors=[errors.ALREADY_SUBMITTED], emits=[events.CourseCompleted],
              returns=("attempt", t.QuizAttempt))
    async def submit_quiz_attempt(self, info: Info, input: SubmitQuizAttemptInput) -> t.QuizAttempt:
        answers = [learners.AnswerInput(question_id=decode_id(a.question_id, "QuizQuestion",
                                                              f"answers[{i}].questionId"),
                                        option_keys=list(a.option_keys)) for i, a in enumerate(input.answers)]
        row = await learners.submit_quiz_attempt(
            info.context.session, actor=info.context.actor,
            attempt_id=decode_id(input.attempt_id, "QuizAttempt", "attemptId"), answers=answers)
        return await _attempt(info, row)

    @mutation("Set a learning path (学习路径): published courses in order.", permission=p.LEARNING_MANAGE,
              returns=("path", t.LearningPath))
    async def create_learning_path(self, info: Info, input: CreateLearningPathInput) -> t.LearningPath:
        return t.LearningPath.from_model(await learners.create_learning_path(
            info.context.session, actor=info.context.actor, title=input.title, description=input.description,
            course_ids=[decode_id(c, "Course", f"courseIds[{i}]") for i, c in enumerate(input.course_ids)]))
