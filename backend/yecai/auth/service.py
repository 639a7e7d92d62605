"""Use cases of identity and access: sign-in, sessions, users, roles, API tokens."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth import errors, policies
from yecai.auth import permissions as perms
from yecai.auth.models import (
    ApiToken,
    LoginAttempt,
    Role,
    RoleDefaultGrant,
    RolePermission,
    User,
    UserRole,
    UserSession,
)
from yecai.auth.passwords import hash_password, needs_rehash, verify_password
from yecai.auth.tokens import hash_api_token, issue_session_token, new_api_token_secret, new_session_id
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.org.models import Department

# ---------------------------------------------------------------- the actor


async def actor_for(session: AsyncSession, user: User, *, request_id: str | None = None,
                    client_address: str | None = None, session_id: str | None = None,
                    api_token_id: int | None = None) -> Actor:
    """The actor of an active user, with their roles and the union of their roles' permissions.

    Read on every request, so a change of roles or of a role's permissions applies at once.
    """
    rows = (
        await session.execute(
            select(Role.code, RolePermission.permission)
            .join(UserRole, UserRole.role_id == Role.id)
            .outerjoin(RolePermission, RolePermission.role_id == Role.id)
            .where(UserRole.user_id == user.id)
        )
    ).all()
    return Actor(
        kind="user",
        user_id=user.id,
        username=user.username,
        roles=frozenset(r.code for r in rows),
        permissions=frozenset(r.permission for r in rows if r.permission),
        department_id=user.department_id,
        request_id=request_id,
        client_address=client_address,
        session_id=session_id,
        api_token_id=api_token_id,
    )


# ---------------------------------------------------------------- sessions


async def start_session(session: AsyncSession, *, user: User, secret_key: str, ttl: timedelta,
                        client_address: str | None = None) -> str:
    """Start a session of ``user`` who just signed in, lasting ``ttl``; its signed token (the browser's
    cookie, or a bearer token for scripts). Expired sessions of anyone are swept on the way."""
    now = utcnow()
    await session.execute(delete(UserSession).where(UserSession.expires_at <= now))
    row = UserSession(id=new_session_id(), user_id=user.id, created_at=now, expires_at=now + ttl,
                      client_address=client_address[:64] if client_address else None)
    session.add(row)
    await session.flush()
    return issue_session_token(secret_key, user_id=user.id, session_id=row.id, ttl_seconds=int(ttl.total_seconds()))


async def user_for_session(session: AsyncSession, *, user_id: int, session_id: str) -> User | None:
    """The active user of a session that has not ended or expired; None otherwise."""
    return (
        await session.execute(
            select(User).join(UserSession, UserSession.user_id == User.id)
            .where(UserSession.id == session_id, UserSession.user_id == user_id,
                   UserSession.expires_at > utcnow(), User.active.is_(True))
        )
    ).scalar_one_or_none()


async def _end_sessions(session: AsyncSession, user_id: int, *, keep: str | None = None) -> int:
    """End every session of a user, but ``keep``; how many ended."""
    stmt = delete(UserSession).where(UserSession.user_id == user_id)
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep)
    return (await session.execute(stmt)).rowcount or 0  # type: ignore[attr-defined]


async def end_session(session: AsyncSession, *, actor: Actor) -> bool:
    """Sign out: end the session the actor came with (other devices stay signed in); False when none."""
    if actor.session_id is None or actor.user_id is None:
        return False
    result = await session.execute(
        delete(UserSession).where(UserSession.id == actor.session_id, UserSession.user_id == actor.user_id))
    if not result.rowcount:  # type: ignore[attr-defined]
        return False
    await audit.record(session, actor=actor, action="auth.logout", subject_type="user", subject_id=actor.user_id)
    return True


async def user_for_api_token(session: AsyncSession, *, secret: str) -> tuple[User, int] | None:
    """The active owner of an unrevoked, unexpired API token, and the token's id; notes when it was last used."""
    token = (
        await session.execute(select(ApiToken).where(ApiToken.token_hash == hash_api_token(secret)))
    ).scalar_one_or_none()
    now = utcnow()
    if token is None or token.revoked_at is not None or (token.expires_at and token.expires_at <= now):
        return None
    user = await session.get(User, token.user_id)
    if user is None or not user.active:
        return None
    # Written at most every few minutes, so reads stay reads.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now
    return user, token.id


