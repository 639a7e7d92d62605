"""The books through the API: vouchers from preparation to posting, the trial balance and its drill-down."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation

CREATE = mutation("createVoucher", "CreateVoucherInput",
                  "voucher { id displayNumber state totalDebit totalCredit preparer { username } "
                  "lines { lineNo account { code } debit credit summary department { code } } "
                  "viewerCan { review post delete } }")
REVIEW = mutation("reviewVoucher", "VoucherIdInput", "voucher { state reviewer { username } }")
POST = mutation("postVoucher", "VoucherIdInput", "voucher { state poster { username } viewerCan { reverse } }")
REVERSE = mutation("reverseVoucher", "ReverseVoucherInput",
                   "voucher { id state origin reversalOf { id reversedBy { id } } lines { debit credit } }")
TB = """query($p: String!, $d: Dimension) { trialBalance(period: $p, dimension: $d) {
  period rows { account { code level } dimensionValue openingDebit openingCredit debit credit closingDebit closingCredit }
  totalDebit totalCredit totalClosingDebit totalClosingCredit } }"""


def _line(world: World, code: str, debit: str = "0", credit: str = "0", **extra: object) -> dict:
    return {"accountId": gid("Account", world.ledger.accounts[code].id), "debit": debit, "credit": credit, **extra}


async def test_prepare_review_post_and_see_it_in_the_trial_balance(world: World, sign_in: SignIn,
                                                                   gql: GraphQLClient) -> None:
    preparer, preparer_token = await sign_in("finance")
    reviewer, reviewer_token = await sign_in("finance")
    before = (await gql(TB, {"p": "2026-11"}, token=reviewer_token))["trialBalance"]
    created = (await gql(CREATE, {"input": {"date": "2026-11-20", "summary": "股东投入资本", "lines": [
        _line(world, "1002", debit="200000.00"), _line(world, "4001", credit="200000.00", summary="实收资本")]}},
        token=preparer_token))["createVoucher"]["voucher"]
    assert created["state"] == "DRAFT" and created["displayNumber"].startswith("记-")
    assert (created["totalDebit"], created["totalCredit"]) == ("200000.00", "200000.00")
    assert created["lines"][1] == {"lineNo": 2, "account": {"code": "4001"}, "debit": "0.00", "credit": "200000.00",
                                   "summary": "实收资本", "department": None}
    assert created["viewerCan"] == {"review": False, "post": False, "delete": True}  # four eyes
    reviewed = (await gql(REVIEW, {"input": {"id": created["id"]}}, token=reviewer_token))["reviewVoucher"]
    assert reviewed["voucher"] == {"state": "REVIEWED", "reviewer": {"username": reviewer.username}}
    posted = (await gql(POST, {"input": {"id": created["id"]}}, token=preparer_token))["postVoucher"]["voucher"]
    assert posted == {"state": "POSTED", "poster": {"username": preparer.username}, "viewerCan": {"reverse": True}}

    tb = (await gql(TB, {"p": "2026-11"}, token=reviewer_token))["trialBalance"]
    rows = {r["account"]["code"]: r for r in tb["rows"]}
    assert rows["4001"]["credit"] == "200000.00" and rows["4001"]["closingCredit"] == "200000.00"
    # The world's posted voucher moved 100.00 from 1002 to 1001.
    assert rows["1002"]["debit"] == "200000.00" and rows["1002"]["credit"] == "100.00"
    assert rows["1002"]["closingDebit"] == "199900.00"
    # The new voucher adds 200,000.00 to both columns; debits still equal credits.
    assert Decimal(tb["totalDebit"]) - Decimal(before["totalDebit"]) == Decimal("200000.00")
    assert tb["totalDebit"] == tb["totalCredit"] and tb["totalClosingDebit"] == tb["totalClosingCredit"]

    # Drill down from the 4001 cell to the voucher and its lines.
    q = """query($a: ID!) { voucherLines(accountId: $a, period: "2026-11", side: CREDIT) { totalCount
      edges { node { credit voucher { id summary state } } } } }"""
    lines = (await gql(q, {"a": gid("Account", world.ledger.accounts["4001"].id)}, token=reviewer_token))
    edges = lines["voucherLines"]["edges"]
    assert lines["voucherLines"]["totalCount"] == 1
    assert edges[0]["node"] == {"credit": "200000.00", "voucher": {"id": created["id"], "summary": "股东投入资本",
                                                                    "state": "POSTED"}}


async def test_next_month_opens_with_this_months_closing(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    await gql(mutation("openFiscalPeriod", "PeriodInput", "fiscalPeriod { code }"), {"input": {"period": "2026-12"}},
              token=token)
    tb = (await gql(TB, {"p": "2026-12"}, token=token))["trialBalance"]
    rows = {r["account"]["code"]: r for r in tb["rows"]}
    assert rows["1001"]["openingDebit"] == "100.00" and rows["1001"]["debit"] == "0.00"
    assert rows["1002"]["openingCredit"] == "100.00"


async def test_reversal_through_the_api(world: World, sign_in: SignIn, gql: GraphQLClient,
                                        session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    result = (await gql(REVERSE, {"input": {"id": gid("Voucher", world.ledger.posted.id)}},
                        token=token))["reverseVoucher"]["voucher"]
    assert result["state"] == "POSTED" and result["origin"] == "REVERSAL"
    assert result["reversalOf"] == {"id": gid("Voucher", world.ledger.posted.id), "reversedBy": {"id": result["id"]}}
    assert result["lines"] == [{"debit": "0.00", "credit": "100.00"}, {"debit": "100.00", "credit": "0.00"}]
    await expect_error(gql, session, REVERSE, "reverseVoucher", {"input": {"id": gid("Voucher", world.ledger.posted.id)}},
                       token, "ALREADY_REVERSED", "id")


@pytest.mark.parametrize(("lines", "code", "field"), [
    ([("1001", "10", "0"), ("1002", "0", "9")], "UNBALANCED", "lines"),
    ([("1001", "10.005", "0"), ("1002", "0", "10.005")], "INVALID_INPUT", "lines[0].debit"),
    ([("6601", "10", "0"), ("1002", "0", "10")], "ACCOUNT_NOT_LEAF", "lines[0].accountId"),
    ([("1001", "10", "0")], "INVALID_INPUT", "lines"),
])
async def test_create_voucher_errors(lines: list, code: str, field: str, world: World, sign_in: SignIn,
                                     gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    payload = {"date": "2026-11-20", "summary": "错误凭证",
               "lines": [_line(world, c, debit=d, credit=cr) for c, d, cr in lines]}
    await expect_error(gql, session, CREATE, "createVoucher", {"input": payload}, token, code, field)


async def test_closed_and_unopened_periods(world: World, sign_in: SignIn, gql: GraphQLClient,
                                           session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    lines = [_line(world, "1001", debit="1"), _line(world, "1002", credit="1")]
    await expect_error(gql, session, CREATE, "createVoucher",
                       {"input": {"date": "2027-03-01", "summary": "x", "lines": lines}}, token, "PERIOD_NOT_OPEN",
                       "date")
    await gql(mutation("closeFiscalPeriod", "PeriodInput", "fiscalPeriod { status }"),
              {"input": {"period": "2026-10"}}, token=token)
    await expect_error(gql, session, CREATE, "createVoucher",
                       {"input": {"date": "2026-10-31", "summary": "x", "lines": lines}}, token, "PERIOD_CLOSED", "date")
    close_nov = mutation("closeFiscalPeriod", "PeriodInput", "fiscalPeriod { status }")
    await expect_error(gql, session, close_nov, "closeFiscalPeriod", {"input": {"period": "2026-11"}}, token,
                       "PERIOD_HAS_DRAFTS", "period")


async def test_bad_period_strings(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("auditor")
    for period in ("2026-13", "26-11", "abc", ""):
        body = await gql(TB, {"p": period}, token=token, errors=True)
        assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "period"}, period


async def test_the_books_are_closed_to_roles_without_ledger_read(world: World, sign_in: SignIn,
                                                                 gql: GraphQLClient) -> None:
    for role in ("staff", "business", "hr"):
        _, token = await sign_in(role)
        for query in ("{ vouchers { totalCount } }", "{ accounts { totalCount } }",
                      '{ trialBalance(period: "2026-11") { period } }'):
            body = await gql(query, token=token, errors=True)
            assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", (role, query)


@pytest.mark.parametrize("extra", [0, 30])
async def test_voucher_list_statements_do_not_grow(extra: int, world: World, sign_in: SignIn, gql: GraphQLClient,
                                                   session: AsyncSession) -> None:
    from datetime import date
    from decimal import Decimal

    from sqlalchemy import func, select

    from tests.factories import actor_of, make_user
    from yecai.ledger.models import Voucher
    from yecai.ledger.service import LineInput, create_voucher

    preparer = await actor_of(session, await make_user(session, roles=("finance",)))
    existing = (await session.execute(select(func.count()).select_from(Voucher))).scalar_one()
    for i in range(extra):
        await create_voucher(session, actor=preparer, day=date(2026, 11, 1 + i % 28), summary=f"批量{i}", lines=[
            LineInput(account_id=world.ledger.accounts["1001"].id, debit=Decimal("1.00")),
            LineInput(account_id=world.ledger.accounts["1002"].id, credit=Decimal("1.00"))])
    await session.commit()
    _, token = await sign_in("auditor")
    q = """{ vouchers(first: 100) { totalCount edges { node { displayNumber period { code } preparer { username }
      reviewer { username } reversedBy { id } lines { account { code parent { code } } debit credit department { name } }
      viewerCan { review } } } } }"""
    response = await gql.raw(q, token=token)
    body = response.json()
    assert "errors" not in body and body["data"]["vouchers"]["totalCount"] == existing + extra
    # identity (2) + count + page + periods + users + reversals + lines + accounts + parent accounts
    assert int(response.headers["x-yecai-sql-statements"]) == 10
    # Walking the list in pages of 7 (cursors carry the voucher date) meets every voucher once.
    seen, after = [], None
    while True:
        page = (await gql("query($a: String) { vouchers(first: 7, after: $a) { pageInfo { hasNextPage endCursor } "
                          "edges { node { id } } } }", {"a": after}, token=token))["vouchers"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == existing + extra


async def test_a_voucher_is_reversed_once_and_a_reversal_never(world: World, sign_in: SignIn,
                                                               gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    q = "query($id: ID!) { node(id: $id) { ... on Voucher { viewerCan { reverse } reversedBy { id } } } }"
    original = gid("Voucher", world.ledger.posted.id)
    assert (await gql(q, {"id": original}, token=token))["node"]["viewerCan"] == {"reverse": True}
    reversal = (await gql(REVERSE, {"input": {"id": original}}, token=token))["reverseVoucher"]["voucher"]["id"]
    assert (await gql(q, {"id": original}, token=token))["node"]["viewerCan"] == {"reverse": False}
    assert (await gql(q, {"id": reversal}, token=token))["node"]["viewerCan"] == {"reverse": False}
