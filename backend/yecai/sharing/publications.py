"""Publications (发布): due at a rule's time node, published by its responsible person or deputy with a text,
attachments or a data snapshot, acknowledged by receivers, discussed in feedback (反馈).

On time (按时) when published at or before the deadline, late (逾期) after it; missed (缺报) when the deadline
passed with nothing published (the scheduler marks it, once; publishing it afterwards makes it late).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.attachments.models import Attachment
from yecai.audit import service as audit
from yecai.db import utcnow
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
        stmt = stmt.where(Publication.state == PublicationState.PUBLISHED.value, Publication.id.in_(
            select(Receipt.publication_id).where(Receipt.user_id == actor.user_id)))
    if f.unacknowledged is not None:
        if actor.user_id is None:
            raise invalid("unacknowledged", "只有登录用户才有确认回执", "only a signed-in user acknowledges")
        acked = Receipt.acknowledged_at.is_(None) if f.unacknowledged else Receipt.acknowledged_at.is_not(None)
        stmt = stmt.where(Publication.id.in_(select(Receipt.publication_id).where(
            Receipt.user_id == actor.user_id, acked)))
    if f.rule_id is not None:
        stmt = stmt.where(Publication.rule_id == f.rule_id)
    if f.state is not None:
        stmt = stmt.where(Publication.state == f.state.value)
    return stmt


# ---------------------------------------------------------------- the scheduler's part


_RULE = (SharingRule.id, SharingRule.title, SharingRule.recurrence, SharingRule.starts_at, SharingRule.next_node_at,
         SharingRule.working_days, SharingRule.deadline_minutes, SharingRule.department_id, SharingRule.responsible_id,
         SharingRule.deputy_id, SharingRule.snapshot_kind)
_NODE = (Publication.id, Publication.rule_id, Publication.time_node, Publication.deadline, Publication.responsible_id,
         Publication.deputy_id)
# Ids per IN list (SQLite's bound-parameter limit is 32,766; PostgreSQL's 65,535).
CHUNK = 1000


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


async def materialise(session: AsyncSession, *, actor: Actor, until: datetime) -> list[Node]:
    """Make the publications of every time node up to ``until`` that has none yet; idempotent.

    A run over thousands of rules reads and writes rows, not ORM objects, in a fixed number of statements per
    thousand rules; rules alike (the same recurrence and next node: most rules are "every working day at 09:00")
    are expanded once.
    """
    rules = (await session.execute(select(*_RULE).where(
        SharingRule.active.is_(True), SharingRule.next_node_at.is_not(None), SharingRule.next_node_at <= until)
        .order_by(SharingRule.id))).all()
    if not rules:
        return []
    calendar = await timenodes.calendar_of(session)
    plans: dict[tuple[str, datetime, datetime, bool], tuple[list[datetime], datetime | None]] = {}
    wanted: dict[int, list[datetime]] = {}
    moves: dict[datetime | None, list[int]] = {}
    for rule in rules:
        anchor = timenodes.anchor(rule.recurrence, rule.starts_at, rule.next_node_at)
        key = (rule.recurrence, anchor, rule.next_node_at, rule.working_days)
        plan = plans.get(key)
        if plan is None:
            found = timenodes.nodes(rule.recurrence, anchor, working_days=rule.working_days, calendar=calendar,
                                    after=rule.next_node_at, until=until, limit=MAX_NODES_PER_RULE + 1)
            plan = plans[key] = (found[-MAX_NODES_PER_RULE:], timenodes.next_node(
                rule.recurrence, anchor, working_days=rule.working_days, calendar=calendar, after=until,
                inclusive=False))
        wanted[rule.id] = plan[0]
        moves.setdefault(plan[1], []).append(rule.id)
    # The next node is not in a rule's search document, so nothing is to be indexed again; rules loaded in the
    # session learn the value (the update's evaluated synchronisation), and the rule's "updated" time is the
    # last change a person made, so it is kept.
    for value, ids in moves.items():
        for part in _chunks(ids):
            await session.execute(update(SharingRule).where(SharingRule.id.in_(part))
                                  .values(next_node_at=value, updated_at=SharingRule.updated_at)
                                  .execution_options(synchronize_session="evaluate"))
    existing: set[tuple[int, datetime]] = set()
    asked = [r for r in wanted if wanted[r]]
    for part in _chunks(asked):
        lowest = min(wanted[r][0] for r in part)
        existing |= {(r, n) for r, n in await session.execute(
            select(Publication.rule_id, Publication.time_node).where(
                Publication.rule_id.in_(part), Publication.time_node >= lowest, Publication.time_node <= until))}
    now = utcnow()
    values = [dict(rule_id=rule.id, time_node=node, deadline=timenodes.deadline_of(node, rule.deadline_minutes),
                   state=PublicationState.DUE, department_id=rule.department_id, responsible_id=rule.responsible_id,
                   deputy_id=rule.deputy_id, snapshot_kind=rule.snapshot_kind, audience={}, text="",
                   created_at=now)
              for rule in rules for node in wanted[rule.id] if (rule.id, node) not in existing]
    if not values:
        return []
    # One executemany (the ORM's per-row INSERT ... RETURNING is what made a tick over 10,000 rules slow); only
    # this job makes publications and the scheduler runs it once at a time, so the new rows are those above the
    # highest id before, numbered in the order given.
    await session.flush()
    last = (await session.execute(select(func.max(Publication.id)))).scalar_one() or 0
    await session.execute(insert(Publication.__table__), values)
    ids = list((await session.execute(select(Publication.id).where(Publication.id > last)
                                      .order_by(Publication.id))).scalars())
    if len(ids) != len(values):
        raise RuntimeError(f"{len(values)} publications made but {len(ids)} found: another writer interleaved")
    titles = {r.id: r.title for r in rules}
    made = [Node(i, v["rule_id"], titles[v["rule_id"]], v["time_node"], v["deadline"], v["responsible_id"],
                 v["deputy_id"]) for i, v in zip(ids, values, strict=True)]
    await outbox.enqueue(session, "publication", [p.id for p in made])
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
