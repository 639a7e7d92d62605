"""Use cases of sharing rules (共享规则): set one up, change it, archive it, list the ones the actor may see.

Each takes ``session`` and ``actor`` keyword-only, checks its policy first, validates (errors name the
field), changes, records an audit event; nothing commits here. Publications are in ``publications``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings.service import _department_ids as department_ids
from yecai.meetings.service import _role_codes as role_codes
from yecai.meetings.service import active_users, optional_text
from yecai.sharing import access, errors, policies, timenodes
from yecai.sharing.models import (
    AudienceKind,
    Publication,
    PublicationState,
    SharingAudience,
    SharingRule,
    SnapshotKind,
)

MAX_AUDIENCE = 200


@dataclass(frozen=True)
class RuleInput:
    title: str
    responsible_id: int
    recurrence: str
    starts_at: datetime
    deadline_minutes: int
    description: str = ""
    department_id: int | None = None
    deputy_id: int | None = None
    working_days: bool = False
    audience_department_ids: Sequence[int] = ()
    audience_roles: Sequence[str] = ()
    audience_user_ids: Sequence[int] = ()
    email: bool = False
    requires_acknowledgement: bool = True
    requires_answer: bool = False
    snapshot_kind: SnapshotKind | None = None


def _aware(value: datetime | None, name: str) -> datetime:
    if value is None:
        raise invalid(name, "不能为空", "is required")
    if value.tzinfo is None:
        raise invalid(name, "须带时区（如 +08:00）", "must carry a time zone (e.g. +08:00)")
    return value.astimezone(UTC)


def rules_query(*, actor: Actor) -> Select[tuple[SharingRule]]:
    if not policies.can_read(actor):
        raise denied()
    return select(SharingRule)


async def visible_rules_query(session: AsyncSession, *, actor: Actor, active: bool | None = None,
                              mine: bool = False) -> Select[tuple[SharingRule]]:
    """The rules the actor may see; ``mine``: those they are responsible for or deputy of."""
    stmt = rules_query(actor=actor).where(await access.rule_filter(session, actor))
    if active is not None:
        stmt = stmt.where(SharingRule.active.is_(active))
    if mine:
        if actor.user_id is None:
            raise invalid("mine", "只有登录用户才有自己负责的规则", "only a signed-in user is responsible for rules")
        stmt = stmt.where((SharingRule.responsible_id == actor.user_id) | (SharingRule.deputy_id == actor.user_id))
    return stmt


async def _checked(session: AsyncSession, data: RuleInput) -> dict[str, object]:
    """The rule's columns from the input, every field checked (the first fault named)."""
    title = v.name(data.title, "title", max_len=200)
    description = optional_text(data.description, "description", max_len=4000)
    users = [(data.responsible_id, "responsibleId")]
    if data.deputy_id is not None:
        if data.deputy_id == data.responsible_id:
            raise invalid("deputyId", "不能与负责人相同", "must not be the responsible person")
        users.append((data.deputy_id, "deputyId"))
    await active_users(session, [u for u, _ in users], [n for _, n in users])
    if data.department_id is not None:
        await department_ids(session, [data.department_id], "departmentId")
    starts_at = _aware(data.starts_at, "startsAt")
    rule_text = timenodes.normalize(data.recurrence)
    timenodes.parse(rule_text, starts_at)
    minutes = timenodes.deadline_minutes(data.deadline_minutes)
    total = len(data.audience_department_ids) + len(data.audience_roles) + len(data.audience_user_ids)
    if total == 0:
        raise invalid("audience", "请至少选择一个部门、角色或人员", "name at least one department, role or user")
    if total > MAX_AUDIENCE:
        raise invalid("audience", f"最多 {MAX_AUDIENCE} 项", f"at most {MAX_AUDIENCE} entries")
    await department_ids(session, data.audience_department_ids, "audienceDepartmentIds")
    await role_codes(session, data.audience_roles, "audienceRoles")
    await active_users(session, data.audience_user_ids, "audienceUserIds")
    return dict(title=title, description=description, department_id=data.department_id,
                responsible_id=data.responsible_id, deputy_id=data.deputy_id, recurrence=rule_text,
                starts_at=starts_at, working_days=bool(data.working_days), deadline_minutes=minutes,
                email=bool(data.email), requires_acknowledgement=bool(data.requires_acknowledgement),
                requires_answer=bool(data.requires_answer), snapshot_kind=data.snapshot_kind)


