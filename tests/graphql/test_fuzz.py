"""Fuzzing from the schema: random values of every scalar type (any Unicode, numbers of any size, malformed
ids, cursors and dates) into every mutation input and query argument. Never a masked internal error, and a
refused mutation changes nothing. New fields are covered without editing this file."""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.graphql.conftest import SignIn, World
from tests.graphql.mutations import SCHEMA_PERMISSIONS
from yecai.audit.models import AuditEvent
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.graphql.schema import build_schema
from yecai.settings import Settings

SCHEMA = build_schema(Settings())._schema
NODE_TYPES = sorted(name for name, t in SCHEMA.type_map.items()
                    if not name.startswith("__") and hasattr(t, "interfaces")
                    and any(i.name == "Node" for i in getattr(t, "interfaces", ())))

# Any code point, lone surrogates and control characters included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
HUGE = st.integers(min_value=-(2**80), max_value=2**80)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8", "surrogatepass")).decode()


SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": st.one_of(ANY_TEXT, st.text(max_size=3), st.just("")),
    "Int": st.one_of(st.integers(min_value=-5, max_value=200), HUGE),
    "Float": st.floats(allow_nan=False, allow_infinity=False),
    "Boolean": st.booleans(),
    "ID": st.one_of(
        st.builds(lambda t, n: _b64(f"{t}:{n}"), st.sampled_from(NODE_TYPES), st.one_of(st.integers(1, 5), HUGE)),
        st.builds(lambda t, s: _b64(f"{t}:{s}"), st.sampled_from(NODE_TYPES), ANY_TEXT),
        ANY_TEXT,
    ),
    "Decimal": st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{0,12})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
        st.sampled_from(["0", "-0", "0.01", "1E+30", "1e308", "1e-30", "NaN", "Infinity", "9" * 60]),
        ANY_TEXT,
    ),
    "Date": st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "0000-01-01", "2026-13-01"]), ANY_TEXT),
    "DateTime": st.one_of(st.datetimes().map(lambda d: d.isoformat()), ANY_TEXT),
    "JSON": st.recursive(st.one_of(st.none(), st.booleans(), HUGE, ANY_TEXT),
                         lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                 st.dictionaries(ANY_TEXT, inner, max_size=3)), max_leaves=8),
}


# What an id argument or input field names, from its name: the world's objects have small ids.
ID_TYPES = {"customer": "Customer", "supplier": "Supplier", "product": "Product", "warehouse": "Warehouse",
            "category": "ProductCategory", "department": "Department", "parent": "Department", "user": "User",
            "actor": "User", "role": "Role", "account": "Account", "rule": "PostingRule",
            "ruleVersion": "PostingRuleVersion", "order": "SalesOrder", "delivery": "SalesDelivery",
            "orderLine": "SalesOrderLine", "deliveryLine": "SalesDeliveryLine", "document": "SalesDelivery",
            "source": "SalesDelivery"}


def _id_of(name: str) -> st.SearchStrategy[str]:
    guess = ID_TYPES.get(name.removesuffix("Ids").removesuffix("Id"))
    likely = st.sampled_from([guess] if guess else NODE_TYPES)
    return st.one_of(st.builds(lambda t, n: _b64(f"{t}:{n}"), likely, st.integers(1, 8)),
                     st.builds(lambda t, n: _b64(f"{t}:{n}"), likely, HUGE), SCALARS["ID"])


