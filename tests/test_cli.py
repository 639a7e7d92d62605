"""The ``yecai`` command on a fresh data directory: migrate, seed, verify, export, create users."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.live_server import run_live_server
from yecai.settings import REPO_ROOT

YECAI = [sys.executable, "-m", "yecai.cli"]


def run(args: list[str], data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("YECAI_")}
    clean.update({"YECAI_DATA_DIR": str(data_dir), "YECAI_SECRET_KEY": "cli-test-key-" + "x" * 40, **env})
    return subprocess.run([*YECAI, *args], capture_output=True, text=True, env=clean, timeout=120, check=False)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli")
    assert run(["db", "upgrade"], data_dir).returncode == 0
    first = run(["seed", "demo"], data_dir)
    assert first.returncode == 0, first.stderr
    assert "10 departments, 7 users created" in first.stdout
    return data_dir


def test_seeding_twice_creates_nothing_more(seeded: Path) -> None:
    again = run(["seed", "demo"], seeded)
    assert again.returncode == 0 and "0 departments, 0 users created" in again.stdout
    db = sqlite3.connect(seeded / "yecai.sqlite3")
    users = dict(db.execute("SELECT username, display_name FROM user_account").fetchall())
    departments = {row[0] for row in db.execute("SELECT name FROM department")}
    db.close()
    assert set(users) == {"admin", "finance", "business", "hr", "manager", "staff", "auditor"}
    assert {"总经理办公室", "财务部", "销售部", "采购部", "仓储部", "人力资源部"} <= departments


def copy_of(data_dir: Path, tmp_path: Path, *, keyring: bool = True) -> Path:
    """The data directory (database, audit keyring, checkpoints) copied, to tamper with."""
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy, ignore=None if keyring else shutil.ignore_patterns("audit_keyring"))
    return copy


def sql(data_dir: Path, *statements: str) -> list[tuple]:
    db = sqlite3.connect(data_dir / "yecai.sqlite3")
    try:
        rows: list[tuple] = []
        for statement in statements:
            rows = db.execute(statement).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def test_the_audit_key_and_the_first_checkpoint_come_with_db_upgrade(seeded: Path) -> None:
    keyring = seeded / "audit_keyring"
    assert keyring.stat().st_mode & 0o777 == 0o600
    key = json.loads(keyring.read_text().splitlines()[0])
    assert key["key"] not in (seeded / "yecai.sqlite3").read_bytes().decode("latin-1")
    anchor = json.loads((seeded / "audit_checkpoints.jsonl").read_text().splitlines()[0])
    assert (anchor["n"], anchor["legacy_until"], anchor["kid"]) == (1, 0, key["kid"])
    assert sql(seeded, "SELECT count(*) FROM audit_event WHERE key_id IS NULL OR key_id != '" + key["kid"] + "'") \
        == [(0,)]


def test_audit_verify_holds_then_names_the_tampered_event(seeded: Path, tmp_path: Path) -> None:
    ok = run(["audit", "verify"], seeded)
    assert ok.returncode == 0 and "audit chain holds" in ok.stdout, ok.stderr
    assert "checkpoints: 1 held" in ok.stdout
    # Tamper with a copy so the module's data stays intact.
    copy = copy_of(seeded, tmp_path)
    sql(copy, """UPDATE audit_event SET after = '{"username": "mallory"}' WHERE seq = 12""")
    bad = run(["audit", "verify"], copy)
    assert bad.returncode == 1
    assert "audit chain broken at event 12" in bad.stderr


def test_a_deleted_tail_with_the_head_fixed_is_named_after_a_checkpoint(seeded: Path, tmp_path: Path) -> None:
    copy = copy_of(seeded, tmp_path)
    written = run(["audit", "checkpoint"], copy)
    assert written.returncode == 0, written.stderr
    line = json.loads(written.stdout.splitlines()[-1])  # the signed line, for the operator to keep
    assert line["n"] == 2 and len(line["sig"]) == 64
    last = line["seq"]
    again = run(["audit", "checkpoint"], copy)
    assert again.returncode == 0 and "no new events" in again.stderr
    assert run(["audit", "verify"], copy).returncode == 0
    [(hash_before,)] = sql(copy, f"SELECT hash FROM audit_event WHERE seq = {last - 3}")
    sql(copy, f"DELETE FROM audit_event WHERE seq > {last - 3}",
        f"UPDATE audit_chain_head SET last_seq = {last - 3}, last_hash = '{hash_before}'")
    bad = run(["audit", "verify"], copy)
    assert bad.returncode == 1
    assert f"audit chain broken at event {last - 2}: events {last - 2} to {last} are missing" in bad.stderr
    # An older copy of the checkpoint file, kept elsewhere, names it all the same.
    kept = tmp_path / "kept.jsonl"
    kept.write_text(written.stdout.splitlines()[-1] + "\n")
    (copy / "audit_checkpoints.jsonl").unlink()
    assert run(["audit", "verify"], copy).returncode == 0  # no checkpoints left: a shorter chain, as far as it knows
    kept_copy = tmp_path / "kept-full.jsonl"
    shutil.copy(seeded / "audit_checkpoints.jsonl", kept_copy)
    with kept_copy.open("a") as f:
        f.write(written.stdout.splitlines()[-1] + "\n")
    bad = run(["audit", "verify", "--checkpoints", str(kept_copy)], copy)
    assert bad.returncode == 1 and f"event {last - 2}" in bad.stderr


def test_a_suffix_rewritten_with_plain_sha256_is_named(seeded: Path, tmp_path: Path) -> None:
    """The insider recomputes every later hash the way the chain used to be computed, and fixes the head."""
    import hashlib

    copy = copy_of(seeded, tmp_path)
    rows = sql(copy, "SELECT seq, occurred_at, actor_id, actor_username, action, subject_type, subject_id, before, "
                     "after, request_id, client_address, prev_hash FROM audit_event WHERE seq >= 20 ORDER BY seq")
    [(prev,)] = sql(copy, "SELECT hash FROM audit_event WHERE seq = 19")
    db = sqlite3.connect(copy / "yecai.sqlite3")
    for seq, at, *rest, _ in rows:
        at = at.replace(" ", "T") + ("" if "." in at else ".000000") + "Z"
        fields = [seq, at, *rest[:5], *(json.loads(v) if v else None for v in rest[5:7]), *rest[7:]]
        payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        new = hashlib.sha256(prev.encode() + payload).hexdigest()
        db.execute("UPDATE audit_event SET key_id = NULL, prev_hash = ?, hash = ? WHERE seq = ?", (prev, new, seq))
        prev = new
    db.execute("UPDATE audit_chain_head SET last_hash = ?", (prev,))
    db.commit()
    db.close()
    bad = run(["audit", "verify"], copy)
    assert bad.returncode == 1 and "audit chain broken at event 20: it carries an unkeyed" in bad.stderr, bad.stderr


def test_a_wrong_key_is_named(seeded: Path, tmp_path: Path) -> None:
    copy = copy_of(seeded, tmp_path, keyring=False)
    bad = run(["audit", "verify"], copy, YECAI_AUDIT_KEY="not-this-installation's-key-0123456789")
    assert bad.returncode == 1
    assert "audit chain broken at event 1: it was hashed with audit key" in bad.stderr
    assert "audit checkpoints broken" in bad.stderr and "line 1" in bad.stderr
    short = run(["audit", "verify"], copy, YECAI_AUDIT_KEY="short")
    assert short.returncode != 0 and "at least 32 characters" in short.stderr


def test_a_tampered_checkpoint_file_is_named(seeded: Path, tmp_path: Path) -> None:
    copy = copy_of(seeded, tmp_path)
    path = copy / "audit_checkpoints.jsonl"
    line = json.loads(path.read_text())
    path.write_text(json.dumps({**line, "seq": line["seq"] - 1}) + "\n")
    bad = run(["audit", "verify"], copy)
    assert bad.returncode == 1 and "audit checkpoints broken" in bad.stderr and "line 1" in bad.stderr
    assert "signature does not match" in bad.stderr
    refused = run(["audit", "checkpoint"], copy)
    assert refused.returncode == 1 and "no checkpoint written" in refused.stderr


def test_concurrent_checkpoint_commands_append_once(seeded: Path, tmp_path: Path) -> None:
    copy = copy_of(seeded, tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("YECAI_")}
    env.update({"YECAI_DATA_DIR": str(copy), "YECAI_SECRET_KEY": "cli-test-key-" + "x" * 40})
    procs = [subprocess.Popen([*YECAI, "audit", "checkpoint"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(5)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert sum("audit checkpoint 2 written" in err for _, err in results) == 1, results
    lines = (copy / "audit_checkpoints.jsonl").read_text().splitlines()
    assert [json.loads(x)["n"] for x in lines] == [1, 2]
    assert run(["audit", "verify"], copy).returncode == 0


def test_rotate_key(seeded: Path, tmp_path: Path) -> None:
    copy = copy_of(seeded, tmp_path)
    rotated = run(["audit", "rotate-key"], copy)
    assert rotated.returncode == 0, rotated.stderr
    assert "retired" in rotated.stdout and "Restart the workers" in rotated.stdout
    keys = [json.loads(x)["kid"] for x in (copy / "audit_keyring").read_text().splitlines()]
    assert len(keys) == 2 and (copy / "audit_keyring").stat().st_mode & 0o777 == 0o600
    created = run(["users", "create", "--username", "after.rotation", "--display-name", "轮换后"], copy,
                  YECAI_NEW_PASSWORD="Ops!Admin2026")
    assert created.returncode == 0, created.stderr
    assert sql(copy, "SELECT key_id FROM audit_event ORDER BY seq DESC LIMIT 1") == [(keys[1],)]
    ok = run(["audit", "verify"], copy)
    assert ok.returncode == 0 and keys[0] in ok.stdout and keys[1] in ok.stdout, ok.stdout + ok.stderr
    # A key from the environment is rotated there: the command says how.
    env_key = run(["audit", "rotate-key"], copy, YECAI_AUDIT_KEY="k" * 40)
    assert env_key.returncode != 0 and "YECAI_AUDIT_OLD_KEYS" in env_key.stderr


def test_serve_writes_checkpoints(tmp_path: Path) -> None:
    """`yecai serve` runs the checkpointer: the demo's events are signed soon after it starts."""
    with run_live_server(data_dir=tmp_path / "live", env={"YECAI_AUDIT_CHECKPOINT_EVENTS": "1"}) as url:
        path = url.data_dir / "audit_checkpoints.jsonl"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(path.read_text().splitlines()) < 2:
            time.sleep(0.2)
        lines = path.read_text().splitlines()
    assert len(lines) >= 2, url.log_tail()  # the anchor of `db upgrade`, then the server's after the demo's events


