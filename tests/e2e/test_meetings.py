"""Joint meetings in the browser: one run from agenda to approved, locked minutes and their PDF;
a confidential meeting's minutes stay with its audience.

Each test schedules its own meeting (a unique title) so it does not depend on the order tests run in.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .conftest import screenshot, sign_in, sign_out

pytestmark = pytest.mark.e2e

SHANGHAI = ZoneInfo("Asia/Shanghai")


OPEN_DROPDOWN = ".ant-select-dropdown:not(.ant-select-dropdown-hidden)"


def pick(page: Page, option: str, *, closes: bool = True) -> None:
    """Click the option showing `option` in the open dropdown; a single select's dropdown then closes,
    and the next one is only opened once it has (a closing dropdown still lists its options)."""
    page.locator(f"{OPEN_DROPDOWN} .ant-select-item-option", has_text=option).first.click()
    if closes:
        expect(page.locator(OPEN_DROPDOWN)).to_have_count(0)


def choose(page: Page, testid: str, typed: str, option: str, *, closes: bool = True) -> None:
    """Type into the Ant Design select with this test id and pick the option showing `option`."""
    page.get_by_test_id(testid).click()
    page.keyboard.type(typed)
    pick(page, option, closes=closes)


def pick_date(page: Page, testid: str, value: str) -> None:
    """Type a date (and time) into the Ant Design date picker with this test id and confirm it."""
    field = page.locator(f'[data-testid="{testid}"] input, input[data-testid="{testid}"]').first
    field.click()
    field.fill(value)
    field.press("Enter")
    expect(field).to_have_value(value)


def schedule(page: Page, title: str, attendees: list[tuple[str, str]], *, confidential: bool = False) -> str:
    """Schedule a meeting tomorrow 10:00–11:00 from the calendar; returns the meeting page's address."""
    tomorrow = (datetime.now(SHANGHAI) + timedelta(days=1)).strftime("%Y-%m-%d")
    page.get_by_test_id("nav-meetingCalendar").click()
    expect(page.get_by_test_id("calendar-view")).to_be_visible()
    screenshot(page, "meeting-calendar")
    page.get_by_test_id("meeting-schedule").click()
    page.get_by_test_id("schedule-title").fill(title)
    pick_date(page, "schedule-starts", f"{tomorrow} 10:00")
    pick_date(page, "schedule-ends", f"{tomorrow} 11:00")
    page.get_by_test_id("schedule-place").fill("总部 5 楼会议室")
    if confidential:
        page.get_by_test_id("schedule-confidential").click()
    for username, name in attendees:
        choose(page, "schedule-attendees", username, name, closes=False)
        # The pick lands as a tag before the next one (or the submit) goes ahead.
        expect(page.get_by_test_id("schedule-attendees").locator(".ant-select-selection-item", has_text=name)).to_be_visible()
    page.get_by_test_id("schedule-submit").click()
    expect(page.get_by_test_id("meeting-state")).to_have_text("已安排")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    return page.url


def write_minutes(page: Page, text: str, note: str | None = None) -> None:
    editor = page.locator('[data-testid="minutes-editor"] .ProseMirror')
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(text)
    if note is not None:
        page.get_by_test_id("minutes-note").fill(note)
    page.get_by_test_id("minutes-save").click()
    expect(page.locator(".ant-message")).to_contain_text("纪要已保存")


