"""Use cases of certificates: issue one (HR by hand, or another domain's rule through ``issue_certificate``),
revoke it with a reason, list what the viewer may see, and check a verification code for the public page.

Every function checks its policy first, validates its input (naming the field), writes an audit event and
commits nothing.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import User
from yecai.certificates import codes, errors, policies
from yecai.certificates.models import Certificate, CertificateKind, CertificateState
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.meetings.access import below, chain, department_tree
from yecai.workdays.recurrence import local

KIND_LABELS = {CertificateKind.HONOUR: "荣誉证书", CertificateKind.TRAINING: "培训结业证书"}
_GLOBAL_ID = re.compile(r"^[A-Z][A-Za-z0-9]*:[^\s]+$")


def today() -> date:
    """Today in Asia/Shanghai: the date a certificate issued now carries."""
    return local(utcnow()).date()


def _subject(value: str | None) -> str | None:
    """A global id (``base64("Type:id")``) of the object a certificate is for."""
    if value is None or value == "":
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    if len(value) > 200 or not _GLOBAL_ID.match(decoded):
        raise invalid("subjectId", "不是有效的全局标识", "is not a valid global id")
    return value


async def issue_certificate(session: AsyncSession, *, actor: Actor, kind: CertificateKind | str, holder_id: int,
                            title: str, issuer: str, issued_on: date | None = None, citation: str = "",
                            subject_id: str | None = None, granted_by: str | None = None) -> Certificate:
    """Issue a certificate (证书) to a user, with a fresh verification code.

    HR calls it with ``certificates.issue``. Another domain whose own rule grants a certificate (a training
    completion in learning, an award in performance) passes ``granted_by`` naming that rule
    (``"learning.completion"``), having checked its own policy: the permission is then not asked of the actor,
    and the audit event records both. With ``subject_id`` (the global id of the object it is for), issuing
    again for the same holder, kind and object returns the valid certificate already issued.
    """
    if granted_by is None and not policies.can_issue(actor):
        raise denied()
    if granted_by is not None:
        v.code(granted_by, "grantedBy")
    try:
        kind = CertificateKind(kind)
    except ValueError:
        raise invalid("kind", "应为 HONOUR（荣誉证书）或 TRAINING（培训结业证书）", "must be HONOUR or TRAINING") from None
    holder = await session.get(User, holder_id)
    if holder is None or not holder.active:
        raise invalid("holderId", "用户不存在或已停用", "is not a known active user")
    clean_title = v.required_text(title, "title", max_len=200)
    clean_issuer = v.name(issuer, "issuer", max_len=100)
    clean_citation = v.text(citation or "", "citation", max_len=1000, min_len=0) or ""
    subject = _subject(subject_id)
    on = issued_on or today()
    if on > today():
        raise invalid("issuedOn", "不能晚于今天", "must not be later than today")
    if subject is not None:
        existing = (await session.execute(select(Certificate).where(
            Certificate.holder_id == holder.id, Certificate.kind == kind, Certificate.subject_id == subject,
            Certificate.state == CertificateState.VALID))).scalars().first()
        if existing is not None:
            return existing
    certificate = Certificate(code=codes.new_code(), kind=kind, holder_id=holder.id, title=clean_title,
                              citation=clean_citation, issued_on=on, issuer=clean_issuer, subject_id=subject,
                              state=CertificateState.VALID, issued_by_id=actor.user_id, created_at=utcnow())
    session.add(certificate)
    await session.flush()
    await audit.record(session, actor=actor, action="certificate.issue", subject_type="certificate",
                       subject_id=certificate.id,
                       after=audit.snapshot(certificate, extra={"granted_by": granted_by} if granted_by else None))
    return certificate


async def revoke_certificate(session: AsyncSession, *, actor: Actor, certificate_id: int,
                             reason: str) -> Certificate:
    """Revoke a certificate: it stays on record, and its verification page shows it as revoked."""
    if not policies.may_revoke(actor):
        raise denied()
    certificate = (await session.execute(select(Certificate).where(Certificate.id == certificate_id)
                                         .with_for_update())).scalar_one_or_none()
    if certificate is None:
        raise not_found()
    clean_reason = v.required_text(reason, "reason", max_len=500)
    if certificate.state == CertificateState.REVOKED:
        raise DomainError(errors.ALREADY_REVOKED, field="id")
    before = audit.snapshot(certificate)
    certificate.state = CertificateState.REVOKED
    certificate.revoke_reason = clean_reason
    certificate.revoked_at = utcnow()
    certificate.revoked_by_id = actor.user_id
    await session.flush()
    await audit.record(session, actor=actor, action="certificate.revoke", subject_type="certificate",
                       subject_id=certificate.id, before=before, after=audit.snapshot(certificate))
    return certificate


async def holder_chains(session: AsyncSession, holder_ids: set[int]) -> dict[int, frozenset[int]]:
    """Each holder's department and every department above it (what ``policies.oversees`` reads)."""
    if not holder_ids:
        return {}
    tree = await department_tree(session)
    rows = (await session.execute(select(User.id, User.department_id).where(User.id.in_(holder_ids)))).all()
    return {uid: frozenset(chain(tree, dep)) for uid, dep in rows}


