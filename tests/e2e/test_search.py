"""Search: the header's box (Ctrl+K, type-ahead, IME), the results page and the index page.

What a viewer may not open never shows: the demo's business user (销售部, no ``ledger.read``)
searches the words that, for the finance user, also find vouchers, the 财务部 customer receipt
and the 采购部 purchase receipts. Counts are taken from the API as that user at test time, so
documents other tests add do not move the expectations.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from .books_setup import token_for
from .conftest import graphql, screenshot

pytestmark = pytest.mark.e2e

SEARCH = """query($q: String!, $kinds: [SearchKind!]) {
  search(query: $q, kinds: $kinds, first: 50) {
    totalCount
    facets { kinds { kind count } departments { count department { id name } } }
    edges { node { kind title { text } url } }
  }
}"""


@pytest.fixture(scope="module", autouse=True)
def index_filled(live_server: str) -> None:
    """The live server fills its index from the demo data after it starts: these tests wait for it."""
    token = token_for(live_server, "admin")
    deadline = time.monotonic() + 180
    while True:
        status = graphql(live_server, "{ searchStatus { backlog kinds { documents } } }", token=token)["searchStatus"]
        if status["backlog"] == 0 and sum(k["documents"] for k in status["kinds"]) > 0:
            return
        assert time.monotonic() < deadline, f"the search index did not fill in 180 s: {status}"
        time.sleep(0.5)


def api_search(base_url: str, username: str, query: str, kinds: list[str] | None = None) -> dict:
    return graphql(base_url, SEARCH, {"q": query, "kinds": kinds}, token=token_for(base_url, username))["search"]


def kind_counts(result: dict) -> dict[str, int]:
    return {k["kind"]: k["count"] for k in result["facets"]["kinds"]}


def suggestions_popup(page: Page) -> Locator:
    return page.locator(".yecai-search-popup:not(.ant-select-dropdown-hidden)")


def open_search_box(page: Page) -> Locator:
    """Ctrl+K from the page, as a user would once the header is there."""
    box = page.get_by_test_id("search-box")
    expect(box).to_be_visible()
    page.mouse.move(8, 890)  # off the list that opens, so no row is hovered (Enter would choose it)
    page.keyboard.press("Control+k")
    expect(box).to_be_focused()
    return box


def test_finance_finds_what_business_may_not_open(live_server: str) -> None:
    """The contrast the browser tests below rely on: the words do find hidden objects for others."""
    finance = kind_counts(api_search(live_server, "finance", "华东"))
    assert finance.get("VOUCHER", 0) > 0 and finance.get("CUSTOMER_RECEIPT", 0) > 0, finance
    assert kind_counts(api_search(live_server, "finance", "苏州")).get("PURCHASE_RECEIPT", 0) > 0
    business = kind_counts(api_search(live_server, "business", "华东"))
    assert "VOUCHER" not in business and "CUSTOMER_RECEIPT" not in business, business
    assert {"CUSTOMER", "SALES_ORDER"} <= set(business), business


def test_ctrl_k_type_ahead_groups_highlights_and_opens(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("business")
    expect(page.locator("header kbd")).to_have_text("Ctrl K")
    box = open_search_box(page)
    page.keyboard.type("华东")
    popup = suggestions_popup(page)
    customer = popup.locator('[data-testid="search-suggestion"][data-kind="CUSTOMER"]')
    expect(customer).to_contain_text("华东贸易有限公司")
    # Grouped by kind under the kind's label; the typed characters marked.
    expect(popup.get_by_test_id("search-group-CUSTOMER")).to_have_text("客户")
    expect(popup.get_by_test_id("search-group-SALES_ORDER")).to_have_text("销售订单")
    expect(customer.locator("mark").first).to_have_text("华东")
    expect(popup.locator('[data-testid="search-suggestion"][data-kind="SALES_ORDER"] mark').first).to_have_text("华东")
    # Never what the viewer may not open: vouchers (no ledger.read), 财务部's customer receipt.
    expect(popup.get_by_test_id("search-group-VOUCHER")).to_have_count(0)
    expect(popup.locator('[data-kind="VOUCHER"], [data-kind="CUSTOMER_RECEIPT"]')).to_have_count(0)
    expect(popup).not_to_contain_text("记-")
    screenshot(page, "search-type-ahead")

    customer.click()
    expect(page).to_have_url(re.compile(r"/master-data\?tab=customers&id="))
    focused = page.get_by_test_id("master-table-customers").locator('tr[data-focused="true"]')
    expect(focused).to_contain_text("华东贸易有限公司")
    expect(page.get_by_test_id("focus-notice")).to_contain_text("C001")
    expect(box).to_have_value("")

    # A document opens its detail page.
    open_search_box(page)
    page.keyboard.type("华东")
    order = suggestions_popup(page).locator('[data-testid="search-suggestion"][data-kind="SALES_ORDER"]').first
    number = re.search(r"SO-\d{6}-\d{5}", order.inner_text())
    assert number, order.inner_text()
    order.click()
    expect(page).to_have_url(re.compile(r"/documents/"))
    expect(page.get_by_text(number.group(0)).first).to_be_visible()


def test_ime_composition_does_not_search_each_keystroke(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("business")
    asked: list[str] = []
    page.on(
        "request",
        lambda r: asked.append(r.post_data or "")
        if r.url.endswith("/graphql") and "SearchSuggest" in (r.post_data or "")
        else None,
    )
    open_search_box(page)
    cdp = page.context.new_cdp_session(page)
    for pinyin in ["h", "hu", "hua", "huad", "huadong"]:
        cdp.send("Input.imeSetComposition", {"text": pinyin, "selectionStart": len(pinyin), "selectionEnd": len(pinyin)})
        page.wait_for_timeout(250)  # longer than the type-ahead's pause: each would have been a search
    assert asked == []
    cdp.send("Input.insertText", {"text": "华东"})  # the candidate chosen: the composition ends
    expect(suggestions_popup(page).locator('[data-kind="CUSTOMER"]')).to_contain_text("华东贸易有限公司")
    assert len(asked) == 1 and '"prefix":"华东"' in asked[0], asked


def test_a_late_answer_to_an_earlier_prefix_is_ignored(signed_in: Callable[[str], Page]) -> None:
    """The answer for "华" held back until "华东" has been answered, then given: it must not replace it."""
    page = signed_in("business")
    held: list[Route] = []

    def hold_first_prefix(route: Route) -> None:
        body = route.request.post_data or ""
        if "SearchSuggest" in body and '"prefix":"华"' in body:
            held.append(route)
        else:
            route.continue_()

    page.route("**/graphql", hold_first_prefix)
    open_search_box(page)
    page.keyboard.type("华")
    page.wait_for_timeout(400)  # past the pause: "华" has been asked
    assert len(held) == 1
    page.keyboard.type("东")
    popup = suggestions_popup(page)
    expect(popup.locator('[data-kind="CUSTOMER"]')).to_contain_text("华东贸易有限公司")
    stale = {"kind": "CUSTOMER", "url": "/master-data", "date": None, "department": None, "snippet": [],
             "title": [{"text": "过期的联想结果", "matched": False, "__typename": "TextFragment"}], "__typename": "SearchHit"}
    held[0].fulfill(json={"data": {"searchSuggest": [stale]}})
    page.wait_for_timeout(500)
    expect(popup).not_to_contain_text("过期的联想结果")
    expect(popup.locator('[data-kind="CUSTOMER"]')).to_contain_text("华东贸易有限公司")


def test_enter_opens_results_page_with_kind_filter_and_counts(signed_in: Callable[[str], Page], live_server: str) -> None:
    expected = api_search(live_server, "business", "华东")
    counts = kind_counts(expected)
    page = signed_in("business")
    open_search_box(page)
    page.keyboard.type("华东")
    expect(suggestions_popup(page).locator('[data-kind="CUSTOMER"]')).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=" + re.escape(quote("华东"))))
    results = page.get_by_test_id("search-result")
    expect(page.get_by_test_id("search-total")).to_have_text(f"共找到 {expected['totalCount']} 条结果")
    expect(results).to_have_count(expected["totalCount"])
    expect(results.first.get_by_test_id("search-result-title").locator("mark").first).to_have_text("华东")
    expect(page.locator('[data-testid="search-result"][data-kind="VOUCHER"]')).to_have_count(0)
    # Each kind found, with its count beside it.
    for kind, label in [("CUSTOMER", "客户"), ("SALES_ORDER", "销售订单")]:
        expect(page.get_by_test_id(f"search-facet-kind-{kind}")).to_have_text(f"{label}({counts[kind]})")
    expect(page.get_by_test_id("search-facet-kind-VOUCHER")).to_have_count(0)
    screenshot(page, "search-results")

    page.get_by_test_id("search-facet-kind-SALES_ORDER").click()
    expect(page).to_have_url(re.compile(r"kinds=SALES_ORDER"))
    expect(page.get_by_test_id("search-total")).to_have_text(f"共找到 {counts['SALES_ORDER']} 条结果")
    expect(results).to_have_count(counts["SALES_ORDER"])
    for kind in results.evaluate_all("els => els.map(e => e.dataset.kind)"):
        assert kind == "SALES_ORDER"
    # A dimension's counts ignore its own filter: the other kinds are still offered.
    expect(page.get_by_test_id("search-facet-kind-CUSTOMER")).to_have_text(f"客户({counts['CUSTOMER']})")

    page.get_by_test_id("search-sort").get_by_text("日期").click()
    expect(page).to_have_url(re.compile(r"sort=date"))
    # The address holds the state: a reload shows the same.
    page.reload()
    expect(page.get_by_test_id("search-query")).to_have_value("华东")
    expect(page.locator("label", has=page.get_by_test_id("search-facet-kind-SALES_ORDER")).locator("input")).to_be_checked()
    expect(results).to_have_count(counts["SALES_ORDER"])
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["华东"], "kinds": ["SALES_ORDER"], "sort": ["date"]}, params

    results.first.get_by_test_id("search-result-title").click()
    expect(page).to_have_url(re.compile(r"/documents/"))

    # The results page remembered the search: the empty box offers it again, and clears it.
    box = open_search_box(page)
    recent = suggestions_popup(page).get_by_test_id("search-recent")
    expect(recent.filter(has_text="华东")).to_have_count(1)
    suggestions_popup(page).get_by_test_id("search-recent-clear").click()
    expect(suggestions_popup(page)).to_contain_text("暂无最近搜索")
    assert graphql(live_server, "{ recentSearches }", token=token_for(live_server, "business"))["recentSearches"] == []
    expect(box).to_be_focused()


def test_hidden_documents_never_appear_on_the_results_page(signed_in: Callable[[str], Page], live_server: str) -> None:
    """苏州 finds the supplier and, for finance, 采购部's purchase receipts: business sees only the supplier."""
    expected = api_search(live_server, "business", "苏州")
    assert kind_counts(expected) == {"SUPPLIER": expected["totalCount"]}, expected
    page = signed_in("business")
    page.goto("/search?q=" + quote("苏州"))
    expect(page.get_by_test_id("search-total")).to_have_text(f"共找到 {expected['totalCount']} 条结果")
    results = page.get_by_test_id("search-result")
    expect(results.filter(has_text="苏州精密制造有限公司")).to_have_count(1)
    expect(page.locator('[data-testid="search-result"][data-kind="PURCHASE_RECEIPT"]')).to_have_count(0)
    expect(page.get_by_test_id("search-results")).not_to_contain_text("PR-")
    expect(page.get_by_test_id("search-facet-kind-PURCHASE_RECEIPT")).to_have_count(0)
    results.first.get_by_test_id("search-result-title").click()
    expect(page).to_have_url(re.compile(r"/master-data\?tab=suppliers&id="))
    expect(page.get_by_test_id("master-table-suppliers").locator('tr[data-focused="true"]')).to_contain_text("苏州精密制造有限公司")


