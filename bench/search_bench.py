"""Benchmark: the embedded search engine over generated Chinese documents, each figure beside its floor.

1. Indexing documents/second through ``EmbeddedEngine`` (text analysis + tantivy, committed per
   batch), beside bare tantivy indexing of the same already-analysed fields into the same schema.
2. Top-20 searches (with facets, as the app asks) of one, two, three+ characters, pinyin and initials,
   mixed scripts and codes: p50/p95, beside a bare single-term tantivy query of the same index.
3. The type-ahead (``suggest``): p95, beside the same floor.
4. From a change to searchable: ``upsert`` of one document until a search finds it, beside a bare
   tantivy add + commit + reload.
5. What runs off the event loop: the synchronous cost of each call, and the ``asyncio.to_thread`` hop.

    .venv/bin/python bench/search_bench.py [--documents 100000] [--queries 200] [--keep]

The machine is shared: read the ratios; absolute times move with its load.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tantivy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_corpus import ACCOUNTS, BRANDS, CITIES, DEPARTMENTS, PRODUCTS, Corpus

from yecai.search import text
from yecai.search.engine import SearchDocument, SearchRequest
from yecai.search.engines.embedded import WRITER_HEAP_BYTES, EmbeddedEngine, build_schema
from yecai.search.engines.tantivy_query import EXACT, EXACT_PREFIXES
from yecai.search.parallel import PARALLEL_MIN, default_workers

BATCH = 5000
TARGETS = {"query p95": "< 10 ms", "type-ahead p95": "< 5 ms", "indexing": "> 5,000 docs/s", "change": "< 2 s"}


def pct(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100)[p - 1] if len(values) >= 2 else values[0]


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def analysed_fields(d: SearchDocument) -> dict[str, str]:
    """Everything the engine indexes for a document, analysed ahead of the floor's clock."""
    return {**text.document_fields(d.title, d.body, d.code), EXACT: " ".join(text.exact_keys(d.title, d.code)),
            EXACT_PREFIXES: text.exact_prefixes(d.title, d.code)}


def bare_document(d: SearchDocument, fields: dict[str, str]) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("key", d.key)
    doc.add_text("kind", d.kind)
    doc.add_text("department", str(d.department_id))
    for tag in d.access:
        doc.add_text("access", tag)
    doc.add_integer("day", d.date.toordinal() if d.date else 0)
    for name, tokens in fields.items():
        if name == EXACT:
            for key in tokens.split():
                doc.add_text(name, key)
        elif tokens:
            doc.add_text(name, tokens)
    doc.add_bytes("payload", d.title.encode())
    return doc


def queries(corpus: Corpus, rng: random.Random, n: int, docs: list[SearchDocument]) -> dict[str, list[str]]:
    names = corpus.customers + corpus.suppliers
    codes = [d.code for d in docs if d.code and d.kind in ("sales_order", "voucher", "expense_claim")]

    def pinyin_of(name: str, initials: bool = False) -> str:
        fields = text.document_fields(name)
        return "".join(s[0] if initials else s for s in fields["title_pinyin"].split())

    return {
        "one character": [rng.choice("华信税款部费椅纸鼓银差账存货") for _ in range(n)],
        "two characters": [rng.choice([n_[2:4] for n_ in names] + ["差旅", "货款", "增值", "报销", "打印"]) for _ in range(n)],
        "three+ characters": [rng.choice([rng.choice(names)[:6], rng.choice(ACCOUNTS)[1][:5], "差旅费报销",
                                          rng.choice(DEPARTMENTS), "应交增值税"]) for _ in range(n)],
        "pinyin, initials": [rng.choice([pinyin_of(rng.choice(names)[:4]), pinyin_of(rng.choice(DEPARTMENTS)),
                                         pinyin_of(rng.choice(names)[:4], True), "caiwu", "chailvfei"]) for _ in range(n)],
        "mixed, codes, typos": [rng.choice([rng.choice(codes), f"{rng.choice(BRANDS)}{rng.choice(PRODUCTS)[:3]}",
                                            "13%增值税", "laptoq", "SO-2026", rng.choice(codes).split("-")[-1]])
                                for _ in range(n)],
        "type-ahead": [rng.choice([rng.choice(names)[:k] for k in (1, 2, 3, 4)] + [pinyin_of(rng.choice(CITIES))[:5],
                                  "SO-20261", "BX-2026-001", "thin", "cw"]) for _ in range(n)],
    }


