"""Which engine this process searches with: the embedded one, on disk under the data directory.

(Meilisearch, for several machines, plugs in here behind the same ``SearchEngine`` interface; the
conformance suite in tests/search already runs against a server when ``YECAI_TEST_MEILI_URL`` is set.)
"""

from __future__ import annotations

import threading

from yecai.search.engine import SearchEngine
from yecai.settings import Settings

_engines: dict[tuple[str, ...], SearchEngine] = {}
_lock = threading.Lock()


def engine_for(settings: Settings) -> SearchEngine:
    """The process's engine for these settings (one per index: tantivy allows one writer per directory)."""
    key = ("embedded", str(settings.resolved_search_dir.resolve()))
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = _make(settings)
        return engine


def _make(settings: Settings) -> SearchEngine:
    from yecai.search.engines.embedded import EmbeddedEngine

    settings.resolved_search_dir.mkdir(parents=True, exist_ok=True)
    return EmbeddedEngine(settings.resolved_search_dir)


async def close_all() -> None:
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
    for engine in engines:
        await engine.close()
