"""Who may do what with learning: pure rules over (actor, object, what is known of it).

A course is seen by its author and reviewer, by holders of ``learning.manage``, by its enrolled learners, and,
once published, by holders of ``learning.read`` whose department's kind it suits (or everyone, when it names
no audience). Enrollments, progress and attempts are the learner's own; ``learning.manage`` sees all,
``learning.evaluate`` those of one's own and lower departments (figures). Quiz answers are graded on the
server; the correct options are shown only with a submitted attempt.
"""

from __future__ import annotations

from collections.abc import Collection

from yecai.actor import Actor
from yecai.learning import permissions as p
from yecai.learning.models import Course, CourseState, Enrollment, EnrollmentState, QuizAttempt


def is_user(actor: Actor) -> bool:
    return actor.kind == "user" and actor.user_id is not None


def can_read(actor: Actor) -> bool:
    return actor.has(p.LEARNING_READ)


def can_manage(actor: Actor) -> bool:
    return actor.has(p.LEARNING_MANAGE)


def can_evaluate(actor: Actor) -> bool:
    return can_manage(actor) or (actor.has(p.LEARNING_EVALUATE) and actor.department_id is not None)


def writes(actor: Actor, course: Course) -> bool:
    return actor.is_user(course.author_id) or actor.is_user(course.reviewer_id)


def suits(course: Course, department_kind: str | None) -> bool:
    return not course.audience or (department_kind is not None and department_kind in course.audience)


def can_see_course(actor: Actor, course: Course, department_kind: str | None, enrolled: bool) -> bool:
    if can_manage(actor) or (actor.has(p.LEARNING_AUTHOR) and writes(actor, course)):
        return True
    if not can_read(actor):
        return False
    return enrolled or (course.state == CourseState.PUBLISHED and suits(course, department_kind))


def can_create_course(actor: Actor) -> bool:
    return is_user(actor) and (actor.has(p.LEARNING_AUTHOR) or can_manage(actor))


def can_edit_course(actor: Actor, course: Course) -> bool:
    """Its author and reviewer write the draft; managers of training stand in."""
    return course.state != CourseState.ARCHIVED and (
        can_manage(actor) or (actor.has(p.LEARNING_AUTHOR) and writes(actor, course)))


def can_publish_course(actor: Actor, course: Course) -> bool:
    """The reviewer publishes (a second pair of eyes); without one named, the author; managers always."""
    if course.state == CourseState.ARCHIVED:
        return False
    if can_manage(actor):
        return True
    if not actor.has(p.LEARNING_AUTHOR):
        return False
    return actor.is_user(course.reviewer_id) or (course.reviewer_id is None and actor.is_user(course.author_id))


def can_archive_course(actor: Actor, course: Course) -> bool:
    return can_manage(actor) and course.state == CourseState.PUBLISHED


def can_assign(actor: Actor, course: Course) -> bool:
    return can_manage(actor) and course.state == CourseState.PUBLISHED


def can_enroll(actor: Actor, course: Course, department_kind: str | None) -> bool:
    return (is_user(actor) and can_read(actor) and course.state == CourseState.PUBLISHED
            and (suits(course, department_kind) or can_manage(actor)))


def can_see_enrollment(actor: Actor, enrollment: Enrollment, oversees: Collection[int] = ()) -> bool:
    """The learner; training managers; evaluators of the departments (with those below) they oversee."""
    if can_manage(actor) or (can_read(actor) and actor.is_user(enrollment.user_id)):
        return True
    return (actor.has(p.LEARNING_EVALUATE) and enrollment.department_id is not None
            and enrollment.department_id in oversees)


def can_learn(actor: Actor, enrollment: Enrollment) -> bool:
    """Only the learner finishes lessons and answers the quiz."""
    return can_read(actor) and actor.is_user(enrollment.user_id)


def can_attempt(actor: Actor, enrollment: Enrollment) -> bool:
    return can_learn(actor, enrollment) and enrollment.state == EnrollmentState.IN_PROGRESS


def can_see_results(actor: Actor, attempt: QuizAttempt) -> bool:
    """The correct options are shown once the attempt is submitted, never before."""
    return attempt.submitted_at is not None


def can_manage_paths(actor: Actor) -> bool:
    return can_manage(actor)


def can_attach(actor: Actor, course: Course) -> bool:
    return can_edit_course(actor, course)


def can_delete_attachment(actor: Actor, course: Course, uploader_id: int | None) -> bool:
    return can_edit_course(actor, course)
