"""GraphQL types of certificates: the certificate (for its holder, their managers and HR) and what the public
verification page shows of a code (name, title, date and state, nothing else)."""

import asyncio
import datetime as dt
from collections.abc import Sequence
from typing import Any, Optional

import strawberry
from strawberry.types import Info

from yecai.certificates import codes, models, policies, service
from yecai.graphql.auth.types import User
from yecai.graphql.base import ModelNode

CertificateKind = strawberry.enum(models.CertificateKind, name="CertificateKind",
                                  description="HONOUR 荣誉证书, TRAINING 培训结业证书.")
CertificateState = strawberry.enum(models.CertificateState, name="CertificateState",
                                   description="VALID 有效, REVOKED 已撤销 (with a reason and time).")
VerificationStatus = strawberry.enum(
    service.VerificationStatus, name="CertificateVerificationStatus",
    description="VALID 有效, REVOKED 已撤销, UNKNOWN 无此证书 (a genuine-looking code no certificate has), "
                "TAMPERED 核验码无效 (altered or made up: its check part does not match).")


async def holder_chain_of(info: Info, holder_id: int) -> frozenset[int]:
    """The holder's department and those above it, batched per request."""
    session = info.context.session

    async def batch(ids: list[int]) -> list[frozenset[int]]:
        found = await service.holder_chains(session, set(ids))
        return [found.get(i, frozenset()) for i in ids]

    return await info.context.loaders.batched("certificates:holder_chain", batch).load(holder_id)


@strawberry.type(description="What the viewer may do with this certificate (the server enforces regardless).")
class CertificateAbilities:
    revoke: bool


@strawberry.type(description="A certificate (证书): an honour certificate (荣誉证书) or a training completion "
                             "certificate (培训结业证书) held by one user, with its verification code (核验码). Seen by its "
                             "holder, the holder's managers up the department tree and HR.")
class Certificate(ModelNode):
    model = models.Certificate
    id: strawberry.relay.NodeID[int]
    code: str = strawberry.field(description="The verification code, as printed (groups of four).")
    kind: CertificateKind
    title: str
    citation: str = strawberry.field(description="Its wording; empty: the kind's own words around the title.")
    issued_on: dt.date
    issuer: str = strawberry.field(description="颁发单位, as printed.")
    subject_id: Optional[strawberry.ID] = strawberry.field(description="The global id of the object it is for "
                                                                       "(a training completion, an award), if any.")
    state: CertificateState
    revoke_reason: Optional[str]
    revoked_at: Optional[dt.datetime]
    _model: strawberry.Private[models.Certificate]

    @classmethod
    def from_model(cls, m: models.Certificate) -> "Certificate":
        return cls(id=m.id, code=codes.grouped(m.code), kind=m.kind, title=m.title, citation=m.citation,
                   issued_on=m.issued_on, issuer=m.issuer,
                   subject_id=strawberry.ID(m.subject_id) if m.subject_id else None, state=m.state,
                   revoke_reason=m.revoke_reason, revoked_at=m.revoked_at, _model=m)

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        actor = info.context.actor
        present = [row for row in rows if row is not None]
        chains = dict(zip([r.id for r in present], await asyncio.gather(
            *(holder_chain_of(info, r.holder_id) for r in present)), strict=True))
        return [row is not None and policies.can_see(actor, row, chains[row.id]) for row in rows]

    @strawberry.field
    async def holder(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.holder_id)

    @strawberry.field
    async def issued_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.issued_by_id)

    @strawberry.field
    async def revoked_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.revoked_by_id)

    @strawberry.field(description="Where to download it as a PDF (A4 landscape, with its QR code).")
    def pdf_url(self) -> str:
        return f"/certificates/{self._model.code}.pdf"

    @strawberry.field(description="Its public verification page (the QR code opens it, as an absolute address).")
    def verify_url(self) -> str:
        return f"/verify/{self._model.code}"

    @strawberry.field
    def viewer_can(self, info: Info) -> CertificateAbilities:
        return CertificateAbilities(revoke=policies.can_revoke(info.context.actor, self._model))


@strawberry.type(description="What the public verification page shows of a code: its status and, for a known "
                             "code, the holder's name, the title and the date of issue, nothing else.")
class CertificateVerification:
    status: VerificationStatus
    holder_name: Optional[str]
    title: Optional[str]
    issued_on: Optional[dt.date]
