"""Posting rules in the search index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor
from yecai.posting import policies
from yecai.posting.models import PostingRule, PostingRuleVersion
from yecai.searchable import Searchable, SearchDocument, Watch, checked_by, text_of, web_id

TAG = "posting:read"


def viewer_tags(actor: Actor) -> set[str]:
    return {TAG} if policies.can_read(actor) else set()


async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = (await session.execute(
        select(PostingRule, PostingRuleVersion.note)
        .outerjoin(PostingRuleVersion, PostingRuleVersion.id == PostingRule.current_version_id)
        .where(PostingRule.id.in_(list(ids))))).all()
    found = {}
    for rule, note in rows:
        doc_type = manifest.document_type_for_event(rule.event_type)
        found[rule.id] = SearchDocument(
            kind="posting_rule", object_id=rule.id, title=rule.name, code=rule.code,
            body=text_of("记账规则", doc_type.zh if doc_type else "", rule.event_type, note,
                         "" if rule.active else "已停用"),
            access=(TAG,), url=f"/posting-rules/{web_id('PostingRule', rule.id)}")
    return found


SEARCHABLES = (
    Searchable(kind="posting_rule", zh="记账规则", en="Posting rule", model=PostingRule, node="PostingRule",
               build=build, visible=checked_by(PostingRule, lambda actor, _r: policies.can_read(actor)),
               viewer_tags=viewer_tags, watches=(Watch(PostingRuleVersion, lambda v: v.rule_id),)),
)
