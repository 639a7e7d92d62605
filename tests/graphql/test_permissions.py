"""For every mutation: each built-in role without its permission, and the anonymous, are refused
with a clear error, and the database (audit trail included) does not change."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.factories import BUILTIN_ROLE_CODES
from tests.graphql.conftest import SignIn, World
from tests.graphql.mutations import MUTATIONS, MutationCase
from yecai.auth.permissions import BUILTIN_ROLES

# Each mutation's permission is read from the exported schema (tests.graphql.mutations). Beside the
# built-in roles, the world's custom_reader holds org.read only: it is refused what every built-in
# role may do (e.g. API tokens).
PERMISSIONS = {**{r.code: r.permissions for r in BUILTIN_ROLES}, "custom_reader": frozenset({"org.read"})}
ROLES = (*BUILTIN_ROLE_CODES, "custom_reader")

# Changes that are not the business's record: signing out, and one's own search history (kept for oneself,
# like a browser's; in the audit trail, what people search for would be read by others).
# Reading (and marking read) is not a change of record, like searching: not in the audit trail.
UNAUDITED = {"logout", "rememberSearch", "clearRecentSearches", "markNotificationsRead"}

DENIED = [
    pytest.param(case, role, id=f"{case.name}-{role}")
    for case in MUTATIONS if case.permission
    for role in ROLES if case.permission not in PERMISSIONS[role]
]
ALLOWED = [
    pytest.param(case, role, id=f"{case.name}-{role}")
    for case in MUTATIONS
    for role in ROLES if case.permission is None or case.permission in PERMISSIONS[role]
]


def test_every_mutation_of_the_schema_is_covered() -> None:
    from yecai.graphql.schema import build_schema
    from yecai.settings import Settings

    schema = build_schema(Settings())
    names = set(schema._schema.mutation_type.fields)  # type: ignore[union-attr]
    assert names - {"login"} == {c.name for c in MUTATIONS}


def test_each_restricted_mutation_is_denied_to_someone() -> None:
    restricted = {c.name for c in MUTATIONS if c.permission}
    assert restricted <= {p.values[0].name for p in DENIED}


@pytest.mark.parametrize(("case", "role"), DENIED)
async def test_denied_roles_change_nothing(case: MutationCase, role: str, world: World, sign_in: SignIn,
                                           gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in(role)
    before = await fingerprint(session)
    data = await gql(case.document(), case.variables(world), token=token)
    result = data[case.name]
    assert result["__typename"] == f"{case.type_prefix}Error", result
    # Objects the role cannot see are "not found" to it; everything else is "denied".
    assert result["code"] in ("PERMISSION_DENIED", "NOT_FOUND"), result
    assert result["message"]
    assert await fingerprint(session) == before


@pytest.mark.parametrize("case", MUTATIONS, ids=lambda c: c.name)
async def test_anonymous_requests_change_nothing(case: MutationCase, world: World, gql: GraphQLClient,
                                                 session: AsyncSession) -> None:
    before = await fingerprint(session)
    data = await gql(case.document(), case.variables(world))
    result = data[case.name]
    if case.name == "logout":
        # Signing out always works, so a browser with a stale cookie can clear it.
        assert result == {"__typename": "LogoutSuccess", "ok": True}
    else:
        assert result == {"__typename": f"{case.type_prefix}Error", "code": "UNAUTHENTICATED", "field": None,
                          "message": "请先登录"}
    assert await fingerprint(session) == before


@pytest.mark.parametrize(("case", "role"), ALLOWED)
async def test_allowed_roles_succeed(case: MutationCase, role: str, world: World, sign_in: SignIn,
                                     gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in(role)
    before = await fingerprint(session)
    data = await gql(case.document(), case.variables(world), token=token)
    result = data[case.name]
    assert result["__typename"] == f"{case.type_prefix}Success", result
    after = await fingerprint(session)
    if case.name not in UNAUDITED:
        assert len(after["audit_event"]) > len(before["audit_event"]), "a change without an audit event"