def test_new_record_is_found_and_bad_input_is_named_on_its_field(signed_in: Callable[[str], Page], live_server: str) -> None:
    suffix = secrets.token_hex(3).upper()
    name = f"检索测试客户{suffix}"
    created = graphql(
        live_server,
        "mutation($input: CreateMasterDataInput!) { createCustomer(input: $input) { __typename } }",
        {"input": {"code": f"C-SRCH{suffix}", "name": name}},
        token=token_for(live_server, "finance"),
    )["createCustomer"]
    assert created["__typename"] == "CreateCustomerSuccess", created
    # The worker indexes a change within moments of its commit.
    deadline = time.monotonic() + 15
    while api_search(live_server, "business", name)["totalCount"] == 0:
        assert time.monotonic() < deadline, f"{name} was not indexed within 15 s"
        time.sleep(0.3)
    page = signed_in("business")
    page.goto("/search?q=" + quote(name))
    found = page.locator('[data-testid="search-result"][data-kind="CUSTOMER"]', has_text=name)
    expect(found).to_have_count(1)
    expect(found.locator("mark").first).to_be_visible()

    page.goto("/search?q=" + quote(f"没有这个词{suffix}"))
    expect(page.get_by_test_id("search-empty")).to_have_text(f"没有找到与“没有这个词{suffix}”相关的内容")

    page.goto("/search?q=" + quote("华东") + "&from=2026-02-01&to=2026-01-01")
    expect(page.get_by_text("结束日期：不能早于开始日期").first).to_be_visible()
    date_field = page.locator(".ant-form-item", has=page.get_by_test_id("search-filter-dates"))
    expect(date_field).to_have_class(re.compile(r"ant-form-item-has-error"))
    expect(date_field).to_contain_text("结束日期：不能早于开始日期")
    expect(page.get_by_test_id("search-result")).to_have_count(0)


