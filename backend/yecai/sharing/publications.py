"""Publications (发布): due at a rule's time node, published by its responsible person or deputy with a text,
attachments or a data snapshot, acknowledged by receivers, discussed in feedback (反馈).

On time (按时) when published at or before the deadline, late (逾期) after it; missed (缺报) when the deadline
passed with nothing published (the scheduler marks it, once; publishing it afterwards makes it late).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.attachments.models import Attachment
from yecai.audit import service as audit
from yecai.db import UTCDateTime, utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings import action_items
from yecai.meetings.models import ActionItem
from yecai.search import outbox
from yecai.searchable import web_id
from yecai.sharing import access, errors, policies, snapshots, timenodes
from yecai.sharing.events import (
    FeedbackAdded,
    FeedbackAnswered,
    Node,
    PublicationPublished,
    PublicationsDue,
    PublicationsMissed,
)
from yecai.sharing.models import (
    Feedback,
    Publication,
    PublicationState,
    Receipt,
    SharingRule,
    SnapshotKind,
    Timeliness,
)

TEXT_MAX = 20_000
FEEDBACK_MAX = 4000
# At most this many of a rule's time nodes are asked for in one run (a rule down for years asks for the latest).
MAX_NODES_PER_RULE = 400
OWNER = "Publication"


@dataclass(frozen=True)
class PublicationFilter:
    """``to_publish``: the viewer's own, not yet published; ``received``: sent to the viewer (unacknowledged first)."""

    to_publish: bool = False
    received: bool = False
    unacknowledged: bool | None = None
    rule_id: int | None = None
    state: PublicationState | None = None


async def publications_query(session: AsyncSession, *, actor: Actor, f: PublicationFilter) -> Select[tuple[Publication]]:
    if not policies.can_read(actor):
        raise denied()
    stmt = select(Publication).where(access.publication_filter(actor))
    if (f.to_publish or f.received) and actor.user_id is None:
        raise invalid("received" if f.received else "toPublish", "只有登录用户才有自己的发布",
                      "only a signed-in user has publications of their own")
    if f.to_publish:
        stmt = stmt.where((Publication.responsible_id == actor.user_id) | (Publication.deputy_id == actor.user_id),
                          Publication.state != PublicationState.PUBLISHED.value)
    if f.received:
        # Sent to the viewer: their audience reaches them now, as on the publication itself (a receipt is only
        # who it went out to; who joined the audience later receives it too, who left does not any more).
        stmt = stmt.where(access.reached(actor), Publication.responsible_id != actor.user_id,
                          (Publication.deputy_id != actor.user_id) | Publication.deputy_id.is_(None))
    if f.unacknowledged is not None:
        if actor.user_id is None:
            raise invalid("unacknowledged", "只有登录用户才有确认回执", "only a signed-in user acknowledges")
        acked = exists().where(Receipt.publication_id == Publication.id, Receipt.user_id == actor.user_id,
                               Receipt.acknowledged_at.is_not(None))
        stmt = stmt.where(~acked if f.unacknowledged else acked)
    if f.rule_id is not None:
        stmt = stmt.where(Publication.rule_id == f.rule_id)
    if f.state is not None:
        stmt = stmt.where(Publication.state == f.state.value)
    return stmt


# ---------------------------------------------------------------- the scheduler's part


_NODE = (Publication.id, Publication.rule_id, Publication.time_node, Publication.deadline, Publication.responsible_id,
         Publication.deputy_id)
# Ids per IN list (SQLite's bound-parameter limit is 32,766; PostgreSQL's 65,535).
CHUNK = 1000
# The columns a due publication is made with, in the order ``_due_rows`` selects them.
_MADE = ("rule_id", "time_node", "deadline", "state", "department_id", "responsible_id", "deputy_id",
         "snapshot_kind", "audience", "text", "created_at")


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


@dataclass(frozen=True)
class _Plan:
    """Rules alike (the same recurrence, next node, working days and deadline) and the nodes they are due for."""

    match: tuple[ColumnElement[bool], ...]  # which rules: equalities the ORM evaluates on loaded rules too
    nodes: list[datetime]
    following: datetime | None  # their next node after this run
    deadline_minutes: int


