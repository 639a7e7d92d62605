"""Certificates from issue to revocation: what each may see, bad input named by field with nothing written,
denied requests changing nothing, the public check of a code (valid, revoked, unknown, tampered), audit events."""

from __future__ import annotations

import base64
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.certificates.conftest import Org
from tests.dbstate import fingerprint
from yecai.actor import system_actor
from yecai.audit.models import AuditEvent
from yecai.certificates import codes, service
from yecai.certificates.models import Certificate, CertificateKind, CertificateState
from yecai.certificates.service import VerificationStatus
from yecai.errors import DomainError


async def events(session: AsyncSession, action: str, certificate_id: int) -> list[AuditEvent]:
    return list((await session.execute(select(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.subject_id == str(certificate_id)))).scalars())


async def test_hr_issues_and_revokes_and_the_public_check_follows(session: AsyncSession, org: Org) -> None:
    cert = await org.issue(session, kind="TRAINING", title="新会计准则专题培训", issued_on=date(2026, 11, 30))
    assert cert.state == CertificateState.VALID and cert.kind == CertificateKind.TRAINING
    assert codes.genuine(cert.code) == cert.code and cert.issued_by_id == org.hr.id
    (issued,) = await events(session, "certificate.issue", cert.id)
    assert issued.actor_id == org.hr.id and issued.after["title"] == "新会计准则专题培训"
    found = await service.verify(session, code=codes.grouped(cert.code))
    assert found == service.Verification(VerificationStatus.VALID, "张晓明", "新会计准则专题培训", date(2026, 11, 30))

    hr = await org.actor(session, org.hr)
    revoked = await service.revoke_certificate(session, actor=hr, certificate_id=cert.id, reason="培训考核记录有误")
    assert revoked.state == CertificateState.REVOKED and revoked.revoke_reason == "培训考核记录有误"
    assert revoked.revoked_at is not None and revoked.revoked_by_id == org.hr.id
    (event,) = await events(session, "certificate.revoke", cert.id)
    assert event.before["state"] == "VALID" and event.after["state"] == "REVOKED"
    assert (await service.verify(session, code=cert.code)).status == VerificationStatus.REVOKED
    with pytest.raises(DomainError) as caught:
        await service.revoke_certificate(session, actor=hr, certificate_id=cert.id, reason="再次撤销")
    assert caught.value.code == "ALREADY_REVOKED"


async def test_a_tampered_or_unknown_code_is_shown_as_such(session: AsyncSession, org: Org) -> None:
    cert = await org.issue(session)
    flipped = cert.code[:5] + ("A" if cert.code[5] != "A" else "B") + cert.code[6:]
    assert (await service.verify(session, code=flipped)).status == VerificationStatus.TAMPERED
    assert (await service.verify(session, code="not a code")).status == VerificationStatus.TAMPERED
    # Genuine under the key, but never issued: unknown, and nothing of anyone shown.
    assert await service.verify(session, code=codes.new_code()) == service.Verification(VerificationStatus.UNKNOWN)
    # Issued under another key (another install, or a key that changed): refused before any lookup.
    other = codes.new_code(b"another install's key")
    session.add(Certificate(code=other, kind=CertificateKind.HONOUR, holder_id=org.holder.id, title="伪造",
                            issued_on=date(2026, 1, 1), issuer="某单位", state=CertificateState.VALID))
    await session.flush()
    assert (await service.verify(session, code=other)).status == VerificationStatus.TAMPERED


@pytest.mark.parametrize(("who", "sees"), [
    ("holder", True), ("hr", True), ("east_manager", True), ("sales_manager", True), ("other_manager", False),
    ("colleague", False), ("auditor", False),
])
async def test_who_sees_a_certificate_in_lists_and_by_code(session: AsyncSession, org: Org, who: str,
                                                          sees: bool) -> None:
    cert = await org.issue(session)
    mine = await org.issue(session, holder_id=org.colleague.id, title="协作之星")
    actor = await org.actor(session, getattr(org, who))
    listed = set((await session.execute(await service.certificates_query(session, actor=actor))).scalars())
    assert (cert in listed) is sees
    if who == "colleague":
        assert listed == {mine}
    if sees:
        assert (await service.certificate_by_code(session, actor=actor, code=cert.code)).id == cert.id
    else:
        with pytest.raises(DomainError) as caught:
            await service.certificate_by_code(session, actor=actor, code=cert.code)
        assert caught.value.code == "PERMISSION_DENIED"


