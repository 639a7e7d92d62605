"""Who may do what with information sharing: pure rules over (actor, object, what is known of its audience).

A rule's audience is departments (with the departments under them), roles and users. A publication carries
its audience frozen when it is published (departments already expanded down the tree), and who publishes it
(the rule's responsible person and deputy), so these rules need nothing else. Receipts are written for the
audience's people when it is published (lists read them); someone who joined the audience later gets theirs
when they acknowledge. Only the audience sees a
published publication; the responsible person and deputy see it from the moment it is due; holders of
``sharing.manage`` see everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yecai.actor import Actor
from yecai.sharing import permissions as p
from yecai.sharing.models import Feedback, Publication, PublicationState, SharingRule


@dataclass(frozen=True)
class Reach:
    """Who an audience reaches: departments (already with those under them), role codes, user ids."""

    departments: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()
    users: frozenset[int] = frozenset()

    @classmethod
    def of(cls, value: dict[str, Any] | None) -> Reach:
        value = value or {}
        return cls(frozenset(value.get("departments", ())), frozenset(value.get("roles", ())),
                   frozenset(value.get("users", ())))

    def as_json(self) -> dict[str, list[Any]]:
        return {"departments": sorted(self.departments), "roles": sorted(self.roles), "users": sorted(self.users)}


def reaches(actor: Actor, reach: Reach) -> bool:
    if actor.kind != "user" or actor.user_id is None:
        return False
    return (actor.user_id in reach.users or bool(actor.roles & reach.roles)
            or (actor.department_id is not None and actor.department_id in reach.departments))


def can_read(actor: Actor) -> bool:
    return actor.has(p.SHARING_READ)


def can_manage(actor: Actor) -> bool:
    return actor.has(p.SHARING_MANAGE)


def can_evaluate(actor: Actor) -> bool:
    """Sees figures: everyone's with ``sharing.manage``, of one's departments with ``sharing.evaluate``."""
    return can_manage(actor) or (actor.has(p.SHARING_EVALUATE) and actor.department_id is not None)


def publishes(actor: Actor, responsible_id: int | None, deputy_id: int | None) -> bool:
    return actor.is_user(responsible_id) or actor.is_user(deputy_id)


def can_see_rule(actor: Actor, rule: SharingRule, reach: Reach) -> bool:
    return can_manage(actor) or (can_read(actor) and (publishes(actor, rule.responsible_id, rule.deputy_id)
                                                      or reaches(actor, reach)))


def can_create_rule(actor: Actor) -> bool:
    return can_manage(actor)


def can_change_rule(actor: Actor, rule: SharingRule) -> bool:
    return can_manage(actor)


def can_see_publication(actor: Actor, publication: Publication) -> bool:
    if can_manage(actor):
        return True
    if not can_read(actor):
        return False
    if publishes(actor, publication.responsible_id, publication.deputy_id):
        return True
    return publication.state == PublicationState.PUBLISHED and reaches(actor, Reach.of(publication.audience))


def is_receiver(actor: Actor, publication: Publication) -> bool:
    return (can_read(actor) and publication.state == PublicationState.PUBLISHED
            and reaches(actor, Reach.of(publication.audience)))


def speaks_for(actor: Actor, publication: Publication) -> bool:
    """Who publishes it and answers its feedback: the responsible person, the deputy, or an admin standing in."""
    return can_manage(actor) or (can_read(actor) and publishes(actor, publication.responsible_id,
                                                               publication.deputy_id))


def can_publish(actor: Actor, publication: Publication) -> bool:
    """While it is not yet published (a missed one: late)."""
    return speaks_for(actor, publication) and publication.state != PublicationState.PUBLISHED


def can_acknowledge(actor: Actor, publication: Publication) -> bool:
    return is_receiver(actor, publication)


def can_add_feedback(actor: Actor, publication: Publication) -> bool:
    return is_receiver(actor, publication)


def can_answer(actor: Actor, publication: Publication, feedback: Feedback) -> bool:
    return speaks_for(actor, publication) and feedback.answered_at is None


def can_attach(actor: Actor, publication: Publication) -> bool:
    """Files are added by who publishes (before publishing, or to a published one as an addendum)."""
    return can_read(actor) and publishes(actor, publication.responsible_id, publication.deputy_id)


def can_delete_attachment(actor: Actor, publication: Publication, uploader_id: int | None) -> bool:
    return (can_attach(actor, publication) and publication.state != PublicationState.PUBLISHED) or (
        can_manage(actor))
