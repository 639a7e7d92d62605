"""The house: a domain joins the whole portal by declaring itself in its own folder and taking one line
in ``yecai.domains.DOMAINS``; nothing else is edited.

The throwaway domain ``tests/support/notes`` has a table, two permissions (one granted by default to
built-in roles), a listener that refuses deleting a department with notes, a query, a node and a mutation.
A fresh process adds it to the list and checks every place the portal loops over domains: tables,
the permission catalogue and built-in roles, the PermissionCode enum, the schema (query, mutation with its
``@requires``, ``node(id:)``), the listener's error code offered by ``deleteDepartment`` and raised by it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import asyncio, json, sys, tempfile
from datetime import timedelta
from pathlib import Path

import yecai.domains
yecai.domains.DOMAINS = (*yecai.domains.DOMAINS, "tests.support.notes")  # the one line a domain adds

import httpx
from sqlalchemy import select

from yecai import manifest
from yecai.app import create_app
from yecai.auth.models import Role, User
from yecai.auth.service import create_user, start_session
from yecai.actor import system_actor
from yecai.db import Base, make_engine, make_session_factory
from yecai.graphql.schema import export_sdl
from yecai.migrate import upgrade
from yecai.org.service import create_department
from yecai.settings import Settings

SECRET = "house-test-secret-0123456789abcdefghijklmnopqrstuvwxyz"


async def main() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="yecai-house-"))
    settings = Settings(env="test", database_url=f"sqlite+aiosqlite:///{tmp / 'house.sqlite3'}", secret_key=SECRET,
                        data_dir=tmp, demo=False)
    engine = make_engine(settings.resolved_database_url)
    await upgrade(engine)  # the landed domains' migrations and reference data, built-in roles included
    async with engine.begin() as conn:  # the throwaway domain's table (a real domain ships a migration)
        await conn.run_sync(Base.metadata.create_all)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        actor = system_actor("test")
        department = await create_department(session, actor=actor, code="NOTES", name="便签部", kind="SUPPORT")
        home = await create_department(session, actor=actor, code="HOME", name="人员所在部门", kind="SUPPORT")
        roles = {r.code: r.id for r in (await session.execute(select(Role))).scalars()}
        users = {}
        for username, role in (("writer", "finance"), ("reader", "staff"), ("admin", "admin")):
            users[username] = await create_user(session, actor=actor, username=username, display_name=username,
                                                password="Notes@2026x", department_id=home.id,
                                                role_ids=[roles[role]])
        tokens = {name: await start_session(session, user=u, secret_key=SECRET, ttl=timedelta(minutes=10))
                  for name, u in users.items()}
        await session.commit()
        department_gid = __import__("strawberry").relay.GlobalID("Department", str(department.id))
    app = create_app(settings, engine=engine, sessions=sessions)
    transport = httpx.ASGITransport(app=app)
    out: dict = {"sdl": export_sdl(), "tables": sorted(Base.metadata.tables),
                 "catalogue": [p.code for p in manifest.permissions()],
                 "finance": sorted(manifest.default_grants("finance"))}
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        async def gql(query, variables=None, user=None):
            headers = {"Authorization": f"Bearer {tokens[user]}"} if user else {}
            response = await client.post("/graphql", json={"query": query, "variables": variables or {}},
                                         headers=headers)
            return response.json()

        create = ("mutation($i: CreateNoteInput!) { createNote(input: $i) { __typename "
                  "... on CreateNoteSuccess { note { id text } } ... on CreateNoteError { code field } } }")
        out["created"] = await gql(create, {"i": {"departmentId": str(department_gid), "text": "月底对账"}}, "writer")
        out["denied"] = await gql(create, {"i": {"departmentId": str(department_gid), "text": "x"}}, "reader")
        note_id = out["created"]["data"]["createNote"]["note"]["id"]
        out["listed"] = await gql("{ notes { totalCount edges { node { text } } } }", user="reader")
        out["node"] = await gql("query($id: ID!) { node(id: $id) { __typename ... on Note { text } } }",
                                {"id": note_id}, "reader")
        out["viewer"] = await gql("{ viewer { permissions } }", user="writer")
        out["delete_department"] = await gql(
            "mutation($i: DeleteDepartmentInput!) { deleteDepartment(input: $i) { __typename "
            "... on DeleteDepartmentError { code field } } }", {"i": {"id": str(department_gid)}}, "admin")
    await engine.dispose()
    return out


print(json.dumps(asyncio.run(main()), ensure_ascii=False))
"""


def test_a_new_domain_joins_by_its_folder_and_one_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key in list(env):
        if key.startswith("YECAI_"):
            del env[key]
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    sdl = out["sdl"]
    # Tables, permissions and built-in roles
    assert "test_note" in out["tables"]
    assert {"notes.read", "notes.write"} <= set(out["catalogue"])
    assert {"notes.read", "notes.write"} <= set(out["finance"])
    # The schema: enum values, the query, the node type, the mutation with its permission
    assert "  NOTES_READ\n" in sdl and "  NOTES_WRITE\n" in sdl and "  NOTES\n" in sdl  # PermissionCode, Domain
    assert "notes(first: Int! = 20, after: String = null): NoteConnection" in sdl
    assert "type Note implements Node {" in sdl
    assert ("createNote(input: CreateNoteInput!): CreateNoteResult! @requires(permission: NOTES_WRITE)" in sdl)
    # The listener's code joins the error enum of the mutation that publishes the event.
    delete_codes = sdl.split("enum DeleteDepartmentErrorCode {", 1)[1].split("}", 1)[0]
    assert "DEPARTMENT_HAS_NOTES" in delete_codes
    # And it all runs: create, refuse, list, node, viewer's permissions, the listener's veto.
    assert out["created"]["data"]["createNote"]["note"]["text"] == "月底对账"
    assert out["denied"]["data"]["createNote"] == {"__typename": "CreateNoteError", "code": "PERMISSION_DENIED",
                                                   "field": None}
    assert out["listed"]["data"]["notes"] == {"totalCount": 1, "edges": [{"node": {"text": "月底对账"}}]}
    assert out["node"]["data"]["node"] == {"__typename": "Note", "text": "月底对账"}
    assert {"NOTES_READ", "NOTES_WRITE"} <= set(out["viewer"]["data"]["viewer"]["permissions"])
    assert out["delete_department"]["data"]["deleteDepartment"] == {
        "__typename": "DeleteDepartmentError", "code": "DEPARTMENT_HAS_NOTES", "field": "id"}
