"""GraphQL types of information sharing. Related lists load through the request's DataLoaders."""

import asyncio
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, ListSize, ModelNode, connection, guarded
from yecai.graphql.org.types import Department
from yecai.pagination import paginate
from yecai.sharing import access, figures, models, policies, publications
from yecai.sharing.policies import Reach

PublicationState = strawberry.enum(models.PublicationState, name="PublicationState",
                                   description="DUE 待发布, PUBLISHED 已发布, MISSED 缺报 (deadline passed, nothing "
                                               "published; publishing it now is late).")
Timeliness = strawberry.enum(models.Timeliness, name="Timeliness",
                             description="ON_TIME 按时 (at or before the deadline), LATE 逾期 (after it).")
SnapshotKind = strawberry.enum(models.SnapshotKind, name="SnapshotKind",
                               description="Data snapshots (数据快照) from the books: receivables by customer as of a "
                                           "day, stock by warehouse, the trial balance of a period.")


async def reach_of(info: Info, rule_id: int) -> Reach:
    session = info.context.session

    async def batch(ids: list[int]) -> list[Reach]:
        found = await access.reaches(session, ids)
        return [found.get(i, Reach()) for i in ids]

    return await info.context.loaders.batched("sharing:reach", batch).load(rule_id)


@strawberry.type(description="What the viewer may do with this rule (the server enforces regardless).")
class SharingRuleAbilities:
    update: bool
    archive: bool


@strawberry.type(description="A sharing rule (共享规则): what is shared, by whom, with whom, at which time nodes "
                             "(an RRULE in Asia/Shanghai, on working days when said) and by which deadline.")
class SharingRule(ModelNode):
    model = models.SharingRule
    id: relay.NodeID[int]
    title: str
    description: str
    recurrence: str = strawberry.field(description="The iCalendar RRULE of its time nodes, from `startsAt`.")
    starts_at: dt.datetime
    working_days: bool = strawberry.field(description="Time nodes only on working days of the work calendar.")
    deadline_minutes: int = strawberry.field(description="The deadline (截止时间): this many minutes after each node.")
    email: bool
    requires_acknowledgement: bool
    requires_answer: bool
    snapshot_kind: Optional[SnapshotKind]
    active: bool
    next_node_at: Optional[dt.datetime]
    _model: strawberry.Private[models.SharingRule]

    @classmethod
    def from_model(cls, m: models.SharingRule) -> "SharingRule":
        return cls(id=m.id, title=m.title, description=m.description, recurrence=m.recurrence,
                   starts_at=m.starts_at, working_days=m.working_days, deadline_minutes=m.deadline_minutes,
                   email=m.email, requires_acknowledgement=m.requires_acknowledgement,
                   requires_answer=m.requires_answer, snapshot_kind=m.snapshot_kind, active=m.active,
                   next_node_at=m.next_node_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        present = [row for row in rows if row is not None]
        # gathered, so the loader asks for every rule's audience in one batch
        reaches = dict(zip([row.id for row in present],
                           await asyncio.gather(*(reach_of(info, row.id) for row in present)), strict=True))
        return [row is not None and policies.can_see_rule(info.context.actor, row, reaches[row.id]) for row in rows]

    @strawberry.field
    async def responsible(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.responsible_id)

    @strawberry.field
    async def deputy(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.deputy_id)

    @strawberry.field(description="The source department.")
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field(directives=[ListSize(assumed_size=5)])
    async def audience_departments(self, info: Info) -> list[Department]:
        rows = await self._audience(info)
        found = await info.context.loaders.department.load_many(
            [r.department_id for r in rows if r.kind == models.AudienceKind.DEPARTMENT and r.department_id])
        return [Department.from_model(d) for d in found if d is not None]

    @strawberry.field(description="Role codes of the audience.")
    async def audience_roles(self, info: Info) -> list[str]:
        return [r.role_code for r in await self._audience(info) if r.kind == models.AudienceKind.ROLE and r.role_code]

    @strawberry.field(directives=[ListSize(assumed_size=5)])
    async def audience_users(self, info: Info) -> list[User]:
        ids = [r.user_id for r in await self._audience(info) if r.kind == models.AudienceKind.USER and r.user_id]
        found = [await User.load(info, i) for i in ids]
        return [u for u in found if u is not None]

    async def _audience(self, info: Info) -> list[models.SharingAudience]:
        return await info.context.loaders.children(models.SharingAudience, models.SharingAudience.rule_id,
                                                   models.SharingAudience.id).load(self.id)

    @strawberry.field(description="Its publications the viewer may see, latest time node first.")
    async def publications(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                           after: Optional[str] = None) -> Optional[Connection["Publication"]]:
        async def run() -> Connection[Publication]:
            stmt = await publications.publications_query(info.context.session, actor=info.context.actor,
                                                         f=publications.PublicationFilter(rule_id=self.id))
            page = await paginate(info.context.session, stmt, order=[(models.Publication.time_node, True),
                                                                    (models.Publication.id, True)],
                                  first=first, after=after)
            return connection(page, Publication.from_model)

        return await guarded(info, run)

    @strawberry.field
    def viewer_can(self, info: Info) -> SharingRuleAbilities:
        ok = policies.can_change_rule(info.context.actor, self._model) and self._model.active
        return SharingRuleAbilities(update=ok, archive=ok)


@strawberry.type(description="That a publication went to one receiver, and when they acknowledged it (确认回执).")
class Receipt:
    acknowledged_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Receipt]

    @classmethod
    def from_model(cls, m: models.Receipt) -> "Receipt":
        return cls(acknowledged_at=m.acknowledged_at, _model=m)

    @strawberry.field
    async def user(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.user_id)


