"""The learning API end to end: the quiz never tells the client what is correct before the attempt is handed in,
bad input is named by field with nothing written, enrollments are the learner's own, search follows the audience."""

from __future__ import annotations

import json
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.graphql.conftest import Index, SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation
from tests.graphql.learning_world import world_course
from yecai.auth.service import actor_for
from yecai.learning import service
from yecai.learning.models import Course, QuizQuestion
from yecai.learning.service import CourseInput

ENROLL = mutation("enrollInCourse", "EnrollInCourseInput", """enrollment { id state lessonCount
  version { number chapters { title lessons { id title body } } } }""")
QUESTIONS = "questions { id kind text points options { key text } chosenKeys correct correctKeys }"
START = mutation("startQuizAttempt", "StartQuizAttemptInput", f"attempt {{ id number submittedAt {QUESTIONS} }}")
SUBMIT = mutation("submitQuizAttempt", "SubmitQuizAttemptInput",
                  f"attempt {{ id score maxScore percent passed {QUESTIONS} }}")
COMPLETE = mutation("completeLesson", "CompleteLessonInput", "enrollment { id state completedLessonCount }")
CREATE = mutation("createCourse", "CreateCourseInput", "course { id }")
COURSE = """query($id: ID!) { node(id: $id) { ... on Course { title draft { questions { options { text correct } } }
  viewerCan { update publish enroll } currentVersion { number questionCount } } } }"""
MINE = "{ enrollments(first: 20) { totalCount edges { node { id state course { title } } } } }"
SEARCH = """query($q: String!) { search(query: $q, first: 20) { edges { node { kind url } } } }"""


async def test_the_quiz_hides_what_is_correct_until_it_is_handed_in(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                                   session: AsyncSession) -> None:
    course_id = gid("Course", world.learning.course.id)
    _, token = await sign_in("staff")
    # The learner reads the course without its draft (the draft marks the correct options).
    card = (await gql(COURSE, {"id": course_id}, token=token))["node"]
    assert card["draft"] is None and card["viewerCan"] == {"update": False, "publish": False, "enroll": True}
    enrolled = (await gql(ENROLL, {"input": {"courseId": course_id}}, token=token))["enrollInCourse"]
    enrollment = enrolled["enrollment"]
    assert enrollment["state"] == "IN_PROGRESS" and enrollment["version"]["number"] == 1
    started = await gql(START, {"input": {"enrollmentId": enrollment["id"]}}, token=token)
    attempt = started["startQuizAttempt"]["attempt"]
    (question,) = attempt["questions"]
    assert [o["text"] for o in question["options"]] == ["正确", "错误"]
    assert (question["chosenKeys"], question["correct"], question["correctKeys"]) == (None, None, None)
    # Nothing in the whole answer names the correct option: not as a flag, not by its key beside a marker.
    raw = json.dumps(started, ensure_ascii=False)
    row = (await session.execute(select(QuizQuestion).where(QuizQuestion.id == world.learning.question.id))).scalar_one()
    assert '"correct": true' not in raw and '"correct": false' not in raw
    assert '"correctKeys": null' in raw and row.correct[0] in raw  # the key is shown, as every option's, unmarked
    # Asking the enrollment again through the API tells no more.
    again = await gql("query($id: ID!) { node(id: $id) { ... on Enrollment { attempts { " + QUESTIONS + " } } } }",
                      {"id": enrollment["id"]}, token=token)
    assert '"correct": true' not in json.dumps(again) and again["node"]["attempts"][0]["questions"][0][
        "correctKeys"] is None

    wrong = next(o["key"] for o in question["options"] if o["key"] not in row.correct)
    failed = (await gql(SUBMIT, {"input": {"attemptId": attempt["id"], "answers": [
        {"questionId": question["id"], "optionKeys": [wrong]}]}}, token=token))["submitQuizAttempt"]["attempt"]
    assert (failed["score"], failed["maxScore"], failed["percent"], failed["passed"]) == (0, 1, "0.00", False)
    assert failed["questions"][0]["correct"] is False and failed["questions"][0]["correctKeys"] == row.correct
    second = (await gql(START, {"input": {"enrollmentId": enrollment["id"]}}, token=token))["startQuizAttempt"]
    assert second["attempt"]["number"] == 2 and second["attempt"]["questions"][0]["correctKeys"] is None
    passed = (await gql(SUBMIT, {"input": {"attemptId": second["attempt"]["id"], "answers": [
        {"questionId": question["id"], "optionKeys": row.correct}]}}, token=token))["submitQuizAttempt"]["attempt"]
    assert (passed["percent"], passed["passed"]) == ("100.00", True)
    (lesson,) = enrollment["version"]["chapters"][0]["lessons"]
    done = (await gql(COMPLETE, {"input": {"enrollmentId": enrollment["id"], "lessonId": lesson["id"]}},
                      token=token))["completeLesson"]["enrollment"]
    assert done == {"id": enrollment["id"], "state": "COMPLETED", "completedLessonCount": 1}