def _due_rows(plan: _Plan, node: datetime, now: datetime) -> Select[Any]:
    """The publications of one node of the plan's rules, as a SELECT for INSERT ... SELECT; rules that have it
    already (a run after a partial one) are left out."""
    made = aliased(Publication)
    return select(
        SharingRule.id, literal(node, UTCDateTime()),
        literal(timenodes.deadline_of(node, plan.deadline_minutes), UTCDateTime()),
        literal(PublicationState.DUE, Publication.__table__.c.state.type), SharingRule.department_id,
        SharingRule.responsible_id, SharingRule.deputy_id, SharingRule.snapshot_kind,
        literal({}, Publication.__table__.c.audience.type), literal(""), literal(now, UTCDateTime()),
    ).where(*plan.match, ~select(made.id).where(made.rule_id == SharingRule.id, made.time_node == node).exists())


async def _plans(session: AsyncSession, until: datetime) -> list[_Plan]:
    """What a run up to ``until`` has to make. Most rules are alike ("every working day at 09:00"): they are
    grouped in SQL and each group expanded once. A rule with a COUNT counts from its own start, so it is its own."""
    due = (SharingRule.active.is_(True), SharingRule.next_node_at.is_not(None), SharingRule.next_node_at <= until)
    counted = SharingRule.recurrence.contains("COUNT=", autoescape=True)  # stored normalised: upper case
    alike = (SharingRule.recurrence, SharingRule.next_node_at, SharingRule.working_days, SharingRule.deadline_minutes)
    groups = [(r, None, n, w, d, (*due, SharingRule.recurrence == r, SharingRule.next_node_at == n,
                                  SharingRule.working_days.is_(w), SharingRule.deadline_minutes == d))
              for r, n, w, d in await session.execute(select(*alike).where(*due, ~counted).group_by(*alike)
                                                       .order_by(*alike))]
    groups += [(r, s, n, w, d, (*due, SharingRule.id == i))
               for i, r, s, n, w, d in await session.execute(
                   select(SharingRule.id, SharingRule.recurrence, SharingRule.starts_at, *alike[1:])
                   .where(*due, counted).order_by(SharingRule.id))]
    if not groups:
        return []
    calendar = await timenodes.calendar_of(session)
    plans = []
    for recurrence, starts_at, next_at, working_days, minutes, match in groups:
        anchor = timenodes.anchor(recurrence, starts_at, next_at) if starts_at is not None else next_at
        found = timenodes.nodes(recurrence, anchor, working_days=working_days, calendar=calendar, after=next_at,
                                until=until, limit=MAX_NODES_PER_RULE + 1)
        plans.append(_Plan(match, found[-MAX_NODES_PER_RULE:], timenodes.next_node(
            recurrence, anchor, working_days=working_days, calendar=calendar, after=until, inclusive=False), minutes))
    return plans


async def materialise(session: AsyncSession, *, actor: Actor, until: datetime) -> list[Node]:
    """Make the publications of every time node up to ``until`` that has none yet; idempotent.

    Set-based: one INSERT ... SELECT per group of rules alike and node, one UPDATE per group for their next node,
    so a run over 10,000 rules is a handful of statements and no per-rule Python (``bench/sharing_tick.py``).
    """
    plans = await _plans(session, until)
    if not plans:
        return []
    # Only this job makes publications and the scheduler runs it once at a time, so the rows made are those above
    # the highest id before.
    await session.flush()
    last = (await session.execute(select(func.max(Publication.id)))).scalar_one() or 0
    now = utcnow()
    for plan in plans:
        for node in plan.nodes:
            await session.execute(insert(Publication.__table__).from_select(_MADE, _due_rows(plan, node, now)))
    for plan in plans:
        # The next node is not in a rule's search document, so nothing is to be indexed again; rules loaded in
        # the session learn the value (the match is evaluated on them), and a rule's "updated" time stays the last
        # change a person made.
        await session.execute(update(SharingRule).where(*plan.match)
                              .values(next_node_at=plan.following, updated_at=SharingRule.updated_at)
                              .execution_options(synchronize_session="evaluate"))
    made = [Node(p.id, p.rule_id, p.title, p.time_node, p.deadline, p.responsible_id, p.deputy_id)
            for p in await session.execute(select(*_NODE, SharingRule.title).join(
                SharingRule, SharingRule.id == Publication.rule_id).where(Publication.id > last)
                .order_by(Publication.id))]
    if not made:
        return []
    await outbox.enqueue_selected(session, "publication", select(Publication.id).where(Publication.id > last))
    await audit.record(session, actor=actor, action="publication.due", subject_type="publication",
                       subject_id=made[0].id, after={"count": len(made), "until": until,
                                                     "ids": [p.id for p in made[:1000]]})
    open_ = tuple(p for p in made if p.deadline >= until)
    if open_:
        await events.publish(session, actor=actor, event=PublicationsDue(open_))
    return made