# ---------------------------------------------------------------- sign-in


@dataclass(frozen=True)
class LoginOutcome:
    user: User | None
    error: DomainError | None


@dataclass(frozen=True)
class Throttle:
    """How many failed password checks an account and an address may make in a window."""

    window: timedelta
    max_per_user: int
    max_per_address: int


async def _throttled(session: AsyncSession, throttle: Throttle, username: str, address: str) -> bool:
    """Whether an account or an address used up its failures (sign-ins and password changes alike)."""
    since = utcnow() - throttle.window
    by_user = (
        await session.execute(
            select(func.count()).where(LoginAttempt.username == username, LoginAttempt.attempted_at >= since)
        )
    ).scalar_one()
    by_address = (
        await session.execute(
            select(func.count()).where(LoginAttempt.client_address == address, LoginAttempt.attempted_at >= since)
        )
    ).scalar_one()
    return by_user >= throttle.max_per_user or by_address >= throttle.max_per_address


async def login(
    session: AsyncSession,
    *,
    actor: Actor,
    username: str,
    password: str,
    window: timedelta,
    max_per_user: int,
    max_per_address: int,
) -> LoginOutcome:
    """Check a username and password, limiting failures per account and per address.

    Returns an outcome instead of raising, so the caller commits the failure record too.
    """
    name = (username or "").strip().lower()[:64]
    address = (actor.client_address or "unknown")[:64]
    if not name:
        return LoginOutcome(None, invalid("username", "不能为空", "is required"))
    if not password:
        return LoginOutcome(None, invalid("password", "不能为空", "is required"))
    if await _throttled(session, Throttle(window, max_per_user, max_per_address), name, address):
        return LoginOutcome(None, DomainError(errors.TOO_MANY_ATTEMPTS))

    user = (await session.execute(select(User).where(User.username == name))).scalar_one_or_none()
    # verify_password runs even for unknown users, so timing says nothing about who exists.
    ok = verify_password(user.password_hash if user else None, password[:256])
    if user is None or not ok or not user.active:
        session.add(LoginAttempt(username=name, client_address=address, attempted_at=utcnow()))
        await audit.record(session, actor=actor, action="auth.login_failed", subject_type="user",
                           subject_id=user.id if user else None, after={"username": name})
        return LoginOutcome(None, DomainError(errors.INVALID_CREDENTIALS))

    await session.execute(delete(LoginAttempt).where(LoginAttempt.username == name))
    if user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    # The user signs themselves in: the event is theirs, not the anonymous caller's.
    await audit.record(session, actor=_acting_user(user, actor), action="auth.login", subject_type="user",
                       subject_id=user.id)
    return LoginOutcome(user, None)


def _acting_user(user: User, caller: Actor) -> Actor:
    return Actor(kind="user", user_id=user.id, username=user.username, department_id=user.department_id,
                 request_id=caller.request_id, client_address=caller.client_address)


def _username_for_sso(preferred: str | None, email: str | None, subject: str) -> str:
    """A valid username from what the identity provider says, e.g. ``zhang.san@corp`` -> ``zhang.san``."""
    for raw in (preferred, email):
        if not raw:
            continue
        name = re.sub(r"[^a-z0-9_.-]+", ".", raw.split("@")[0].strip().lower()).strip("._-")[:56]
        if len(name) >= 2:
            return name
    return "sso-" + hashlib.sha256(subject.encode()).hexdigest()[:8]


