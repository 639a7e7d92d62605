"""notify() and the notification centre, on the database: channels by settings, delivery only after the commit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_department, make_user
from yecai.actor import system_actor
from yecai.errors import DomainError
from yecai.notifications import service
from yecai.notifications.dispatch import Delivery
from yecai.notifications.jobs import upkeep
from yecai.notifications.models import EmailState, Notification
from yecai.operations import service as ops
from yecai.settings import Settings

KIND = "expense_claim_paid"


async def test_notify_writes_one_row_per_recipient_and_delivers_after_the_commit(
        session: AsyncSession, delivered: list[Delivery]) -> None:
    a = await make_user(session, email="a@example.com")
    b = await make_user(session)  # no address: no e-mail
    gone = await make_user(session, active=False)
    rows = await service.notify(session, recipients=[a.id, b.id, a.id, gone.id], kind=KIND, title="标题 title",
                                body="正文", url="/x", subject_id="RXhwZW5zZUNsYWltOjE=")
    assert sorted(r.recipient_id for r in rows) == sorted([a.id, b.id])
    assert {r.recipient_id: r.email_state for r in rows} == {a.id: "pending", b.id: "none"}
    assert delivered == []  # nothing leaves before the commit
    await session.commit()
    assert sorted(d.recipient_id for d in delivered) == sorted([a.id, b.id])
    assert {d.recipient_id: d.email for d in delivered} == {a.id: True, b.id: False}


async def test_a_rolled_back_savepoint_delivers_nothing_of_what_it_wrote(
        session: AsyncSession, delivered: list[Delivery]) -> None:
    a, b = await make_user(session), await make_user(session)
    await service.notify(session, recipients=[a.id], kind=KIND, title="kept")
    with pytest.raises(RuntimeError):
        async with session.begin_nested():
            await service.notify(session, recipients=[b.id], kind=KIND, title="undone")
            raise RuntimeError("the mutation failed")
    await session.commit()
    assert [(d.recipient_id, d.title) for d in delivered] == [(a.id, "kept")]
    assert (await session.execute(select(func.count()).select_from(Notification)
                                  .where(Notification.recipient_id == b.id))).scalar_one() == 0


async def test_a_rollback_delivers_nothing(session: AsyncSession, delivered: list[Delivery]) -> None:
    a = await make_user(session)
    await session.commit()
    await service.notify(session, recipients=[a.id], kind=KIND, title="never")
    await session.rollback()
    await session.commit()
    assert delivered == []


async def test_settings_choose_the_channels(session: AsyncSession, settings: Settings) -> None:
    user = await make_user(session, email="u@example.com")
    actor = await actor_of(session, user)
    mail_on = settings.model_copy(update={"smtp_host": "127.0.0.1"})
    await service.update_settings(session, actor=actor, settings=mail_on,
                                  changes=[service.SettingChange(KIND, "portal", False)])
    (row,) = await service.notify(session, recipients=[user.id], kind=KIND, title="e-mail only")
    assert row.in_portal is False and row.email_state == "pending"
    assert await service.unread_count(session, actor=actor) == 0
    await service.update_settings(session, actor=actor, settings=mail_on,
                                  changes=[service.SettingChange(KIND, "email", False)])
    assert await service.notify(session, recipients=[user.id], kind=KIND, title="nothing") == []
    shown = {s.kind.code: (s.portal, s.email) for s in await service.settings_of(session, actor=actor)}
    assert shown[KIND] == (False, False)


async def test_e_mail_cannot_be_turned_on_without_a_mail_server(session: AsyncSession, settings: Settings) -> None:
    actor = await actor_of(session, await make_user(session))
    with pytest.raises(DomainError) as caught:
        await service.update_settings(session, actor=actor, settings=settings,
                                      changes=[service.SettingChange(KIND, "email", True)])
    assert caught.value.code == "EMAIL_UNAVAILABLE" and caught.value.field == "settings.0.enabled"
    with pytest.raises(DomainError) as caught:
        await service.update_settings(session, actor=actor, settings=settings,
                                      changes=[service.SettingChange("no_such_kind", "portal", True)])
    assert caught.value.field == "settings.0.kind"


async def test_marking_read_touches_only_ones_own(session: AsyncSession) -> None:
    me, other = await make_user(session), await make_user(session)
    mine = await service.notify(session, recipients=[me.id], kind=KIND, title="mine")
    theirs = await service.notify(session, recipients=[other.id], kind=KIND, title="theirs")
    actor = await actor_of(session, me)
    with pytest.raises(DomainError) as caught:
        await service.mark_read(session, actor=actor, ids=[mine[0].id, theirs[0].id])
    assert caught.value.code == "NOT_FOUND"
    assert await service.mark_read(session, actor=actor, ids=[mine[0].id]) == 1
    assert await service.mark_read(session, actor=actor, all_=True) == 0
    await session.refresh(theirs[0])
    assert theirs[0].read_at is None
    listed = (await session.execute(service.notifications_query(actor=actor))).scalars().all()
    assert [n.id for n in listed] == [mine[0].id]


async def test_the_system_and_the_anonymous_have_no_notification_centre(session: AsyncSession) -> None:
    from yecai.actor import ANONYMOUS

    for actor in (ANONYMOUS, system_actor()):
        with pytest.raises(DomainError):
            service.notifications_query(actor=actor)
        with pytest.raises(DomainError):
            await service.mark_read(session, actor=actor, all_=True)


async def test_paying_a_claim_tells_the_claimant(session: AsyncSession, delivered: list[Delivery]) -> None:
    from tests.factories import open_months
    from yecai.org.models import DepartmentKind

    department = await make_department(session, code="N-OPS", name="业务部", kind=DepartmentKind.BUSINESS)
    claimant = await make_user(session, roles=("staff",), department=department, email="c@example.com")
    manager = await make_user(session, roles=("manager",), department=department)
    finance = await make_user(session, roles=("finance",))
    await open_months(session, "2026-11")
    claim = await ops.create_expense_claim(session, actor=await actor_of(session, claimant), category="TRAVEL",
                                           amount=Decimal("1234.50"), description="差旅", day=date(2026, 11, 5))
    await ops.approve_expense_claim(session, actor=await actor_of(session, manager), claim_id=claim.id)
    await ops.pay_expense_claim(session, actor=await actor_of(session, finance), claim_id=claim.id,
                                day=date(2026, 11, 6))
    await session.commit()
    (told,) = [d for d in delivered if d.recipient_id == claimant.id]
    assert told.kind == KIND and claim.number in told.title and "1,234.50" in told.title
    assert all(d.recipient_id == claimant.id for d in delivered)


async def test_upkeep_removes_old_read_notifications_and_queues_failed_e_mails(
        session: AsyncSession, settings: Settings, delivered: list[Delivery]) -> None:
    user = await make_user(session, email="u@example.com")
    old, fresh, failed, exhausted = await service.notify(session, recipients=[user.id], kind=KIND, title="x") + \
        await service.notify(session, recipients=[user.id], kind=KIND, title="y") + \
        await service.notify(session, recipients=[user.id], kind=KIND, title="z") + \
        await service.notify(session, recipients=[user.id], kind=KIND, title="w")
    now = old.created_at
    old.read_at = now - timedelta(days=settings.notification_retention_days + 1)
    fresh.read_at = now
    failed.email_state, failed.email_attempts, failed.email_next_at = EmailState.FAILED.value, 2, now
    exhausted.email_state, exhausted.email_attempts, exhausted.email_next_at = EmailState.FAILED.value, 8, None
    for row in (old, fresh):
        row.email_state = EmailState.SENT.value
    await session.commit()
    delivered.clear()
    mail_on = settings.model_copy(update={"smtp_host": "127.0.0.1"})
    result = await upkeep(session, actor=system_actor(), settings=mail_on, since=None, until=now + timedelta(minutes=5))
    await session.commit()
    assert result == "removed 1, e-mails retried 1"
    assert await session.get(Notification, old.id) is None
    assert [(d.id, d.email, d.in_portal) for d in delivered] == [(failed.id, True, False)]


async def test_upkeep_resends_only_recent_unread_e_mails_left_pending(
        session: AsyncSession, settings: Settings, delivered: list[Delivery]) -> None:
    from yecai.notifications.jobs import ORPHANED_AFTER, ORPHANED_WITHIN

    user = await make_user(session, email="u@example.com")
    orphaned, ancient, read = [(await service.notify(session, recipients=[user.id], kind=KIND, title=t))[0]
                               for t in ("orphaned", "ancient", "read")]
    now = orphaned.created_at
    orphaned.created_at = now - ORPHANED_AFTER - timedelta(minutes=1)
    ancient.created_at = now - ORPHANED_WITHIN - timedelta(minutes=1)  # pending since before mail was configured
    read.created_at, read.read_at = orphaned.created_at, now
    assert {r.email_state for r in (orphaned, ancient, read)} == {EmailState.PENDING.value}
    await session.commit()
    delivered.clear()
    mail_on = settings.model_copy(update={"smtp_host": "127.0.0.1"})
    result = await upkeep(session, actor=system_actor(), settings=mail_on, since=None, until=now)
    await session.commit()
    assert result == "removed 0, e-mails retried 1"
    assert [d.id for d in delivered] == [orphaned.id]


async def test_changing_many_settings_reads_them_once(session: AsyncSession, settings: Settings) -> None:
    from sqlalchemy import event

    actor = await actor_of(session, await make_user(session))
    await service.update_settings(session, actor=actor, settings=settings,
                                  changes=[service.SettingChange(KIND, "portal", False)])
    statements: list[str] = []
    engine = session.bind.sync_engine  # type: ignore[union-attr]

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        after = await service.update_settings(session, actor=actor, settings=settings, changes=[
            service.SettingChange(KIND, "portal", True), service.SettingChange(KIND, "email", False),
            service.SettingChange(KIND, "email", False)])
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert {s.kind.code: (s.portal, s.email) for s in after}[KIND] == (True, False)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "notification_setting" in s]
    assert len(reads) == 3  # before, the rows to change, after: not one per change