def test_department_filter_with_counts_and_no_department(signed_in: Callable[[str], Page], live_server: str) -> None:
    facets = api_search(live_server, "business", "华东")["facets"]["departments"]
    by_name = {(d["department"] or {}).get("name", "无部门"): d for d in facets}
    assert {"销售部", "无部门"} <= set(by_name), by_name
    page = signed_in("business")
    page.goto("/search?q=" + quote("华东"))
    sales = by_name["销售部"]
    sales_facet = page.get_by_test_id(f"search-facet-department-{sales['department']['id']}")
    expect(sales_facet).to_have_text(f"销售部({sales['count']})")
    expect(page.get_by_test_id("search-facet-department-none")).to_have_text(f"无部门({by_name['无部门']['count']})")

    sales_facet.click()
    expect(page).to_have_url(re.compile(r"dept=" + re.escape(quote(sales["department"]["id"], safe=""))))
    results = page.get_by_test_id("search-result")
    expect(results).to_have_count(sales["count"])
    expect(results.get_by_test_id("search-result-department")).to_have_text(["销售部"] * sales["count"])

    page.get_by_test_id("search-facet-department-none").click()
    expect(page).to_have_url(re.compile(r"dept=none"))
    expect(results).to_have_count(sales["count"] + by_name["无部门"]["count"])
    page.get_by_test_id("search-clear-filters").click()
    expect(page).not_to_have_url(re.compile(r"dept="))
    expect(results).to_have_count(sum(d["count"] for d in facets))