@strawberry.type(description="Feedback (反馈) on a publication: a remark or question and its answer.")
class Feedback:
    id: strawberry.ID
    text: str
    question: bool
    answer: Optional[str]
    answered_at: Optional[dt.datetime]
    created_at: dt.datetime
    _model: strawberry.Private[models.Feedback]
    _publication: strawberry.Private[models.Publication]

    @classmethod
    def of(cls, m: models.Feedback, publication: models.Publication) -> "Feedback":
        return cls(id=strawberry.ID(str(relay.GlobalID("Feedback", str(m.id)))), text=m.text, question=m.question,
                   answer=m.answer, answered_at=m.answered_at, created_at=m.created_at, _model=m,
                   _publication=publication)

    @strawberry.field
    async def author(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.author_id)

    @strawberry.field
    async def answered_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.answered_by_id)

    @strawberry.field(description="The action item (待办事项) it became, as a global id (null when none).")
    def action_item_id(self) -> Optional[strawberry.ID]:
        if self._model.action_item_id is None:
            return None
        return strawberry.ID(str(relay.GlobalID("ActionItem", str(self._model.action_item_id))))

    @strawberry.field
    def viewer_can_answer(self, info: Info) -> bool:
        return policies.can_answer(info.context.actor, self._publication, self._model)


@strawberry.type(description="What the viewer may do with this publication (the server enforces regardless).")
class PublicationAbilities:
    publish: bool
    acknowledge: bool
    add_feedback: bool
    answer: bool = strawberry.field(description="Answer feedback and turn questions into action items.")


@strawberry.type(description="A publication (发布): what a rule's time node asks for and what was published, with "
                             "its timeliness (on time, late, missed) from the deadline. Times are UTC.")
