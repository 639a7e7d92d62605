"""Who may do what with notifications: each user reads, marks and configures only their own."""

from __future__ import annotations

from yecai.actor import Actor


def can_use(actor: Actor) -> bool:
    """Every signed-in user has a notification centre; the system and the anonymous have none."""
    return actor.kind == "user" and actor.user_id is not None


def can_see(actor: Actor, recipient_id: int) -> bool:
    """A notification is its recipient's alone: no right, role or department shows it to anyone else."""
    return can_use(actor) and actor.user_id == recipient_id
