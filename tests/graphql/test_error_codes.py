"""Each declared error code of the books', documents' and rules' mutations, through the API; nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error
from tests.graphql.mutations import MUTATIONS

CASES: list[tuple[str, str, Callable[[World], dict[str, Any]], str, str | None]] = [
    # (mutation, role, input, code, field)
    ("reviewVoucher", "finance", lambda w: {"id": gid("Voucher", w.ledger.posted.id)}, "WRONG_STATE", "id"),
    ("unreviewVoucher", "finance", lambda w: {"id": gid("Voucher", w.ledger.draft.id)}, "WRONG_STATE", "id"),
    ("postVoucher", "finance", lambda w: {"id": gid("Voucher", w.ledger.draft.id)}, "WRONG_STATE", "id"),
    ("reverseVoucher", "finance", lambda w: {"id": gid("Voucher", w.ledger.draft.id)}, "WRONG_STATE", "id"),
    ("deleteVoucher", "finance", lambda w: {"id": gid("Voucher", w.ledger.posted.id)}, "WRONG_STATE", "id"),
    ("deleteVoucher", "finance", lambda w: {"id": gid("Voucher", 999999)}, "NOT_FOUND", "id"),
    ("createAccount", "finance", lambda w: {"code": "1001", "name": "重复"}, "ACCOUNT_CODE_TAKEN", "code"),
    ("createAccount", "finance", lambda w: {"code": "99", "name": "太短"}, "INVALID_INPUT", "code"),
    ("createAccount", "finance", lambda w: {"code": "990101", "name": "无上级"}, "INVALID_INPUT", "code"),
    ("updateAccount", "finance", lambda w: {"id": gid("Account", 999999), "name": "x"}, "NOT_FOUND", "id"),
    ("openFiscalPeriod", "finance", lambda w: {"period": "2026-00"}, "INVALID_INPUT", "period"),
    ("closeFiscalPeriod", "finance", lambda w: {"period": "2030-01"}, "PERIOD_NOT_OPEN", "period"),
    ("createCustomer", "business", lambda w: {"code": "W-C", "name": "重复"}, "CODE_TAKEN", "code"),
    ("createProduct", "business", lambda w: {"code": "NP", "name": "x", "categoryId": gid("ProductCategory", 999999)},
     "NOT_FOUND", "categoryId"),
    ("createPurchaseReceipt", "business", lambda w: {
        "supplierId": gid("Supplier", w.ops.supplier.id), "warehouseId": gid("Warehouse", w.ops.warehouse.id),
        "date": "2026-11-12", "lines": []}, "INVALID_INPUT", "lines"),
    ("createSalesOrder", "business", lambda w: {
        "customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12",
        "departmentId": gid("Department", w.child.id), "lines": [
            {"productId": gid("Product", w.ops.product.id), "quantity": "1", "unitPrice": "1", "taxRate": "0.13"}]},
     "OTHER_DEPARTMENT", "departmentId"),
    ("deliverSalesOrder", "business", lambda w: {
        "orderId": gid("SalesOrder", w.ops.open_order.id), "warehouseId": gid("Warehouse", w.ops.warehouse.id),
        "date": "2026-11-12", "lines": [{"orderLineId": gid("SalesOrderLine", 999999), "quantity": "1"}]}, "NOT_FOUND", "lines[0].orderLineId"),
    ("returnSalesOrder", "business", lambda w: {
        "deliveryId": gid("SalesDelivery", w.ops.delivery.id), "date": "2026-11-12",
        "lines": [{"deliveryLineId": gid("SalesDeliveryLine", w.ops.delivery_line_id), "quantity": "11"}]}, "OVER_RETURN", "lines[0].quantity"),
    ("recordCustomerReceipt", "finance", lambda w: {
        "customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12", "amount": "999999.00"},
     "OVER_PAYMENT", "amount"),
    ("recordSupplierPayment", "finance", lambda w: {
        "supplierId": gid("Supplier", w.ops.supplier.id), "date": "2026-11-12", "amount": "-5"},
     "INVALID_INPUT", "amount"),
    ("createExpenseClaim", "staff", lambda w: {"category": "TRAVEL", "amount": "10.001", "description": "x",
                                               "date": "2026-11-12"}, "INVALID_INPUT", "amount"),
    ("createExpenseClaim", "staff", lambda w: {"category": "TRAVEL", "amount": "10", "description": " ",
                                               "date": "2026-11-12"}, "INVALID_INPUT", "description"),
    ("approveExpenseClaim", "manager", lambda w: {"id": gid("ExpenseClaim", w.ops.approved_claim.id)},
     "WRONG_STATE", "id"),
    ("payExpenseClaim", "finance", lambda w: {"id": gid("ExpenseClaim", w.ops.submitted_claim.id),
                                              "date": "2026-11-12"}, "WRONG_STATE", "id"),
    ("payExpenseClaim", "finance", lambda w: {"id": gid("ExpenseClaim", w.ops.approved_claim.id),
                                              "date": "2027-05-01"}, "PERIOD_NOT_OPEN", "date"),
    ("createPostingRule", "finance", lambda w: {"code": "customer_receipt", "name": "x", "eventType": "CUSTOMER_RECEIPT",
                                                "definition": {}}, "RULE_CODE_TAKEN", "code"),
    ("setPostingRuleActive", "finance", lambda w: {"id": gid("PostingRule", 999999), "active": False},
     "NOT_FOUND", "id"),
]
CASE_BY_NAME = {c.name: c for c in MUTATIONS}


@pytest.mark.parametrize(("name", "role", "make_input", "code", "field"), CASES,
                         ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
async def test_error_codes(name: str, role: str, make_input: Callable[[World], dict[str, Any]], code: str,
                           field: str | None, world: World, sign_in: SignIn, gql: GraphQLClient,
                           session: AsyncSession) -> None:
    _, token = await sign_in(role)
    case = CASE_BY_NAME[name]
    await expect_error(gql, session, case.document(), name, {"input": make_input(world)}, token, code, field)


async def test_a_claimant_does_not_approve_their_own_claim(world: World, gql: GraphQLClient,
                                                          session: AsyncSession) -> None:
    from tests.conftest import TEST_SECRET
    from tests.factories import make_user, token_for

    manager = await make_user(session, roles=("manager",), department=world.ops.department)
    await session.commit()
    token = await token_for(session, manager, TEST_SECRET)
    create = CASE_BY_NAME["createExpenseClaim"]
    claim = (await gql(create.document(), {"input": {"category": "OFFICE", "amount": "50.00", "description": "打印纸",
                                                     "date": "2026-11-12"}}, token=token))["createExpenseClaim"]
    approve = CASE_BY_NAME["approveExpenseClaim"]
    await expect_error(gql, session, approve.document(), "approveExpenseClaim",
                       {"input": {"id": claim["expenseClaim"]["id"]}}, token, "SELF_APPROVAL", "id")


@pytest.mark.parametrize(("query", "variables", "enum"), [
    ("mutation($i: CreatePostingRuleInput!) { createPostingRule(input: $i) { __typename } }",
     {"i": {"code": "new_rule", "name": "x", "eventType": "NO_SUCH_EVENT", "definition": {}}}, "EventType"),
    ('query($a: ID!) { voucherLines(accountId: $a, side: "LEFT") { totalCount } }', {"a": "QWNjb3VudDox"},
     "Direction"),
    ("{ postingRules(eventType: SALES_SHIPPED) { totalCount } }", {}, "EventType"),
])
async def test_closed_sets_are_enums_the_schema_enforces(query: str, variables: dict, enum: str, world: World,
                                                         sign_in: SignIn, gql: GraphQLClient,
                                                         session: AsyncSession) -> None:
    """An unknown value of a closed set never reaches a resolver: the request is refused, naming the enum."""
    from tests.dbstate import fingerprint

    _, token = await sign_in("finance")
    before = await fingerprint(session)
    body = await gql(query, variables, token=token, errors=True)
    assert body.get("data") is None and enum in body["errors"][0]["message"], body
    assert await fingerprint(session) == before