def test_load_more_pages_through_and_an_account_opens_its_ledger(signed_in: Callable[[str], Page], live_server: str) -> None:
    total = api_search(live_server, "finance", "科目", ["ACCOUNT"])["totalCount"]
    assert total > 40, total  # the chart of accounts: more than two pages of 20
    page = signed_in("finance")
    page.goto("/search?q=" + quote("科目") + "&kinds=ACCOUNT")
    results = page.get_by_test_id("search-result")
    expect(page.get_by_test_id("search-total")).to_have_text(f"共找到 {total} 条结果")
    expect(results).to_have_count(20)
    shown = 20
    while shown < total:
        page.get_by_test_id("search-load-more").click()
        shown = min(shown + 20, total)
        expect(results).to_have_count(shown)
        expect(page.get_by_test_id("search-shown")).to_have_text(f"已显示 {shown} / {total} 条")
    expect(page.get_by_test_id("search-load-more")).to_have_count(0)
    urls = results.get_by_test_id("search-result-title").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(set(urls)) == total  # no page repeated

    receivable = results.filter(has_text="应收账款").first
    receivable.get_by_test_id("search-result-title").click()
    expect(page).to_have_url(re.compile(r"/account-ledger\?account="))
    expect(page.get_by_test_id("ledger-title")).to_contain_text("1122 应收账款")


