"""The keyed chain and its checkpoints against an insider who can write the database.

Each tampering is done the way such an insider would: straight SQL on the rows, recomputing
every later hash and updating the head row where that would help them, and verify must name
the first event (or checkpoint line) that no longer holds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.audit import checkpoints as cpfile
from yecai.audit import service as audit
from yecai.audit.chain import GENESIS_HASH, content, iso, keyed_digest, plain_digest
from yecai.audit.checkpointer import CheckpointRefused, write_checkpoint
from yecai.audit.checkpoints import CheckpointFileError
from yecai.audit.keys import (
    AuditKey,
    AuditKeyError,
    Keyring,
    current_keyring,
    load_keyring,
    rotate_keyring_file,
    use_keyring,
)
from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.settings import Settings

_events = AuditEvent.__table__
_head = AuditChainHead.__table__
ACTOR = system_actor("test")


@pytest.fixture
def keyring() -> Iterator[Keyring]:
    """This process's keyring, put back after a test that swaps it."""
    ring = current_keyring()
    yield ring
    use_keyring(ring)


@pytest.fixture
def cp_path(tmp_path: Path) -> Path:
    return tmp_path / "audit_checkpoints.jsonl"


def old_sha256(prev_hash: str, row: dict[str, Any]) -> str:
    """The chain as the code before keyed hashes wrote it, rebuilt from the standard library."""
    t = row["occurred_at"].astimezone(UTC)
    fields = [row["seq"], t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), row["actor_id"], row["actor_username"], row["action"],
              row["subject_type"], row["subject_id"], row["before"], row["after"], row["request_id"],
              row["client_address"]]
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hashlib.sha256(prev_hash.encode() + payload).hexdigest()


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


async def fresh_chain(session: AsyncSession) -> None:
    """An empty chain (inside the test's transaction, rolled back after it)."""
    await session.execute(delete(_events))
    await session.execute(update(_head).values(last_seq=0, last_hash=GENESIS_HASH))


async def record(session: AsyncSession, n: int, **after: Any) -> list[int]:
    return [await audit.record(session, actor=ACTOR, action="x.do", subject_type="x", subject_id=i,
                               after={"i": i, **after}) for i in range(n)]


async def rows(session: AsyncSession, since: int = 0) -> list[dict[str, Any]]:
    result = await session.execute(select(_events).where(_events.c.seq >= since).order_by(_events.c.seq))
    return [dict(r) for r in result.mappings()]


async def rewrite_from(session: AsyncSession, seq: int, digest: Callable[[str, dict[str, Any]], str], *,
                       key_id: str | None, edit: Callable[[dict[str, Any]], None] = lambda r: None,
                       until: int | None = None) -> None:
    """Edit event ``seq``, then recompute its hash and every later one (to ``until``) with ``digest``, and
    fix the head (or, with ``until``, the link of the event after it)."""
    before = (await session.execute(select(_events.c.hash).where(_events.c.seq == seq - 1))).scalar()
    prev = before or GENESIS_HASH
    for row in await rows(session, seq):
        if until is not None and row["seq"] > until:
            await session.execute(update(_events).where(_events.c.seq == row["seq"]).values(prev_hash=prev))
            return
        if row["seq"] == seq:
            edit(row)
        row.update(prev_hash=prev, key_id=key_id)
        row["hash"] = prev = digest(prev, row)
        await session.execute(update(_events).where(_events.c.seq == row["seq"])
                              .values(after=row["after"], prev_hash=row["prev_hash"], key_id=key_id, hash=row["hash"]))
    await session.execute(update(_head).values(last_hash=prev))


async def verify(session: AsyncSession, path: Path | None = None, ring: Keyring | None = None) -> audit.VerifyResult:
    return await audit.verify_chain(await session.connection(), keyring=ring, checkpoint_file=path)


