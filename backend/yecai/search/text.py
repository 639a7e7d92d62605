"""Chinese-first text analysis for search, the same for every engine: one import for all of it.

* :func:`normalize`: full width to half width (NFKC), lower case, traditional to simplified
  (OpenCC t2s), invisible format characters (zero width, bidi controls) dropped;
* :func:`document_fields` / :func:`exact_keys`: what an engine indexes for a document: token
  streams (Chinese characters and bigrams, Latin words, codes and their parts, pinyin syllables,
  pinyin of words, initials, jieba words) laid out in the fields of :data:`FIELDS`;
* :func:`plan_query`: what a typed query must match (:class:`QueryPlan`), including pinyin,
  initials, one wrong letter and the last word as a prefix;
* :func:`fragments`: the original text with what the query matched marked, optionally as a snippet;
* :func:`add_words`: the domain dictionary (account, customer, supplier, product names).

Details live in ``analysis`` (indexing), ``query`` (plans), ``highlight`` and ``pinyin``.
"""

from __future__ import annotations

from yecai.search.analysis import (
    FIELDS,
    GAP,
    PHRASE_STREAMS,
    PREFIX_CHARS,
    SUGGEST_FIELDS,
    add_words,
    analyze,
    clear_caches,
    document_fields,
    exact_key,
    exact_keys,
    exact_prefixes,
    normalize,
    normalize_mapped,
    pieces,
)
from yecai.search.engine import Fragment
from yecai.search.highlight import ELLIPSIS, is_matched, mark_plan
from yecai.search.query import Clause, Match, QueryPlan, plan_query, synonym_key, synonym_map

__all__ = [
    "ELLIPSIS", "FIELDS", "GAP", "PHRASE_STREAMS", "PREFIX_CHARS", "SUGGEST_FIELDS", "Clause", "Fragment",
    "Match", "QueryPlan", "add_words", "analyze", "clear_caches", "document_fields", "exact_key",
    "exact_keys", "exact_prefixes", "fragments", "is_matched", "normalize", "normalize_mapped", "pieces",
    "plan_query", "synonym_key", "synonym_map",
]


def fragments(text: str, query: str | QueryPlan, window: int | None = None) -> tuple[Fragment, ...]:
    """``text`` in pieces, the ones the query matched marked however they matched (traditional, full
    width, pinyin, initials, a typo): the marks are on the original characters. With a ``window``,
    a snippet of about that many characters around the first match, with "…" where it was cut."""
    return mark_plan(text, query if isinstance(query, QueryPlan) else plan_query(query), window)
