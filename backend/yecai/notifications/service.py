"""Use cases of notifications: telling users something (any domain calls ``notify``), reading, marking, settings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.notifiable import CHANNELS, EMAIL, PORTAL, NotificationKind
from yecai.notifications import dispatch, errors, policies
from yecai.notifications.models import EmailState, Notification, NotificationSetting
from yecai.settings import Settings

TITLE_MAX = 200
BODY_MAX = 4000
URL_MAX = 500


def kind_of(code: str) -> NotificationKind:
    kind = manifest.notification_kind(code)
    if kind is None:
        raise ValueError(f"no domain declares the notification kind {code!r} (Domain.notification_kinds)")
    return kind


async def notify(session: AsyncSession, *, recipients: Iterable[int], kind: str, title: str, body: str = "",
                 url: str = "", subject_id: str | None = None, email: bool = True) -> list[Notification]:
    """Tell these users something, in the caller's transaction; it reaches them live and by e-mail after the commit.

    Called by a domain's service or listener with a kind it declared. Each recipient's settings for
    the kind decide the channels; inactive users and a user switched off on every channel get
    nothing. Nothing is sent when the transaction rolls back (or the savepoint it ran in).
    Not audited: a notification is a consequence of an audited change, not a change of its own.
    """
    spec = kind_of(kind)
    ids = sorted({int(r) for r in recipients if r is not None})
    if not ids:
        return []
    users = (await session.execute(select(User.id, User.email).where(User.id.in_(ids), User.active.is_(True)))).all()
    chosen = await _choices(session, [u.id for u in users], spec)
    now = utcnow()
    rows = []
    for user_id, address in users:
        portal, mail = chosen[user_id]
        mail = mail and email and bool(address)
        if not (portal or mail):
            continue
        rows.append(Notification(
            recipient_id=user_id, kind=spec.code, title=title.strip()[:TITLE_MAX] or spec.zh, body=body[:BODY_MAX],
            url=url[:URL_MAX], subject_id=subject_id, in_portal=portal, created_at=now,
            email_state=(EmailState.PENDING if mail else EmailState.NONE).value))
    if not rows:
        return []
    session.add_all(rows)
    await session.flush()
    dispatch.after_commit(session, rows)
    return rows


async def _choices(session: AsyncSession, user_ids: Sequence[int], spec: NotificationKind) -> dict[int, tuple[bool, bool]]:
    """(portal, e-mail) per user for one kind: their own setting, else the kind's default."""
    defaults = {c: c in spec.default_channels for c in CHANNELS}
    found: dict[int, dict[str, bool]] = {u: dict(defaults) for u in user_ids}
    for start in range(0, len(user_ids), 500):
        part = user_ids[start:start + 500]
        rows = await session.execute(select(NotificationSetting.user_id, NotificationSetting.channel,
                                            NotificationSetting.enabled)
                                     .where(NotificationSetting.kind == spec.code,
                                            NotificationSetting.user_id.in_(part)))
        for user_id, channel, enabled in rows:
            if channel in found[user_id]:
                found[user_id][channel] = enabled
    return {u: (c[PORTAL], c[EMAIL]) for u, c in found.items()}


# ---------------------------------------------------------------- the notification centre


def notifications_query(*, actor: Actor, unread: bool | None = None) -> Select[tuple[Notification]]:
    """The viewer's own notifications shown in the portal, newest first (the caller paginates)."""
    if not policies.can_use(actor):
        raise denied()
    stmt = select(Notification).where(Notification.recipient_id == actor.user_id, Notification.in_portal.is_(True))
    if unread is True:
        stmt = stmt.where(Notification.read_at.is_(None))
    elif unread is False:
        stmt = stmt.where(Notification.read_at.is_not(None))
    return stmt


async def unread_count(session: AsyncSession, *, actor: Actor) -> int:
    """How many of the viewer's notifications are unread."""
    if not policies.can_use(actor):
        raise denied()
    return (await session.execute(select(func.count()).select_from(Notification).where(
        Notification.recipient_id == actor.user_id, Notification.in_portal.is_(True),
        Notification.read_at.is_(None)))).scalar_one()