async def test_bad_input_is_named_and_nothing_written(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                      session: AsyncSession) -> None:
    _, author = await sign_in("finance")
    base = {"title": "成本效益分析", "passMark": 60, "chapters": [{"title": "一", "lessons": [{"title": "课"}]}],
            "questions": [{"kind": "SINGLE_CHOICE", "text": "选哪个？", "options": [{"text": "甲", "correct": True},
                                                                                 {"text": "乙"}]}]}
    for change, field in (({"passMark": 150}, "passMark"),
                          ({"questions": [{"kind": "MULTIPLE_CHOICE", "text": "无正确项？",
                                           "options": [{"text": "甲"}, {"text": "乙"}]}]}, "questions[0].options"),
                          ({"chapters": [{"title": "一", "lessons": [{"title": ""}]}]}, "chapters[0].lessons[0].title"),
                          ({"reviewerId": gid("Course", 1)}, "reviewerId")):
        await expect_error(gql, session, CREATE, "createCourse", {"input": {"course": base | change}}, author,
                           "INVALID_INPUT", field)
    _, learner = await sign_in("staff")
    course_id = gid("Course", world.learning.course.id)
    enrollment = (await gql(ENROLL, {"input": {"courseId": course_id}}, token=learner))["enrollInCourse"]["enrollment"]
    for lesson_id in (gid("Lesson", 999999), gid("Enrollment", 1)):
        await expect_error(gql, session, COMPLETE, "completeLesson", {"input": {
            "enrollmentId": enrollment["id"], "lessonId": lesson_id}}, learner, "INVALID_INPUT", "lessonId")
    await expect_error(gql, session, ENROLL, "enrollInCourse", {"input": {"courseId": course_id}}, learner,
                       "ALREADY_ENROLLED", "courseId")


async def test_enrollments_are_the_learners_own(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                session: AsyncSession) -> None:
    _, learner = await sign_in("staff")
    _, other = await sign_in("staff")
    _, hr = await sign_in("hr")
    course_id = gid("Course", world.learning.course.id)
    enrollment = (await gql(ENROLL, {"input": {"courseId": course_id}}, token=learner))["enrollInCourse"]["enrollment"]
    assert (await gql(MINE, token=learner))["enrollments"]["totalCount"] == 1
    assert (await gql(MINE, token=other))["enrollments"]["totalCount"] == 0
    node = "query($id: ID!) { node(id: $id) { id } }"
    assert (await gql(node, {"id": enrollment["id"]}, token=other))["node"] is None
    assert (await gql(node, {"id": enrollment["id"]}, token=hr))["node"] == {"id": enrollment["id"]}
    every = "{ enrollments(first: 50, mine: false) { totalCount } }"
    assert (await gql(every, token=other))["enrollments"]["totalCount"] == 0
    assert (await gql(every, token=hr))["enrollments"]["totalCount"] >= 2  # the target's and the learner's
    before = await fingerprint(session)
    attempt = await gql(START, {"input": {"enrollmentId": enrollment["id"]}}, token=other)
    assert attempt["startQuizAttempt"]["code"] == "NOT_FOUND"
    attempt = await gql(START, {"input": {"enrollmentId": enrollment["id"]}}, token=hr)
    assert attempt["startQuizAttempt"]["code"] == "PERMISSION_DENIED"
    assert await fingerprint(session) == before
    figures = "{ learningFigures { byCourse { label enrolled completed rate } } }"
    refused = await gql(figures, token=other, errors=True)
    assert refused["data"]["learningFigures"] is None
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    rows = (await gql(figures, token=hr))["learningFigures"]["byCourse"]
    assert any(r["label"] == "数字化素养" and r["enrolled"] >= 2 for r in rows)


