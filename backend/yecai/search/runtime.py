"""Which engine this process searches with: Meilisearch when ``YECAI_MEILI_URL`` is set (several
machines share one server), else the embedded one, on disk under the data directory."""

from __future__ import annotations

import threading

from yecai.search.engine import SearchEngine
from yecai.settings import Settings

_engines: dict[tuple[str, ...], SearchEngine] = {}
_lock = threading.Lock()


def engine_for(settings: Settings) -> SearchEngine:
    """The process's engine for these settings (one per index: tantivy allows one writer per directory)."""
    if settings.meili_url:
        key: tuple[str, ...] = ("meilisearch", settings.meili_url, settings.meili_index)
    else:
        key = ("embedded", str(settings.resolved_search_dir.resolve()))
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = _make(settings)
        return engine


def _make(settings: Settings) -> SearchEngine:
    if settings.meili_url:
        from yecai.search.engines.meili import MeiliEngine

        return MeiliEngine(settings.meili_url, settings.meili_key, settings.meili_index)
    from yecai.search.engines.embedded import EmbeddedEngine
    from yecai.search.parallel import default_workers

    settings.resolved_search_dir.mkdir(parents=True, exist_ok=True)
    workers = settings.search_analysis_workers
    return EmbeddedEngine(settings.resolved_search_dir, default_workers() if workers is None else workers)


async def close_all() -> None:
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
    for engine in engines:
        await engine.close()
