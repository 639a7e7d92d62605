"""Partial results: a refused top-level field is null with a coded error, beside its siblings' data.

Runs against the live demo server (a real ``yecai serve``, on PostgreSQL in the PostgreSQL pass),
over one keep-alive connection per role, so that "the next request on the same connection works"
is checked for real: a broken request (the plain-text 500 of a transaction left unusable, a hang)
shows as an error, a timeout or a new connection.

For each demo role (and the anonymous visitor) every top-level field is first asked alone, which
says whether the role may read it; then every pair of one allowed and one refused field is asked
together, in both orders, and each answer must carry the allowed field's data as it came alone,
null for the refused one with its error (path and code). Speed is not asserted here (a hang shows as
the client's 30 s timeout, past the server's 10 s request budget); bench/ measures it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from graphql import build_schema

from yecai.graphql.schema import export_sdl

PASSWORD = "Yecai@2026"
DEMO_ROLES = ("admin", "finance", "business", "hr", "manager", "staff", "auditor")
REFUSED = ("PERMISSION_DENIED", "UNAUTHENTICATED")

# One selection per top-level field, reading from the database where the field does; {names}
# are filled from the demo data. A new Query field must be added here (checked below).
FIELDS: dict[str, str] = {
    "auditEvents": "auditEvents(first: 2) { totalCount edges { node { id action } } }",
    "departments": "departments(first: 2) { totalCount edges { node { id name memberCount } } }",
    "viewer": "viewer { username permissions }",
    "authConfig": "authConfig { demo oidcEnabled }",
    "users": "users(first: 3) { totalCount edges { node { id username department { name } roles { code } } } }",
    "roles": "roles(first: 2) { totalCount edges { node { code userCount } } }",
    "permissions": "permissions { code }",
    "apiTokens": "apiTokens(first: 2) { totalCount }",
    "accounts": "accounts(first: 2) { totalCount edges { node { code } } }",
    "fiscalPeriods": "fiscalPeriods(first: 2) { totalCount }",
    "vouchers": "vouchers(first: 2) { totalCount edges { node { id lines { debit } } } }",
    "trialBalance": 'trialBalance(period: "{period}") { totalDebit rows { account { code } } }',
    "voucherLines": 'voucherLines(accountId: "{account}", first: 2) { totalCount }',
    "accountLedger": 'accountLedger(accountId: "{account}", period: "{period}") { debit entries { totalCount } }',
    "incomeStatement": 'incomeStatement(period: "{period}") { lines { number current } }',
    "balanceSheet": 'balanceSheet(period: "{period}") { lines { number current } }',
    "customers": "customers(first: 2) { totalCount }",
    "suppliers": "suppliers(first: 2) { totalCount }",
    "products": "products(first: 2) { totalCount }",
    "productCategories": "productCategories(first: 2) { totalCount }",
    "warehouses": "warehouses(first: 2) { totalCount }",
    "purchaseReceipts": "purchaseReceipts(first: 2) { totalCount edges { node { id number } } }",
    "salesOrders": "salesOrders(first: 2) { totalCount edges { node { id number } } }",
    "salesDeliveries": "salesDeliveries(first: 2) { totalCount edges { node { id number } } }",
    "salesReturns": "salesReturns(first: 2) { totalCount }",
    "customerReceipts": "customerReceipts(first: 2) { totalCount }",
    "supplierPayments": "supplierPayments(first: 2) { totalCount }",
    "expenseClaims": "expenseClaims(first: 2) { totalCount edges { node { id number } } }",
    "openItems": 'openItems(customerId: "{customer}", first: 2) { totalCount }',
    "postingRules": "postingRules(first: 2) { totalCount }",
    "previewPosting": 'previewPosting(documentId: "{document}") { summary lines { amount } }',
    "replayPostingRule": 'replayPostingRule(ruleVersionId: "{rule_version}", period: "{period}") { number }',
    "reconciliation": 'reconciliation(period: "{period}") { passed }',
    "node": 'node(id: "{customer}") { id }',
    # The live server fills its search index in the background after it starts: selections that do not
    # depend on how far it got (the comparisons below need the same answer every time).
    "search": 'search(query: "华东", first: 1) { pageInfo { hasPreviousPage } }',
    "searchSuggest": 'searchSuggest(prefix: "无此名称qzx", first: 3) { kind url }',
    "recentSearches": "recentSearches",
    "searchStatus": "searchStatus { engine }",
    "searchSynonyms": "searchSynonyms { terms }",
    "notifications": "notifications(first: 5) { unreadCount edges { node { id title } } }",
    "notificationSettings": "notificationSettings { emailAvailable kinds { kind portal } }",
    "meetingSeries": "meetingSeries(first: 2) { totalCount edges { node { id title recurrence } } }",
    "meetings": "meetings(first: 2) { totalCount edges { node { id title agenda { title } minutes { version } } } }",
    "actionItems": "actionItems(first: 2) { totalCount edges { node { id title owner { username } } } }",
    "workCalendar": "workCalendar(year: 2026) { year covered workingDayCount }",
    # The live server's scheduler makes publications due and marks them missed as time passes: selections
    # whose answer cannot change while the test runs.
    "sharingRules": "sharingRules(first: 2) { totalCount edges { node { id title deadlineMinutes } } }",
    "publications": "publications(first: 1) { pageInfo { hasPreviousPage } }",
    "sharingFigures": 'sharingFigures(from: "2020-01-01", to: "2020-01-31") { total { due onTime missed } }',
    "sharingMonthlyReport": 'sharingMonthlyReport(month: "2020-01", departmentId: "{department}") { total { due } }',
    "certificates": "certificates(first: 2) { totalCount edges { node { id title state } } }",
    "certificateVerification": 'certificateVerification(code: "ABCD-EFGH") { status holderName }',
    "courses": "courses(first: 2) { totalCount edges { node { id title currentVersion { number } } } }",
    "enrollments": "enrollments(first: 2) { totalCount edges { node { id state course { title } } } }",
    "learningPaths": "learningPaths(first: 2) { totalCount edges { node { id title steps { position } } } }",
    "learningFigures": "learningFigures { byCourse { label enrolled completed rate } }",
    "evaluationCycles": "evaluationCycles(first: 2) { totalCount edges { node { id name state } } }",
    "indicators": "indicators(first: 2) { totalCount edges { node { id code formula } } }",
    "scorecardTemplates": "scorecardTemplates(first: 2) { totalCount edges { node { id name lines { weight } } } }",
    "scorecards": "scorecards(first: 2) { totalCount edges { node { id grade lines { value } } } }",
    "peerReviews": 'peerReviews(cycleId: "RXZhbHVhdGlvbkN5Y2xlOjE=") { scorecardId }',
}


def test_every_query_field_has_a_selection() -> None:
    query = build_schema(export_sdl()).query_type
    assert query is not None
    assert set(query.fields) == set(FIELDS), "add each new top-level field to FIELDS"


def test_every_query_field_that_can_be_refused_is_nullable() -> None:
    """A non-null field that fails nulls the whole answer: only fields that never fail may be non-null."""
    query = build_schema(export_sdl()).query_type
    assert query is not None
    non_null = {name for name, field in query.fields.items() if str(field.type).endswith("!")}
    assert non_null == {"authConfig", "permissions"}


class Connection:
    """One keep-alive HTTP connection to the server, as one viewer (a bearer token or none)."""

    def __init__(self, url: str, token: str | None) -> None:
        headers = {"Accept": "application/graphql-response+json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.url = url
        self.http = httpx.Client(headers=headers, timeout=30, limits=httpx.Limits(max_connections=1))
        self.local_address: Any = None

    def ask(self, query: str) -> dict[str, Any]:
        r = self.http.post(self.url, json={"query": query})
        assert r.status_code == 200, (query, r.status_code, r.text[:500])
        address = r.extensions["network_stream"].get_extra_info("client_addr")
        if self.local_address is None:
            self.local_address = address
        assert address == self.local_address, f"the connection was dropped before {query!r}"
        return r.json()

    def close(self) -> None:
        self.http.close()


def _login(url: str, username: str) -> str:
    r = httpx.post(url, json={"query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                                        "{ ... on LoginSuccess { token } ... on LoginError { code } } }",
                              "variables": {"u": username, "p": PASSWORD}}, timeout=30)
    return r.json()["data"]["login"]["token"]


def _demo_ids(url: str, token: str) -> dict[str, str]:
    r = httpx.post(url, headers={"Authorization": f"Bearer {token}"}, timeout=30, json={"query": """{
      fiscalPeriods(first: 1) { edges { node { code } } }
      accounts(first: 1, search: "1122") { edges { node { id } } }
      salesDeliveries(first: 1) { edges { node { id } } }
      customers(first: 1) { edges { node { id } } }
      postingRules(first: 1) { edges { node { versions { id } } } }
      departments(first: 1) { edges { node { id } } } }"""})
    data = r.json()["data"]
    first = lambda name: data[name]["edges"][0]["node"]  # noqa: E731
    return {"period": first("fiscalPeriods")["code"], "account": first("accounts")["id"],
            "document": first("salesDeliveries")["id"], "customer": first("customers")["id"],
            "rule_version": first("postingRules")["versions"][0]["id"], "department": first("departments")["id"]}


@pytest.fixture(scope="module")
def viewers(live_server) -> Iterator[dict[str, tuple[str, dict[str, str]]]]:
    """Every demo role's token (None for the anonymous visitor) and the selections filled in."""
    url = live_server.graphql_url
    tokens: dict[str, str | None] = {role: _login(url, role) for role in DEMO_ROLES}
    tokens["anonymous"] = None
    ids = _demo_ids(url, tokens["finance"])  # type: ignore[arg-type]
    selections = {}
    for name, text in FIELDS.items():
        for key, value in ids.items():
            text = text.replace("{" + key + "}", value)
        selections[name] = text
    yield {role: (token, selections) for role, token in tokens.items()}  # type: ignore[misc]


