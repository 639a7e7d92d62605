"""What notifications add to information sharing: telling who publishes that a publication is due or overdue,
the audience that it is out, the responsible person of feedback, the author of the answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.manifest import Listener
from yecai.notifiable import EMAIL, PORTAL, NotificationKind
from yecai.notifications import dispatch, service
from yecai.notifications.models import EmailState, Notification
from yecai.scheduling import Job
from yecai.searchable import web_id
from yecai.sharing import timenodes
from yecai.sharing.events import (
    FeedbackAdded,
    FeedbackAnswered,
    Node,
    PublicationPublished,
    PublicationsDue,
    PublicationsMissed,
)

PUBLICATION_DUE = NotificationKind(
    "publication_due", "待发布", "Publication due", "您负责的共享规则到了时间节点，请在截止时间前发布",
    "A sharing rule you publish reached its time node: publish before the deadline", default_channels=(PORTAL, EMAIL))
PUBLICATION_OVERDUE = NotificationKind(
    "publication_overdue", "发布逾期", "Publication overdue", "您负责的发布已过截止时间（缺报或逾期发布）",
    "A publication you are responsible for passed its deadline (missed or published late)",
    default_channels=(PORTAL, EMAIL))
PUBLICATION_PUBLISHED = NotificationKind(
    "publication_published", "新的共享信息", "New shared information", "有一条发给您的发布", "Something was published to you",
    default_channels=(PORTAL,))
FEEDBACK_RECEIVED = NotificationKind(
    "feedback_received", "收到反馈", "Feedback received", "您的发布收到了反馈或提问",
    "Someone gave feedback on or asked about your publication", default_channels=(PORTAL, EMAIL))
FEEDBACK_ANSWERED = NotificationKind(
    "feedback_answered", "反馈已答复", "Feedback answered", "您的反馈得到了答复", "Your feedback was answered",
    default_channels=(PORTAL,))

# What the deliverers read of each row written (dispatch.Delivery), as rows rather than ORM objects.
DELIVERED = (Notification.id, Notification.recipient_id, Notification.kind, Notification.title, Notification.body,
             Notification.url, Notification.subject_id, Notification.created_at, Notification.in_portal,
             Notification.email_state)

KINDS = (PUBLICATION_DUE, PUBLICATION_OVERDUE, PUBLICATION_PUBLISHED, FEEDBACK_RECEIVED, FEEDBACK_ANSWERED)


@dataclass(frozen=True)
class Message:
    recipients: tuple[int | None, ...]
    title: str
    body: str
    url: str
    subject_id: str | None


async def _notify_many(session: AsyncSession, kind: NotificationKind, messages: list[Message]) -> None:
    """``service.notify`` for many messages of one kind in a fixed number of statements (a scheduler run makes
    thousands of publications due at once): the same recipients' settings, the same rows, delivered after commit."""
    wanted = sorted({r for m in messages for r in m.recipients if r is not None})
    if not wanted:
        return
    active: dict[int, str | None] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        active |= dict((await session.execute(select(User.id, User.email).where(
            User.id.in_(part), User.active.is_(True)))).all())
    chosen = await service._choices(session, sorted(active), service.kind_of(kind.code))
    now = utcnow()
    rows = []
    for m in messages:
        for user_id in sorted({r for r in m.recipients if r is not None and r in active}):
            portal, mail = chosen[user_id]
            mail = mail and bool(active[user_id])
            if not (portal or mail):
                continue
            rows.append(dict(
                recipient_id=user_id, kind=kind.code, title=m.title[:service.TITLE_MAX], body=m.body[:service.BODY_MAX],
                url=m.url[:service.URL_MAX], subject_id=m.subject_id, in_portal=portal, created_at=now,
                email_state=(EmailState.PENDING if mail else EmailState.NONE).value))
    if rows:
        # One executemany; the rows written are read back (by id above the highest before, in this transaction's
        # view: ids of other transactions' rows may interleave on PostgreSQL, so they are filtered by kind and time).
        await session.flush()
        last = (await session.execute(select(func.max(Notification.id)))).scalar_one() or 0
        await session.execute(insert(Notification), rows)
        written = (await session.execute(select(*DELIVERED).where(
            Notification.id > last, Notification.kind == kind.code, Notification.created_at == now)
            .order_by(Notification.id))).all()
        dispatch.after_commit(session, written)


def _url(publication_id: int) -> str:
    return f"/sharing/publications/{web_id('Publication', publication_id)}"


@lru_cache(maxsize=4096)  # a scheduler run formats the same few time nodes and deadlines thousands of times
def _at(moment: datetime) -> str:
    return f"{timenodes.local(moment):%Y-%m-%d %H:%M}"


# The inbox tab of one's own publications to make: where a digest of several points.
TO_PUBLISH_URL = "/sharing/publications?tab=toPublish"
# A digest names this many publications, earliest deadline first, and counts the rest.
DIGEST_NAMES = 10


