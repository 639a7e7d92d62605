"""GraphQL types of learning. Related lists load through the request's DataLoaders.

A quiz attempt's questions carry their options in the attempt's shuffled order and never what is correct:
``correctKeys`` and ``correct`` are null until the attempt is submitted.
"""

import asyncio
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Optional

import strawberry
from sqlalchemy import select
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import ListSize, ModelNode
from yecai.graphql.org.types import Department, DepartmentKind
from yecai.learning import access, models, policies
from yecai.meetings.action_items import today

CourseState = strawberry.enum(models.CourseState, name="CourseState",
                              description="DRAFT 草稿 (never published), PUBLISHED 已发布, ARCHIVED 已下架.")
QuestionKind = strawberry.enum(models.QuestionKind, name="QuestionKind",
                               description="SINGLE_CHOICE 单选题, MULTIPLE_CHOICE 多选题 (all correct options and no "
                                           "other), TRUE_FALSE 判断题.")
EnrollmentState = strawberry.enum(models.EnrollmentState, name="EnrollmentState",
                                  description="IN_PROGRESS 学习中, COMPLETED 已完成.")


def gid(type_name: str, key: Optional[int]) -> Optional[strawberry.ID]:
    return None if key is None else strawberry.ID(str(relay.GlobalID(type_name, str(key))))


async def course_visible(info: Info, course_id: int) -> bool:
    """Whether the viewer may see the course, asked for every course of a request in one batch."""
    session, actor = info.context.session, info.context.actor

    async def batch(ids: list[int]) -> list[bool]:
        rows = [r for r in await info.context.loaders.by_id(models.Course).load_many(ids) if r is not None]
        seen = await access.visible_course_ids(session, actor, rows)
        return [i in seen for i in ids]

    return bool(await info.context.loaders.batched("learning:course-visible", batch).load(course_id))


async def oversees(info: Info) -> set[int]:
    async def batch(keys: list[int]) -> list[set[int]]:
        found = await access.oversees(info.context.session, info.context.actor)
        return [found for _ in keys]

    return set(await info.context.loaders.batched("learning:oversees", batch).load(0))


# ---------------------------------------------------------------- the authors' draft


@strawberry.type(description="An option of a draft question, with whether it is correct (authors only).")
class DraftOption:
    text: str
    correct: bool


@strawberry.type
class DraftQuestion:
    kind: QuestionKind
    text: str
    points: int
    options: list[DraftOption]


@strawberry.type
class DraftLesson:
    title: str
    body: str
    video_url: str


@strawberry.type
class DraftChapter:
    title: str
    lessons: list[DraftLesson]


@strawberry.type(description="What the authors are writing: published as the next version.")
class CourseDraft:
    chapters: list[DraftChapter]
    questions: list[DraftQuestion]

    @classmethod
    def of(cls, draft: dict[str, Any]) -> "CourseDraft":
        return cls(
            chapters=[DraftChapter(title=c["title"], lessons=[DraftLesson(title=lesson["title"],
                                                                          body=lesson.get("body", ""),
                                                                          video_url=lesson.get("videoUrl", ""))
                                                              for lesson in c.get("lessons", [])])
                      for c in draft.get("chapters", [])],
            questions=[DraftQuestion(kind=models.QuestionKind(q["kind"]), text=q["text"], points=q["points"],
                                     options=[DraftOption(text=o["text"], correct=o["correct"]) for o in q["options"]])
                       for q in draft.get("questions", [])])


# ---------------------------------------------------------------- published content


