"""Joint meetings' part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.meetings import types as t
from yecai.graphql.meetings.mutations import MeetingsMutations
from yecai.graphql.meetings.queries import MeetingsQueries

API = DomainApi(query=MeetingsQueries, mutation=MeetingsMutations,
                nodes=(t.MeetingSeries, t.Meeting, t.Minutes, t.Decision, t.ActionItem))
