"""Documents post themselves through the API: lineage both ways, idempotent retries, rules, preview,
replay and reconciliation."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation

ORDER = mutation("createSalesOrder", "CreateSalesOrderInput", "salesOrder { id number lines { id } }")
DELIVERY_FIELDS = """id number
  order { number state } stockMoves { quantity value balanceQuantity balanceValue product { code } }
  vouchers { id displayNumber state summary lines { account { code } debit credit
    source { type line { id } document { __typename number } } ruleVersion { version rule { code } } } }"""
DELIVER = mutation("deliverSalesOrder", "DeliverSalesOrderInput", f"delivery {{ {DELIVERY_FIELDS} }}")
RECEIPT = mutation("createPurchaseReceipt", "CreatePurchaseReceiptInput", "purchaseReceipt { id }")
PUBLISH = mutation("publishPostingRuleVersion", "PublishPostingRuleVersionInput", "version { id version }")


def _order_input(world: World, quantity: str = "10") -> dict:
    return {"customerId": gid("Customer", world.ops.customer.id), "date": "2026-11-20", "lines": [
        {"productId": gid("Product", world.ops.product.id), "quantity": quantity, "unitPrice": "1000.00",
         "taxRate": "0.13"}]}


async def test_case_3_through_the_api_with_lineage_both_ways(world: World, sign_in: SignIn,
                                                             gql: GraphQLClient) -> None:
    _, seller = await sign_in("business")
    _, accountant = await sign_in("finance")
    order = (await gql(ORDER, {"input": _order_input(world)}, token=seller))["createSalesOrder"]["salesOrder"]
    deliver = {"input": {"orderId": order["id"], "warehouseId": gid("Warehouse", world.ops.warehouse.id),
                         "date": "2026-11-20", "idempotencyKey": "case-3-delivery"}}
    # Business staff see the documents; the vouchers are the books' and stay hidden from them.
    as_seller = (await gql(DELIVER, deliver, token=seller))["deliverSalesOrder"]["delivery"]
    assert as_seller["order"] == {"number": order["number"], "state": "DONE"} and as_seller["vouchers"] == []
    # Stock: the world holds 100 at 550.00 and delivered 10 already; 10 more leave at 550.00.
    assert as_seller["stockMoves"] == [{"quantity": "-10.0000", "value": "-5500.00", "balanceQuantity": "80.0000",
                                        "balanceValue": "44000.00", "product": {"code": "W-P"}}]
    # Retrying with the same key returns the same delivery and posts nothing more (keys are the seller's own).
    retried = (await gql(DELIVER, deliver, token=seller))["deliverSalesOrder"]["delivery"]
    assert retried["id"] == as_seller["id"]
    # The accountant sees the same delivery and its vouchers.
    retried = (await gql(f'query($id: ID!) {{ node(id: $id) {{ ... on SalesDelivery {{ {DELIVERY_FIELDS} }} }} }}',
                         {"id": as_seller["id"]}, token=accountant))["node"]
    revenue, cost = retried["vouchers"]
    assert revenue["state"] == cost["state"] == "POSTED"
    assert [(li["account"]["code"], li["debit"], li["credit"]) for li in revenue["lines"]] == [
        ("1122", "11300.00", "0.00"), ("6001", "0.00", "10000.00"), ("22210102", "0.00", "1300.00")]
    assert [(li["account"]["code"], li["debit"], li["credit"]) for li in cost["lines"]] == [
        ("6401", "5500.00", "0.00"), ("1405", "0.00", "5500.00")]
    for line in revenue["lines"] + cost["lines"]:
        assert line["source"]["type"] == "SALES_DELIVERY" and line["source"]["line"]["id"]
        assert line["source"]["document"] == {"__typename": "SalesDelivery", "number": retried["number"]}
        assert line["ruleVersion"]["version"] == 1
    assert {revenue["lines"][0]["ruleVersion"]["rule"]["code"], cost["lines"][0]["ruleVersion"]["rule"]["code"]} == {
        "sales_delivery_revenue", "sales_delivery_cost"}

    # From the trial balance cell (6001, credit, 2026-11) down to the lines, and from there to the documents.
    tb = (await gql('{ trialBalance(period: "2026-11") { rows { account { id code } credit } } }',
                    token=accountant))["trialBalance"]
    revenue_row = next(r for r in tb["rows"] if r["account"]["code"] == "6001")
    assert revenue_row["credit"] == "20000.00"  # the world's delivery and this one
    drill = """query($a: ID!) { voucherLines(accountId: $a, period: "2026-11", side: CREDIT) { totalCount
      edges { node { credit source { document { number ... on SalesDelivery { order { number } } } } } } } }"""
    lines = (await gql(drill, {"a": revenue_row["account"]["id"]}, token=accountant))["voucherLines"]
    assert lines["totalCount"] == 2
    assert {e["node"]["source"]["document"]["order"]["number"] for e in lines["edges"]} >= {order["number"]}


async def test_bad_documents_are_refused_and_write_nothing(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                           session: AsyncSession) -> None:
    _, seller = await sign_in("business")
    bad = [
        ({"quantity": "0"}, "INVALID_INPUT", "lines[0].quantity"),
        ({"quantity": "-3"}, "INVALID_INPUT", "lines[0].quantity"),
        ({"taxRate": "1.5"}, "INVALID_INPUT", "lines[0].taxRate"),
        ({"productId": gid("Product", 999999)}, "NOT_FOUND", "lines[0].productId"),
        ({"productId": "garbage"}, "INVALID_INPUT", "lines[0].productId"),
    ]
    for patch, code, field in bad:
        payload = _order_input(world)
        payload["lines"][0].update(patch)
        await expect_error(gql, session, ORDER, "createSalesOrder", {"input": payload}, seller, code, field)
    order = (await gql(ORDER, {"input": _order_input(world, "500")}, token=seller))["createSalesOrder"]["salesOrder"]
    await expect_error(gql, session, DELIVER, "deliverSalesOrder", {"input": {
        "orderId": order["id"], "warehouseId": gid("Warehouse", world.ops.warehouse.id), "date": "2026-11-20"}},
        seller, "INSUFFICIENT_STOCK", "lines[0].quantity")
    # A receipt dated in a month that is not open writes neither stock nor vouchers.
    receipt = {"supplierId": gid("Supplier", world.ops.supplier.id),
               "warehouseId": gid("Warehouse", world.ops.warehouse.id), "date": "2027-02-01",
               "lines": [{"productId": gid("Product", world.ops.product.id), "quantity": "1", "unitPrice": "1.00",
                          "taxRate": "0.13"}]}
    await expect_error(gql, session, RECEIPT, "createPurchaseReceipt", {"input": receipt}, seller, "PERIOD_NOT_OPEN",
                       "date")


async def test_rules_refuse_what_does_not_parse_or_balance(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                           session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    rule = gid("PostingRule", world.ops.rule.id)
    cases = [
        ([{"side": "DEBIT", "account": "1002", "amount": "amount"},
          {"side": "CREDIT", "account": "1122", "amount": "amount * 0.9", "dimensions": {"CUSTOMER": "customer_id"}}],
         "RULE_UNBALANCED", "definition"),
        ([{"side": "DEBIT", "account": "1002", "amount": "amount +"}], "INVALID_INPUT", "definition.lines[0].amount"),
        ([{"side": "DEBIT", "account": "1002", "amount": "__import__('os')"}], "INVALID_INPUT",
         "definition.lines[0].amount"),
        ([{"side": "DEBIT", "account": "1002", "amount": "no_such_field"}], "INVALID_INPUT",
         "definition.lines[0].amount"),
        ([{"side": "DEBIT", "account": "9999", "amount": "amount"}], "INVALID_INPUT", "definition"),
        ([{"side": "UP", "account": "1002", "amount": "amount"}], "INVALID_INPUT", "definition.lines[0].side"),
    ]
    for lines, code, field in cases:
        definition = {"summary": "收款 {number}", "lines": lines}
        await expect_error(gql, session, PUBLISH, "publishPostingRuleVersion",
                           {"input": {"ruleId": rule, "definition": definition}}, token, code, field)


async def test_preview_and_replay_a_new_version(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    rules = (await gql('{ postingRules(eventType: SALES_DELIVERED) { edges { node { id code currentVersion { '
                       'definition } } } } }', token=token))["postingRules"]["edges"]
    revenue = next(e["node"] for e in rules if e["node"]["code"] == "sales_delivery_revenue")
    definition = revenue["currentVersion"]["definition"]
    definition["mappings"]["revenue"]["GOODS"] = "6051"  # book goods as other business income
    preview_q = """query($d: ID!, $r: ID, $def: JSON) { previewPosting(documentId: $d, ruleId: $r, definition: $def) {
      rule { code } summary landsAsPosted lines { account { code } side amount } } }"""
    delivery = gid("SalesDelivery", world.ops.delivery.id)
    current = (await gql(preview_q, {"d": delivery}, token=token))["previewPosting"]
    assert [v["rule"]["code"] for v in current] == ["sales_delivery_revenue", "sales_delivery_cost"]
    assert [li["account"]["code"] for li in current[0]["lines"]] == ["1122", "6001", "22210102"]
    tried = (await gql(preview_q, {"d": delivery, "r": revenue["id"], "def": definition}, token=token))
    assert [li["account"]["code"] for li in tried["previewPosting"][0]["lines"]] == ["1122", "6051", "22210102"]

    published = (await gql(PUBLISH, {"input": {"ruleId": revenue["id"], "definition": definition, "note": "改科目"}},
                           token=token))["publishPostingRuleVersion"]["version"]
    assert published["version"] == 2
    replay_q = """query($v: ID!) { replayPostingRule(ruleVersionId: $v, period: "2026-11") { number status
      source { type document { id number } }
      posted { accountCode side amount } replayed { accountCode side amount sourceLine { id } } } }"""
    diffs = (await gql(replay_q, {"v": published["id"]}, token=token))["replayPostingRule"]
    assert len(diffs) == 1 and diffs[0]["status"] == "CHANGED"
    assert diffs[0]["source"] == {"type": "SALES_DELIVERY", "document": {"id": delivery,
                                                                         "number": diffs[0]["number"]}}
    line = gid("SalesDeliveryLine", world.ops.delivery_line_id)
    assert {"accountCode": "6051", "side": "CREDIT", "amount": "10000.00", "sourceLine": {"id": line}} \
        in diffs[0]["replayed"]
    assert {"accountCode": "6001", "side": "CREDIT", "amount": "10000.00"} in diffs[0]["posted"]


RECONCILE = """query($p: String!) { reconciliation(period: $p) { passed checks { code passed
  exceptions { message expected actual documents { type document { number } } vouchers { displayNumber } } } } }"""


async def test_reconciliation_holds_then_finds_a_manual_receivable(world: World, sign_in: SignIn,
                                                                   gql: GraphQLClient) -> None:
    _, accountant = await sign_in("finance")
    _, reviewer = await sign_in("finance")
    result = (await gql(RECONCILE, {"p": "2026-11"}, token=accountant))["reconciliation"]
    assert result["passed"], result
    assert {c["code"] for c in result["checks"]} == {"RECEIVABLES", "PAYABLES", "STOCK", "UNPOSTED",
                                                     "DUPLICATE_INVOICES", "DIMENSIONS"}
    # A manual voucher on 1122 that no document explains breaks the receivables check.
    create = mutation("createVoucher", "CreateVoucherInput", "voucher { id }")
    voucher = (await gql(create, {"input": {"date": "2026-11-25", "summary": "手工调账", "lines": [
        {"accountId": gid("Account", world.ledger.accounts["1001"].id), "credit": "50.00"},
        {"accountId": gid("Account", (await _account_id(gql, accountant, "1122"))), "debit": "50.00",
         "customerId": gid("Customer", world.ops.customer.id)}]}}, token=accountant))["createVoucher"]["voucher"]
    await gql(mutation("reviewVoucher", "VoucherIdInput", "voucher { id }"), {"input": {"id": voucher["id"]}},
              token=reviewer)
    await gql(mutation("postVoucher", "VoucherIdInput", "voucher { id }"), {"input": {"id": voucher["id"]}},
              token=accountant)
    result = (await gql(RECONCILE, {"p": "2026-11"}, token=accountant))["reconciliation"]
    receivables = next(c for c in result["checks"] if c["code"] == "RECEIVABLES")
    assert not result["passed"] and not receivables["passed"]
    assert receivables["exceptions"][0]["expected"] == "11300.00"
    assert receivables["exceptions"][0]["actual"] == "11350.00"


async def _account_id(gql: GraphQLClient, token: str, code: str) -> int:
    from strawberry.relay import GlobalID

    data = await gql('query($s: String) { accounts(search: $s, first: 5) { edges { node { id code } } } }',
                     {"s": code}, token=token)
    node = next(e["node"] for e in data["accounts"]["edges"] if e["node"]["code"] == code)
    return int(GlobalID.from_id(node["id"]).node_id)


@pytest.mark.parametrize("role", ["staff", "hr"])
async def test_documents_are_closed_to_roles_without_operations_read(role: str, world: World, sign_in: SignIn,
                                                                     gql: GraphQLClient) -> None:
    _, token = await sign_in(role)
    body = await gql("{ salesOrders { totalCount } }", token=token, errors=True)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    # Everyone sees their own expense claims, and only those.
    claims = await gql("{ expenseClaims { totalCount } }", token=token)
    assert claims["expenseClaims"]["totalCount"] == 0


async def test_document_lists_cost_the_same_statements_whatever_their_size(world: World, sign_in: SignIn,
                                                                           gql: GraphQLClient) -> None:
    _, token = await sign_in("auditor")
    q = """{ salesDeliveries(first: 100) { totalCount edges { node { number department { name } customer { name }
      lines { product { code category { code } } quantity net ... on SalesDeliveryLine { cost } } vouchers { displayNumber
      lines { account { code } source { document { number } } ruleVersion { version } } } } } } }"""
    response = await gql.raw(q, token=token)
    assert "errors" not in response.json(), response.json()
    small = int(response.headers["x-yecai-sql-statements"])
    _, seller = await sign_in("business")
    for _ in range(5):
        order = (await gql(ORDER, {"input": _order_input(world, "1")}, token=seller))["createSalesOrder"]["salesOrder"]
        await gql(DELIVER, {"input": {"orderId": order["id"], "date": "2026-11-21",
                                      "warehouseId": gid("Warehouse", world.ops.warehouse.id)}}, token=seller)
    response = await gql.raw(q, token=token)
    assert response.json()["data"]["salesDeliveries"]["totalCount"] == 6
    assert int(response.headers["x-yecai-sql-statements"]) == small


async def test_detail_ledger_runs_the_balance(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("auditor")
    account = await _account_id(gql, token, "1405")
    q = """query($a: ID!, $after: String) { accountLedger(accountId: $a, period: "2026-11", first: 1, after: $after) {
      account { code } openingDebit debit credit closingDebit
      entries { totalCount pageInfo { hasNextPage endCursor }
        edges { node { date voucher { displayNumber } line { debit credit } balanceDebit balanceCredit } } } } }"""
    first = (await gql(q, {"a": gid("Account", account)}, token=token))["accountLedger"]
    assert (first["account"]["code"], first["openingDebit"], first["debit"], first["credit"], first["closingDebit"]) \
        == ("1405", "0.00", "55000.00", "5500.00", "49500.00")
    assert first["entries"]["totalCount"] == 2
    assert first["entries"]["edges"][0]["node"]["balanceDebit"] == "55000.00"
    second = (await gql(q, {"a": gid("Account", account), "after": first["entries"]["pageInfo"]["endCursor"]},
                        token=token))["accountLedger"]["entries"]
    assert second["pageInfo"]["hasNextPage"] is False
    assert second["edges"][0]["node"]["line"] == {"debit": "0.00", "credit": "5500.00"}
    assert second["edges"][0]["node"]["balanceDebit"] == "49500.00"
    body = await gql(q, {"a": gid("Account", account), "after": "bm9wZQ=="}, token=token, errors=True)
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "after"}


async def test_open_items_through_the_api(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    q = """query($c: ID, $s: ID) { openItems(customerId: $c, supplierId: $s) { totalCount edges { node {
      number amount settled open document { __typename number } } } } }"""

    async def items_of(variables: dict) -> list[dict]:
        found = (await gql(q, variables, token=token))["openItems"]
        assert found["totalCount"] == len(found["edges"])
        return [e["node"] for e in found["edges"]]

    items = await items_of({"c": gid("Customer", world.ops.customer.id)})
    assert [(i["document"]["__typename"], i["amount"], i["open"]) for i in items] == [
        ("SalesDelivery", "11300.00", "11300.00")]
    pay = mutation("recordCustomerReceipt", "RecordCustomerReceiptInput", "customerReceipt { id }")
    await gql(pay, {"input": {"customerId": gid("Customer", world.ops.customer.id), "date": "2026-11-20",
                              "amount": "300.00"}}, token=token)
    items = await items_of({"c": gid("Customer", world.ops.customer.id)})
    assert (items[0]["settled"], items[0]["open"]) == ("300.00", "11000.00")
    body = await gql(q, {}, token=token, errors=True)
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "customerId"}


async def test_a_rule_decides_whether_its_vouchers_land_as_drafts(world: World, sign_in: SignIn,
                                                                   gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    definition = {"summary": "收到 {customer_name} 货款 {number}", "land_as": "DRAFT", "lines": [
        {"side": "DEBIT", "account": "1002", "amount": "amount"},
        {"side": "CREDIT", "account": "1122", "amount": "amount", "dimensions": {"CUSTOMER": "customer_id"}}]}
    await gql(PUBLISH, {"input": {"ruleId": gid("PostingRule", world.ops.rule.id), "definition": definition}},
              token=token)
    pay = mutation("recordCustomerReceipt", "RecordCustomerReceiptInput",
                   "customerReceipt { vouchers { state lines { ruleVersion { version } } } }")
    receipt = (await gql(pay, {"input": {"customerId": gid("Customer", world.ops.customer.id), "date": "2026-11-20",
                                         "amount": "100.00"}}, token=token))["recordCustomerReceipt"]
    (voucher,) = receipt["customerReceipt"]["vouchers"]
    assert voucher["state"] == "DRAFT"  # for finance to review, not in the books yet
    assert {line["ruleVersion"]["version"] for line in voucher["lines"]} == {2}


async def test_document_lists_search_by_number_or_party_name(world: World, sign_in: SignIn,
                                                             gql: GraphQLClient) -> None:
    _, token = await sign_in("business")
    q = """query($s: String, $st: DocumentState) { salesOrders(search: $s, state: $st) { totalCount
      edges { node { number } } } }"""
    by_name = (await gql(q, {"s": "客户甲"}, token=token))["salesOrders"]
    assert by_name["totalCount"] == 2  # the world's open and delivered orders
    number = by_name["edges"][0]["node"]["number"]
    assert (await gql(q, {"s": number}, token=token))["salesOrders"]["totalCount"] == 1
    assert (await gql(q, {"s": "没有这个客户"}, token=token))["salesOrders"]["totalCount"] == 0
    assert (await gql(q, {"s": "客户甲", "st": "OPEN"}, token=token))["salesOrders"]["totalCount"] == 1
    body = await gql(q, {"s": "x" * 41}, token=token, errors=True)
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "search"}