@strawberry.type(description="A lesson (课时) of a published version: rich text (sanitized HTML) and a video link.")
class Lesson(ModelNode):
    model = models.Lesson
    id: relay.NodeID[int]
    chapter_title: str
    title: str
    body: str
    video_url: str
    _model: strawberry.Private[models.Lesson]

    @classmethod
    def from_model(cls, m: models.Lesson) -> "Lesson":
        return cls(id=m.id, chapter_title=m.chapter_title, title=m.title, body=m.body, video_url=m.video_url, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        # gathered, so the loader asks once for every row's course
        shown = iter(await asyncio.gather(*(course_visible(info, r.course_id) for r in rows if r is not None)))
        return [r is not None and next(shown) for r in rows]

    @strawberry.field
    async def course(self, info: Info) -> Optional["Course"]:
        return await Course.load(info, self._model.course_id)


@strawberry.type(description="A chapter (章节) of a published version and its lessons, in order.")
class Chapter:
    title: str
    lessons: list[Lesson]


@strawberry.type(description="A published version (课程版本) of a course: frozen; learners keep the one they began.")
class CourseVersion:
    id: strawberry.ID
    number: int
    title: str
    summary: str
    pass_mark: int = strawberry.field(description="The percentage of the quiz's points needed to pass, 0..100.")
    max_attempts: Optional[int] = strawberry.field(description="Quiz attempts allowed; null: unlimited.")
    published_at: dt.datetime
    _model: strawberry.Private[models.CourseVersion]

    @classmethod
    def from_model(cls, m: models.CourseVersion) -> "CourseVersion":
        return cls(id=strawberry.ID(str(relay.GlobalID("CourseVersion", str(m.id)))), number=m.number, title=m.title,
                   summary=m.summary, pass_mark=m.pass_mark, max_attempts=m.max_attempts,
                   published_at=m.published_at, _model=m)

    async def _lessons(self, info: Info) -> list[models.Lesson]:
        return await info.context.loaders.children(models.Lesson, models.Lesson.version_id,
                                                   models.Lesson.chapter_position, models.Lesson.position).load(
            self._model.id)

    @strawberry.field(directives=[ListSize(assumed_size=10)])
    async def chapters(self, info: Info) -> list[Chapter]:
        found: dict[int, Chapter] = {}
        for row in await self._lessons(info):
            found.setdefault(row.chapter_position, Chapter(title=row.chapter_title, lessons=[])).lessons.append(
                Lesson.from_model(row))
        return list(found.values())

    @strawberry.field
    async def lesson_count(self, info: Info) -> int:
        return len(await self._lessons(info))

    @strawberry.field
    async def question_count(self, info: Info) -> int:
        return len(await info.context.loaders.children(models.QuizQuestion, models.QuizQuestion.version_id,
                                                       models.QuizQuestion.position).load(self._model.id))

    @strawberry.field
    async def published_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.published_by_id)


@strawberry.type(description="What the viewer may do with this course (the server enforces regardless).")
class CourseAbilities:
    update: bool
    publish: bool
    archive: bool
    assign: bool
    enroll: bool
    attach: bool


@strawberry.type(description="A course (课程) of chapters and lessons with a quiz: its catalogue card, its current "
                             "published version and, for its writers, the draft of the next one.")
