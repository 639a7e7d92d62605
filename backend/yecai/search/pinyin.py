"""Chinese words and their pinyin, for the search tokens: jieba words, one syllable per character, initials.

Everything here is cached: the same company, account and product names come back in thousands of
documents, so a CJK run is segmented and romanized once. ``add_words`` (the domain dictionary)
clears the caches because it changes how runs split into words.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

_lock = threading.Lock()
_jieba: Any = None
_pending_words: list[str] = []
_added_words: list[str] = []  # every word taught so far, in order: analysis processes are taught the same


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
        _added_words.extend(cleaned)
        if _jieba is None:
            _pending_words.extend(cleaned)
        else:
            for word in cleaned:
                _jieba.add_word(word)
    run.cache_clear()


def added_words() -> tuple[str, ...]:
    """The words :func:`add_words` taught this process, in order."""
    with _lock:
        return tuple(_added_words)


@dataclass(frozen=True, slots=True)
class Run:
    """A run of Chinese characters: its words, and per character a syllable ("" if none) and initial."""

    words: tuple[str, ...]
    syllables: tuple[str, ...]
    initials: tuple[str, ...]


@lru_cache(maxsize=1 << 17)
def run(text: str) -> Run:
    words = tuple(_tokenizer().cut(text, HMM=True)) if len(text) > 1 else (text,)
    syllables = word_pinyin(text)
    return Run(words, syllables, initials(syllables))


def initials(syllables: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s[:1] for s in syllables)


@lru_cache(maxsize=1 << 17)
def word_pinyin(word: str) -> tuple[str, ...]:
    """Toneless pinyin per character, read in the word's context (重庆 chong qing), ü as v (lv).

    pypinyin's own dictionaries, looked up directly (longest known phrase first, as its default
    segmenter does): ten times faster than ``lazy_pinyin``, which converts every reading by regex."""
    phrases, chars, plain = _dictionaries()
    out: list[str] = []
    i = 0
    while i < len(word):
        for j in range(min(len(word), i + _MAX_PHRASE), i + 1, -1):
            readings = phrases.get(word[i:j])
            if readings and len(readings) == j - i:
                out.extend(r[0].translate(plain) for r in readings)
                i = j
                break
        else:
            reading = chars.get(ord(word[i]))
            out.append(reading.split(",", 1)[0].translate(plain) if reading else "")
            i += 1
    return tuple(s if s.isascii() and s.isalpha() else "" for s in out)


_MAX_PHRASE = 6


@cache
def _dictionaries() -> tuple[dict[str, list[list[str]]], dict[int, str], dict[int, str]]:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    plain = {}  # a toned vowel to its letter (ǎ: a), ü with or without a tone to v, as users type it
    for c in {c for v in PINYIN_DICT.values() for c in v if not c.isascii()}:
        decomposed = unicodedata.normalize("NFD", c)
        plain[ord(c)] = "v" if "\u0308" in decomposed else decomposed[0]
    return PHRASES_DICT, PINYIN_DICT, plain


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin can produce (with a vowel: the bare m/n/ng interjections would
    turn ordinary Latin letters into pinyin)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for v in set(pinyin_dict.values()) for r in v.split(",")}
    normal = {to_normal(r) for r in readings}
    return frozenset(s for s in normal if s.isascii() and s.isalpha() and any(v in s for v in "aeiouv"))
