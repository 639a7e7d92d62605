"""Searching what one may open: the viewer's access tags inside the engine's query, each hit checked
again by its owning domain's policy; recent searches, searches that found nothing, the index's status
and rebuilds."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from yecai import manifest
from yecai import validation as v
from yecai.actor import Actor, system_actor
from yecai.audit import service as audit
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.search import errors, outbox, policies, text
from yecai.search.engine import EngineUnavailable, Hit, SearchEngine, SearchPage, SearchRequest, Sort
from yecai.search.models import RecentSearch, SearchMiss, SearchOutbox, SearchSynonym, SearchWorker
from yecai.search.worker import WORKER

log = logging.getLogger("yecai.search")

MAX_QUERY = 100
MAX_OFFSET = 1000  # deep pages of a search are not a use case; a bound keeps every request's cost known
RECENT_KEPT = 10


def viewer_access(actor: Actor) -> frozenset[str]:
    """The access tags of the viewer, from every kind's rules: computed now, so rights changes count at once."""
    if not actor.authenticated:
        return frozenset()
    return frozenset(tag for s in manifest.searchables() for tag in s.viewer_tags(actor))


def _query(text: str | None, field: str) -> str:
    value = v.text(text, field, max_len=MAX_QUERY)
    assert value is not None
    return " ".join(value.split())


def _kinds(kinds: list[str] | None) -> tuple[str, ...] | None:
    if kinds is None:
        return None
    for kind in kinds:
        if manifest.searchable(kind) is None:
            raise invalid("kinds", f"没有搜索类别 {kind[:40]}", f"there is no search kind {kind[:40]}")
    return tuple(dict.fromkeys(kinds))


async def _checked(session: AsyncSession, actor: Actor, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The hits the owning domains' policies let the actor open (the index's tags should already agree)."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for hit in hits:
        by_kind[hit.kind].append(hit.object_id)
    allowed: set[tuple[str, int]] = set()
    for kind, ids in by_kind.items():
        spec = manifest.searchable(kind)
        if spec is not None:
            allowed.update((kind, i) for i in await spec.visible(session, actor, ids))
    kept = tuple(h for h in hits if (h.kind, h.object_id) in allowed)
    if len(kept) != len(hits):
        dropped = sorted({h.key for h in hits} - {h.key for h in kept})
        log.warning("search: the index offered %s what the policies refuse (stale or deleted): %s", actor.username,
                    dropped[:10])
    return kept


@dataclass(frozen=True)
class Results:
    page: SearchPage
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < min(self.page.total, MAX_OFFSET + self.limit)


async def search(session: AsyncSession, *, actor: Actor, engine: SearchEngine, text: str | None,
                 kinds: list[str] | None = None, departments: list[int | None] | None = None,
                 date_from: date | None = None, date_to: date | None = None, sort: Sort = "relevance",
                 offset: int = 0, limit: int = 20) -> Results:
    """What the viewer may open that matches ``text``, ranked, with counts per kind and department."""
    if not policies.can_search(actor):
        raise denied()
    query = _query(text, "query")
    if date_from and date_to and date_from > date_to:
        raise invalid("to", "不能早于开始日期", "must not be before from")
    if not 0 <= offset <= MAX_OFFSET:
        raise invalid("after", f"最多翻到第 {MAX_OFFSET} 条", f"pages go up to result {MAX_OFFSET}")
    request = SearchRequest(text=query, access=viewer_access(actor), kinds=_kinds(kinds),
                            departments=tuple(departments) if departments is not None else None,
                            date_from=date_from, date_to=date_to, sort=sort, offset=offset, limit=limit,
                            synonyms=await synonym_map(session))
    try:
        page = await engine.search(request)
    except EngineUnavailable as error:
        log.warning("search engine unavailable: %s", error)
        raise DomainError(errors.SEARCH_UNAVAILABLE) from None
    hits = await _checked(session, actor, page.hits)
    return Results(replace(page, hits=hits, total=page.total - (len(page.hits) - len(hits))), offset, limit)


async def suggest(session: AsyncSession, *, actor: Actor, engine: SearchEngine, prefix: str | None,
                  limit: int = 8) -> list[Hit]:
    """The type-ahead: the best few visible matches for what has been typed so far."""
    if not policies.can_search(actor):
        raise denied()
    query = _query(prefix, "prefix")
    try:
        hits = await engine.suggest(query, viewer_access(actor), limit)
    except EngineUnavailable as error:
        log.warning("search engine unavailable: %s", error)
        raise DomainError(errors.SEARCH_UNAVAILABLE) from None
    return list(await _checked(session, actor, tuple(hits)))


