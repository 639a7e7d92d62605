"""What only the embedded engine has to say: its directory, durability, one writer, many readers."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from yecai.search.engine import EngineUnavailable, SearchDocument, SearchRequest
from yecai.search.engines.embedded import SCHEMA_VERSION, EmbeddedEngine

ACCESS = frozenset({"admin"})


def customer(object_id: int, title: str) -> SearchDocument:
    return SearchDocument("customer", object_id, title, access=("admin",))


async def test_the_index_lives_in_a_versioned_directory_and_survives_a_restart(tmp_path: Path) -> None:
    older = tmp_path / f"tantivy-v{SCHEMA_VERSION - 1}"
    older.mkdir()
    (older / "meta.json").write_text("{}")
    first = EmbeddedEngine(tmp_path)
    assert not older.exists()  # an earlier schema's index is removed: the new one is rebuilt from the database
    await first.upsert([customer(1, "北京华信科技有限公司")])
    await first.close()
    assert (tmp_path / f"tantivy-v{SCHEMA_VERSION}" / "meta.json").is_file()
    again = EmbeddedEngine(tmp_path)
    try:
        assert [h.key for h in (await again.search(SearchRequest("华信", ACCESS))).hits] == ["customer:1"]
        await again.upsert([customer(2, "上海华信贸易")])  # the writer lock was released by close()
        assert (await again.counts()) == {"customer": 2}
    finally:
        await again.close()


async def test_a_second_writer_is_refused_clearly_and_readers_are_not(tmp_path: Path) -> None:
    writer = EmbeddedEngine(tmp_path)
    reader = EmbeddedEngine(tmp_path)  # opening never takes the lock: any process may search
    try:
        await writer.upsert([customer(1, "华信")])
        with pytest.raises(EngineUnavailable, match="another process is writing"):
            await reader.upsert([customer(2, "华信物流")])
        # the reader's index catches up with the writer's commits by itself (tantivy watches meta.json)
        for _ in range(100):
            if (await reader.search(SearchRequest("华信", ACCESS))).total == 1:
                break
            await asyncio.sleep(0.05)
        assert (await reader.search(SearchRequest("华信", ACCESS))).total == 1
    finally:
        await reader.close()
        await writer.close()


def test_another_process_searches_what_this_one_wrote(tmp_path: Path, embedded_sync: EmbeddedEngine) -> None:
    embedded_sync.upsert_sync([customer(1, "北京华信科技有限公司"), customer(2, "上海华信贸易")])
    script = (
        "import sys; from pathlib import Path\n"
        "from yecai.search.engines.embedded import EmbeddedEngine\n"
        "from yecai.search.engine import SearchRequest\n"
        "e = EmbeddedEngine(Path(sys.argv[1]))\n"
        "print(' '.join(h.key for h in e.search_sync(SearchRequest('beijinghuaxin', frozenset({'admin'}))).hits))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "shared")], capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.split() == ["customer:1"]


@pytest.fixture
def embedded_sync(tmp_path: Path):
    engine = EmbeddedEngine(tmp_path / "shared")
    yield engine
    engine.close_sync()


async def test_concurrent_writes_are_serialized_and_all_land(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    try:
        await asyncio.gather(*(engine.upsert([customer(i, f"客户{i}号")]) for i in range(12)),
                             engine.delete(["customer:999"]))
        assert await engine.counts() == {"customer": 12}
        assert (await engine.search(SearchRequest("客户", ACCESS))).total == 12
    finally:
        await engine.close()


async def test_a_batch_that_fails_halfway_leaves_nothing_behind(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    try:
        await engine.upsert([customer(1, "华信")])
        broken = SearchDocument("customer", 3, None, access=("admin",))  # type: ignore[arg-type]
        with pytest.raises(AttributeError):
            await engine.upsert([customer(2, "华信物流"), broken])
        await engine.upsert([customer(4, "腾飞")])  # the next commit must not carry customer 2 along
        assert await engine.counts() == {"customer": 2}
        assert [h.key for h in (await engine.search(SearchRequest("华信", ACCESS))).hits] == ["customer:1"]
    finally:
        await engine.close()


def test_a_large_batch_analysed_in_other_processes_is_indexed_exactly_as_in_this_one(tmp_path: Path) -> None:
    """The pool's processes are taught the same domain words and give the same tokens, in order."""
    from yecai.search import text
    from yecai.search.parallel import PARALLEL_MIN, analyse

    text.add_words(["华信测试词"])
    documents = [customer(i, f"北京华信测试词{i}号分公司") for i in range(PARALLEL_MIN)]
    parallel, serial = EmbeddedEngine(tmp_path / "p", analysis_workers=2), EmbeddedEngine(tmp_path / "s")
    try:
        parallel.upsert_sync(documents)
        serial.upsert_sync(documents)
        assert parallel._pool is not None
        assert list(parallel._pool.analyse(documents)) == [analyse(d.title, d.body, d.code) for d in documents]
        for query in ("华信测试词", "1999号", "huaxin", "bjhx"):
            found = [[h.key for h in e.search_sync(SearchRequest(query, ACCESS, limit=50)).hits] for e in (parallel, serial)]
            assert found[0] == found[1] and found[0], query
        assert parallel.counts_sync() == serial.counts_sync() == {"customer": PARALLEL_MIN}
    finally:
        parallel.close_sync()
        serial.close_sync()
