"""Each demo role sees exactly the navigation its permissions allow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .books_setup import permissions_of
from .conftest import NAV_KEYS, NAV_RULES, expected_nav, visible_nav

pytestmark = pytest.mark.e2e

GROUPS = {
    "业务单据": {"salesOrders", "deliveries", "purchaseReceipts", "cash", "expenseClaims", "masterData"},
    "账簿": {"vouchers", "trialBalance", "accountLedger", "incomeStatement", "balanceSheet", "accounts", "fiscalPeriods"},
    "记账规则与对账": {"postingRules", "reconciliation"},
    "协同": {"meetingCalendar", "meetingSeries", "actionItems"},
}
DEMO_USERS = ["admin", "finance", "business", "hr", "manager", "staff", "auditor"]


def test_nav_rules_cover_every_entry() -> None:
    assert set(NAV_RULES) == set(NAV_KEYS)


@pytest.mark.parametrize("username", DEMO_USERS)
def test_role_sees_exactly_its_navigation(signed_in: Callable[[str], Page], live_server: str, username: str) -> None:
    expected = expected_nav(permissions_of(live_server, username))
    page = signed_in(username)
    assert visible_nav(page) == expected
    expect(page.get_by_test_id("home-greeting")).to_be_visible()
    sider = page.get_by_test_id("sider")
    for label, keys in GROUPS.items():
        expect(sider.get_by_text(label, exact=True)).to_have_count(1 if keys & expected else 0)


def test_demo_roles_get_the_books_and_documents_they_work_with(live_server: str) -> None:
    """The defaults the navigation above is derived from, spelled out once."""
    nav = {user: expected_nav(permissions_of(live_server, user)) for user in DEMO_USERS}
    books = {
        "vouchers",
        "trialBalance",
        "accountLedger",
        "incomeStatement",
        "balanceSheet",
        "accounts",
        "fiscalPeriods",
        "reconciliation",
    }
    documents = GROUPS["业务单据"]
    assert documents | books | {"postingRules"} <= nav["finance"]
    assert documents <= nav["business"] and not books & nav["business"]
    assert books <= nav["manager"] and "postingRules" not in nav["manager"]
    assert documents | books | {"postingRules", "audit"} <= nav["auditor"]
    assert "expenseClaims" in nav["staff"] and not (documents - {"expenseClaims"}) & nav["staff"]
    assert not books & nav["staff"]


def test_page_without_permission_shows_forbidden(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("staff")
    page.goto("/audit")
    expect(page.get_by_text("无权访问")).to_be_visible()
    expect(page.get_by_test_id("audit-table")).to_have_count(0)


def test_client_routes_survive_a_reload(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    for path, testid in [
        ("/users", "users-table"),
        ("/audit", "audit-table"),
        ("/roles", "roles-table"),
    ]:
        page.goto(path)
        expect(page.get_by_test_id(testid)).to_be_visible()
        page.reload()
        expect(page.get_by_test_id(testid)).to_be_visible()


def test_home_survives_a_reload(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    page.reload()
    expect(page.get_by_test_id("home-greeting")).to_be_visible()


def test_anonymous_visitor_is_sent_to_sign_in_and_back(page: Page) -> None:
    page.goto("/departments")
    expect(page).to_have_url("/login?next=%2Fdepartments")
    page.get_by_test_id("login-username").fill("admin")
    page.get_by_test_id("login-password").fill("Yecai@2026")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("departments-table")).to_be_visible()
    assert page.url.endswith("/departments")


def test_read_only_viewer_gets_no_management_controls(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("staff")
    page.get_by_test_id("nav-users").click()
    table = page.get_by_test_id("users-table")
    expect(table.locator("tr.ant-table-row").first).to_be_visible()
    expect(page.get_by_test_id("user-create")).to_have_count(0)
    expect(table.locator("th", has_text="操作")).to_have_count(0)
    page.get_by_test_id("nav-departments").click()
    expect(page.get_by_test_id("departments-table")).to_contain_text("财务部")
    expect(page.get_by_test_id("department-create")).to_have_count(0)
    expect(page.get_by_test_id("departments-table").locator("th", has_text="操作")).to_have_count(0)
