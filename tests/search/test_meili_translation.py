"""The Meilisearch engine's translation of query plans into filters, checked without a server.

Meilisearch decides what matches from the filter this engine builds (its own word splitting would
lose words inside words). Here the filter tree is evaluated over the very documents the engine would
send, for the whole recall set, and must match what the embedded engine matches: then both engines
meet one recall set, and what remains for a live server (tests/search/test_conformance.py with
``YECAI_TEST_MEILI_URL``) is Meilisearch's own filtering and ranking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.search.test_recall import CORPUS, RECALL
from yecai.search import text
from yecai.search.engine import SearchDocument, SearchRequest
from yecai.search.engines.embedded import EmbeddedEngine
from yecai.search.engines.meili import (
    NOTHING,
    AnyOf,
    Eq,
    Range,
    all_of,
    any_of,
    deletions,
    evaluate,
    match_filter,
    meili_id,
    render,
    settings,
    to_meili,
)

DOCUMENTS = [
    SearchDocument(kind, i, title, body, code, None, ("all",), date(2026, 12, 1))
    for i, (kind, title, body, code) in enumerate(CORPUS.values())
]
NAMES = {(d.kind, d.object_id): name for d, name in zip(DOCUMENTS, CORPUS, strict=True)}
SENT = {(d.kind, d.object_id): to_meili(d) for d in DOCUMENTS}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedEngine:
    engine = EmbeddedEngine(Path(tmp_path_factory.mktemp("translation")))
    engine.upsert_sync(DOCUMENTS)
    return engine


def meili_matches(query: str, fields=None) -> set[str]:
    f = match_filter(text.plan_query(query), fields)
    return {NAMES[k] for k, d in SENT.items() if f is None or evaluate(f, d)}


@pytest.mark.parametrize(("category", "query", "expected"), RECALL, ids=[f"{c}:{q}" for c, q, _ in RECALL])
def test_the_filter_matches_what_the_embedded_engine_matches(
        embedded: EmbeddedEngine, category: str, query: str, expected: set[str]) -> None:
    page = embedded.search_sync(SearchRequest(query, frozenset({"all"}), limit=100, facets=False))
    assert page.total < 100
    tantivy = {NAMES[(h.kind, h.object_id)] for h in page.hits}
    meili = meili_matches(query)
    assert expected <= meili, f"{query!r} ({category}): the filter misses {sorted(expected - meili)}"
    assert tantivy <= meili, f"{query!r}: only tantivy {sorted(tantivy - meili)}"
    # Phrases become "all terms in one field" (bigrams still carry the order of Chinese) and typos
    # shared deletions: more only where a code's parts stand apart (HP ... 1020), else the same set.
    loose = any(m.stream == "seq" and m.phrase for c in text.plan_query(query).clauses for m in c.alternatives)
    if not loose:
        assert meili == tantivy, f"{query!r}: only Meilisearch {sorted(meili - tantivy)}"


@pytest.mark.parametrize("prefix", ["北京华", "SO-2026", "hp-10", "beijingh", "lase", "think", "cw", "华信"])
def test_the_type_ahead_filter_matches_what_the_embedded_engine_suggests(embedded: EmbeddedEngine, prefix: str) -> None:
    tantivy = {NAMES[(h.kind, h.object_id)] for h in embedded.suggest_sync(prefix, frozenset({"all"}), 100)}
    assert tantivy
    assert meili_matches(prefix, text.SUGGEST_FIELDS) == tantivy


def test_the_body_is_not_a_type_ahead_match() -> None:
    assert "张三" in CORPUS["c1"][2]
    assert "c1" in meili_matches("张三") and "c1" not in meili_matches("张三", text.SUGGEST_FIELDS)


def test_one_wrong_letter_is_a_shared_deletion() -> None:
    assert set(deletions("carbon")) == {"arbon", "crbon", "cabon", "caron", "carbn", "carbo"}
    doc = to_meili(SearchDocument("product", 1, "Carbon", "", None, None, ("all",), None))
    for typed, found in [("carbon", True), ("carbom", True), ("carbn", True), ("carbonx", True), ("cabron", True),
                         ("crabon", True), ("carton", True), ("cxrbxn", False), ("banana", False)]:
        f = match_filter(text.plan_query(typed + " "))  # a trailing space: no prefix, the typo alone
        assert evaluate(f, doc) is found, typed


def test_rendered_filters_quote_escape_and_nest() -> None:
    f = all_of(any_of([Eq("title_seq", 'a"b\\c'), AnyOf("kind", ("x", "y"))]), Range("day", 5, None),
               Range("day", 1, 9))
    assert render(f) == '((title_seq = "a\\"b\\\\c" OR kind IN ["x", "y"]) AND day >= 5 AND (day >= 1 AND day <= 9))'
    assert all_of(Eq("a", "1"), NOTHING) == NOTHING
    assert any_of([NOTHING, Eq("a", "1")]) == Eq("a", "1")
    with pytest.raises(ValueError):
        render(NOTHING)


def test_documents_carry_ids_meilisearch_accepts_and_bounded_filter_values() -> None:
    sent = SENT[("sales_order", list(CORPUS).index("o1"))]
    assert sent["id"] == meili_id("sales_order:" + str(list(CORPUS).index("o1")))
    assert all(c.isalnum() or c in "-_" for d in SENT.values() for c in d["id"])
    assert text.GAP not in {t for d in SENT.values() for k, v in d.items() if isinstance(v, list) for t in v}
    assert max(len(v.encode()) for d in SENT.values() for k, vs in d.items() if isinstance(vs, list) for v in vs) <= 468
    assert "so-2026" in sent["code_prefixes"] and "think" not in sent.get("title_seq_pre", [])
    filterable = set(settings()["filterableAttributes"])
    assert {k for d in SENT.values() for k in d} - filterable <= {"key", "object_id", "title", "body", "code", "date", "url"}


async def test_an_unreachable_server_is_an_unavailable_engine_the_outbox_retries() -> None:
    from yecai.search.engine import EngineUnavailable
    from yecai.search.engines.meili import MeiliEngine

    engine = MeiliEngine("http://127.0.0.1:9", None, "yecai_down")  # port 9 (discard): nothing listens
    with pytest.raises(EngineUnavailable, match="Meilisearch"):
        await engine.upsert(DOCUMENTS[:1])
    with pytest.raises(EngineUnavailable):
        await engine.search(SearchRequest("华信", frozenset({"all"})))
    await engine.close()


def test_the_settings_choose_meilisearch_when_its_url_is_set(tmp_path: Path) -> None:
    from yecai.search import runtime
    from yecai.settings import Settings

    meili = runtime.engine_for(Settings(data_dir=tmp_path, meili_url="http://127.0.0.1:9", meili_index="x"))
    embedded = runtime.engine_for(Settings(data_dir=tmp_path))
    assert (meili.name, embedded.name) == ("meilisearch", "embedded")
    assert runtime.engine_for(Settings(data_dir=tmp_path, meili_url="http://127.0.0.1:9", meili_index="x")) is meili


def test_synonyms_become_alternatives_of_the_filter_too(embedded: EmbeddedEngine) -> None:
    synonyms = text.synonym_map([["增值税", "VAT"]])
    page = embedded.search_sync(SearchRequest("VAT", frozenset({"all"}), limit=100, synonyms=synonyms))
    tantivy = {NAMES[(h.kind, h.object_id)] for h in page.hits}
    f = match_filter(text.plan_query("VAT", synonyms=synonyms))
    assert tantivy and {NAMES[k] for k, d in SENT.items() if evaluate(f, d)} == tantivy