def test_run_a_meeting_from_agenda_to_closed_minutes_and_its_pdf(signed_in: Callable[[str], Page]) -> None:
    suffix = uuid.uuid4().hex[:6]
    title = f"应收账款专题会 {suffix}"
    page = signed_in("finance")

    # 财务 schedules it with the sales manager and a salesperson, then prepares the agenda.
    url = schedule(page, title, [("manager", "赵经理"), ("business", "李销售")])
    page.get_by_test_id("nav-meetingCalendar").click()
    tomorrow = (datetime.now(SHANGHAI) + timedelta(days=1)).strftime("%Y-%m-%d")
    page.get_by_test_id(f"calendar-day-{tomorrow}").get_by_test_id("calendar-meeting").filter(has_text=title).click()
    expect(page).to_have_url(url)
    page.get_by_test_id("meeting-edit").click()
    page.get_by_test_id("edit-place").fill("总部 6 楼第二会议室")
    page.get_by_test_id("meeting-edit-submit").click()
    expect(page.locator(".ant-descriptions")).to_contain_text("总部 6 楼第二会议室")
    page.get_by_test_id("agenda-add").click()
    page.get_by_test_id("agenda-input-title").fill("华东区域应收账款账龄通报")
    choose(page, "agenda-presenter", "finance", "陈会计")
    page.get_by_test_id("agenda-timebox").fill("20")
    page.get_by_test_id("agenda-submit").click()
    expect(page.get_by_test_id("agenda-card")).to_contain_text("华东区域应收账款账龄通报")
    expect(page.get_by_test_id("agenda-card")).to_contain_text("陈会计")

    # Attendance: the manager present, the salesperson excused with a reason.
    card = page.get_by_test_id("attendance-card")
    for name, status in (("赵经理", "出席"), ("李销售", "请假")):
        row = card.locator("tr", has_text=name)
        row.get_by_test_id("attendance-status").click()
        pick(page, status)
    card.locator("tr", has_text="李销售").get_by_test_id("attendance-reason").fill("拜访客户")
    page.get_by_test_id("attendance-save").click()
    expect(page.locator(".ant-message")).to_contain_text("出席已登记")
    expect(card.locator("tr", has_text="李销售").get_by_test_id("attendance-reason")).to_have_value("拜访客户")

    # Minutes in the rich-text editor, a decision and an action item.
    write_minutes(page, "会议认为华东区域超期应收款须在本季度内收回")
    expect(page.get_by_test_id("minutes-history")).to_contain_text("陈会计")
    page.get_by_test_id("decision-add").click()
    page.get_by_test_id("decision-input").fill("超过 90 天的应收款由销售部牵头催收")
    page.get_by_test_id("decision-submit").click()
    expect(page.get_by_test_id("decisions-card")).to_contain_text("超过 90 天的应收款由销售部牵头催收")
    page.get_by_test_id("action-add").click()
    page.get_by_test_id("action-input-title").fill(f"提交超期客户催收计划 {suffix}")
    choose(page, "action-owner", "business", "李销售")
    pick_date(page, "action-due", (datetime.now(SHANGHAI) + timedelta(days=14)).strftime("%Y-%m-%d"))
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("action-items-card")).to_contain_text(f"提交超期客户催收计划 {suffix}")
    # 财务 organises meetings but does not approve minutes: no button for it.
    expect(page.get_by_test_id("meeting-approve")).to_have_count(0)
    screenshot(page, "meeting-prepared")
    sign_out(page)

    # The manager approves the minutes: the meeting closes and the minutes lock.
    sign_in(page, "manager")
    page.goto(url)
    page.get_by_test_id("meeting-approve").click()
    page.locator(".ant-popover:not(.ant-popover-hidden) .ant-btn-primary").click()
    expect(page.get_by_test_id("meeting-state")).to_have_text("已结束")
    expect(page.get_by_test_id("minutes-locked")).to_be_visible()
    expect(page.get_by_test_id("meeting-approve")).to_have_count(0)

    # Later changes are amendments, shown as such.
    write_minutes(page, "（补充：财务部每周一提供账龄表）", note="补充账龄表的提供频率")
    expect(page.get_by_test_id("history-amendment")).to_have_count(1)
    expect(page.get_by_test_id("minutes-history")).to_contain_text("补充账龄表的提供频率")
    page.get_by_test_id("decision-add").click()
    page.get_by_test_id("decision-input").fill("账龄表每周一更新")
    page.get_by_test_id("decision-submit").click()
    expect(page.get_by_test_id("decision-amendment")).to_have_count(1)
    screenshot(page, "meeting-closed")

    # The minutes as a PDF, read back; the meeting as iCalendar.
    with page.expect_download() as pdf:
        page.get_by_test_id("meeting-pdf").click()
    reader = PdfReader(io.BytesIO(open(pdf.value.path(), "rb").read()))
    text = "".join(p.extract_text() for p in reader.pages)
    for words in ("会议认为华东区域超期应收款须在本季度内收回", "超过 90 天的应收款由销售部牵头催收", title):
        assert words in text, (words, text)
    with page.expect_download() as ics:
        page.get_by_test_id("meeting-ics").click()
    calendar = open(ics.value.path(), encoding="utf-8").read()
    assert "BEGIN:VCALENDAR" in calendar and "BEGIN:VEVENT" in calendar

    # The salesperson finds the action item among theirs and starts on it.
    sign_out(page)
    sign_in(page, "business")
    page.get_by_test_id("nav-actionItems").click()
    row = page.locator("tr", has_text=f"提交超期客户催收计划 {suffix}")
    row.get_by_test_id("action-status").click()
    pick(page, "进行中")
    expect(page.locator(".ant-message")).to_contain_text("状态已更新")
    page.reload()
    expect(
        page.locator("tr", has_text=f"提交超期客户催收计划 {suffix}").get_by_test_id("action-status")
    ).to_contain_text("进行中")