async def remember_search(session: AsyncSession, *, actor: Actor, engine: SearchEngine, text: str | None) -> str:
    """Keep a search among the viewer's recent ones (the last few), and note it for admins when it found nothing."""
    if not policies.can_search(actor) or actor.user_id is None or actor.kind != "user":
        raise denied()
    query = _query(text, "query")
    now = utcnow()
    existing = (await session.execute(select(RecentSearch).where(RecentSearch.user_id == actor.user_id,
                                                                 RecentSearch.query == query))).scalar_one_or_none()
    if existing is not None:
        existing.searched_at = now
    else:
        session.add(RecentSearch(user_id=actor.user_id, query=query, searched_at=now))
    await session.flush()
    keep = select(RecentSearch.id).where(RecentSearch.user_id == actor.user_id).order_by(
        RecentSearch.searched_at.desc(), RecentSearch.id.desc()).limit(RECENT_KEPT)
    await session.execute(delete(RecentSearch).where(RecentSearch.user_id == actor.user_id,
                                                     RecentSearch.id.not_in(keep)))
    try:
        found = (await engine.search(SearchRequest(text=query, access=viewer_access(actor), limit=1,
                                                   facets=False, synonyms=await synonym_map(session)))).total
    except EngineUnavailable:
        found = 1  # unknown: not a miss
    if found == 0:
        miss = await session.get(SearchMiss, query)
        if miss is None:
            session.add(SearchMiss(query=query, count=1, last_at=now))
        else:
            miss.count += 1
            miss.last_at = now
    return query


async def recent_searches(session: AsyncSession, *, actor: Actor) -> list[str]:
    """The viewer's own recent searches, most recent first."""
    if actor.kind != "user" or actor.user_id is None:
        return []
    rows = await session.execute(select(RecentSearch.query).where(RecentSearch.user_id == actor.user_id)
                                 .order_by(RecentSearch.searched_at.desc(), RecentSearch.id.desc())
                                 .limit(RECENT_KEPT))
    return list(rows.scalars())


