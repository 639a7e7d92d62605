"""Search engines under test. ``engine`` runs the conformance suite on every engine: the embedded one
always, Meilisearch when ``YECAI_TEST_MEILI_URL`` points at a server (each test on its own index).

This ``engine`` (a search engine) shadows the database ``engine`` of tests/conftest.py here: no test
of this folder needs a database.
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from yecai.search.engine import SearchEngine
from yecai.search.engines.embedded import EmbeddedEngine

MEILI_SKIP = "set YECAI_TEST_MEILI_URL to run the conformance suite against Meilisearch"


def make_engine(name: str, tmp_path: Path) -> SearchEngine:
    if name == "embedded":
        return EmbeddedEngine(tmp_path / "search")
    url = os.environ.get("YECAI_TEST_MEILI_URL")
    if not url:
        pytest.skip(MEILI_SKIP)
    meili = importlib.import_module("yecai.search.engines.meili")  # written separately; imported only when asked for
    return meili.MeiliEngine(
        url=url, api_key=os.environ.get("YECAI_TEST_MEILI_KEY"), index=f"yecai_test_{uuid.uuid4().hex[:12]}",
    )


@pytest.fixture(params=["embedded", "meilisearch"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SearchEngine]:
    search_engine = make_engine(request.param, tmp_path)
    try:
        yield search_engine
    finally:
        try:
            await search_engine.clear()
        finally:
            await search_engine.close()

