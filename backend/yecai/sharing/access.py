"""What the policies need to know about who a rule reaches, loaded in a fixed number of statements, and the same
rules as SQL filters for lists."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import Role, User, UserRole
from yecai.meetings.access import below, chain, department_tree
from yecai.sharing import policies
from yecai.sharing.models import (
    AudienceKind,
    Publication,
    PublicationAudience,
    PublicationState,
    SharingAudience,
    SharingRule,
)
from yecai.sharing.policies import Reach


async def reaches(session: AsyncSession, rule_ids: Sequence[int]) -> dict[int, Reach]:
    """Each rule's audience, departments expanded down the tree, by rule id."""
    ids = list(rule_ids)
    if not ids:
        return {}
    entries = list((await session.execute(select(SharingAudience).where(SharingAudience.rule_id.in_(ids)))).scalars())
    tree = await department_tree(session) if any(e.kind == AudienceKind.DEPARTMENT for e in entries) else {}
    found: dict[int, tuple[set[int], set[str], set[int]]] = {i: (set(), set(), set()) for i in ids}
    for e in entries:
        departments, roles, users = found[e.rule_id]
        if e.kind == AudienceKind.DEPARTMENT and e.department_id is not None:
            departments |= below(tree, e.department_id)
        elif e.kind == AudienceKind.ROLE and e.role_code:
            roles.add(e.role_code)
        elif e.kind == AudienceKind.USER and e.user_id is not None:
            users.add(e.user_id)
    return {i: Reach(frozenset(d), frozenset(r), frozenset(u)) for i, (d, r, u) in found.items()}


async def reach(session: AsyncSession, rule_id: int) -> Reach:
    return (await reaches(session, [rule_id]))[rule_id]


async def receivers(session: AsyncSession, reach_: Reach, *, excluding: Sequence[int | None] = ()) -> list[User]:
    """The active users an audience reaches now (the publisher and deputy left out)."""
    clauses: list[ColumnElement[bool]] = []
    if reach_.departments:
        clauses.append(User.department_id.in_(sorted(reach_.departments)))
    if reach_.users:
        clauses.append(User.id.in_(sorted(reach_.users)))
    if reach_.roles:
        clauses.append(User.id.in_(select(UserRole.user_id).join(Role, Role.id == UserRole.role_id)
                                   .where(Role.code.in_(sorted(reach_.roles)))))
    if not clauses:
        return []
    left_out = [u for u in excluding if u is not None]
    stmt = select(User).where(User.active.is_(True), or_(*clauses))
    if left_out:
        stmt = stmt.where(User.id.not_in(left_out))
    return list((await session.execute(stmt.order_by(User.id))).scalars())


async def rule_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """Rules the actor may see (``policies.can_see_rule``) as a SQL condition."""
    if policies.can_manage(actor):
        return true()
    if not policies.can_read(actor) or actor.kind != "user" or actor.user_id is None:
        return false()
    clauses: list[ColumnElement[bool]] = [SharingRule.responsible_id == actor.user_id,
                                          SharingRule.deputy_id == actor.user_id]
    mine = [SharingAudience.kind == AudienceKind.USER.value, SharingAudience.user_id == actor.user_id]
    audience = [exists().where(SharingAudience.rule_id == SharingRule.id, *mine)]
    if actor.roles:
        audience.append(exists().where(SharingAudience.rule_id == SharingRule.id,
                                       SharingAudience.kind == AudienceKind.ROLE.value,
                                       SharingAudience.role_code.in_(sorted(actor.roles))))
    if actor.department_id is not None:
        above = chain(await department_tree(session), actor.department_id)
        audience.append(exists().where(SharingAudience.rule_id == SharingRule.id,
                                       SharingAudience.kind == AudienceKind.DEPARTMENT.value,
                                       SharingAudience.department_id.in_(sorted(above))))
    return or_(*clauses, *audience)


def reached(actor: Actor) -> ColumnElement[bool]:
    """Publications whose frozen audience reaches the actor now (``policies.reaches`` on ``Publication.audience``),
    as a SQL condition over the same audience as rows: someone who joined an audience department after it was
    published is reached, someone who left it is not, in lists as on the object."""
    if actor.kind != "user" or actor.user_id is None:
        return false()
    who: list[ColumnElement[bool]] = [PublicationAudience.user_id == actor.user_id]
    if actor.roles:
        who.append(PublicationAudience.role_code.in_(sorted(actor.roles)))
    if actor.department_id is not None:
        who.append(PublicationAudience.department_id == actor.department_id)
    return (Publication.state == PublicationState.PUBLISHED.value) & exists().where(
        PublicationAudience.publication_id == Publication.id, or_(*who))


def publication_filter(actor: Actor) -> ColumnElement[bool]:
    """Publications the actor may see (``policies.can_see_publication``): who publishes them, and once published
    whom their frozen audience reaches."""
    if policies.can_manage(actor):
        return true()
    if not policies.can_read(actor) or actor.kind != "user" or actor.user_id is None:
        return false()
    return or_(Publication.responsible_id == actor.user_id, Publication.deputy_id == actor.user_id, reached(actor))


def audience_rows(publication_id: int, reach_: Reach) -> list[PublicationAudience]:
    """The frozen audience of a publication as rows (written beside ``Publication.audience`` when published)."""
    return ([PublicationAudience(publication_id=publication_id, kind=AudienceKind.DEPARTMENT, department_id=d)
             for d in sorted(reach_.departments)]
            + [PublicationAudience(publication_id=publication_id, kind=AudienceKind.ROLE, role_code=r)
               for r in sorted(reach_.roles)]
            + [PublicationAudience(publication_id=publication_id, kind=AudienceKind.USER, user_id=u)
               for u in sorted(reach_.users)])