async def sign_in_external(
    session: AsyncSession, *, actor: Actor, subject: str, username: str | None, email: str | None,
    display_name: str | None, default_role: str,
) -> User:
    """Match a single-sign-on identity to a user, creating one with the default role on first sign-in."""
    user = (await session.execute(select(User).where(User.oidc_subject == subject))).scalar_one_or_none()
    if user is None and email:
        user = (await session.execute(select(User).where(func.lower(User.email) == email.lower()))).scalar_one_or_none()
        if user is not None:
            user.oidc_subject = subject
            await audit.record(session, actor=actor, action="user.link_sso", subject_type="user",
                               subject_id=user.id, after={"oidc_subject": subject})
    if user is None:
        base = _username_for_sso(username, email, subject)
        candidate, n = base, 1
        while (await session.execute(select(User.id).where(User.username == candidate))).first():
            n += 1
            candidate = f"{base}{n}"
        user = User(username=candidate, display_name=(display_name or candidate)[:100], email=email,
                    oidc_subject=subject, active=True)
        session.add(user)
        await session.flush()
        role = (await session.execute(select(Role).where(Role.code == default_role))).scalar_one_or_none()
        if role is not None:
            session.add(UserRole(user_id=user.id, role_id=role.id))
            await session.flush()
        await audit.record(session, actor=actor, action="user.create_sso", subject_type="user", subject_id=user.id,
                           after=audit.snapshot(user, extra={"roles": [default_role] if role else []}))
    if not user.active:
        raise DomainError(errors.INVALID_CREDENTIALS)
    user.last_login_at = utcnow()
    await audit.record(session, actor=_acting_user(user, actor), action="auth.login", subject_type="user",
                       subject_id=user.id, after={"method": "oidc"})
    return user


# ---------------------------------------------------------------- users


def users_query(*, actor: Actor, search: str | None = None, department_id: int | None = None,
                active: bool | None = None) -> Select[tuple[User]]:
    """The users the actor may see, filtered; ordered by the caller's pager."""
    if not policies.can_read_users(actor):
        raise denied()
    stmt = select(User)
    if search:
        term = f"%{v.required_text(search, 'search', max_len=100).lower()}%"
        stmt = stmt.where(or_(func.lower(User.username).like(term), func.lower(User.display_name).like(term),
                              func.lower(User.email).like(term)))
    if department_id is not None:
        stmt = stmt.where(User.department_id == department_id)
    if active is not None:
        stmt = stmt.where(User.active == active)
    return stmt


async def _roles_by_ids(session: AsyncSession, role_ids: Sequence[int], field: str) -> list[Role]:
    ids = list(dict.fromkeys(role_ids))
    if len(ids) > 50:
        raise invalid(field, "最多 50 个角色", "at most 50 roles")
    roles = list((await session.execute(select(Role).where(Role.id.in_(ids)))).scalars()) if ids else []
    if len(roles) != len(ids):
        raise not_found(field)
    return sorted(roles, key=lambda r: r.code)


async def _department(session: AsyncSession, department_id: int | None, field: str) -> Department | None:
    if department_id is None:
        return None
    department = await session.get(Department, department_id)
    if department is None:
        raise not_found(field)
    if not department.active:
        raise invalid(field, "部门已停用", "the department is inactive")
    return department


async def _role_codes(session: AsyncSession, user_id: int) -> list[str]:
    rows = await session.execute(
        select(Role.code).join(UserRole, UserRole.role_id == Role.id).where(UserRole.user_id == user_id)
    )
    return sorted(rows.scalars())


async def create_user(
    session: AsyncSession, *, actor: Actor, username: str, display_name: str, password: str | None,
    email: str | None = None, department_id: int | None = None, role_ids: Sequence[int] = (),
) -> User:
    """Create a user account with a password, a department and roles."""
    if not policies.can_create_user(actor):
        raise denied()
    name = v.username(username)
    display = v.name(display_name, "displayName", max_len=100)
    mail = v.email(email)
    secret = v.password(password) if password is not None else None
    await _department(session, department_id, "departmentId")
    roles = await _roles_by_ids(session, role_ids, "roleIds")
    if (await session.execute(select(User.id).where(User.username == name))).first():
        raise DomainError(errors.USERNAME_TAKEN, field="username")
    user = User(username=name, display_name=display, email=mail, department_id=department_id,
                password_hash=hash_password(secret) if secret else None, active=True)
    session.add(user)
    await session.flush()
    session.add_all([UserRole(user_id=user.id, role_id=r.id) for r in roles])
    await session.flush()
    await audit.record(session, actor=actor, action="user.create", subject_type="user", subject_id=user.id,
                       after=audit.snapshot(user, extra={"roles": [r.code for r in roles]}))
    return user