def test_an_agenda_item_is_edited_on_the_meeting_page(signed_in: Callable[[str], Page]) -> None:
    title = f"费用分析会 {uuid.uuid4().hex[:6]}"
    page = signed_in("finance")
    schedule(page, title, [("manager", "赵经理")])
    page.get_by_test_id("agenda-add").click()
    page.get_by_test_id("agenda-input-title").fill("差旅费用通报")
    page.get_by_test_id("agenda-timebox").fill("15")
    page.get_by_test_id("agenda-submit").click()
    card = page.get_by_test_id("agenda-card")
    expect(card).to_contain_text("差旅费用通报")
    card.get_by_test_id("agenda-edit").first.click()
    expect(page.get_by_test_id("agenda-input-title")).to_have_value("差旅费用通报")
    page.get_by_test_id("agenda-input-title").fill("差旅与招待费用通报")
    choose(page, "agenda-presenter", "manager", "赵经理")
    page.get_by_test_id("agenda-timebox").fill("25")
    page.get_by_test_id("agenda-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("议程已保存")
    expect(card).to_contain_text("差旅与招待费用通报")
    expect(card).to_contain_text("赵经理")
    expect(card).to_contain_text("25")
    expect(card).not_to_contain_text("差旅费用通报")
    screenshot(page, "agenda-item-edited")
    # An empty title is refused on its field, and nothing changes.
    card.get_by_test_id("agenda-edit").first.click()
    page.get_by_test_id("agenda-input-title").fill(" ")
    page.get_by_test_id("agenda-submit").click()
    expect(page.locator(".ant-form-item-has-error", has=page.get_by_test_id("agenda-input-title"))).to_be_visible()
    page.keyboard.press("Escape")
    page.reload()
    expect(page.get_by_test_id("agenda-card")).to_contain_text("差旅与招待费用通报")



def test_confidential_minutes_never_reach_someone_outside_the_audience(
    signed_in: Callable[[str], Page], live_server: str
) -> None:
    suffix = uuid.uuid4().hex[:6]
    secret = f"拟下调华南经销商信用额度{suffix}"
    page = signed_in("finance")
    url = schedule(page, f"信用政策保密会 {suffix}", [("manager", "赵经理")], confidential=True)
    expect(page.get_by_test_id("meeting-confidential")).to_be_visible()
    write_minutes(page, secret)
    meeting_id = unquote(url.rstrip("/").split("/meetings/")[1])
    sign_out(page)

    # 王人事 is neither an attendee, the organizer, a manager of theirs nor of a reader role.
    sign_in(page, "hr")
    page.goto(url)
    expect(page.get_by_test_id("minutes-hidden")).to_be_visible()
    expect(page.get_by_test_id("meeting-pdf")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text(secret)
    pdf = page.request.get(f"/meetings/{quote(meeting_id, safe='')}/minutes.pdf")
    assert pdf.status == 403, pdf.status
    answer = page.request.post(
        "/graphql",
        data={
            "query": "query($id: ID!, $q: String!) { node(id: $id) { ... on Meeting { minutes { content } decisions { text } } }"
            " search(query: $q, first: 20) { totalCount edges { node { url snippet { text } } } } }",
            "variables": {"id": meeting_id, "q": secret},
        },
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    ).json()
    assert answer["data"]["node"] == {"minutes": None, "decisions": []}, answer
    assert secret not in str(answer), answer
    assert all(meeting_id not in unquote(hit["node"]["url"]) for hit in answer["data"]["search"]["edges"]), answer
    sign_out(page)

    # The attendee's manager chain reads them (赵经理 is an attendee here).
    sign_in(page, "manager")
    page.goto(url)
    expect(page.get_by_test_id("minutes-card")).to_contain_text(secret)


def test_a_series_from_the_picker_and_a_bad_rrule_named_on_its_field(signed_in: Callable[[str], Page]) -> None:
    suffix = uuid.uuid4().hex[:6]
    page = signed_in("finance")
    page.get_by_test_id("nav-meetingSeries").click()
    expect(page.get_by_test_id("series-link").first).to_contain_text("业财联席会")  # the demo's series
    page.get_by_test_id("series-new").click()
    page.get_by_test_id("series-title").fill(f"成本分析例会 {suffix}")
    page.get_by_test_id("series-focus").fill("采购价格与毛利率")
    pick_date(page, "series-starts", (datetime.now(SHANGHAI) + timedelta(days=3)).strftime("%Y-%m-%d 14:00"))

    # An RRULE typed by hand that the server refuses: its message stands under 重复规则.
    page.get_by_test_id("recurrence-advanced").click()
    page.get_by_test_id("recurrence-rrule").fill("FREQ=SOMETIMES")
    page.get_by_test_id("series-submit").click()
    field = page.locator(".ant-form-item", has=page.get_by_text("重复规则", exact=True))
    expect(field.locator(".ant-form-item-explain-error")).to_contain_text("RRULE")

    # The picker writes the RRULE of "the 3rd of each month" (working-day rules: test_meeting_series.py).
    page.get_by_text("每月第 N 日", exact=True).click()
    page.locator('[data-testid="recurrence-day"] input, input[data-testid="recurrence-day"]').first.fill("3")
    expect(page.get_by_test_id("recurrence-text")).to_have_text("FREQ=MONTHLY;BYMONTHDAY=3")
    screenshot(page, "series-form")
    page.get_by_test_id("series-submit").click()
    expect(page.get_by_test_id("series-rrule")).to_have_text("FREQ=MONTHLY;BYMONTHDAY=3")
    expect(page.get_by_test_id("series-occurrence").first).to_be_visible()
    screenshot(page, "series-page")
    with page.expect_download() as ics:
        page.get_by_test_id("series-ics").click()
    calendar = open(ics.value.path(), encoding="utf-8").read().replace("\r\n ", "")
    rule = next(line for line in calendar.splitlines() if line.startswith("RRULE:"))
    assert set(rule.removeprefix("RRULE:").split(";")) == {"FREQ=MONTHLY", "BYMONTHDAY=3"}, rule


def test_a_manager_sees_the_overdue_action_items_of_the_department(signed_in: Callable[[str], Page]) -> None:
    # The demo's closed meetings left 李销售 (销售部) an action item past its due date.
    page = signed_in("manager")
    page.get_by_test_id("nav-actionItems").click()
    page.get_by_test_id("tab-department").click()
    row = page.locator("tr", has_text="逐户联系超期客户并提交催收计划")
    expect(row.get_by_test_id("action-overdue")).to_be_visible()
    expect(row).to_have_attribute("data-overdue", "true")
    expect(row).to_contain_text("李销售")
    screenshot(page, "action-items-department")
    # Someone without meetings.oversee has no such tab.
    sign_out(page)
    sign_in(page, "staff")
    page.get_by_test_id("nav-actionItems").click()
    expect(page.get_by_test_id("tab-mine")).to_be_visible()
    expect(page.get_by_test_id("tab-department")).to_have_count(0)
