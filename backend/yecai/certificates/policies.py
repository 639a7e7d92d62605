"""Who may do what with certificates: pure rules over (actor, certificate, the holder's department chain).

A certificate is seen (and its PDF downloaded) by its holder, by the holder's managers up the department
tree (holders of ``certificates.oversee`` whose department is the holder's or one above it) and by holders
of ``certificates.read_all`` (HR). Anyone may check a verification code on the public page, which shows
only the holder's name, the title, the date and the state.
"""

from __future__ import annotations

from yecai.actor import Actor
from yecai.certificates import permissions as p
from yecai.certificates.models import Certificate, CertificateState


def reads_all(actor: Actor) -> bool:
    return actor.has(p.CERTIFICATES_READ_ALL)


def oversees(actor: Actor, holder_chain: frozenset[int]) -> bool:
    """A manager of the holder's department or of one above it (the chain holds them all)."""
    return actor.has(p.CERTIFICATES_OVERSEE) and actor.department_id is not None \
        and actor.department_id in holder_chain


def can_see(actor: Actor, certificate: Certificate, holder_chain: frozenset[int]) -> bool:
    if actor.kind == "system":
        return True
    if actor.kind != "user":
        return False
    return actor.is_user(certificate.holder_id) or reads_all(actor) or oversees(actor, holder_chain)


def can_issue(actor: Actor) -> bool:
    return actor.has(p.CERTIFICATES_ISSUE)


def may_revoke(actor: Actor) -> bool:
    return actor.has(p.CERTIFICATES_REVOKE)


def can_revoke(actor: Actor, certificate: Certificate) -> bool:
    """Revoking needs the permission; a revoked certificate stays revoked."""
    return may_revoke(actor) and certificate.state == CertificateState.VALID
