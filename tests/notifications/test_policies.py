"""Who sees a notification: its recipient, and no one else whatever their rights."""

from __future__ import annotations

import pytest

from yecai.actor import ANONYMOUS, Actor, system_actor
from yecai.manifest import permissions
from yecai.notifications import policies

EVERY_RIGHT = frozenset(p.code for p in permissions())


@pytest.mark.parametrize(("actor", "recipient", "sees"), [
    (Actor(kind="user", user_id=7), 7, True),
    (Actor(kind="user", user_id=8), 7, False),
    (Actor(kind="user", user_id=8, permissions=EVERY_RIGHT, roles=frozenset({"admin"})), 7, False),
    (system_actor(), 7, False),
    (ANONYMOUS, 7, False),
])
def test_only_the_recipient_sees_a_notification(actor: Actor, recipient: int, sees: bool) -> None:
    assert policies.can_see(actor, recipient) is sees


@pytest.mark.parametrize(("actor", "uses"), [(Actor(kind="user", user_id=1), True), (system_actor(), False),
                                             (ANONYMOUS, False)])
def test_every_user_has_a_notification_centre(actor: Actor, uses: bool) -> None:
    assert policies.can_use(actor) is uses