class Course(ModelNode):
    model = models.Course
    id: relay.NodeID[int]
    title: str
    summary: str
    tags: list[str]
    audience: list[DepartmentKind] = strawberry.field(description="The department kinds it suits; empty: everyone.")
    state: CourseState
    pass_mark: int
    max_attempts: Optional[int]
    draft_changed: bool = strawberry.field(description="The draft holds changes not yet published.")
    created_at: dt.datetime
    updated_at: dt.datetime
    _model: strawberry.Private[models.Course]

    @classmethod
    def from_model(cls, m: models.Course) -> "Course":
        return cls(id=m.id, title=m.title, summary=m.summary, tags=list(m.tags),
                   audience=[DepartmentKind(k) for k in m.audience], state=m.state, pass_mark=m.pass_mark,
                   max_attempts=m.max_attempts, draft_changed=m.draft_changed, created_at=m.created_at,
                   updated_at=m.updated_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        shown = iter(await asyncio.gather(*(course_visible(info, r.id) for r in rows if r is not None)))
        return [r is not None and next(shown) for r in rows]

    @strawberry.field
    async def author(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.author_id)

    @strawberry.field
    async def reviewer(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.reviewer_id)

    @strawberry.field(description="The version new enrollments start on (null before the first publication).")
    async def current_version(self, info: Info) -> Optional[CourseVersion]:
        if self._model.current_version_id is None:
            return None
        row = await info.context.loaders.by_id(models.CourseVersion).load(self._model.current_version_id)
        return CourseVersion.from_model(row) if row is not None else None

    @strawberry.field(description="The draft, for those who may edit the course (null for everyone else).")
    def draft(self, info: Info) -> Optional[CourseDraft]:
        if not policies.can_edit_course(info.context.actor, self._model):
            return None
        return CourseDraft.of(self._model.draft or {})

    @strawberry.field(description="The viewer's own enrollment in it, if any.")
    async def viewer_enrollment(self, info: Info) -> Optional["Enrollment"]:
        if info.context.actor.user_id is None:
            return None
        uid = info.context.actor.user_id
        session = info.context.session

        async def batch(course_ids: list[int]) -> list[Optional[models.Enrollment]]:
            rows = (await session.execute(select(models.Enrollment).where(
                models.Enrollment.user_id == uid, models.Enrollment.course_id.in_(course_ids)))).scalars()
            found = {r.course_id: r for r in rows}
            return [found.get(c) for c in course_ids]

        row = await info.context.loaders.batched("learning:viewer-enrollment", batch).load(self._model.id)
        return Enrollment.from_model(row) if row is not None else None

    @strawberry.field
    async def viewer_can(self, info: Info) -> CourseAbilities:
        actor, c = info.context.actor, self._model

        async def batch(keys: list[int]) -> list[Optional[str]]:
            kind = await access.department_kind(info.context.session, actor)
            return [kind for _ in keys]

        kind = await info.context.loaders.batched("learning:viewer-kind", batch).load(0)
        return CourseAbilities(
            update=policies.can_edit_course(actor, c), publish=policies.can_publish_course(actor, c) and (
                c.draft_changed or c.state != models.CourseState.PUBLISHED),
            archive=policies.can_archive_course(actor, c), assign=policies.can_assign(actor, c),
            enroll=policies.can_enroll(actor, c, kind), attach=policies.can_attach(actor, c))


# ---------------------------------------------------------------- quizzes


@strawberry.type(description="An option as the attempt shows it; its key is what an answer names.")
class AttemptOption:
    key: str
    text: str


@strawberry.type(description="A question of an attempt, its options in the attempt's shuffled order. What is "
                             "correct appears only once the attempt is submitted.")
class AttemptQuestion:
    id: strawberry.ID
    kind: QuestionKind
    text: str
    points: int
    options: list[AttemptOption]
    chosen_keys: Optional[list[str]] = strawberry.field(description="What was answered (after submission).")
    correct: Optional[bool] = strawberry.field(description="Whether the answer was right (after submission).")
    correct_keys: Optional[list[str]] = strawberry.field(description="The correct options (after submission).")


@strawberry.type(description="An attempt (作答) at a course's quiz, graded on the server: whole points, the "
                             "percentage exact to 0.01, passed when at least the version's pass mark.")
class QuizAttempt:
    id: strawberry.ID
    number: int
    started_at: dt.datetime
    submitted_at: Optional[dt.datetime]
    score: Optional[int]
    max_score: Optional[int]
    percent: Optional[Decimal]
    passed: Optional[bool]
    _model: strawberry.Private[models.QuizAttempt]
    _version_id: strawberry.Private[int]

    @classmethod
    def of(cls, m: models.QuizAttempt, version_id: int) -> "QuizAttempt":
        return cls(id=strawberry.ID(str(relay.GlobalID("QuizAttempt", str(m.id)))), number=m.number,
                   started_at=m.started_at, submitted_at=m.submitted_at, score=m.score, max_score=m.max_score,
                   percent=m.percent, passed=m.passed, _model=m, _version_id=version_id)

    @strawberry.field(directives=[ListSize(assumed_size=20)])
    async def questions(self, info: Info) -> list[AttemptQuestion]:
        rows = await info.context.loaders.children(models.QuizQuestion, models.QuizQuestion.version_id,
                                                   models.QuizQuestion.position).load(self._version_id)
        by_id = {q.id: q for q in rows}
        submitted = policies.can_see_results(info.context.actor, self._model)
        answers: dict[int, models.QuizAnswer] = {}
        if submitted:
            answers = {a.question_id: a for a in await info.context.loaders.children(
                models.QuizAnswer, models.QuizAnswer.attempt_id, models.QuizAnswer.id).load(self._model.id)}
        layout = self._model.layout or {}
        found = []
        for qid in layout.get("questions", []):
            q = by_id.get(qid)
            if q is None:
                continue
            texts = {o["key"]: o["text"] for o in q.options}
            order = layout.get("options", {}).get(str(qid), list(texts))
            answer = answers.get(qid)
            found.append(AttemptQuestion(
                id=strawberry.ID(str(relay.GlobalID("QuizQuestion", str(qid)))), kind=q.kind, text=q.text,
                points=q.points, options=[AttemptOption(key=k, text=texts[k]) for k in order if k in texts],
                chosen_keys=list(answer.chosen) if submitted and answer else None,
                correct=answer.correct if submitted and answer else None,
                correct_keys=list(q.correct) if submitted else None))
        return found


# ---------------------------------------------------------------- enrollments


@strawberry.type(description="What the viewer may do with this enrollment (the server enforces regardless).")
class EnrollmentAbilities:
    learn: bool = strawberry.field(description="Finish lessons (the learner).")
    attempt: bool = strawberry.field(description="Start or continue a quiz attempt.")


@strawberry.type(description="One learner's enrollment (学习记录) in a course, on the version they began; required "
                             "(必修) when assigned, with its due date.")
class Enrollment(ModelNode):
    model = models.Enrollment
    id: relay.NodeID[int]
    state: EnrollmentState
    required: bool
    due_on: Optional[dt.date]
    enrolled_at: dt.datetime
    quiz_passed_at: Optional[dt.datetime]
    completed_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Enrollment]

    @classmethod
    def from_model(cls, m: models.Enrollment) -> "Enrollment":
        return cls(id=m.id, state=m.state, required=m.required, due_on=m.due_on, enrolled_at=m.enrolled_at,
                   quiz_passed_at=m.quiz_passed_at, completed_at=m.completed_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        if not any(rows):
            return [False for _ in rows]
        departments = await oversees(info)
        return [r is not None and policies.can_see_enrollment(info.context.actor, r, departments) for r in rows]

    @strawberry.field(description="Required, not completed, and due before today (Asia/Shanghai): 逾期.")
    def overdue(self) -> bool:
        m = self._model
        return bool(m.required and m.state != models.EnrollmentState.COMPLETED and m.due_on and m.due_on < today())

    @strawberry.field(description="The course (its catalogue card as it is now).")
    async def course(self, info: Info) -> Optional[Course]:
        row = await info.context.loaders.by_id(models.Course).load(self._model.course_id)
        return Course.from_model(row) if row is not None else None

    @strawberry.field(description="The version being learned: its chapters and lessons.")
    async def version(self, info: Info) -> CourseVersion:
        row = await info.context.loaders.by_id(models.CourseVersion).load(self._model.version_id)
        return CourseVersion.from_model(row)

    @strawberry.field
    async def user(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.user_id)

    @strawberry.field(description="The learner's department when enrolled.")
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    async def _done(self, info: Info) -> list[models.LessonProgress]:
        return await info.context.loaders.children(models.LessonProgress, models.LessonProgress.enrollment_id,
                                                   models.LessonProgress.id).load(self._model.id)

    @strawberry.field(description="The lessons finished, as global ids.")
    async def completed_lesson_ids(self, info: Info) -> list[strawberry.ID]:
        return [strawberry.ID(str(relay.GlobalID("Lesson", str(p.lesson_id)))) for p in await self._done(info)]

    @strawberry.field(description="Lessons finished.")
    async def completed_lesson_count(self, info: Info) -> int:
        return len(await self._done(info))

    @strawberry.field(description="Lessons of the version.")
    async def lesson_count(self, info: Info) -> int:
        return len(await info.context.loaders.children(models.Lesson, models.Lesson.version_id,
                                                       models.Lesson.chapter_position, models.Lesson.position).load(
            self._model.version_id))

    @strawberry.field(description="The quiz attempts, first first.", directives=[ListSize(assumed_size=3)])
    async def attempts(self, info: Info) -> list[QuizAttempt]:
        rows = await info.context.loaders.children(models.QuizAttempt, models.QuizAttempt.enrollment_id,
                                                   models.QuizAttempt.number).load(self._model.id)
        return [QuizAttempt.of(r, self._model.version_id) for r in rows]

    @strawberry.field
    def viewer_can(self, info: Info) -> EnrollmentAbilities:
        return EnrollmentAbilities(learn=policies.can_learn(info.context.actor, self._model),
                                   attempt=policies.can_attempt(info.context.actor, self._model))


# ---------------------------------------------------------------- learning paths


@strawberry.type(description="A step of a learning path: a course and the viewer's enrollment in it.")
class PathStep:
    position: int
    course: Course
    viewer_enrollment: Optional[Enrollment]


@strawberry.type(description="A learning path (学习路径): courses in the order they are best taken.")
class LearningPath(ModelNode):
    model = models.LearningPath
    id: relay.NodeID[int]
    title: str
    description: str
    created_at: dt.datetime

    @classmethod
    def from_model(cls, m: models.LearningPath) -> "LearningPath":
        return cls(id=m.id, title=m.title, description=m.description, created_at=m.created_at)

    @classmethod
    def visible(cls, info: Info, row: models.LearningPath) -> bool:
        return policies.can_read(info.context.actor)

    @strawberry.field(description="Its courses the viewer may see, in order.", directives=[ListSize(assumed_size=5)])
    async def steps(self, info: Info) -> list[PathStep]:
        rows = await info.context.loaders.children(models.LearningPathCourse, models.LearningPathCourse.path_id,
                                                   models.LearningPathCourse.position).load(self.id)
        courses = await Course.resolve_nodes(info=info, node_ids=[str(r.course_id) for r in rows])
        shown = [(r, c) for r, c in zip(rows, courses, strict=True) if c is not None]
        enrollments = await asyncio.gather(*(c.viewer_enrollment(info) for _, c in shown))
        return [PathStep(position=r.position, course=c, viewer_enrollment=e)
                for (r, c), e in zip(shown, enrollments, strict=True)]


# ---------------------------------------------------------------- figures


@strawberry.type(description="Completion of one course or department: counts, and the completion rate as a "
                             "percentage exact to 0.01 (null when nobody is enrolled).")
class CompletionRow:
    label: str
    course_id: Optional[strawberry.ID]
    department_id: Optional[strawberry.ID]
    enrolled: int
    completed: int
    required: int
    overdue: int
    rate: Optional[Decimal]


@strawberry.type(description="Quiz results of one course: submitted attempts, passed, the average percentage.")
class QuizResultRow:
    course_id: strawberry.ID
    label: str
    attempts: int
    passed: int
    average_percent: Optional[Decimal]


@strawberry.type(description="A question answered wrongly most often: answers, correct ones, the correct rate.")
class HardQuestionRow:
    text: str
    course_title: str
    answered: int
    correct: int
    correct_rate: Decimal


@strawberry.type(description="Learning figures (学习统计) of the enrollments the viewer evaluates.")
class LearningFigures:
    by_course: list[CompletionRow]
    by_department: list[CompletionRow]
    overdue: list[Enrollment]
    quiz_results: list[QuizResultRow]
    hardest_questions: list[HardQuestionRow]