async def checkpoint(session: AsyncSession, path: Path, ring: Keyring | None = None) -> cpfile.Checkpoint:
    outcome = await write_checkpoint(await session.connection(), keyring=ring or current_keyring(), path=path)
    assert outcome.written is not None
    return outcome.written


# ---------------------------------------------------------------- the hashes


def test_the_hashes_are_pinned() -> None:
    """The bytes each version hashes must never drift: events already written depend on them."""
    row = {"seq": 7, "occurred_at": datetime(2026, 11, 25, 8, 30, 1, 250, tzinfo=UTC), "actor_id": 3,
           "actor_username": "财务", "action": "voucher.post", "subject_type": "voucher", "subject_id": "12",
           "before": {"state": "reviewed"}, "after": {"state": "posted", "amount": "1.00"}, "request_id": "r-1",
           "client_address": "10.0.0.1"}
    prev = "ab" * 32
    assert plain_digest(prev, row) == old_sha256(prev, row)
    # Keyed: HMAC-SHA-256 under the key of "yecai-audit-v2\0", the key id, "\0", the previous hash and
    # the same canonical content; the key id is the first 16 hex digits of SHA-256("yecai-audit-key-id\0" key).
    key = AuditKey.of("k" * 40)
    assert key.kid == hashlib.sha256(b"yecai-audit-key-id\x00" + b"k" * 40).hexdigest()[:16] == "4f42c19d39c3ef8a"
    payload = b"yecai-audit-v2\x00" + key.kid.encode() + b"\x00" + prev.encode() + content(row)
    assert keyed_digest(key, prev, row) == hmac.new(b"k" * 40, payload, hashlib.sha256).hexdigest() \
        == "86b8ef8848df4c5a467ac9bd64441acd4317aad2afb0c7ed29f056d4f8ed77cb"


async def test_new_events_are_keyed_with_the_current_key(session: AsyncSession, keyring: Keyring) -> None:
    [seq] = await record(session, 1)
    event = (await rows(session, seq))[0]
    assert event["key_id"] == keyring.current.kid
    assert event["hash"] == keyed_digest(keyring.current, event["prev_hash"], event)
    assert event["hash"] != plain_digest(event["prev_hash"], event)
    ok = await verify(session)
    assert ok.ok and ok.by_key.get(keyring.current.kid, 0) >= 1, ok


# ---------------------------------------------------------------- the insider, without the key


async def test_an_edited_event_is_named(session: AsyncSession) -> None:
    seqs = await record(session, 5)
    await session.execute(update(_events).where(_events.c.seq == seqs[2]).values(after={"i": 999}))
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == seqs[2] and "content" in (bad.reason or "")


async def test_an_event_deleted_in_the_middle_is_named(session: AsyncSession) -> None:
    seqs = await record(session, 5)
    await session.execute(delete(_events).where(_events.c.seq == seqs[2]))
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == seqs[2] and "missing" in (bad.reason or "")


async def test_reordered_events_are_named(session: AsyncSession) -> None:
    seqs = await record(session, 5)
    a, b = seqs[1], seqs[2]
    await session.execute(update(_events).where(_events.c.seq == a).values(seq=-1))
    await session.execute(update(_events).where(_events.c.seq == b).values(seq=a))
    await session.execute(update(_events).where(_events.c.seq == -1).values(seq=b))
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == a


async def test_a_suffix_rewritten_with_plain_sha256_and_the_head_updated_is_named(session: AsyncSession) -> None:
    """Recomputing every later hash the old way (and relabelling the events as unkeyed) no longer works."""
    seqs = await record(session, 6)

    def edit(row: dict[str, Any]) -> None:
        row["after"] = {"i": 999}

    await rewrite_from(session, seqs[2], plain_digest, key_id=None, edit=edit)
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == seqs[2] and "unkeyed" in (bad.reason or ""), bad


