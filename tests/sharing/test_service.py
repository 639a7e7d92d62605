"""Sharing rules and publications through the services: bad input named and nothing written, only the audience
sees, only who publishes publishes and answers, the whole thread from due to action item."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.factories import actor_of, finance_pair, make_master_data, make_user, open_months
from tests.sharing.conftest import DAILY, START, Org, make_rule, rule_input
from yecai.actor import system_actor
from yecai.audit.models import AuditEvent
from yecai.errors import DomainError
from yecai.ledger import service as ledger
from yecai.ledger.models import Account
from yecai.ledger.service import LineInput
from yecai.meetings import service as meetings
from yecai.meetings.models import ActionItem
from yecai.notifications.models import Notification
from yecai.sharing import access, policies, publications, service
from yecai.sharing.models import Feedback, Publication, PublicationState, Receipt, SnapshotKind, Timeliness
from yecai.sharing.publications import PublicationFilter, SnapshotRequest

NODE = START  # Monday 2027-01-04 09:00 Shanghai; deadline 10:00


async def _due(session: AsyncSession, org: Org, **changes: object) -> Publication:
    await make_rule(session, org, **changes)
    (node,) = await publications.materialise(session, actor=system_actor("test"), until=NODE)
    p = await session.get(Publication, node.id)
    assert p is not None
    return p


@pytest.mark.parametrize(("changes", "field"), [
    ({"recurrence": "FREQ=SOMETIMES"}, "recurrence"),
    ({"deadline_minutes": -60}, "deadlineMinutes"),
    ({"deadline_minutes": 0}, "deadlineMinutes"),
    ({"audience_department_ids": [999999]}, "audienceDepartmentIds[0]"),
    ({"audience_roles": ["finance", "nobody"]}, "audienceRoles[1]"),
    ({"audience_user_ids": [999999]}, "audienceUserIds[0]"),
    ({"audience_department_ids": []}, "audience"),
    ({"responsible_id": 999999}, "responsibleId"),
    ({"deputy_id": -1}, "deputyId"),
    ({"title": "  "}, "title"),
    ({"starts_at": datetime(2027, 1, 4, 9, 0)}, "startsAt"),
])
async def test_bad_rules_are_named_and_nothing_is_written(session: AsyncSession, org: Org, changes: dict[str, object],
                                                          field: str) -> None:
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.create_sharing_rule(session, actor=system_actor("test"), data=rule_input(org, **changes))
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before


async def test_only_managers_of_sharing_set_up_rules(session: AsyncSession, org: Org) -> None:
    before = await fingerprint(session)
    for user in (org.publisher, org.cfo, org.outsider):
        with pytest.raises(DomainError) as error:
            await service.create_sharing_rule(session, actor=await org.actor(session, user), data=rule_input(org))
        assert error.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before
    rule = await service.create_sharing_rule(session, actor=await org.actor(session, org.admin), data=rule_input(org))
    assert rule.next_node_at is not None
    assert (await session.execute(select(AuditEvent.action).where(AuditEvent.subject_id == str(rule.id),
                                                                   AuditEvent.subject_type == "sharing_rule"))
            ).scalars().all() == ["sharing_rule.create"]


async def test_rules_are_seen_by_their_audience_and_publishers_only(session: AsyncSession, org: Org) -> None:
    rule = await make_rule(session, org)
    seen = {}
    for user in (org.publisher, org.deputy, org.receiver, org.cfo, org.outsider, org.other_manager, org.admin):
        actor = await org.actor(session, user)
        stmt = await service.visible_rules_query(session, actor=actor)
        seen[user.username] = rule.id in (await session.execute(stmt.with_only_columns(
            service.SharingRule.id))).scalars().all()
        assert seen[user.username] == policies.can_see_rule(actor, rule, await access.reach(session, rule.id))
    assert seen == {"s.publisher": True, "s.deputy": True, "s.receiver": True, "s.cfo": True, "s.outsider": False,
                    "s.whmgr": False, "s.admin": True}


async def test_publish_acknowledge_feedback_answer_action_item(session: AsyncSession, org: Org) -> None:
    p = await _due(session, org)
    assert (p.state, timedelta(minutes=60)) == (PublicationState.DUE, p.deadline - p.time_node)
    receiver, outsider = await org.actor(session, org.receiver), await org.actor(session, org.outsider)
    # Before it is published only who publishes sees it.
    assert not policies.can_see_publication(receiver, p)
    with pytest.raises(DomainError) as denied:
        await publications.publish(session, actor=receiver, publication_id=p.id, text="x")
    assert denied.value.code == "NOT_FOUND"
    with pytest.raises(DomainError) as empty:
        await publications.publish(session, actor=await org.actor(session, org.deputy), publication_id=p.id, text=" ")
    assert (empty.value.code, empty.value.field) == ("INVALID_INPUT", "text")
    published = await publications.publish(session, actor=await org.actor(session, org.deputy), publication_id=p.id,
                                           text="12月销售日报：销售额 ¥1,234,567.89", now=p.deadline)
    assert (published.state, published.timeliness) == (PublicationState.PUBLISHED, Timeliness.ON_TIME)
    receivers = set((await session.execute(select(Receipt.user_id).where(Receipt.publication_id == p.id))).scalars())
    assert org.receiver.id in receivers and org.cfo.id in receivers
    assert not receivers & {org.outsider.id, org.publisher.id, org.deputy.id}
    told = (await session.execute(select(Notification.recipient_id).where(
        Notification.kind == "publication_published"))).scalars().all()
    assert set(told) == receivers
    # The outsider sees nothing of it: not by id, not in lists, cannot acknowledge or give feedback.
    assert not policies.can_see_publication(outsider, published)
    stmt = await publications.publications_query(session, actor=outsider, f=PublicationFilter())
    assert p.id not in (await session.execute(stmt.with_only_columns(Publication.id))).scalars().all()
    before = await fingerprint(session)
    for call in (publications.acknowledge(session, actor=outsider, publication_id=p.id),
                 publications.add_feedback(session, actor=outsider, publication_id=p.id, text="?")):
        with pytest.raises(DomainError) as error:
            await call
        assert error.value.code == "NOT_FOUND"
    assert await fingerprint(session) == before
    # The receiver's inbox, acknowledgement (twice: once recorded), and a question.
    inbox = await publications.publications_query(session, actor=receiver, f=PublicationFilter(received=True))
    assert (await session.execute(inbox.with_only_columns(Publication.id))).scalars().all() == [p.id]
    receipt = await publications.acknowledge(session, actor=receiver, publication_id=p.id)
    again = await publications.acknowledge(session, actor=receiver, publication_id=p.id)
    assert receipt.acknowledged_at is not None and again.acknowledged_at == receipt.acknowledged_at
    question = await publications.add_feedback(session, actor=receiver, publication_id=p.id,
                                               text="华东区域的回款为何下降？", question=True)
    assert (await session.execute(select(Notification.recipient_id).where(
        Notification.kind == "feedback_received"))).scalars().all() == sorted([org.publisher.id, org.deputy.id])
    with pytest.raises(DomainError) as not_theirs:
        await publications.answer_feedback(session, actor=receiver, feedback_id=question.id, answer="我来答")
    assert not_theirs.value.code == "PERMISSION_DENIED"
    publisher = await org.actor(session, org.publisher)
    answered = await publications.answer_feedback(session, actor=publisher, feedback_id=question.id,
                                                  answer="两家大客户延期付款，已催收。")
    assert answered.answered_by_id == org.publisher.id
    with pytest.raises(DomainError) as twice:
        await publications.answer_feedback(session, actor=publisher, feedback_id=question.id, answer="再答")
    assert twice.value.code == "ALREADY_ANSWERED"
    assert (await session.execute(select(Notification.recipient_id).where(
        Notification.kind == "feedback_answered"))).scalars().all() == [org.receiver.id]
    # A question becomes an action item of a joint meeting, linked to the publication.
    meeting = await meetings.schedule_meeting(session, actor=system_actor("test"), data=meetings.MeetingInput(
        title="业财联席会", starts_at=START + timedelta(days=2), ends_at=START + timedelta(days=2, hours=1)))
    manager = await actor_of(session, await make_user(session, roles=("business", "manager"),
                                                      department=org.sales))
    with pytest.raises(DomainError) as staff:  # the deputy may not assign action items of meetings
        await publications.feedback_to_action_item(session, actor=await org.actor(session, org.deputy),
                                                   feedback_id=question.id, meeting_id=meeting.id,
                                                   owner_id=org.publisher.id, due_on=date(2027, 1, 10))
    assert staff.value.code == "PERMISSION_DENIED"
    # The responsible person (business role: organises meetings) may.
    item = await publications.feedback_to_action_item(session, actor=publisher, feedback_id=question.id,
                                                      meeting_id=meeting.id, owner_id=org.publisher.id,
                                                      due_on=date(2027, 1, 10))
    assert manager.user_id is not None
    assert (await session.get(Feedback, question.id)).action_item_id == item.id  # type: ignore[union-attr]
    assert (await session.get(ActionItem, item.id)).links == [  # type: ignore[union-attr]
        publications.web_id("Publication", p.id)]


async def test_late_after_the_deadline_and_published_once(session: AsyncSession, org: Org) -> None:
    p = await _due(session, org)
    publisher = await org.actor(session, org.publisher)
    done = await publications.publish(session, actor=publisher, publication_id=p.id, text="日报",
                                      now=p.deadline + timedelta(microseconds=1))
    assert done.timeliness == Timeliness.LATE
    assert (await session.execute(select(Notification.recipient_id).where(
        Notification.kind == "publication_overdue"))).scalars().all() == sorted([org.publisher.id, org.deputy.id])
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await publications.publish(session, actor=publisher, publication_id=p.id, text="再发")
    assert error.value.code == "ALREADY_PUBLISHED"
    assert await fingerprint(session) == before


async def test_materialise_and_missed_are_idempotent(session: AsyncSession, org: Org) -> None:
    rule = await make_rule(session, org)
    system = system_actor("test")
    # The scheduler was down from Monday 08:00 to the next Monday 12:00: five working days and Monday (no weekend).
    assert await publications.materialise(session, actor=system, until=START - timedelta(hours=1)) == []
    assert rule.next_node_at == START
    until = START + timedelta(days=7, hours=3)
    made = await publications.materialise(session, actor=system, until=until)
    assert [publications.timenodes.local(p.time_node).strftime("%a %d") for p in made] == [
        "Mon 04", "Tue 05", "Wed 06", "Thu 07", "Fri 08", "Mon 11"]
    assert rule.next_node_at == START + timedelta(days=8)
    assert await publications.materialise(session, actor=system, until=until) == []
    missed = await publications.mark_missed(session, actor=system, until=until)
    assert len(missed) == 6
    assert await publications.mark_missed(session, actor=system, until=until) == []
    assert (await session.execute(select(func.count()).where(Notification.kind == "publication_due"))
            ).scalar_one() == 0  # every deadline had passed when they were made: only the overdue notices
    # One digest each for the responsible person and the deputy, not six notices each.
    assert sorted((await session.execute(select(Notification.recipient_id, Notification.title).where(
        Notification.kind == "publication_overdue"))).all()) == sorted(
        [(org.publisher.id, "缺报：6 项（最早截止 2027-01-04 10:00）"), (org.deputy.id, "缺报：6 项（最早截止 2027-01-04 10:00）")])
    late = await publications.publish(session, actor=await org.actor(session, org.publisher),
                                      publication_id=missed[0].id, text="补报", now=until)
    assert (late.state, late.timeliness) == (PublicationState.PUBLISHED, Timeliness.LATE)


async def test_snapshots_are_taken_from_the_books_exactly(session: AsyncSession, org: Org) -> None:
    p = await _due(session, org)
    await open_months(session, "2027-01")
    master = await make_master_data(session, prefix="SHR")
    preparer, reviewer = await finance_pair(session)
    accounts = {a.code: a for a in (await session.execute(select(Account).where(
        Account.code.in_(["1122", "6001"])))).scalars()}
    voucher = await ledger.create_voucher(session, actor=preparer, day=date(2027, 1, 3), summary="赊销", lines=[
        LineInput(account_id=accounts["1122"].id, debit=Decimal("1234567.89"), credit=Decimal("0"),
                  customer_id=master.customer.id),
        LineInput(account_id=accounts["6001"].id, debit=Decimal("0"), credit=Decimal("1234567.89"))])
    await ledger.review_voucher(session, actor=reviewer, voucher_id=voucher.id)
    await ledger.post_voucher(session, actor=preparer, voucher_id=voucher.id)
    publisher = await org.actor(session, org.publisher)
    with pytest.raises(DomainError) as error:  # business staff do not read the books
        await publications.publish(session, actor=publisher, publication_id=p.id,
                                   snapshot=SnapshotRequest(SnapshotKind.RECEIVABLES_BY_CUSTOMER, day=date(2027, 1, 4)))
    assert error.value.code == "PERMISSION_DENIED"
    # A finance deputy does.
    rule = await session.get(service.SharingRule, p.rule_id)
    assert rule is not None
    finance = await make_user(session, roles=("finance",), department=org.finance)
    await service.update_sharing_rule(session, actor=system_actor("test"), rule_id=rule.id,
                                      data=rule_input(org, deputy_id=finance.id))
    done = await publications.publish(session, actor=await actor_of(session, finance), publication_id=p.id,
                                      snapshot=SnapshotRequest(SnapshotKind.RECEIVABLES_BY_CUSTOMER,
                                                               day=date(2027, 1, 4)), now=p.time_node)
    assert done.snapshot is not None
    assert done.snapshot["rows"] == [{"customerId": master.customer.id, "code": "SHRC", "name": "客户甲",
                                      "amount": "1234567.89"}]
    assert (done.snapshot["total"], done.snapshot["asOf"]) == ("1234567.89", "2027-01-04")
    assert done.snapshot["link"].startswith("/account-ledger")
    # A day before the voucher: nothing yet.
    earlier = await publications.snapshots.receivables_by_customer(session, actor=await actor_of(session, finance),
                                                                  day=date(2027, 1, 2))
    assert (earlier["rows"], earlier["total"]) == ([], "0.00")
    tb = await publications.snapshots.trial_balance(session, actor=await actor_of(session, finance), period="2027-01")
    assert {r["code"]: r["closing"] for r in tb["rows"]}["1122"] == "1234567.89"


async def test_a_run_costs_the_same_statements_for_3_or_33_rules_alike(session: AsyncSession, org: Org) -> None:
    """The scheduler's run is set-based: rules alike are grouped, so more of them add rows, not statements. A rule
    with a COUNT and one with another deadline are their own groups, and each still gets exactly its node."""
    from yecai.db import count_statements

    system = system_actor("test")
    first = [await make_rule(session, org, title=f"日报{i}") for i in range(3)]
    counted = await make_rule(session, org, title="限次", recurrence=f"{DAILY};COUNT=2")
    later = await make_rule(session, org, title="晚报", deadline_minutes=120)
    async with count_statements() as few:
        made = await publications.materialise(session, actor=system, until=NODE)
    assert sorted(p.title for p in made) == ["日报0", "日报1", "日报2", "晚报", "限次"]
    assert {p.title: p.deadline - p.time_node for p in made}["晚报"] == timedelta(minutes=120)
    more = [await make_rule(session, org, title=f"周报{i}", starts_at=NODE + timedelta(days=1)) for i in range(30)]
    tuesday = NODE + timedelta(days=1)
    async with count_statements() as many:
        made = await publications.materialise(session, actor=system, until=tuesday)
    assert len(made) == 3 + 30 + 2 and {p.time_node for p in made} == {tuesday}
    assert many[0] == few[0]
    # Each rule learned its next node (Wednesday), the counted one has none left after its two.
    assert {r.next_node_at for r in [*first, *more, later]} == {NODE + timedelta(days=2)}
    assert counted.next_node_at is None
    assert await publications.materialise(session, actor=system, until=tuesday) == []


async def test_the_inbox_lists_what_the_policy_shows_after_people_move(session: AsyncSession, org: Org) -> None:
    """A receipt is who a publication went out to; who sees it is whom its frozen audience reaches now. Someone who
    left the audience department no longer finds it, in the list or by id; someone who joined it finds it."""
    p = await _due(session, org)
    await publications.publish(session, actor=await org.actor(session, org.publisher), publication_id=p.id,
                               text="日报")

    async def inbox(user: object) -> list[int]:
        actor = await org.actor(session, user)  # type: ignore[arg-type]
        stmt = await publications.publications_query(session, actor=actor, f=PublicationFilter(received=True))
        return list((await session.execute(stmt.with_only_columns(Publication.id))).scalars())

    async def sees(user: object) -> bool:
        return policies.can_see_publication(await org.actor(session, user), p)  # type: ignore[arg-type]

    assert (await inbox(org.receiver), await sees(org.receiver)) == ([p.id], True)
    assert (await inbox(org.outsider), await sees(org.outsider)) == ([], False)
    org.receiver.department_id, org.outsider.department_id = org.other.id, org.east.id
    await session.flush()
    assert (await inbox(org.receiver), await sees(org.receiver)) == ([], False)
    assert (await inbox(org.outsider), await sees(org.outsider)) == ([p.id], True)
    # The joiner acknowledges it; their receipt is written then.
    joiner = await org.actor(session, org.outsider)
    await publications.acknowledge(session, actor=joiner, publication_id=p.id)
    unacked = await publications.publications_query(session, actor=joiner, f=PublicationFilter(
        received=True, unacknowledged=True))
    assert list((await session.execute(unacked)).scalars()) == []
    # Who publishes it is not its receiver, even inside the audience.
    assert await inbox(org.publisher) == []
