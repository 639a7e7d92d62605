"""The learning policies as truth tables: who sees, edits, publishes and enrols in a course, by its state and
audience; who sees and works an enrollment."""

from __future__ import annotations

import pytest

from yecai.actor import Actor
from yecai.learning import policies
from yecai.learning.models import Course, CourseState, Enrollment, EnrollmentState

READ, AUTHOR, MANAGE, EVALUATE = "learning.read", "learning.author", "learning.manage", "learning.evaluate"
AUTHOR_ID, REVIEWER_ID, LEARNER_ID, OTHER_ID = 1, 2, 3, 4


def actor(user_id: int, *permissions: str, department_id: int | None = 10) -> Actor:
    return Actor(kind="user", user_id=user_id, permissions=frozenset(permissions), department_id=department_id)


def course(state: CourseState, audience: list[str] | None = None, reviewer: int | None = REVIEWER_ID) -> Course:
    return Course(id=1, title="课", author_id=AUTHOR_ID, reviewer_id=reviewer, state=state, audience=audience or [])


@pytest.mark.parametrize(("who", "state", "audience", "kind", "enrolled", "sees"), [
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, [], "BUSINESS", False, True),
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, ["FINANCE"], "BUSINESS", False, False),
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, ["FINANCE"], "BUSINESS", True, True),  # enrolled (assigned)
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, ["FINANCE"], "FINANCE", False, True),
    (actor(OTHER_ID, READ), CourseState.DRAFT, [], "BUSINESS", False, False),
    (actor(AUTHOR_ID, READ, AUTHOR), CourseState.DRAFT, [], "BUSINESS", False, True),
    (actor(REVIEWER_ID, READ, AUTHOR), CourseState.DRAFT, ["FINANCE"], None, False, True),
    (actor(AUTHOR_ID, READ), CourseState.DRAFT, [], None, False, False),  # lost learning.author
    (actor(OTHER_ID, MANAGE), CourseState.DRAFT, ["FINANCE"], None, False, True),
    (actor(OTHER_ID), CourseState.PUBLISHED, [], "BUSINESS", False, False),  # no learning rights
])
def test_who_sees_a_course(who: Actor, state: CourseState, audience: list[str], kind: str | None, enrolled: bool,
                           sees: bool) -> None:
    assert policies.can_see_course(who, course(state, audience), kind, enrolled) is sees


@pytest.mark.parametrize(("who", "reviewer", "state", "edit", "publish"), [
    (actor(AUTHOR_ID, READ, AUTHOR), REVIEWER_ID, CourseState.DRAFT, True, False),  # the reviewer publishes
    (actor(REVIEWER_ID, READ, AUTHOR), REVIEWER_ID, CourseState.DRAFT, True, True),
    (actor(AUTHOR_ID, READ, AUTHOR), None, CourseState.DRAFT, True, True),  # no reviewer named: the author
    (actor(OTHER_ID, READ, AUTHOR), REVIEWER_ID, CourseState.PUBLISHED, False, False),
    (actor(OTHER_ID, MANAGE), REVIEWER_ID, CourseState.PUBLISHED, True, True),
    (actor(OTHER_ID, MANAGE), REVIEWER_ID, CourseState.ARCHIVED, False, False),
    (actor(REVIEWER_ID, READ), REVIEWER_ID, CourseState.DRAFT, False, False),
])
def test_who_edits_and_publishes(who: Actor, reviewer: int | None, state: CourseState, edit: bool,
                                 publish: bool) -> None:
    c = course(state, reviewer=reviewer)
    assert (policies.can_edit_course(who, c), policies.can_publish_course(who, c)) == (edit, publish)


@pytest.mark.parametrize(("who", "state", "audience", "kind", "enrol", "assign"), [
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, [], "BUSINESS", True, False),
    (actor(OTHER_ID, READ), CourseState.PUBLISHED, ["FINANCE"], "BUSINESS", False, False),
    (actor(OTHER_ID, READ), CourseState.DRAFT, [], "BUSINESS", False, False),
    (actor(OTHER_ID, READ), CourseState.ARCHIVED, [], "BUSINESS", False, False),
    (actor(OTHER_ID, READ, MANAGE), CourseState.PUBLISHED, ["FINANCE"], "BUSINESS", True, True),
    (actor(OTHER_ID, MANAGE), CourseState.DRAFT, [], "BUSINESS", False, False),
])
def test_who_enrols_and_assigns(who: Actor, state: CourseState, audience: list[str], kind: str, enrol: bool,
                                assign: bool) -> None:
    c = course(state, audience)
    assert (policies.can_enroll(who, c, kind), policies.can_assign(who, c)) == (enrol, assign)


@pytest.mark.parametrize(("who", "oversees", "sees", "learns"), [
    (actor(LEARNER_ID, READ), set(), True, True),
    (actor(OTHER_ID, READ), set(), False, False),
    (actor(OTHER_ID, READ, MANAGE), set(), True, False),  # managers see, never answer for the learner
    (actor(OTHER_ID, READ, EVALUATE), {10}, True, False),  # the learner's department is overseen
    (actor(OTHER_ID, READ, EVALUATE), {11}, False, False),
    (actor(LEARNER_ID), set(), False, False),  # no longer holds learning.read
])
def test_who_sees_and_works_an_enrollment(who: Actor, oversees: set[int], sees: bool, learns: bool) -> None:
    e = Enrollment(id=1, course_id=1, version_id=1, user_id=LEARNER_ID, department_id=10,
                   state=EnrollmentState.IN_PROGRESS)
    assert (policies.can_see_enrollment(who, e, oversees), policies.can_learn(who, e)) == (sees, learns)
    e.state = EnrollmentState.COMPLETED
    assert policies.can_attempt(who, e) is False