def test_users_create(seeded: Path) -> None:
    created = run(["users", "create", "--username", "ops.admin", "--display-name", "运维管理员", "--role", "admin",
                   "--department", "IT"], seeded, YECAI_NEW_PASSWORD="Ops!Admin2026")
    assert created.returncode == 0, created.stderr
    assert "user ops.admin created" in created.stdout
    duplicate = run(["users", "create", "--username", "ops.admin", "--display-name", "x"], seeded,
                    YECAI_NEW_PASSWORD="Ops!Admin2026")
    assert duplicate.returncode != 0 and "already taken" in duplicate.stderr
    weak = run(["users", "create", "--username", "weak.one", "--display-name", "x"], seeded,
               YECAI_NEW_PASSWORD="weak")
    assert weak.returncode != 0 and "password" in weak.stderr
    unknown = run(["users", "create", "--username", "x.y", "--display-name", "x", "--role", "nope"], seeded,
                  YECAI_NEW_PASSWORD="Ops!Admin2026")
    assert unknown.returncode != 0 and "unknown role" in unknown.stderr
    assert run(["audit", "verify"], seeded).returncode == 0


def test_checked_in_schema_is_what_the_code_exports(tmp_path: Path) -> None:
    out = tmp_path / "schema.graphql"
    result = run(["schema", "export", "--output", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == (REPO_ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8"), \
        "schema/schema.graphql is stale: run `make schema`"



def test_the_demo_books_balance(seeded: Path) -> None:
    """The demo documents posted through the default rules (amounts are kept in fen on SQLite)."""
    db = sqlite3.connect(seeded / "yecai.sqlite3")
    posted, balanced = db.execute(
        "SELECT count(*), sum(total_debit = total_credit) FROM voucher WHERE state = 'POSTED'").fetchone()
    receivable = db.execute("""SELECT sum(debit) - sum(credit) FROM voucher_line
        JOIN account ON account.id = voucher_line.account_id WHERE account.code = '1122'""").fetchone()[0]
    db.close()
    assert posted == balanced == 11
    # C001: 11,300.00 delivered, 2,260.00 returned, 9,040.00 received; C002: 20 x 150.00 + 13% = 3,390.00 open.
    assert receivable == 339000
