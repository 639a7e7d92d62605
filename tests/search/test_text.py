"""The text analysis both engines share: normalization, tokens, query plans, highlighting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yecai.search import text
from yecai.search.engine import Fragment


def shown(frags: tuple[Fragment, ...]) -> str:
    return "".join(f"[{f.text}]" if f.matched else f.text for f in frags)


@pytest.mark.parametrize(("raw", "normalized"), [
    ("ＨＰ－１０２０", "hp-1020"),  # full width to half width
    ("ＡＢＣ１２３", "abc123"),
    ("財務部", "财务部"),  # traditional to simplified
    ("應交稅費—應交增值稅（銷項稅額）", "应交税费—应交增值税(销项税额)"),
    ("臺灣發票", "台湾发票"),
    ("财\u200b务", "财务"),  # zero-width space
    ("\u202e财务\u202c", "财务"),  # bidi override and pop
    ("\ufeff发票\u00ad", "发票"),  # byte order mark, soft hyphen
    ("财务\t部\n门", "财务 部 门"),  # controls become spaces
    ("LaserJet", "laserjet"),
    ("Ⅱ号仓", "ii号仓"),
    ("①号", "1号"),
    ("", ""),
])
def test_normalize(raw: str, normalized: str) -> None:
    assert text.normalize(raw) == normalized


def test_normalize_mapped_remembers_where_each_character_came_from() -> None:
    normalized, origin = text.normalize_mapped("a\u200b財①")
    assert normalized == "a财1"
    assert origin == [0, 2, 3]
    expanded, origin = text.normalize_mapped("㈱财")  # one character becomes three
    assert expanded == "(株)财" and origin == [0, 0, 0, 1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("财務部ＨＰ－1a b\u200b\u202e-_/.記Ⅱ%（）"), max_size=30))
def test_normalize_is_idempotent_and_fragments_keep_every_character(raw: str) -> None:
    assert text.normalize(text.normalize(raw)) == text.normalize(raw)
    assert "".join(f.text for f in text.fragments(raw, "财务 hp")) == raw


@pytest.mark.parametrize(("raw", "expected"), [
    ("SO-202612-00012", [("so-202612-00012", "code")]),
    ("记-0012 收款", [("记-0012", "code"), ("收款", "cjk")]),
    ("13%增值税", [("13", "number"), ("增值税", "cjk")]),
    ("HP1020打印机", [("hp1020", "mixed"), ("打印机", "cjk")]),
    ("应交税费-应交增值税", [("应交税费", "cjk"), ("应交增值税", "cjk")]),  # Chinese alone never makes a code
    ("a--b", [("a", "latin"), ("b", "latin")]),  # two connectors: two pieces
    ("laptop, 2026/12/01", [("laptop", "latin"), ("2026/12/01", "code")]),
])
def test_pieces(raw: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.shape) for p in text.pieces(text.normalize(raw))] == expected


@pytest.mark.parametrize(("title", "field", "tokens"), [
    ("财务部", "title_seq", "财 务 部"),
    ("财务部", "title_bigrams", "财务 务部"),
    ("财务 部门", "title_bigrams", f"财务 {text.GAP} 部门"),
    ("財務部", "title_pinyin", "cai wu bu"),
    ("重庆银行", "title_pinyin", "chong qing yin hang"),  # readings in context
    ("绿色", "title_pinyin", "lv se"),
    ("北京华信科技", "title_pinyin_words", "beijing beijinghuaxin beijinghuaxinkeji huaxin huaxinkeji keji"),
    ("北京华信科技", "title_initials_words", "bj bjhx bjhxkj hx hxkj kj"),
    ("收北京华信", "title_pinyin_words", "shoubeijing shoubeijinghuaxin beijing beijinghuaxin huaxin"),
    ("SO-202612-00012", "title_seq", "so 202612 00012"),
    ("SO-202612-00012", "title_whole", "so-202612-00012 so20261200012 12"),
    ("ＨＰ１０２０", "title_whole", "hp1020"),
    ("HP-1020", "title_whole", "hp-1020 hp1020"),
    ("记-0012", "title_seq", "记 0012"),
    ("记-0012", "title_whole", "记-0012 记0012 12"),
    ("13%增值税", "title_seq", "13 增 值 税"),
    ("HP-10", "title_prefixes", "hp hp- hp-1 hp-10 hp1 hp10"),
    ("2026年", "title_prefixes", "20 202 2026"),
    ("财务部", "title_prefixes", ""),
])
def test_document_fields(title: str, field: str, tokens: str) -> None:
    assert text.document_fields(title)[field] == tokens


def test_bodies_have_no_initials_and_codes_no_pinyin() -> None:
    fields = text.document_fields("财务部", "财务部", "财务部")
    assert {f for f in fields if f.startswith("body_")} == {"body_seq", "body_bigrams", "body_whole"}
    assert "code_pinyin" not in fields and fields["code_bigrams"] == "财务 务部"
    assert "body_prefixes" not in fields
    assert set(fields) == {f for pairs in text.FIELDS.values() for f, _ in pairs}


@pytest.mark.parametrize(("a", "b"), [("HP-1020", "ｈｐ１０２０"), ("HP 1020", "hp1020"), ("財務部", "财务部"),
                                      ("记-0012", "记0012")])
def test_exact_key_ignores_width_case_script_and_separators(a: str, b: str) -> None:
    assert text.exact_key(a) == text.exact_key(b) != ""


def test_exact_prefixes_are_every_beginning_of_title_and_code() -> None:
    assert text.exact_prefixes("財務部", "FIN") == "财 财务 财务部 f fi fin"
    assert len(text.exact_prefixes("长" * 100).split()) == text.PREFIX_CHARS


def alternatives(query: str, *, prefix: bool = True) -> list[set[tuple[str, tuple[str, ...], bool, int]]]:
    return [{(m.stream, m.terms, m.prefix, m.fuzzy) for m in c.alternatives}
            for c in text.plan_query(query, prefix=prefix).clauses]


@pytest.mark.parametrize(("query", "clause", "must_include"), [
    ("财", 0, ("seq", ("财",), False, 0)),
    ("财务", 0, ("bigrams", ("财务",), False, 0)),
    ("财务部", 0, ("bigrams", ("财务", "务部"), False, 0)),
    ("財務", 0, ("bigrams", ("财务",), False, 0)),
    ("caiwu ", 0, ("pinyin_words", ("caiwu",), False, 0)),
    ("cai ", 0, ("pinyin", ("cai",), False, 0)),
    ("cw ", 0, ("initials_words", ("cw",), False, 0)),
    ("cw", 0, ("initials_words", ("cw",), True, 0)),
    ("beijingh", 0, ("pinyin_words", ("beijingh",), True, 0)),
    ("laptoq ", 0, ("seq", ("laptoq",), False, 1)),
    ("lapt", 0, ("seq", ("lapt",), True, 0)),
    ("SO-202612-00012 ", 0, ("whole", ("so-202612-00012",), False, 0)),
    ("SO-202612-00012 ", 0, ("seq", ("so", "202612", "00012"), False, 0)),
    ("so-2026", 0, ("prefixes", ("so-2026",), False, 0)),
    ("so-2026", 0, ("prefixes", ("so2026",), False, 0)),
    ("hp1020 ", 0, ("seq", ("hp", "1020"), False, 0)),
    ("ＨＰ－１０２０ ", 0, ("whole", ("hp1020",), False, 0)),
    ("12", 0, ("prefixes", ("12",), False, 0)),
    ("12", 0, ("seq", ("12",), True, 0)),
    ("13%增值税", 0, ("seq", ("13",), False, 0)),
    ("13%增值税", 1, ("bigrams", ("增值", "值税"), False, 0)),
])
def test_plan_alternatives(query: str, clause: int, must_include: tuple) -> None:
    assert must_include in alternatives(query)[clause]


@pytest.mark.parametrize(("query", "must_not_include"), [
    ("laptoq", ("pinyin_words", ("laptoq",), False, 1)),  # typos only in Latin words, never pinyin
    ("cw", ("seq", ("cw",), False, 1)),  # no typo in short words
    ("caiwu ", ("pinyin_words", ("caiwu",), True, 0)),  # a trailing space: the word is complete
    ("c", ("initials_words", ("c",), True, 0)),  # one letter is not read as pinyin or initials
    ("财务", ("pinyin_words", ("caiwu",), False, 0)),  # Chinese is not read as pinyin
])
def test_plan_leaves_out(query: str, must_not_include: tuple) -> None:
    assert all(must_not_include not in alts for alts in alternatives(query))


def test_plan_clauses_words_and_exact() -> None:
    plan = text.plan_query("北京华信科技 SO-202612")
    assert [(c.text, c.shape, c.prefix) for c in plan.clauses] == [("北京华信科技", "cjk", False), ("so-202612", "code", True)]
    assert "北京" in plan.words and "科技" in plan.words
    assert plan.exact == "北京华信科技so202612"
    assert text.plan_query("  ，。 ").empty
    assert len(text.plan_query("财 " * 500).clauses) <= 12  # bounded, whatever is pasted


@pytest.mark.parametrize(("original", "query", "window", "expected"), [
    ("安装简单", "简单", None, "安装[简单]"),
    ("財務部報銷", "财务", None, "[財務]部報銷"),  # matched through t2s: the traditional characters are marked
    ("ＨＰ－１０２０ 打印机", "hp1020", None, "[ＨＰ－１０２０] 打印机"),
    ("HP LaserJet", "laserj", None, "HP [LaserJ]et"),
    ("北京华信科技有限公司", "beijinghuaxin", None, "[北京华信]科技有限公司"),
    ("北京华信科技有限公司", "bjhx", None, "[北京华信]科技有限公司"),
    ("北京华信科技", "beijingh", None, "[北京华]信科技"),
    ("A laptop stand", "laptoq", None, "A [laptop] stand"),
    ("SO-202612-00012", "so-2026", None, "[SO-2026]12-00012"),
    ("记-0012 收款", "12", None, "记-[0012] 收款"),
    ("SO-202612", "12", None, "SO-202612"),  # 12 inside 202612 is not a match
    ("13%增值税", "13%增值税", None, "[13]%[增值税]"),
    ("财\u200b务部", "财务", None, "[财\u200b务]部"),  # the invisible character stays inside the match
    ("财务部", "", None, "财务部"),
    ("", "财务", None, ""),
    ("甲" * 50 + "简单" + "乙" * 50, "简单", 20, "…" + "甲" * 5 + "[简单]" + "乙" * 13 + "…"),
    ("简单" + "乙" * 50, "简单", 10, "[简单]" + "乙" * 8 + "…"),
    ("甲" * 30, "无关", 10, "甲" * 10 + "…"),
])
def test_fragments(original: str, query: str, window: int | None, expected: str) -> None:
    assert shown(text.fragments(original, query, window)) == expected


def test_fragments_accept_a_plan_and_mark_nothing_when_nothing_matched() -> None:
    plan = text.plan_query("华信")
    assert text.fragments("北京华信", plan) == (Fragment("北京"), Fragment("华信", True))
    assert not text.is_matched(text.fragments("上海贸易", plan))


def test_add_words_changes_words_not_recall() -> None:
    name = "宏图伟业"  # jieba alone splits it: 宏图 伟业
    before = text.document_fields(f"{name}商贸")
    text.add_words([name, " ", ""])
    after = text.document_fields(f"{name}商贸")
    assert name in after["title_words"].split() and name not in before["title_words"].split()
    assert after["title_bigrams"] == before["title_bigrams"] and after["title_seq"] == before["title_seq"]
    assert name in text.plan_query(f"{name}商贸").words