def main(documents: int, query_count: int, keep: bool) -> None:
    rng = random.Random(7)
    corpus = Corpus()
    docs = corpus.documents(documents)
    access = frozenset({"admin"})
    root = Path(tempfile.mkdtemp(prefix="yecai-search-bench-"))
    text.plan_query("预热 warm up")  # jieba's dictionary and OpenCC load once per process, not per call

    # 1. indexing: as the app does (large batches analysed by one process per core), then in one process
    workers = default_workers()
    engine = EmbeddedEngine(root / "engine", analysis_workers=workers)
    if workers:
        # the pool's processes start (and load jieba) before the clock, on texts of their own
        engine.upsert_sync([SearchDocument("warm", i, f"预热文档{i}", "", None, None, ("admin",), None)
                            for i in range(PARALLEL_MIN)])
        engine.clear_sync()
    t0 = time.perf_counter()
    for i in range(0, len(docs), BATCH):
        engine.upsert_sync(docs[i:i + BATCH])
    engine_s = time.perf_counter() - t0
    text.clear_caches()
    single = EmbeddedEngine(root / "single")
    t0 = time.perf_counter()
    for i in range(0, len(docs), BATCH):
        single.upsert_sync(docs[i:i + BATCH])
    single_rate = len(docs) / (time.perf_counter() - t0)
    single.close_sync()
    text.clear_caches()  # analysis alone, cold as the engine met it
    t0 = time.perf_counter()
    analysed = [analysed_fields(d) for d in docs]
    analysis_rate = len(analysed) / (time.perf_counter() - t0)
    bare = tantivy.Index(build_schema(), path=str((root / "bare").mkdir() or root / "bare"))
    writer = bare.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
    t0 = time.perf_counter()
    for i in range(0, len(docs), BATCH):
        for d, f in zip(docs[i:i + BATCH], analysed[i:i + BATCH], strict=True):
            writer.add_document(bare_document(d, f))
        writer.commit()
    bare.reload()
    bare_s = time.perf_counter() - t0
    engine_rate, bare_rate = len(docs) / engine_s, len(docs) / bare_s
    print(f"documents                        {len(docs):,} ({', '.join(f'{k} {v:,}' for k, v in sorted(engine.counts_sync().items()))})")
    print(f"indexing                         {engine_rate:,.0f} docs/s   bare tantivy, same fields {bare_rate:,.0f} docs/s"
          f"   ratio {bare_rate / engine_rate:.1f}x   (target {TARGETS['indexing']})")
    print(f"  analysis in {workers or 'no'} other processes   (the app's default on this machine: one per core)")
    print(f"  in one process                 {single_rate:,.0f} docs/s   ratio to bare {bare_rate / single_rate:.1f}x")
    print(f"  text analysis alone            {analysis_rate:,.0f} docs/s (normalization, jieba, pinyin; caches cold)")

    # the floor of every query: one term of one field, top 20, nothing else
    schema = bare.schema
    searcher = bare.searcher()
    floor = []
    for ch in "华信税款部费椅纸鼓银差账存货" * (query_count // 14 + 1):
        q = tantivy.Query.term_query(schema, "title_seq", ch)
        floor += timed(lambda q=q: searcher.search(q, 20, count=True).hits)
    floor50, floor95 = pct(floor, 50), pct(floor, 95)
    print(f"floor: bare single-term query    p50 {floor50:.2f} ms   p95 {floor95:.2f} ms")

    # 2. and 3. searches and type-ahead
    sets = queries(corpus, rng, query_count, docs)
    worst95 = 0.0
    for name, qs in sets.items():
        if name == "type-ahead":
            times = [t for q in qs for t in timed(lambda q=q: engine.suggest_sync(q, access))]
        else:
            times = [t for q in qs for t in timed(lambda q=q: engine.search_sync(SearchRequest(q, access)))]
            worst95 = max(worst95, pct(times, 95))
        target = TARGETS["type-ahead p95" if name == "type-ahead" else "query p95"]
        print(f"{name:<32} p50 {pct(times, 50):6.2f} ms ({pct(times, 50) / floor50:5.1f}x floor)   p95 {pct(times, 95):6.2f} ms"
              f" ({pct(times, 95) / floor95:5.1f}x floor)   (p95 target {target})")
    sample = sets["two characters"][:50]
    with_facets = [t for q in sample for t in timed(lambda q=q: engine.search_sync(SearchRequest(q, access)))]
    without = [t for q in sample for t in timed(lambda q=q: engine.search_sync(SearchRequest(q, access, facets=False)))]
    filtered = [t for q in sample for t in timed(lambda q=q: engine.search_sync(
        SearchRequest(q, access, kinds=("voucher",), departments=(1, 2))))]
    by_date = [t for q in sample for t in timed(lambda q=q: engine.search_sync(SearchRequest(q, access, sort="date")))]
    print(f"facets (2 chars)                 p50 {statistics.median(with_facets):.2f} ms with, "
          f"{statistics.median(without):.2f} ms without, {statistics.median(filtered):.2f} ms with kind+department filters"
          f" (two aggregations); sorted by date {statistics.median(by_date):.2f} ms")

    # 4. change -> searchable
    changes, bare_changes = [], []
    for i in range(20):
        marker = f"新客户{i:02d}号鑫琪瑞雅"
        d = SearchDocument("customer", 10_000_000 + i, marker, access=("admin",))
        t0 = time.perf_counter()
        engine.upsert_sync([d])
        assert engine.search_sync(SearchRequest(marker, access)).total == 1
        changes.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        writer.add_document(bare_document(d, analysed_fields(d)))
        writer.commit()
        bare.reload()
        bare_changes.append((time.perf_counter() - t0) * 1000)
    print(f"change -> searchable             p50 {pct(changes, 50):.1f} ms   p95 {pct(changes, 95):.1f} ms   bare add+commit+reload "
          f"p50 {pct(bare_changes, 50):.1f} ms   ratio {pct(changes, 50) / pct(bare_changes, 50):.1f}x   (target {TARGETS['change']})")

    # 5. the synchronous cost of each call, and of hopping to a worker thread
    async def hop() -> list[float]:
        out = []
        for _ in range(200):
            t0 = time.perf_counter()
            await asyncio.to_thread(lambda: None)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    counts = timed(engine.counts_sync, 50)
    print(f"sync cost (median)               counts {statistics.median(counts):.2f} ms, suggest "
          f"{statistics.median([t for q in sets['type-ahead'][:50] for t in timed(lambda q=q: engine.suggest_sync(q, access))]):.2f} ms, "
          f"upsert of one {statistics.median(changes):.1f} ms; asyncio.to_thread hop {statistics.median(asyncio.run(hop())):.3f} ms")
    engine.close_sync()
    print(f"worst query p95 {worst95:.2f} ms")
    if keep:
        print(f"index kept in {root}")
    else:
        shutil.rmtree(root)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="queries per kind of query")
    parser.add_argument("--keep", action="store_true", help="keep the index directory (else it is removed)")
    args = parser.parse_args()
    main(args.documents, args.queries, args.keep)
