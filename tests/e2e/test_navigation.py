"""Each demo role sees exactly the navigation its permissions allow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import NAV_KEYS, visible_nav

pytestmark = pytest.mark.e2e

# From the contract's navigation table: home always; users and departments need
# org.read; roles needs auth.manage_roles; tokens auth.use_api_tokens; audit audit.read.
EVERYONE = {"home", "users", "departments", "tokens"}
EXPECTED_NAV = {
    "admin": set(NAV_KEYS),
    "finance": EVERYONE,
    "business": EVERYONE,
    "hr": EVERYONE,
    "manager": EVERYONE,
    "staff": EVERYONE,
    "auditor": EVERYONE | {"audit"},
}


@pytest.mark.parametrize("username", list(EXPECTED_NAV))
def test_role_sees_exactly_its_navigation(signed_in: Callable[[str], Page], username: str) -> None:
    page = signed_in(username)
    assert visible_nav(page) == EXPECTED_NAV[username]
    expect(page.get_by_test_id("home-greeting")).to_be_visible()


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