async def test_search_finds_courses_for_their_audience(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                       session: AsyncSession, index: Index) -> None:
    author, _ = await sign_in("finance")
    reviewer, _ = await sign_in("hr")
    course = await service.create_course(session, actor=await actor_for(session, author), data=CourseInput(
        **{**world_course("财务人员的业务流程精讲").__dict__, "audience": ["FINANCE"], "reviewer_id": reviewer.id}))
    await service.publish_course(session, actor=await actor_for(session, reviewer), course_id=course.id)
    await session.commit()
    await index()
    _, business = await sign_in("business")  # of the world's business department: not this course's audience
    _, hr = await sign_in("hr")
    variables = {"q": "业务流程精讲"}
    found = (await gql(SEARCH, variables, token=hr))["search"]["edges"]
    assert {e["node"]["kind"] for e in found} >= {"COURSE", "LESSON"}
    assert (await gql(SEARCH, variables, token=business))["search"]["edges"] == []
    assert (await session.get(Course, course.id)) is not None


CATALOGUE = """query($first: Int!) { courses(first: $first) { totalCount edges { node { id title author { displayName }
  currentVersion { number lessonCount questionCount chapters { title lessons { id title } } }
  viewerEnrollment { id state completedLessonCount lessonCount attempts { id } } viewerCan { enroll publish } } } } }"""
MY_LEARNING = """query($first: Int!) { enrollments(first: $first, mine: false) { totalCount edges { node { id overdue
  course { title } user { displayName } version { number chapters { lessons { id } } } completedLessonIds
  attempts { id questions { id options { key } } } } } } }"""


async def test_the_learning_lists_cost_the_same_statements_whatever_their_size(
        world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    from yecai.learning import learners

    hr, token = await sign_in("hr")
    author, _ = await sign_in("finance")
    counts = {}
    for size in (1, 4):
        while (await gql("{ courses(first: 100) { totalCount } }", token=token))["courses"]["totalCount"] < size + 1:
            course = await service.create_course(session, actor=await actor_for(session, author), data=CourseInput(
                **{**world_course(f"课程{uuid4()}").__dict__}))
            await service.publish_course(session, actor=await actor_for(session, author), course_id=course.id)
            enrollment = await learners.enroll_in_course(session, actor=await actor_for(session, hr),
                                                         course_id=course.id)
            await learners.start_quiz_attempt(session, actor=await actor_for(session, hr),
                                              enrollment_id=enrollment.id)
            await session.commit()
        for name, query in (("courses", CATALOGUE), ("enrollments", MY_LEARNING)):
            response = await gql.raw(query, {"first": size + 1}, token=token)
            assert response.status_code == 200 and len(response.json()["data"][name]["edges"]) == size + 1
            counts[(name, size)] = int(response.headers["x-yecai-sql-statements"])
    assert counts[("courses", 1)] == counts[("courses", 4)]
    assert counts[("enrollments", 1)] == counts[("enrollments", 4)]
