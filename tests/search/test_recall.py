"""The recall set: what users type into the search box, and what they must find in the first 20 hits.

Every engine must find 100% of the expected documents; the ranking checks say what comes first.
The corpus mixes the portal's objects with near misses (中华信托 holds the bigram 华信 across two
words, 张三丰 starts like 张三) so that ranking has something to rank.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date

import pytest

from tests.search.conftest import make_engine
from yecai.search.engine import SearchDocument, SearchEngine, SearchRequest

ACCESS = frozenset({"all"})

CORPUS = {
    # customers 客户
    "c1": ("customer", "北京华信科技有限公司", "联系人 张三 电话 010-88886666 北京市海淀区", "C001"),
    "c2": ("customer", "上海华信贸易有限公司", "联系人 李四", "C002"),
    "c3": ("customer", "深圳市腾飞电子有限公司", "", "C003"),
    "c4": ("customer", "重庆银行股份有限公司", "", "C004"),
    "c5": ("customer", "廣州綠源環保科技有限公司", "", "C005"),  # entered in traditional characters
    "c6": ("customer", "杭州安装工程有限公司", "", "C006"),
    # suppliers 供应商
    "s1": ("supplier", "华信物流有限公司", "", "S001"),
    "s2": ("supplier", "联想（北京）有限公司", "ThinkPad 笔记本电脑 供应商", "S002"),
    "s3": ("supplier", "惠普贸易（上海）有限公司", "HP 打印机 硒鼓", "S003"),
    "s4": ("supplier", "得力文具有限公司", "", "S004"),
    # products 产品
    "p1": ("product", "HP LaserJet 1020 激光打印机", "黑白激光 安装简单 A4", "HP-1020"),
    "p2": ("product", "ThinkPad X1 Carbon 笔记本电脑", "laptop 14英寸 i7", "P-X1C"),
    "p3": ("product", "得力A4复印纸 70g", "500张/包", "DL-A4-70"),
    "p4": ("product", "办公椅 人体工学", "", "P-CH-01"),
    "p5": ("product", "ＨＰ－１０２０ 硒鼓", "", "HP-CART-1020"),  # entered in full width
    "p6": ("product", "iPhone 15 Pro 手机", "", "P-IP15"),
    # accounts 科目
    "a1": ("account", "库存现金", "", "1001"),
    "a2": ("account", "银行存款", "", "1002"),
    "a3": ("account", "应收账款", "", "1122"),
    "a4": ("account", "应交税费—应交增值税(销项税额)", "", "222101"),
    "a5": ("account", "应交税费—应交增值税(进项税额)", "", "222102"),
    "a6": ("account", "销售费用—差旅费", "", "660101"),
    "a7": ("account", "管理费用—办公费", "", "660201"),
    "a8": ("account", "主营业务收入", "", "6001"),
    # vouchers 凭证, with their summaries 摘要
    "v1": ("voucher", "记-0012 收北京华信科技货款", "借：银行存款 贷：应收账款—北京华信科技有限公司 摘要：收到货款", "记-0012"),
    "v2": ("voucher", "记-0013 计提13%增值税", "应交税费—应交增值税(销项税额) 13%", "记-0013"),
    "v3": ("voucher", "记-0014 报销张三差旅费", "管理费用—差旅费 张三 北京出差", "记-0014"),
    "v4": ("voucher", "转-0003 结转本月销售成本", "", "转-0003"),
    # sales orders 销售订单
    "o1": ("sales_order", "SO-202612-00012 北京华信科技有限公司", "HP LaserJet 1020 激光打印机 ×10", "SO-202612-00012"),
    "o2": ("sales_order", "SO-202612-00013 上海华信贸易有限公司", "ThinkPad X1 ×5", "SO-202612-00013"),
    "o3": ("sales_order", "SO-202611-00120 深圳市腾飞电子有限公司", "", "SO-202611-00120"),
    # expense claims 费用报销
    "e1": ("expense_claim", "BX-2026-0031 差旅费报销 张三", "北京至上海 高铁 住宿", "BX-2026-0031"),
    "e2": ("expense_claim", "BX-2026-0032 办公用品报销 李四", "得力A4复印纸", "BX-2026-0032"),
    "e3": ("expense_claim", "BX-2026-0033 業務招待費報銷 王五", "", "BX-2026-0033"),
    # users 用户, departments 部门
    "u1": ("user", "张三", "财务部 会计", "zhangsan"),
    "u2": ("user", "李四", "销售部 业务员", "lisi"),
    "u3": ("user", "王五", "采购部", "wangwu"),
    "u4": ("user", "张三丰", "人事部", "zhangsanfeng"),
    "d1": ("department", "财务部", "", "FIN"),
    "d2": ("department", "销售部", "", "SALES"),
    "d3": ("department", "采购部", "", "PUR"),
    "d4": ("department", "人力资源部", "", "HR"),
    # posting rules 记账规则, meetings
    "r1": ("posting_rule", "销售出库自动生成凭证", "借：应收账款 贷：主营业务收入 应交税费—应交增值税(销项税额)", "RULE-SO-OUT"),
    "r2": ("posting_rule", "费用报销记账规则", "借：管理费用—差旅费 贷：银行存款", "RULE-EXP"),
    "m1": ("meeting", "业财联席会议纪要 2026年12月", "财务部与销售部讨论应收账款回款", None),
    "m2": ("meeting", "中华信托合作洽谈", "", None),
    "m3": ("meeting", "经营战略研讨会", "", None),
}

RECALL: list[tuple[str, str, set[str]]] = [
    # one character
    ("one", "华", {"c1", "c2", "s1", "o1", "o2", "v1"}),
    ("one", "税", {"a4", "a5", "v2"}),
    ("one", "张", {"u1", "u4", "e1", "v3"}),
    ("one", "椅", {"p4"}),
    ("one", "纸", {"p3", "e2"}),
    ("one", "款", {"a2", "a3", "v1"}),
    ("one", "部", {"d1", "d2", "d3", "d4"}),
    ("one", "鼓", {"p5", "s3"}),
    ("one", "银", {"a2", "c4"}),
    ("one", "差", {"a6", "v3", "e1"}),
    ("one", "綠", {"c5"}),
    # two characters
    ("two", "华信", {"c1", "c2", "s1", "o1", "o2", "v1", "m2"}),
    ("two", "安装", {"p1", "c6"}),
    ("two", "差旅", {"a6", "v3", "e1", "r2"}),
    ("two", "现金", {"a1"}),
    ("two", "增值", {"a4", "a5", "v2"}),
    ("two", "财务", {"d1", "u1", "m1"}),
    ("two", "打印", {"p1", "s3", "o1"}),
    ("two", "文具", {"s4"}),
    ("two", "硒鼓", {"p5", "s3"}),
    ("two", "手机", {"p6"}),
    ("two", "绿源", {"c5"}),
    ("two", "环保", {"c5"}),
    ("two", "纪要", {"m1"}),
    # three and more
    ("long", "财务部", {"d1", "u1", "m1"}),
    ("long", "应交增值税", {"a4", "a5", "v2", "r1"}),
    ("long", "销项税额", {"a4", "v2", "r1"}),
    ("long", "北京华信科技", {"c1", "o1", "v1"}),
    ("long", "差旅费报销", {"e1"}),
    ("long", "主营业务收入", {"a8", "r1"}),
    ("long", "应收账款", {"a3", "v1", "r1", "m1"}),
    ("long", "笔记本电脑", {"p2", "s2"}),
    ("long", "记账规则", {"r2"}),
    ("long", "人力资源部", {"d4"}),
    ("long", "结转本月销售成本", {"v4"}),
    ("long", "业财联席会议", {"m1"}),
    ("long", "重庆银行", {"c4"}),
    # words inside longer words
    ("inside", "简单", {"p1"}),
    ("inside", "增值税", {"a4", "a5", "v2", "r1"}),
    ("inside", "报销", {"e1", "e2", "e3", "v3", "r2"}),
    ("inside", "工学", {"p4"}),
    ("inside", "项税", {"a4", "v2", "r1"}),
    ("inside", "腾飞", {"c3", "o3"}),
    # several words
    ("words", "北京 差旅", {"v3"}),
    ("words", "张三 报销", {"e1", "v3"}),
    ("words", "华信 订单", set()),  # nothing holds both
    # mixed scripts
    ("mixed", "13%增值税", {"v2"}),
    ("mixed", "HP打印机", {"p1", "s3", "o1"}),
    ("mixed", "A4复印纸", {"p3", "e2"}),
    ("mixed", "X1笔记本", {"p2"}),
    ("mixed", "iphone15", {"p6"}),
    ("mixed", "i7笔记本", {"p2"}),
    ("mixed", "HP 1020", {"p1", "p5", "o1"}),
    # codes and numbers
    ("code", "SO-202612-00012", {"o1"}),
    ("code", "SO-202612", {"o1", "o2"}),
    ("code", "so20261200012", {"o1"}),
    ("code", "00012", {"o1"}),
    ("code", "记-0012", {"v1"}),
    ("code", "记0012", {"v1"}),
    ("code", "0013", {"v2"}),
    ("code", "00013", {"o2"}),
    ("code", "13", {"v2", "o2"}),  # numbers also without their leading zeros
    ("code", "HP-1020", {"p1", "p5"}),
    ("code", "hp1020", {"p1", "p5"}),
    ("code", "DL-A4-70", {"p3"}),
    ("code", "BX-2026-0031", {"e1"}),
    ("code", "222101", {"a4"}),
    ("code", "1002", {"a2"}),
    ("code", "C001", {"c1"}),
    ("code", "010-88886666", {"c1"}),
    ("code", "2026", {"e1", "e2", "e3", "m1"}),
    # pinyin
    ("pinyin", "caiwu", {"d1"}),  # pinyin is for titles: 张三's body "财务部" is not read
    ("pinyin", "caiwubu", {"d1"}),
    ("pinyin", "beijinghuaxin", {"c1", "o1", "v1"}),
    ("pinyin", "huaxin", {"c1", "c2", "s1", "o1", "o2"}),
    ("pinyin", "zhangsan", {"u1", "u4", "e1", "v3"}),
    ("pinyin", "chongqingyinhang", {"c4"}),
    ("pinyin", "chailvfei", {"a6", "v3", "e1"}),
    ("pinyin", "lvyuan", {"c5"}),
    ("pinyin", "zhanlue", {"m3"}),  # ü after l: typed u or v
    ("pinyin", "zhanlve", {"m3"}),
    ("pinyin", "xiaoshoubu", {"d2"}),
    ("pinyin", "yingshouzhangkuan", {"a3"}),
    ("pinyin", "lianxiang", {"s2"}),
    ("pinyin", "shenzhen", {"c3", "o3"}),
    ("pinyin", "bangongyi", {"p4"}),
    ("pinyin", "beijinghuaxinkejiyouxiangongsi", {"c1", "o1"}),
    # initials
    ("initials", "cwb", {"d1"}),
    ("initials", "bjhx", {"c1", "o1", "v1"}),
    ("initials", "zs", {"u1", "u4"}),
    ("initials", "xsb", {"d2"}),
    ("initials", "cgb", {"d3"}),
    ("initials", "yszk", {"a3"}),
    ("initials", "kcxj", {"a1"}),
    ("initials", "lx", {"s2"}),
    # traditional characters for simplified
    ("traditional", "財務部", {"d1", "u1"}),
    ("traditional", "應交稅費", {"a4", "a5", "v2", "r1"}),
    ("traditional", "報銷", {"e1", "e2", "e3", "v3", "r2"}),
    ("traditional", "差旅費", {"a6", "e1", "v3", "r2"}),
    ("traditional", "華信", {"c1", "c2", "s1"}),
    ("traditional", "銀行存款", {"a2", "v1", "r2"}),
    ("traditional", "電腦", {"p2", "s2"}),
    ("traditional", "业务招待费", {"e3"}),  # simplified typed, traditional stored
    # full width for half width
    ("fullwidth", "ＨＰ－１０２０", {"p1", "p5"}),
    ("fullwidth", "ＳＯ－２０２６１２－０００１２", {"o1"}),
    ("fullwidth", "Ａ４", {"p1", "p3"}),
    ("fullwidth", "１３％", {"v2"}),
    ("fullwidth", "ｉＰｈｏｎｅ", {"p6"}),
    # one wrong letter
    ("typo", "laptoq", {"p2"}),
    ("typo", "thinkpda", {"p2", "s2"}),
    ("typo", "lazerjet", {"p1", "o1"}),
    ("typo", "carbom", {"p2"}),
    ("typo", "iphane", {"p6"}),
    # the last word still being typed
    ("prefix", "think", {"p2", "s2", "o2"}),
    ("prefix", "laser", {"p1", "o1"}),
    ("prefix", "SO-2026", {"o1", "o2", "o3"}),
    ("prefix", "beijingh", {"c1", "o1", "v1"}),
]

FIRST: list[tuple[str, str]] = [
    ("财务部", "d1"),
    ("張三", "u1"),
    ("北京华信科技有限公司", "c1"),
    ("銀行存款", "a2"),
    ("SO-202612-00012", "o1"),
    ("so20261200012", "o1"),
    ("ＳＯ－２０２６１２－０００１２", "o1"),
    ("记-0012", "v1"),
    ("HP-1020", "p1"),
    ("1002", "a2"),
    ("BX-2026-0031", "e1"),
    ("应交税费—应交增值税(销项税额)", "a4"),
    ("华信", "s1"),  # its word (华信物流) in the shortest title, before 中华信托's accidental bigram
]


def test_the_recall_set_is_large_and_covers_every_kind_of_query() -> None:
    assert len(RECALL) >= 80
    categories = {c for c, _, _ in RECALL}
    assert categories >= {"one", "two", "long", "inside", "mixed", "code", "pinyin", "initials", "traditional",
                          "fullwidth", "typo"}
    assert all(key in CORPUS for _, _, expected in RECALL for key in expected)


@pytest.fixture(scope="module", params=["embedded", "meilisearch"])
async def indexed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SearchEngine]:
    engine = make_engine(request.param, tmp_path_factory.mktemp(f"recall-{uuid.uuid4().hex[:6]}"))
    documents = [
        SearchDocument(kind, i, title, body, code, None, ("all",), date(2026, 12, 1))
        for i, (kind, title, body, code) in enumerate(CORPUS.values())
    ]
    await engine.upsert(documents)
    yield engine
    await engine.clear()
    await engine.close()


def _names(hits) -> list[str]:
    by_title = {(kind, i): name for i, (name, (kind, *_)) in enumerate(CORPUS.items())}
    return [by_title[(h.kind, h.object_id)] for h in hits]


@pytest.mark.parametrize(("category", "query", "expected"), RECALL, ids=[f"{c}:{q}" for c, q, _ in RECALL])
async def test_recall(indexed: SearchEngine, category: str, query: str, expected: set[str]) -> None:
    page = await indexed.search(SearchRequest(query, ACCESS, limit=20))
    found = set(_names(page.hits))
    assert expected <= found, f"{query!r} ({category}) missed {sorted(expected - found)}; found {sorted(found)}"
    if not expected:
        assert page.total == 0


@pytest.mark.parametrize(("query", "first"), FIRST, ids=[q for q, _ in FIRST])
async def test_ranking_puts_the_exact_match_first(indexed: SearchEngine, query: str, first: str) -> None:
    page = await indexed.search(SearchRequest(query, ACCESS))
    assert _names(page.hits)[:1] == [first], f"{query!r}: {_names(page.hits)[:5]}"


async def test_matched_characters_are_marked_in_the_original_text(indexed: SearchEngine) -> None:
    page = await indexed.search(SearchRequest("lvyuan", ACCESS))
    assert [f.text for f in page.hits[0].title if f.matched] == ["綠源"]
    page = await indexed.search(SearchRequest("1020", ACCESS, kinds=("product",)))
    assert {f.text for h in page.hits for f in h.title if f.matched} == {"1020", "１０２０"}
