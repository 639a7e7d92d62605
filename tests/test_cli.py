"""The ``yecai`` command on a fresh data directory: migrate, seed, verify, export, create users."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_audit_verify_holds_then_names_the_tampered_event(seeded: Path, tmp_path: Path) -> None:
    ok = run(["audit", "verify"], seeded)
    assert ok.returncode == 0 and "audit chain holds" in ok.stdout
    # Tamper with a copy so the module's data stays intact.
    copy = tmp_path / "tampered"
    copy.mkdir()
    (copy / "yecai.sqlite3").write_bytes((seeded / "yecai.sqlite3").read_bytes())
    db = sqlite3.connect(copy / "yecai.sqlite3")
    db.execute("""UPDATE audit_event SET after = '{"username": "mallory"}' WHERE seq = 12""")
    db.commit()
    db.close()
    bad = run(["audit", "verify"], copy)
    assert bad.returncode == 1
    assert "event 12" in bad.stderr


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
