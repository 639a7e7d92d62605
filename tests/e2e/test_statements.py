"""利润表, 资产负债表 and 明细账 of the current month, read from the browser.

The balance sheet must balance as the page shows it, and the detail ledger's running
balance must end on the closing balance it prints below the entries.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .books_setup import current_period, goods_in_stock
from .conftest import screenshot

pytestmark = pytest.mark.e2e


def period_of(page: Page) -> str:
    return page.locator('[data-testid="period-picker"] input, input[data-testid="period-picker"]').first.input_value()


def test_statements_balance_and_the_ledger_runs_to_its_closing_balance(
    signed_in: Callable[[str], Page], live_server: str
) -> None:
    goods_in_stock(live_server, quantity="10", unit_cost="550.00")  # 1405 moves this month
    page = signed_in("finance")

    # 利润表 of the current month: the lines and both columns are there.
    page.get_by_test_id("nav-incomeStatement").click()
    statement = page.get_by_test_id("income-statement")
    expect(statement).to_contain_text("营业收入")
    expect(statement.locator("thead")).to_contain_text("本月金额")
    expect(statement.locator("thead")).to_contain_text("本年累计金额")
    assert period_of(page) == current_period()
    screenshot(page, "income-statement")

    # 资产负债表: 资产总计 (line 16) equals 负债和所有者权益总计 (line 34) as printed.
    page.get_by_test_id("nav-balanceSheet").click()
    sheet = page.get_by_test_id("balance-sheet")
    expect(sheet).to_contain_text("资产总计")
    expect(sheet).to_contain_text("负债和所有者权益总计")
    assert period_of(page) == current_period()
    assets = page.get_by_test_id("bs-current-16")
    claims = page.get_by_test_id("bs-current-34")
    expect(assets).not_to_have_text("")
    assert assets.inner_text() == claims.inner_text(), (assets.inner_text(), claims.inner_text())
    expect(page.get_by_test_id("bs-comparative-16")).to_have_text(page.get_by_test_id("bs-comparative-34").inner_text())
    screenshot(page, "balance-sheet")

    # 明细账 of 1405, opened from its name in the trial balance of the period.
    page.get_by_test_id("nav-trialBalance").click()
    page.get_by_test_id("tb-ledger-1405").click()
    ledger = page.get_by_test_id("account-ledger")
    expect(page.get_by_test_id("ledger-title")).to_contain_text("1405 库存商品")
    assert period_of(page) == current_period()
    expect(ledger.get_by_test_id("ledger-row-opening")).to_contain_text("期初余额")
    more = page.get_by_test_id("ledger-load-more")
    while more.count():
        more.click()
        expect(ledger.locator(".ant-spin-spinning")).to_have_count(0)
    closing = ledger.get_by_test_id("ledger-row-closing")
    expect(closing).to_contain_text("期末余额")
    expect(ledger.get_by_test_id("ledger-row-total")).to_contain_text("本期合计")
    entries = ledger.get_by_test_id("ledger-row-entry")
    assert entries.count() > 0
    last = entries.last
    expect(last.get_by_test_id("ledger-voucher")).to_be_visible()
    assert last.get_by_test_id("ledger-balance").inner_text() == closing.get_by_test_id("ledger-balance").inner_text()
    assert last.get_by_test_id("ledger-side").inner_text() == closing.get_by_test_id("ledger-side").inner_text()
    screenshot(page, "account-ledger")
