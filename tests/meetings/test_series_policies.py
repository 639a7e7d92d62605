"""Who may change a meeting series, as a truth table: (actor, series state) -> allowed."""

from __future__ import annotations

import pytest

from yecai.actor import Actor, system_actor
from yecai.meetings import permissions as p
from yecai.meetings import policies
from yecai.meetings.models import MeetingSeries

ORGANIZER, DEPT, ABOVE, ELSEWHERE = 7, 20, 10, 30
CHAIN = frozenset({DEPT, ABOVE})  # the series' department and the one above it


def user(uid: int, *perms: str, department: int = ELSEWHERE, roles: tuple[str, ...] = ()) -> Actor:
    return Actor(kind="user", user_id=uid, permissions=frozenset({p.MEETINGS_READ, *perms}), roles=frozenset(roles),
                 department_id=department)


MANAGE, OVERSEE = p.MEETINGS_MANAGE, p.MEETINGS_OVERSEE
ACTORS = {
    "organizer": user(ORGANIZER, MANAGE),
    "organizer without manage": user(ORGANIZER),
    "organiser elsewhere": user(8, MANAGE),
    "manager above": user(9, MANAGE, OVERSEE, department=ABOVE),
    "manager elsewhere": user(10, MANAGE, OVERSEE),
    "reader role holder": user(11, MANAGE, roles=("auditor",)),
    "reader role without manage": user(12, roles=("auditor",)),
    "reader": user(13),
    "anonymous": Actor(kind="anonymous"),
    "system": system_actor("test"),
}
#                               plain  confidential
TABLE = {"organizer": (True, True), "organizer without manage": (False, False), "organiser elsewhere": (True, False),
         "manager above": (True, True), "manager elsewhere": (True, False), "reader role holder": (True, True),
         "reader role without manage": (False, False), "reader": (False, False), "anonymous": (False, False),
         "system": (True, True)}


@pytest.mark.parametrize("who", TABLE)
@pytest.mark.parametrize("confidential", [False, True])
def test_who_may_edit_a_series(who: str, confidential: bool) -> None:
    series = MeetingSeries(organizer_id=ORGANIZER, department_id=DEPT, confidential=confidential,
                           reader_roles=["auditor"] if confidential else [])
    assert policies.can_edit_series(ACTORS[who], series, CHAIN) is TABLE[who][confidential]
