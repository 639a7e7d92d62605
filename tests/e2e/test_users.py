"""An administrator creates a user through the UI, who can then sign in."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .books_setup import permissions_of
from .conftest import expected_nav, sign_in, sign_out, visible_nav

pytestmark = pytest.mark.e2e


def test_admin_creates_a_user_who_can_sign_in(signed_in: Callable[[str], Page], live_server: str) -> None:
    page = signed_in("admin")
    username = f"e2e_{secrets.token_hex(3)}"
    password = "Xinmima@2026"

    page.get_by_test_id("nav-users").click()
    expect(page.get_by_test_id("users-table")).to_be_visible()
    page.get_by_test_id("user-create").click()

    form = page.get_by_test_id("user-form")
    expect(form).to_be_visible()
    page.get_by_test_id("user-form-username").fill(username)
    page.get_by_test_id("user-form-displayName").fill("测试员工")
    page.get_by_test_id("user-form-password").fill(password)
    page.get_by_test_id("user-form-email").fill(f"{username}@example.com")

    page.locator("#userForm_departmentId").click()
    page.locator(".ant-select-tree-node-content-wrapper", has_text="财务部").first.click()
    page.locator("#userForm_roleIds").click()
    page.locator(".ant-select-item-option", has_text="员工").first.click()
    page.keyboard.press("Escape")

    page.get_by_test_id("user-form-submit").click()
    expect(form).to_be_hidden()

    page.get_by_test_id("user-search").fill(username)
    page.get_by_test_id("user-search").press("Enter")
    row = page.get_by_test_id("users-table").locator("tr", has_text=username)
    expect(row).to_be_visible()
    expect(row).to_contain_text("测试员工")
    expect(row).to_contain_text("财务部")
    expect(row).to_contain_text("员工")

    sign_out(page)

    sign_in(page, username, password)
    expect(page.get_by_test_id("home-greeting")).to_contain_text("测试员工")
    expect(page.get_by_test_id("viewer-department")).to_have_text("财务部")
    # A staff member (员工) reads the organisation, keeps API tokens and claims expenses.
    assert visible_nav(page) == expected_nav(permissions_of(live_server, username, password))
    assert {"home", "users", "departments", "tokens", "expenseClaims"} <= visible_nav(page)


def test_duplicate_username_error_lands_on_the_field(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    page.goto("/users")
    page.get_by_test_id("user-create").click()
    page.get_by_test_id("user-form-username").fill("finance")
    page.get_by_test_id("user-form-displayName").fill("重名")
    page.get_by_test_id("user-form-password").fill("Xinmima@2026")
    page.get_by_test_id("user-form-submit").click()
    field_error = page.locator("#userForm_username_help")
    expect(field_error).to_be_visible()
    expect(field_error).not_to_be_empty()
    expect(page.get_by_test_id("user-form")).to_be_visible()
