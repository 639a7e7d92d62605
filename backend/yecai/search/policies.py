"""Who may do what with search."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.search import permissions as p


def can_search(actor: Actor) -> bool:
    """Every signed-in user searches; what they find is filtered by what they may open."""
    return actor.authenticated


def can_manage(actor: Actor) -> bool:
    """See the index's status and the searches that found nothing; rebuild it."""
    return actor.has(p.SEARCH_MANAGE)
