"""Mutations of certificates: HR issues (manual honour and training certificates) and revokes them."""

import datetime as dt
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.certificates import errors, models, service
from yecai.certificates import permissions as p
from yecai.graphql.base import decode_id, mutation
from yecai.graphql.certificates import types as t


@strawberry.input(description="A certificate to issue; `issuedOn` defaults to today (Asia/Shanghai).")
class IssueCertificateInput:
    holder_id: strawberry.ID
    kind: t.CertificateKind
    title: str
    issuer: str
    issued_on: Optional[dt.date] = None
    citation: str = strawberry.field(default="", description="Its wording; empty: the kind's own words.")
    subject_id: Optional[strawberry.ID] = strawberry.field(
        default=None, description="The global id of the object it is for, if any.")


@strawberry.input
class RevokeCertificateInput:
    id: strawberry.ID
    reason: str


@strawberry.type
class CertificatesMutations:
    @mutation("Issue a certificate (证书) to a user, with a fresh verification code.",
              permission=p.CERTIFICATES_ISSUE, returns=("certificate", t.Certificate))
    async def issue_certificate(self, info: Info, input: IssueCertificateInput) -> t.Certificate:
        return t.Certificate.from_model(await service.issue_certificate(
            info.context.session, actor=info.context.actor, kind=models.CertificateKind(input.kind.value),
            holder_id=decode_id(input.holder_id, "User", "holderId"), title=input.title, issuer=input.issuer,
            issued_on=input.issued_on, citation=input.citation,
            subject_id=str(input.subject_id) if input.subject_id else None))

    @mutation("Revoke a certificate, with a reason: its verification page then shows it as revoked.",
              permission=p.CERTIFICATES_REVOKE, errors=[errors.ALREADY_REVOKED],
              returns=("certificate", t.Certificate))
    async def revoke_certificate(self, info: Info, input: RevokeCertificateInput) -> t.Certificate:
        return t.Certificate.from_model(await service.revoke_certificate(
            info.context.session, actor=info.context.actor,
            certificate_id=decode_id(input.id, "Certificate"), reason=input.reason))
