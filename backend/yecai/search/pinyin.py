"""Chinese words and their pinyin, for the search tokens: jieba words, one syllable per character, initials.

Everything here is cached: the same company, account and product names come back in thousands of
documents, so a CJK run is segmented and romanized once. ``add_words`` (the domain dictionary)
clears the caches because it changes how runs split into words.
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

_lock = threading.Lock()
_jieba: Any = None
_pending_words: list[str] = []


def _tokenizer() -> Any:
    """jieba's tokenizer, loaded once (about a second: its dictionary) on first use."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _lock:
        if _jieba is None:
            # jieba tries `import pkg_resources`, which newer setuptools flags as deprecated;
            # the fallback it has is fine, so the warning must not become an error here.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
            for word in _pending_words:
                tokenizer.add_word(word)
            _jieba = tokenizer
    return _jieba


def add_words(words: list[str] | tuple[str, ...]) -> None:
    """Teach the word splitter domain words (account, customer, supplier, product names).

    Words only change ranking and the pinyin of whole words: recall comes from characters and
    bigrams, so documents indexed before a word was added are still found."""
    cleaned = [w.strip() for w in words if w and w.strip()]
    if not cleaned:
        return
    with _lock:
        if _jieba is None:
            _pending_words.extend(cleaned)
        else:
            for word in cleaned:
                _jieba.add_word(word)
    run.cache_clear()


@dataclass(frozen=True, slots=True)
class Run:
    """A run of Chinese characters: its words, and per character a syllable ("" if none) and initial."""

    words: tuple[str, ...]
    syllables: tuple[str, ...]
    initials: tuple[str, ...]


@lru_cache(maxsize=1 << 17)
def run(text: str) -> Run:
    words = tuple(_tokenizer().cut(text, HMM=True)) if len(text) > 1 else (text,)
    syllables: list[str] = []
    for word in words:
        syllables.extend(word_pinyin(word))
    return Run(words, tuple(syllables), tuple(s[:1] for s in syllables))


@lru_cache(maxsize=1 << 17)
def word_pinyin(word: str) -> tuple[str, ...]:
    """Toneless pinyin per character, read in the word's context (重庆 chong qing), ü as v (lv)."""
    from pypinyin import lazy_pinyin

    out = lazy_pinyin(word, errors=lambda chars: [""] * len(chars))
    if len(out) != len(word):  # pypinyin grouped characters it has no reading for
        out = [(lazy_pinyin(c, errors=lambda chars: [""]) or [""])[0] for c in word]
    return tuple(s if s.isascii() and s.isalpha() else "" for s in out)


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin can produce (with a vowel: the bare m/n/ng interjections would
    turn ordinary Latin letters into pinyin)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for v in set(pinyin_dict.values()) for r in v.split(",")}
    normal = {to_normal(r) for r in readings}
    return frozenset(s for s in normal if s.isascii() and s.isalpha() and any(v in s for v in "aeiouv"))
