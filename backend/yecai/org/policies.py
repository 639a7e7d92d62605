"""Who may do what with departments."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.org import permissions as p
from yecai.org.models import Department


def can_read_departments(actor: Actor) -> bool:
    return actor.has(p.ORG_READ)


def can_create_department(actor: Actor) -> bool:
    return actor.has(p.ORG_MANAGE_DEPARTMENTS)


def can_update_department(actor: Actor, department: Department) -> bool:
    return actor.has(p.ORG_MANAGE_DEPARTMENTS)


def can_delete_department(actor: Actor, department: Department) -> bool:
    return actor.has(p.ORG_MANAGE_DEPARTMENTS)
