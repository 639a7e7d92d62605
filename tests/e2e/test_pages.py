"""Every page of the shell renders for the administrator, Chinese first."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import screenshot

pytestmark = pytest.mark.e2e


def test_main_pages_render(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    expect(page.get_by_test_id("home-roles")).to_contain_text("系统管理员")
    screenshot(page, "home")

    page.get_by_test_id("nav-users").click()
    expect(page.get_by_test_id("users-table").locator("tr.ant-table-row").first).to_be_visible()
    expect(page.get_by_test_id("pager-total")).to_contain_text("共")
    screenshot(page, "users")

    page.get_by_test_id("nav-departments").click()
    expect(page.get_by_test_id("departments-table")).to_contain_text("财务部")
    screenshot(page, "departments")

    page.get_by_test_id("nav-roles").click()
    expect(page.get_by_test_id("roles-table")).to_contain_text("系统管理员")
    page.get_by_test_id("roles-table").locator("tr", has_text="审计").get_by_role("button", name="编 辑").or_(
        page.get_by_test_id("roles-table").locator("tr", has_text="审计").get_by_role("button", name="编辑")
    ).first.click()
    expect(page.get_by_test_id("permission-domain-org")).to_be_visible()
    screenshot(page, "role-editor")
    page.keyboard.press("Escape")

    page.get_by_test_id("nav-audit").click()
    table = page.get_by_test_id("audit-table")
    expect(table.locator("tr.ant-table-row").first).to_be_visible()
    table.locator(".ant-table-row-expand-icon").first.click()
    expect(table).to_contain_text("哈希")
    screenshot(page, "audit")


def test_api_token_secret_is_shown_once(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("staff")
    page.get_by_test_id("nav-tokens").click()
    page.get_by_test_id("token-create").click()
    page.get_by_test_id("token-form-name").fill("对账脚本")
    page.get_by_test_id("token-form-submit").click()
    secret = page.get_by_test_id("token-secret")
    expect(secret).to_be_visible()
    expect(secret).not_to_be_empty()
    screenshot(page, "token-secret")
    page.get_by_test_id("token-secret-done").click()
    expect(page.get_by_test_id("tokens-table")).to_contain_text("对账脚本")
    expect(page.get_by_test_id("token-secret")).to_have_count(0)


def test_audit_trail_pages_with_cursors(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("auditor")
    page.get_by_test_id("nav-audit").click()
    rows = page.get_by_test_id("audit-table").locator("tr.ant-table-row")
    expect(rows.first).to_be_visible()
    first_seq = int(rows.first.locator("td").nth(1).inner_text())
    expect(page.get_by_test_id("pager-next")).to_be_enabled()  # the demo seed alone writes more than a page
    page.get_by_test_id("pager-next").click()
    expect(rows.first.locator("td").nth(1)).not_to_have_text(str(first_seq))
    second_seq = int(rows.first.locator("td").nth(1).inner_text())
    assert second_seq < first_seq  # newest first
    page.get_by_test_id("pager-prev").click()
    expect(rows.first.locator("td").nth(1)).to_have_text(str(first_seq))
    expect(page.get_by_test_id("pager-prev")).to_be_disabled()
