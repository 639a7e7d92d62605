"""Which characters of an original text a query matched, as fragments for the UI to highlight.

Matching happens on the normalized text; every normalized character remembers the original one it
came from, so 財務 is marked when 财务 was asked, ＨＰ－１０２０ when hp1020 was, 北京 when beijing was.
"""

from __future__ import annotations

import re

from yecai.search import pinyin as _py
from yecai.search.analysis import CONNECTORS, normalize_mapped
from yecai.search.engine import Fragment
from yecai.search.query import FUZZY_MIN_LENGTH, INITIALS_MAX_LENGTH, QueryPlan

ELLIPSIS = "…"
_CJK_RUN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_LATIN_WORD = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
_CONNECTOR = re.compile(f"[{re.escape(CONNECTORS)}]")


def mark_plan(text: str, plan: QueryPlan, window: int | None = None) -> tuple[Fragment, ...]:
    if not text:
        return ()
    marks = _marks(text, plan) if plan.clauses else [False] * len(text)
    start, end = 0, len(text)
    if window is not None and len(text) > window:
        first = marks.index(True) if True in marks else 0
        start = max(0, first - window // 4)
        end = min(len(text), start + window)
        start = max(0, end - window)
    out: list[Fragment] = [Fragment(ELLIPSIS)] if start > 0 else []
    i = start
    while i < end:
        j = i
        while j < end and marks[j] == marks[i]:
            j += 1
        out.append(Fragment(text[i:j], marks[i]))
        i = j
    if end < len(text):
        out.append(Fragment(ELLIPSIS))
    return tuple(out)


def _marks(text: str, plan: QueryPlan) -> list[bool]:
    norm, origin = normalize_mapped(text)
    hit = [False] * len(norm)
    runs: list[tuple[int, tuple[str, ...]]] | None = None
    for clause in plan.clauses:
        for synonym in clause.synonyms:  # marked where found as it is spelled
            if _CJK_RUN.fullmatch(synonym):
                _mark_all(norm, synonym, hit)
            else:
                _mark_compact(norm, "".join(_CONNECTOR.split(synonym)), hit)
        if clause.shape == "cjk":
            _mark_all(norm, clause.text, hit)
            continue
        _mark_compact(norm, "".join(clause.units), hit)
        if clause.shape == "number":
            for m in _DIGITS.finditer(norm):
                if m.group(0) != clause.text and (m.group(0).lstrip("0") or "0") == clause.text:
                    _set(hit, m.start(), m.end())
        if clause.shape != "latin" or not clause.text.isascii() or len(clause.text) < 2:
            continue  # one letter is not read as pinyin (query.py): nor marked as such
        word = clause.text
        if len(word) >= FUZZY_MIN_LENGTH:
            for m in _LATIN_WORD.finditer(norm):
                if _one_edit(m.group(0), word):
                    _set(hit, m.start(), m.end())
        if runs is None:  # readings only: the word splitter is not needed to mark characters
            runs = [(m.start(), _py.word_pinyin(m.group(0))) for m in _CJK_RUN.finditer(norm)]
        for at, syllables in runs:
            _mark_reading(syllables, word, clause.prefix, at, hit)
            if len(word) <= INITIALS_MAX_LENGTH:
                _mark_reading(_py.initials(syllables), word, False, at, hit)
    if isinstance(origin, range):  # nothing was dropped or expanded: the marks are the original's
        return hit
    marks = [False] * len(text)
    for k, h in enumerate(hit):
        if h:
            marks[origin[k]] = True
    produced = [False] * len(text)
    for k in origin:
        produced[k] = True
    for i in range(1, len(text) - 1):  # a dropped invisible character inside a match stays inside it
        if not produced[i] and marks[i - 1] and marks[i + 1]:
            marks[i] = True
    return marks


def _set(hit: list[bool], start: int, end: int) -> None:
    for k in range(start, end):
        hit[k] = True


def _mark_all(norm: str, needle: str, hit: list[bool]) -> None:
    at = norm.find(needle)
    while at >= 0:
        _set(hit, at, at + len(needle))
        at = norm.find(needle, at + 1)


def _is_unit_char(c: str) -> bool:
    return c.isalnum() and not _CJK_RUN.match(c)


def _mark_compact(norm: str, key: str, hit: list[bool]) -> None:
    """Marks ``key`` where it starts a word of ``norm`` once connectors are ignored (hp1020 in HP-1020)."""
    if not key:
        return
    if _CONNECTOR.search(norm):
        kept = [i for i, c in enumerate(norm) if c not in CONNECTORS]
        compact = "".join(norm[i] for i in kept)
    else:
        kept, compact = range(len(norm)), norm
    at = compact.find(key)
    while at >= 0:
        first = kept[at]
        if not _is_unit_char(key[0]) or first == 0 or not _is_unit_char(norm[first - 1]):
            _set(hit, first, kept[at + len(key) - 1] + 1)
        at = compact.find(key, at + 1)


def _mark_reading(readings: tuple[str, ...], word: str, prefix: bool, at: int, hit: list[bool]) -> None:
    """Marks the characters whose readings (syllables or initials), one after another, spell ``word``
    from the start of one; with ``prefix`` the last reading may go on past the word's end."""
    spelled = "".join(r or "_" for r in readings)  # "_" (no reading) never occurs in a Latin word
    pos = spelled.find(word)
    if pos < 0:
        return
    owner: list[int] = []  # the reading each letter of `spelled` belongs to
    starts: list[int] = []
    for k, r in enumerate(readings):
        starts.append(len(owner))
        owner.extend([k] * (len(r) or 1))
    while pos >= 0:
        first, end = owner[pos], pos + len(word)
        last = owner[end - 1]
        if starts[first] == pos and (prefix or end == len(owner) or owner[end] != last):
            _set(hit, at + first, at + last + 1)
        pos = spelled.find(word, pos + 1)


def _one_edit(a: str, b: str) -> bool:
    """At most one letter wrong, missing, extra or swapped with its neighbour."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if la > lb else a[i:] == b[i + 1:]


def is_matched(frags: tuple[Fragment, ...]) -> bool:
    return any(f.matched for f in frags)

