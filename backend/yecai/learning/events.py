"""Events of learning. Domains above (certificates, performance, notifications) listen; this one never imports them."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.learning.models import Course, Enrollment


@dataclass(frozen=True)
class CourseCompleted:
    """A learner finished a course: every lesson of their version done and its quiz (if any) passed.

    This is where a training-completion certificate (结业证书) is issued: the certificates domain adds a
    listener to this event on its manifest; learning issues nothing itself.
    """

    enrollment: Enrollment
    course: Course


@dataclass(frozen=True)
class CourseAssigned:
    """A required course was assigned; ``enrollment_ids`` are the learners it reached (for notifications)."""

    course: Course
    assignment_id: int
    enrollment_ids: tuple[int, ...]
