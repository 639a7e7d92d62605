"""Queries of notifications: the viewer's own notification centre and settings."""

from __future__ import annotations

from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.base import DEFAULT_PAGE_SIZE, Edge, guarded
from yecai.graphql.notifications import types as t
from yecai.notifications import models, service
from yecai.pagination import paginate


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="The viewer's own notifications, newest first; `unread: true` for the unread only. "
                                  "Any signed-in user.")
    async def notifications(self, info: Info, unread: Optional[bool] = None, first: int = DEFAULT_PAGE_SIZE,
                            after: Optional[str] = None) -> Optional[t.NotificationConnection]:
        async def run() -> t.NotificationConnection:
            ctx = info.context
            stmt = service.notifications_query(actor=ctx.actor, unread=unread)
            page = await paginate(ctx.session, stmt, order=[(models.Notification.id, True)], first=first, after=after)
            edges = [Edge(cursor=c, node=t.Notification.from_model(r))
                     for r, c in zip(page.items, page.cursors, strict=True) if t.Notification.visible(info, r)]
            return t.NotificationConnection(
                edges=edges, total_count=page.total_count,
                unread_count=await service.unread_count(ctx.session, actor=ctx.actor),
                page_info=relay.PageInfo(has_next_page=page.has_next, has_previous_page=page.has_previous,
                                         start_cursor=page.cursors[0] if page.cursors else None,
                                         end_cursor=page.cursors[-1] if page.cursors else None))

        return await guarded(info, run)

    @strawberry.field(description="The viewer's notification settings: each kind on or off per channel. "
                                  "Any signed-in user.")
    async def notification_settings(self, info: Info) -> Optional[t.NotificationSettings]:
        async def run() -> t.NotificationSettings:
            return t.NotificationSettings.of(info, await service.settings_of(info.context.session,
                                                                              actor=info.context.actor))

        return await guarded(info, run)
