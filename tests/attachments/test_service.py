"""Attachments' rules and use cases: the owner's policy as a truth table, types and text by content, dedup, removal."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.attachments import files
from tests.attachments.helpers import attach, received
from tests.factories import make_department, make_user
from yecai.actor import Actor
from yecai.attachments import detect, service
from yecai.attachments.extract import extract_text
from yecai.attachments.models import Attachment
from yecai.attachments.storage import LocalStorage, storage_for
from yecai.audit.models import AuditEvent
from yecai.auth.service import actor_for
from yecai.errors import DomainError
from yecai.operations import policies
from yecai.operations import service as ops
from yecai.operations.models import DocumentState, ExpenseClaim
from yecai.settings import Settings

# ---------------------------------------------------------------- the claim's policies, as a truth table

CLAIMANT, OTHER = 7, 8


def _actor(user_id: int, *perms: str, department: int = 1) -> Actor:
    return Actor(kind="user", user_id=user_id, permissions=frozenset(perms), department_id=department)


def _claim(state: DocumentState) -> ExpenseClaim:
    return ExpenseClaim(claimant_id=CLAIMANT, department_id=1, state=state)


@pytest.mark.parametrize(("state", "attach_ok"), [(DocumentState.DRAFT, True), (DocumentState.SUBMITTED, True),
                                                  (DocumentState.APPROVED, False), (DocumentState.REJECTED, False),
                                                  (DocumentState.DONE, False)])
def test_only_the_claimant_attaches_and_only_while_the_claim_is_open(state: DocumentState, attach_ok: bool) -> None:
    claim = _claim(state)
    claimant = _actor(CLAIMANT, "operations.claim_expenses")
    assert policies.can_attach_to_claim(claimant, claim) is attach_ok
    assert policies.can_delete_claim_attachment(claimant, claim, CLAIMANT) is attach_ok
    assert not policies.can_delete_claim_attachment(claimant, claim, OTHER)  # not someone else's upload
    manager = _actor(OTHER, "operations.approve_claims", "operations.read", "operations.claim_expenses")
    assert not policies.can_attach_to_claim(manager, claim)
    assert policies.can_delete_claim_attachment(manager, claim, CLAIMANT) is attach_ok
    other_manager = replace(manager, department_id=2)
    assert not policies.can_delete_claim_attachment(other_manager, claim, CLAIMANT)
    # reading follows the claim: its claimant, its department's readers, every department's readers
    assert policies.can_see_document(claimant, claim)
    assert policies.can_see_document(_actor(OTHER, "operations.read"), claim)
    assert not policies.can_see_document(_actor(OTHER, "operations.read", department=2), claim)
    assert policies.can_see_document(_actor(OTHER, "operations.read", "operations.read_all_departments", department=2),
                                     claim)
    assert not policies.can_see_document(_actor(OTHER, "operations.claim_expenses"), claim)


# ---------------------------------------------------------------- types and text, by content

@pytest.mark.parametrize(("data", "expected"), [
    (files.pdf("a"), detect.PDF), (files.PNG_1PX, detect.PNG), (files.ofd(), detect.OFD),
    (files.E_INVOICE_XML, detect.XML), (files.docx("报销"), detect.DOCX), (files.xlsx([["差旅", 1]]), detect.XLSX),
    ("住宿 3 晚".encode(), detect.TEXT), ("住宿 3 晚".encode("gb18030"), detect.TEXT),
])
def test_allowed_types_are_read_from_the_content(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "upload.bin"  # the name says nothing
    path.write_bytes(data)
    found = detect.detect(path)
    assert found.content_type == expected and found.allowed


@pytest.mark.parametrize("data", [files.EXE, files.plain_zip(), b"<html><script>alert(1)</script></html>",
                                  b"\x7fELF\x02\x01\x01" + b"\x00" * 200, b"\x00\x01\x02\x03" * 64])
def test_other_content_is_not_allowed(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(data)
    assert not detect.detect(path).allowed


def _text(tmp_path: Path, data: bytes, max_chars: int = 10_000) -> str | None:
    path = tmp_path / "f"
    path.write_bytes(data)
    return extract_text(path, detect.detect(path), max_chars=max_chars, seconds=5)


def test_text_is_read_from_pdf_word_excel_text_and_xml(tmp_path: Path) -> None:
    assert "Invoice 26440000000012345678" in (_text(tmp_path, files.pdf("Invoice 26440000000012345678")) or "")
    assert "上海住宿费三晚" in (_text(tmp_path, files.docx("上海住宿费三晚", "合计 1,200 元")) or "")
    sheet = _text(tmp_path, files.xlsx([["项目", "金额"], ["高铁票", 553.5]])) or ""
    assert "费用明细" in sheet and "高铁票 553.5" in sheet
    assert "上海云帆科技有限公司" in (_text(tmp_path, files.E_INVOICE_XML) or "")
    assert "<Seller>" not in (_text(tmp_path, files.E_INVOICE_XML) or "")
    assert _text(tmp_path, "发票 号码".encode("gb18030")) == "发票 号码"
    assert _text(tmp_path, files.PNG_1PX) is None and _text(tmp_path, files.ofd()) is None


def test_text_is_bounded(tmp_path: Path) -> None:
    many = _text(tmp_path, files.pdf("word " * 60, pages=40), max_chars=500) or ""
    assert len(many) <= 500 and "page 1" in many and "page 40" not in many
    assert _text(tmp_path, b"%PDF-1.7\n1 0 obj broken") is None  # a damaged file has no text, no error


# ---------------------------------------------------------------- use cases

@pytest.fixture
async def people(session: AsyncSession):
    dept = await make_department(session, code="A-OPS", name="报销部门")
    claimant = await actor_for(session, await make_user(session, roles=("staff",), department=dept))
    manager = await actor_for(session, await make_user(session, roles=("manager",), department=dept))
    outsider = await actor_for(session, await make_user(session, roles=("business",),
                                                        department=await make_department(session, code="A-X", name="别处")))
    from datetime import date

    claim = await ops.create_expense_claim(session, actor=claimant, category="TRAVEL", amount=Decimal("50.00"),
                                           description="打车", day=date(2026, 11, 5))
    return claimant, manager, outsider, claim


async def _count(session: AsyncSession) -> int:
    return (await session.execute(select(func.count()).select_from(Attachment))).scalar_one()


async def test_same_content_is_stored_once_and_removed_with_its_last_attachment(
        session: AsyncSession, settings: Settings, people) -> None:
    claimant, manager, _, claim = people
    storage = storage_for(settings)
    assert isinstance(storage, LocalStorage)
    data = files.xlsx([["出租车", 50]])
    one = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "a.xlsx", data)
    two = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "b.xlsx", data)
    assert one.sha256 == two.sha256 and storage.path(one.sha256).read_bytes() == data
    assert one.text and "出租车 50" in one.text
    await service.delete_attachment(session, actor=claimant, attachment_id=one.id)
    events = {e.action: e for e in (await session.execute(select(AuditEvent).where(
        AuditEvent.subject_type == "attachment", AuditEvent.subject_id == str(one.id)))).scalars()}
    expected = {"owner_type": "ExpenseClaim", "owner_id": claim.id, "file_name": "a.xlsx", "size": len(data),
                "sha256": one.sha256, "uploaded_by_id": claimant.user_id}
    for recorded in (events["attachment.upload"].after, events["attachment.delete"].before):
        assert recorded is not None and expected.items() <= recorded.items()
        assert "text" not in recorded  # what was attached, not what it says
    old = (storage.path(one.sha256), )
    os.utime(old[0], (0, 0))  # older than the grace period of uploads in flight
    # The other attachment still names the content: it stays.
    assert await service.collect_garbage(session, storage=storage, stored=[(one.sha256, service.utcnow().replace(
        year=2000))]) == []
    assert storage.path(two.sha256).read_bytes() == data
    await service.delete_attachment(session, actor=manager, attachment_id=two.id)
    removed = await service.collect_garbage(session, storage=storage, stored=[(one.sha256, service.utcnow().replace(
        year=2000))])
    assert removed == [one.sha256] and not storage.path(one.sha256).exists()


async def test_the_daily_job_removes_only_old_contents_no_attachment_names(
        session: AsyncSession, settings: Settings, people) -> None:
    from yecai import manifest
    from yecai.actor import system_actor
    from yecai.attachments.jobs import JOBS

    claimant, _, _, claim = people
    storage = storage_for(settings)
    kept = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "kept.pdf", files.pdf("kept"))
    gone = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "gone.pdf", files.pdf("gone"))
    young = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "young.pdf", files.pdf("young"))
    await service.delete_attachment(session, actor=claimant, attachment_id=gone.id)
    await service.delete_attachment(session, actor=claimant, attachment_id=young.id)
    for a in (kept, gone):
        os.utime(storage.path(a.sha256), (0, 0))  # written long ago; young's file was written just now
    job = manifest.job("attachments.collect")
    assert job is JOBS[0] and job.cron == "30 3 * * *"
    now = service.utcnow()
    said = await job.run(session, actor=system_actor("scheduler"), settings=settings, since=None, until=now)
    assert said == "removed 1 stored contents"
    assert storage.path(kept.sha256).exists() and storage.path(young.sha256).exists()
    assert not storage.path(gone.sha256).exists()
    assert await job.run(session, actor=system_actor("scheduler"), settings=settings, since=now, until=now) == \
        "removed 0 stored contents"


async def test_content_stored_again_is_young_again_and_survives_the_collection(
        session: AsyncSession, settings: Settings, people) -> None:
    claimant, _, _, claim = people
    storage = storage_for(settings)
    assert isinstance(storage, LocalStorage)
    data = files.pdf("stored again")
    gone = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "gone.pdf", data)
    await service.delete_attachment(session, actor=claimant, attachment_id=gone.id)
    os.utime(storage.path(gone.sha256), (0, 0))  # its content was written long ago
    # The same content uploaded again, its row not committed yet (another transaction): the job must spare it.
    again = received(storage, data)
    assert await storage.put(again.sha256, again.path) is False and not again.path.exists()
    assert storage.path(gone.sha256).stat().st_mtime > service.utcnow().timestamp() - 60
    stored = [(sha, modified) for sha, modified in await storage.stored() if sha == gone.sha256]
    assert await service.collect_garbage(session, storage=storage, stored=stored) == []
    assert storage.path(gone.sha256).read_bytes() == data


async def test_refusals_change_nothing(session: AsyncSession, settings: Settings, people) -> None:
    claimant, manager, outsider, claim = people
    storage = storage_for(settings)
    before = await _count(session)
    cases = [(outsider, files.pdf("x"), "NOT_FOUND"), (manager, files.pdf("x"), "PERMISSION_DENIED"),
             (claimant, files.EXE, "FILE_TYPE_NOT_ALLOWED")]
    for actor, data, code in cases:
        with pytest.raises(DomainError) as caught:
            await attach(session, actor, storage, "ExpenseClaim", claim.id, "收据.pdf", data)
        assert caught.value.code == code
    with pytest.raises(DomainError) as caught:
        await attach(session, claimant, storage, "ExpenseClaim", claim.id, "收据.pdf", files.pdf("x"),
                     limits=service.Limits(max_bytes=100))
    assert (caught.value.code, caught.value.field) == ("FILE_TOO_LARGE", "file")
    with pytest.raises(DomainError) as caught:
        await attach(session, claimant, storage, "ExpenseClaim", claim.id, "a\u202ecod.pdf", files.pdf("x"))
    assert caught.value.field == "file"
    assert await _count(session) == before
    attached = await attach(session, claimant, storage, "ExpenseClaim", claim.id, "收据.pdf", files.pdf("ok"))
    with pytest.raises(DomainError) as caught:
        await service.delete_attachment(session, actor=outsider, attachment_id=attached.id)
    assert caught.value.code == "NOT_FOUND"
    with pytest.raises(DomainError) as caught:
        await service.for_download(session, actor=outsider, attachment_id=attached.id)
    assert caught.value.code == "NOT_FOUND"


def test_file_names_lose_their_folders_and_keep_their_extension() -> None:
    assert service.clean_file_name("C:\\Users\\张三\\发票.pdf") == "发票.pdf"
    assert service.clean_file_name("../../etc/passwd") == "passwd"
    long = service.clean_file_name("发" * 300 + ".pdf")
    assert len(long) == 255 and long.endswith(".pdf")


@pytest.mark.skipif(not os.environ.get("YECAI_TEST_S3_URL"),
                    reason="YECAI_TEST_S3_URL is not set: S3 storage is tested only against a server "
                           "(e.g. http://key:secret@127.0.0.1:9000/bucket, a MinIO)")
async def test_s3_storage_round_trip(tmp_path: Path) -> None:
    import hashlib
    from urllib.parse import urlsplit

    from yecai.attachments.storage import S3Storage

    url = urlsplit(os.environ["YECAI_TEST_S3_URL"])
    storage = S3Storage(endpoint=f"{url.scheme}://{url.hostname}:{url.port}", bucket=url.path.strip("/"),
                        key=url.username or "", secret=url.password or "", region=None, prefix="yecai-test/",
                        temp_dir=tmp_path)
    data = files.pdf("s3")
    sha = hashlib.sha256(data).hexdigest()
    temp = tmp_path / "t"
    temp.write_bytes(data)
    assert await storage.put(sha, temp) in (True, False) and not temp.exists()
    assert await storage.exists(sha)
    temp.write_bytes(data)
    assert await storage.put(sha, temp) is False and not temp.exists()  # stored again: its LastModified refreshed
    assert await storage.exists(sha)
    assert b"".join([c async for c in storage.read(sha)]) == data
    await storage.delete(sha)
    assert not await storage.exists(sha)
