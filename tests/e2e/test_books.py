"""Business documents post themselves to the books, seen through the browser.

Case 3 of the reference posting cases end to end: an order entered by business staff,
delivered, then followed by finance from the voucher to the trial balance and back to
the documents; and a server error on a document form landing on the field at fault.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .books_setup import current_period, goods_in_stock, sales_order
from .conftest import screenshot, sign_out

pytestmark = pytest.mark.e2e


def choose(page: Page, testid: str, text: str) -> None:
    """Pick the option showing `text` in the Ant Design select with this test id."""
    page.get_by_test_id(testid).click()
    page.keyboard.type(text)
    page.locator(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", has_text=text
    ).first.click()


def test_case_3_sales_delivery_to_trial_balance_and_back(signed_in: Callable[[str], Page], live_server: str) -> None:
    goods = goods_in_stock(live_server, quantity="100", unit_cost="550.00")

    # Business staff enter the order in the UI: 10 at 1,000.00 with 13% VAT.
    page = signed_in("business")
    page.get_by_test_id("nav-salesOrders").click()
    page.get_by_test_id("sales-order-create").click()
    choose(page, "customer-select", goods.customer_name)
    choose(page, "line-0-product", goods.product_name)
    page.locator("#salesOrder_lines_0_quantity").fill("10")
    page.locator("#salesOrder_lines_0_unitPrice").fill("1000")
    expect(page.get_by_test_id("line-0-net")).to_have_text("10,000.00")
    expect(page.get_by_test_id("line-0-tax")).to_have_text("1,300.00")
    expect(page.get_by_test_id("line-0-gross")).to_have_text("11,300.00")
    expect(page.get_by_test_id("lines-totals")).to_contain_text("¥11,300.00")
    screenshot(page, "sales-order-form")
    page.get_by_test_id("document-submit").click()

    expect(page.get_by_test_id("document-number")).to_contain_text("SO-")
    order_number = page.get_by_test_id("document-number").inner_text()
    expect(page.get_by_test_id("document-lines")).to_contain_text("11,300.00")

    # Deliver everything that remains from the warehouse that holds the stock.
    page.get_by_test_id("deliver-open").click()
    choose(page, "deliver-warehouse", f"测试仓{goods.suffix}")
    page.get_by_test_id("deliver-submit").click()
    expect(page.get_by_test_id("document-number")).to_contain_text("SD-")
    delivery_number = page.get_by_test_id("document-number").inner_text()
    delivery_url = page.url
    expect(page.get_by_test_id("document-stock-moves")).to_contain_text("-10")
    expect(page.get_by_test_id("document-vouchers")).to_have_count(0)  # business staff do not read the books
    sign_out(page)

    # Finance opens the delivery's revenue voucher.
    page.get_by_test_id("login-username").fill("finance")
    page.get_by_test_id("login-password").fill("Yecai@2026")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("nav-vouchers")).to_be_visible()
    page.goto(delivery_url)
    vouchers = page.get_by_test_id("document-vouchers")
    expect(vouchers.locator("tr.ant-table-row")).to_have_count(2)  # revenue and cost of goods sold
    vouchers.locator("tr.ant-table-row", has_text="11,300.00").get_by_test_id("voucher-link").click()

    lines = page.get_by_test_id("voucher-lines")
    expect(page.get_by_test_id("voucher-number")).to_contain_text("记-")
    receivable = lines.locator("tr.ant-table-row", has_text="1122")
    revenue = lines.locator("tr.ant-table-row", has_text="6001")
    output_vat = lines.locator("tr.ant-table-row", has_text="22210102")
    expect(receivable.get_by_test_id("line-debit")).to_have_text("11,300.00")
    expect(revenue.get_by_test_id("line-credit")).to_have_text("10,000.00")
    expect(output_vat.get_by_test_id("line-credit")).to_have_text("1,300.00")
    expect(receivable.get_by_test_id("line-dimensions")).to_contain_text(goods.customer_name)
    expect(revenue.get_by_test_id("line-document")).to_have_text(delivery_number)
    expect(revenue.get_by_test_id("line-rule")).to_contain_text("v")
    expect(page.get_by_test_id("voucher-total-debit")).to_have_text("11,300.00")
    expect(page.get_by_test_id("voucher-total-credit")).to_have_text("11,300.00")
    expect(page.get_by_test_id("voucher-state")).to_have_text("已记账")
    screenshot(page, "voucher-detail")

    # The trial balance of the period: the 6001 credit figure drills down to our line.
    page.get_by_test_id("nav-trialBalance").click()
    expect(page.get_by_test_id("trial-balance")).to_contain_text("主营业务收入")
    expect(page.get_by_test_id("tb-totals")).to_be_visible()
    screenshot(page, "trial-balance")
    page.get_by_test_id("tb-credit-6001").click()
    drill = page.get_by_test_id("drill-lines")
    row = drill.locator("tr.ant-table-row", has_text=delivery_number)
    expect(row).to_contain_text("10,000.00")
    screenshot(page, "trial-balance-drill-down")
    row.get_by_test_id("drill-document").click()

    expect(page.get_by_test_id("document-number")).to_have_text(delivery_number)
    page.get_by_test_id("delivery-order-link").click()
    expect(page.get_by_test_id("document-number")).to_have_text(order_number)
    expect(page.get_by_test_id("document-header").get_by_test_id("document-state")).to_have_text("已完成")

    # By customer (辅助核算): the receivable's row names the customer the server hands out, and its
    # debit drills down to this delivery's line.
    page.get_by_test_id("nav-trialBalance").click()
    choose(page, "tb-dimension", "客户")
    by_customer = page.get_by_test_id("trial-balance").locator("tr.ant-table-row", has_text=goods.customer_name)
    expect(by_customer.filter(has_text="1122")).to_have_count(1)
    by_customer.filter(has_text="1122").get_by_test_id("tb-debit-1122").click()
    expect(page.get_by_test_id("drill-lines").locator("tr.ant-table-row", has_text=delivery_number)).to_contain_text(
        "11,300.00")


def test_insufficient_stock_lands_on_the_line_quantity(signed_in: Callable[[str], Page], live_server: str) -> None:
    goods = goods_in_stock(live_server, quantity="5", unit_cost="550.00")
    order_id, _ = sales_order(live_server, goods, quantity="8")

    page = signed_in("business")
    page.goto(f"/documents/{order_id}")
    page.get_by_test_id("deliver-open").click()
    choose(page, "deliver-warehouse", f"测试仓{goods.suffix}")
    page.get_by_test_id("deliver-submit").click()

    quantity_item = page.locator(".ant-form-item", has=page.locator("#deliver_lines_0_quantity"))
    expect(quantity_item.locator(".ant-form-item-explain-error")).to_contain_text("库存不足")
    expect(page.get_by_role("dialog")).to_be_visible()  # nothing was delivered, the form stays open
    screenshot(page, "deliver-insufficient-stock")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("document-header").get_by_test_id("document-state")).to_have_text("未发货")


def test_trial_balance_is_even_for_the_period(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("auditor")
    page.get_by_test_id("nav-trialBalance").click()
    totals = page.get_by_test_id("tb-totals")
    expect(totals).to_be_visible()
    cells = totals.locator("td").all_inner_texts()[1:]
    assert len(cells) == 6, cells
    assert cells[0] == cells[1] and cells[2] == cells[3] and cells[4] == cells[5], cells
    picker = page.locator('input[data-testid="period-picker"], [data-testid="period-picker"] input').first
    assert picker.input_value() == current_period()


def _relogin(page: Page, username: str) -> None:
    sign_out(page)
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill("Yecai@2026")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("nav-home")).to_be_visible()


def test_expense_claim_claimed_approved_paid_and_posted(signed_in: Callable[[str], Page], live_server: str) -> None:
    goods_in_stock(live_server, quantity="1")  # only to make sure the period is open
    purpose = f"客户拜访差旅 {secrets.token_hex(3)}"
    page = signed_in("business")
    page.get_by_test_id("nav-expenseClaims").click()
    page.get_by_test_id("claim-create").click()
    page.get_by_test_id("claim-amount").fill("888.8")
    page.get_by_test_id("claim-description").fill(purpose)
    page.get_by_test_id("claim-submit").click()
    row = page.get_by_test_id("claims-table").locator("tr.ant-table-row", has_text=purpose)
    expect(row).to_contain_text("¥888.80")
    expect(row.get_by_test_id("document-state")).to_have_text("待审批")
    expect(row.get_by_test_id("claim-approve")).to_have_count(0)  # nobody approves their own claim

    _relogin(page, "manager")
    page.get_by_test_id("nav-expenseClaims").click()
    row = page.get_by_test_id("claims-table").locator("tr.ant-table-row", has_text=purpose)
    row.get_by_test_id("claim-approve").click()
    expect(row.get_by_test_id("document-state")).to_have_text("已审批")
    expect(row.get_by_test_id("claim-pay")).to_have_count(0)

    _relogin(page, "finance")
    page.get_by_test_id("nav-expenseClaims").click()
    row = page.get_by_test_id("claims-table").locator("tr.ant-table-row", has_text=purpose)
    row.get_by_test_id("claim-pay").click()
    page.locator(".ant-popconfirm-buttons .ant-btn-primary").click()
    expect(row.get_by_test_id("document-state")).not_to_have_text("已审批")
    row.get_by_test_id("document-link").click()
    page.get_by_test_id("document-vouchers").get_by_test_id("voucher-link").first.click()
    lines = page.get_by_test_id("voucher-lines")
    expect(lines.locator("tr.ant-table-row", has_text="660101").get_by_test_id("line-debit")).to_have_text("888.80")
    expect(lines.locator("tr.ant-table-row", has_text="1002").get_by_test_id("line-credit")).to_have_text("888.80")
    expect(lines.locator("tr.ant-table-row", has_text="660101").get_by_test_id("line-dimensions")).to_contain_text(
        "销售部"
    )


def test_partial_delivery_copy_and_return(signed_in: Callable[[str], Page], live_server: str) -> None:
    goods = goods_in_stock(live_server, quantity="20", unit_cost="550.00")
    order_id, order_number = sales_order(live_server, goods, quantity="10")

    page = signed_in("business")
    page.goto(f"/documents/{order_id}")
    header = page.get_by_test_id("document-header")

    # 引用复制: a new open order with the same lines, linked to its source.
    page.get_by_test_id("order-copy").click()
    expect(page.get_by_test_id("document-number")).not_to_have_text(order_number)
    expect(header).to_contain_text(f"复制自{order_number}")
    expect(page.get_by_test_id("document-lines")).to_contain_text("11,300.00")
    page.go_back()
    expect(page.get_by_test_id("document-number")).to_have_text(order_number)

    # Deliver 4 of the 10 units: the order is partly delivered.
    page.get_by_test_id("deliver-open").click()
    choose(page, "deliver-warehouse", f"测试仓{goods.suffix}")
    page.get_by_test_id("deliver-mode-lines").click()
    page.locator("#deliver_lines_0_quantity").fill("4")
    page.get_by_test_id("deliver-submit").click()
    expect(page.get_by_test_id("document-number")).to_contain_text("SD-")
    expect(page.get_by_test_id("document-lines")).to_contain_text("4,520.00")  # 4 × 1,000.00 × 1.13
    delivery_url = page.url
    page.get_by_test_id("delivery-order-link").click()
    expect(header.get_by_test_id("document-state")).to_have_text("部分发货")
    expect(page.get_by_test_id("order-deliveries").locator("tr.ant-table-row")).to_have_count(1)

    # Return 1 of the 4 delivered units.
    page.goto(delivery_url)
    page.get_by_test_id("return-open").click()
    page.locator("#return_lines_0_quantity").fill("1")
    page.get_by_test_id("return-submit").click()
    expect(page.get_by_test_id("document-number")).to_contain_text("SR-")
    expect(page.get_by_test_id("document-lines")).to_contain_text("1,130.00")
    expect(page.get_by_test_id("document-stock-moves")).to_contain_text("550.00")  # back at the cost of the delivery


def test_document_list_searches_by_number_and_filters_by_state(
    signed_in: Callable[[str], Page], live_server: str
) -> None:
    goods = goods_in_stock(live_server, quantity="1")
    _, number = sales_order(live_server, goods, quantity="1")
    page = signed_in("business")
    page.get_by_test_id("nav-salesOrders").click()
    table = page.get_by_test_id("sales-orders-table")
    expect(table.locator("tr.ant-table-row").first).to_be_visible()
    page.get_by_test_id("list-search").fill(number)
    page.get_by_test_id("list-apply").click()
    expect(table.locator("tr.ant-table-row")).to_have_count(1)
    expect(table).to_contain_text(goods.customer_name)
    expect(page.get_by_test_id("pager-total")).to_contain_text("共 1 条")
    page.get_by_test_id("list-state").click()
    page.locator(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", has_text="已完成"
    ).click()
    expect(table.locator("tr.ant-table-row")).to_have_count(0)
