"""The pages of the books and of posting rules render and act for finance, Chinese first."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .books_setup import deliver_all, ensure_open_period, goods_in_stock, sales_order
from .conftest import choose_language, screenshot

pytestmark = pytest.mark.e2e


def choose(page: Page, testid: str, text: str) -> None:
    page.get_by_test_id(testid).click()
    page.keyboard.type(text)
    page.locator(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", has_text=text
    ).first.click()


def test_books_pages_render(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("finance")
    page.get_by_test_id("nav-vouchers").click()
    expect(page.get_by_test_id("vouchers-table").locator("tr.ant-table-row").first).to_contain_text("记-")
    screenshot(page, "vouchers")

    page.get_by_test_id("nav-accounts").click()
    expect(page.get_by_test_id("accounts-table")).to_contain_text("应收账款")
    screenshot(page, "accounts")

    page.get_by_test_id("nav-fiscalPeriods").click()
    expect(page.get_by_test_id("periods-table")).to_contain_text("已开启")

    page.get_by_test_id("nav-masterData").click()
    page.get_by_test_id("master-tab-products").click()
    expect(page.get_by_test_id("master-table-products")).to_contain_text("工业控制器")
    demo_product = page.get_by_test_id("master-table-products").locator("tr.ant-table-row", has_text="工业控制器")
    expect(demo_product.get_by_test_id("product-stock")).to_contain_text("上海主仓")
    screenshot(page, "master-data-products")

    page.get_by_test_id("nav-purchaseReceipts").click()
    expect(page.get_by_test_id("purchase-receipts-table")).to_contain_text("苏州精密制造有限公司")
    page.get_by_test_id("purchase-receipt-create").click()
    expect(page.get_by_test_id("document-department")).to_be_visible()  # finance enters for any department
    screenshot(page, "purchase-receipt-form")

    page.get_by_test_id("nav-reconciliation").click()
    expect(page.get_by_test_id("check-RECEIVABLES")).to_be_visible()
    expect(page.get_by_test_id("check-STOCK")).to_be_visible()
    screenshot(page, "reconciliation")


def test_manual_voucher_balances_before_it_is_saved(signed_in: Callable[[str], Page], live_server: str) -> None:
    ensure_open_period(live_server)
    page = signed_in("finance")
    page.get_by_test_id("nav-vouchers").click()
    page.get_by_test_id("voucher-create").click()
    page.get_by_test_id("voucher-summary").fill("计提本月办公费")
    choose(page, "voucher-line-0-account", "660202")
    page.get_by_test_id("voucher-line-0-department").click()  # 660202 asks for the department
    page.locator(".ant-select-tree-node-content-wrapper", has_text="财务部").first.click()
    page.get_by_test_id("voucher-line-0-debit").fill("320")
    choose(page, "voucher-line-1-account", "1001")
    page.get_by_test_id("voucher-line-1-credit").fill("300")
    expect(page.get_by_test_id("voucher-balance")).to_contain_text("借贷不平衡")
    expect(page.get_by_test_id("voucher-balance")).to_contain_text("20.00")
    page.get_by_test_id("voucher-line-1-credit").fill("320")
    expect(page.get_by_test_id("voucher-balance")).to_contain_text("借贷平衡")
    screenshot(page, "voucher-form")
    page.get_by_test_id("voucher-submit").click()

    expect(page.get_by_test_id("voucher-state")).to_have_text("未审核")
    expect(page.get_by_test_id("voucher-total-debit")).to_have_text("320.00")
    expect(page.get_by_test_id("voucher-review")).to_have_count(0)  # the preparer does not review
    expect(page.get_by_test_id("line-rule")).to_have_count(0)
    expect(page.get_by_test_id("voucher-lines").locator("tr.ant-table-row", has_text="660202")).to_contain_text(
        "财务部"
    )
    page.get_by_test_id("voucher-delete").click()
    page.locator(".ant-popconfirm-buttons .ant-btn-primary").click()
    expect(page.get_by_test_id("vouchers-table")).to_be_visible()


def test_posting_rule_refuses_an_unbalanced_version_and_previews_and_replays(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("finance")
    page.get_by_test_id("nav-postingRules").click()
    page.get_by_test_id("posting-rules-table").get_by_role("link", name="sales_delivery_revenue").click()
    editor = page.get_by_test_id("rule-definition")
    expect(editor).to_contain_text("6001")
    definition = json.loads(editor.input_value())

    # Preview the current definition on a delivery of the demo.
    page.get_by_test_id("preview-document").select_option(index=1)
    page.get_by_test_id("preview-run").click()
    expect(page.get_by_test_id("preview-lines").first).to_contain_text("6001")

    # Replay the current version over this month: the books agree with it.
    page.get_by_role("tab", name="重放对比").click()
    page.get_by_test_id("replay-run").click()
    expect(page.get_by_test_id("replay-table")).to_contain_text("一致")
    screenshot(page, "posting-rule")

    # Drop the credit lines: the server refuses the version and says why.
    definition["lines"] = [line for line in definition["lines"] if line["side"] == "DEBIT"]
    editor.fill(json.dumps(definition, ensure_ascii=False))
    page.get_by_test_id("rule-note").fill("只保留借方（应被拒绝）")
    page.get_by_test_id("rule-publish").click()
    expect(page.get_by_test_id("rule-problem")).to_contain_text("RULE_UNBALANCED")

    editor.fill("{ not json")
    page.get_by_test_id("rule-publish").click()
    expect(page.get_by_test_id("rule-problem")).to_contain_text("JSON")


def test_books_speak_english_too(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("finance")
    choose_language(page, "en")
    page.get_by_test_id("nav-trialBalance").click()
    expect(page.get_by_role("heading", name="Trial balance")).to_be_visible()
    expect(page.get_by_test_id("trial-balance")).to_contain_text("Opening balance")
    expect(page.get_by_test_id("tb-totals")).to_contain_text("Total")
    page.get_by_test_id("nav-salesOrders").click()
    expect(page.get_by_role("heading", name="Sales orders")).to_be_visible()
    expect(page.get_by_test_id("sider")).to_contain_text("Business documents")


def test_publishing_a_version_keeps_the_old_one(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("finance")
    page.get_by_test_id("nav-postingRules").click()
    page.get_by_test_id("posting-rules-table").get_by_role("link", name="supplier_payment").click()
    versions = page.locator(".ant-card", has_text="规则版本").locator("tr.ant-table-row")
    expect(versions.first).to_be_visible()
    before = versions.count()
    editor = page.get_by_test_id("rule-definition")
    definition = json.loads(editor.input_value())
    definition["summary"] = "支付 {supplier_name} 货款 {number}"
    editor.fill(json.dumps(definition, ensure_ascii=False))
    page.get_by_test_id("rule-note").fill("摘要改为“支付…货款”")
    page.get_by_test_id("rule-publish").click()
    expect(versions).to_have_count(before + 1)
    expect(page.locator(".ant-card", has_text="规则版本")).to_contain_text("摘要改为“支付…货款”")
    expect(page.get_by_test_id("rule-problem")).to_have_count(0)


def test_posted_voucher_is_corrected_by_a_linked_reversal(signed_in: Callable[[str], Page], live_server: str) -> None:
    goods = goods_in_stock(live_server, quantity="3")
    order_id, _ = sales_order(live_server, goods, quantity="2", price="100.00")
    delivery_id, _ = deliver_all(live_server, goods, order_id)

    page = signed_in("finance")
    page.goto(f"/documents/{delivery_id}")
    page.get_by_test_id("document-vouchers").locator("tr.ant-table-row", has_text="226.00").get_by_test_id(
        "voucher-link"
    ).click()
    original = page.get_by_test_id("voucher-number").inner_text()
    page.get_by_test_id("voucher-reverse").click()
    page.locator(".ant-popconfirm-buttons .ant-btn-primary").click()

    expect(page.get_by_test_id("voucher-reversal-of")).to_have_text(original)
    expect(page.get_by_test_id("voucher-number")).not_to_have_text(original)
    expect(page.get_by_test_id("voucher-state")).to_have_text("已记账")
    reversal = page.get_by_test_id("voucher-number").inner_text()
    expect(page.get_by_test_id("voucher-reverse")).to_have_count(0)  # a reversal is not reversed again
    screenshot(page, "voucher-reversal")
    page.get_by_test_id("voucher-reversal-of").click()
    expect(page.get_by_test_id("voucher-reversed-by")).to_have_text(reversal)
    expect(page.get_by_test_id("voucher-reverse")).to_have_count(0)