def value_of(type_: Any, depth: int = 0, name: str = "") -> st.SearchStrategy[Any]:
    """Values for an input type: mostly well-shaped (known enum values, ids of the right type), random leaves."""
    if isinstance(type_, GraphQLNonNull):
        return value_of(type_.of_type, depth, name)
    if isinstance(type_, GraphQLList):
        return st.lists(value_of(type_.of_type, depth + 1, name), max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.one_of(st.sampled_from(sorted(type_.values)), st.just("NOT_A_VALUE"))
    if isinstance(type_, GraphQLScalarType):
        if type_.name == "ID":
            return _id_of(name)
        return SCALARS.get(type_.name, ANY_TEXT)
    assert isinstance(type_, GraphQLInputObjectType)
    if depth > 3:
        return st.just({})
    required = {n: value_of(f.type, depth + 1, n) for n, f in type_.fields.items()
                if isinstance(f.type, GraphQLNonNull)}
    optional = {n: value_of(f.type, depth + 1, n) for n, f in type_.fields.items() if n not in required}
    return st.fixed_dictionaries(required, optional=optional)


def _type_source(type_: Any) -> str:
    if isinstance(type_, GraphQLNonNull):
        return f"{_type_source(type_.of_type)}!"
    if isinstance(type_, GraphQLList):
        return f"[{_type_source(type_.of_type)}]"
    return type_.name


def _selection(field: GraphQLField) -> str:
    """Just enough to run the field: its typename, and a union member's error code."""
    named = get_named_type(field.type)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    return "{ __typename }"


def document(kind: str, name: str, field: GraphQLField) -> str:
    params = ", ".join(f"${a}: {_type_source(arg.type)}" for a, arg in field.args.items())
    args = ", ".join(f"{a}: ${a}" for a in field.args)
    return (f"{kind}{f'({params})' if params else ''} {{ {name}{f'({args})' if args else ''} "
            f"{_selection(field)} }}")


def role_for(permission: str | None) -> str:
    if permission is None:
        return "staff"
    return next(r.code for r in BUILTIN_ROLES if permission in r.permissions)


MUTATIONS = sorted((n, f) for n, f in SCHEMA.mutation_type.fields.items() if n not in ("login", "logout"))  # type: ignore[union-attr]
QUERIES = sorted((n, f) for n, f in SCHEMA.query_type.fields.items() if f.args)  # type: ignore[union-attr]


def _call(kind: str, fields: list[tuple[str, GraphQLField]]) -> st.SearchStrategy[tuple[str, str, dict]]:
    return st.sampled_from(fields).flatmap(lambda item: st.fixed_dictionaries(
        {a: value_of(arg.type, 0, a) for a, arg in item[1].args.items()}).map(
        lambda variables: (item[0], document(kind, item[0], item[1]), variables)))


REACHED: Counter[str] = Counter()  # what the examples reached, printed with -s


def _no_internal_error(body: dict[str, Any], status: int, where: str) -> None:
    assert status < 500, (where, status, body)
    for error in body.get("errors") or ():
        assert (error.get("extensions") or {}).get("code") != "INTERNAL_SERVER_ERROR", (where, error)


# Refusals that leave a record of themselves (and nothing else): mutation -> the audit action it writes.
RECORDED_REFUSALS = {"changePassword": "user.change_password_failed"}
ACTION = [c.name for c in AuditEvent.__table__.columns].index("action")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(call=_call("mutation", MUTATIONS))
async def test_random_mutation_inputs(call: tuple[str, str, dict], world: World, sign_in: SignIn,
                                      gql: GraphQLClient, session: AsyncSession) -> None:
    name, query, variables = call
    _, token = await sign_in(role_for(SCHEMA_PERMISSIONS.get(name)))
    before = await fingerprint(session)
    response = await gql.raw(query, variables, token=token)
    body = response.json()
    _no_internal_error(body, response.status_code, name)
    result = (body.get("data") or {}).get(name)
    REACHED[result["__typename"] if result else "refused before running"] += 1
    if result is None or result["__typename"].endswith("Error"):
        after = await fingerprint(session)
        # A refusal changes nothing, but for the record some refusals keep on purpose: a wrong current
        # password is a failed sign-in of the account (its audit event; login attempts are not fingerprinted).
        recorded = RECORDED_REFUSALS.get(name)
        if recorded and after["audit_event"] != before["audit_event"]:
            new_events = after["audit_event"][len(before["audit_event"]):]
            assert {e[ACTION] for e in new_events} == {recorded}, (name, variables, new_events)
            before = {**before, "audit_event": after["audit_event"], "audit_chain_head": after["audit_chain_head"]}
        assert after == before, (name, variables, [k for k in after if after[k] != before.get(k)])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(call=_call("query", QUERIES))
async def test_random_query_arguments(call: tuple[str, str, dict], world: World, sign_in: SignIn,
                                      gql: GraphQLClient) -> None:
    name, query, variables = call
    _, token = await sign_in("finance")
    response = await gql.raw(query, variables, token=token)
    _no_internal_error(response.json(), response.status_code, name)


def test_the_fuzzing_reached_the_resolvers() -> None:
    """Run after the mutations' fuzzing (same module): most examples must get past GraphQL's own checks."""
    if not REACHED:
        return  # run alone
    ran = sum(n for k, n in REACHED.items() if k != "refused before running")
    print("fuzz outcomes:", dict(REACHED.most_common()))
    assert ran >= sum(REACHED.values()) // 3, REACHED
