"""Mutations of information sharing: rules, publishing at a time node, acknowledging, feedback and its answer."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, mutation
from yecai.graphql.meetings import types as meeting_types
from yecai.graphql.sharing import types as t
from yecai.meetings import errors as meeting_errors
from yecai.meetings import events as meeting_events
from yecai.meetings import permissions as mp
from yecai.sharing import errors, events, models, publications, service
from yecai.sharing import permissions as p


@strawberry.input(description="A sharing rule (共享规则). `recurrence` is an iCalendar RRULE counted in Asia/Shanghai "
                              "time from `startsAt` (e.g. FREQ=DAILY with `workingDays` for every working day); the "
                              "deadline is `deadlineMinutes` after each time node (at least 1). The audience is "
                              "departments (with those under them), roles and users: at least one.")
class SharingRuleInput:
    title: str
    responsible_id: strawberry.ID
    recurrence: str
    starts_at: dt.datetime
    deadline_minutes: int
    description: str = ""
    department_id: Optional[strawberry.ID] = None
    deputy_id: Optional[strawberry.ID] = None
    working_days: bool = False
    audience_department_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    audience_roles: list[str] = strawberry.field(default_factory=list, description="Role codes.")
    audience_user_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    email: bool = False
    requires_acknowledgement: bool = True
    requires_answer: bool = False
    snapshot_kind: Optional[t.SnapshotKind] = None


@strawberry.input
class CreateSharingRuleInput:
    rule: SharingRuleInput


@strawberry.input(description="The rule's new values (all of them, as the form shows them).")
class UpdateSharingRuleInput:
    id: strawberry.ID
    rule: SharingRuleInput


@strawberry.input
class ArchiveSharingRuleInput:
    id: strawberry.ID


@strawberry.input(description="A data snapshot to freeze: receivables as of `day` (default today), the trial "
                              "balance of `period` (YYYY-MM, default the time node's month), or stock now.")
class SnapshotInput:
    kind: t.SnapshotKind
    day: Optional[dt.date] = None
    period: Optional[str] = None


@strawberry.input(description="Publish a due (or missed: then late) publication with a text, the files attached "
                              "to it beforehand, and/or a data snapshot.")
class PublishInput:
    publication_id: strawberry.ID
    text: Optional[str] = None
    snapshot: Optional[SnapshotInput] = None


@strawberry.input
class AcknowledgePublicationInput:
    publication_id: strawberry.ID


@strawberry.input
class AddFeedbackInput:
    publication_id: strawberry.ID
    text: str
    question: bool = False


@strawberry.input
class AnswerFeedbackInput:
    feedback_id: strawberry.ID
    answer: str


@strawberry.input(description="Turn a question into an action item (待办事项) of a joint meeting.")
class TurnFeedbackIntoActionItemInput:
    feedback_id: strawberry.ID
    meeting_id: strawberry.ID
    owner_id: strawberry.ID
    due_on: dt.date
    title: Optional[str] = None


def _rule(r: SharingRuleInput) -> service.RuleInput:
    return service.RuleInput(
        title=r.title, responsible_id=decode_id(r.responsible_id, "User", "responsibleId"),
        recurrence=r.recurrence, starts_at=r.starts_at, deadline_minutes=r.deadline_minutes,
        description=r.description, department_id=decode_optional_id(r.department_id, "Department", "departmentId"),
        deputy_id=decode_optional_id(r.deputy_id, "User", "deputyId"), working_days=r.working_days,
        audience_department_ids=[decode_id(d, "Department", f"audienceDepartmentIds[{i}]")
                                 for i, d in enumerate(r.audience_department_ids)],
        audience_roles=list(r.audience_roles),
        audience_user_ids=[decode_id(u, "User", f"audienceUserIds[{i}]") for i, u in enumerate(r.audience_user_ids)],
        email=r.email, requires_acknowledgement=r.requires_acknowledgement, requires_answer=r.requires_answer,
        snapshot_kind=models.SnapshotKind(r.snapshot_kind.value) if r.snapshot_kind else None)


@strawberry.type
class SharingMutations:
    @mutation("Set up a sharing rule (共享规则): content, responsible person and deputy, audience, time nodes, "
              "deadline.", permission=p.SHARING_MANAGE, returns=("rule", t.SharingRule))
    async def create_sharing_rule(self, info: Info, input: CreateSharingRuleInput) -> t.SharingRule:
        return t.SharingRule.from_model(await service.create_sharing_rule(
            info.context.session, actor=info.context.actor, data=_rule(input.rule)))

    @mutation("Change a sharing rule; its publications not yet published follow the new responsible person.",
              permission=p.SHARING_MANAGE, errors=[errors.RULE_ARCHIVED], returns=("rule", t.SharingRule))
    async def update_sharing_rule(self, info: Info, input: UpdateSharingRuleInput) -> t.SharingRule:
        return t.SharingRule.from_model(await service.update_sharing_rule(
            info.context.session, actor=info.context.actor, rule_id=decode_id(input.id, "SharingRule"),
            data=_rule(input.rule)))

    @mutation("Archive a sharing rule: no more time nodes; what it published stays.", permission=p.SHARING_MANAGE,
              errors=[errors.RULE_ARCHIVED], returns=("rule", t.SharingRule))
    async def archive_sharing_rule(self, info: Info, input: ArchiveSharingRuleInput) -> t.SharingRule:
        return t.SharingRule.from_model(await service.archive_sharing_rule(
            info.context.session, actor=info.context.actor, rule_id=decode_id(input.id, "SharingRule")))

    @mutation("Publish (发布) what a time node asks for: the rule's responsible person or deputy.",
              permission=p.SHARING_READ, errors=[errors.ALREADY_PUBLISHED, errors.RULE_ARCHIVED],
              emits=[events.PublicationPublished], returns=("publication", t.Publication))
    async def publish(self, info: Info, input: PublishInput) -> t.Publication:
        snapshot = None if input.snapshot is None else publications.SnapshotRequest(
            kind=models.SnapshotKind(input.snapshot.kind.value), day=input.snapshot.day, period=input.snapshot.period)
        return t.Publication.from_model(await publications.publish(
            info.context.session, actor=info.context.actor,
            publication_id=decode_id(input.publication_id, "Publication", "publicationId"), text=input.text,
            snapshot=snapshot))

    @mutation("Acknowledge a publication one received (确认回执).", permission=p.SHARING_READ,
              returns=("publication", t.Publication))
    async def acknowledge_publication(self, info: Info, input: AcknowledgePublicationInput) -> t.Publication:
        publication_id = decode_id(input.publication_id, "Publication", "publicationId")
        await publications.acknowledge(info.context.session, actor=info.context.actor, publication_id=publication_id)
        row = await info.context.session.get(models.Publication, publication_id)
        return t.Publication.from_model(row)

    @mutation("Leave feedback (反馈) or a question on a publication one received.", permission=p.SHARING_READ,
              emits=[events.FeedbackAdded], returns=("feedback", t.Feedback))
    async def add_feedback(self, info: Info, input: AddFeedbackInput) -> t.Feedback:
        publication_id = decode_id(input.publication_id, "Publication", "publicationId")
        row = await publications.add_feedback(info.context.session, actor=info.context.actor,
                                              publication_id=publication_id, text=input.text, question=input.question)
        return t.Feedback.of(row, await info.context.session.get(models.Publication, publication_id))

    @mutation("Answer feedback on a publication: its responsible person or deputy.", permission=p.SHARING_READ,
              errors=[errors.ALREADY_ANSWERED], emits=[events.FeedbackAnswered], returns=("feedback", t.Feedback))
    async def answer_feedback(self, info: Info, input: AnswerFeedbackInput) -> t.Feedback:
        row = await publications.answer_feedback(info.context.session, actor=info.context.actor,
                                                 feedback_id=decode_id(input.feedback_id, "Feedback", "feedbackId"),
                                                 answer=input.answer)
        return t.Feedback.of(row, await info.context.session.get(models.Publication, row.publication_id))

    @mutation("Turn a question on a publication into an action item of a joint meeting: who publishes it, when "
              "they may assign that meeting's action items.", permission=mp.MEETINGS_MANAGE,
              errors=[errors.WRONG_STATE, meeting_errors.WRONG_STATE], emits=[meeting_events.ActionItemAssigned],
              returns=("actionItem", meeting_types.ActionItem))
    async def turn_feedback_into_action_item(self, info: Info,
                                             input: TurnFeedbackIntoActionItemInput) -> meeting_types.ActionItem:
        item = await publications.feedback_to_action_item(
            info.context.session, actor=info.context.actor,
            feedback_id=decode_id(input.feedback_id, "Feedback", "feedbackId"),
            meeting_id=decode_id(input.meeting_id, "Meeting", "meetingId"),
            owner_id=decode_id(input.owner_id, "User", "ownerId"), due_on=input.due_on, title=input.title)
        return meeting_types.ActionItem.from_model(item)