def _per_person(items: Sequence[Node]) -> dict[int, list[Node]]:
    """Each responsible person's and deputy's share of one scheduler run's publications."""
    mine: dict[int, list[Node]] = {}
    for p in items:
        for user_id in {p.responsible_id, p.deputy_id}:
            if user_id is not None:
                mine.setdefault(user_id, []).append(p)
    return mine


def _digest(user_id: int, items: list[Node], title: str, line: str, en: str) -> Message:
    """One notice for several publications of one run: someone responsible for 40 daily reports gets one, not 40."""
    items = sorted(items, key=lambda p: (p.deadline, p.id))
    names = [line.format(title=p.title, node=_at(p.time_node), deadline=_at(p.deadline)) for p in items[:DIGEST_NAMES]]
    more = [f"…… 共 {len(items)} 项" if len(items) > DIGEST_NAMES else ""]
    return Message((user_id,), title.format(count=len(items), deadline=_at(items[0].deadline)),
                   "\n".join([*names, *[m for m in more if m], en.format(count=len(items))]), TO_PUBLISH_URL, None)


async def _due(session: AsyncSession, actor: Actor, event: PublicationsDue) -> None:
    messages = []
    for user_id, items in _per_person(event.items).items():
        if len(items) > 1:
            messages.append(_digest(user_id, items, "待发布：{count} 项（最早截止 {deadline}）", "· {title}（截止 {deadline}）",
                                    "{count} publications are due (Asia/Shanghai times)."))
            continue
        (p,) = items
        messages.append(Message(
            (user_id,), f"待发布：{p.title}（截止 {_at(p.deadline)}）",
            f"{p.title} 的时间节点 {_at(p.time_node)} 已到，请在 {_at(p.deadline)} 前发布。\n"
            f"{p.title} is due by {_at(p.deadline)} (Asia/Shanghai).", _url(p.id), web_id("Publication", p.id)))
    await _notify_many(session, PUBLICATION_DUE, messages)


async def _missed(session: AsyncSession, actor: Actor, event: PublicationsMissed) -> None:
    messages = []
    for user_id, items in _per_person(event.items).items():
        if len(items) > 1:
            messages.append(_digest(user_id, items, "缺报：{count} 项（最早截止 {deadline}）",
                                    "· {title}（{node}，截止 {deadline}）",
                                    "{count} publications were not published by their deadlines."))
            continue
        (p,) = items
        messages.append(Message(
            (user_id,), f"缺报：{p.title}（{_at(p.time_node)}）",
            f"{p.title} 的发布已过截止时间 {_at(p.deadline)}，尚未发布。\n"
            f"{p.title} was not published by its deadline {_at(p.deadline)}.", _url(p.id), web_id("Publication", p.id)))
    await _notify_many(session, PUBLICATION_OVERDUE, messages)


async def _published(session: AsyncSession, actor: Actor, event: PublicationPublished) -> None:
    p, rule = event.publication, event.rule
    await service.notify(
        session, recipients=event.receiver_ids, kind=PUBLICATION_PUBLISHED.code,
        title=f"{rule.title}（{_at(p.time_node)}）已发布", body=(p.text or "")[:500],
        url=_url(p.id), subject_id=web_id("Publication", p.id), email=rule.email)
    if event.late:
        await service.notify(
            session, recipients=[p.responsible_id, p.deputy_id], kind=PUBLICATION_OVERDUE.code,
            title=f"逾期发布：{rule.title}（截止 {_at(p.deadline)}）",
            body=f"{rule.title} 于截止时间后发布。\n{rule.title} was published after its deadline.",
            url=_url(p.id), subject_id=web_id("Publication", p.id))


async def _feedback(session: AsyncSession, actor: Actor, event: FeedbackAdded) -> None:
    p = event.publication
    await service.notify(
        session, recipients=[r for r in (p.responsible_id, p.deputy_id) if not actor.is_user(r)],
        kind=FEEDBACK_RECEIVED.code, title=f"{'提问' if event.feedback.question else '反馈'}：{event.rule.title}",
        body=event.feedback.text[:500], url=_url(p.id), subject_id=web_id("Publication", p.id))


async def _answered(session: AsyncSession, actor: Actor, event: FeedbackAnswered) -> None:
    p = event.publication
    await service.notify(
        session, recipients=[event.feedback.author_id], kind=FEEDBACK_ANSWERED.code,
        title=f"反馈已答复：{event.rule.title}", body=(event.feedback.answer or "")[:500], url=_url(p.id),
        subject_id=web_id("Publication", p.id))


LISTENERS = (
    Listener(PublicationsDue, _due),
    Listener(PublicationsMissed, _missed),
    Listener(PublicationPublished, _published),
    Listener(FeedbackAdded, _feedback),
    Listener(FeedbackAnswered, _answered),
)

JOBS: tuple[Job, ...] = ()  # the time nodes are sharing's own job (sharing.time_nodes)
