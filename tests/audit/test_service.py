"""The hash chain: written with each change, verified in order, broken by any edit."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import Actor, system_actor
from yecai.audit import service as audit
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.auth.service import create_user, reset_password
from yecai.org.service import create_department


async def _head(session: AsyncSession) -> AuditChainHead:
    return (await session.execute(select(AuditChainHead))).scalar_one()


async def test_events_chain_to_each_other(session: AsyncSession) -> None:
    actor = Actor(kind="user", user_id=None, username="alice", request_id="req-1", client_address="10.0.0.1")
    head = await _head(session)
    start_seq, start_hash = head.last_seq, head.last_hash
    first = await audit.record(session, actor=actor, action="thing.create", subject_type="thing", subject_id=1,
                               after={"name": "甲", "amount": "1.00"})
    second = await audit.record(session, actor=actor, action="thing.update", subject_type="thing", subject_id=1,
                                before={"name": "甲"}, after={"name": "乙"})
    assert (first, second) == (start_seq + 1, start_seq + 2)
    e1 = await session.get(AuditEvent, first)
    e2 = await session.get(AuditEvent, second)
    assert e1 is not None and e2 is not None
    assert e1.prev_hash == start_hash
    assert e2.prev_hash == e1.hash
    assert e1.hash != e2.hash and len(e1.hash) == 64
    assert (e1.actor_username, e1.request_id, e1.client_address) == ("alice", "req-1", "10.0.0.1")
    assert (await session.refresh(head)) is None and head.last_hash == e2.hash


async def test_verify_holds_then_names_the_first_tampered_event(session: AsyncSession) -> None:
    actor = system_actor("test")
    seqs = [await audit.record(session, actor=actor, action="x.do", subject_type="x", subject_id=i,
                               after={"i": i}) for i in range(5)]
    conn = await session.connection()
    ok = await audit.verify_chain(conn)
    assert ok.ok, ok
    assert ok.checked == (await session.execute(select(func.count()).select_from(AuditEvent))).scalar_one()

    await session.execute(update(AuditEvent).where(AuditEvent.seq == seqs[2]).values(after={"i": 999}))
    bad = await audit.verify_chain(conn)
    assert not bad.ok and bad.first_bad_seq == seqs[2]
    assert "content" in (bad.reason or "")


async def test_verify_detects_a_deleted_event(session: AsyncSession) -> None:
    actor = system_actor("test")
    seqs = [await audit.record(session, actor=actor, action="x.do", subject_type="x", after={"i": i})
            for i in range(4)]
    await session.execute(delete(AuditEvent).where(AuditEvent.seq == seqs[1]))
    result = await audit.verify_chain(await session.connection())
    assert not result.ok and result.first_bad_seq == seqs[1]


async def test_verify_detects_deleted_tail_events(session: AsyncSession) -> None:
    actor = system_actor("test")
    seqs = [await audit.record(session, actor=actor, action="x.do", subject_type="x") for _ in range(3)]
    await session.execute(delete(AuditEvent).where(AuditEvent.seq == seqs[-1]))
    result = await audit.verify_chain(await session.connection())
    assert not result.ok and result.first_bad_seq == seqs[-1]


async def test_verify_detects_a_rewritten_chain_link(session: AsyncSession) -> None:
    actor = system_actor("test")
    seqs = [await audit.record(session, actor=actor, action="x.do", subject_type="x") for _ in range(3)]
    await session.execute(update(AuditEvent).where(AuditEvent.seq == seqs[1]).values(prev_hash="f" * 64))
    result = await audit.verify_chain(await session.connection())
    assert not result.ok and result.first_bad_seq == seqs[1]


async def test_secrets_never_enter_the_trail(session: AsyncSession) -> None:
    actor = system_actor("test")
    user = await create_user(session, actor=actor, username="secretive", display_name="保密", password="S3cret!pass")
    other = await make_user(session)
    await reset_password(session, actor=actor, user_id=other.id, new_password="N3w!password")
    await audit.record(session, actor=actor, action="x.secret", subject_type="x",
                       after={"token": "abc", "nested": {"client_secret": "zzz", "ok": 1}})
    rows = (await session.execute(select(AuditEvent))).scalars().all()
    dumped = repr([(r.before, r.after) for r in rows])
    assert user.password_hash and user.password_hash not in dumped
    for secret in ("S3cret!pass", "N3w!password", "password_hash", "'token'", "client_secret", "zzz"):
        assert secret not in dumped
    assert "'ok': 1" in dumped


async def test_a_service_change_writes_its_event_in_the_same_transaction(session: AsyncSession) -> None:
    parent = await make_department(session)
    before = (await _head(session)).last_seq
    department = await create_department(session, actor=system_actor("test"), code="NEW1", name="新部门",
                                         kind="BUSINESS", parent_id=parent.id)
    event = (await session.execute(select(AuditEvent).where(AuditEvent.seq == before + 1))).scalar_one()
    assert (event.action, event.subject_type, event.subject_id) == ("department.create", "department",
                                                                    str(department.id))
    assert event.after is not None and event.after["name"] == "新部门" and event.before is None
