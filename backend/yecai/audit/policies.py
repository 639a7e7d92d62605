"""Who may read the audit trail."""

from __future__ import annotations

from yecai.auth import permissions as p
from yecai.auth.actor import Actor


def can_read_audit(actor: Actor) -> bool:
    return actor.has(p.AUDIT_READ)
