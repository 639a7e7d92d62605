"""Sign-in, sessions and API tokens, at the service level."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import PASSWORD, make_api_token, make_user
from yecai.actor import ANONYMOUS, system_actor
from yecai.audit.models import AuditEvent
from yecai.auth import service
from yecai.auth.models import LoginAttempt, User, UserSession
from yecai.auth.tokens import issue_session_token, read_session_token
from yecai.db import utcnow

WINDOW = timedelta(minutes=15)


async def _login(session: AsyncSession, username: str, password: str, address: str = "198.51.100.1",
                 per_user: int = 3, per_address: int = 10) -> service.LoginOutcome:
    return await service.login(session, actor=ANONYMOUS.at(request_id="r", client_address=address),
                               username=username, password=password, window=WINDOW,
                               max_per_user=per_user, max_per_address=per_address)


async def test_login_succeeds_and_clears_failures(session: AsyncSession) -> None:
    user = await make_user(session, username="li.lei")
    assert (await _login(session, "li.lei", "wrong")).error is not None
    outcome = await _login(session, "LI.LEI ", PASSWORD)
    assert outcome.user is not None and outcome.user.id == user.id and outcome.error is None
    assert user.last_login_at is not None
    left = (await session.execute(select(func.count()).where(LoginAttempt.username == "li.lei"))).scalar_one()
    assert left == 0


async def test_wrong_password_and_unknown_user_look_the_same(session: AsyncSession) -> None:
    await make_user(session, username="han.mei")
    wrong = await _login(session, "han.mei", "nope-nope")
    unknown = await _login(session, "nobody.here", "nope-nope")
    assert wrong.error is not None and unknown.error is not None
    assert (wrong.error.code, wrong.error.zh, wrong.error.field) == (unknown.error.code, unknown.error.zh, None)
    assert wrong.error.code == "INVALID_CREDENTIALS"


async def test_failures_are_limited_per_account(session: AsyncSession) -> None:
    await make_user(session, username="wang.wu")
    for _ in range(3):
        assert (await _login(session, "wang.wu", "bad")).error.code == "INVALID_CREDENTIALS"  # type: ignore[union-attr]
    # Even the right password is refused while the account is locked.
    locked = await _login(session, "wang.wu", PASSWORD)
    assert locked.user is None and locked.error is not None and locked.error.code == "TOO_MANY_ATTEMPTS"


async def test_failures_are_limited_per_address(session: AsyncSession) -> None:
    users = [await make_user(session) for _ in range(3)]
    for u in users:
        for _ in range(2):
            await _login(session, u.username, "bad", address="192.0.2.50", per_address=5)
    outcome = await _login(session, users[0].username, PASSWORD, address="192.0.2.50", per_address=5)
    assert outcome.error is not None and outcome.error.code == "TOO_MANY_ATTEMPTS"
    # Another address is not affected by that one's failures.
    other = await _login(session, users[1].username, PASSWORD, address="192.0.2.51", per_address=5)
    assert other.user is not None


async def test_inactive_users_cannot_sign_in(session: AsyncSession) -> None:
    await make_user(session, username="gone.user", active=False)
    outcome = await _login(session, "gone.user", PASSWORD)
    assert outcome.user is None and outcome.error is not None and outcome.error.code == "INVALID_CREDENTIALS"


async def test_failed_login_is_audited_without_the_password(session: AsyncSession) -> None:
    await _login(session, "someone", "Sup3rSecret!")
    event = (await session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))).scalar_one()
    assert event.action == "auth.login_failed"
    assert "Sup3rSecret!" not in repr(event.after)
    assert event.client_address == "198.51.100.1"


def test_session_tokens_expire_and_are_signed() -> None:
    token = issue_session_token("k" * 40, user_id=7, session_id="abc", ttl_seconds=60)
    claims = read_session_token("k" * 40, token)
    assert claims is not None and (claims.user_id, claims.session_id) == (7, "abc")
    assert read_session_token("other-key" * 5, token) is None
    assert read_session_token("k" * 40, token[:-2] + "xx") is None
    assert read_session_token("k" * 40, "not.a.token") is None
    expired = issue_session_token("k" * 40, user_id=7, session_id="abc", ttl_seconds=-10)
    assert read_session_token("k" * 40, expired) is None


async def _start(session: AsyncSession, user: User, ttl: timedelta = timedelta(hours=1)) -> str:
    claims = read_session_token("k" * 40, await service.start_session(session, user=user, secret_key="k" * 40,
                                                                      ttl=ttl, client_address="198.51.100.1"))
    assert claims is not None and claims.user_id == user.id
    return claims.session_id


async def _alive(session: AsyncSession, user: User, session_id: str) -> bool:
    return await service.user_for_session(session, user_id=user.id, session_id=session_id) is not None


async def test_sessions_start_and_expire(session: AsyncSession) -> None:
    user, other = await make_user(session), await make_user(session)
    first, second = await _start(session, user), await _start(session, user)
    assert first != second and await _alive(session, user, first) and await _alive(session, user, second)
    assert not await _alive(session, other, first)  # a session belongs to its user only
    assert not await _alive(session, user, "unknown")
    row = await session.get(UserSession, first)
    assert row is not None
    row.expires_at = utcnow() - timedelta(seconds=1)
    await session.flush()
    assert not await _alive(session, user, first) and await _alive(session, user, second)
    await _start(session, other)  # a sign-in sweeps expired sessions, anyone's
    assert await session.get(UserSession, first) is None


async def test_signing_out_ends_only_that_session(session: AsyncSession) -> None:
    user = await make_user(session)
    here, elsewhere = await _start(session, user), await _start(session, user)
    actor = await service.actor_for(session, user, session_id=here)
    assert await service.end_session(session, actor=actor) is True
    assert not await _alive(session, user, here) and await _alive(session, user, elsewhere)
    assert await service.end_session(session, actor=actor) is False  # already ended
    assert await service.end_session(session, actor=await service.actor_for(session, user)) is False  # no session
    event = (await session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))).scalar_one()
    assert (event.action, event.subject_id) == ("auth.logout", str(user.id))


async def test_a_password_reset_ends_every_session(session: AsyncSession) -> None:
    user = await make_user(session)
    sessions = [await _start(session, user) for _ in range(3)]
    await service.reset_password(session, actor=system_actor(), user_id=user.id, new_password="An0ther!pass")
    assert not any([await _alive(session, user, s) for s in sessions])
    assert await _alive(session, user, await _start(session, user))


THROTTLE = service.Throttle(window=WINDOW, max_per_user=3, max_per_address=10)


async def test_changing_ones_password_ends_the_other_sessions(session: AsyncSession) -> None:
    user = await make_user(session)
    here, elsewhere = await _start(session, user), await _start(session, user)
    actor = await service.actor_for(session, user, session_id=here, client_address="198.51.100.1")
    assert await service.change_password(session, actor=actor, current_password=PASSWORD,
                                         new_password="Chang3d!pw", throttle=THROTTLE) is None
    assert await _alive(session, user, here) and not await _alive(session, user, elsewhere)


async def test_wrong_current_passwords_are_limited_like_sign_ins(session: AsyncSession) -> None:
    user = await make_user(session)
    actor = await service.actor_for(session, user, client_address="198.51.100.1")
    for _ in range(3):
        failure = await service.change_password(session, actor=actor, current_password="guess",
                                                new_password="Chang3d!pw", throttle=THROTTLE)
        assert failure is not None and failure.code == "WRONG_PASSWORD"
    failure = await service.change_password(session, actor=actor, current_password=PASSWORD,
                                            new_password="Chang3d!pw", throttle=THROTTLE)
    assert failure is not None and failure.code == "TOO_MANY_ATTEMPTS"  # even the right one, now
    # They are the account's failed sign-ins: signing in is refused too.
    assert (await _login(session, user.username, PASSWORD)).error.code == "TOO_MANY_ATTEMPTS"  # type: ignore[union-attr]
    count = (await session.execute(select(func.count()).where(LoginAttempt.username == user.username))).scalar_one()
    assert count == 3


@pytest.mark.parametrize(("revoked", "expired", "active", "ok"), [
    (False, False, True, True), (True, False, True, False), (False, True, True, False), (False, False, False, False),
])
async def test_api_tokens(session: AsyncSession, revoked: bool, expired: bool, active: bool, ok: bool) -> None:
    user = await make_user(session, active=active)
    token, secret = await make_api_token(session, user=user, revoked=revoked, expired=expired)
    found = await service.user_for_api_token(session, secret=secret)
    assert (found is not None) is ok
    if found is not None:
        assert found == (user, token.id)
    assert await service.user_for_api_token(session, secret=secret + "x") is None


async def test_api_token_secret_is_stored_hashed(session: AsyncSession) -> None:
    user = await make_user(session)
    actor = await service.actor_for(session, user)
    token, secret = await service.create_api_token(session, actor=actor, name="脚本", expires_in_days=30)
    assert secret.startswith("yct_") and secret not in (token.token_hash, token.prefix)
    assert token.prefix == secret[:10]
    assert token.expires_at is not None and token.expires_at - token.created_at == timedelta(days=30)


@pytest.mark.parametrize(("preferred", "email", "expected"), [
    ("zhang.san@corp.example", None, "zhang.san"),
    ("Li Lei", None, "li.lei"),
    ("张三", "zhangsan@example.com", "zhangsan"),
    ("张三", None, "sso-"),
    (None, None, "sso-"),
])
async def test_single_sign_on_usernames_are_made_valid(session: AsyncSession, preferred: str | None,
                                                        email: str | None, expected: str) -> None:
    user = await service.sign_in_external(session, actor=ANONYMOUS, subject=f"iss|{preferred}|{email}",
                                          username=preferred, email=email, display_name=preferred,
                                          default_role="staff")
    assert user.username.startswith(expected)
    assert len(user.username) >= 2
