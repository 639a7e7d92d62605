"""Sharing rules and figures in the browser: an admin sets up a rule in the form (the server's refusals shown on the
field, by its label), finds it in the list and changes it; the figures dashboard shows the same on-time rate as the
API, its chart, the per-department tab and a department's monthly report."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import DEMO_PASSWORD, graphql, screenshot
from .test_meetings import choose, pick_date

pytestmark = pytest.mark.e2e

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOGIN = ("mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
         " ... on LoginSuccess { token } ... on LoginError { message } } }")
RULES = ("{ sharingRules(first: 100) { edges { node { title recurrence deadlineMinutes"
         " responsible { username } audienceUsers { username } } } } }")
FIGURES = "query($from: Date!, $to: Date!) { sharingFigures(from: $from, to: $to) { total { due onTimeRate } } }"


def field_error(page: Page, testid: str) -> Locator:
    """The error shown under the form item that holds the control with this test id."""
    return page.locator(".ant-form-item").filter(has=page.get_by_test_id(testid)).locator(".ant-form-item-explain-error")


def deadline(page: Page) -> Locator:
    """The deadline's number input (Ant Design puts the test id on the input or on its wrapper)."""
    return page.locator('[data-testid="rule-deadline"] input, input[data-testid="rule-deadline"]').first


def rules_titled(base_url: str, token: str, title: str) -> list[dict]:
    return [e["node"] for e in graphql(base_url, RULES, token=token)["sharingRules"]["edges"]
            if e["node"]["title"] == title]


def test_an_admin_sets_up_a_rule_in_the_form_and_changes_it(signed_in: Callable[[str], Page], live_server: str) -> None:
    title = f"库存周报 {uuid.uuid4().hex[:6]}"
    page = signed_in("admin")
    page.get_by_test_id("nav-sharingRules").click()
    page.get_by_test_id("rule-new").click()
    page.get_by_test_id("rule-title").fill(title)
    choose(page, "rule-responsible", "business", "李销售")
    choose(page, "rule-audience-users", "finance", "陈会计", closes=False)
    expect(page.get_by_test_id("rule-audience-users").locator(".ant-select-selection-item", has_text="陈会计")).to_be_visible()
    page.keyboard.press("Escape")
    monday = datetime.now(SHANGHAI).date() + timedelta(days=7 - datetime.now(SHANGHAI).weekday())
    pick_date(page, "rule-starts", f"{monday:%Y-%m-%d} 09:00")

    # Not an RRULE: refused by the server, shown on 重复规则.
    page.get_by_test_id("rule-recurrence").fill("FREQ=SOMETIMES")
    page.get_by_test_id("rule-submit").click()
    expect(field_error(page, "rule-recurrence")).to_contain_text("RRULE")
    # A deadline at the time node itself: refused on the deadline.
    page.get_by_test_id("rule-recurrence").fill("FREQ=WEEKLY;BYDAY=MO")
    deadline(page).fill("0")
    page.get_by_test_id("rule-submit").click()
    expect(field_error(page, "rule-deadline")).to_contain_text("截止时间")
    screenshot(page, "sharing-rule-refused")
    deadline(page).fill("120")
    page.get_by_test_id("rule-submit").click()
    row = page.locator("tr").filter(has=page.get_by_test_id("rule-row-title").filter(has_text=title))
    expect(row).to_be_visible()

    token = graphql(live_server, LOGIN, {"u": "admin", "p": DEMO_PASSWORD})["login"]["token"]
    (saved,) = rules_titled(live_server, token, title)
    assert saved == {"title": title, "recurrence": "FREQ=WEEKLY;BYDAY=MO", "deadlineMinutes": 120,
                     "responsible": {"username": "business"}, "audienceUsers": [{"username": "finance"}]}

    # Changed in the same form: a later deadline.
    row.get_by_test_id("rule-edit").click()
    expect(page.get_by_test_id("rule-title")).to_have_value(title)
    deadline(page).fill("240")
    page.get_by_test_id("rule-submit").click()
    expect(page.get_by_test_id("rule-submit")).to_have_count(0)
    (saved,) = rules_titled(live_server, token, title)
    assert saved["deadlineMinutes"] == 240


def test_the_figures_dashboard_shows_what_the_api_counts(signed_in: Callable[[str], Page], live_server: str) -> None:
    today = datetime.now(SHANGHAI).date()
    token = graphql(live_server, LOGIN, {"u": "admin", "p": DEMO_PASSWORD})["login"]["token"]
    total = graphql(live_server, FIGURES, {"from": f"{today - timedelta(days=29)}", "to": f"{today}"},
                    token=token)["sharingFigures"]["total"]
    assert total["due"] > 0  # the demo's last two weeks of publications
    page = signed_in("admin")
    page.get_by_test_id("nav-sharingFigures").click()
    rate = "—" if total["onTimeRate"] is None else f"{float(total['onTimeRate']) * 100:.1f}%"
    expect(page.get_by_test_id("figures-on-time")).to_contain_text(rate)
    expect(page.locator("canvas").first).to_be_visible()  # the ECharts chart is drawn
    page.get_by_role("tab", name="按部门").click()
    expect(page.get_by_role("tabpanel", name="按部门").locator("tbody tr").first).to_be_visible()
    screenshot(page, "sharing-figures")

    # A department's monthly report.
    page.get_by_test_id("report-department").click()
    page.locator(".ant-select-tree-node-content-wrapper", has_text=re.compile("^销售部$")).first.click()
    expect(page.get_by_text("月度考评报告")).to_be_visible()
    expect(page.locator(".ant-card", has_text="月度考评报告").locator(".ant-statistic").first).to_be_visible()