async def mark_missed(session: AsyncSession, *, actor: Actor, until: datetime) -> list[Node]:
    """Mark missed (缺报) every due publication whose deadline is before ``until``: once each."""
    rows = (await session.execute(select(*_NODE).where(
        Publication.state == PublicationState.DUE.value, Publication.deadline < until)
        .order_by(Publication.id).with_for_update())).all()
    if not rows:
        return []
    ids = [p.id for p in rows]
    for part in _chunks(ids):
        await session.execute(update(Publication).where(Publication.id.in_(part))
                              .values(state=PublicationState.MISSED, missed_at=until)
                              .execution_options(synchronize_session="evaluate"))
    titles: dict[int, str] = {}
    rule_ids = sorted({p.rule_id for p in rows})
    for part in _chunks(rule_ids):
        titles |= dict((await session.execute(select(SharingRule.id, SharingRule.title)
                                              .where(SharingRule.id.in_(part)))).all())
    missed = [Node(p.id, p.rule_id, titles[p.rule_id], p.time_node, p.deadline, p.responsible_id, p.deputy_id)
              for p in rows]
    await outbox.enqueue(session, "publication", ids)
    await audit.record(session, actor=actor, action="publication.missed", subject_type="publication",
                       subject_id=ids[0], after={"count": len(ids), "until": until, "ids": ids[:1000]})
    await events.publish(session, actor=actor, event=PublicationsMissed(tuple(missed)))
    return missed


# ---------------------------------------------------------------- publishing


async def _publication(session: AsyncSession, actor: Actor, publication_id: int, field: str = "id",
                       *, lock: bool = False) -> Publication:
    stmt = select(Publication).where(Publication.id == publication_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None or not policies.can_see_publication(actor, row):
        raise not_found(field)
    return row


@dataclass(frozen=True)
class SnapshotRequest:
    kind: SnapshotKind
    day: date | None = None  # receivables: as of this day (default: today in Asia/Shanghai)
    period: str | None = None  # trial balance: YYYY-MM (default: the time node's month)


async def publish(session: AsyncSession, *, actor: Actor, publication_id: int, text: str | None = None,
                  snapshot: SnapshotRequest | None = None, now: datetime | None = None) -> Publication:
    """Publish what a time node asks for, with a text, the files attached beforehand and/or a data snapshot."""
    publication = await _publication(session, actor, publication_id, lock=True)
    if publication.state == PublicationState.PUBLISHED and policies.speaks_for(actor, publication):
        raise DomainError(errors.ALREADY_PUBLISHED, field="id")
    if not policies.can_publish(actor, publication):
        raise denied()
    rule = await session.get(SharingRule, publication.rule_id)
    assert rule is not None
    if not rule.active:
        raise DomainError(errors.RULE_ARCHIVED, field="id")
    body = v.text(text, "text", max_len=TEXT_MAX, required=False) if text and text.strip() else ""
    frozen = None
    if snapshot is not None:
        frozen = await snapshots.take(session, actor=actor, kind=snapshot.kind, day=snapshot.day,
                                      period=snapshot.period or timenodes.local(publication.time_node).strftime("%Y-%m"))
    files = (await session.execute(select(func.count()).select_from(Attachment).where(
        Attachment.owner_type == OWNER, Attachment.owner_id == publication.id))).scalar_one()
    if not body and frozen is None and not files:
        raise invalid("text", "请填写内容，或附上文件、数据快照", "write a text, or attach files or a data snapshot")
    before = audit.snapshot(publication)
    moment = now or utcnow()
    reach = await access.reach(session, rule.id)
    people = await access.receivers(session, reach, excluding=(publication.responsible_id, publication.deputy_id))
    publication.state = PublicationState.PUBLISHED
    publication.timeliness = timenodes.timeliness(moment, publication.deadline)
    publication.text, publication.published_at, publication.published_by_id = body, moment, actor.user_id
    if frozen is not None:
        publication.snapshot_kind, publication.snapshot = snapshot.kind if snapshot else None, frozen
    publication.audience = reach.as_json()
    session.add_all([Receipt(publication_id=publication.id, user_id=u.id, department_id=u.department_id)
                     for u in people])
    session.add_all(access.audience_rows(publication.id, reach))
    await session.flush()
    await audit.record(session, actor=actor, action="publication.publish", subject_type="publication",
                       subject_id=publication.id, before=before, after=audit.snapshot(publication))
    await events.publish(session, actor=actor, event=PublicationPublished(
        publication, rule, tuple(u.id for u in people), publication.timeliness == Timeliness.LATE))
    return publication


async def acknowledge(session: AsyncSession, *, actor: Actor, publication_id: int,
                      now: datetime | None = None) -> Receipt:
    """Confirm one has read a publication (确认回执); acknowledging again changes nothing."""
    publication = await _publication(session, actor, publication_id)
    if not policies.can_acknowledge(actor, publication):
        raise denied()
    receipt = (await session.execute(select(Receipt).where(Receipt.publication_id == publication.id,
                                                           Receipt.user_id == actor.user_id))).scalar_one_or_none()
    if receipt is None:  # they joined the audience after it was published
        assert actor.user_id is not None
        receipt = Receipt(publication_id=publication.id, user_id=actor.user_id, department_id=actor.department_id)
        session.add(receipt)
    elif receipt.acknowledged_at is not None:
        return receipt
    receipt.acknowledged_at = now or utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="publication.acknowledge", subject_type="publication",
                       subject_id=publication.id, after=audit.snapshot(receipt))
    return receipt


