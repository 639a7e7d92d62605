"""Sharing rules and publications in the search index, for their audience only.

A rule is found by who publishes it, by its audience (its departments and those under them, its roles, its
users) and by holders of ``sharing.manage``. A publication is found by who publishes it and, once published,
by the receivers its frozen audience lists. Tags follow the same rules as ``policies``; every hit is checked
again by them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.searchable import Searchable, SearchDocument, Watch, text_of, web_id
from yecai.sharing import access, policies, timenodes
from yecai.sharing.models import Publication, PublicationState, SharingAudience, SharingRule
from yecai.sharing.policies import Reach

MANAGE = "shr:manage"
STATE = {"DUE": "待发布", "PUBLISHED": "已发布", "MISSED": "缺报"}


def user_tag(user_id: int) -> str:
    return f"shr:user:{user_id}"


def department_tag(department_id: int) -> str:
    return f"shr:dept:{department_id}"


def role_tag(code: str) -> str:
    return f"shr:role:{code}"


def viewer_tags(actor: Actor) -> set[str]:
    tags: set[str] = set()
    if policies.can_manage(actor):
        tags.add(MANAGE)
    if not policies.can_read(actor) or actor.kind != "user" or actor.user_id is None:
        return tags
    tags.add(user_tag(actor.user_id))
    if actor.department_id is not None:
        tags.add(department_tag(actor.department_id))
    return tags | {role_tag(r) for r in actor.roles}


def rule_tags(rule: SharingRule, reach: Reach) -> tuple[str, ...]:
    users = {rule.responsible_id, *([rule.deputy_id] if rule.deputy_id else []), *reach.users}
    return (MANAGE, *sorted(user_tag(u) for u in users), *sorted(department_tag(d) for d in reach.departments),
            *sorted(role_tag(r) for r in reach.roles))


def publication_tags(p: Publication) -> tuple[str, ...]:
    users = {p.responsible_id, *([p.deputy_id] if p.deputy_id else [])}
    if p.state != PublicationState.PUBLISHED:
        return (MANAGE, *sorted(user_tag(u) for u in users))
    reach = Reach.of(p.audience)
    return (MANAGE, *sorted(user_tag(u) for u in users | set(reach.users)),
            *sorted(department_tag(d) for d in reach.departments), *sorted(role_tag(r) for r in reach.roles))


async def build_rules(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(SharingRule).where(SharingRule.id.in_(list(ids))))).scalars())
    reaches = await access.reaches(session, [r.id for r in rows])
    return {r.id: SearchDocument(
        kind="sharing_rule", object_id=r.id, title=r.title, body=text_of("共享规则", r.description),
        department_id=r.department_id, access=rule_tags(r, reaches[r.id]), date=timenodes.local(r.starts_at).date(),
        url="/sharing/rules") for r in rows}


async def visible_rules(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = list((await session.execute(select(SharingRule).where(SharingRule.id.in_(list(ids))))).scalars())
    reaches = await access.reaches(session, [r.id for r in rows])
    return {r.id for r in rows if policies.can_see_rule(actor, r, reaches[r.id])}


async def build_publications(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Publication).where(Publication.id.in_(list(ids))))).scalars())
    titles = dict((await session.execute(select(SharingRule.id, SharingRule.title).where(
        SharingRule.id.in_({p.rule_id for p in rows})))).all()) if rows else {}
    return {p.id: SearchDocument(
        kind="publication", object_id=p.id, title=f"{titles.get(p.rule_id, '')} {timenodes.local(p.time_node):%Y-%m-%d}",
        body=text_of("发布", STATE[p.state.value], p.text), department_id=p.department_id,
        access=publication_tags(p), date=timenodes.local(p.time_node).date(),
        url=f"/sharing/publications/{web_id('Publication', p.id)}") for p in rows}


async def visible_publications(session: AsyncSession, actor: Actor, ids: Sequence[int]) -> set[int]:
    rows = (await session.execute(select(Publication).where(Publication.id.in_(list(ids))))).scalars()
    return {p.id for p in rows if policies.can_see_publication(actor, p)}


SEARCHABLES = (
    Searchable(kind="sharing_rule", zh="共享规则", en="Sharing rule", model=SharingRule, node="SharingRule",
               build=build_rules, visible=visible_rules, viewer_tags=viewer_tags,
               watches=(Watch(SharingAudience, lambda row: row.rule_id),)),
    Searchable(kind="publication", zh="发布", en="Publication", model=Publication, node="Publication",
               build=build_publications, visible=visible_publications, viewer_tags=viewer_tags),
)
