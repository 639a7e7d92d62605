"""Mutations of posting rules."""

from typing import Optional

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.base import decode_id, error_type, result_union, run_mutation
from yecai.graphql.posting import types as t
from yecai.posting import errors, service

CreatePostingRuleError = error_type("CreatePostingRule", [errors.RULE_CODE_TAKEN, errors.RULE_UNBALANCED])
PublishPostingRuleVersionError = error_type("PublishPostingRuleVersion", [errors.RULE_UNBALANCED])
SetPostingRuleActiveError = error_type("SetPostingRuleActive")


@strawberry.input(description="A new rule: its event type and the definition of its first version.")
class CreatePostingRuleInput:
    code: str
    name: str
    event_type: str
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
class CreatePostingRuleSuccess:
    posting_rule: t.PostingRule


@strawberry.type
class PublishPostingRuleVersionSuccess:
    version: t.PostingRuleVersion


@strawberry.type
class SetPostingRuleActiveSuccess:
    posting_rule: t.PostingRule


@strawberry.type
class PostingMutations:
    @strawberry.mutation(description="Add a posting rule; refused when it does not balance for a sample event. "
                                     "Needs `posting.manage_rules`.")
    async def create_posting_rule(self, info: Info, input: CreatePostingRuleInput) -> result_union("CreatePostingRule", CreatePostingRuleSuccess, CreatePostingRuleError):  # type: ignore[valid-type]
        async def run() -> CreatePostingRuleSuccess:
            rule = await service.create_rule(info.context.session, actor=info.context.actor, code=input.code,
                                             name=input.name, event_type=input.event_type,
                                             definition=input.definition, note=input.note or "")
            return CreatePostingRuleSuccess(posting_rule=t.PostingRule.from_model(rule))

        return await run_mutation(info, CreatePostingRuleError, run)

    @strawberry.mutation(description="Publish a new version of a rule. Needs `posting.manage_rules`.")
    async def publish_posting_rule_version(self, info: Info, input: PublishPostingRuleVersionInput) -> result_union("PublishPostingRuleVersion", PublishPostingRuleVersionSuccess, PublishPostingRuleVersionError):  # type: ignore[valid-type]
        async def run() -> PublishPostingRuleVersionSuccess:
            version = await service.publish_rule_version(
                info.context.session, actor=info.context.actor,
                rule_id=decode_id(input.rule_id, "PostingRule", "ruleId"), definition=input.definition,
                note=input.note or "")
            return PublishPostingRuleVersionSuccess(version=t.PostingRuleVersion.from_model(version))

        return await run_mutation(info, PublishPostingRuleVersionError, run)

    @strawberry.mutation(description="Switch a rule on or off for future events. Needs `posting.manage_rules`.")
    async def set_posting_rule_active(self, info: Info, input: SetPostingRuleActiveInput) -> result_union("SetPostingRuleActive", SetPostingRuleActiveSuccess, SetPostingRuleActiveError):  # type: ignore[valid-type]
        async def run() -> SetPostingRuleActiveSuccess:
            rule = await service.set_rule_active(info.context.session, actor=info.context.actor,
                                                 rule_id=decode_id(input.id, "PostingRule"), active=input.active)
            return SetPostingRuleActiveSuccess(posting_rule=t.PostingRule.from_model(rule))

        return await run_mutation(info, SetPostingRuleActiveError, run)
