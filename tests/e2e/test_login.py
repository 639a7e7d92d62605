"""Sign-in, sign-out and the language switch."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import choose_language, create_user_via_api, screenshot, sign_in, sign_out

pytestmark = pytest.mark.e2e


def test_sign_in_page_offers_the_demo_accounts(page: Page) -> None:
    page.goto("/login")
    expect(page.get_by_test_id("login-demo-hint")).to_contain_text("auditor")
    expect(page.get_by_test_id("login-sso")).to_have_count(0)  # OIDC is off in the demo
    screenshot(page, "login")


def test_wrong_password_shows_the_server_error(page: Page) -> None:
    page.goto("/login")
    page.get_by_test_id("login-username").fill("finance")
    page.get_by_test_id("login-password").fill("not-the-password")
    page.get_by_test_id("login-submit").click()
    error = page.get_by_test_id("login-error")
    expect(error).to_be_visible()
    expect(error).not_to_be_empty()
    expect(page).to_have_url("/login")
    expect(page.get_by_test_id("nav-home")).to_have_count(0)


def test_header_shows_viewer_and_sign_out_works(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("finance")
    expect(page.get_by_test_id("viewer-name")).not_to_be_empty()
    expect(page.get_by_test_id("viewer-department")).not_to_be_empty()
    sign_out(page)
    # The session cookie is gone: protected pages send us back to sign in.
    page.goto("/users")
    expect(page.get_by_test_id("login-submit")).to_be_visible()


def test_language_switch_changes_the_menu_and_is_remembered(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    expect(page.get_by_test_id("nav-users")).to_have_text("用户管理")
    choose_language(page, "en")
    expect(page.get_by_test_id("nav-users")).to_have_text("Users")
    expect(page.get_by_test_id("nav-audit")).to_have_text("Audit trail")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_test_id("nav-users").click()
    page.reload()
    expect(page.get_by_test_id("nav-users")).to_have_text("Users")
    choose_language(page, "zh-CN")
    expect(page.get_by_test_id("nav-users")).to_have_text("用户管理")


def test_server_messages_follow_the_language(page: Page) -> None:
    page.goto("/login")
    choose_language(page, "en")
    expect(page.get_by_test_id("login-submit")).to_have_text("Sign in")
    page.get_by_test_id("login-username").fill("business")
    page.get_by_test_id("login-password").fill("not-the-password")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("password")


def test_ended_session_returns_to_sign_in(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("hr")
    # The home page's own requests are done first (a card loading late would meet the ended session itself and
    # go to sign-in before the click).
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    page.get_by_test_id("nav-users").click()
    expect(page.get_by_test_id("login-submit")).to_be_visible()
    expect(page).to_have_url("/login?next=%2Fusers")


def test_session_lives_only_in_an_http_only_cookie(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("auditor")
    stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert set(stored) <= {"yecai.language", "yecai.siderCollapsed"}
    cookies = page.context.cookies()
    assert cookies, "signing in should set a session cookie"
    assert all(c["httpOnly"] for c in cookies)
    assert page.evaluate("document.cookie") == ""


def test_change_password(page: Page, live_server: str) -> None:
    username = f"e2e_{secrets.token_hex(3)}"
    create_user_via_api(live_server, username, "Jiumima@2026", "改密测试")
    page.goto("/login")
    sign_in(page, username, "Jiumima@2026")

    page.get_by_test_id("user-menu").click()
    page.get_by_test_id("change-password").click()
    form = page.get_by_test_id("change-password-form")
    form.locator("#currentPassword").fill("wrong-password")
    form.locator("#newPassword").fill("Xinmima@2026")
    form.locator("#confirm").fill("Xinmima@2026")
    page.get_by_role("dialog").get_by_role("button", name="保 存").or_(
        page.get_by_role("dialog").get_by_role("button", name="保存")
    ).click()
    expect(form.locator("#currentPassword_help")).not_to_be_empty()  # the server's message, on the field

    form.locator("#currentPassword").fill("Jiumima@2026")
    page.get_by_role("dialog").get_by_role("button", name="保 存").or_(
        page.get_by_role("dialog").get_by_role("button", name="保存")
    ).click()
    expect(page.get_by_role("dialog")).to_be_hidden()

    sign_out(page)
    sign_in(page, username, "Xinmima@2026")
    expect(page.get_by_test_id("home-greeting")).to_contain_text("改密测试")
