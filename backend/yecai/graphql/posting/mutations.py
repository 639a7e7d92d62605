"""Mutations of posting rules."""

from typing import Optional

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.base import decode_id, mutation
from yecai.graphql.enums import EventType
from yecai.graphql.posting import types as t
from yecai.posting import errors, service
from yecai.posting import permissions as p


@strawberry.input(description="A new rule: its event type and the definition of its first version.")
class CreatePostingRuleInput:
    code: str
    name: str
    event_type: EventType  # type: ignore[valid-type]
    definition: JSON
    note: Optional[str] = ""


@strawberry.input(description="Editing a rule publishes a new version; the old ones stay for lineage.")
class PublishPostingRuleVersionInput:
    rule_id: strawberry.ID
    definition: JSON
    note: Optional[str] = ""


@strawberry.input
class SetPostingRuleActiveInput:
    id: strawberry.ID
    active: bool


@strawberry.type
class PostingMutations:
    @mutation("Add a posting rule; refused when it does not balance for a sample event.", permission=p.POSTING_MANAGE,
              errors=[errors.RULE_CODE_TAKEN, errors.RULE_UNBALANCED], returns=("posting_rule", t.PostingRule))
    async def create_posting_rule(self, info: Info, input: CreatePostingRuleInput) -> t.PostingRule:
        return t.PostingRule.from_model(await service.create_rule(
            info.context.session, actor=info.context.actor, code=input.code, name=input.name,
            event_type=input.event_type.value, definition=input.definition, note=input.note or ""))

    @mutation("Publish a new version of a rule.", permission=p.POSTING_MANAGE, errors=[errors.RULE_UNBALANCED],
              returns=("version", t.PostingRuleVersion))
    async def publish_posting_rule_version(self, info: Info,
                                           input: PublishPostingRuleVersionInput) -> t.PostingRuleVersion:
        return t.PostingRuleVersion.from_model(await service.publish_rule_version(
            info.context.session, actor=info.context.actor, rule_id=decode_id(input.rule_id, "PostingRule", "ruleId"),
            definition=input.definition, note=input.note or ""))

    @mutation("Switch a rule on or off for future events.", permission=p.POSTING_MANAGE,
              returns=("posting_rule", t.PostingRule))
    async def set_posting_rule_active(self, info: Info, input: SetPostingRuleActiveInput) -> t.PostingRule:
        return t.PostingRule.from_model(await service.set_rule_active(
            info.context.session, actor=info.context.actor, rule_id=decode_id(input.id, "PostingRule"),
            active=input.active))