async def test_a_suffix_rewritten_under_the_old_key_id_is_named(session: AsyncSession, keyring: Keyring) -> None:
    seqs = await record(session, 6)
    await rewrite_from(session, seqs[3], plain_digest, key_id=keyring.current.kid)
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == seqs[3] and "keyed hash" in (bad.reason or ""), bad


async def test_a_key_of_the_insiders_own_under_the_real_key_id_is_named(session: AsyncSession,
                                                                       keyring: Keyring) -> None:
    seqs = await record(session, 4)
    forged = AuditKey(keyring.current.kid, b"the insider's own key, not the audit key")
    await rewrite_from(session, seqs[1], lambda prev, row: keyed_digest(forged, prev, row),
                       key_id=keyring.current.kid)
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == seqs[1]


async def test_a_deleted_tail_with_the_head_fixed_is_named_up_to_the_last_checkpoint(
        session: AsyncSession, cp_path: Path) -> None:
    seqs = await record(session, 6)
    await checkpoint(session, cp_path)
    later = await record(session, 3)
    # Past the last checkpoint, the key alone cannot tell a deleted tail from a shorter chain:
    await session.execute(delete(_events).where(_events.c.seq >= later[1]))
    await session.execute(update(_head).values(last_seq=later[0], last_hash=(await rows(session, later[0]))[0]["hash"]))
    assert (await verify(session, cp_path)).ok
    # Up to it, it can.
    await session.execute(delete(_events).where(_events.c.seq >= seqs[3]))
    await session.execute(update(_head).values(last_seq=seqs[2], last_hash=(await rows(session, seqs[2]))[0]["hash"]))
    assert (await verify(session)).ok  # without its checkpoints, the chain looks whole
    bad = await verify(session, cp_path)
    assert not bad.ok and bad.first_bad_seq == seqs[3], bad
    assert f"events {seqs[3]} to {seqs[5]} are missing" in (bad.reason or "")


async def test_a_whole_chain_downgraded_to_plain_sha256_is_named_by_the_checkpoints(
        session: AsyncSession, cp_path: Path) -> None:
    await fresh_chain(session)
    await checkpoint(session, cp_path)  # the anchor: nothing unkeyed, ever
    seqs = await record(session, 4)
    await rewrite_from(session, seqs[0], plain_digest, key_id=None)
    assert (await verify(session)).ok  # a chain of plain hashes from the start reads as an old chain...
    bad = await verify(session, cp_path)  # ...but the checkpoints say when the keyed chain began
    assert not bad.ok and bad.first_bad_seq == seqs[0] and "keyed from event 1" in (bad.reason or ""), bad


async def test_a_wrong_key_names_the_first_keyed_event_and_checkpoint(session: AsyncSession, cp_path: Path) -> None:
    await fresh_chain(session)
    seqs = await record(session, 3)
    await checkpoint(session, cp_path)
    other = Keyring.of("another-installation's-audit-key-0123456789")
    bad = await verify(session, cp_path, ring=other)
    assert not bad.ok and bad.first_bad_seq == seqs[0] and "does not hold" in (bad.reason or ""), bad
    assert bad.checkpoint_problem is not None and bad.checkpoint_problem.line_no == 1
    assert "does not hold" in bad.checkpoint_problem.reason


# ---------------------------------------------------------------- the insider with the key, the checkpoint file


async def test_a_rewrite_with_the_key_is_caught_by_the_next_checkpoint(session: AsyncSession, cp_path: Path,
                                                                       keyring: Keyring) -> None:
    seqs = await record(session, 2)
    await checkpoint(session, cp_path)
    seqs += await record(session, 4)
    second = await checkpoint(session, cp_path)

    def edit(row: dict[str, Any]) -> None:
        row["after"] = {"i": 999}

    await rewrite_from(session, seqs[3], lambda prev, row: keyed_digest(keyring.current, prev, row),
                       key_id=keyring.current.kid, edit=edit)
    assert (await verify(session)).ok  # whoever holds the key can recompute the chain...
    bad = await verify(session, cp_path)  # ...but not the checkpoints already written
    assert not bad.ok and bad.first_bad_seq == seqs[2], bad  # the first event the checkpoints no longer vouch for
    assert f"checkpoint {second.n}" in (bad.reason or "")


