"""Who may do what with posting rules: pure rules over the actor."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.posting import permissions as p


def can_read(actor: Actor) -> bool:
    """See rules, preview what they would post and replay them over a period."""
    return actor.has(p.POSTING_READ)


def can_manage_rules(actor: Actor) -> bool:
    """Create rules, publish versions, switch rules on and off."""
    return actor.has(p.POSTING_MANAGE)
