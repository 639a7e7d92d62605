"""Every bad input gets the API's typed error (or a 400 naming what is wrong), never a masked internal error,
and changes nothing."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.mutations import MUTATIONS

CASE = {c.name: c for c in MUTATIONS}


def _raw_gid(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _order(w: World, **line: Any) -> dict:
    return {"customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12", "lines": [
        {"productId": gid("Product", w.ops.product.id), "quantity": "1", "unitPrice": "10.00", "taxRate": "0.13",
         **line}]}


def _voucher(w: World, debit: str) -> dict:
    return {"date": "2026-11-12", "summary": "试算", "lines": [
        {"accountId": gid("Account", w.ledger.accounts["1001"].id), "debit": debit},
        {"accountId": gid("Account", w.ledger.accounts["1002"].id), "credit": debit}]}


# (mutation, role, input, the field the error names)
MUTATION_CASES = [
    ("createSalesOrder", "business", lambda w: _order(w, quantity="1E+30"), "lines[0].quantity"),
    ("createSalesOrder", "business", lambda w: _order(w, quantity="1e308"), "lines[0].quantity"),
    ("createSalesOrder", "business", lambda w: _order(w, unitPrice="1e308"), "lines[0].unitPrice"),
    ("createSalesOrder", "business", lambda w: _order(w, unitPrice="1e-30"), "lines[0].unitPrice"),
    ("createSalesOrder", "business", lambda w: _order(w, taxRate="NaN"), "lines[0].taxRate"),
    ("createSalesOrder", "business", lambda w: _order(w, quantity="-Infinity"), "lines[0].quantity"),
    ("createVoucher", "finance", lambda w: _voucher(w, "1E+30"), "lines[0].debit"),
    ("createVoucher", "finance", lambda w: _voucher(w, "1e308"), "lines[0].debit"),
    ("recordCustomerReceipt", "finance", lambda w: {"customerId": gid("Customer", w.ops.customer.id),
                                                    "date": "2026-11-12", "amount": "1e308"}, "amount"),
    ("createExpenseClaim", "staff", lambda w: {"category": "TRAVEL", "amount": "1E+30", "description": "出差",
                                               "date": "2026-11-12"}, "amount"),
    ("createCustomer", "business", lambda w: {"code": "BIDI-1", "name": "客户\u202e甲"}, "name"),
    ("createCustomer", "business", lambda w: {"code": "ZW-1", "name": "客\u200b户"}, "name"),
    ("createDepartment", "admin", lambda w: {"code": "D\u200bX", "name": "部门", "kind": "SUPPORT"}, "code"),
    ("updateUser", "admin", lambda w: {"id": gid("User", w.target.id), "displayName": "张\u202e三"}, "displayName"),
    ("createPostingRule", "finance", lambda w: {"code": "huge", "name": "大数", "eventType": "CUSTOMER_RECEIPT",
                                                "definition": {"summary": "x", "lines": [
                                                    {"side": "DEBIT", "account": "1002", "amount": "9" * 5000}]}},
     "definition.lines[0].amount"),
    ("createSalesOrder", "business", lambda w: {**_order(w), "customerId": _raw_gid("Customer:" + "9" * 40)},
     "customerId"),
    ("createSalesOrder", "business", lambda w: {**_order(w), "customerId": _raw_gid("Customer:-5")}, "customerId"),
    ("createSalesOrder", "business", lambda w: {**_order(w), "customerId": _raw_gid("Customer:2147483648")},
     "customerId"),
]


@pytest.mark.parametrize(("name", "role", "make_input", "field"), MUTATION_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(MUTATION_CASES)])
async def test_bad_mutation_input_is_a_typed_error_naming_the_field(
        name: str, role: str, make_input: Any, field: str, world: World, sign_in: SignIn, gql: GraphQLClient,
        session: AsyncSession) -> None:
    _, token = await sign_in(role)
    before = await fingerprint(session)
    body = await gql(CASE[name].document(), {"input": make_input(world)}, token=token, errors=True)
    assert "errors" not in body, body
    result = body["data"][name]
    assert result["__typename"] == f"{CASE[name].type_prefix}Error", result
    assert (result["code"], result["field"]) == ("INVALID_INPUT", field), result
    assert result["message"]
    assert await fingerprint(session) == before


# (query, variables, the field the error names)
QUERY_CASES = [
    ("query($id: ID!) { node(id: $id) { id } }", {"id": _raw_gid("Customer:" + "9" * 40)}, None),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": _raw_gid("SalesOrderLine:" + "1" * 30)}, None),
    # past an INTEGER column (PostgreSQL's driver would fail on it), as the fuzz test once found
    ("query($id: ID!) { node(id: $id) { id } }", {"id": _raw_gid("Customer:1400390435877")}, None),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": _raw_gid("Customer:2147483648")}, None),
    ('query($a: String) { vouchers(first: 5, after: $a) { totalCount } }',
     {"a": base64.urlsafe_b64encode(b'["2026-11-01", 2147483648]').decode()}, "after"),
    ('query($a: String) { users(first: 5, after: $a) { totalCount } }',
     {"a": base64.urlsafe_b64encode(b'["x", {"y": 1}]').decode()}, "after"),
    ('query($a: String) { vouchers(first: 5, after: $a) { totalCount } }',
     {"a": base64.urlsafe_b64encode(b'["not-a-date", "x"]').decode()}, "after"),
    ('query($a: String) { vouchers(first: 5, after: $a) { totalCount } }',
     {"a": base64.urlsafe_b64encode(b'["2026-11-01", 99999999999999999999999999]').decode()}, "after"),
    ('query($a: String) { accountLedger(accountId: "QWNjb3VudDox", period: "2026-11", after: $a) { period } }',
     {"a": base64.urlsafe_b64encode(b"[1e400]").decode()}, "after"),
    ('query($p: String!) { trialBalance(period: $p) { period } }', {"p": "2026-13"}, "period"),
    ('query($p: String!) { trialBalance(period: $p) { period } }', {"p": "9" * 30}, "period"),
]


@pytest.mark.parametrize(("query", "variables", "field"), QUERY_CASES, ids=[f"q{i}" for i in range(len(QUERY_CASES))])
async def test_bad_query_arguments_get_a_clear_error(query: str, variables: dict, field: str | None, world: World,
                                                     sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    body = await gql(query, variables, token=token, errors=True)
    if field is None:  # an id of nothing: null, as for any absent object
        assert "errors" not in body and body["data"]["node"] is None, body
        return
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT" and error["extensions"].get("field") == field, error


# Half a UTF-16 pair, as JSON can spell it: refused at the door, naming where it is.
SURROGATES = [
    ("createExpenseClaim", lambda w: {"category": "TRAVEL", "amount": "10.00", "description": "出差\ud800",
                                      "date": "2026-11-12"}, "variables.input.description"),
    ("createCustomer", lambda w: {"code": "SUR-1", "name": "\udfff"}, "variables.input.name"),
    ("createUser", lambda w: {"username": "sur.rogate", "displayName": "代理", "password": "Ab1!\ud800xyzw"},
     "variables.input.password"),
    ("changePassword", lambda w: {"currentPassword": "Passw0rd!x", "newPassword": "Ab1!\udfffxyzw"},
     "variables.input.newPassword"),
    ("createSalesOrder", lambda w: {**_order(w), "lines": [{**_order(w)["lines"][0], "productId": "P\ud800"}]},
     "variables.input.lines[0].productId"),
]


@pytest.mark.parametrize(("name", "make_input", "where"), SURROGATES, ids=[c[0] for c in SURROGATES])
async def test_a_lone_surrogate_is_refused_naming_where(name: str, make_input: Any, where: str, world: World,
                                                       sign_in: SignIn, gql: GraphQLClient,
                                                       session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    before = await fingerprint(session)
    response = await gql.raw(CASE[name].document(), {"input": make_input(world)}, token=token)
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert where in error["message"] and "surrogate" in error["message"]
    query = await gql.raw("query($s: String) { salesOrders(first: 5, search: $s) { totalCount } }", {"s": "\ud800"},
                          token=token)
    assert query.status_code == 400 and "variables.s" in query.json()["errors"][0]["message"]
    assert await fingerprint(session) == before
