"""What every search engine does, whatever it runs on (the ``engine`` fixture: embedded, Meilisearch)."""

from __future__ import annotations

from datetime import date

from yecai.search.engine import SearchDocument, SearchEngine, SearchRequest

FIN = frozenset({"dept:1"})
SALES = frozenset({"dept:2"})
ALL = frozenset({"dept:1", "dept:2", "admin"})


def doc(kind: str, object_id: int, title: str, *, body: str = "", code: str | None = None, department: int | None = 1,
        access: tuple[str, ...] = ("dept:1", "admin"), day: date | None = None, url: str = "") -> SearchDocument:
    return SearchDocument(kind, object_id, title, body, code, department, access, day, url or f"/{kind}/{object_id}")


def keys(page_or_hits) -> list[str]:
    hits = page_or_hits.hits if hasattr(page_or_hits, "hits") else page_or_hits
    return [h.key for h in hits]


async def search(engine: SearchEngine, text: str, access: frozenset[str] = ALL, **kw):
    return await engine.search(SearchRequest(text, access, **kw))


CORPUS = [
    doc("customer", 1, "北京华信科技有限公司", body="联系人 张三", code="C001", department=2,
        access=("dept:2", "admin"), day=date(2026, 12, 1)),
    doc("customer", 2, "上海华信贸易有限公司", code="C002", department=2, access=("dept:2", "admin"),
        day=date(2026, 11, 20)),
    doc("supplier", 3, "华信物流有限公司", code="S003", department=None, access=("admin",), day=date(2026, 10, 5)),
    doc("voucher", 4, "记-0012 收华信科技货款", body="应交税费—应交增值税(销项税额)", code="记-0012", department=1,
        day=date(2026, 12, 5)),
    doc("voucher", 5, "记-0013 付华信物流运费", code="记-0013", department=1, day=date(2026, 12, 5)),
    doc("product", 6, "HP LaserJet 1020 打印机", code="HP-1020", department=None, access=("dept:2", "dept:1"), day=None),
]


