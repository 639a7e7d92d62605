"""Who may do what with performance: pure rules over (actor, object, the departments above it).

Confidentiality: a scorecard, its lines, evidence, assessments and comments are for the person it scores,
their managers up the department tree (holders of ``performance.assess`` whose department is the scorecard's
department or one above it) and HR (``performance.manage``) only. A department's scorecard is for its managers
up the tree and HR. The person sees their final score and grade once the cycle is published.
"""

from __future__ import annotations

from yecai.actor import Actor
from yecai.performance import permissions as p
from yecai.performance.models import CycleState, EvaluationCycle, Relation, Scorecard, Subject

ASSESSING = {Relation.SELF: (CycleState.SELF_ASSESSMENT,),
             Relation.PEER: (CycleState.SELF_ASSESSMENT, CycleState.MANAGER_ASSESSMENT),
             Relation.MANAGER: (CycleState.MANAGER_ASSESSMENT,)}


def can_read(actor: Actor) -> bool:
    return actor.has(p.PERFORMANCE_READ)


def can_manage(actor: Actor) -> bool:
    """HR: cycles, indicators, templates, calibration, publishing; sees every scorecard."""
    return actor.has(p.PERFORMANCE_MANAGE)


def manages(actor: Actor, chain: frozenset[int]) -> bool:
    """A manager of a department of ``chain`` (the scorecard's department and every one above it)."""
    return (actor.kind == "user" and actor.has(p.PERFORMANCE_ASSESS) and actor.department_id is not None
            and actor.department_id in chain)


def is_person(actor: Actor, card: Scorecard) -> bool:
    return card.subject == Subject.PERSON and actor.is_user(card.user_id)


def can_see_scorecard(actor: Actor, card: Scorecard, chain: frozenset[int]) -> bool:
    if can_manage(actor):
        return True
    if not can_read(actor):
        return False
    return is_person(actor, card) or (manages(actor, chain) and not is_person(actor, card))


def can_see_result(actor: Actor, card: Scorecard, chain: frozenset[int], cycle: EvaluationCycle) -> bool:
    """The final score and grade: HR and managers always, the person once published."""
    if not can_see_scorecard(actor, card, chain):
        return False
    if is_person(actor, card):
        return cycle.state in (CycleState.PUBLISHED, CycleState.CLOSED) or can_manage(actor)
    return True


def relation_of(actor: Actor, card: Scorecard, chain: frozenset[int], colleague: bool) -> Relation | None:
    """How the actor may assess this scorecard: themselves, as a manager, as a peer (same department); or not."""
    if not can_read(actor) or actor.kind != "user" or card.subject != Subject.PERSON:
        return None
    if is_person(actor, card):
        return Relation.SELF
    if manages(actor, chain):
        return Relation.MANAGER
    if colleague:
        return Relation.PEER
    return None


def can_assess(actor: Actor, card: Scorecard, chain: frozenset[int], colleague: bool,
               cycle: EvaluationCycle) -> bool:
    relation = relation_of(actor, card, chain, colleague)
    return relation is not None and cycle.state in ASSESSING[relation]


def can_calibrate(actor: Actor, cycle: EvaluationCycle) -> bool:
    return can_manage(actor) and cycle.state == CycleState.CALIBRATION


def can_change_cycle(actor: Actor) -> bool:
    return can_manage(actor)
