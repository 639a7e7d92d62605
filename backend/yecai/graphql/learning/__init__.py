"""Learning's part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.learning import types as t
from yecai.graphql.learning.mutations import LearningMutations
from yecai.graphql.learning.queries import LearningQueries

API = DomainApi(query=LearningQueries, mutation=LearningMutations,
                nodes=(t.Course, t.Lesson, t.Enrollment, t.LearningPath))
