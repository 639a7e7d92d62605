"""Queries of certificates: the viewer's own and those they may see, and the public check of a code."""

from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.certificates import models, service
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.certificates import types as t
from yecai.pagination import paginate


@strawberry.type
class CertificatesQueries:
    @strawberry.field(description="Certificates (证书) the viewer may see, newest first: their own (`mine`), those of "
                                  "the people of the departments they manage (`certificates.oversee`), everyone's "
                                  "(`certificates.read_all`); of a holder or a state. Any signed-in user.")
    async def certificates(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                           mine: bool = False, holder_id: Optional[strawberry.ID] = None,
                           state: Optional[t.CertificateState] = None) -> Optional[Connection[t.Certificate]]:
        async def run() -> Connection[t.Certificate]:
            stmt = await service.certificates_query(
                info.context.session, actor=info.context.actor, mine=mine,
                holder_id=decode_optional_id(holder_id, "User", "holderId"),
                state=models.CertificateState(state.value) if state else None)
            page = await paginate(info.context.session, stmt, order=[(models.Certificate.issued_on, True),
                                                                    (models.Certificate.id, True)],
                                  first=first, after=after)
            return connection(page, t.Certificate.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Check a verification code (核验码), as the public page does: VALID, REVOKED, "
                                  "UNKNOWN or TAMPERED, with the holder's name, the title and the date for a known "
                                  "code. Spaces and dashes are ignored. No sign-in needed.")
    async def certificate_verification(self, info: Info, code: str) -> Optional[t.CertificateVerification]:
        found = await service.verify(info.context.session, code=code[:100])
        return t.CertificateVerification(status=found.status, holder_name=found.holder_name, title=found.title,
                                         issued_on=found.issued_on)
