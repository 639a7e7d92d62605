"""Who may read and change the work calendar."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.workdays import permissions as p


def can_read(actor: Actor) -> bool:
    """Every signed-in user (and the system) reads the calendar: deadlines everywhere are counted on it."""
    return actor.authenticated


def can_manage(actor: Actor) -> bool:
    return actor.has(p.WORKDAYS_MANAGE)
