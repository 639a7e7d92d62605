"""Meeting series on the work calendar in the browser: a "每月第5个工作日" series from the picker, a meeting scheduled
from it on its next working-day occurrence, the .ics with its dates (no RRULE the calendar programs cannot read), and
editing the series with the same form, prefilled: the scheduled meeting keeps its time.

The expected days are worked out here from the chinesecalendar package (the portal's calendar is seeded from it) and,
for years it does not know, the plain week: an oracle independent of the portal's code.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import icalendar
import pytest
from playwright.sync_api import Page, expect

from .conftest import screenshot
from .test_meetings import pick_date

pytestmark = pytest.mark.e2e

SHANGHAI = ZoneInfo("Asia/Shanghai")


def working(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # a year the package does not know yet: the plain week
        return day.weekday() < 5


def known(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def nth_working_day(year: int, month: int, n: int) -> date:
    day, left = date(year, month, 1), n
    while True:
        if working(day):
            left -= 1
            if not left:
                return day
        day += timedelta(days=1)


def fifth_working_days(after: datetime, count: int) -> list[datetime]:
    """The 5th working days at 14:00 from ``after`` on."""
    found: list[datetime] = []
    year, month = after.year, after.month
    while len(found) < count:
        moment = datetime.combine(nth_working_day(year, month, 5), datetime.min.time(), SHANGHAI).replace(hour=14)
        if moment >= after:
            found.append(moment)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def test_a_fifth_working_day_series_is_created_scheduled_exported_and_edited(
        signed_in: Callable[[str], Page]) -> None:
    suffix = uuid.uuid4().hex[:6]
    title = f"月度业财例会 {suffix}"
    page = signed_in("finance")
    page.get_by_test_id("nav-meetingSeries").click()
    page.get_by_test_id("series-new").click()
    page.get_by_test_id("series-title").fill(title)
    page.get_by_test_id("series-focus").fill("应收账款回收")
    start = (datetime.now(SHANGHAI) + timedelta(days=1)).replace(hour=14, minute=0, second=0, microsecond=0)
    pick_date(page, "series-starts", start.strftime("%Y-%m-%d %H:%M"))
    page.get_by_text("每月第 N 个工作日", exact=True).click()
    page.locator('[data-testid="recurrence-workday"] input, input[data-testid="recurrence-workday"]').first.fill("5")
    expect(page.get_by_test_id("recurrence-text")).to_have_text("FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING")
    expect(page.get_by_text("按工作日历计：法定节假日不计，调休上班日计入")).to_be_visible()
    screenshot(page, "series-form-working-days")
    page.get_by_test_id("series-submit").click()

    # The series page lists its next occurrences: the 5th working days, holidays skipped, make-up days counted.
    expect(page.get_by_test_id("series-rrule")).to_have_text("FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING")
    expected = fifth_working_days(start, 3)
    listed = page.get_by_test_id("series-occurrence")
    for i, moment in enumerate(expected):
        expect(listed.nth(i)).to_have_text(moment.strftime("%Y-%m-%d %H:%M:%S"))
    series_url = page.url
    # Years the package does not know yet are not covered by the work calendar: the page says the plain week holds.
    guessed = sorted({m.year for m in expected if not known(m.year)})
    if guessed:
        expect(page.get_by_test_id("series-uncovered-years")).to_contain_text(str(guessed[0]))
        expect(page.get_by_test_id("series-uncovered-years")).to_contain_text("年的节假日安排尚未录入工作日历")

    # A meeting from the series, with no time given: its next free occurrence.
    page.get_by_test_id("series-schedule").click()
    page.get_by_test_id("schedule-submit").click()
    expect(page.get_by_test_id("meeting-state")).to_have_text("已安排")
    expect(page.locator(".ant-descriptions")).to_contain_text(expected[0].strftime("%Y-%m-%d %H:%M"))
    page.goto(series_url)

    # The .ics lists the dates: calendar programs do not know X-YECAI-DAYS.
    with page.expect_download() as download:
        page.get_by_test_id("series-ics").click()
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    (event,) = calendar.walk("VEVENT")
    assert "RRULE" not in event
    dates = [event.decoded("DTSTART")] + [d.dt for group in (event.get("RDATE") if isinstance(event.get("RDATE"), list)
                                                              else [event.get("RDATE")]) for d in group.dts]
    assert sorted(d.astimezone(SHANGHAI) for d in dates)[:3] == expected

    # 编辑: the same form, prefilled; it says that scheduled meetings keep their time.
    page.get_by_test_id("series-edit").click()
    expect(page.get_by_test_id("series-title")).to_have_value(title)
    expect(page.get_by_test_id("recurrence-text")).to_have_text("FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING")
    expect(page.locator('[data-testid="recurrence-workday"] input, input[data-testid="recurrence-workday"]').first) \
        .to_have_value("5")
    expect(page.get_by_test_id("series-keeps-meetings")).to_contain_text("已安排的会议保持原有时间")
    page.get_by_test_id("series-title").fill(f"{title}（每日）")
    page.get_by_text("每个工作日", exact=True).click()
    expect(page.get_by_test_id("recurrence-text")).to_have_text("FREQ=DAILY;X-YECAI-DAYS=WORKING")
    screenshot(page, "series-edit")
    page.get_by_test_id("series-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("例会已保存")
    expect(page.get_by_role("heading", name=f"{title}（每日）")).to_be_visible()
    expect(page.get_by_test_id("series-rrule")).to_have_text("FREQ=DAILY;X-YECAI-DAYS=WORKING")
    first = start
    while not working(first.date()):
        first += timedelta(days=1)
    expect(page.get_by_test_id("series-occurrence").first).to_have_text(first.strftime("%Y-%m-%d %H:%M:%S"))
    # The meeting already scheduled keeps its time.
    expect(page.locator(".ant-table-row")).to_have_count(1)
    expect(page.locator(".ant-table-row").first).to_contain_text(expected[0].strftime("%Y-%m-%d %H:%M"))

    # A bad rule typed by hand while editing is named on its field, and the series stays as it was.
    page.get_by_test_id("series-edit").click()
    page.get_by_test_id("recurrence-advanced").click()
    page.get_by_test_id("recurrence-rrule").fill("FREQ=MONTHLY;BYSETPOS=30;X-YECAI-DAYS=WORKING")
    page.get_by_test_id("series-submit").click()
    field = page.locator(".ant-form-item", has=page.get_by_text("重复规则", exact=True))
    expect(field.locator(".ant-form-item-explain-error")).to_contain_text("不会有任何一次")
    page.keyboard.press("Escape")
    page.reload()
    expect(page.get_by_test_id("series-rrule")).to_have_text("FREQ=DAILY;X-YECAI-DAYS=WORKING")
