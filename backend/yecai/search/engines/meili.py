"""Meilisearch, for several machines: the same documents, tokens and matches as the embedded engine.

Meilisearch cuts Chinese into words (charabia, jieba's dictionary), so a word inside a longer word is
lost there (Meilisearch issue #2499: "简单" never finds "安装简单"). This engine therefore does not
let Meilisearch decide *what* matches: every document carries the token streams of
``yecai.search.text`` as filterable string arrays, and a query plan becomes a filter expression over
them (:func:`match_filter`: the clauses ANDed, each clause's alternatives ORed). Both engines thus
meet one recall set; the conformance suite checks it against a live server.

Meilisearch only decides the *order* within that set, from three searches sent in one multi-search:
the exact title or code first, then what its own ranking (words, typos, proximity, attributes,
exactness over the original title, code and body, localized for Chinese) finds for the typed text,
then every other match. Facets and totals come from placeholder searches over the same filter.

Where a filter cannot say what tantivy's queries say, the index holds what answers it:

* a phrase (bigrams of a Chinese run, the parts of a code) is all of its terms in one field, not in a
  row (a superset: "简单" as 简/单 spread over a title cannot happen, bigrams carry the order);
* a prefix is an edge prefix: ``<field>_pre`` holds every beginning of the Latin, number and pinyin
  tokens (up to :data:`PREFIX_CHARS` characters);
* one wrong letter is a shared deletion (SymSpell): ``<field>_del`` holds every token of five and
  more letters with one letter removed, and the query looks for its word and its deletions in both
  (this finds every word one edit away, a swap of two neighbours included, and a few two edits away).

Tasks are awaited: a write returns once Meilisearch has applied it, and a failed task raises
:class:`EngineUnavailable` with Meilisearch's own message, so the outbox keeps the change and retries.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from yecai.search import text
from yecai.search.engine import EngineUnavailable, Hit, SearchDocument, SearchPage, SearchRequest

NO_DEPARTMENT = "none"
SNIPPET_CHARS = 80
PREFIX_CHARS = 32
FUZZY_MIN = 5  # as yecai.search.query.FUZZY_MIN_LENGTH: shorter words get no typo
EXACT_CHARS = 120  # a filterable value is at most 468 bytes in Meilisearch: 120 Chinese characters fit
MAX_TOTAL_HITS = 1_000_000
MAX_FACET_VALUES = 10_000
TASK_TIMEOUT_MS = 60_000
# The streams a prefix or a typo may reach (yecai.search.query gives prefixes and fuzzy terms only there).
PREFIX_STREAMS = frozenset({"seq", "pinyin_words", "initials_words"})
FUZZY_STREAMS = frozenset({"seq"})
TOKEN_FIELDS = tuple(f for pairs in text.FIELDS.values() for f, _ in pairs)
PREFIX_FIELDS = tuple(f for s in PREFIX_STREAMS for f, _ in text.FIELDS[s])
FUZZY_FIELDS = tuple(f for s in FUZZY_STREAMS for f, _ in text.FIELDS[s])
DISPLAYED = ("key", "kind", "object_id", "title", "body", "code", "department", "day", "date", "url")
# Tier of each of the three ranked searches: an exact match outranks any text match, which outranks the rest.
EXACT_TIER, TEXT_TIER, REST_TIER = 2.0, 1.0, 0.0


# ---------------------------------------------------------------------------------------- filters
# A filter is a small tree, rendered to Meilisearch's filter syntax; the tests also evaluate the tree
# over the documents this engine sends, to check the translation of plans without a server.


@dataclass(frozen=True)
class Eq:
    field: str
    value: str


@dataclass(frozen=True)
class AnyOf:
    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Range:
    field: str
    low: int | None
    high: int | None


@dataclass(frozen=True)
class All:
    parts: tuple[Filter, ...]


@dataclass(frozen=True)
class Any_:
    parts: tuple[Filter, ...]


Filter = Eq | AnyOf | Range | All | Any_
NOTHING = Any_(())  # matches no document


def all_of(*parts: Filter | None) -> Filter | None:
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    if any(p == NOTHING for p in kept):
        return NOTHING
    return kept[0] if len(kept) == 1 else All(tuple(kept))


def any_of(parts: Iterable[Filter]) -> Filter:
    kept = tuple(dict.fromkeys(p for p in parts if p != NOTHING))
    return kept[0] if len(kept) == 1 else Any_(kept)


def render(f: Filter) -> str:
    """Meilisearch's filter syntax (``NOTHING`` has no spelling: callers never send it)."""
    if isinstance(f, Eq):
        return f"{f.field} = {_quote(f.value)}"
    if isinstance(f, AnyOf):
        return f"{f.field} IN [{', '.join(_quote(v) for v in f.values)}]"
    if isinstance(f, Range):
        bounds = ([f"{f.field} >= {f.low}"] if f.low is not None else []) + (
            [f"{f.field} <= {f.high}"] if f.high is not None else [])
        return " AND ".join(bounds) if len(bounds) < 2 else f"({' AND '.join(bounds)})"
    if not f.parts:
        raise ValueError("an empty filter matches nothing and cannot be sent")
    joiner = " AND " if isinstance(f, All) else " OR "
    return "(" + joiner.join(render(p) for p in f.parts) + ")"


