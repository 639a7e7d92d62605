"""Information sharing in the browser: the responsible person publishes a due publication; a receiver in a second
browser sees the notification arrive live (toast and bell, no reload) and acknowledges it; an outsider cannot see it.

The test sets up its own rule (a unique title) through the API, with its first time node a minute or two ahead,
and lets the server's own scheduler make the publication due, as it would in production.
"""

from __future__ import annotations

import secrets
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from .conftest import DEMO_PASSWORD, graphql, screenshot, sign_in

pytestmark = pytest.mark.e2e

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOGIN = ("mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
         " ... on LoginSuccess { token } ... on LoginError { message } } }")
USER = "query($q: String) { users(first: 5, search: $q) { edges { node { id username } } } }"
CREATE = ("mutation($input: CreateSharingRuleInput!) { createSharingRule(input: $input) { __typename"
          " ... on CreateSharingRuleSuccess { rule { id nextNodeAt } } ... on CreateSharingRuleError { field message } } }")
TO_PUBLISH = "{ publications(first: 50, toPublish: true) { edges { node { id title state } } } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
ALL = "{ publications(first: 100) { edges { node { id } } } }"


def _token(base_url: str, username: str) -> str:
    return graphql(base_url, LOGIN, {"u": username, "p": DEMO_PASSWORD})["login"]["token"]


def _user_id(base_url: str, token: str, username: str) -> str:
    edges = graphql(base_url, USER, {"q": username}, token=token)["users"]["edges"]
    return next(e["node"]["id"] for e in edges if e["node"]["username"] == username)


def _due_publication(base_url: str, title: str) -> str:
    """A rule of the business user's for the finance user, its first node just ahead; the publication's id once
    the scheduler has made it due."""
    admin = _token(base_url, "admin")
    node = (datetime.now(SHANGHAI) + timedelta(minutes=1)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    made = graphql(base_url, CREATE, {"input": {"rule": {
        "title": title, "responsibleId": _user_id(base_url, admin, "business"), "recurrence": "FREQ=DAILY",
        "startsAt": node.isoformat(), "deadlineMinutes": 120,
        "audienceUserIds": [_user_id(base_url, admin, "finance")]}}}, token=admin)["createSharingRule"]
    assert made["__typename"] == "CreateSharingRuleSuccess", made
    business = _token(base_url, "business")
    deadline = time.monotonic() + 200
    while time.monotonic() < deadline:
        for edge in graphql(base_url, TO_PUBLISH, token=business)["publications"]["edges"]:
            if edge["node"]["title"] == title:
                assert edge["node"]["state"] == "DUE"
                return edge["node"]["id"]
        time.sleep(2)
    raise AssertionError(f"the scheduler made no publication of {title} due by its time node {node}")


def _context(browser: Browser, base_url: str) -> BrowserContext:
    context = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1440, "height": 900})
    context.set_default_timeout(15_000)
    return context


def test_publish_due_then_a_receiver_is_told_live_and_acknowledges(browser: Browser, live_server: str,
                                                                   web_app_built: None) -> None:
    title = f"销售日报 {secrets.token_hex(3)}"
    publication_id = _due_publication(live_server, title)
    publisher_context, receiver_context = _context(browser, live_server), _context(browser, live_server)
    try:
        receiver = receiver_context.new_page()
        receiver.goto("/login")
        sign_in(receiver, "finance")
        expect(receiver.get_by_test_id("notification-bell")).to_be_visible()
        receiver.wait_for_timeout(1000)  # its subscription is open

        publisher = publisher_context.new_page()
        publisher.goto("/login")
        sign_in(publisher, "business")
        publisher.get_by_test_id("nav-publications").click()
        publisher.get_by_test_id("tab-to-publish").click()
        publisher.get_by_test_id("publication-link").filter(has_text=title).click()
        expect(publisher.get_by_test_id("publication-state").first).to_have_text("待发布")
        # Empty, it is refused on the text field by its label.
        publisher.get_by_test_id("publish-submit").click()
        expect(publisher.locator(".ant-form-item-explain-error").first).to_be_visible()
        publisher.get_by_test_id("publish-text").fill("今日销售额 ¥1,234,567.89，回款 ¥987,654.32。")
        publisher.get_by_test_id("publish-submit").click()
        expect(publisher.get_by_test_id("publication-state").first).to_have_text("已发布")
        expect(publisher.get_by_test_id("ack-count")).to_have_text("0 / 1")
        screenshot(publisher, "publication-published")

        # The receiver's page was not reloaded: the toast and the bell come over the WebSocket.
        toast = receiver.get_by_test_id("notification-toast")
        expect(toast).to_contain_text(title)
        receiver.get_by_test_id("nav-publications").click()
        receiver.get_by_test_id("publication-link").filter(has_text=title).click()
        expect(receiver.get_by_test_id("publication-text")).to_contain_text("¥1,234,567.89")
        receiver.get_by_test_id("acknowledge").click()
        expect(receiver.get_by_test_id("acknowledged")).to_be_visible()
        receiver.get_by_test_id("feedback-text").fill("华东区域回款为何下降？")
        receiver.get_by_test_id("feedback-submit").click()
        expect(receiver.get_by_test_id("feedback-item")).to_contain_text("华东区域回款为何下降？")
        screenshot(receiver, "publication-acknowledged")

        publisher.reload()
        expect(publisher.get_by_test_id("ack-count")).to_have_text("1 / 1")
        publisher.get_by_test_id("answer-text").fill("两家大客户延期付款，已催收。")
        publisher.get_by_test_id("answer-submit").click()
        expect(publisher.get_by_test_id("feedback-answer")).to_contain_text("两家大客户延期付款")

        # An outsider (the warehouse's staff) sees none of it: not in the API, not at its address.
        outsider = _token(live_server, "staff")
        assert graphql(live_server, NODE, {"id": publication_id}, token=outsider)["node"] is None
        assert publication_id not in {e["node"]["id"] for e in graphql(live_server, ALL, token=outsider)["publications"]["edges"]}
        outsider_context = _context(browser, live_server)
        outsider_page = outsider_context.new_page()
        outsider_page.goto("/login")
        sign_in(outsider_page, "staff")
        outsider_page.goto(f"/sharing/publications/{publication_id}")
        expect(outsider_page.get_by_text("发布不存在或无权查看")).to_be_visible()
        outsider_context.close()
    finally:
        publisher_context.close()
        receiver_context.close()
