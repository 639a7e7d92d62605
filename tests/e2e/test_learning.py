"""Learning in the browser: a salesperson takes the course required of sales (业务人员的财务基础), fails the quiz
once and sees which answers were right, passes it, and finds the course done; an author's bad pass mark is named
on its field; HR sees the completion in the figures."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import screenshot

pytestmark = pytest.mark.e2e

COURSE = "业务人员的财务基础"
# The demo course's questions (backend/yecai/learning/demo.py) and their correct options.
RIGHT = {
    "借方是哪个科目": ["应收账款"],
    "哪些属于资产类科目": ["银行存款", "应收账款", "库存商品"],
    "可以直接修改凭证上的金额": ["错误"],
    "应使用哪种金额": ["不含税金额"],
    "增加资金占用成本": ["正确"],
}


def answer(page: Page, answers: dict[str, list[str]]) -> None:
    for question, options in answers.items():
        block = page.get_by_test_id("quiz-question").filter(has_text=question)
        for option in options:
            block.get_by_test_id("quiz-option").filter(has_text=option).first.click()


def test_a_course_taken_its_quiz_failed_once_then_passed(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("business")
    page.get_by_test_id("nav-myLearning").click()
    expect(page.get_by_test_id("tab-required")).to_be_visible()
    page.get_by_test_id("enrollment-link").filter(has_text=COURSE).click()
    expect(page.get_by_role("heading", name=COURSE)).to_be_visible()
    screenshot(page, "learning-course")

    # Every lesson, in order: read it, mark it done; the reader then moves on to the next one not yet done.
    lessons = page.get_by_test_id("lesson-item")
    expect(lessons).to_have_count(4)
    for i in range(4):
        lessons.nth(i).click()
        title = lessons.nth(i).inner_text()
        expect(page.get_by_test_id("lesson-title")).to_have_text(title)
        expect(page.get_by_test_id("lesson-body")).not_to_be_empty()
        page.get_by_test_id("lesson-complete").click()
        expect(page.get_by_test_id("lesson-item").filter(has_text=title).locator(".anticon-check-circle")).to_be_visible()
    expect(page.get_by_test_id("course-completed")).to_have_count(0)  # the quiz is still to pass

    # A first attempt with two wrong answers and the rest left blank fails, and shows the correct answers.
    page.get_by_test_id("quiz-start").click()
    expect(page.get_by_test_id("quiz-question")).to_have_count(5)
    answer(page, {"借方是哪个科目": ["主营业务收入"], "可以直接修改凭证上的金额": ["正确"]})
    page.get_by_test_id("quiz-submit").click()
    expect(page.get_by_test_id("quiz-failed")).to_be_visible()
    expect(page.get_by_test_id("quiz-score")).to_contain_text("0 / 5")
    expect(page.get_by_test_id("quiz-result")).to_contain_text("银行存款、应收账款、库存商品")
    screenshot(page, "learning-quiz-failed")

    page.get_by_test_id("quiz-start").click()
    expect(page.get_by_test_id("quiz-question")).to_have_count(5)
    answer(page, RIGHT)
    page.get_by_test_id("quiz-submit").click()
    expect(page.get_by_test_id("quiz-passed")).to_be_visible()
    expect(page.get_by_test_id("quiz-score")).to_contain_text("5 / 5（100.00%）")
    expect(page.get_by_test_id("course-completed")).to_be_visible()
    expect(page.get_by_test_id("quiz-start")).to_have_count(0)
    screenshot(page, "learning-quiz-passed")

    page.get_by_test_id("nav-myLearning").click()
    page.get_by_test_id("tab-completed").click()
    expect(page.get_by_test_id("enrollment-link").filter(has_text=COURSE)).to_be_visible()

    # Completing it issued the training certificate (培训结业证书): in 我的证书, valid, downloadable.
    page.get_by_test_id("nav-myCertificates").click()
    row = page.locator("tr", has_text=f"《{COURSE}》结业")
    expect(row).to_be_visible()
    expect(row.get_by_test_id("certificate-state")).to_have_text("有效")
    expect(row.get_by_test_id("certificate-download")).to_be_visible()


def test_an_author_writes_a_course_and_a_bad_pass_mark_is_named_on_its_field(signed_in: Callable[[str], Page]) -> None:
    title = f"成本效益分析实务 {uuid.uuid4().hex[:6]}"
    page = signed_in("finance")
    page.get_by_test_id("nav-courseAdmin").click()
    page.get_by_test_id("course-new").click()
    page.get_by_test_id("course-title").fill(title)
    page.get_by_test_id("course-pass-mark").fill("150")
    page.get_by_test_id("chapter-title").fill("增量分析")
    page.get_by_test_id("lesson-title-input").fill("增量收入与增量成本")
    page.get_by_test_id("course-submit").click()
    field = page.locator(".ant-form-item").filter(has=page.get_by_test_id("course-pass-mark"))
    expect(field.locator(".ant-form-item-explain-error")).to_contain_text("及格线应在 0 到 100 之间")
    page.get_by_test_id("course-pass-mark").fill("80")
    page.get_by_test_id("course-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("课程已保存")
    row = page.locator("tr", has_text=title)
    expect(row.get_by_test_id("course-state")).to_have_text("草稿")
    row.get_by_test_id("course-publish").click()
    expect(page.locator(".ant-message")).to_contain_text("已发布第 1 版")
    expect(row.get_by_test_id("course-state")).to_have_text("已发布")


def test_hr_sees_completion_figures(signed_in: Callable[[str], Page]) -> None:
    page = signed_in("hr")
    page.get_by_test_id("nav-learningFigures").click()
    by_course = page.get_by_test_id("figures-by-course")
    expect(by_course.locator("tr", has_text=COURSE)).to_be_visible()
    expect(page.get_by_test_id("figures-by-department").locator("tr", has_text="销售部")).to_be_visible()
    screenshot(page, "learning-figures")
