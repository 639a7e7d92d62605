"""Text analysis of large batches in other processes: a rebuild analyses on every core.

Analysis (normalization, jieba, pinyin) is pure Python and holds the GIL, so one process analyses
on one core while tantivy's indexing thread waits for it. For a batch of at least
:data:`PARALLEL_MIN` documents the embedded engine hands the texts to a process pool (spawned, not
forked: the server's threads and locks stay where they are) and adds the analysed documents to its
writer in order as they come back. Each process is taught the same domain words; a pool made before
words were added is replaced. The result is exactly what analysing in this process gives (the tests
compare them).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from yecai.search import pinyin
from yecai.search import text as _text
from yecai.searchable import SearchDocument

PARALLEL_MIN = 2000  # smaller batches (a request's changes) are analysed in place: a pool's hop costs more
CHUNK = 250  # documents per task: large enough that pickling is a small part of it
# Analysed = (exact keys, exact prefixes, fields): what the engine adds beside the document's own values.
Analysed = tuple[list[str], str, dict[str, str]]


def analyse(title: str, body: str, code: str | None) -> Analysed:
    return _text.exact_keys(title, code), _text.exact_prefixes(title, code), _text.document_fields(title, body, code)


def _chunk(texts: Sequence[tuple[str, str, str | None]]) -> list[Analysed]:
    return [analyse(*t) for t in texts]


def _start(words: tuple[str, ...]) -> None:
    if words:
        _text.add_words(list(words))
    _text.plan_query("预热")  # jieba's dictionary and OpenCC load now, not in the first task


def default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 8)


class AnalysisPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._words: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        words = pinyin.added_words()
        with self._lock:
            if self._executor is not None and self._words != words:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
            if self._executor is None:
                self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_start, initargs=(words,))
                self._words = words
            return self._executor

    def analyse(self, documents: Sequence[SearchDocument]) -> Iterator[Analysed]:
        """The documents' analyses, in order; a few chunks ahead of the consumer, never all at once."""
        executor = self._pool()
        texts = [(d.title, d.body, d.code) for d in documents]
        chunks = (texts[i:i + CHUNK] for i in range(0, len(texts), CHUNK))
        window: deque[Future[Any]] = deque()
        ahead = 2 * self.workers + 1
        for chunk in chunks:
            window.append(executor.submit(_chunk, chunk))
            if len(window) >= ahead:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None
