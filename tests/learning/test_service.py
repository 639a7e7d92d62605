"""Courses, enrollments and quizzes through the services: bad input named and nothing written, every operation
refused to who may not do it (nothing written), a learner keeps their version, grading and completion."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.learning.conftest import Org, course_input, published_course
from yecai.audit.models import AuditEvent
from yecai.certificates.models import Certificate, CertificateKind, CertificateState
from yecai.errors import DomainError
from yecai.learning import figures, learners, service
from yecai.learning.learners import AnswerInput
from yecai.learning.models import (
    CourseState,
    Enrollment,
    EnrollmentState,
    Lesson,
    QuestionKind,
    QuizAttempt,
    QuizQuestion,
)
from yecai.learning.service import ChapterInput, LessonInput, OptionInput, QuestionInput
from yecai.meetings.action_items import today
from yecai.searchable import web_id


async def _lessons(session: AsyncSession, enrollment: Enrollment) -> list[Lesson]:
    return list((await session.execute(select(Lesson).where(Lesson.version_id == enrollment.version_id)
                                       .order_by(Lesson.chapter_position, Lesson.position))).scalars())


async def _questions(session: AsyncSession, enrollment: Enrollment) -> list[QuizQuestion]:
    return await learners.questions_of(session, enrollment.version_id)


def _answers(questions: list[QuizQuestion], *, right: bool) -> list[AnswerInput]:
    found = []
    for q in questions:
        wrong = [o["key"] for o in q.options if o["key"] not in q.correct][:1]
        found.append(AnswerInput(q.id, list(q.correct) if right else wrong))
    return found


@pytest.mark.parametrize(("changes", "field"), [
    ({"pass_mark": 101}, "passMark"),
    ({"pass_mark": -1}, "passMark"),
    ({"max_attempts": 0}, "maxAttempts"),
    ({"title": "  "}, "title"),
    ({"audience": ["BUSINESS", "MARKETING"]}, "audience[1]"),
    ({"reviewer_id": 999999}, "reviewerId"),
    ({"chapters": [ChapterInput("一", [LessonInput(" ")])]}, "chapters[0].lessons[0].title"),
    ({"chapters": [ChapterInput("一", [LessonInput("课", video_url="javascript:alert(1)")])]},
     "chapters[0].lessons[0].videoUrl"),
    ({"questions": [QuestionInput(QuestionKind.SINGLE_CHOICE, "无正确答案？", [OptionInput("甲"), OptionInput("乙")])]},
     "questions[0].options"),
    ({"questions": [QuestionInput(QuestionKind.SINGLE_CHOICE, "两个正确？",
                                  [OptionInput("甲", True), OptionInput("乙", True)])]}, "questions[0].options"),
    ({"questions": [QuestionInput(QuestionKind.TRUE_FALSE, "三个选项？",
                                  [OptionInput("正确", True), OptionInput("错误"), OptionInput("不知道")])]},
     "questions[0].options"),
    ({"questions": [QuestionInput(QuestionKind.MULTIPLE_CHOICE, "一个选项？", [OptionInput("甲", True)])]},
     "questions[0].options"),
    ({"questions": [QuestionInput(QuestionKind.MULTIPLE_CHOICE, "分值？",
                                  [OptionInput("甲", True), OptionInput("乙")], points=0)]}, "questions[0].points"),
])
async def test_bad_courses_are_named_and_nothing_is_written(session: AsyncSession, org: Org,
                                                            changes: dict[str, object], field: str) -> None:
    actor = await org.actor(session, org.author)
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.create_course(session, actor=actor, data=course_input(org, **changes))
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert field in error.value.zh
    assert await fingerprint(session) == before


async def test_only_authors_create_and_only_the_reviewer_publishes(session: AsyncSession, org: Org) -> None:
    before = await fingerprint(session)
    for user in (org.learner, org.manager, org.outsider):
        with pytest.raises(DomainError) as error:
            await service.create_course(session, actor=await org.actor(session, user), data=course_input(org))
        assert error.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before
    course = await service.create_course(session, actor=await org.actor(session, org.author), data=course_input(org))
    assert course.state == CourseState.DRAFT
    # A draft is its writers' and managers': a learner does not find it (not found, not even denied).
    before = await fingerprint(session)
    for user, code in ((org.learner, "NOT_FOUND"), (org.author, "PERMISSION_DENIED"), (org.outsider, "NOT_FOUND")):
        with pytest.raises(DomainError) as error:
            await service.publish_course(session, actor=await org.actor(session, user), course_id=course.id)
        assert error.value.code == code, user.username
    with pytest.raises(DomainError) as error:
        await service.update_course(session, actor=await org.actor(session, org.learner), course_id=course.id,
                                    data=course_input(org, title="改"))
    assert error.value.code == "NOT_FOUND"
    assert await fingerprint(session) == before
    version = await service.publish_course(session, actor=await org.actor(session, org.reviewer), course_id=course.id)
    assert (version.number, course.state, course.current_version_id) == (1, CourseState.PUBLISHED, version.id)
    with pytest.raises(DomainError) as error:
        await service.publish_course(session, actor=await org.actor(session, org.reviewer), course_id=course.id)
    assert error.value.code == "NOTHING_TO_PUBLISH"
    actions = (await session.execute(select(AuditEvent.action).where(
        AuditEvent.subject_type == "course", AuditEvent.subject_id == str(course.id)).order_by(AuditEvent.seq))
               ).scalars().all()
    assert actions == ["course.create", "course.publish"]
    lessons = list((await session.execute(select(Lesson).where(Lesson.version_id == version.id))).scalars())
    assert "<script>" not in lessons[0].body and "应收账款" in lessons[0].body


async def test_a_course_needs_a_lesson_to_be_published(session: AsyncSession, org: Org) -> None:
    course = await service.create_course(session, actor=await org.actor(session, org.author),
                                         data=course_input(org, chapters=[ChapterInput("空章", [])]))
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.publish_course(session, actor=await org.actor(session, org.reviewer), course_id=course.id)
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", "chapters")
    assert await fingerprint(session) == before


async def test_the_catalogue_is_filtered_by_audience(session: AsyncSession, org: Org) -> None:
    business = await published_course(session, org)
    everyone = await published_course(session, org, title="数字化素养", audience=[])
    draft = await service.create_course(session, actor=await org.actor(session, org.author),
                                        data=course_input(org, title="草稿课"))
    seen = {}
    for user in (org.learner, org.accountant, org.author, org.hr, org.outsider):
        stmt = await service.visible_courses_query(session, actor=await org.actor(session, user)) \
            if user is not org.outsider else None
        if stmt is None:
            with pytest.raises(DomainError):
                await service.visible_courses_query(session, actor=await org.actor(session, user))
            continue
        seen[user.username] = set((await session.execute(stmt.with_only_columns(
            service.Course.id))).scalars())
    assert seen["l.learner"] == {business.id, everyone.id}
    assert seen["l.accountant"] == {everyone.id}
    assert seen["l.author"] == {business.id, everyone.id, draft.id}
    assert seen["l.hr"] >= {business.id, everyone.id, draft.id}
    # Finance staff may not enrol in a course for business staff.
    with pytest.raises(DomainError) as error:
        await learners.enroll_in_course(session, actor=await org.actor(session, org.accountant), course_id=business.id)
    assert error.value.code == "NOT_FOUND"


async def test_a_learner_keeps_the_version_they_enrolled_in(session: AsyncSession, org: Org) -> None:
    course = await published_course(session, org)
    learner = await org.actor(session, org.learner)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    first = enrollment.version_id
    with pytest.raises(DomainError) as error:
        await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    assert error.value.code == "ALREADY_ENROLLED"
    await service.update_course(session, actor=await org.actor(session, org.author), course_id=course.id,
                                data=course_input(org, chapters=[ChapterInput("新版", [LessonInput("只有一课")])]))
    second = await service.publish_course(session, actor=await org.actor(session, org.reviewer), course_id=course.id)
    await session.refresh(enrollment)
    assert enrollment.version_id == first != second.id
    assert len(await _lessons(session, enrollment)) == 3
    later = await learners.enroll_in_course(session, actor=await org.actor(session, org.colleague), course_id=course.id)
    assert later.version_id == second.id
    # A lesson of the other version is not one of this enrollment's.
    (new_lesson,) = await _lessons(session, later)
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await learners.complete_lesson(session, actor=learner, enrollment_id=enrollment.id, lesson_id=new_lesson.id)
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", "lessonId")
    with pytest.raises(DomainError) as error:
        await learners.complete_lesson(session, actor=learner, enrollment_id=enrollment.id, lesson_id=999999)
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", "lessonId")
    assert await fingerprint(session) == before


async def test_a_course_completes_when_lessons_are_done_and_the_quiz_passed(session: AsyncSession, org: Org) -> None:
    course = await published_course(session, org)
    learner = await org.actor(session, org.learner)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    lessons = await _lessons(session, enrollment)
    # Only the learner marks their lessons and answers their quiz.
    before = await fingerprint(session)
    for user, code in ((org.colleague, "NOT_FOUND"), (org.hr, "PERMISSION_DENIED"),
                       (org.manager, "PERMISSION_DENIED")):
        with pytest.raises(DomainError) as error:
            await learners.complete_lesson(session, actor=await org.actor(session, user), enrollment_id=enrollment.id,
                                           lesson_id=lessons[0].id)
        assert error.value.code == code, user.username
        with pytest.raises(DomainError) as error:
            await learners.start_quiz_attempt(session, actor=await org.actor(session, user),
                                              enrollment_id=enrollment.id)
        assert error.value.code == code, user.username
    assert await fingerprint(session) == before

    for lesson in lessons:
        await learners.complete_lesson(session, actor=learner, enrollment_id=enrollment.id, lesson_id=lesson.id)
    await learners.complete_lesson(session, actor=learner, enrollment_id=enrollment.id, lesson_id=lessons[0].id)
    assert enrollment.state == EnrollmentState.IN_PROGRESS  # the quiz is not passed yet

    questions = await _questions(session, enrollment)
    failed = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    assert await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id) is failed
    assert sorted(failed.layout["questions"]) == sorted(q.id for q in questions)
    # Half right: the single choice (1 point) right, the multiple choice (2) with one of its two answers, T/F wrong.
    single, multiple, true_false = questions
    answers = [AnswerInput(single.id, list(single.correct)), AnswerInput(multiple.id, list(multiple.correct)[:1]),
               *_answers([true_false], right=False)]
    other = await learners.start_quiz_attempt(session, actor=await org.actor(session, org.colleague),
                                              enrollment_id=(await learners.enroll_in_course(
                                                  session, actor=await org.actor(session, org.colleague),
                                                  course_id=course.id)).id)
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await learners.submit_quiz_attempt(session, actor=learner, attempt_id=other.id, answers=answers)
    assert error.value.code == "NOT_FOUND"
    for bad, field in (([AnswerInput(999999, [])], "answers[0].questionId"),
                       ([AnswerInput(single.id, ["nope"])], "answers[0].optionKeys"),
                       ([AnswerInput(single.id, [o["key"] for o in single.options[:2]])], "answers[0].optionKeys"),
                       ([AnswerInput(single.id, []), AnswerInput(single.id, [])], "answers[1].questionId")):
        with pytest.raises(DomainError) as error:
            await learners.submit_quiz_attempt(session, actor=learner, attempt_id=failed.id, answers=bad)
        assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before
    await learners.submit_quiz_attempt(session, actor=learner, attempt_id=failed.id, answers=answers)
    assert (failed.score, failed.max_score, failed.percent, failed.passed) == (1, 4, Decimal("25.00"), False)
    with pytest.raises(DomainError) as error:
        await learners.submit_quiz_attempt(session, actor=learner, attempt_id=failed.id, answers=answers)
    assert error.value.code == "ALREADY_SUBMITTED"

    passed = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    assert passed.number == 2
    await learners.submit_quiz_attempt(session, actor=learner, attempt_id=passed.id,
                                       answers=_answers(questions, right=True))
    assert (passed.score, passed.percent, passed.passed) == (4, Decimal("100.00"), True)
    assert enrollment.state == EnrollmentState.COMPLETED and enrollment.completed_at is not None
    assert "enrollment.complete" in (await session.execute(select(AuditEvent.action).where(
        AuditEvent.subject_type == "enrollment", AuditEvent.subject_id == str(enrollment.id)))).scalars().all()
    # Completion issues the training certificate (培训结业证书), once, to the learner, verifiable.
    (certificate,) = (await session.execute(select(Certificate).where(Certificate.holder_id == org.learner.id))
                      ).scalars().all()
    assert (certificate.kind, certificate.state, certificate.subject_id) == (
        CertificateKind.TRAINING, CertificateState.VALID, web_id("Enrollment", enrollment.id))
    assert certificate.title == f"《{course.title}》结业"


async def test_attempts_run_out(session: AsyncSession, org: Org) -> None:
    course = await published_course(session, org, max_attempts=1)
    learner = await org.actor(session, org.learner)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    attempt = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    await learners.submit_quiz_attempt(session, actor=learner, attempt_id=attempt.id, answers=[])
    assert attempt.passed is False and attempt.score == 0
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    assert error.value.code == "ATTEMPTS_USED"
    assert await fingerprint(session) == before


async def test_options_are_shuffled_per_attempt(session: AsyncSession, org: Org) -> None:
    options = [OptionInput(f"选项{i}", i == 0) for i in range(8)]
    course = await published_course(session, org, max_attempts=None, questions=[
        QuestionInput(QuestionKind.SINGLE_CHOICE, "八选一", options)])
    learner = await org.actor(session, org.learner)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    orders = set()
    for _ in range(6):
        attempt = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
        orders.add(tuple(next(iter(attempt.layout["options"].values()))))
        await learners.submit_quiz_attempt(session, actor=learner, attempt_id=attempt.id, answers=[])
    # Six shuffles of eight options all alike: once in 40320**5.
    assert len(orders) > 1


async def test_assignments_require_a_course_of_a_department_and_who_may_assign(session: AsyncSession,
                                                                              org: Org) -> None:
    course = await published_course(session, org, audience=[])
    due = today() + timedelta(days=14)
    before = await fingerprint(session)
    for user in (org.author, org.manager, org.learner):
        with pytest.raises(DomainError) as error:
            await learners.assign_course(session, actor=await org.actor(session, user), course_id=course.id,
                                         department_id=org.sales.id, due_on=due)
        assert error.value.code == "PERMISSION_DENIED", user.username
    hr = await org.actor(session, org.hr)
    for kwargs, field in (({"department_id": org.sales.id, "due_on": today() - timedelta(days=1)}, "dueOn"),
                          ({"due_on": due}, "departmentId"),
                          ({"department_id": org.sales.id, "role_code": "staff", "due_on": due}, "departmentId"),
                          ({"department_id": 999999, "due_on": due}, "departmentId[0]"),
                          ({"role_code": "nobody", "due_on": due}, "roleCode[0]")):
        with pytest.raises(DomainError) as error:
            await learners.assign_course(session, actor=hr, course_id=course.id, **kwargs)  # type: ignore[arg-type]
        assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before
    # The colleague enrolled on their own first; the assignment makes it required.
    own = await learners.enroll_in_course(session, actor=await org.actor(session, org.colleague), course_id=course.id)
    assignment = await learners.assign_course(session, actor=hr, course_id=course.id, department_id=org.sales.id,
                                              due_on=due)
    rows = {e.user_id: e for e in (await session.execute(select(Enrollment).where(
        Enrollment.course_id == course.id))).scalars()}
    assert set(rows) == {org.learner.id, org.colleague.id, org.manager.id, org.outsider.id}
    assert all(e.required and e.due_on == due and e.assignment_id == assignment.id for e in rows.values())
    assert rows[org.colleague.id].id == own.id


async def test_figures_and_required_training(session: AsyncSession, org: Org) -> None:
    course = await published_course(session, org, audience=[])
    hr = await org.actor(session, org.hr)
    due = today() + timedelta(days=3)
    await learners.assign_course(session, actor=hr, course_id=course.id, department_id=org.sales.id, due_on=due)
    learner = await org.actor(session, org.learner)
    enrollment = (await session.execute(select(Enrollment).where(Enrollment.user_id == org.learner.id))).scalar_one()
    for lesson in await _lessons(session, enrollment):
        await learners.complete_lesson(session, actor=learner, enrollment_id=enrollment.id, lesson_id=lesson.id)
    questions = await _questions(session, enrollment)
    for right in (False, True):
        attempt = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
        await learners.submit_quiz_attempt(session, actor=learner, attempt_id=attempt.id,
                                           answers=_answers(questions, right=right))
    assert enrollment.state == EnrollmentState.COMPLETED

    result = await figures.learning_figures(session, actor=hr)
    (by_course,) = [c for c in result.by_course if c.key == course.id]
    assert (by_course.enrolled, by_course.completed, by_course.required, by_course.rate) == (4, 1, 4, Decimal("25.00"))
    east = next(c for c in result.by_department if c.key == org.east.id)
    assert (east.enrolled, east.completed, east.rate) == (1, 1, Decimal("100.00"))
    (quiz,) = [q for q in result.quiz_results if q.course_id == course.id]
    assert (quiz.attempts, quiz.passed, quiz.average_percent) == (2, 1, Decimal("50.00"))
    assert {h.question_id for h in result.hardest_questions} == {q.id for q in questions}
    assert all(h.correct_rate == Decimal("50.00") for h in result.hardest_questions)
    # Nothing overdue yet; three days after the due date the three who did not finish are.
    assert result.overdue == []
    from datetime import UTC, datetime, time
    later = datetime.combine(due + timedelta(days=1), time(12), UTC)
    overdue = (await figures.learning_figures(session, actor=hr, now=later)).overdue
    assert {e.user_id for e in overdue} == {org.colleague.id, org.manager.id, org.outsider.id}

    # The sales manager evaluates sales (and east below it) only; staff may not.
    mine = await figures.learning_figures(session, actor=await org.actor(session, org.manager))
    assert {c.key for c in mine.by_department} == {org.sales.id, org.east.id}
    with pytest.raises(DomainError) as error:
        await figures.learning_figures(session, actor=learner)
    assert error.value.code == "PERMISSION_DENIED"

    period = await figures.required_training(session, start=due - timedelta(days=10), end=due)
    assert period[org.learner.id].due == 1 and period[org.learner.id].completed_on_time == 1
    assert period[org.learner.id].rate == Decimal("100.00")
    assert period[org.colleague.id].completed_on_time == 0 and period[org.colleague.id].rate == Decimal("0.00")
    assert await figures.required_training(session, start=date(2020, 1, 1), end=date(2020, 12, 31)) == {}


async def test_learning_paths_are_set_by_managers(session: AsyncSession, org: Org) -> None:
    first = await published_course(session, org, audience=[])
    draft = await service.create_course(session, actor=await org.actor(session, org.author), data=course_input(org))
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await learners.create_learning_path(session, actor=await org.actor(session, org.author), title="路径",
                                            course_ids=[first.id])
    assert error.value.code == "PERMISSION_DENIED"
    hr = await org.actor(session, org.hr)
    for ids, field in (([], "courseIds"), ([first.id, draft.id], "courseIds[1]"), ([first.id, first.id], "courseIds")):
        with pytest.raises(DomainError) as error:
            await learners.create_learning_path(session, actor=hr, title="路径", course_ids=ids)
        assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before
    path = await learners.create_learning_path(session, actor=hr, title="业财融合入门", course_ids=[first.id])
    assert (await session.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "learning_path.create", AuditEvent.subject_id == str(path.id)))).scalar_one() == 1


async def test_the_quiz_attempt_never_holds_what_is_correct(session: AsyncSession, org: Org) -> None:
    course = await published_course(session, org)
    learner = await org.actor(session, org.learner)
    enrollment = await learners.enroll_in_course(session, actor=learner, course_id=course.id)
    attempt = await learners.start_quiz_attempt(session, actor=learner, enrollment_id=enrollment.id)
    assert "correct" not in str(attempt.layout)
    assert (await session.get(QuizAttempt, attempt.id)) is attempt
