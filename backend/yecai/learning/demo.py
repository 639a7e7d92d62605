"""The demo's starter courses, written for this portal: 业务人员的财务基础, 财务人员的业务流程, 数字化素养, each with a
quiz; 业务人员的财务基础 is required of the sales department, and a learning path joins the three.

Created through the services (validated, audited, published by their reviewers); a second run adds nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.learning import learners, service
from yecai.learning.models import Course, QuestionKind
from yecai.learning.service import ChapterInput, CourseInput, LessonInput, OptionInput, QuestionInput
from yecai.manifest import DemoContext
from yecai.meetings.action_items import today

S, M, TF = QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE


def _q(kind: QuestionKind, text: str, options: list[str], correct: set[int]) -> QuestionInput:
    return QuestionInput(kind=kind, text=text, options=[OptionInput(o, i in correct) for i, o in enumerate(options)])


def _tf(text: str, true: bool) -> QuestionInput:
    return _q(TF, text, ["正确", "错误"], {0 if true else 1})


FINANCE_BASICS = CourseInput(
    title="业务人员的财务基础",
    summary="写给销售、采购、仓储同事的财务入门：一张业务单据如何变成凭证，科目说明了什么，怎样用成本效益分析判断一笔生意值不值得做。",
    tags=["财务基础", "凭证", "成本效益"], audience=["BUSINESS"], pass_mark=60, max_attempts=3,
    chapters=[
        ChapterInput("凭证：业务在账上的样子", [
            LessonInput("从发货单到记账凭证", (
                "<p>在本门户里，仓库确认<strong>发货</strong>后，记账规则会自动生成一张<strong>记账凭证</strong>："
                "借记“应收账款”，贷记“主营业务收入”和“应交税费—应交增值税（销项税额）”；同时结转成本："
                "借记“主营业务成本”，贷记“库存商品”。</p>"
                "<p>每张凭证都<em>借贷相等</em>，并且能追溯到来源单据的每一行。业务同事在单据上填写的客户、"
                "数量、单价和税率，就是凭证金额的来源：单据填错，账就错。</p>"
                "<ul><li>已过账的凭证不能修改或删除，只能用红字冲销更正；</li>"
                "<li>退货会生成方向相反的凭证，而不是改掉原来那张。</li></ul>")),
            LessonInput("为什么单据要及时、准确", (
                "<p>财务按<strong>会计期间</strong>（月）结账。月末之后才补录的发货、入库或报销，会落到下个期间，"
                "使本月利润表和应收余额失真。</p><p>请在业务发生当天提交单据，并附上合同、发票等附件，"
                "这样财务不需要来回追问，月结也更快。</p>")),
        ]),
        ChapterInput("科目：账本的分类", [
            LessonInput("资产、负债、收入与费用", (
                "<p><strong>会计科目</strong>是账本的分类。常用的几类：</p>"
                "<ul><li>资产：库存现金、银行存款、应收账款、库存商品；</li>"
                "<li>负债：应付账款、应交税费、应付职工薪酬；</li>"
                "<li>收入：主营业务收入；</li><li>费用与成本：主营业务成本、销售费用、管理费用。</li></ul>"
                "<p>报销时选择的费用类别会决定记入哪个费用科目：销售部门的差旅费记“销售费用”，"
                "职能部门的记“管理费用”。</p>")),
        ]),
        ChapterInput("成本效益分析", [
            LessonInput("一笔订单赚不赚钱", (
                "<p>成本效益分析比较一项决策带来的<strong>增量收入</strong>与它引起的<strong>增量成本</strong>。"
                "例：一笔 100,000 元（不含税）的订单，商品成本 70,000 元，运费 3,000 元，给客户 60 天账期；"
                "若资金成本按年 6% 计，占用资金的成本约为 100,000 × 6% × 60 / 360 = 1,000 元。</p>"
                "<p>这笔订单的毛利为 30,000 元，扣除运费和资金成本后约 26,000 元。若为拿单再打 5% 折扣"
                "（5,000 元），仍然划算；若还要延长到 180 天账期，资金成本增至 3,000 元，就要重新评估。</p>"
                "<p>注意：增值税是代收代缴的，不是收入，也不是成本；比较时一律用<em>不含税</em>金额。</p>")),
        ]),
    ],
    questions=[
        _q(S, "仓库确认一笔赊销发货后，本门户生成的收入凭证借方是哪个科目？",
           ["应收账款", "主营业务收入", "库存商品", "银行存款"], {0}),
        _q(M, "以下哪些属于资产类科目？", ["银行存款", "应收账款", "应付账款", "库存商品"], {0, 1, 3}),
        _tf("已过账的凭证发现错误时，可以直接修改凭证上的金额。", False),
        _q(S, "做成本效益分析比较订单收入与成本时，应使用哪种金额？",
           ["不含税金额", "含税金额", "发票上的价税合计", "任选其一"], {0}),
        _tf("给客户更长的账期会增加资金占用成本。", True),
    ])

BUSINESS_PROCESSES = CourseInput(
    title="财务人员的业务流程",
    summary="写给财务同事的业务入门：从订单到收款、从采购到付款，每一步由谁做、留下什么单据、在账上产生什么。",
    tags=["业务流程", "订单到收款", "采购到付款"], audience=["FINANCE"], pass_mark=60, max_attempts=3,
    chapters=[
        ChapterInput("订单到收款（O2C）", [
            LessonInput("销售订单、发货与收款", (
                "<p>流程：<strong>销售订单</strong>（销售录入客户、商品、数量、价格）→ 审核 → "
                "<strong>发货</strong>（仓库出库，此时确认收入和成本）→ <strong>收款</strong>"
                "（核销客户的未结金额）。</p><p>订单本身不产生凭证：它只是承诺；货物交付才形成收入。"
                "销售退货会冲减收入并把商品退回库存。</p>")),
            LessonInput("看懂客户的未结金额", (
                "<p>客户的<strong>未结金额</strong>来自发货减去收款与退货。账龄越长，坏账风险越大。"
                "与销售一起对账时，先看单据层面的未结明细，再对科目余额：两者不一致，就是对账要找的差异。</p>")),
        ]),
        ChapterInput("采购到付款（P2P）", [
            LessonInput("采购入库与付款", (
                "<p>流程：采购申请 → 采购订单 → <strong>采购入库</strong>（仓库验收，按到货数量和价格确认存货"
                "与应付账款）→ 取得供应商发票 → <strong>付款</strong>（核销应付）。</p>"
                "<p>三单匹配：订单、入库单、发票的数量和价格一致后再付款，是防止多付、错付的基本控制。</p>")),
        ]),
    ],
    questions=[
        _q(S, "在订单到收款流程中，收入在哪一步确认？", ["销售订单录入时", "发货时", "收到货款时", "开具报价单时"], {1}),
        _q(M, "采购付款前的“三单匹配”包括哪些单据？", ["采购订单", "采购入库单", "供应商发票", "销售订单"], {0, 1, 2}),
        _tf("销售订单审核后就会生成一张收入凭证。", False),
        _q(S, "客户的未结金额等于：", ["发货减收款与退货", "订单金额合计", "收款合计", "发票金额减订单金额"], {0}),
    ])

DIGITAL_LITERACY = CourseInput(
    title="数字化素养",
    summary="人人都用得上的数字化工作习惯：在门户里查找与共享信息、保护数据、用数据说话。",
    tags=["数字化素养"], audience=[], pass_mark=60,
    chapters=[
        ChapterInput("在门户里工作", [
            LessonInput("搜索、附件与共享", (
                "<p>按 <strong>Ctrl+K</strong> 可在任意页面搜索客户、单据、凭证、会议和课程；你只会看到有权查看的"
                "内容。单据的合同、发票请作为<strong>附件</strong>上传到单据上，而不是通过聊天工具转发。</p>"
                "<p>定期要报送的数据（如销售日报）由<strong>共享规则</strong>按时间节点提醒负责人发布，接收人确认回执。</p>")),
        ]),
        ChapterInput("数据安全与用数据说话", [
            LessonInput("保护数据", (
                "<p>不共享账号和密码；离开座位锁屏；需要脚本访问时申请个人 API 令牌，用完即撤销。"
                "导出的报表含有客户和金额信息，只发给需要的人。</p>")),
            LessonInput("用数据说话", (
                "<p>提出判断时附上数据来源：例如“华东区应收账款 60 天以上占比 18%（来源：应收账龄分析，12 月 3 日发布）”。"
                "能追溯到单据和凭证的数字，才经得起讨论。</p>")),
        ]),
    ],
    questions=[
        _q(S, "在门户任意页面打开搜索的快捷键是？", ["Ctrl+K", "Ctrl+P", "Alt+F4", "F5"], {0}),
        _tf("为了方便，同事之间可以共用一个账号。", False),
        _q(M, "以下哪些是良好的数据习惯？", ["引用数据时注明来源", "把合同作为附件上传到单据", "把导出的客户报表发到公共群", "离开座位锁屏"],
           {0, 1, 3}),
    ])


async def seed(session: AsyncSession, ctx: DemoContext) -> None:
    users = ctx.refs.get("users") or {}
    departments = ctx.refs.get("departments") or {}
    if not {"hr", "finance"} <= set(users):
        return
    if (await session.execute(select(Course.id).where(Course.title == FINANCE_BASICS.title))).first():
        return

    async def as_(name: str):  # type: ignore[no-untyped-def]
        return await actor_for(session, await session.get(User, users[name].id), request_id="seed",
                               client_address="seed")

    hr, finance = await as_("hr"), await as_("finance")
    made = []
    for data, author, reviewer in ((FINANCE_BASICS, finance, hr), (BUSINESS_PROCESSES, hr, finance),
                                   (DIGITAL_LITERACY, hr, finance)):
        course = await service.create_course(session, actor=author, data=CourseInput(
            **{**data.__dict__, "reviewer_id": reviewer.user_id}))
        await service.publish_course(session, actor=reviewer, course_id=course.id)
        made.append(course)
    if "SALES" in departments:
        await learners.assign_course(session, actor=hr, course_id=made[0].id, department_id=departments["SALES"].id,
                                     due_on=today() + timedelta(days=30))
    if "FIN" in departments:
        await learners.assign_course(session, actor=hr, course_id=made[1].id, department_id=departments["FIN"].id,
                                     due_on=today() + timedelta(days=30))
    await learners.create_learning_path(session, actor=hr, title="业财融合入门",
                                        description="先打好财务与业务的共同语言，再提升数字化工作能力。",
                                        course_ids=[c.id for c in made])
    ctx.created["courses"] = len(made)
