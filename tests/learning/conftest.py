"""A small organisation for the learning tests: an author and a reviewer, business and finance learners, a
manager who evaluates their department, HR who manages training, an outsider without learning rights."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_department, make_role, make_user
from yecai.actor import Actor
from yecai.auth.models import User
from yecai.learning import service
from yecai.learning.models import Course, QuestionKind
from yecai.learning.service import ChapterInput, CourseInput, LessonInput, OptionInput, QuestionInput
from yecai.org.models import Department, DepartmentKind


@dataclass
class Org:
    top: Department
    sales: Department
    east: Department  # under sales
    finance: Department
    author: User  # finance role: learning.author
    reviewer: User  # finance role
    learner: User  # staff of sales-east (business)
    colleague: User  # staff of sales
    accountant: User  # staff of finance
    manager: User  # manager of sales: learning.evaluate
    hr: User  # learning.manage
    outsider: User  # a role without any learning permission

    async def actor(self, session: AsyncSession, user: User) -> Actor:
        return await actor_of(session, user)


@pytest.fixture
async def org(session: AsyncSession) -> Org:
    top = await make_department(session, code="L-GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
    sales = await make_department(session, code="L-SALES", name="销售部", parent=top)
    east = await make_department(session, code="L-EAST", name="华东销售组", parent=sales)
    finance = await make_department(session, code="L-FIN", name="财务部", kind=DepartmentKind.FINANCE, parent=top)
    await make_role(session, code="l_nobody", permissions=("org.read",))
    return Org(top, sales, east, finance,
               await make_user(session, username="l.author", roles=("finance",), department=finance),
               await make_user(session, username="l.reviewer", roles=("finance",), department=finance),
               await make_user(session, username="l.learner", roles=("staff",), department=east),
               await make_user(session, username="l.colleague", roles=("staff",), department=sales),
               await make_user(session, username="l.accountant", roles=("staff",), department=finance),
               await make_user(session, username="l.manager", roles=("manager",), department=sales),
               await make_user(session, username="l.hr", roles=("hr",), department=top),
               await make_user(session, username="l.outsider", roles=("l_nobody",), department=sales))


def course_input(org: Org, **changes: object) -> CourseInput:
    values: dict[str, object] = dict(
        title="业务人员的财务基础", summary="凭证、科目、成本效益", tags=["财务基础"], audience=["BUSINESS"],
        reviewer_id=org.reviewer.id, pass_mark=60, max_attempts=2,
        chapters=[ChapterInput("凭证", [LessonInput("从发货到凭证", "<p>借：应收账款</p><script>x()</script>"),
                                       LessonInput("借贷相等", "<p>每张凭证借贷相等</p>", "https://video.example/1")]),
                  ChapterInput("科目", [LessonInput("资产与负债", "<p>应收账款是资产</p>")])],
        questions=[QuestionInput(QuestionKind.SINGLE_CHOICE, "赊销发货借记哪个科目？",
                                 [OptionInput("应收账款", True), OptionInput("主营业务收入"), OptionInput("库存商品")]),
                   QuestionInput(QuestionKind.MULTIPLE_CHOICE, "哪些是资产？",
                                 [OptionInput("银行存款", True), OptionInput("应收账款", True), OptionInput("应付账款")],
                                 points=2),
                   QuestionInput(QuestionKind.TRUE_FALSE, "已过账凭证可以直接修改。",
                                 [OptionInput("正确"), OptionInput("错误", True)])])
    values.update(changes)
    return CourseInput(**values)  # type: ignore[arg-type]


async def published_course(session: AsyncSession, org: Org, **changes: object) -> Course:
    course = await service.create_course(session, actor=await org.actor(session, org.author),
                                         data=course_input(org, **changes))
    await service.publish_course(session, actor=await org.actor(session, org.reviewer), course_id=course.id)
    return course
