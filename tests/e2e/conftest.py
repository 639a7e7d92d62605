"""Browser tests: headless Chromium (Debian's package) against a live, seeded server.

The server comes from the ``live_server`` fixture of ``tests.support.live_server``; it
serves the built web app from ``frontend/dist``, so run ``npm run build`` in
``frontend/`` first. ``YECAI_E2E_CHROMIUM`` overrides the browser path and
``YECAI_E2E_SCREENSHOTS`` names a directory to save page screenshots into.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, expect, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("YECAI_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "Yecai@2026"
NAV_KEYS = (
    "home",
    "salesOrders",
    "deliveries",
    "purchaseReceipts",
    "cash",
    "expenseClaims",
    "masterData",
    "vouchers",
    "trialBalance",
    "accountLedger",
    "incomeStatement",
    "balanceSheet",
    "accounts",
    "fiscalPeriods",
    "postingRules",
    "reconciliation",
    "meetingCalendar",
    "meetingSeries",
    "actionItems",
    "users",
    "departments",
    "roles",
    "tokens",
    "audit",
    "searchIndex",
    "notifications",
    "publications",
    "sharingRules",
    "sharingFigures",
    "myLearning",
    "courseAdmin",
    "learningFigures",
    "workCalendar",
    "myCertificates",
    "certificates",
    "myPerformance",
    "evaluationCycles",
)

# From the contract's navigation table: each entry and the permissions of which the viewer
# needs one (each feature module's routes, frontend/src/<domain>/feature.tsx). Home is everyone's. Tests derive what a user
# should see from the permissions the server reports for them, so a change of role
# defaults moves the expectation with it.
OPERATIONS = {"OPERATIONS_READ"}
NAV_RULES: dict[str, set[str]] = {
    "home": set(),
    "salesOrders": OPERATIONS,
    "deliveries": OPERATIONS,
    "purchaseReceipts": OPERATIONS,
    "cash": OPERATIONS,
    "expenseClaims": {"OPERATIONS_READ", "OPERATIONS_CLAIM_EXPENSES"},
    "masterData": OPERATIONS,
    "vouchers": {"LEDGER_READ"},
    "trialBalance": {"LEDGER_READ"},
    "accountLedger": {"LEDGER_READ"},
    "incomeStatement": {"LEDGER_READ"},
    "balanceSheet": {"LEDGER_READ"},
    "accounts": {"LEDGER_READ"},
    "fiscalPeriods": {"LEDGER_READ"},
    "postingRules": {"POSTING_READ"},
    "reconciliation": {"LEDGER_READ"},
    "meetingCalendar": {"MEETINGS_READ"},
    "meetingSeries": {"MEETINGS_READ"},
    "actionItems": {"MEETINGS_READ"},
    "users": {"ORG_READ"},
    "departments": {"ORG_READ"},
    "roles": {"AUTH_MANAGE_ROLES"},
    "tokens": {"AUTH_USE_API_TOKENS"},
    "audit": {"AUDIT_READ"},
    "searchIndex": {"SEARCH_MANAGE"},
    "notifications": set(),
    "publications": {"SHARING_READ"},
    "sharingRules": {"SHARING_READ"},
    "sharingFigures": {"SHARING_EVALUATE", "SHARING_MANAGE"},
    "myLearning": {"LEARNING_READ"},
    "courseAdmin": {"LEARNING_AUTHOR", "LEARNING_MANAGE"},
    "learningFigures": {"LEARNING_EVALUATE", "LEARNING_MANAGE"},
    "workCalendar": {"WORKDAYS_MANAGE"},
    "myCertificates": set(),
    "certificates": {"CERTIFICATES_READ_ALL", "CERTIFICATES_ISSUE", "CERTIFICATES_REVOKE", "CERTIFICATES_OVERSEE"},
    "myPerformance": {"PERFORMANCE_READ"},
    "evaluationCycles": {"PERFORMANCE_MANAGE", "PERFORMANCE_ASSESS"},
}


def expected_nav(permissions: set[str]) -> set[str]:
    """The navigation entries a viewer with these permissions sees."""
    return {key for key, any_of in NAV_RULES.items() if not any_of or any_of & permissions}


# Generous for a cold CI machine; a passing step takes milliseconds.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def web_app_built() -> None:
    if not (REPO_ROOT / "frontend" / "dist" / "index.html").exists():
        pytest.fail("frontend/dist is missing: run `npm ci && npm run build` in frontend/ first")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `apt-get install chromium fonts-noto-cjk`")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser, live_server: str, web_app_built: None) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies, no remembered language) per test."""
    context = browser.new_context(
        base_url=live_server,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        viewport={"width": 1440, "height": 900},
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Fill the sign-in form and wait for the shell to show the home entry."""
    if "/login" not in page.url:
        page.goto("/login")
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("nav-home")).to_be_visible()


def open_dropdown(page: Page) -> Locator:
    """The dropdown that is open now (a closing one ignores clicks)."""
    return page.locator(".ant-dropdown:not(.ant-dropdown-hidden)")


def choose_language(page: Page, language: str) -> None:
    page.get_by_test_id("lang-switch").click()
    open_dropdown(page).get_by_test_id(f"lang-{language}").click()


def sign_out(page: Page) -> None:
    """Sign out through the header's user menu and wait for the sign-in page."""
    page.get_by_test_id("user-menu").click()
    open_dropdown(page).get_by_test_id("logout").click()
    expect(page.get_by_test_id("login-submit")).to_be_visible()


def visible_nav(page: Page) -> set[str]:
    """The keys of the navigation entries in the sider."""
    expect(page.get_by_test_id("nav-home")).to_be_visible()
    ids = page.locator('[data-testid^="nav-"]').evaluate_all("els => els.map(e => e.dataset.testid)")
    return {re.sub(r"^nav-", "", i) for i in ids}


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("YECAI_E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        expect(page.locator(".ant-spin-spinning")).to_have_count(0)
        page.wait_for_timeout(600)  # let drawers and modals finish their entrance animation
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def signed_in(page: Page) -> Callable[[str], Page]:
    def _sign_in(username: str, password: str = DEMO_PASSWORD) -> Page:
        page.goto("/login")
        sign_in(page, username, password)
        return page

    return _sign_in


def graphql(base_url: str, query: str, variables: dict | None = None, token: str | None = None) -> dict:
    headers = {"Accept": "application/graphql-response+json, application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = httpx.post(
        f"{base_url}/graphql", json={"query": query, "variables": variables or {}}, headers=headers, timeout=30
    )
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def create_user_via_api(base_url: str, username: str, password: str, display_name: str) -> None:
    """Set-up shortcut for tests that are not about creating users."""
    login = graphql(
        base_url,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
        " ... on LoginSuccess { token } ... on LoginError { message } } }",
        {"u": "admin", "p": DEMO_PASSWORD},
    )["login"]
    assert "token" in login, login
    created = graphql(
        base_url,
        "mutation($input: CreateUserInput!) { createUser(input: $input) {"
        " __typename ... on CreateUserError { message } } }",
        {"input": {"username": username, "password": password, "displayName": display_name}},
        token=login["token"],
    )["createUser"]
    assert created["__typename"] == "CreateUserSuccess", created