def evaluate(f: Filter, document: dict[str, Any]) -> bool:
    """Whether Meilisearch's filter would keep ``document`` (a value matches an array when one of its
    elements equals it): the translation's own check, used by the tests."""
    if isinstance(f, Eq | AnyOf):
        wanted = {f.value} if isinstance(f, Eq) else set(f.values)
        have = document.get(f.field)
        values = have if isinstance(have, list) else [have]
        return any(str(v) in wanted for v in values if v is not None)
    if isinstance(f, Range):
        value = document.get(f.field)
        return value is not None and (f.low is None or value >= f.low) and (f.high is None or value <= f.high)
    if isinstance(f, All):
        return all(evaluate(p, document) for p in f.parts)
    return any(evaluate(p, document) for p in f.parts)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def match_filter(plan: text.QueryPlan, fields: Iterable[str] | None = None) -> Filter | None:
    """What the plan matches, as a filter (None: everything): every clause, by any alternative."""
    if plan.empty:
        return None
    allowed = None if fields is None else frozenset(fields)
    clauses = []
    for clause in plan.clauses:
        clauses.append(any_of(
            _match(field, m)
            for m in clause.alternatives
            for field, _ in text.FIELDS[m.stream]
            if allowed is None or field in allowed
        ))
    return all_of(*clauses)


def _match(field: str, m: text.Match) -> Filter:
    terms = list(m.terms)
    if m.fuzzy:
        candidates = (terms[0], *deletions(terms[0]))
        return any_of([AnyOf(field, candidates), AnyOf(f"{field}_del", candidates)])
    last = terms.pop()
    if m.prefix:
        tail: Filter = Eq(f"{field}_pre", last) if len(last) <= PREFIX_CHARS else Eq(field, last)
    else:
        tail = Eq(field, last)
    return all_of(*(Eq(field, t) for t in terms), tail)


def deletions(word: str) -> tuple[str, ...]:
    """The word with one letter removed, each way (SymSpell's deletion neighbourhood of distance one)."""
    return tuple(dict.fromkeys(word[:i] + word[i + 1:] for i in range(len(word))))


def exact_filter(key: str) -> Filter:
    return Eq("exact", key[:EXACT_CHARS])


# ---------------------------------------------------------------------------------------- documents


def meili_id(key: str) -> str:
    """A document id Meilisearch accepts (letters, digits, - and _): kinds are snake case, ids numbers."""
    return key.replace(":", "-")


def to_meili(d: SearchDocument) -> dict[str, Any]:
    """The document Meilisearch stores: what a hit shows, the filters, and every token stream."""
    out: dict[str, Any] = {
        "id": meili_id(d.key), "key": d.key, "kind": d.kind, "object_id": d.object_id,
        "title": d.title, "body": d.body, "code": d.code or "",
        "department": _department_term(d.department_id), "access": list(dict.fromkeys(d.access)),
        "day": d.date.toordinal() if d.date else 0, "date": d.date.isoformat() if d.date else None, "url": d.url,
        "exact": [k[:EXACT_CHARS] for k in text.exact_keys(d.title, d.code)],
        "exact_prefixes": text.exact_prefixes(d.title, d.code).split(),
    }
    for name, tokens in text.document_fields(d.title, d.body, d.code).items():
        values = [t for t in dict.fromkeys(tokens.split()) if t != text.GAP]
        if values:
            out[name] = values
    for name in PREFIX_FIELDS:
        if name in out:
            out[f"{name}_pre"] = list(dict.fromkeys(_edge_prefixes(out[name])))
    for name in FUZZY_FIELDS:
        if name in out:
            out[f"{name}_del"] = list(dict.fromkeys(
                d for t in out[name] if len(t) >= FUZZY_MIN and t.isascii() and t.isalpha() for d in deletions(t)))
    return out