async def mark_read(session: AsyncSession, *, actor: Actor, ids: Sequence[int] | None = None,
                    all_: bool = False) -> int:
    """Mark some of one's notifications read (or all of them); returns how many were unread.

    An id that is not the viewer's is answered as not found, whether it exists or not, and nothing is marked.
    Not audited, like reading itself.
    """
    if not policies.can_use(actor):
        raise denied()
    if all_ == (ids is not None):
        raise invalid("ids", "请给出要标记的通知，或选择全部", "give the notifications to mark, or all")
    mine = and_(Notification.recipient_id == actor.user_id, Notification.in_portal.is_(True))
    if ids is not None:
        wanted = sorted(set(ids))
        if not wanted or len(wanted) > 100:
            raise invalid("ids", "应有 1 到 100 条", "must hold 1 to 100 notifications")
        found = set((await session.execute(select(Notification.id).where(mine, Notification.id.in_(wanted)))).scalars())
        if found != set(wanted):
            raise not_found("ids")
        mine = and_(mine, Notification.id.in_(wanted))
    result = await session.execute(update(Notification).where(mine, Notification.read_at.is_(None))
                                   .values(read_at=utcnow()))
    return result.rowcount  # type: ignore[attr-defined,no-any-return]


# ---------------------------------------------------------------- settings


@dataclass(frozen=True)
class KindSetting:
    kind: NotificationKind
    portal: bool
    email: bool


async def settings_of(session: AsyncSession, *, actor: Actor) -> list[KindSetting]:
    """The viewer's channels for every kind of notification (their choices over the kinds' defaults)."""
    if not policies.can_use(actor):
        raise denied()
    rows = await session.execute(select(NotificationSetting.kind, NotificationSetting.channel,
                                        NotificationSetting.enabled).where(NotificationSetting.user_id == actor.user_id))
    chosen = {(k, c): e for k, c, e in rows}
    return [KindSetting(k, chosen.get((k.code, PORTAL), PORTAL in k.default_channels),
                        chosen.get((k.code, EMAIL), EMAIL in k.default_channels))
            for k in manifest.notification_kinds()]


@dataclass(frozen=True)
class SettingChange:
    kind: str
    channel: str
    enabled: bool


async def update_settings(session: AsyncSession, *, actor: Actor, settings: Settings,
                          changes: Sequence[SettingChange]) -> list[KindSetting]:
    """Turn kinds of notification on or off, per channel, for oneself."""
    if not policies.can_use(actor):
        raise denied()
    if not changes or len(changes) > 200:
        raise invalid("settings", "应有 1 到 200 项", "must hold 1 to 200 changes")
    for i, change in enumerate(changes):
        if manifest.notification_kind(change.kind) is None:
            raise invalid(f"settings.{i}.kind", "未知的通知类别", "unknown kind of notification")
        if change.channel not in CHANNELS:
            raise invalid(f"settings.{i}.channel", "未知的通知渠道", "unknown channel")
        if change.channel == EMAIL and change.enabled and not settings.email_enabled:
            raise DomainError(errors.EMAIL_UNAVAILABLE, field=f"settings.{i}.enabled")
    assert actor.user_id is not None
    before = {(s.kind.code, c): getattr(s, c) for s in await settings_of(session, actor=actor) for c in CHANNELS}
    rows = {(r.kind, r.channel): r for r in (await session.execute(
        select(NotificationSetting).where(NotificationSetting.user_id == actor.user_id))).scalars()}
    for change in changes:
        row = rows.get((change.kind, change.channel))
        if row is None:
            rows[(change.kind, change.channel)] = row = NotificationSetting(
                user_id=actor.user_id, kind=change.kind, channel=change.channel, enabled=change.enabled)
            session.add(row)
        else:
            row.enabled = change.enabled
    await session.flush()
    after = await settings_of(session, actor=actor)
    changed = {f"{k}.{c}": v for s in after for c in CHANNELS
               for k, v in [(s.kind.code, getattr(s, c))] if before[(k, c)] != v}
    if changed:
        await audit.record(session, actor=actor, action="notification_setting.update", subject_type="user",
                           subject_id=actor.user_id,
                           before={k: not v for k, v in changed.items()}, after=changed)
    return after


# ---------------------------------------------------------------- upkeep (the scheduled job)


async def remove_read(session: AsyncSession, *, before: datetime) -> int:
    """Remove notifications read before ``before`` (and those never shown whose e-mail is done)."""
    result = await session.execute(delete(Notification).where(or_(
        and_(Notification.read_at.is_not(None), Notification.read_at < before),
        and_(Notification.in_portal.is_(False), Notification.created_at < before,
             Notification.email_state.in_([EmailState.SENT.value, EmailState.NONE.value])))))
    return result.rowcount  # type: ignore[attr-defined,no-any-return]
