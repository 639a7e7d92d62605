"""Administrator workflows through the UI: departments, roles, user lifecycle, audit filters."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import open_dropdown, sign_in, sign_out

pytestmark = pytest.mark.e2e


def confirm_popover(page: Page) -> None:
    page.locator(".ant-popconfirm .ant-btn-primary").click()


def test_department_create_rename_delete(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    suffix = secrets.token_hex(2).upper()
    page.get_by_test_id("nav-departments").click()
    table = page.get_by_test_id("departments-table")
    expect(table).to_contain_text("财务部")

    table.locator("tr", has_text="财务部").filter(has_text="FIN").first.get_by_role("button", name="添加下级").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("#departmentForm_name").fill(f"资金组{suffix}")
    dialog.locator("#departmentForm_code").fill(f"FIN-T{suffix}")
    dialog.locator("#departmentForm_kind").click()
    page.locator(".ant-select-item-option", has_text="财务").click()
    dialog.get_by_role("button", name="新 建").or_(dialog.get_by_role("button", name="新建")).click()
    expect(dialog).to_be_hidden()
    row = table.locator("tr", has_text=f"FIN-T{suffix}")
    expect(row).to_contain_text(f"资金组{suffix}")

    row.get_by_role("button", name="编 辑").or_(row.get_by_role("button", name="编辑")).click()
    dialog = page.get_by_role("dialog")
    dialog.locator("#departmentForm_name").fill(f"资金管理组{suffix}")
    dialog.get_by_role("button", name="保 存").or_(dialog.get_by_role("button", name="保存")).click()
    expect(row).to_contain_text(f"资金管理组{suffix}")

    row.get_by_role("button", name="删 除").or_(row.get_by_role("button", name="删除")).click()
    confirm_popover(page)
    expect(table.locator("tr", has_text=f"FIN-T{suffix}")).to_have_count(0)


def test_department_code_taken_shows_on_the_field(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    page.get_by_test_id("nav-departments").click()
    page.get_by_test_id("department-create").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("#departmentForm_name").fill("重复编码")
    dialog.locator("#departmentForm_code").fill("FIN")
    dialog.locator("#departmentForm_kind").click()
    page.locator(".ant-select-item-option", has_text="财务").click()
    dialog.get_by_role("button", name="新 建").or_(dialog.get_by_role("button", name="新建")).click()
    expect(dialog.locator("#departmentForm_code_help")).not_to_be_empty()
    expect(dialog).to_be_visible()


def test_custom_role_create_and_delete(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    code = f"e2e_{secrets.token_hex(2)}"
    page.get_by_test_id("nav-roles").click()
    page.get_by_test_id("role-create").click()
    drawer = page.locator(".ant-drawer-content")
    drawer.locator("#roleForm_code").fill(code)
    drawer.locator("#roleForm_name").fill("出纳")
    drawer.locator("#roleForm_description").fill("资金收付")
    drawer.get_by_test_id("permission-domain-org").get_by_text("查看组织").click()
    drawer.get_by_test_id("permission-domain-auth").get_by_text("全选").click()
    page.get_by_test_id("role-form-submit").click()
    expect(drawer).to_be_hidden()

    row = page.get_by_test_id("roles-table").locator("tr", has_text=code)
    expect(row).to_contain_text("出纳")
    expect(row).to_contain_text("自定义")
    expect(row.locator(".ant-tag-blue")).to_have_text("3")

    row.get_by_role("button", name="删 除").or_(row.get_by_role("button", name="删除")).click()
    confirm_popover(page)
    expect(page.get_by_test_id("roles-table").locator("tr", has_text=code)).to_have_count(0)


def test_builtin_roles_cannot_be_deleted(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    page.get_by_test_id("nav-roles").click()
    row = page.get_by_test_id("roles-table").locator("tr", has_text="auditor")
    expect(row).to_contain_text("内置")
    expect(row.get_by_role("button", name="删 除").or_(row.get_by_role("button", name="删除"))).to_have_count(0)


def test_deactivated_user_cannot_sign_in(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    username = f"e2e_{secrets.token_hex(3)}"
    page.goto("/users")
    page.get_by_test_id("user-create").click()
    page.get_by_test_id("user-form-username").fill(username)
    page.get_by_test_id("user-form-displayName").fill("临时工")
    page.get_by_test_id("user-form-password").fill("Linshi@2026")
    page.get_by_test_id("user-form-submit").click()
    expect(page.get_by_test_id("user-form")).to_be_hidden()

    page.get_by_test_id("user-search").fill(username)
    page.get_by_test_id("user-search").press("Enter")
    row = page.get_by_test_id("users-table").locator("tr", has_text=username)
    expect(row).to_contain_text("启用")

    # Assign a role through the dialog.
    page.get_by_test_id(f"user-more-{username}").click()
    open_dropdown(page).locator(".ant-dropdown-menu-item", has_text="分配角色").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".ant-checkbox-wrapper").first).to_be_visible()  # the roles have loaded
    dialog.get_by_text("审计", exact=True).click()
    expect(dialog.locator(".ant-checkbox-wrapper-checked", has_text="审计")).to_have_count(1)
    dialog.get_by_role("button", name="保 存").or_(dialog.get_by_role("button", name="保存")).click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text("审计")

    page.get_by_test_id(f"user-more-{username}").click()
    open_dropdown(page).locator(".ant-dropdown-menu-item", has_text="停用").click()
    page.locator(".ant-modal-confirm .ant-btn-dangerous").click()
    expect(row).to_contain_text("停用")

    sign_out(page)
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill("Linshi@2026")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_be_visible()

    # And the audit trail has the story, filterable by action.
    sign_in(page, "auditor")
    page.get_by_test_id("nav-audit").click()
    page.get_by_test_id("audit-filter-action").fill("user.create")
    page.get_by_test_id("audit-search").click()
    table = page.get_by_test_id("audit-table")
    expect(table.locator("tr.ant-table-row").first).to_contain_text("user.create")
    expect(table.locator("tr.ant-table-row", has_not_text="user.create")).to_have_count(0)


def test_token_revoke(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("manager")
    page.get_by_test_id("nav-tokens").click()
    # Wait for the lazily loaded page and the opened form before typing (a full run once clicked too early).
    expect(page.get_by_test_id("tokens-table")).to_be_visible()
    page.get_by_test_id("token-create").click()
    expect(page.get_by_test_id("token-form-name")).to_be_visible()
    page.get_by_test_id("token-form-name").fill("报表同步")
    expect(page.get_by_test_id("token-form-name")).to_have_value("报表同步")
    page.get_by_test_id("token-form-submit").click()
    page.get_by_test_id("token-secret-done").click(timeout=30_000)
    row = page.get_by_test_id("tokens-table").locator("tr", has_text="报表同步")
    expect(row).to_contain_text("有效")
    row.get_by_role("button", name="撤 销").or_(row.get_by_role("button", name="撤销")).click()
    confirm_popover(page)
    expect(row).to_contain_text("已撤销")
