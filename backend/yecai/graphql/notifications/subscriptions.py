"""The subscription of notifications: the viewer's new notifications, live, from whichever worker made them."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from yecai.errors import UNAUTHENTICATED, DomainError
from yecai.graphql.base import api_error
from yecai.graphql.notifications.types import Notification
from yecai.notifications import broker, policies, runtime


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(description="The viewer's new notifications as they are committed, from any worker "
                                         "(over WebSocket, graphql-transport-ws). Any signed-in user; each receives "
                                         "only their own.")
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        actor = info.context.actor
        if not policies.can_use(actor):
            raise api_error(info, DomainError(UNAUTHENTICATED))
        user_id = actor.user_id
        assert user_id is not None  # can_use: a user actor has an id
        async with runtime.current().hub.subscribe() as messages:
            async for message in messages:
                delivery = broker.addressed_to(message, user_id)
                if delivery is not None:  # addressed_to: only user_id's own
                    yield Notification.from_delivery(delivery)
