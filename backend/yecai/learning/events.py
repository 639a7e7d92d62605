"""Events of learning. Domains above (certificates, performance, notifications) listen; this one never imports them."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.learning.models import Course, Enrollment


@dataclass(frozen=True)
class CourseCompleted:
    """A learner finished a course: every lesson of their version done and its quiz (if any) passed.

    Its training-completion certificate (培训结业证书) is issued just before, by learning's own rule
    (``learners._complete_if_done``); domains above listen here (performance's "required training completed").
    """

    enrollment: Enrollment
    course: Course


@dataclass(frozen=True)
class CourseAssigned:
    """A required course was assigned; ``enrollment_ids`` are the learners it reached (for notifications)."""

    course: Course
    assignment_id: int
    enrollment_ids: tuple[int, ...]
