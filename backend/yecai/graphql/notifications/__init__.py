"""Notifications' part of the API: the viewer's notification centre, settings, and the live subscription."""

from yecai.graphql.api import DomainApi
from yecai.graphql.notifications import types as t
from yecai.graphql.notifications.mutations import NotificationMutations
from yecai.graphql.notifications.queries import NotificationQueries
from yecai.graphql.notifications.subscriptions import NotificationSubscriptions

API = DomainApi(query=NotificationQueries, mutation=NotificationMutations, subscription=NotificationSubscriptions,
                nodes=(t.Notification,))
