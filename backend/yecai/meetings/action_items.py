"""Action items (待办事项): follow-ups of meetings with an owner, a due date and a status.

Overdue means due before today in Asia/Shanghai and neither done nor cancelled. A department's list holds
the items of the departments under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import events
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings import access, errors, policies, recurrence
from yecai.meetings.events import ActionItemAssigned, ActionItemUpdated
from yecai.meetings.models import ActionItem, ActionItemStatus, Decision, Meeting, MeetingState
from yecai.meetings.service import active_users, links, optional_text

FINISHED = (ActionItemStatus.DONE, ActionItemStatus.CANCELLED)


def today(now: datetime | None = None) -> date:
    """Today in Asia/Shanghai."""
    return (now or utcnow()).astimezone(recurrence.SHANGHAI).date()


def is_overdue(item: ActionItem, on: date | None = None) -> bool:
    return item.status not in FINISHED and item.due_on < (on or today())


@dataclass(frozen=True)
class ActionItemFilter:
    mine: bool = False
    department_id: int | None = None
    overdue: bool = False
    status: ActionItemStatus | None = None
    meeting_id: int | None = None


async def action_items_query(session: AsyncSession, *, actor: Actor, f: ActionItemFilter) -> Select[tuple[ActionItem]]:
    """The action items the actor may see, filtered; ``mine`` needs a signed-in user."""
    if not policies.can_read(actor):
        raise denied()
    stmt = select(ActionItem).join(Meeting, Meeting.id == ActionItem.meeting_id).where(
        await access.action_item_filter(session, actor))
    if f.mine:
        if actor.user_id is None:
            raise invalid("mine", "只有登录用户才有自己的待办事项", "only a signed-in user has action items of their own")
        stmt = stmt.where(ActionItem.owner_id == actor.user_id)
    if f.department_id is not None:
        # A department's list holds its teams' items too: a manager of 销售部 sees 华东销售组's.
        stmt = stmt.where(ActionItem.department_id.in_(sorted(access.below(await access.department_tree(session),
                                                                           f.department_id)) or [f.department_id]))
    if f.overdue:
        stmt = stmt.where(ActionItem.status.not_in(FINISHED), ActionItem.due_on < today())
    if f.status is not None:
        stmt = stmt.where(ActionItem.status == f.status)
    if f.meeting_id is not None:
        stmt = stmt.where(ActionItem.meeting_id == f.meeting_id)
    return stmt


def _due(value: date | None, name: str = "dueOn") -> date:
    if value is None:
        raise invalid(name, "不能为空", "is required")
    if not date(2000, 1, 1) <= value <= date(2100, 12, 31):
        raise invalid(name, "日期超出范围", "is out of range")
    return value


async def create_action_item(session: AsyncSession, *, actor: Actor, meeting_id: int, title: str, owner_id: int,
                             due_on: date, links_: Sequence[str] = (), decision_id: int | None = None,
                             note: str | None = None) -> ActionItem:
    """Give someone a follow-up of the meeting (待办事项) with a due date."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or not policies.can_see_meeting(actor, meeting):
        raise not_found("meetingId")
    audience = await access.audience(session, meeting)
    if not policies.can_assign_action_items(actor, meeting, audience):
        if meeting.state == MeetingState.CANCELLED and policies.can_manage(actor):
            raise DomainError(errors.WRONG_STATE, field="meetingId")
        raise denied()
    name = v.required_text(title, "title", max_len=200)
    owner = (await active_users(session, [owner_id], ["ownerId"]))[owner_id]
    if decision_id is not None:
        decision = await session.get(Decision, decision_id)
        if decision is None or decision.meeting_id != meeting.id:
            raise invalid("decisionId", "不是本次会议的决议", "is not a decision of this meeting")
    item = ActionItem(meeting_id=meeting.id, decision_id=decision_id, title=name, owner_id=owner.id,
                      department_id=owner.department_id, due_on=_due(due_on), status=ActionItemStatus.OPEN,
                      links=links(links_, "links"), note=optional_text(note, "note", max_len=2000),
                      created_by_id=actor.user_id)
    session.add(item)
    await session.flush()
    await audit.record(session, actor=actor, action="action_item.create", subject_type="action_item",
                       subject_id=item.id, after=audit.snapshot(item))
    await events.publish(session, actor=actor, event=ActionItemAssigned(item))
    return item




async def update_action_item(session: AsyncSession, *, actor: Actor, action_item_id: int,
                             title: str | None = None, owner_id: int | None = None, due_on: date | None = None,
                             status: ActionItemStatus | str | None = None, note: str | None = None,
                             links_: Sequence[str] | None = None) -> ActionItem:
    """Change an action item's status, due date, owner or text: its owner or the owner's managers only."""
    item = await session.get(ActionItem, action_item_id)
    meeting = None if item is None else await session.get(Meeting, item.meeting_id)
    if item is None or meeting is None:
        raise not_found()
    audience = await access.audience(session, meeting)
    if not policies.can_see_action_item(actor, item, meeting, audience):
        raise not_found()
    chains = await access.owner_chains(session, [item.owner_id])
    if not policies.can_change_action_item(actor, item, chains.get(item.owner_id, policies.OwnerChain())):
        raise denied()
    before = audit.snapshot(item)
    previous_owner = item.owner_id
    if title is not None:
        item.title = v.required_text(title, "title", max_len=200)
    if due_on is not None:
        item.due_on = _due(due_on)
    if note is not None:
        item.note = optional_text(note, "note", max_len=2000)
    if links_ is not None:
        item.links = links(links_, "links")
    if status is not None:
        try:
            new_status = ActionItemStatus(status)
        except ValueError:
            raise invalid("status", "不是有效的状态", "is not an action item status") from None
        if new_status != item.status:
            item.status = new_status
            item.completed_at = utcnow() if new_status == ActionItemStatus.DONE else None
    if owner_id is not None and owner_id != item.owner_id:
        owner = (await active_users(session, [owner_id], ["ownerId"]))[owner_id]
        item.owner_id, item.department_id = owner.id, owner.department_id
    await session.flush()
    after = audit.snapshot(item)
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="action_item.update", subject_type="action_item",
                           subject_id=item.id, before=before, after=after)
        changed = {k: before[k] for k in after if k != "updated_at" and before.get(k) != after[k]}
        await events.publish(session, actor=actor, event=ActionItemUpdated(item, changed))
        if item.owner_id != previous_owner:
            await events.publish(session, actor=actor, event=ActionItemAssigned(item, previous_owner))
    return item
