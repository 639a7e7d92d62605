"""Types of notifications: a notification, a page of them with the unread count, the viewer's settings."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.base import Edge, ModelNode, Paged
from yecai.graphql.enums import NotificationKind, NotificationKindEnum
from yecai.notifiable import EMAIL, PORTAL
from yecai.notifications import models, policies, service
from yecai.notifications.dispatch import Delivery


@strawberry.enum(description="How a notification reaches its recipient (通知渠道).")
class NotificationChannel(enum.Enum):
    PORTAL = PORTAL
    EMAIL = EMAIL


@strawberry.type(description="A notification (通知) to the viewer; no one else ever sees it.")
class Notification(ModelNode):
    model = models.Notification

    id: relay.NodeID[int]
    kind: NotificationKind  # type: ignore[valid-type]
    title: str
    body: str
    url: str = strawberry.field(description="The web app's path that opens what it is about (may be empty).")
    subject_id: Optional[strawberry.ID] = strawberry.field(description="The global id of the object it is about.")
    created_at: datetime
    read_at: Optional[datetime]

    @strawberry.field(description="Whether the viewer has read it.")
    def read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def visible(cls, info: Info, row: Any) -> bool:
        return policies.can_see(info.context.actor, row.recipient_id)

    @classmethod
    def from_model(cls, m: models.Notification) -> Notification:
        return cls(id=m.id, kind=NotificationKindEnum(m.kind), title=m.title, body=m.body, url=m.url,
                   subject_id=strawberry.ID(m.subject_id) if m.subject_id else None, created_at=m.created_at,
                   read_at=m.read_at)

    @classmethod
    def from_delivery(cls, d: Delivery) -> Notification:
        return cls(id=d.id, kind=NotificationKindEnum(d.kind), title=d.title, body=d.body, url=d.url,
                   subject_id=strawberry.ID(d.subject_id) if d.subject_id else None, created_at=d.created_at,
                   read_at=None)


@strawberry.type(description="A page of the viewer's notifications, newest first, with how many are unread in all.")
class NotificationConnection(Paged):
    edges: list[Edge[Notification]]
    unread_count: int


@strawberry.type(description="The viewer's channels for one kind of notification.")
class NotificationKindSetting:
    kind: NotificationKind  # type: ignore[valid-type]
    label: str
    description: str
    portal: bool
    email: bool


@strawberry.type(description="The viewer's notification settings (通知设置): each kind on or off per channel.")
class NotificationSettings:
    email_available: bool = strawberry.field(description="Whether the portal can send e-mail (a mail server is set).")
    kinds: list[NotificationKindSetting]

    @staticmethod
    def of(info: Info, settings: list[service.KindSetting]) -> NotificationSettings:
        en = info.context.language == "en"
        return NotificationSettings(
            email_available=info.context.settings.email_enabled,
            kinds=[NotificationKindSetting(kind=NotificationKindEnum(s.kind.code), label=s.kind.en if en else s.kind.zh,
                                           description=s.kind.description_en if en else s.kind.description_zh,
                                           portal=s.portal, email=s.email) for s in settings])
