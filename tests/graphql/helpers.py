"""Small helpers for API tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint


def mutation(name: str, input_type: str, success: str) -> str:
    prefix = name[0].upper() + name[1:]
    return (f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ __typename "
            f"... on {prefix}Success {{ {success} }} ... on {prefix}Error {{ code field message }} }} }}")


async def expect_error(gql: GraphQLClient, session: AsyncSession, document: str, name: str, variables: dict[str, Any],
                       token: str, code: str, field: str | None = None) -> dict[str, Any]:
    """Run a mutation that must fail with ``code`` on ``field`` and leave the database as it was."""
    before = await fingerprint(session)
    result = (await gql(document, variables, token=token))[name]
    assert result["__typename"].endswith("Error"), result
    assert result["code"] == code, result
    if field is not None:
        assert result["field"] == field, result
    assert result["message"], result
    assert await fingerprint(session) == before
    return result
