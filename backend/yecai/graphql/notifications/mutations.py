"""Mutations of notifications: marking one's notifications read, choosing one's channels."""

from __future__ import annotations

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, mutation
from yecai.graphql.enums import NotificationKind
from yecai.graphql.notifications import types as t
from yecai.notifications import errors, service


@strawberry.input(description="Some of one's notifications by id (at most 100), or `all: true`.")
class MarkNotificationsReadInput:
    ids: Optional[list[strawberry.ID]] = None
    all: bool = False


@strawberry.type(description="`markNotificationsRead` succeeded.")
class MarkNotificationsReadSuccess:
    marked: int = strawberry.field(description="How many were unread and are read now.")
    unread_count: int


@strawberry.input
class NotificationSettingInput:
    kind: NotificationKind  # type: ignore[valid-type]
    channel: t.NotificationChannel
    enabled: bool


@strawberry.input
class UpdateNotificationSettingsInput:
    settings: list[NotificationSettingInput]


@strawberry.type
class NotificationMutations:
    @mutation("Mark some of one's notifications read, or all of them.", permission=None,
              returns=MarkNotificationsReadSuccess)
    async def mark_notifications_read(self, info: Info, input: MarkNotificationsReadInput
                                      ) -> MarkNotificationsReadSuccess:
        ctx = info.context
        ids = None if input.ids is None else [decode_id(i, "Notification", f"ids.{n}") for n, i in enumerate(input.ids)]
        marked = await service.mark_read(ctx.session, actor=ctx.actor, ids=ids, all_=input.all)
        return MarkNotificationsReadSuccess(marked=marked, unread_count=await service.unread_count(ctx.session,
                                                                                                   actor=ctx.actor))

    @mutation("Turn kinds of notification on or off per channel, for oneself.", permission=None,
              errors=[errors.EMAIL_UNAVAILABLE], returns=("settings", t.NotificationSettings))
    async def update_notification_settings(self, info: Info, input: UpdateNotificationSettingsInput
                                           ) -> t.NotificationSettings:
        ctx = info.context
        changes = [service.SettingChange(kind=s.kind.value, channel=s.channel.value, enabled=s.enabled)
                   for s in input.settings]
        return t.NotificationSettings.of(info, await service.update_settings(ctx.session, actor=ctx.actor,
                                                                              settings=ctx.settings, changes=changes))
