"""Performance in the browser: an evaluation from open to published. HR creates a cycle and opens it, the
business user assesses themselves, their manager assesses them, HR sees the evidence behind each automatic
score in the calibration table, calibrates with a reason and publishes; the business user then sees their
grade in 我的绩效. Along the way: a calibration without a reason is refused on the field; the warehouse's staff
cannot see the business user's scorecard."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import DEMO_PASSWORD, graphql, screenshot, sign_in

pytestmark = pytest.mark.e2e

LOGIN = ("mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
         " ... on LoginSuccess { token } ... on LoginError { message } } }")
CARDS = "query($c: ID) { scorecards(first: 100, cycleId: $c) { totalCount edges { node { id user { username } } } } }"


def _context(browser: Browser, base_url: str) -> BrowserContext:
    context = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1440, "height": 900})
    context.set_default_timeout(15_000)
    return context


def _page(browser: Browser, base_url: str, username: str) -> tuple[BrowserContext, Page]:
    context = _context(browser, base_url)
    page = context.new_page()
    page.goto("/login")
    sign_in(page, username)
    return context, page


def _state(page: Page, text: str) -> None:
    expect(page.get_by_test_id("cycle-state").first).to_have_text(text)


def test_an_evaluation_from_open_to_published(browser: Browser, live_server: str, web_app_built: None) -> None:
    name = f"第一季度业财协同考核 {secrets.token_hex(3)}"
    hr_context, hr = _page(browser, live_server, "hr")
    try:
        hr.get_by_test_id("nav-evaluationCycles").click()
        hr.get_by_test_id("cycle-new").click()
        hr.get_by_test_id("cycle-submit").click()  # no name: refused on the field
        expect(hr.locator(".ant-form-item-explain-error").first).to_have_text("请填写周期名称")
        hr.get_by_test_id("cycle-name").fill(name)
        hr.get_by_test_id("cycle-submit").click()
        hr.get_by_test_id("cycle-link").filter(has_text=name).click()
        hr.wait_for_url(re.compile(r"/performance/cycles/[^/]+$"))
        expect(hr.get_by_text("等级分布")).to_be_visible()  # the cycle's page itself, not the list still shown
        _state(hr, "草稿")
        hr.get_by_test_id("cycle-open").click()
        _state(hr, "已开启")
        hr.get_by_test_id("cycle-advance").click()
        _state(hr, "自评")
        cycle_url = hr.url

        # The business user assesses themselves in 我的绩效 (the result stays hidden until published).
        business_context, business = _page(browser, live_server, "business")
        business.get_by_test_id("nav-myPerformance").click()
        mine = business.get_by_test_id("my-scorecard").filter(has_text=name)
        expect(mine).to_contain_text("发布后可见")
        mine.get_by_test_id("assess-COLLABORATION").click()
        business.get_by_test_id("assess-score").fill("92")
        business.get_by_test_id("assess-comment").fill("牵头与财务部对账，按时完成")
        business.get_by_test_id("assess-submit").click()
        expect(mine.get_by_test_id("assessment").first).to_contain_text("牵头与财务部对账")

        hr.get_by_test_id("cycle-advance").click()
        _state(hr, "上级评分")

        # Their manager assesses them on the cycle's page.
        manager_context, manager = _page(browser, live_server, "manager")
        manager.goto(cycle_url)
        row = manager.get_by_test_id("scorecard-row").filter(has_text="李销售")
        row.locator(".ant-table-row-expand-icon").click()
        view = manager.get_by_test_id("scorecard-view").first
        view.get_by_test_id("assess-COLLABORATION").click()
        manager.get_by_test_id("assess-score").fill("85")
        manager.get_by_test_id("assess-comment").fill("跨部门沟通及时")
        manager.get_by_test_id("assess-submit").click()
        expect(view.get_by_test_id("assessment").filter(has_text="跨部门沟通及时")).to_be_visible()
        manager_context.close()

        hr.get_by_test_id("cycle-advance").click()
        _state(hr, "HR 校准")
        row = hr.get_by_test_id("scorecard-row").filter(has_text="李销售")
        expect(row.get_by_test_id("scorecard-grade")).to_be_visible()
        row.locator(".ant-table-row-expand-icon").click()
        view = hr.get_by_test_id("scorecard-view").first
        expect(view.get_by_test_id("formula").first).to_contain_text("计算方法")
        view.locator(".ant-table-row-expand-icon").first.click()  # an automatic score's records (none: "—")
        expect(view.locator(".ant-table-expanded-row").first).to_be_visible()
        expect(view).to_contain_text("跨部门沟通及时")
        screenshot(hr, "performance-calibration")
        row.get_by_test_id("scorecard-calibrate").click()
        hr.get_by_test_id("calibrate-score").fill("93")
        hr.get_by_test_id("calibrate-submit").click()  # no reason: refused on the field
        expect(hr.locator(".ant-form-item-explain-error").first).to_have_text("请填写校准理由")
        hr.get_by_test_id("calibrate-reason").fill("牵头月度对账改进，效果显著")
        hr.get_by_test_id("calibrate-submit").click()
        expect(hr.get_by_test_id("scorecard-row").filter(has_text="李销售").get_by_test_id("scorecard-grade")
               ).to_have_text("A")
        hr.get_by_test_id("cycle-publish").click()
        hr.get_by_test_id("cycle-publish-confirm").click()
        _state(hr, "已发布")
        expect(hr.get_by_test_id("cycle-publish")).to_have_count(0)

        business.reload()
        mine = business.get_by_test_id("my-scorecard").filter(has_text=name)
        expect(mine.get_by_test_id("my-grade")).to_have_text("A")
        expect(mine.get_by_test_id("my-score")).to_have_text("93.00")
        expect(mine).to_contain_text("牵头月度对账改进，效果显著")
        screenshot(business, "performance-mine")
        business_context.close()

        # The warehouse's staff sees only their own scorecard of the cycle.
        token = graphql(live_server, LOGIN, {"u": "staff", "p": DEMO_PASSWORD})["login"]["token"]
        cycle_id = cycle_url.rsplit("/", 1)[-1]
        from urllib.parse import unquote
        cards = graphql(live_server, CARDS, {"c": unquote(cycle_id)}, token=token)["scorecards"]
        assert {e["node"]["user"]["username"] for e in cards["edges"]} == {"staff"}
    finally:
        hr_context.close()
