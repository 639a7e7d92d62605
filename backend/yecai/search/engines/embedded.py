"""The embedded search engine: a tantivy index on disk, fed with the tokens of ``yecai.search.text``.

Every searchable field is pre-analysed in Python (whitespace-joined tokens, tantivy's whitespace
tokenizer), so this engine and Meilisearch index exactly the same tokens. One process writes: the
writer (and tantivy's lock file in the index directory) is taken on the first write only, so any
number of processes may open the same directory to search; tantivy reloads their readers when a
commit lands, and this process reloads its own right after committing.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import tantivy

from yecai.search import text
from yecai.search.engine import EngineUnavailable, Hit, SearchDocument, SearchPage, SearchRequest
from yecai.search.engines.tantivy_query import EXACT, EXACT_PREFIXES, Filters, QueryBuilder
from yecai.search.parallel import PARALLEL_MIN, Analysed, AnalysisPool, analyse

SCHEMA_VERSION = 1  # a new schema opens a new, empty directory: the search domain then reindexes
SNIPPET_CHARS = 80
NO_DEPARTMENT = "none"
WRITER_HEAP_BYTES = 64_000_000
FACET_SIZE = 10_000  # more kinds or departments than anyone has


def build_schema() -> tantivy.Schema:
    """The index layout; public so benchmarks can build a bare tantivy index of the same shape."""
    b = tantivy.SchemaBuilder()
    b.add_text_field("key", tokenizer_name="raw", index_option="basic")
    b.add_text_field("kind", tokenizer_name="raw", fast=True, index_option="basic")
    b.add_text_field("department", tokenizer_name="raw", fast=True, index_option="basic")
    b.add_text_field("access", tokenizer_name="raw", index_option="basic")
    b.add_integer_field("day", indexed=True, fast=True)  # proleptic ordinal; 0 = no date, sorts last
    b.add_text_field(EXACT, tokenizer_name="raw", index_option="basic")
    b.add_text_field(EXACT_PREFIXES, tokenizer_name="whitespace", index_option="basic")
    for stream, fields in text.FIELDS.items():
        option = "position" if stream in text.PHRASE_STREAMS else "freq"
        for name, _ in fields:
            b.add_text_field(name, tokenizer_name="whitespace", index_option=option)
    b.add_bytes_field("payload", stored=True)  # what a hit shows, in one stored value
    return b.build()


class EmbeddedEngine:
    name = "embedded"

    def __init__(self, path: Path, analysis_workers: int = 0) -> None:
        self.directory = Path(path) / f"tantivy-v{SCHEMA_VERSION}"
        self.directory.mkdir(parents=True, exist_ok=True)
        for old in Path(path).glob("tantivy-v*"):  # an earlier schema's index: the new one is rebuilt
            if old.is_dir() and old != self.directory:
                shutil.rmtree(old, ignore_errors=True)
        self._schema = build_schema()
        try:
            self._index = tantivy.Index(self._schema, path=str(self.directory), reuse=True)
        except (ValueError, OSError) as e:
            raise EngineUnavailable(f"cannot open the search index in {self.directory}: {e}") from e
        self._index.config_reader("commit")
        self._queries = QueryBuilder(self._schema)
        self._writer: Any = None
        self._write_lock = threading.Lock()
        # Large batches (a rebuild) are analysed in other processes when there are cores for them.
        self._pool = AnalysisPool(analysis_workers) if analysis_workers > 1 else None

    # ------------------------------------------------------------------------------------ writing

    async def upsert(self, documents: list[SearchDocument]) -> None:
        if documents:
            await asyncio.to_thread(self.upsert_sync, documents)

    async def delete(self, keys: list[str]) -> None:
        if keys:
            await asyncio.to_thread(self._write, [("delete", k) for k in keys])

    async def clear(self, kind: str | None = None) -> None:
        await asyncio.to_thread(self.clear_sync, kind)

    def clear_sync(self, kind: str | None = None) -> None:
        self._write([("clear", kind)])

    def upsert_sync(self, documents: list[SearchDocument]) -> None:
        """:meth:`upsert` without the event loop (bulk indexing, the benchmark)."""
        # Each document is analysed as the writer takes it: tantivy indexes one (off the GIL, in its
        # own thread) while Python analyses the next, where analysing them all first left one core idle.
        # A large batch is analysed by the pool's processes, a few chunks ahead of the writer.
        if self._pool is not None and len(documents) >= PARALLEL_MIN:
            analysed: Iterable[Analysed] = self._pool.analyse(documents)
        else:
            analysed = (analyse(d.title, d.body, d.code) for d in documents)
        self._write(("add", (d.key, d, a)) for d, a in zip(documents, analysed, strict=True))

    def _write(self, operations: Iterable[tuple[str, Any]]) -> None:
        with self._write_lock:
            writer = self._writer_or_raise()
            try:
                for op, arg in operations:
                    if op == "add":
                        key, document, analysed = arg
                        writer.delete_documents_by_term("key", key)
                        writer.add_document(self._document(document, analysed))
                    elif op == "delete":
                        writer.delete_documents_by_term("key", arg)
                    elif arg is None:
                        writer.delete_all_documents()
                    else:
                        writer.delete_documents_by_term("kind", arg)
                writer.commit()  # durable: tantivy syncs the segment files and meta.json
            except BaseException as e:  # nothing half-written: a failed batch leaves no document behind
                try:
                    writer.rollback()
                except ValueError:  # a writer that cannot roll back is dropped (and its lock with it)
                    self._writer = None
                if isinstance(e, ValueError):
                    raise EngineUnavailable(f"the search index refused the change: {e}") from e
                raise
            self._index.reload()

    def _writer_or_raise(self) -> Any:
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
            except ValueError as e:
                if "lock" in str(e).lower():
                    raise EngineUnavailable(
                        f"another process is writing the search index in {self.directory} (it holds "
                        "tantivy's writer lock); only one process may write it, the others only search"
                    ) from e
                raise EngineUnavailable(f"cannot write the search index in {self.directory}: {e}") from e
        return self._writer

    def _document(self, d: SearchDocument, analysed: Analysed) -> tantivy.Document:
        exact_keys, exact_prefixes, fields = analysed
        doc = tantivy.Document()
        doc.add_text("key", d.key)
        doc.add_text("kind", d.kind)
        doc.add_text("department", _department_term(d.department_id))
        for tag in dict.fromkeys(d.access):
            doc.add_text("access", tag)
        doc.add_integer("day", d.date.toordinal() if d.date else 0)
        for key in exact_keys:
            doc.add_text(EXACT, key[:200])
        doc.add_text(EXACT_PREFIXES, exact_prefixes)
        for name, tokens in fields.items():
            if tokens:
                doc.add_text(name, tokens)
        payload = {
            "kind": d.kind, "id": d.object_id, "title": d.title, "body": d.body, "code": d.code,
            "department": d.department_id, "date": d.date.isoformat() if d.date else None, "url": d.url,
        }
        doc.add_bytes("payload", orjson.dumps(payload))
        return doc

    # ------------------------------------------------------------------------------------ reading

    async def counts(self) -> dict[str, int]:
        return self.counts_sync()  # one aggregation over the kinds column: 0.1-0.3 ms at 100,000 documents

    def counts_sync(self) -> dict[str, int]:
        result = self._index.searcher().aggregate(tantivy.Query.all_query(), _terms("kind"))
        return _buckets(result["facet"])

    async def search(self, request: SearchRequest) -> SearchPage:
        return await asyncio.to_thread(self.search_sync, request)

    def search_sync(self, request: SearchRequest) -> SearchPage:
        """:meth:`search` without the event loop."""
        if not request.access:
            return SearchPage(hits=(), total=0)
        plan = text.plan_query(request.text, synonyms=request.synonyms)
        q = self._queries
        searcher = self._index.searcher()
        matched = q.text(plan)
        filters = q.filters(request, _department_term)
        main = q.ranked(matched, plan, filters.all())
        kinds: dict[str, int] = {}
        departments: dict[int | None, int] = {}
        total: int | None = None
        if request.facets:  # even with no hit: the other kinds or departments may have some
            kinds, departments = self._facets(searcher, matched, filters)
            # A facet whose own filter is off counts exactly the matches (every document has one kind
            # and one department): the total, without counting the hits again.
            if request.kinds is None:
                total = sum(kinds.values())
            elif request.departments is None:
                total = sum(departments.values())
        offset, limit = max(0, request.offset), max(0, request.limit)
        if limit == 0:  # tantivy wants a limit of at least one
            found = []
            if total is None:
                total = searcher.search(main, 1, count=True).count or 0
        elif request.sort == "date":
            found, counted = self._by_date(searcher, main, offset, limit, count=total is None)
            total = counted if total is None else total
        else:
            result = searcher.search(main, limit, count=total is None, offset=offset)
            found = result.hits
            total = (result.count or 0) if total is None else total
        hits = tuple(self._hit(searcher, score, address, plan, snippet=True) for score, address in found)
        return SearchPage(hits=hits, total=total, kinds=kinds, departments=departments)

    def _by_date(self, searcher: Any, main: Any, offset: int, limit: int, *, count: bool) -> tuple[list[Any], int]:
        """Newest first, ties by relevance: tantivy sorts by one key, so the page's last day is
        settled with two scored searches (the days above it, whole; that day, its best)."""
        wanted = offset + limit
        top = searcher.search(main, wanted, count=count, order_by_field="day", order=tantivy.Order.Desc)
        total = top.count or 0
        if not top.hits:
            return [], total
        boundary = top.hits[-1][0]
        above = sum(1 for day, _ in top.hits if day > boundary)
        ordered: list[Any] = []
        if above:
            newer = searcher.search(self._queries.day_range(main, boundary + 1, None), above, count=False).hits
            days = searcher.fast_field_values("day", [a for _, a in newer])
            ordered += [h for h, _ in sorted(zip(newer, days, strict=True), key=lambda p: (-p[1], -p[0][0]))]
        same = self._queries.day_range(main, boundary, boundary)
        ordered += searcher.search(same, len(top.hits) - above, count=False).hits
        return ordered[offset:offset + limit], total

    def _facets(self, searcher: Any, matched: Any, f: Filters) -> tuple[dict[str, int], dict[int | None, int]]:
        """Counts of visible matches per kind and per department; each ignores its own filter."""
        q = self._queries
        if f.kinds is None and f.departments is None:
            both = searcher.aggregate(q.filtered(matched, f.base()), {**_terms("kind"), **_terms("department", "d")})
            return _buckets(both["facet"]), _department_buckets(both["d"])
        by_kind = searcher.aggregate(q.filtered(matched, f.base(f.departments)), _terms("kind"))
        by_department = searcher.aggregate(q.filtered(matched, f.base(f.kinds)), _terms("department"))
        return _buckets(by_kind["facet"]), _department_buckets(by_department["facet"])

    async def suggest(self, prefix: str, access: frozenset[str], limit: int = 8) -> list[Hit]:
        return await asyncio.to_thread(self.suggest_sync, prefix, access, limit)

    def suggest_sync(self, prefix: str, access: frozenset[str], limit: int = 8) -> list[Hit]:
        plan = text.plan_query(prefix, prefix=True)
        if not access or plan.empty or limit <= 0:
            return []
        q = self._queries
        query = q.ranked(q.text(plan, text.SUGGEST_FIELDS), plan, [q.access(access)], starts_with=True)
        searcher = self._index.searcher()
        found = searcher.search(query, limit, count=False).hits
        return [self._hit(searcher, score, address, plan, snippet=False) for score, address in found]

    def _hit(self, searcher: Any, score: float, address: Any, plan: text.QueryPlan, *, snippet: bool) -> Hit:
        p = orjson.loads(searcher.doc(address)["payload"][0])
        code = p["code"] or ""
        body_window: tuple[text.Fragment, ...] = ()
        if snippet and p["body"]:
            body_window = text.fragments(p["body"], plan, SNIPPET_CHARS)
        if not text.is_matched(body_window) and code:
            code_frags = text.fragments(code, plan)
            if text.is_matched(code_frags) or not body_window:
                body_window = code_frags
        return Hit(
            kind=p["kind"], object_id=p["id"], score=float(score), title=text.fragments(p["title"], plan),
            snippet=body_window, department_id=p["department"],
            date=date.fromisoformat(p["date"]) if p["date"] else None, url=p["url"],
        )

    def set_dictionary(self, words: Sequence[str]) -> None:
        """Nothing to do: this engine indexes yecai.search.text's tokens, whose splitter learnt the words."""

    async def close(self) -> None:
        await asyncio.to_thread(self.close_sync)

    def close_sync(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                writer, self._writer = self._writer, None
                writer.wait_merging_threads()  # finishes merges and releases the writer lock
            if self._pool is not None:
                self._pool.close()


def _department_term(department_id: int | None) -> str:
    return NO_DEPARTMENT if department_id is None else str(department_id)


def _terms(field: str, name: str = "facet") -> dict[str, Any]:
    return {name: {"terms": {"field": field, "size": FACET_SIZE}}}


def _buckets(result: dict[str, Any]) -> dict[str, int]:
    if result.get("sum_other_doc_count"):  # FACET_SIZE values were not enough: never silently short
        raise EngineUnavailable(f"more than {FACET_SIZE} facet values")
    return {b["key"]: b["doc_count"] for b in result["buckets"]}


def _department_buckets(result: dict[str, Any]) -> dict[int | None, int]:
    return {(None if k == NO_DEPARTMENT else int(k)): n for k, n in _buckets(result).items()}
