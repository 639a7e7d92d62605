"""The work calendar (工作日历) in the browser: an admin reads National Day, marks a company day off with a field
error on the way and returns it to the plain week; others see no entry and the API refuses them."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.e2e

DAY = "2026-11-20"  # a Friday, no holiday
MARK = """mutation($input: MarkWorkCalendarDayInput!) { markWorkCalendarDay(input: $input) { __typename
  ... on MarkWorkCalendarDayError { code field message } } }"""


def working_days(page: Page) -> int:
    text = page.get_by_test_id("wd-working-days").inner_text()
    match = re.search(r"\d+", text)
    assert match, text
    return int(match.group())


def year_field(page: Page):
    return page.locator('[data-testid="wd-year"] input, input[data-testid="wd-year"]').first


def open_year(page: Page, year: int) -> None:
    page.get_by_test_id("nav-workCalendar").click()
    expect(page.get_by_test_id("wd-months")).to_be_visible()
    # Whatever year it is now, the page opens the one asked for in its address.
    page.goto(f"/work-calendar?year={year}")
    expect(year_field(page)).to_have_value(str(year))
    expect(page.get_by_test_id("wd-month-10")).to_contain_text("国庆节")


def test_an_admin_marks_a_day_and_sees_it(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    open_year(page, 2026)
    # National Day 2026: 1–7 October off, Saturday 10 October worked (and Sunday 20 September).
    expect(page.get_by_test_id("wd-day-2026-10-01")).to_have_attribute("data-kind", "HOLIDAY")
    expect(page.get_by_test_id("wd-day-2026-10-10")).to_have_attribute("data-kind", "WORKDAY")
    expect(page.get_by_test_id("wd-day-2026-09-20")).to_have_attribute("data-kind", "WORKDAY")
    marks = page.get_by_test_id("wd-marks-10")
    expect(marks).to_contain_text("1–7 国庆节 休")
    expect(marks).to_contain_text("10 国庆节 班")
    expect(page.get_by_test_id("wd-day-" + DAY)).to_have_attribute("data-kind", "PLAIN")
    before = working_days(page)
    screenshot(page, "work-calendar")

    page.get_by_test_id("wd-day-" + DAY).click()
    modal = page.locator(".ant-modal-content")
    expect(modal).to_contain_text("2026-11-20")
    expect(page.get_by_test_id("wd-source")).to_contain_text("按常规作息")
    # The name is required on the form; a make-up working day on a Friday is refused by the server on its field.
    page.get_by_test_id("wd-save").click()
    expect(modal.locator(".ant-form-item-explain-error")).to_have_text("请填写名称，例如 国庆节")
    page.get_by_test_id("wd-name").fill("公司运动会")
    page.get_by_test_id("wd-kind-workday").click()
    page.get_by_test_id("wd-save").click()
    kind_item = modal.locator(".ant-form-item").filter(has_text="类型")
    expect(kind_item.locator(".ant-form-item-explain-error")).to_contain_text("只有周六、周日可标记为调休上班日")
    screenshot(page, "work-calendar-day-error")
    page.get_by_test_id("wd-kind-holiday").click()
    page.get_by_test_id("wd-save").click()
    expect(modal).to_have_count(0)
    expect(page.get_by_test_id("wd-day-" + DAY)).to_have_attribute("data-kind", "HOLIDAY")
    expect(page.get_by_test_id("wd-marks-11")).to_contain_text("20 公司运动会 休")
    expect(page.get_by_test_id("wd-working-days")).to_contain_text(str(before - 1))
    # It is still there after a reload (the server has it), shown as an edit.
    page.reload()
    expect(page.get_by_test_id("wd-day-" + DAY)).to_have_attribute("data-kind", "HOLIDAY")

    # Re-seeding the year from the built-in calendar keeps the edit.
    page.get_by_test_id("wd-reseed").click()
    page.get_by_test_id("wd-reseed-confirm").click()
    expect(page.locator(".ant-message")).to_contain_text("已重新导入")
    expect(page.locator(".ant-message")).to_contain_text("保留手动修改 1")
    expect(page.get_by_test_id("wd-day-" + DAY)).to_have_attribute("data-kind", "HOLIDAY")

    # Back to the plain week.
    page.get_by_test_id("wd-day-" + DAY).click()
    expect(page.get_by_test_id("wd-source")).to_contain_text("手动修改")
    page.get_by_test_id("wd-unmark").click()
    page.get_by_test_id("wd-unmark-confirm").click()
    expect(page.get_by_test_id("wd-day-" + DAY)).to_have_attribute("data-kind", "PLAIN")
    expect(page.get_by_test_id("wd-marks-11")).not_to_contain_text("公司运动会")
    expect(page.get_by_test_id("wd-working-days")).to_contain_text(str(before))


def test_a_year_without_holidays_says_so(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("admin")
    page.get_by_test_id("nav-workCalendar").click()
    year_field(page).fill("2030")
    expect(page.get_by_test_id("wd-not-covered")).to_contain_text("2030 年的节假日尚未收录")
    expect(page.get_by_test_id("wd-reseed")).to_have_count(0)
    expect(page.get_by_test_id("wd-day-2030-10-01")).to_have_attribute("data-kind", "PLAIN")


def test_others_cannot_change_the_calendar(page: Page) -> None:
    page.goto("/login")
    sign_in(page, "finance")
    expect(page.get_by_test_id("nav-workCalendar")).to_have_count(0)
    page.goto("/work-calendar?year=2026")
    expect(page.get_by_text("无权访问")).to_be_visible()
    expect(page.get_by_test_id("wd-months")).to_have_count(0)
    answer = page.request.post(
        "/graphql",
        data={"query": MARK, "variables": {"input": {"date": DAY, "kind": "HOLIDAY", "name": "偷偷放假"}}},
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    ).json()
    assert answer["data"]["markWorkCalendarDay"]["code"] == "PERMISSION_DENIED", answer
    # Reading is for everyone signed in: the day stayed plain.
    read = page.request.post(
        "/graphql",
        data={"query": "{ workCalendar(year: 2026) { days { date } viewerCan { manage } } }"},
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    ).json()
    assert read["data"]["workCalendar"]["viewerCan"] == {"manage": False}
    assert DAY not in {d["date"] for d in read["data"]["workCalendar"]["days"]}