async def visible_filter(session: AsyncSession, actor: Actor) -> ColumnElement[bool]:
    """The certificates the actor may see, as a SQL condition (``policies.can_see``)."""
    if actor.kind == "system" or policies.reads_all(actor):
        return Certificate.id.is_not(None)
    if actor.kind != "user" or actor.user_id is None:
        return false()
    clauses: list[ColumnElement[bool]] = [Certificate.holder_id == actor.user_id]
    if actor.department_id is not None and policies.oversees(actor, frozenset({actor.department_id})):
        managed = below(await department_tree(session), actor.department_id)
        clauses.append(Certificate.holder_id.in_(select(User.id).where(User.department_id.in_(managed))))
    return or_(*clauses)


async def certificates_query(session: AsyncSession, *, actor: Actor, mine: bool = False,
                             holder_id: int | None = None,
                             state: CertificateState | None = None) -> Select[tuple[Certificate]]:
    """The certificates the actor may see: their own (``mine``), a holder's, of a state."""
    if not actor.authenticated:
        raise denied()
    stmt = select(Certificate).where(await visible_filter(session, actor))
    if mine:
        stmt = stmt.where(Certificate.holder_id == actor.user_id)
    if holder_id is not None:
        stmt = stmt.where(Certificate.holder_id == holder_id)
    if state is not None:
        stmt = stmt.where(Certificate.state == state)
    return stmt


async def certificate_by_code(session: AsyncSession, *, actor: Actor, code: str) -> Certificate:
    """The certificate of a verification code, for whoever may see it (its PDF)."""
    value = codes.genuine(code)
    certificate = None if value is None else (await session.execute(
        select(Certificate).where(Certificate.code == value))).scalar_one_or_none()
    if certificate is None:
        raise not_found("code")
    holder_chain = (await holder_chains(session, {certificate.holder_id})).get(certificate.holder_id, frozenset())
    if not policies.can_see(actor, certificate, holder_chain):
        raise denied()
    return certificate


class VerificationStatus(enum.StrEnum):
    VALID = "VALID"  # 有效
    REVOKED = "REVOKED"  # 已撤销
    UNKNOWN = "UNKNOWN"  # a genuine-looking code no certificate has
    TAMPERED = "TAMPERED"  # malformed, or its HMAC does not match: altered or made up


@dataclass(frozen=True)
class Verification:
    """What the public page shows of a code: the state, and for a known one the name, title and date only."""

    status: VerificationStatus
    holder_name: str | None = None
    title: str | None = None
    issued_on: date | None = None


async def verify(session: AsyncSession, *, code: str) -> Verification:
    """Check a verification code for anyone (no sign-in): a tampered code is refused without a lookup."""
    value = codes.genuine(code)
    if value is None:
        return Verification(VerificationStatus.TAMPERED)
    row = (await session.execute(select(Certificate, User.display_name).join(User, User.id == Certificate.holder_id)
                                 .where(Certificate.code == value))).first()
    if row is None:
        return Verification(VerificationStatus.UNKNOWN)
    certificate, name = row
    status = VerificationStatus.REVOKED if certificate.state == CertificateState.REVOKED else VerificationStatus.VALID
    return Verification(status, holder_name=name, title=certificate.title, issued_on=certificate.issued_on)