def _edge_prefixes(tokens: Iterable[str]) -> Iterator[str]:
    for t in tokens:
        if len(t) == 1 and not t.isascii():  # one Chinese character: itself, already a term
            continue
        for i in range(1, min(len(t), PREFIX_CHARS) + 1):
            yield t[:i]


def settings(dictionary: Sequence[str] = ()) -> dict[str, Any]:
    """The index settings, set from code (and checked against the server's on every start)."""
    filterable = ["id", "kind", "department", "access", "day", "exact", "exact_prefixes", *TOKEN_FIELDS,
                  *(f"{f}_pre" for f in PREFIX_FIELDS), *(f"{f}_del" for f in FUZZY_FIELDS)]
    return {
        "searchableAttributes": ["title", "code", "body"],
        "displayedAttributes": list(DISPLAYED),
        "filterableAttributes": filterable,
        "sortableAttributes": ["day"],
        "localizedAttributes": [{"attributePatterns": ["title", "body", "code"], "locales": ["cmn"]}],
        "dictionary": sorted(set(dictionary)),
        "typoTolerance": {"disableOnAttributes": ["code"]},
        "faceting": {"maxValuesPerFacet": MAX_FACET_VALUES},
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
    }


def _department_term(department_id: int | None) -> str:
    return NO_DEPARTMENT if department_id is None else str(department_id)


# ---------------------------------------------------------------------------------------- the engine