_UNSET: object = object()


async def update_user(
    session: AsyncSession, *, actor: Actor, user_id: int, display_name: str | None = None,
    email: str | None | object = _UNSET, department_id: int | None | object = _UNSET,
) -> User:
    """Change a user's name, email or department."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found()
    if not policies.can_update_user(actor, user):
        raise denied()
    before = audit.snapshot(user)
    if display_name is not None:
        user.display_name = v.name(display_name, "displayName", max_len=100)
    if email is not _UNSET:
        user.email = v.email(email)  # type: ignore[arg-type]
    if department_id is not _UNSET:
        await _department(session, department_id, "departmentId")  # type: ignore[arg-type]
        user.department_id = department_id  # type: ignore[assignment]
    await session.flush()
    after = audit.snapshot(user)
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="user.update", subject_type="user", subject_id=user.id,
                           before=before, after=after)
    return user


async def set_user_active(session: AsyncSession, *, actor: Actor, user_id: int, active: bool) -> User:
    """Deactivate a user (ending their sessions) or reactivate them."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found()
    if actor.is_user(user.id):
        raise DomainError(errors.SELF_CHANGE, field="id")
    if not policies.can_deactivate_user(actor, user):
        raise denied()
    if user.active == active:
        return user
    before = audit.snapshot(user)
    user.active = active
    if not active:
        await _end_sessions(session, user.id)
    await session.flush()
    await audit.record(session, actor=actor, action="user.activate" if active else "user.deactivate",
                       subject_type="user", subject_id=user.id, before=before, after=audit.snapshot(user))
    return user


async def assign_roles(session: AsyncSession, *, actor: Actor, user_id: int, role_ids: Sequence[int]) -> User:
    """Replace a user's roles, ending their sessions when the roles change (they sign in again to the new
    rights; their API tokens carry the new rights at once, as every request reads the roles)."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found("userId")
    if actor.is_user(user.id):
        raise DomainError(errors.SELF_CHANGE, field="userId")
    if not policies.can_assign_roles(actor, user):
        raise denied()
    roles = await _roles_by_ids(session, role_ids, "roleIds")
    before = await _role_codes(session, user.id)
    await session.execute(delete(UserRole).where(UserRole.user_id == user.id))
    session.add_all([UserRole(user_id=user.id, role_id=r.id) for r in roles])
    await session.flush()
    after = [r.code for r in roles]
    if before != after:
        await _end_sessions(session, user.id)
        await audit.record(session, actor=actor, action="user.assign_roles", subject_type="user",
                           subject_id=user.id, before={"roles": before}, after={"roles": after})
    return user


async def reset_password(session: AsyncSession, *, actor: Actor, user_id: int, new_password: str) -> User:
    """Set a new password for another user and end their sessions."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found("userId")
    if actor.is_user(user.id):
        raise DomainError(errors.SELF_CHANGE, field="userId")
    if not policies.can_reset_password(actor, user):
        raise denied()
    user.password_hash = hash_password(v.password(new_password, "newPassword"))
    ended = await _end_sessions(session, user.id)
    await session.flush()
    await audit.record(session, actor=actor, action="user.reset_password", subject_type="user",
                       subject_id=user.id, after={"sessions_ended": ended})
    return user