def _audience_rows(rule_id: int, data: RuleInput) -> list[SharingAudience]:
    return ([SharingAudience(rule_id=rule_id, kind=AudienceKind.DEPARTMENT, department_id=d)
             for d in dict.fromkeys(data.audience_department_ids)]
            + [SharingAudience(rule_id=rule_id, kind=AudienceKind.ROLE, role_code=r)
               for r in dict.fromkeys(data.audience_roles)]
            + [SharingAudience(rule_id=rule_id, kind=AudienceKind.USER, user_id=u)
               for u in dict.fromkeys(data.audience_user_ids)])


async def _audience_snapshot(session: AsyncSession, rule_id: int) -> dict[str, list[object]]:
    rows = (await session.execute(select(SharingAudience).where(SharingAudience.rule_id == rule_id)
                                  .order_by(SharingAudience.id))).scalars()
    found: dict[str, list[object]] = {"departments": [], "roles": [], "users": []}
    for r in rows:
        if r.kind == AudienceKind.DEPARTMENT:
            found["departments"].append(r.department_id)
        elif r.kind == AudienceKind.ROLE:
            found["roles"].append(r.role_code)
        else:
            found["users"].append(r.user_id)
    return found


async def schedule_next(session: AsyncSession, rule: SharingRule, *, now: datetime | None = None) -> None:
    """Point the rule at its first time node from now on (nodes before are not asked for)."""
    calendar = await timenodes.calendar_of(session)
    after = max(now or utcnow(), rule.starts_at)
    rule.next_node_at = timenodes.next_node(rule.recurrence, rule.starts_at, working_days=rule.working_days,
                                            calendar=calendar, after=after) if rule.active else None


async def create_sharing_rule(session: AsyncSession, *, actor: Actor, data: RuleInput) -> SharingRule:
    """Set up a sharing rule (共享规则): what is shared, by whom, with whom, at which time nodes and deadline."""
    if not policies.can_create_rule(actor):
        raise denied()
    values = await _checked(session, data)
    rule = SharingRule(**values, active=True, created_by_id=actor.user_id)
    session.add(rule)
    await session.flush()
    session.add_all(_audience_rows(rule.id, data))
    await schedule_next(session, rule)
    await session.flush()
    await audit.record(session, actor=actor, action="sharing_rule.create", subject_type="sharing_rule",
                       subject_id=rule.id, after=audit.snapshot(rule) | {
                           "audience": await _audience_snapshot(session, rule.id)})
    return rule


async def _rule(session: AsyncSession, actor: Actor, rule_id: int) -> SharingRule:
    rule = await session.get(SharingRule, rule_id)
    if rule is None or not policies.can_see_rule(actor, rule, await access.reach(session, rule.id)):
        raise not_found()
    return rule


async def update_sharing_rule(session: AsyncSession, *, actor: Actor, rule_id: int, data: RuleInput) -> SharingRule:
    """Change a rule; its publications not yet published follow the new responsible person and deputy."""
    rule = await _rule(session, actor, rule_id)
    if not policies.can_change_rule(actor, rule):
        raise denied()
    if not rule.active:
        raise DomainError(errors.RULE_ARCHIVED, field="id")
    values = await _checked(session, data)
    before = audit.snapshot(rule) | {"audience": await _audience_snapshot(session, rule.id)}
    timing = (rule.recurrence, rule.starts_at, rule.working_days)
    for key, value in values.items():
        setattr(rule, key, value)
    await session.execute(delete(SharingAudience).where(SharingAudience.rule_id == rule.id))
    session.add_all(_audience_rows(rule.id, data))
    if timing != (rule.recurrence, rule.starts_at, rule.working_days):
        await schedule_next(session, rule)
    await session.execute(update(Publication).where(
        Publication.rule_id == rule.id, Publication.state != PublicationState.PUBLISHED.value).values(
        responsible_id=rule.responsible_id, deputy_id=rule.deputy_id, department_id=rule.department_id))
    await session.flush()
    after = audit.snapshot(rule) | {"audience": await _audience_snapshot(session, rule.id)}
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="sharing_rule.update", subject_type="sharing_rule",
                           subject_id=rule.id, before=before, after=after)
    return rule


async def archive_sharing_rule(session: AsyncSession, *, actor: Actor, rule_id: int) -> SharingRule:
    """Stop a rule: no more time nodes; what it published stays."""
    rule = await _rule(session, actor, rule_id)
    if not policies.can_change_rule(actor, rule):
        raise denied()
    if not rule.active:
        raise DomainError(errors.RULE_ARCHIVED, field="id")
    before = audit.snapshot(rule)
    rule.active, rule.next_node_at = False, None
    await session.flush()
    await audit.record(session, actor=actor, action="sharing_rule.archive", subject_type="sharing_rule",
                       subject_id=rule.id, before=before, after=audit.snapshot(rule))
    return rule