class MeiliEngine:
    name = "meilisearch"

    def __init__(self, url: str, api_key: str | None = None, index: str = "yecai",
                 dictionary: Sequence[str] = ()) -> None:
        import meilisearch

        self._client = meilisearch.Client(url, api_key, timeout=30)
        self._uid = index
        self._index = self._client.index(index)
        self._dictionary = tuple(dictionary)
        self._ready = False
        self._ready_lock = threading.Lock()

    # ------------------------------------------------------------------------------------ plumbing

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """One client call; the client's errors become :class:`EngineUnavailable` (with Meilisearch's text)."""
        from meilisearch.errors import MeilisearchError

        try:
            return fn(*args, **kwargs)
        except MeilisearchError as e:
            raise EngineUnavailable(f"Meilisearch: {e}") from e
        except OSError as e:  # requests' connection errors derive from OSError
            raise EngineUnavailable(f"Meilisearch cannot be reached: {e}") from e

    def _wait(self, task_info: Any) -> None:
        task = self._call(self._client.wait_for_task, task_info.task_uid, timeout_in_ms=TASK_TIMEOUT_MS)
        if task.status != "succeeded":
            error = task.error or {}
            raise EngineUnavailable(
                f"Meilisearch task {task.uid} ({task.type}) {task.status}: "
                f"{error.get('code', '')} {error.get('message', '')}".strip())

    def _ensure(self) -> None:
        """Creates the index and sets its settings once per process (both idempotent on the server)."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            try:
                self._wait(self._call(self._client.create_index, self._uid, {"primaryKey": "id"}))
            except EngineUnavailable as e:
                if "index_already_exists" not in str(e):
                    raise
            self._wait(self._call(self._index.update_settings, settings(self._dictionary)))
            self._ready = True

    def set_dictionary(self, words: Sequence[str]) -> None:
        """The domain words (account, customer, supplier, product names) for Meilisearch's own ranking."""
        self._dictionary = tuple(words)
        self._ready = False

    # ------------------------------------------------------------------------------------ writing

    async def upsert(self, documents: list[SearchDocument]) -> None:
        if documents:
            await asyncio.to_thread(self.upsert_sync, documents)

    def upsert_sync(self, documents: list[SearchDocument]) -> None:
        self._ensure()
        last = {d.key: d for d in documents}  # a batch naming a key twice keeps the last
        payload = [to_meili(d) for d in last.values()]
        self._wait(self._call(self._index.add_documents, payload, primary_key="id"))

    async def delete(self, keys: list[str]) -> None:
        if keys:
            await asyncio.to_thread(self._delete_sync, AnyOf("id", tuple(meili_id(k) for k in keys)))

    async def clear(self, kind: str | None = None) -> None:
        await asyncio.to_thread(self._clear_sync, kind)

    def _delete_sync(self, f: Filter) -> None:
        self._ensure()
        self._wait(self._call(self._index.delete_documents, filter=render(f)))

    def _clear_sync(self, kind: str | None) -> None:
        if kind is not None:
            self._delete_sync(Eq("kind", kind))
            return
        self._ensure()
        self._wait(self._call(self._index.delete_all_documents))

    # ------------------------------------------------------------------------------------ reading

    async def counts(self) -> dict[str, int]:
        return await asyncio.to_thread(self._counts_sync)

    def _counts_sync(self) -> dict[str, int]:
        self._ensure()
        result = self._count([(None, ("kind",))])[0]
        return {k: n for k, n in result.get("facetDistribution", {}).get("kind", {}).items() if n}

    async def search(self, request: SearchRequest) -> SearchPage:
        return await asyncio.to_thread(self.search_sync, request)

    def search_sync(self, request: SearchRequest) -> SearchPage:
        if not request.access:
            return SearchPage(hits=(), total=0)
        self._ensure()
        plan = text.plan_query(request.text, synonyms=request.synonyms)
        matched = match_filter(plan)
        access = AnyOf("access", tuple(sorted(request.access)))
        dates = None
        if request.date_from is not None or request.date_to is not None:
            dates = Range("day", request.date_from.toordinal() if request.date_from else 1,
                          request.date_to.toordinal() if request.date_to else None)
        kinds = None if request.kinds is None else (
            AnyOf("kind", tuple(request.kinds)) if request.kinds else NOTHING)
        departments = None if request.departments is None else (
            AnyOf("department", tuple(_department_term(d) for d in request.departments))
            if request.departments else NOTHING)
        base = all_of(matched, access, dates)
        everything = all_of(base, kinds, departments)

        # Totals and facets: placeholder searches (a faceted dimension whose own filter is on gets its own).
        if not request.facets:
            facet_queries: list[tuple[Filter, tuple[str, ...]]] = []
        elif request.kinds is None and request.departments is None:
            facet_queries = [(base, ("kind", "department"))]
        else:
            facet_queries = [(all_of(base, departments), ("kind",)), (all_of(base, kinds), ("department",))]
        counted = self._count([(everything, ()), *facet_queries])
        total = counted[0].get("totalHits", 0)
        kind_counts: dict[str, int] = {}
        department_counts: dict[int | None, int] = {}
        for result in counted[1:]:
            kind_counts.update(_facet(result, "kind"))
            department_counts.update({(None if k == NO_DEPARTMENT else int(k)): n
                                      for k, n in _facet(result, "department").items()})

        offset, limit = max(0, request.offset), max(0, request.limit)
        found: list[tuple[float, dict[str, Any]]] = []
        if limit and offset < total and everything != NOTHING:
            if request.sort == "date":
                found = self._by_date(plan, everything, offset, limit)
            else:
                found = self._ranked(plan, everything, offset + limit)[offset:offset + limit]
        hits = tuple(self._hit(score, doc, plan, snippet=True) for score, doc in found)
        return SearchPage(hits=hits, total=total, kinds=kind_counts, departments=department_counts)

    def _ranked(self, plan: text.QueryPlan, within: Filter, limit: int, *, starts_with: bool = False,
                ) -> list[tuple[float, dict[str, Any]]]:
        """The first ``limit`` documents of ``within``, best first: exact title or code, (for the
        type-ahead: titles that start with what is typed,) Meilisearch's ranking of the text, the rest."""
        if within == NOTHING or limit <= 0:
            return []
        queries: list[tuple[float, dict[str, Any]]] = []
        if plan.exact:
            queries.append((EXACT_TIER, self._query(all_of(within, exact_filter(plan.exact)), limit=limit)))
            if starts_with and len(plan.exact) <= text.PREFIX_CHARS:
                queries.append((EXACT_TIER - 0.5, self._query(
                    all_of(within, Eq("exact_prefixes", plan.exact)), limit=limit)))
        if plan.text:
            queries.append((TEXT_TIER, self._query(within, q=plan.text, limit=limit)))
        queries.append((REST_TIER, self._query(within, limit=limit)))
        results = self._search([q for _, q in queries])
        seen: dict[str, tuple[float, dict[str, Any]]] = {}
        for (tier, _), result in zip(queries, results, strict=True):
            for doc in result.get("hits", []):
                if doc["key"] not in seen:
                    score = tier + float(doc.get("_rankingScore", 0.0)) * (tier > REST_TIER) + 0.001
                    seen[doc["key"]] = (score, doc)
                if len(seen) >= limit:
                    break
            if len(seen) >= limit:
                break
        return list(seen.values())

    def _by_date(self, plan: text.QueryPlan, within: Filter, offset: int, limit: int,
                 ) -> list[tuple[float, dict[str, Any]]]:
        """Newest first, ties by relevance: the days above the page's last day whole, that day its best."""
        wanted = offset + limit
        top = self._search([self._query(within, limit=wanted, sort=("day:desc",))])[0].get("hits", [])
        if not top:
            return []
        boundary = top[-1]["day"]
        above = sum(1 for d in top if d["day"] > boundary)
        ordered: list[tuple[float, dict[str, Any]]] = []
        if above:
            newer = self._ranked(plan, all_of(within, Range("day", boundary + 1, None)), above)
            ordered += sorted(newer, key=lambda p: -p[1]["day"])  # stable: relevance within a day
        ordered += self._ranked(plan, all_of(within, Range("day", boundary, boundary)), len(top) - above)
        return ordered[offset:offset + limit]

    async def suggest(self, prefix: str, access: frozenset[str], limit: int = 8) -> list[Hit]:
        return await asyncio.to_thread(self.suggest_sync, prefix, access, limit)

    def suggest_sync(self, prefix: str, access: frozenset[str], limit: int = 8) -> list[Hit]:
        plan = text.plan_query(prefix, prefix=True)
        if not access or plan.empty or limit <= 0:
            return []
        self._ensure()
        within = all_of(match_filter(plan, text.SUGGEST_FIELDS), AnyOf("access", tuple(sorted(access))))
        found = self._ranked(plan, within, limit, starts_with=True)
        return [self._hit(score, doc, plan, snippet=False) for score, doc in found]

    def _query(self, f: Filter | None, *, q: str = "", limit: int = 20, count: bool = False,
               facets: tuple[str, ...] = (), sort: tuple[str, ...] = ()) -> dict[str, Any]:
        query: dict[str, Any] = {"indexUid": self._uid, "q": q}
        if f is not None:
            query["filter"] = render(f)
        if count:  # page / hitsPerPage make Meilisearch count exactly (up to maxTotalHits)
            query.update(page=1, hitsPerPage=0)
        else:
            query.update(limit=limit, offset=0, showRankingScore=True, attributesToRetrieve=list(DISPLAYED))
        if facets:
            query["facets"] = list(facets)
        if sort:
            query["sort"] = list(sort)
        if q:
            query["matchingStrategy"] = "last"
        return query

    def _count(self, queries: list[tuple[Filter | None, tuple[str, ...]]]) -> list[dict[str, Any]]:
        """Exact totals (and facet counts) of each filter, in one multi-search; nothing is sent for a
        filter that matches nothing."""
        sent = [(f, facets) for f, facets in queries if f != NOTHING]
        results = iter(self._search([self._query(f, count=True, facets=facets) for f, facets in sent]) if sent else [])
        return [{"totalHits": 0} if f == NOTHING else next(results) for f, _ in queries]

    def _search(self, queries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self._call(self._client.multi_search, queries)["results"]

    def _hit(self, score: float, p: dict[str, Any], plan: text.QueryPlan, *, snippet: bool) -> Hit:
        code = p.get("code") or ""
        body_window: tuple[text.Fragment, ...] = ()
        if snippet and p.get("body"):
            body_window = text.fragments(p["body"], plan, SNIPPET_CHARS)
        if not text.is_matched(body_window) and code:
            code_frags = text.fragments(code, plan)
            if text.is_matched(code_frags) or not body_window:
                body_window = code_frags
        department = p.get("department")
        return Hit(
            kind=p["kind"], object_id=int(p["object_id"]), score=score, title=text.fragments(p["title"], plan),
            snippet=body_window, department_id=None if department in (None, NO_DEPARTMENT) else int(department),
            date=date.fromisoformat(p["date"]) if p.get("date") else None, url=p.get("url", ""),
        )

    async def close(self) -> None:
        return None


def _facet(result: dict[str, Any], name: str) -> dict[str, int]:
    return {k: n for k, n in result.get("facetDistribution", {}).get(name, {}).items() if n}