async def change_password(session: AsyncSession, *, actor: Actor, current_password: str, new_password: str,
                          throttle: Throttle) -> DomainError | None:
    """Change one's own password after confirming the current one, ending one's other sessions.

    A wrong current password counts as a failed sign-in of the account (same limits, same records),
    so a stolen session or API token cannot be used to guess the password. It is returned, not raised,
    so that the caller keeps the failure record; None when the password was changed.
    """
    if not policies.can_change_own_password(actor):
        raise denied()
    user = await session.get(User, actor.user_id)
    if user is None:
        raise not_found()
    address = (actor.client_address or "unknown")[:64]
    if await _throttled(session, throttle, user.username, address):
        return DomainError(errors.TOO_MANY_ATTEMPTS)
    if not verify_password(user.password_hash, (current_password or "")[:256]):
        session.add(LoginAttempt(username=user.username, client_address=address, attempted_at=utcnow()))
        await audit.record(session, actor=actor, action="user.change_password_failed", subject_type="user",
                           subject_id=user.id)
        return DomainError(errors.WRONG_PASSWORD, field="currentPassword")
    user.password_hash = hash_password(v.password(new_password, "newPassword"))
    await session.execute(delete(LoginAttempt).where(LoginAttempt.username == user.username))
    # The session it was changed from stays signed in; every other one (a thief's included) ends.
    ended = await _end_sessions(session, user.id, keep=actor.session_id)
    await session.flush()
    await audit.record(session, actor=actor, action="user.change_password", subject_type="user", subject_id=user.id,
                       after={"sessions_ended": ended})
    return None


# ---------------------------------------------------------------- roles


def _check_permissions(codes: Sequence[str], field: str) -> list[str]:
    unique = sorted(set(codes))
    for code in unique:
        if manifest.permission(code) is None:
            raise DomainError(errors.UNKNOWN_PERMISSION, field=field,
                              zh=f"{field}：权限 {code[:100]} 不存在", en=f"{field}: unknown permission {code[:100]}")
    return unique


async def _permissions_of(session: AsyncSession, role_id: int) -> list[str]:
    rows = await session.execute(select(RolePermission.permission).where(RolePermission.role_id == role_id))
    return sorted(rows.scalars())


def roles_query(*, actor: Actor) -> Select[tuple[Role]]:
    if not (policies.can_read_users(actor) or policies.can_manage_roles(actor)):
        raise denied()
    return select(Role)


async def create_role(session: AsyncSession, *, actor: Actor, code: str, name: str, description: str = "",
                      permissions: Sequence[str] = (), builtin: bool = False) -> Role:
    """Create a role from a set of permissions."""
    if not policies.can_manage_roles(actor):
        raise denied()
    role_code = v.code(code, "code")
    role_name = v.name(name, "name", max_len=100)
    desc = v.text(description, "description", max_len=2000, min_len=0, required=False) or ""
    codes = _check_permissions(permissions, "permissions")
    if (await session.execute(select(Role.id).where(Role.code == role_code))).first():
        raise DomainError(errors.ROLE_CODE_TAKEN, field="code")
    role = Role(code=role_code, name=role_name, description=desc, builtin=builtin)
    session.add(role)
    await session.flush()
    session.add_all([RolePermission(role_id=role.id, permission=c) for c in codes])
    await session.flush()
    await audit.record(session, actor=actor, action="role.create", subject_type="role", subject_id=role.id,
                       after=audit.snapshot(role, extra={"permissions": codes}))
    return role


async def update_role(session: AsyncSession, *, actor: Actor, role_id: int, name: str | None = None,
                      description: str | None = None, permissions: Sequence[str] | None = None) -> Role:
    """Rename a role or change its permissions."""
    role = await session.get(Role, role_id)
    if role is None:
        raise not_found()
    if not policies.can_update_role(actor, role):
        raise denied()
    before = audit.snapshot(role, extra={"permissions": await _permissions_of(session, role.id)})
    if name is not None:
        role.name = v.name(name, "name", max_len=100)
    if description is not None:
        role.description = v.text(description, "description", max_len=2000, min_len=0) or ""
    new_codes = before["permissions"]
    if permissions is not None:
        new_codes = _check_permissions(permissions, "permissions")
        await session.execute(delete(RolePermission).where(RolePermission.role_id == role.id))
        session.add_all([RolePermission(role_id=role.id, permission=c) for c in new_codes])
    await session.flush()
    after = audit.snapshot(role, extra={"permissions": new_codes})
    if audit.changed(before, after):
        await audit.record(session, actor=actor, action="role.update", subject_type="role", subject_id=role.id,
                           before=before, after=after)
    return role