async def _three_checkpoints(session: AsyncSession, cp_path: Path) -> list[str]:
    for _ in range(3):
        await record(session, 2)
        await checkpoint(session, cp_path)
    assert (await verify(session, cp_path)).checkpoints == 3
    return read_lines(cp_path)


@pytest.mark.parametrize(("tamper", "line_no", "words"), [
    ("edit", 2, "signature does not match"),
    ("delete", 2, "checkpoint 3 where checkpoint 2 belongs"),
    ("swap", 2, "checkpoint 3 where checkpoint 2 belongs"),
    ("renumber", 2, "signature does not match"),
    ("forge", 3, "does not hold"),
    ("truncate", 3, "incomplete"),
])
async def test_a_tampered_checkpoint_file_is_named(session: AsyncSession, cp_path: Path, tamper: str, line_no: int,
                                                   words: str) -> None:
    lines = await _three_checkpoints(session, cp_path)
    if tamper == "edit":
        fields = json.loads(lines[1])
        fields["seq"] -= 1
        lines[1] = json.dumps(fields)
    elif tamper == "delete":
        del lines[1]
    elif tamper == "swap":
        lines[1], lines[2] = lines[2], lines[1]
    elif tamper == "renumber":  # drop the second and renumber the third to hide it
        fields = json.loads(lines.pop(1))
        third = json.loads(lines[1])
        lines[1] = json.dumps({**third, "n": 2, "prev": fields["prev"]})
    elif tamper == "forge":  # the third replaced by one signed with some other key
        outsider = Keyring.of("not-the-audit-key-of-this-installation-0")
        second = cpfile.parse_checkpoints("\n".join(lines[:2]) + "\n", current_keyring())[0][-1]
        scratch = cp_path.with_suffix(".forged")
        fd = os.open(scratch, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            forged = cpfile.append(fd, outsider.current, last=second, seq=second.seq + 2, hash="f" * 64,
                                   legacy_until=second.legacy_until, at=datetime.now(UTC))
        finally:
            os.close(fd)
        lines[2] = forged.line
    text = "\n".join(lines) + "\n"
    if tamper == "truncate":
        text = text[:-20]
    write_text(cp_path, text)
    bad = await verify(session, cp_path)
    assert not bad.ok and bad.first_bad_seq is None  # the events themselves hold
    assert bad.checkpoint_problem is not None, bad
    assert bad.checkpoint_problem.line_no == line_no and words in bad.checkpoint_problem.reason, bad.checkpoint_problem


async def test_the_checkpointer_never_signs_a_broken_chain_or_a_damaged_file(session: AsyncSession,
                                                                            cp_path: Path) -> None:
    await record(session, 2)
    first = await checkpoint(session, cp_path)
    seqs = await record(session, 3)
    await session.execute(update(_events).where(_events.c.seq == seqs[1]).values(after={"i": 999}))
    with pytest.raises(CheckpointRefused) as refused:
        await checkpoint(session, cp_path)
    assert refused.value.result.first_bad_seq == seqs[1]
    assert read_lines(cp_path) == [first.line]
    write_text(cp_path, first.line.replace('"seq":', '"seq":1') + "\n")
    with pytest.raises(CheckpointFileError):
        await checkpoint(session, cp_path)


async def test_the_checkpointer_refuses_when_the_checkpointed_event_was_changed(session: AsyncSession,
                                                                               cp_path: Path) -> None:
    seqs = await record(session, 3)
    await checkpoint(session, cp_path)
    await session.execute(update(_events).where(_events.c.seq == seqs[2]).values(hash="e" * 64))
    await record(session, 1)
    with pytest.raises(CheckpointRefused) as refused:
        await checkpoint(session, cp_path)
    assert refused.value.result.first_bad_seq == seqs[2]


# ---------------------------------------------------------------- events from before the key


async def insert_unkeyed(session: AsyncSession, n: int) -> list[int]:
    """Events as the code before keyed hashes wrote them: plain SHA-256, no key id."""
    head = (await session.execute(select(_head.c.last_seq, _head.c.last_hash))).one()
    seq, prev = head.last_seq, head.last_hash
    seqs = []
    t0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for i in range(n):
        seq += 1
        row = {"seq": seq, "occurred_at": t0 + timedelta(minutes=i), "actor_id": None, "actor_username": "legacy",
               "action": "user.create", "subject_type": "user", "subject_id": str(i), "before": None,
               "after": {"username": f"u{i}", "名": "旧"}, "request_id": None, "client_address": "10.1.1.1",
               "prev_hash": prev}
        row["hash"] = prev = old_sha256(prev, row)
        await session.execute(_events.insert().values(**row))
        seqs.append(seq)
    await session.execute(update(_head).values(last_seq=seq, last_hash=prev))
    return seqs


async def test_events_from_before_the_key_still_verify_and_are_anchored(session: AsyncSession,
                                                                         cp_path: Path) -> None:
    await fresh_chain(session)
    old = await insert_unkeyed(session, 5)
    before = await verify(session)
    assert before.ok and before.unkeyed == 5 and before.legacy_until == 5, before
    anchor = await checkpoint(session, cp_path)  # what `yecai db upgrade` writes after migrating
    assert anchor.legacy_until == old[-1]
    new = await record(session, 3)
    after = await verify(session, cp_path)
    assert after.ok and after.unkeyed == 5 and sum(after.by_key.values()) == 3, after
    assert (await checkpoint(session, cp_path)).legacy_until == old[-1]
    # An old event edited, or its chain recomputed, is still named: by content alone (no key then).
    await session.execute(update(_events).where(_events.c.seq == old[1]).values(after={"username": "mallory"}))
    bad = await verify(session, cp_path)
    assert not bad.ok and bad.first_bad_seq == old[1]
    await session.execute(update(_events).where(_events.c.seq == old[1]).values(after={"username": "u1", "名": "旧"}))
    assert (await verify(session, cp_path)).ok
    # The old events recomputed (no key needed for those) are caught by the first checkpoint, which binds them.
    await rewrite_from(session, old[3], old_sha256, key_id=None, until=old[-1],
                       edit=lambda row: row.update(after={"username": "mallory"}))
    bad = await verify(session, cp_path)
    assert not bad.ok and bad.first_bad_seq == old[0] and "needs no key" in (bad.reason or ""), bad
    await rewrite_from(session, old[3], old_sha256, key_id=None, until=old[-1],
                       edit=lambda row: row.update(after={"username": "u3", "名": "旧"}))
    assert (await verify(session, cp_path)).ok
    # The keyed part relabelled as old events: the checkpoints know where the keyed chain began.
    await rewrite_from(session, new[0], plain_digest, key_id=None)
    bad = await verify(session, cp_path)
    assert not bad.ok and bad.first_bad_seq == new[0] and "keyed from event 6" in (bad.reason or ""), bad


async def test_an_unkeyed_event_after_keyed_ones_is_named(session: AsyncSession) -> None:
    """E.g. a worker of the previous version left running during the upgrade."""
    await fresh_chain(session)
    await insert_unkeyed(session, 2)
    await record(session, 2)
    [late] = await insert_unkeyed(session, 1)
    bad = await verify(session)
    assert not bad.ok and bad.first_bad_seq == late and "after keyed events" in (bad.reason or "")


# ---------------------------------------------------------------- keys


async def test_a_rotated_key_keeps_old_events_and_checkpoints_verifiable(session: AsyncSession, cp_path: Path,
                                                                        keyring: Keyring) -> None:
    await fresh_chain(session)
    first = await record(session, 2)
    await checkpoint(session, cp_path)
    rotated = Keyring(AuditKey.of("the-next-audit-key-after-rotation-0123"), [keyring.current])
    use_keyring(rotated)
    second = await record(session, 2)
    await checkpoint(session, cp_path, rotated)
    both = await verify(session, cp_path, ring=rotated)
    assert both.ok and both.by_key == {keyring.current.kid: 2, rotated.current.kid: 2}, both
    assert both.checkpoints == 2 and both.last_checkpoint and both.last_checkpoint.kid == rotated.current.kid
    old_dropped = Keyring(rotated.current)
    bad = await verify(session, cp_path, ring=old_dropped)
    assert not bad.ok and bad.first_bad_seq == first[0] and keyring.current.kid in (bad.reason or "")
    assert second[0] > first[-1]


def test_the_generated_key_lives_in_the_data_dir_mode_0600_and_rotates(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, audit_key=None, audit_old_keys=None)
    ring = load_keyring(settings)
    path = settings.audit_keyring_file
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_keyring(settings).current.kid == ring.current.kid  # generated once
    assert ring.current.secret.decode() not in settings.resolved_secret_key()  # not the session key
    new = rotate_keyring_file(settings)
    again = load_keyring(settings)
    assert again.current.kid == new.kid != ring.current.kid and again.get(ring.current.kid) is not None
    assert len(path.read_text().splitlines()) == 2 and path.stat().st_mode & 0o777 == 0o600
    # The key from the environment wins; the data directory's keys and the old ones still verify.
    env = Settings(data_dir=tmp_path, audit_key="e" * 32, audit_old_keys=" o" + "o" * 31 + " , ")
    ring = load_keyring(env)
    assert ring.current.origin == "YECAI_AUDIT_KEY" and len(ring.kids) == 4
    with pytest.raises(AuditKeyError):
        rotate_keyring_file(env)


def test_bad_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(AuditKeyError, match="at least 32"):
        load_keyring(Settings(data_dir=tmp_path, audit_key="short"))
    settings = Settings(data_dir=tmp_path, audit_key=None)
    settings.audit_keyring_file.write_text('{"kid": "0000000000000000", "key": "' + "k" * 40 + '"}\n')
    with pytest.raises(AuditKeyError, match="does not match its id"):
        load_keyring(settings)


@pytest.mark.parametrize("secret", ["k" * 32, "長" * 40, "x" * 64, "y" * 65, "z" * 200])
def test_the_keyed_hash_is_hmac_sha256_for_any_key_length(secret: str) -> None:
    key = AuditKey.of(secret)
    row = {"seq": 1, "occurred_at": datetime(2026, 1, 1, tzinfo=UTC), "actor_id": None, "actor_username": None,
           "action": "a", "subject_type": "s", "subject_id": None, "before": None, "after": None,
           "request_id": None, "client_address": None}
    message = b"yecai-audit-v2\x00" + key.kid.encode() + b"\x00" + GENESIS_HASH.encode() + content(row)
    assert keyed_digest(key, GENESIS_HASH, row) == hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9998, 12, 31),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5))])))
def test_times_enter_the_hash_in_one_form(value: datetime) -> None:
    """However the time arrives, its text is UTC with six places of microseconds."""
    u = value.astimezone(UTC)
    expected = (f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}."
                f"{u.microsecond:06d}Z")
    assert iso(value) == iso(u) == expected


def test_content_is_what_an_edit_changes() -> None:
    row = {"seq": 1, "occurred_at": datetime(2026, 1, 1, tzinfo=UTC), "actor_id": None, "actor_username": None,
           "action": "a", "subject_type": "s", "subject_id": None, "before": None, "after": {"b": 1, "a": 2},
           "request_id": None, "client_address": None}
    assert content(row) == content({**row, "after": {"a": 2, "b": 1}})
    assert content(row) != content({**row, "after": {"a": 2, "b": 2}})