async def clear_recent_searches(session: AsyncSession, *, actor: Actor) -> int:
    if actor.kind != "user" or actor.user_id is None:
        raise denied()
    result = await session.execute(delete(RecentSearch).where(RecentSearch.user_id == actor.user_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Status:
    engine: str
    documents: dict[str, int]
    backlog: int
    oldest_pending_at: datetime | None
    worker: SearchWorker | None
    misses: list[SearchMiss]
    error: str | None  # the engine could not be asked


async def status(session: AsyncSession, *, actor: Actor, engine: SearchEngine) -> Status:
    """The index: its engine, documents per kind, what is waiting to be indexed, how the worker fares."""
    if not policies.can_manage(actor):
        raise denied()
    backlog, oldest = (await session.execute(select(func.count(), func.min(SearchOutbox.created_at)))).one()
    worker = await session.get(SearchWorker, WORKER)
    misses = list((await session.execute(select(SearchMiss).order_by(SearchMiss.count.desc(), SearchMiss.last_at.desc())
                                         .limit(20))).scalars())
    try:
        counts, error = await engine.counts(), None
    except EngineUnavailable as failure:
        counts, error = {}, str(failure)
    return Status(engine.name, {s.kind: counts.get(s.kind, 0) for s in manifest.searchables()}, backlog, oldest,
                  worker, misses, error)


async def rebuild(session: AsyncSession, *, actor: Actor, kinds: list[str] | None = None) -> int:
    """Queue every object of these kinds (all when None) for the index, after emptying each kind; returns the count."""
    if not policies.can_manage(actor):
        raise denied()
    chosen = _kinds(kinds) or tuple(s.kind for s in manifest.searchables())
    queued = 0
    for kind in chosen:
        spec = manifest.searchable(kind)
        assert spec is not None
        ids = list((await session.execute(spec.ids() if spec.ids else select(spec.model.id))).scalars())  # type: ignore[attr-defined]
        await outbox.enqueue(session, kind, (), op="clear")
        for start in range(0, len(ids), 5000):
            await outbox.enqueue(session, kind, ids[start:start + 5000])
        queued += len(ids)
    await audit.record(session, actor=actor, action="search.rebuild", subject_type="search_index",
                       after={"kinds": list(chosen), "queued": queued})
    return queued


async def prepare(sessions: async_sessionmaker[AsyncSession], engine: SearchEngine) -> int:
    """Before the first batch: teach the analyzer the domain's words, and fill an empty index from the database
    (a new install, a database restored or upgraded from before search, a deleted index directory).

    Returns how many objects were queued (0 when the index has documents, or the worker never indexed anything
    and nothing predates it). Objects also waiting in the outbox are indexed twice, which is harmless.
    """
    async with sessions() as session:
        words: list[str] = []
        for spec in manifest.searchables():
            if spec.words is not None:
                words += [w for w in await spec.words(session) if w]
        await asyncio.to_thread(text.add_words, words)  # the word splitter loads its dictionary: off the loop
        engine.set_dictionary(words)  # Meilisearch ranks with its own splitter: it needs the words too
        if any((await engine.counts()).values()):
            return 0
        state = await session.get(SearchWorker, WORKER)
        if state is not None and not state.applied:  # the worker has run and never had anything to index
            return 0
        queued = await rebuild(session, actor=system_actor("search"))
        await session.commit()
    if queued:
        log.info("search: the index was empty; %s objects queued", queued)
    return queued


# ---------------------------------------------------------------- synonyms

MAX_SYNONYMS = 10
MAX_TERM = 40


async def synonym_map(session: AsyncSession) -> dict[str, tuple[str, ...]]:
    """Every term of every group -> its synonyms, normalized: read at each search, so an admin's change
    counts on every worker at once (a few rows; one indexed read)."""
    return text.synonym_map(r.term_list for r in (await session.execute(select(SearchSynonym))).scalars())


async def synonym_groups(session: AsyncSession, *, actor: Actor) -> list[SearchSynonym]:
    if not policies.can_manage(actor):
        raise denied()
    return list((await session.execute(select(SearchSynonym).order_by(SearchSynonym.id))).scalars())


def _terms(terms: list[str] | None) -> list[str]:
    cleaned = list(dict.fromkeys(" ".join(t.split()) for t in (terms or []) if t and t.strip()))
    if not 2 <= len(cleaned) <= MAX_SYNONYMS:
        raise invalid("terms", f"一组同义词需要 2 到 {MAX_SYNONYMS} 个词", f"a group needs 2 to {MAX_SYNONYMS} terms")
    seen: dict[str, str] = {}
    for term in cleaned:
        if len(term) > MAX_TERM:
            raise invalid("terms", f"“{term[:MAX_TERM]}…”超过 {MAX_TERM} 个字", f"'{term[:MAX_TERM]}…' is longer than {MAX_TERM}")
        key = text.synonym_key(term)
        found = text.pieces(key)
        if len(found) != 1 or found[0].text != key:
            raise invalid("terms", f"“{term}”须是一个词（不含空格和标点）",
                          f"'{term}' must be one word (no spaces or punctuation)")
        if key in seen:
            raise invalid("terms", f"“{term}”与“{seen[key]}”相同", f"'{term}' is the same as '{seen[key]}'")
        seen[key] = term
    return cleaned


async def save_synonyms(session: AsyncSession, *, actor: Actor, terms: list[str] | None,
                        group_id: int | None = None) -> SearchSynonym:
    """Add a group of synonyms, or replace the terms of one; the searches they now answer leave the misses."""
    if not policies.can_manage(actor):
        raise denied()
    cleaned = _terms(terms)
    group = None
    if group_id is not None:
        group = await session.get(SearchSynonym, group_id)
        if group is None:
            raise not_found("id")
    taken = await synonym_map(session)
    if group is not None:
        for term in group.term_list:
            taken.pop(text.synonym_key(term), None)
    normalized = {text.synonym_key(t) for t in cleaned}
    if not normalized.isdisjoint(taken):
        raise DomainError(errors.SYNONYM_TERM_TAKEN, field="terms")
    before = None if group is None else {"terms": group.term_list}
    if group is None:
        group = SearchSynonym(terms="\n".join(cleaned), updated_at=utcnow())
        session.add(group)
    else:
        group.terms, group.updated_at = "\n".join(cleaned), utcnow()
    await session.flush()
    misses = (await session.execute(select(SearchMiss))).scalars()
    for miss in [m for m in misses if text.synonym_key(m.query) in normalized]:
        await session.delete(miss)
    await audit.record(session, actor=actor, action="search.synonyms.save", subject_type="search_synonym",
                       subject_id=group.id, before=before, after={"terms": cleaned})
    return group


async def delete_synonyms(session: AsyncSession, *, actor: Actor, group_id: int) -> int:
    if not policies.can_manage(actor):
        raise denied()
    group = await session.get(SearchSynonym, group_id)
    if group is None:
        raise not_found("id")
    await audit.record(session, actor=actor, action="search.synonyms.delete", subject_type="search_synonym",
                       subject_id=group.id, before={"terms": group.term_list})
    await session.delete(group)
    await session.flush()
    return group_id
