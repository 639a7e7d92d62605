"""Learning: courses (课程) of chapters and lessons with quizzes, published versions, assignments of required
courses, self-enrolment, learning paths, progress, and the figures of who completed what."""

from yecai.learning import demo, models, owners, permissions, search
from yecai.manifest import Domain

DOMAIN = Domain(
    name="learning", zh="培训学习", en="Learning",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
    attachment_owners=owners.ATTACHMENT_OWNERS,
)
