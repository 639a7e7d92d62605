"""POST /attachments and GET /attachments/{id}: limits, types by content, the owner's policy, nothing left on failure."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.attachments import files
from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import make_user, token_for
from tests.graphql.conftest import World, gid
from yecai.attachments.models import Attachment
from yecai.attachments.storage import LocalStorage, storage_for
from yecai.audit.models import AuditEvent
from yecai.auth.models import User
from yecai.settings import Settings


@pytest.fixture
async def claimant_token(world: World, session: AsyncSession) -> str:
    user = await session.get_one(User, world.ops.submitted_claim.claimant_id)
    token = await token_for(session, user, TEST_SECRET)
    await session.commit()
    return token


def _multipart(file_name: str, data: bytes, owner: str | None = None) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    if owner is not None:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="owner"\r\n\r\n{owner}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


async def _upload(client: httpx.AsyncClient, token: str | None, owner: str, file_name: str, data: bytes, *,
                  in_query: bool = True, lang: str = "zh") -> httpx.Response:
    body, content_type = _multipart(file_name, data, None if in_query else owner)
    headers = {"Content-Type": content_type, "Accept-Language": lang}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    url = f"/attachments?owner={quote(owner)}" if in_query else "/attachments"
    return await client.post(url, content=body, headers=headers)


async def _state(session: AsyncSession, settings: Settings) -> tuple[int, list[str]]:
    """Attachment rows, and the files of the storage (its temp files included)."""
    rows = (await session.execute(select(func.count()).select_from(Attachment))).scalar_one()
    storage = storage_for(settings)
    assert isinstance(storage, LocalStorage)
    found = sorted(str(p.relative_to(storage.root)) for p in storage.root.rglob("*") if p.is_file())
    return rows, found


async def test_the_claimant_uploads_a_receipt_and_downloads_the_same_bytes(
        world: World, client: httpx.AsyncClient, claimant_token: str, gql: GraphQLClient, session: AsyncSession) -> None:
    data = files.pdf("Taxi receipt 2026-11-05", "Amount 86.00")
    owner = gid("ExpenseClaim", world.ops.submitted_claim.id)
    response = await _upload(client, claimant_token, owner, "打车发票 11月.pdf", data)
    assert response.status_code == 201, response.text
    attachment = response.json()["attachment"]
    assert attachment["fileName"] == "打车发票 11月.pdf"
    assert attachment["contentType"] == "application/pdf"
    assert attachment["size"] == len(data) and attachment["sha256"] == hashlib.sha256(data).hexdigest()

    got = await client.get(attachment["downloadUrl"], headers={"Authorization": f"Bearer {claimant_token}"})
    assert got.status_code == 200
    assert got.content == data
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == (
        "attachment; filename=\"____ 11_.pdf\"; filename*=UTF-8''%E6%89%93%E8%BD%A6%E5%8F%91%E7%A5%A8%2011%E6%9C%88.pdf")
    assert got.headers["x-content-type-options"] == "nosniff"

    query = """query($id: ID!) { node(id: $id) { ... on ExpenseClaim { attachments {
        fileName size contentType downloadUrl uploadedBy { username } viewerCan { delete } } } } }"""
    listed = (await gql(query, {"id": owner}, token=claimant_token))["node"]["attachments"]
    assert [a["fileName"] for a in listed] == ["出差发票.pdf", "打车发票 11月.pdf"]
    assert listed[1]["size"] == len(data) and listed[1]["viewerCan"]["delete"] is True
    assert listed[1]["downloadUrl"] == attachment["downloadUrl"] == f"/attachments/{attachment['id']}"
    audit = (await session.execute(select(AuditEvent.action).where(AuditEvent.subject_type == "attachment"))).scalars()
    assert "attachment.upload" in list(audit)


async def test_the_owner_may_come_as_a_form_field_before_the_file(world: World, client: httpx.AsyncClient,
                                                                  claimant_token: str) -> None:
    owner = gid("ExpenseClaim", world.ops.submitted_claim.id)
    response = await _upload(client, claimant_token, owner, "notes.txt", "住宿 3 晚\n".encode(), in_query=False)
    assert response.status_code == 201, response.text
    assert response.json()["attachment"]["contentType"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(("name", "data"), [
    ("发票.pdf", files.EXE),  # an executable renamed
    ("page.pdf", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
    ("archive.docx", files.plain_zip()),
])
async def test_forbidden_content_under_an_allowed_name_is_refused_and_nothing_is_kept(
        name: str, data: bytes, world: World, client: httpx.AsyncClient, claimant_token: str,
        session: AsyncSession, settings: Settings) -> None:
    before = await _state(session, settings)
    response = await _upload(client, claimant_token, gid("ExpenseClaim", world.ops.submitted_claim.id), name, data)
    assert response.status_code == 415, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "FILE_TYPE_NOT_ALLOWED", "field": "file"}
    assert error["message"].startswith("file：不支持此类文件")
    assert await _state(session, settings) == before


async def test_the_message_follows_the_language(world: World, client: httpx.AsyncClient, claimant_token: str) -> None:
    response = await _upload(client, claimant_token, gid("ExpenseClaim", world.ops.submitted_claim.id), "a.pdf",
                             files.EXE, lang="en-US")
    assert response.json()["errors"][0]["message"].startswith("file: this type of file is not allowed")


async def test_a_declared_length_over_the_limit_is_refused_before_reading(
        world: World, client: httpx.AsyncClient, claimant_token: str, session: AsyncSession, settings: Settings) -> None:
    before = await _state(session, settings)
    read = []

    async def body() -> AsyncIterator[bytes]:
        read.append(True)
        yield b"x" * 1024

    owner = quote(gid("ExpenseClaim", world.ops.submitted_claim.id))
    response = await client.post(f"/attachments?owner={owner}", content=body(), headers={
        "Authorization": f"Bearer {claimant_token}", "Content-Length": str(settings.attachment_max_bytes * 2),
        "Content-Type": "multipart/form-data; boundary=abc"})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "FILE_TOO_LARGE", "field": "file"}
    assert "20 MB" in response.json()["errors"][0]["message"]
    assert response.headers["connection"] == "close"
    assert read == []  # not a byte of the body was asked for
    assert await _state(session, settings) == before


async def test_a_streamed_body_without_length_is_stopped_at_the_limit(
        world: World, client: httpx.AsyncClient, claimant_token: str, session: AsyncSession, settings: Settings) -> None:
    before = await _state(session, settings)
    head, content_type = _multipart("big.pdf", b"")
    head = head[: head.rindex(b"\r\n--")]  # the file part's headers, then the endless file
    sent = []

    async def body() -> AsyncIterator[bytes]:
        yield head
        chunk = b"%PDF-1.7\n" + b"0" * (1024 * 1024 - 9)
        for _ in range(60):  # 60 MB offered, the limit is 20 MB
            sent.append(len(chunk))
            yield chunk

    owner = quote(gid("ExpenseClaim", world.ops.submitted_claim.id))
    response = await client.post(f"/attachments?owner={owner}", content=body(), headers={
        "Authorization": f"Bearer {claimant_token}", "Content-Type": content_type})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
    assert sum(sent) <= settings.attachment_max_bytes + 2 * 1024 * 1024  # stopped at the limit, not at the end
    assert await _state(session, settings) == before


async def test_another_departments_user_can_neither_attach_nor_download(
        world: World, client: httpx.AsyncClient, session: AsyncSession, settings: Settings) -> None:
    outsider = await make_user(session, roles=("business",), department=world.child)
    token = await token_for(session, outsider, TEST_SECRET)
    await session.commit()
    before = await _state(session, settings)
    owner = gid("ExpenseClaim", world.ops.submitted_claim.id)
    refused = await _upload(client, token, owner, "x.pdf", files.pdf("hello"))
    assert refused.status_code == 404
    assert refused.json()["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "owner"}
    assert await _state(session, settings) == before

    url = f"/attachments/{gid('Attachment', world.ops.claim_attachment_id)}"
    denied = await client.get(url, headers={"Authorization": f"Bearer {token}"})
    missing = await client.get(f"/attachments/{gid('Attachment', 999999)}", headers={"Authorization": f"Bearer {token}"})
    assert denied.status_code == missing.status_code == 404
    assert denied.json() == missing.json()  # nothing tells an existing file from none
    assert denied.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "%PDF" not in denied.text and "出差" not in denied.text
    actions = list((await session.execute(select(AuditEvent.action, AuditEvent.subject_id).where(
        AuditEvent.action == "attachment.download_denied"))).all())
    assert (("attachment.download_denied", str(world.ops.claim_attachment_id)) in
            [(a, str(s)) for a, s in actions])
    anonymous = await client.get(url)
    assert anonymous.status_code == 401


async def test_a_manager_and_finance_download_a_staff_claims_receipt(
        world: World, client: httpx.AsyncClient, sign_in) -> None:
    url = f"/attachments/{gid('Attachment', world.ops.claim_attachment_id)}"
    for role in ("manager", "finance"):
        _, token = await sign_in(role)
        got = await client.get(url, headers={"Authorization": f"Bearer {token}"})
        assert got.status_code == 200 and got.content.startswith(b"%PDF"), role
    _, token = await sign_in("staff")  # a colleague without operations.read: not their claim
    assert (await client.get(url, headers={"Authorization": f"Bearer {token}"})).status_code == 404


async def test_attaching_is_closed_once_the_claim_is_approved(
        world: World, client: httpx.AsyncClient, session: AsyncSession, settings: Settings) -> None:
    user = await session.get_one(User, world.ops.approved_claim.claimant_id)
    token = await token_for(session, user, TEST_SECRET)
    await session.commit()
    before = await _state(session, settings)
    response = await _upload(client, token, gid("ExpenseClaim", world.ops.approved_claim.id), "late.pdf",
                             files.pdf("late"))
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert await _state(session, settings) == before


async def test_bad_requests_name_what_is_wrong(world: World, client: httpx.AsyncClient, claimant_token: str) -> None:
    auth = {"Authorization": f"Bearer {claimant_token}"}
    wrong_type = await _upload(client, claimant_token, gid("Customer", world.ops.customer.id), "a.pdf", files.pdf("a"))
    assert wrong_type.status_code == 400
    assert wrong_type.json()["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "owner"}
    assert wrong_type.json()["errors"][0]["message"] == "owner：不是有效的附件归属对象标识"
    for bad_id in ("not-an-id", gid("ExpenseClaim", world.ops.submitted_claim.id), gid("Attachment", 0)):
        bad = await client.get(f"/attachments/{bad_id}", headers={**auth, "Accept-Language": "en"})
        assert bad.status_code == 400
        assert bad.json()["errors"] == [{"message": "id: is not a valid Attachment id",
                                         "extensions": {"code": "INVALID_INPUT", "field": "id"}}]
    not_multipart = await client.post("/attachments", content=b"{}", headers={**auth, "Content-Type": "application/json"})
    assert not_multipart.status_code == 400
    not_a_length = await client.post("/attachments", content=b"{}", headers={
        **auth, "Content-Type": "multipart/form-data; boundary=abc", "Content-Length": "12a", "Accept-Language": "en"})
    assert not_a_length.status_code == 400 and not_a_length.headers["connection"] == "close"
    assert not_a_length.json()["errors"] == [{"message": "Content-Length is not a number",
                                              "extensions": {"code": "INVALID_INPUT"}}]
    body, content_type = _multipart("a.pdf", b"")
    empty = await client.post(f"/attachments?owner={quote(gid('ExpenseClaim', world.ops.submitted_claim.id))}",
                              content=body, headers={**auth, "Content-Type": content_type})
    assert empty.status_code == 400
    assert empty.json()["errors"][0]["extensions"] == {"code": "FILE_MISSING", "field": "file"}
    no_owner = await _upload(client, claimant_token, "", "a.pdf", files.pdf("a"), in_query=False)
    assert no_owner.json()["errors"][0]["extensions"]["field"] == "owner"
    english = {**auth, "Accept-Language": "en"}
    owner = gid("ExpenseClaim", world.ops.submitted_claim.id)
    boundary = uuid.uuid4().hex
    file_part = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
                 f'收据\r\n').encode()
    owner_part = f'--{boundary}\r\nContent-Disposition: form-data; name="owner"\r\n\r\n{owner}\r\n'.encode()
    end = f"--{boundary}--\r\n".encode()
    multipart = {**english, "Content-Type": f"multipart/form-data; boundary={boundary}"}

    async def owner_after_the_file() -> AsyncIterator[bytes]:
        yield file_part  # the file's bytes arrive before any owner
        yield owner_part + end

    for body, message in [(end, "owner: is required"),  # neither in the query nor in the form
                          (file_part + end, "owner: must come before the file"),
                          (owner_after_the_file(), "owner: must come before the file")]:
        refused = await client.post("/attachments", content=body, headers=multipart)
        assert refused.status_code == 400, refused.text
        (error,) = refused.json()["errors"]
        assert error["extensions"] == {"code": "INVALID_INPUT", "field": "owner"}
        assert error["message"] == message
    anonymous = await _upload(client, None, gid("ExpenseClaim", world.ops.submitted_claim.id), "a.pdf", files.pdf("a"))
    assert anonymous.status_code == 401


async def test_the_same_content_is_stored_once(world: World, client: httpx.AsyncClient, claimant_token: str,
                                               session: AsyncSession, settings: Settings) -> None:
    data = files.docx("住宿费 三晚", "上海")
    owner = gid("ExpenseClaim", world.ops.submitted_claim.id)
    rows_before, files_before = await _state(session, settings)
    first = (await _upload(client, claimant_token, owner, "住宿.docx", data)).json()["attachment"]
    second = (await _upload(client, claimant_token, owner, "住宿（副本）.docx", data)).json()["attachment"]
    assert first["id"] != second["id"] and first["sha256"] == second["sha256"]
    rows_after, files_after = await _state(session, settings)
    assert rows_after == rows_before + 2
    sha = first["sha256"]
    assert set(files_after) - set(files_before) == {f"{sha[:2]}/{sha[2:]}"}


async def test_owner_lists_cost_a_fixed_number_of_statements(world: World, gql: GraphQLClient, sign_in,
                                                              session: AsyncSession, settings: Settings) -> None:
    from tests.attachments.helpers import attach
    from yecai.auth.service import actor_for

    query = """{ expenseClaims(first: 20) { edges { node { number attachments { fileName size
                 uploadedBy { username } viewerCan { delete } } } } } }"""
    claimant = await actor_for(session, await session.get_one(User, world.ops.submitted_claim.claimant_id))
    another = await _open_claim(session, claimant)
    _, token = await sign_in("finance")
    first = await gql.raw(query, token=token)
    # Spread over two claims (and so two owners): loading per attachment or per owner would show.
    for i in range(6):
        owner_id = (world.ops.submitted_claim.id, another.id)[i % 2]
        await attach(session, claimant, storage_for(settings), "ExpenseClaim", owner_id, f"收据{i}.txt",
                     f"收据 {i}".encode())
    await session.commit()
    second = await gql.raw(query, token=token)
    assert first.headers["x-yecai-sql-statements"] == second.headers["x-yecai-sql-statements"]
    claims = second.json()["data"]["expenseClaims"]["edges"]
    assert sum(len(c["node"]["attachments"]) for c in claims) == 7
    assert sum(1 for c in claims if c["node"]["attachments"]) == 2


async def _open_claim(session: AsyncSession, claimant):
    from datetime import date
    from decimal import Decimal

    from yecai.operations import service as ops

    claim = await ops.create_expense_claim(session, actor=claimant, category="TRAVEL", amount=Decimal("35.00"),
                                           description="地铁", day=date(2026, 11, 6))
    await session.commit()
    return claim


async def test_attachment_nodes_cost_a_fixed_number_of_statements(world: World, session: AsyncSession,
                                                                  settings: Settings, sign_in) -> None:
    """Attachment.resolve_nodes (node(id:) and any list of ids): the owners are loaded in one batch."""
    from types import SimpleNamespace

    from tests.attachments.helpers import attach
    from yecai.auth.service import actor_for
    from yecai.db import count_statements
    from yecai.graphql.attachments.types import Attachment as AttachmentNode
    from yecai.graphql.loaders import Loaders

    claimant = await actor_for(session, await session.get_one(User, world.ops.submitted_claim.claimant_id))
    another = await _open_claim(session, claimant)
    ids = [world.ops.claim_attachment_id]
    for i in range(6):
        owner_id = (world.ops.submitted_claim.id, another.id)[i % 2]
        ids.append((await attach(session, claimant, storage_for(settings), "ExpenseClaim", owner_id, f"收据{i}.txt",
                                 f"收据 {i}".encode())).id)
    await session.commit()
    reader = await actor_for(session, (await sign_in("finance"))[0])
    outsider = await actor_for(session, await make_user(session, roles=("business",), department=world.child))
    await session.commit()

    async def resolve(actor, some: list[int]) -> tuple[list[object], int]:
        session.expunge_all()  # nothing from the identity map: every row is read by the loaders
        info = SimpleNamespace(context=SimpleNamespace(loaders=Loaders(session), actor=actor))
        async with count_statements() as box:
            found = await AttachmentNode.resolve_nodes(info=info, node_ids=[str(i) for i in some])
        return found, box[0]

    one, one_cost = await resolve(reader, ids[:1])
    many, many_cost = await resolve(reader, [*ids, 999999])
    assert [a.id for a in one] == ids[:1] and one_cost == 2  # the attachments, their owners
    assert [a.id if a else None for a in many] == [*ids, None] and many_cost == one_cost
    hidden, _ = await resolve(outsider, ids)
    assert hidden == [None] * len(ids)
