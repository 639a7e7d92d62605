"""Notifications live in the browser: finance pays a claim in one browser, the claimant's bell and toast update
in another without a reload; the claimant opens it, marks it read, and turns the kind off on the settings page."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocket, expect

from .books_setup import ensure_open_period
from .conftest import DEMO_PASSWORD, graphql, sign_in

pytestmark = pytest.mark.e2e

LOGIN = ("mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
         " ... on LoginSuccess { token } ... on LoginError { message } } }")


def _token(base_url: str, username: str) -> str:
    return graphql(base_url, LOGIN, {"u": username, "p": DEMO_PASSWORD})["login"]["token"]


def _approved_claim(base_url: str, description: str) -> None:
    """The business user's claim, approved by their manager, waiting for finance."""
    made = graphql(base_url, "mutation($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) {"
                             " ... on CreateExpenseClaimSuccess { expenseClaim { id } } } }",
                   {"input": {"category": "TRAVEL", "amount": "66.60", "description": description,
                              "date": date.today().isoformat()}}, token=_token(base_url, "business"))
    claim_id = made["createExpenseClaim"]["expenseClaim"]["id"]
    approved = graphql(base_url, "mutation($input: ApproveExpenseClaimInput!) { approveExpenseClaim(input: $input) {"
                                 " __typename } }", {"input": {"id": claim_id}}, token=_token(base_url, "manager"))
    assert approved["approveExpenseClaim"]["__typename"] == "ApproveExpenseClaimSuccess"


def _new_context(browser: Browser, base_url: str) -> BrowserContext:
    context = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1440, "height": 900})
    context.set_default_timeout(15_000)
    return context


@dataclass
class _Frames:
    """What a page's GraphQL WebSocket sent and received (graphql-transport-ws messages)."""

    acknowledged: bool = False
    subscribe_sent: bool = False
    notifications: list[dict[str, Any]] = field(default_factory=list)

    @property
    def subscribed(self) -> bool:
        return self.acknowledged and self.subscribe_sent


def _frames(page: Page) -> _Frames:
    found = _Frames()

    def parsed(payload: str | bytes) -> dict[str, Any]:
        try:
            message = json.loads(payload)
        except ValueError:
            return {}
        return message if isinstance(message, dict) else {}

    def sent(payload: str | bytes) -> None:
        if parsed(payload).get("type") == "subscribe":
            found.subscribe_sent = True

    def received(payload: str | bytes) -> None:
        message = parsed(payload)
        if message.get("type") == "connection_ack":
            found.acknowledged = True
        elif message.get("type") == "next" and "notifications" in (message.get("payload") or {}).get("data", {}):
            found.notifications.append(message)

    def opened(socket: WebSocket) -> None:
        socket.on("framesent", sent)
        socket.on("framereceived", received)

    page.on("websocket", opened)
    return found


def _unread(page: Page) -> int:
    text = page.get_by_test_id("notification-count").locator(".ant-scroll-number").first
    return int(text.get_attribute("title") or "0") if text.count() else 0


def test_a_payment_in_one_browser_rings_the_claimants_bell_in_another(browser: Browser, live_server: str,
                                                                     web_app_built: None) -> None:
    ensure_open_period(live_server)
    purpose = f"出租车费 {secrets.token_hex(3)}"
    _approved_claim(live_server, purpose)
    finance_context, claimant_context = _new_context(browser, live_server), _new_context(browser, live_server)
    try:
        claimant = claimant_context.new_page()
        claimant.goto("/login")
        sign_in(claimant, "business")
        bell = claimant.get_by_test_id("notification-bell")
        expect(bell).to_be_visible()
        claimant.wait_for_timeout(500)  # the subscription is open
        before = _unread(claimant)

        finance = finance_context.new_page()
        frames = _frames(finance)
        finance.goto("/login")
        sign_in(finance, "finance")
        # Finance's own subscription is open (subscribed, acknowledged) before the payment, or its "no toast"
        # below would hold for want of a socket.
        expect(finance.get_by_test_id("notification-bell")).to_be_visible()
        for _ in range(150):
            if frames.subscribed:
                break
            finance.wait_for_timeout(100)
        assert frames.subscribed, f"finance's page never subscribed to its notifications: {frames}"
        finance.get_by_test_id("nav-expenseClaims").click()
        row = finance.get_by_test_id("claims-table").locator("tr.ant-table-row", has_text=purpose)
        row.get_by_test_id("claim-pay").click()
        finance.locator(".ant-popconfirm-buttons .ant-btn-primary").click()
        expect(row.get_by_test_id("document-state")).not_to_have_text("已审批")

        # The claimant's page was not reloaded: the toast and the badge come over the WebSocket.
        toast = claimant.get_by_test_id("notification-toast")
        expect(toast).to_contain_text("已付款")
        expect(claimant.get_by_test_id("notification-count")).to_contain_text(str(before + 1))
        # Finance, who paid, is told nothing: its open subscription got no notification from the same broker
        # message that has reached the claimant's.
        expect(finance.get_by_test_id("notification-toast")).to_have_count(0)
        assert frames.notifications == [], frames.notifications

        bell.click()
        panel = claimant.get_by_test_id("notification-panel")
        first = panel.get_by_test_id("notification-item").first
        expect(first).to_contain_text("已付款")
        expect(first).to_have_attribute("data-read", "0")
        first.click()
        expect(claimant).to_have_url(re.compile(r"/documents/"))
        expect(claimant.get_by_test_id("notification-count")).not_to_contain_text(str(before + 1))

        claimant.get_by_test_id("nav-notifications").click()
        expect(claimant.get_by_test_id("notifications-list")).to_contain_text("已付款")
        claimant.get_by_test_id("notifications-settings-tab").click()
        portal = claimant.get_by_test_id("setting-EXPENSE_CLAIM_PAID-PORTAL")
        expect(portal).to_be_checked()
        portal.click()
        expect(portal).not_to_be_checked()
        portal.click()  # back on, for the tests after this one
        expect(portal).to_be_checked()
    finally:
        finance_context.close()
        claimant_context.close()