async def test_mine_lists_the_viewers_own_only(session: AsyncSession, org: Org) -> None:
    await org.issue(session)
    other = await org.issue(session, holder_id=org.colleague.id)
    hr = await org.actor(session, org.hr)
    assert other in set((await session.execute(await service.certificates_query(session, actor=hr))).scalars())
    assert list((await session.execute(await service.certificates_query(session, actor=hr, mine=True))).scalars()) == []


@pytest.mark.parametrize("who", ["holder", "east_manager", "sales_manager", "colleague", "auditor"])
async def test_issuing_and_revoking_are_denied_without_the_permission(session: AsyncSession, org: Org,
                                                                     who: str) -> None:
    cert = await org.issue(session)
    actor = await org.actor(session, getattr(org, who))
    before = await fingerprint(session)
    for attempt in (service.issue_certificate(session, actor=actor, kind="HONOUR", holder_id=actor.user_id,
                                              title="自封", issuer="本人"),
                    service.revoke_certificate(session, actor=actor, certificate_id=cert.id, reason="不想要")):
        with pytest.raises(DomainError) as caught:
            await attempt
        assert caught.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "GOLD"}, "kind"),
    ({"holder_id": 999_999}, "holderId"),
    ({"title": "  "}, "title"),
    ({"title": "长" * 201}, "title"),
    ({"issuer": ""}, "issuer"),
    ({"issuer": "人力\u200b资源部"}, "issuer"),
    ({"issued_on": service.today() + timedelta(days=1)}, "issuedOn"),
    ({"citation": "x" * 1001}, "citation"),
    ({"subject_id": "not-a-global-id"}, "subjectId"),
    ({"subject_id": base64.b64encode(b"no colon").decode()}, "subjectId"),
])
async def test_bad_input_is_named_and_nothing_is_written(session: AsyncSession, org: Org, change: dict,
                                                         field: str) -> None:
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await org.issue(session, **change)
    assert (caught.value.code, caught.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before


async def test_an_inactive_holder_and_an_empty_reason_are_refused(session: AsyncSession, org: Org) -> None:
    cert = await org.issue(session)
    org.colleague.active = False
    await session.flush()
    with pytest.raises(DomainError) as caught:
        await org.issue(session, holder_id=org.colleague.id)
    assert caught.value.field == "holderId"
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await service.revoke_certificate(session, actor=await org.actor(session, org.hr), certificate_id=cert.id,
                                         reason=" ")
    assert (caught.value.code, caught.value.field) == ("INVALID_INPUT", "reason")
    assert await fingerprint(session) == before


async def test_another_domain_issues_once_per_object_through_its_own_rule(session: AsyncSession, org: Org) -> None:
    """What learning does when a training is completed: its own rule, not certificates.issue, grants it."""
    learner = await org.actor(session, org.holder)
    subject = base64.b64encode(b"TrainingCompletion:42").decode()
    first = await service.issue_certificate(session, actor=learner, kind="TRAINING", holder_id=org.holder.id,
                                            title="反洗钱合规培训", issuer="培训中心", subject_id=subject,
                                            granted_by="learning.completion")
    again = await service.issue_certificate(session, actor=learner, kind="TRAINING", holder_id=org.holder.id,
                                            title="反洗钱合规培训", issuer="培训中心", subject_id=subject,
                                            granted_by="learning.completion")
    assert again.id == first.id and first.subject_id == subject
    (event,) = await events(session, "certificate.issue", first.id)
    assert event.actor_id == org.holder.id and event.after["granted_by"] == "learning.completion"
    count = (await session.execute(select(func.count()).select_from(Certificate).where(
        Certificate.subject_id == subject))).scalar_one()
    assert count == 1
    # Once revoked, the object may be certified anew.
    await service.revoke_certificate(session, actor=system_actor(), certificate_id=first.id, reason="重新考核")
    renewed = await service.issue_certificate(session, actor=learner, kind="TRAINING", holder_id=org.holder.id,
                                              title="反洗钱合规培训", issuer="培训中心", subject_id=subject,
                                              granted_by="learning.completion")
    assert renewed.id != first.id and renewed.code != first.code
