"""The subscription of notifications: the viewer's new notifications, live, from whichever worker made them."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from yecai.errors import UNAUTHENTICATED, DomainError
from yecai.graphql.base import api_error
from yecai.graphql.notifications.types import Notification
from yecai.notifications import policies, runtime


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(description="The viewer's new notifications as they are committed, from any worker "
                                         "(over WebSocket, graphql-transport-ws). Any signed-in user; each receives "
                                         "only their own, while the session or API token lasts: once it ends "
                                         "(signed out, deactivated, password changed, token revoked or expired) "
                                         "the subscription ends with UNAUTHENTICATED.")
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        actor = info.context.actor
        if not policies.can_use(actor):
            raise api_error(info, DomainError(UNAUTHENTICATED))
        user_id = actor.user_id
        assert user_id is not None  # can_use: a user actor has an id
        # This process's router hands over what is addressed to user_id alone, while their session lasts.
        with runtime.current().router.inbox(user_id, actor.session_id, actor.api_token_id) as inbox:
            async for delivery in inbox.deliveries():
                yield Notification.from_delivery(delivery)
        raise api_error(info, DomainError(UNAUTHENTICATED))  # the session ended (signed out, deactivated ...)
