"""What a domain declares to notify people (the shared kernel; the notifications domain reads it).

A domain lists its :class:`NotificationKind` values on its manifest (``Domain(notification_kinds=...)``):
the action item assigned, the publication overdue, the meeting starting soon ... Clients see the
kinds as the ``NotificationKind`` enum, and each user turns every kind on or off per channel. A
domain that notifies calls ``yecai.notifications.service.notify`` (from its service or a
listener, in the caller's transaction) with one of the kinds it declared.
"""

from __future__ import annotations

from dataclasses import dataclass

PORTAL = "portal"  # the notification centre, the bell and the toast in the web app
EMAIL = "email"  # a message through SMTP, when the portal is configured with a mail server
CHANNELS = (PORTAL, EMAIL)


@dataclass(frozen=True)
class NotificationKind:
    """One kind of notification (通知类别): its code, labels, and the channels it uses unless a user says otherwise."""

    code: str  # e.g. "action_item_assigned"; clients see it as the NotificationKind enum (ACTION_ITEM_ASSIGNED)
    zh: str
    en: str
    description_zh: str = ""
    description_en: str = ""
    default_channels: tuple[str, ...] = (PORTAL, EMAIL)

    def __post_init__(self) -> None:
        unknown = set(self.default_channels) - set(CHANNELS)
        if unknown:
            raise ValueError(f"notification kind {self.code}: unknown channels {sorted(unknown)}")

    @property
    def enum_name(self) -> str:
        return self.code.upper()
