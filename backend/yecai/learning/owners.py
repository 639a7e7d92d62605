"""Courses carry attachments (附件, the course's materials): added by its writers, read by whoever sees the course.

An attachment owner's policy sees only the row, so it cannot tell the viewer's department kind: materials of a
published course are readable by every holder of ``learning.read`` (the audience decides what a course is offered
to, and the catalogue and search filter by it; the materials are not confidential).
"""

from yecai.actor import Actor
from yecai.attachable import AttachmentOwner
from yecai.learning import policies
from yecai.learning.models import Course, CourseState


def can_read_materials(actor: Actor, course: Course) -> bool:
    return policies.can_see_course(actor, course, None, False) or (
        policies.can_read(actor) and course.state != CourseState.DRAFT)


ATTACHMENT_OWNERS = (
    AttachmentOwner(type="Course", zh="课程", en="Course", model=Course, can_read=can_read_materials,
                    can_attach=policies.can_attach, can_delete=policies.can_delete_attachment, search_kind="course",
                    refers=("state", "audience", "author_id", "reviewer_id")),
)