def test_admin_sees_the_index_and_rebuilds_a_kind(signed_in: Callable[[str], Page], live_server: str) -> None:
    missed = f"查无此词{secrets.token_hex(3)}"
    remembered = graphql(
        live_server,
        "mutation($q: String!) { rememberSearch(input: {query: $q}) { __typename } }",
        {"q": missed},
        token=token_for(live_server, "admin"),
    )["rememberSearch"]
    assert remembered["__typename"] == "RememberSearchSuccess", remembered

    page = signed_in("admin")
    page.get_by_test_id("nav-searchIndex").click()
    expect(page).to_have_url(re.compile(r"/search-index$"))
    expect(page.get_by_role("heading", name="搜索索引")).to_be_visible()
    expect(page.get_by_test_id("search-index-engine")).to_have_text("embedded")
    expect(page.get_by_test_id("search-index-worker")).not_to_contain_text("未运行")
    kinds = page.get_by_test_id("search-index-kinds")
    rules = kinds.locator('tr[data-kind="POSTING_RULE"]')
    expect(rules).to_contain_text("记账规则")
    expect(kinds.locator('tr[data-kind="CUSTOMER"]')).to_contain_text("客户")
    expect(page.get_by_test_id("search-index-misses")).to_contain_text(missed)
    screenshot(page, "search-index")

    page.get_by_test_id("search-rebuild").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("重建搜索索引")
    dialog.get_by_test_id("search-rebuild-kind-POSTING_RULE").click()
    dialog.get_by_test_id("search-rebuild-confirm").click()
    result = page.get_by_test_id("search-rebuild-result")
    expect(result).to_contain_text("记账规则")
    queued = re.search(r"已排入 (\d+) 个对象", result.inner_text())
    assert queued and int(queued.group(1)) > 0, result.inner_text()
    # The page follows the worker until the kind is whole again.
    expect(rules.locator("td").last).to_have_text(queued.group(1), timeout=30_000)
    expect(page.get_by_test_id("search-index-backlog")).to_have_text("0", timeout=30_000)


def test_admin_turns_a_search_that_found_nothing_into_a_synonym(signed_in: Callable[[str], Page], live_server: str) -> None:
    word = f"shuijin{secrets.token_hex(2)}"
    graphql(live_server, "mutation($q: String!) { rememberSearch(input: {query: $q}) { __typename } }", {"q": word},
            token=token_for(live_server, "admin"))
    assert api_search(live_server, "finance", word)["totalCount"] == 0

    page = signed_in("admin")
    page.goto("/search-index")
    page.get_by_test_id(f"miss-synonym-{word}").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("添加同义词")
    expect(dialog.get_by_test_id("synonym-terms")).to_contain_text(word)  # the missed search is the first word
    terms = dialog.get_by_test_id("synonym-terms").locator("input")
    terms.fill("13%税")  # two words in one: the server refuses it, on the field, by its label
    terms.press("Enter")
    dialog.get_by_test_id("synonym-save").click()
    field_error = dialog.locator(".ant-form-item-explain-error")
    expect(field_error).to_contain_text("须是一个词")
    expect(dialog.locator(".ant-form-item-label")).to_contain_text("同义词组")
    dialog.locator(".ant-select-selection-item", has_text="13%税").locator(".ant-select-selection-item-remove").click()
    terms.fill("增值税")
    terms.press("Enter")
    dialog.get_by_test_id("synonym-save").click()
    expect(dialog).to_be_hidden()
    groups = page.get_by_test_id("search-synonyms")
    expect(groups).to_contain_text(word)
    expect(groups).to_contain_text("增值税")
    expect(page.get_by_test_id("search-index-misses")).not_to_contain_text(word)  # the synonym answers it now

    # Everyone's next search applies it: the word finds the VAT account, 增值税 highlighted.
    assert any("应交增值税" in "".join(f["text"] for f in e["node"]["title"])
               for e in api_search(live_server, "finance", word)["edges"])
    page.context.clear_cookies()
    finance = signed_in("finance")
    finance.goto(f"/search?q={quote(word)}")
    hit = finance.get_by_test_id("search-result").filter(has_text="应交增值税").first
    expect(hit).to_be_visible()
    expect(hit.get_by_test_id("search-result-title").locator("mark").first).to_have_text("增值税")

    page.context.clear_cookies()
    signed_in("admin").goto("/search-index")
    groups.locator("tr", has_text=word).get_by_role("button", name="删除同义词").click()
    page.locator(".ant-popconfirm").get_by_role("button", name=re.compile("确 ?定|OK")).click()
    expect(groups).not_to_contain_text(word)
    assert api_search(live_server, "finance", word)["totalCount"] == 0


def test_business_gets_no_index_entry_nor_page(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("business")
    expect(page.get_by_test_id("nav-searchIndex")).to_have_count(0)
    page.goto("/search-index")
    expect(page.get_by_text("无权访问")).to_be_visible()
    expect(page.get_by_test_id("search-index-kinds")).to_have_count(0)