def _classify(conn: Connection, selections: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Each field asked alone: the data of those the viewer may read, the error code of those refused."""
    allowed: dict[str, Any] = {}
    refused: dict[str, str] = {}
    for name, selection in selections.items():
        body = conn.ask("{ " + selection + " }")
        if "errors" not in body:
            allowed[name] = body["data"][name]
            continue
        (error,) = body["errors"]
        code = error["extensions"]["code"]
        assert code in REFUSED and error["path"] == [name] and body["data"] == {name: None}, (name, body)
        refused[name] = code
    return allowed, refused


@pytest.mark.parametrize("role", [*DEMO_ROLES, "anonymous"])
def test_a_refused_field_leaves_its_siblings_data(role: str, viewers, live_server) -> None:
    token, selections = viewers[role]
    conn = Connection(live_server.graphql_url, token)
    try:
        allowed, refused = _classify(conn, selections)
        assert allowed, role
        # The auditor reads everything: no pairs, only the all-at-once request below.
        assert refused or role == "auditor", (role, sorted(allowed))
        for a in allowed:
            for r in refused:
                for pair in ((a, r), (r, a)):
                    query = "{ " + " ".join(selections[f] for f in pair) + " }"
                    body = conn.ask(query)
                    assert body["data"] == {a: allowed[a], r: None}, (role, pair, body)
                    (error,) = body["errors"]
                    assert error["path"] == [r] and error["extensions"]["code"] == refused[r], (role, pair, body)

        # Everything at once, and the eight refused beside eight allowed.
        body = conn.ask("{ " + " ".join(selections.values()) + " }")
        assert body["data"] == {**allowed, **dict.fromkeys(refused)}
        assert sorted(e["path"][0] for e in body.get("errors", [])) == sorted(refused)
        if refused:
            a, r = next(iter(allowed)), next(iter(refused))
            aliased = " ".join(f"a{i}: {selections[a]} r{i}: {selections[r]}" for i in range(8))
            body = conn.ask("{ " + aliased + " }")
            assert body["data"] == {**{f"a{i}": allowed[a] for i in range(8)}, **{f"r{i}": None for i in range(8)}}
            assert sorted(e["path"][0] for e in body["errors"]) == sorted(f"r{i}" for i in range(8))

        # The connection, and the server's database connection, are still fine.
        body = conn.ask("{ viewer { username } }")
        assert body["data"] == {"viewer": {"username": role} if token else None} and "errors" not in body
    finally:
        conn.close()