async def add_feedback(session: AsyncSession, *, actor: Actor, publication_id: int, text: str,
                       question: bool = False) -> Feedback:
    """Leave feedback or a question on a publication one received, for its responsible person to answer."""
    publication = await _publication(session, actor, publication_id, "publicationId")
    if not policies.can_add_feedback(actor, publication):
        raise denied()
    body = v.required_text(text, "text", max_len=FEEDBACK_MAX)
    assert actor.user_id is not None
    feedback = Feedback(publication_id=publication.id, author_id=actor.user_id, text=body, question=bool(question))
    session.add(feedback)
    await session.flush()
    await audit.record(session, actor=actor, action="feedback.create", subject_type="publication_feedback",
                       subject_id=feedback.id, after=audit.snapshot(feedback))
    rule = await session.get(SharingRule, publication.rule_id)
    assert rule is not None
    await events.publish(session, actor=actor, event=FeedbackAdded(feedback, publication, rule))
    return feedback


async def _feedback(session: AsyncSession, actor: Actor, feedback_id: int) -> tuple[Feedback, Publication]:
    feedback = await session.get(Feedback, feedback_id)
    publication = None if feedback is None else await session.get(Publication, feedback.publication_id)
    if feedback is None or publication is None or not policies.can_see_publication(actor, publication):
        raise not_found()
    return feedback, publication


async def answer_feedback(session: AsyncSession, *, actor: Actor, feedback_id: int, answer: str,
                          now: datetime | None = None) -> Feedback:
    """The responsible person (or deputy) answers a receiver's feedback."""
    feedback, publication = await _feedback(session, actor, feedback_id)
    if feedback.answered_at is not None and policies.speaks_for(actor, publication):
        raise DomainError(errors.ALREADY_ANSWERED, field="id")
    if not policies.can_answer(actor, publication, feedback):
        raise denied()
    before = audit.snapshot(feedback)
    feedback.answer = v.required_text(answer, "answer", max_len=FEEDBACK_MAX)
    feedback.answered_by_id, feedback.answered_at = actor.user_id, now or utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="feedback.answer", subject_type="publication_feedback",
                       subject_id=feedback.id, before=before, after=audit.snapshot(feedback))
    rule = await session.get(SharingRule, publication.rule_id)
    assert rule is not None
    await events.publish(session, actor=actor, event=FeedbackAnswered(feedback, publication, rule))
    return feedback


async def feedback_to_action_item(session: AsyncSession, *, actor: Actor, feedback_id: int, meeting_id: int,
                                  owner_id: int, due_on: date, title: str | None = None) -> ActionItem:
    """Turn a question into an action item (待办事项) of a joint meeting, linked to the publication."""
    feedback, publication = await _feedback(session, actor, feedback_id)
    if not policies.speaks_for(actor, publication):
        raise denied()
    if feedback.action_item_id is not None:
        raise DomainError(errors.WRONG_STATE, field="id", zh="该反馈已转为待办事项",
                          en="This feedback already became an action item")
    name = title if title is not None and title.strip() else feedback.text[:200]
    item = await action_items.create_action_item(
        session, actor=actor, meeting_id=meeting_id, title=name, owner_id=owner_id, due_on=due_on,
        links_=[web_id(OWNER, publication.id)], note=feedback.text[:2000])
    before = audit.snapshot(feedback)
    feedback.action_item_id = item.id
    await session.flush()
    await audit.record(session, actor=actor, action="feedback.action_item", subject_type="publication_feedback",
                       subject_id=feedback.id, before=before, after=audit.snapshot(feedback))
    return item


def receipts_of(publication_ids: Sequence[int]) -> Select[tuple[Receipt]]:
    return select(Receipt).where(Receipt.publication_id.in_(list(publication_ids)))
