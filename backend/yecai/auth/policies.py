"""Who may do what with users, roles and tokens: pure rules over (actor, object)."""

from __future__ import annotations

from yecai.actor import Actor
from yecai.auth import permissions as p
from yecai.auth.models import ApiToken, Role, User
from yecai.org import permissions as org


def can_read_users(actor: Actor) -> bool:
    return actor.has(org.ORG_READ)


def can_create_user(actor: Actor) -> bool:
    return actor.has(org.ORG_MANAGE_USERS)


def can_update_user(actor: Actor, user: User) -> bool:
    return actor.has(org.ORG_MANAGE_USERS)


def can_deactivate_user(actor: Actor, user: User) -> bool:
    # Nobody locks themselves out.
    return actor.has(org.ORG_MANAGE_USERS) and not actor.is_user(user.id)


def can_reset_password(actor: Actor, user: User) -> bool:
    # One's own password is changed with the current one, never reset.
    return actor.has(org.ORG_MANAGE_USERS) and not actor.is_user(user.id)


def can_assign_roles(actor: Actor, user: User) -> bool:
    # Changing one's own roles could only escalate or lock out.
    return actor.has(p.AUTH_MANAGE_ROLES) and not actor.is_user(user.id)


def can_manage_roles(actor: Actor) -> bool:
    return actor.has(p.AUTH_MANAGE_ROLES)


def can_update_role(actor: Actor, role: Role) -> bool:
    return actor.has(p.AUTH_MANAGE_ROLES)


def can_delete_role(actor: Actor, role: Role) -> bool:
    return actor.has(p.AUTH_MANAGE_ROLES) and not role.builtin


def can_use_api_tokens(actor: Actor) -> bool:
    return actor.kind == "user" and actor.has(p.AUTH_USE_API_TOKENS)


def can_revoke_api_token(actor: Actor, token: ApiToken) -> bool:
    return actor.is_user(token.user_id) or actor.has(org.ORG_MANAGE_USERS)


def can_change_own_password(actor: Actor) -> bool:
    return actor.kind == "user"