async def test_upsert_then_search_finds_with_what_a_hit_shows(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    page = await search(engine, "北京华信")
    assert keys(page) == ["customer:1"]
    hit = page.hits[0]
    assert (hit.kind, hit.object_id, hit.department_id, hit.date, hit.url) == ("customer", 1, 2, date(2026, 12, 1), "/customer/1")
    assert "".join(f.text for f in hit.title) == "北京华信科技有限公司"
    assert [f.text for f in hit.title if f.matched] == ["北京华信"]
    assert hit.score > 0


async def test_upsert_replaces_by_key(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    await engine.upsert([doc("customer", 1, "广州新名字有限公司", department=2, access=("dept:2",))])
    assert keys(await search(engine, "北京华信")) == []
    assert keys(await search(engine, "新名字")) == ["customer:1"]
    assert (await engine.counts())["customer"] == 2
    # one batch naming a key twice keeps the last
    await engine.upsert([doc("customer", 7, "第一版"), doc("customer", 7, "第二版")])
    assert keys(await search(engine, "版")) == ["customer:7"]
    assert [f.text for f in (await search(engine, "版")).hits[0].title] == ["第二", "版"]


async def test_delete_removes_and_ignores_unknown_keys(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    await engine.delete(["customer:2", "customer:999", "nothing:1"])
    assert keys(await search(engine, "上海华信")) == []
    assert await engine.counts() == {"customer": 1, "supplier": 1, "voucher": 2, "product": 1}


async def test_clear_one_kind_then_everything(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    await engine.clear("voucher")
    assert await engine.counts() == {"customer": 2, "supplier": 1, "product": 1}
    assert (await search(engine, "华信")).total == 3
    await engine.clear()
    assert await engine.counts() == {}
    assert (await search(engine, "华信")).total == 0


async def test_counts_include_every_document_whoever_may_see_it(engine: SearchEngine) -> None:
    assert await engine.counts() == {}
    await engine.upsert(CORPUS)
    assert await engine.counts() == {"customer": 2, "supplier": 1, "voucher": 2, "product": 1}


async def test_access_a_document_is_visible_to_any_of_its_tags_only(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    assert set(keys(await search(engine, "华信", FIN))) == {"voucher:4", "voucher:5"}
    assert set(keys(await search(engine, "华信", SALES))) == {"customer:1", "customer:2"}
    assert set(keys(await search(engine, "华信", frozenset({"admin"})))) == {
        "customer:1", "customer:2", "supplier:3", "voucher:4", "voucher:5"}
    assert keys(await search(engine, "打印机", FIN)) == keys(await search(engine, "打印机", SALES)) == ["product:6"]
    assert keys(await search(engine, "打印机", frozenset({"admin"}))) == []
    assert keys(await search(engine, "华信", frozenset({"nobody"}))) == []


async def test_empty_access_sees_nothing(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    page = await search(engine, "华信", frozenset())
    assert (page.hits, page.total, page.kinds, page.departments) == ((), 0, {}, {})
    assert (await search(engine, "", frozenset())).total == 0
    assert await engine.suggest("华信", frozenset()) == []


async def test_hidden_documents_are_never_counted_faceted_or_suggested(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    page = await search(engine, "华信", FIN)
    assert page.total == 2
    assert page.kinds == {"voucher": 2}
    assert page.departments == {1: 2}
    assert keys(await engine.suggest("华信", FIN)) and set(keys(await engine.suggest("华信", FIN))) <= {"voucher:4", "voucher:5"}
    assert keys(await engine.suggest("北京", FIN)) == []


async def test_kind_department_and_date_filters_narrow_hits_and_totals(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    assert set(keys(await search(engine, "华信", kinds=("customer", "supplier")))) == {"customer:1", "customer:2", "supplier:3"}
    assert (await search(engine, "华信", kinds=())).total == 0
    assert set(keys(await search(engine, "华信", departments=(None,)))) == {"supplier:3"}
    assert set(keys(await search(engine, "华信", departments=(1, None)))) == {"supplier:3", "voucher:4", "voucher:5"}
    inclusive = await search(engine, "华信", date_from=date(2026, 12, 1), date_to=date(2026, 12, 5))
    assert set(keys(inclusive)) == {"customer:1", "voucher:4", "voucher:5"} and inclusive.total == 3
    assert set(keys(await search(engine, "华信", date_to=date(2026, 11, 30)))) == {"customer:2", "supplier:3"}
    # a document without a date is left out by any date filter
    assert keys(await search(engine, "打印机", date_from=date(2000, 1, 1))) == []
    assert keys(await search(engine, "打印机", date_to=date(2100, 1, 1))) == []


async def test_facets_count_visible_matches_and_ignore_their_own_filter(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    page = await search(engine, "华信")
    assert page.kinds == {"customer": 2, "supplier": 1, "voucher": 2}
    assert page.departments == {2: 2, None: 1, 1: 2}
    narrowed = await search(engine, "华信", kinds=("voucher",), departments=(2, None))
    assert narrowed.total == 0
    # kinds: filtered by department only; departments: filtered by kind only
    assert narrowed.kinds == {"customer": 2, "supplier": 1}
    assert narrowed.departments == {1: 2}
    one_kind = await search(engine, "华信", kinds=("customer",))
    assert one_kind.kinds == {"customer": 2, "supplier": 1, "voucher": 2}
    assert one_kind.departments == {2: 2}
    dated = await search(engine, "华信", date_from=date(2026, 12, 1))
    assert dated.kinds == {"customer": 1, "voucher": 2}
    without = await search(engine, "华信", facets=False)
    assert (without.total, without.kinds, without.departments) == (5, {}, {})


async def test_sort_by_date_newest_first_ties_by_relevance_undated_last(engine: SearchEngine) -> None:
    await engine.upsert([
        doc("voucher", 1, "差旅费报销 张三", day=date(2026, 12, 1)),
        doc("voucher", 2, "差旅费", day=date(2026, 12, 3)),
        doc("voucher", 3, "办公用品 差旅费报销说明很长很长的一段文字", day=date(2026, 12, 3)),
        doc("voucher", 4, "差旅费报销", day=None),
        doc("voucher", 5, "差旅费报销单", day=date(2025, 1, 1)),
    ])
    page = await search(engine, "差旅费", sort="date")
    assert keys(page) == ["voucher:2", "voucher:3", "voucher:1", "voucher:5", "voucher:4"]
    assert [h.date for h in page.hits][:2] == [date(2026, 12, 3)] * 2
    by_relevance = await search(engine, "差旅费")
    assert keys(by_relevance)[0] == "voucher:2"  # the exact title
    paged = [keys(await search(engine, "差旅费", sort="date", offset=i, limit=1))[0] for i in range(5)]
    assert paged == keys(page)


async def test_pagination_offsets_limits_and_totals(engine: SearchEngine) -> None:
    await engine.upsert([doc("product", i, f"办公椅 型号{i:03d}", day=date(2026, 1, 1 + i % 28)) for i in range(45)])
    for sort in ("relevance", "date"):
        pages = [await search(engine, "办公椅", sort=sort, offset=o, limit=20) for o in (0, 20, 40)]
        assert [p.total for p in pages] == [45, 45, 45]
        assert [len(p.hits) for p in pages] == [20, 20, 5]
        seen = [k for p in pages for k in keys(p)]
        assert len(seen) == len(set(seen)) == 45
        beyond = await search(engine, "办公椅", sort=sort, offset=60, limit=20)
        assert (beyond.hits, beyond.total) == ((), 45)
    assert keys(await search(engine, "办公椅", limit=0)) == []


async def test_empty_text_matches_every_visible_document(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS)
    assert (await search(engine, "")).total == 6
    assert (await search(engine, "  ", FIN)).total == 3
    newest = await search(engine, "", sort="date")
    assert set(keys(newest)[:2]) == {"voucher:4", "voucher:5"}  # the same day: no text, no relevance to tell
    assert keys(newest)[2:] == ["customer:1", "customer:2", "supplier:3", "product:6"]


async def test_suggest_title_and_code_prefixes_and_pinyin(engine: SearchEngine) -> None:
    await engine.upsert(CORPUS + [doc("sales_order", 9, "北京华信 销售订单", code="SO-202612-00012")])
    assert set(keys(await engine.suggest("北京华", ALL))) == {"customer:1", "sales_order:9"}
    assert keys(await engine.suggest("SO-2026", ALL)) == ["sales_order:9"]
    assert keys(await engine.suggest("hp-10", ALL)) == ["product:6"]
    assert "customer:1" in keys(await engine.suggest("beijingh", ALL))
    assert keys(await engine.suggest("shanghaihua", ALL)) == ["customer:2"]
    assert keys(await engine.suggest("lase", ALL)) == ["product:6"]
    assert len(await engine.suggest("华信", ALL, limit=2)) == 2
    assert await engine.suggest("", ALL) == []
    # only titles and codes: the body's 张三 is not a type-ahead match
    assert keys(await engine.suggest("张三", ALL)) == []
    hit = (await engine.suggest("SO-2026", ALL))[0]
    assert hit.url == "/sales_order/9"


async def test_exact_title_and_code_rank_first(engine: SearchEngine) -> None:
    await engine.upsert([
        doc("department", 1, "财务部"),
        doc("document", 2, "财务部报销制度 财务部 财务部", body="财务部 财务部 财务部"),
        doc("voucher", 3, "记-0012 财务部报销", code="记-0012", body="SO-202612-00012"),
        doc("sales_order", 4, "北京华信 订单", code="SO-202612-00012"),
    ])
    assert keys(await search(engine, "财务部"))[0] == "department:1"
    assert keys(await search(engine, "SO-202612-00012")) == ["sales_order:4", "voucher:3"]
    assert keys(await search(engine, "记-0012"))[0] == "voucher:3"


async def test_synonyms_find_and_mark_what_their_words_find(engine: SearchEngine) -> None:
    from yecai.search.text import synonym_map

    await engine.upsert(CORPUS)
    synonyms = synonym_map([["增值税", "VAT"], ["打印机", "printer"]])
    assert keys(await search(engine, "VAT")) == []
    page = await search(engine, "VAT", synonyms=synonyms)
    assert keys(page) == ["voucher:4"]
    assert [f.text for f in page.hits[0].snippet if f.matched] == ["增值税"]
    assert keys(await search(engine, "printer", synonyms=synonyms)) == ["product:6"]
    # a piece is replaced whole: "vat" inside another word is not the synonym
    assert keys(await search(engine, "vatx", synonyms=synonyms)) == []