class Publication(ModelNode):
    model = models.Publication
    id: relay.NodeID[int]
    time_node: dt.datetime
    deadline: dt.datetime
    state: PublicationState
    timeliness: Optional[Timeliness]
    text: str
    snapshot_kind: Optional[SnapshotKind]
    snapshot: Optional[JSON] = strawberry.field(description=(
        "The data snapshot (数据快照) frozen at publication: amounts as exact decimal strings; `link` is the web "
        "app's path to the live figures."))
    published_at: Optional[dt.datetime]
    missed_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Publication]

    @classmethod
    def from_model(cls, m: models.Publication) -> "Publication":
        return cls(id=m.id, time_node=m.time_node, deadline=m.deadline, state=m.state, timeliness=m.timeliness,
                   text=m.text, snapshot_kind=m.snapshot_kind, snapshot=m.snapshot, published_at=m.published_at,
                   missed_at=m.missed_at, _model=m)

    @classmethod
    def visible(cls, info: Info, row: models.Publication) -> bool:
        return policies.can_see_publication(info.context.actor, row)

    @strawberry.field
    async def rule(self, info: Info) -> Optional[SharingRule]:
        return await SharingRule.load(info, self._model.rule_id)

    @strawberry.field(description="The rule's title, for receivers who do not otherwise see the rule.")
    async def title(self, info: Info) -> str:
        row = await info.context.loaders.by_id(models.SharingRule).load(self._model.rule_id)
        return row.title if row is not None else ""

    @strawberry.field
    async def responsible(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.responsible_id)

    @strawberry.field
    async def deputy(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.deputy_id)

    @strawberry.field
    async def published_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.published_by_id)

    @strawberry.field
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    async def _receipts(self, info: Info) -> Sequence[models.Receipt]:
        return await info.context.loaders.children(models.Receipt, models.Receipt.publication_id,
                                                   models.Receipt.id).load(self.id)

    @strawberry.field(description="Who it went to and who acknowledged; for who publishes it and admins (empty "
                                  "otherwise).", directives=[ListSize(assumed_size=20)])
    async def receipts(self, info: Info) -> list[Receipt]:
        if not policies.speaks_for(info.context.actor, self._model):
            return []
        return [Receipt.from_model(r) for r in await self._receipts(info)]

    @strawberry.field(description="How many it went to.")
    async def receiver_count(self, info: Info) -> int:
        return len(await self._receipts(info))

    @strawberry.field(description="How many of them acknowledged it.")
    async def acknowledged_count(self, info: Info) -> int:
        return sum(1 for r in await self._receipts(info) if r.acknowledged_at is not None)

    @strawberry.field(description="The viewer's own receipt, when it went to them.")
    async def viewer_receipt(self, info: Info) -> Optional[Receipt]:
        mine = [r for r in await self._receipts(info) if info.context.actor.is_user(r.user_id)]
        return Receipt.from_model(mine[0]) if mine else None

    @strawberry.field(description="The feedback thread, oldest first.", directives=[ListSize(assumed_size=10)])
    async def feedback(self, info: Info) -> list[Feedback]:
        rows = await info.context.loaders.children(models.Feedback, models.Feedback.publication_id,
                                                   models.Feedback.created_at, models.Feedback.id).load(self.id)
        return [Feedback.of(r, self._model) for r in rows]

    @strawberry.field
    async def viewer_can(self, info: Info) -> PublicationAbilities:
        actor, p = info.context.actor, self._model
        done = any(actor.is_user(r.user_id) and r.acknowledged_at is not None for r in await self._receipts(info))
        return PublicationAbilities(
            publish=policies.can_publish(actor, p), acknowledge=policies.can_acknowledge(actor, p) and not done,
            add_feedback=policies.can_add_feedback(actor, p),
            answer=policies.speaks_for(actor, p))


@strawberry.type(description="Sharing figures of one group: counts over the publications whose time node is in "
                             "the range. Rates are 0..1 (null when nothing to count); times in hours.")
class SharingFigureRow:
    due: int = strawberry.field(description="Deadline passed or published.")
    on_time: int
    late: int
    missed: int
    pending: int
    on_time_rate: Optional[Decimal]
    receipts: int
    acknowledged: int
    acknowledgement_rate: Optional[Decimal]
    acknowledgement_hours: Optional[Decimal] = strawberry.field(description="Mean delay from publication to "
                                                                            "acknowledgement.")
    feedback: int
    open_feedback: int
    answer_hours: Optional[Decimal] = strawberry.field(description="Mean time from feedback to its answer.")

    @classmethod
    def of(cls, f: figures.Figures) -> "SharingFigureRow":
        return cls(due=f.due, on_time=f.on_time, late=f.late, missed=f.missed, pending=f.pending,
                   on_time_rate=f.on_time_rate, receipts=f.receipts, acknowledged=f.acknowledged,
                   acknowledgement_rate=f.acknowledgement_rate, acknowledgement_hours=f.acknowledgement_hours,
                   feedback=f.feedback, open_feedback=f.open_feedback, answer_hours=f.answer_hours)


@strawberry.type(description="A group's label and figures.")
class SharingFigureGroup:
    label: str
    figures: SharingFigureRow
    rule_id: Optional[strawberry.ID] = None
    department_id: Optional[strawberry.ID] = None
    user_id: Optional[strawberry.ID] = None


@strawberry.type(description="Sharing figures (考评) per rule, department and person.")
class SharingFigures:
    total: SharingFigureRow
    by_rule: list[SharingFigureGroup]
    by_department: list[SharingFigureGroup]
    by_person: list[SharingFigureGroup]