async def delete_role(session: AsyncSession, *, actor: Actor, role_id: int) -> int:
    """Delete a custom role that nobody holds."""
    role = await session.get(Role, role_id)
    if role is None:
        raise not_found()
    if role.builtin:
        raise DomainError(errors.BUILTIN_ROLE, field="id")
    if not policies.can_delete_role(actor, role):
        raise denied()
    holders = (await session.execute(select(func.count()).where(UserRole.role_id == role.id))).scalar_one()
    if holders:
        raise DomainError(errors.ROLE_IN_USE, field="id")
    before = audit.snapshot(role, extra={"permissions": await _permissions_of(session, role.id)})
    await session.delete(role)
    await session.flush()
    await audit.record(session, actor=actor, action="role.delete", subject_type="role", subject_id=role_id,
                       before=before)
    return role_id


async def ensure_builtin_roles(session: AsyncSession, *, actor: Actor) -> list[Role]:
    """Create the built-in roles missing from this database, and grant each default permission once.

    A default grant an administrator removed later is not given back: applied grants are recorded.
    """
    roles = {r.code: r for r in (await session.execute(select(Role))).scalars()}
    applied = {(r.role_code, r.permission) for r in await session.execute(
        select(RoleDefaultGrant.role_code, RoleDefaultGrant.permission))}
    created = []
    for spec in perms.BUILTIN_ROLES:
        wanted = sorted(spec.permissions)
        if spec.code not in roles:
            roles[spec.code] = await create_role(session, actor=actor, code=spec.code, name=spec.zh,
                                                 description=f"内置角色：{spec.zh}（{spec.en}）", permissions=wanted,
                                                 builtin=True)
            created.append(roles[spec.code])
        else:
            missing = [p for p in wanted if (spec.code, p) not in applied]
            if missing:
                current = await _permissions_of(session, roles[spec.code].id)
                await update_role(session, actor=actor, role_id=roles[spec.code].id,
                                  permissions=sorted(set(current) | set(missing)))
        session.add_all([RoleDefaultGrant(role_code=spec.code, permission=p) for p in wanted
                         if (spec.code, p) not in applied])
    await session.flush()
    return created


# ---------------------------------------------------------------- API tokens


def api_tokens_query(*, actor: Actor) -> Select[tuple[ApiToken]]:
    """The actor's own API tokens."""
    if not policies.can_use_api_tokens(actor):
        raise denied()
    return select(ApiToken).where(ApiToken.user_id == actor.user_id)


async def create_api_token(session: AsyncSession, *, actor: Actor, name: str,
                           expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """Issue a personal API token; the secret is returned once and only its hash is kept."""
    if not policies.can_use_api_tokens(actor):
        raise denied()
    label = v.name(name, "name", max_len=100)
    if expires_in_days is not None and not (1 <= expires_in_days <= 3650):
        raise invalid("expiresInDays", "应在 1 到 3650 之间", "must be between 1 and 3650")
    secret = new_api_token_secret()
    now = utcnow()
    token = ApiToken(user_id=actor.user_id, name=label, token_hash=hash_api_token(secret), prefix=secret[:10],
                     created_at=now, expires_at=now + timedelta(days=expires_in_days) if expires_in_days else None)
    session.add(token)
    await session.flush()
    await audit.record(session, actor=actor, action="api_token.create", subject_type="api_token",
                       subject_id=token.id, after=audit.snapshot(token))
    return token, secret


async def revoke_api_token(session: AsyncSession, *, actor: Actor, token_id: int) -> ApiToken:
    """Revoke an API token: one's own, or anyone's for user administrators."""
    token = await session.get(ApiToken, token_id)
    # Someone else's token is not even there for whoever may not revoke it.
    if token is None or not policies.can_revoke_api_token(actor, token):
        raise not_found()
    if token.revoked_at is not None:
        raise DomainError(errors.TOKEN_REVOKED, field="id")
    before = audit.snapshot(token)
    token.revoked_at = utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="api_token.revoke", subject_type="api_token",
                       subject_id=token.id, before=before, after=audit.snapshot(token))
    return token


def token_is_active(token: ApiToken, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return token.revoked_at is None and (token.expires_at is None or token.expires_at > now)
