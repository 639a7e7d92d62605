"""Who may read the audit trail."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.audit import permissions as p


def can_read_audit(actor: Actor) -> bool:
    return actor.has(p.AUDIT_READ)
