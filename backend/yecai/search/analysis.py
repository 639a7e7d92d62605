"""What is indexed: normalized text cut into token streams, the same for every engine.

Both engines index :func:`document_fields` (and match it with ``yecai.search.query``), so they meet
one recall set. Text is first normalized (:func:`normalize`): full width folded to half width (NFKC),
lower case, traditional to simplified (OpenCC t2s), invisible format characters dropped. Then
each field is a few whitespace-joined token *streams* (ordered ones answer phrases):

* ``seq`` (ordered): one token per Chinese character and per Latin/number part (so-202612: so 202612);
* ``bigrams`` (ordered): Chinese bigrams (财务部: 财务 务部), a gap token between two runs;
* ``whole``: words of several parts (hp1020), whole codes with and without connectors
  (so-202612-00012, so20261200012), numbers without their leading zeros (0012: 12);
* ``prefixes``: every beginning of codes and numbers (so so- so-2 ... so2 so20 ...);
* ``pinyin``: one toneless syllable per Chinese character (cai wu bu);
* ``pinyin_words``: the pinyin of every run of whole words, from each word on, concatenated
  (北京华信: beijing beijinghuaxin huaxin);
* ``initials_words``: the same with initials (bj bjhx hx);
* ``words``: jieba words (财务部), for ranking only: a match never needs them.

Titles have every stream; codes the first four; bodies the first three: pinyin, initials and
words are how names are typed, and finding the word splitter's words is most of the analysis cost.

Chinese recall never depends on the word splitter: one character matches ``seq``, two a bigram,
more a phrase of bigrams, so "简单" finds "安装简单" whatever jieba makes of it. Pinyin and
initials start where a word starts (``add_words`` teaches it the names).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from yecai.search import pinyin as _py

GAP = "|"  # never a query term: keeps phrases from matching across two Chinese runs
CONNECTORS = "-_/."  # join the parts of a code: SO-202612-00012, 2026/12/01, v1.2

# Field -> weight, per stream: the same layout for every engine. Titles and codes weigh most;
# initials and per-word forms only exist for titles and codes (on long bodies "cw" is noise).
FIELDS: dict[str, tuple[tuple[str, float], ...]] = {
    "seq": (("title_seq", 3.0), ("code_seq", 3.0), ("body_seq", 1.0)),
    "bigrams": (("title_bigrams", 3.0), ("code_bigrams", 3.0), ("body_bigrams", 1.0)),
    "whole": (("title_whole", 3.0), ("code_whole", 3.0), ("body_whole", 1.0)),
    "pinyin": (("title_pinyin", 3.0),),
    "pinyin_words": (("title_pinyin_words", 3.0),),
    "initials_words": (("title_initials_words", 3.0),),
    "words": (("title_words", 2.0),),
    "prefixes": (("title_prefixes", 3.0), ("code_prefixes", 3.0)),
}
STREAMS = tuple(FIELDS)
_STREAM_INDEX = {s: i for i, s in enumerate(STREAMS)}
SUGGEST_FIELDS = frozenset(f for pairs in FIELDS.values() for f, _ in pairs if not f.startswith("body_"))
PHRASE_STREAMS = frozenset({"seq", "bigrams"})
READING_STREAMS = frozenset({"pinyin", "pinyin_words", "initials_words", "words"})  # need the word splitter
MAX_SPAN_SYLLABLES = 12  # a company's whole name in pinyin, not a paragraph
_STREAMS_OF = {
    "title": tuple(FIELDS),
    "body": ("seq", "bigrams", "whole"),
    "code": ("seq", "bigrams", "whole", "prefixes"),
}
PREFIX_CHARS = 32  # codes are typed from their start; longer prefixes are whole codes anyway

# ---------------------------------------------------------------------------------------- normalize

_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{_CJK}]")
_NOT_CJK_RE = re.compile(f"[^{_CJK}]")
# A unit is a run of Chinese characters or of other letters/digits; what lies between units decides
# whether they form one code (a single connector) or separate pieces.
_UNIT = f"[{_CJK}]+|[^\\W_{_CJK}]+"
_UNIT_ONLY_RE = re.compile(_UNIT)
# A code first (units joined by single connectors), else one Chinese run, else one Latin/number unit.
_CODE = f"(?:{_UNIT})(?:[{re.escape(CONNECTORS)}](?:{_UNIT}))+"
_PIECE_RE = re.compile(f"{_CODE}|([{_CJK}]+)|([^\\W_{_CJK}]+)")
_PIECE_FLAT_RE = re.compile(f"{_CODE}|{_UNIT}")  # the same matches, without groups: findall gives strings
_PART_RE = re.compile(r"\d+|\D+")  # hp1020 -> hp 1020


class _Fold(dict[int, str]):
    """Per-character folding, filled on demand: str.translate looks each code point up once."""

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        category = unicodedata.category(c)
        if category == "Cf":  # zero-width spaces and joiners, bidi controls, BOM, soft hyphen
            out = ""
        elif category == "Cc" or category in ("Zl", "Zp"):
            out = " "
        else:
            out = unicodedata.normalize("NFKC", c).lower()
            out = "".join(ch for ch in out if unicodedata.category(ch) != "Cf")
        self[cp] = out
        return out


class _Uneven(dict[int, str]):
    """Maps a code point to "" when it folds to exactly one character: texts made only of those keep
    their offsets, and :func:`normalize_mapped` needs no loop."""

    def __missing__(self, cp: int) -> str:
        out = "" if len(_FOLD[cp]) == 1 else "x"
        self[cp] = out
        return out


_FOLD = _Fold()
_UNEVEN = _Uneven()
_opencc_lock = threading.Lock()


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _traditional() -> re.Pattern[str]:
    """The characters OpenCC's t2s changes (about 4,200), found once by converting every BMP
    ideograph (40 ms): a text with none of them is already simplified, and skips the converter."""
    ideographs = [chr(cp) for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for cp in range(lo, hi)]
    with _opencc_lock:
        converted = _t2s().convert("\n".join(ideographs)).split("\n")
    changed = [a for a, b in zip(ideographs, converted, strict=True) if a != b]
    return re.compile(f"[{''.join(changed)}\U00020000-\U0003134f]")


def _to_simplified(text: str) -> str:
    if not _traditional().search(text):
        return text
    with _opencc_lock:  # one converter shared by the engines' worker threads
        return _t2s().convert(text)


def normalize(text: str) -> str:
    """The form both the index and the query see: half width, lower case, simplified, no invisibles."""
    return _to_simplified(text.translate(_FOLD))


def normalize_mapped(text: str) -> tuple[str, Sequence[int]]:
    """:func:`normalize`, with the index in ``text`` of the character each output character came from
    (a ``range`` when every character stayed one character)."""
    if not text.translate(_UNEVEN):
        folded, origin = text.translate(_FOLD), range(len(text))
    else:
        pieces: list[str] = []
        origin: list[int] = []
        for i, c in enumerate(text):
            one = _FOLD[ord(c)]
            pieces.append(one)
            origin.extend([i] * len(one))
        folded = "".join(pieces)
    simplified = _to_simplified(folded)
    if len(simplified) != len(folded):  # a phrase conversion changed the length: convert per character
        simplified = "".join(t if len(t := _to_simplified(c)) == 1 else c for c in folded)
    return simplified, origin


@lru_cache(maxsize=1 << 16)
def exact_key(text: str) -> str:
    """What "an exact title or code" compares: the normalized letters, digits and characters only,
    so HP-1020, ＨＰ１０２０ and hp 1020 are the same code."""
    return "".join(_UNIT_ONLY_RE.findall(normalize(text)))


# ---------------------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of normalized text: a Chinese run, a Latin word, a number, or a code of several units."""

    text: str
    shape: Literal["cjk", "latin", "number", "mixed", "code"]
    units: tuple[str, ...]  # a code's units (so, 202612, 00012); the piece itself otherwise


def pieces(normalized: str) -> list[Piece]:
    """Splits normalized text into pieces; units joined by one connector (and nothing else) are a code."""
    out: list[Piece] = []
    for m in _PIECE_RE.finditer(normalized):
        if m.lastindex is not None:
            out.append(_single(m.group(0)))
            continue
        units = tuple(_UNIT_ONLY_RE.findall(m.group(0)))
        if any(not _CJK_RE.match(u) for u in units):
            out.append(Piece(m.group(0), "code", units))
        else:  # Chinese joined by hyphens (应交税费-应交增值税) is text, not a code
            out.extend(_single(u) for u in units)
    return out


@lru_cache(maxsize=1 << 16)
def _single(unit: str) -> Piece:
    if _CJK_RE.match(unit):
        return Piece(unit, "cjk", (unit,))
    if unit.isdigit():
        return Piece(unit, "number", (unit,))
    if any(c.isdigit() for c in unit):
        return Piece(unit, "mixed", (unit,))
    return Piece(unit, "latin", (unit,))


def parts(unit: str) -> list[str]:
    """The sequence tokens of one unit: each Chinese character, or the letter and digit runs."""
    if _CJK_RE.match(unit):
        return list(unit)
    return _PART_RE.findall(unit)


def _strip_zeros(number: str) -> str | None:
    stripped = number.lstrip("0") or "0"
    return stripped if stripped != number else None


def analyze(text: str, streams: tuple[str, ...] = STREAMS) -> dict[str, str]:
    """The token streams of one text, each whitespace-joined (normalization is idempotent, so the
    text may already be normalized)."""
    readings = not READING_STREAMS.isdisjoint(streams)
    found = [_match_tokens(m, readings) for m in _PIECE_FLAT_RE.findall(normalize(text))]
    out = {}
    for stream in streams:
        i = _STREAM_INDEX[stream]
        joiner = f" {GAP} " if stream == "bigrams" else " "
        out[stream] = joiner.join([t[i] for t in found if t[i]])
    return out


@lru_cache(maxsize=1 << 17)
def _match_tokens(match: str, readings: bool) -> tuple[str, ...]:
    """The tokens of one match of the piece pattern (usually one piece; Chinese runs joined by hyphens
    are several), cached by its text: hashing a string is cheaper than hashing a piece."""
    if _CJK_RE.match(match) and not _NOT_CJK_RE.search(match):  # most matches: one Chinese run
        return _run_tokens(match, readings)
    found = [_piece_tokens(p, readings) for p in pieces(match)]
    if len(found) == 1:
        return found[0]
    return tuple((f" {GAP} " if s == "bigrams" else " ").join([t[i] for t in found if t[i]])
                 for i, s in enumerate(STREAMS))


def _run_tokens(run: str, readings: bool) -> tuple[str, ...]:
    """:func:`_piece_tokens` of one Chinese run, without the general case's bookkeeping."""
    out = {"seq": " ".join(run), "bigrams": " ".join([run[i:i + 2] for i in range(len(run) - 1)])}
    if readings:
        info = _py.run(run)
        pinyin_words: list[str] = []
        initials_words: list[str] = []
        _word_forms(run, info, pinyin_words, initials_words)
        out["pinyin"] = " ".join([s or GAP for s in info.syllables])
        out["pinyin_words"], out["initials_words"] = " ".join(pinyin_words), " ".join(initials_words)
        out["words"] = " ".join([w for w in info.words if len(w) > 1])
    return tuple(out.get(s, "") for s in STREAMS)


@lru_cache(maxsize=1 << 17)
def _piece_tokens(piece: Piece, readings: bool) -> tuple[str, ...]:
    """Every stream's tokens for one piece, joined, in :data:`STREAMS` order: the same names,
    products and codes recur in thousands of documents, so each piece is analysed once. Without
    ``readings`` (bodies) no words, pinyin or initials: the word splitter is most of the cost."""
    out: dict[str, list[str]] = {s: [] for s in STREAMS}
    seq, bigrams, whole = out["seq"], out["bigrams"], out["whole"]
    if piece.shape == "code":
        whole.append(piece.text)
        compact = "".join(piece.units)
        if compact != piece.text:
            whole.append(compact)
    if piece.shape in ("code", "mixed", "number"):
        # Edge prefixes answer "SO-2026" with one term, where a prefix scan would visit every order of 2026.
        forms = dict.fromkeys((piece.text, "".join(piece.units)))
        out["prefixes"].extend(dict.fromkeys(f[:i] for f in forms for i in range(2, min(len(f), PREFIX_CHARS) + 1)))
    for unit in piece.units:
        if not _CJK_RE.match(unit):
            unit_parts = _PART_RE.findall(unit)
            seq.extend(unit_parts)
            if len(unit_parts) > 1:
                whole.append(unit)
            whole.extend(z for p in unit_parts if p.isdigit() and (z := _strip_zeros(p)))
            continue
        seq.extend(unit)
        if len(unit) > 1:
            if bigrams:
                bigrams.append(GAP)
            bigrams.extend(unit[i:i + 2] for i in range(len(unit) - 1))
        if not readings:
            continue
        info = _py.run(unit)
        out["pinyin"].extend(s or GAP for s in info.syllables)
        out["words"].extend(w for w in info.words if len(w) > 1)
        _word_forms(unit, info, out["pinyin_words"], out["initials_words"])
    return tuple(" ".join(out[s]) for s in STREAMS)


def _word_forms(unit: str, info: _py.Run, pinyin_words: list[str], initials_words: list[str]) -> None:
    """Pinyin and initials of every run of whole words, from each word on (北京华信科技: beijing,
    beijinghuaxin, ..., huaxin, huaxinkeji, ...): what people type is the start of a name or of a
    word in it, and one term answers it, where a phrase of syllables would walk huge postings."""
    bounds = [0]
    for word in info.words:
        bounds.append(bounds[-1] + len(word))
    for a, start in enumerate(bounds[:-1]):
        for end in bounds[a + 1:]:
            if end - start > MAX_SPAN_SYLLABLES:
                break
            syl = info.syllables[start:end]
            if end - start < 2:
                continue
            if not all(syl):
                break
            pinyin_words.append("".join(syl))
            initials_words.append("".join(s[0] for s in syl))


def add_words(words: list[str] | tuple[str, ...]) -> None:
    """Teach the word splitter domain words (account, customer, supplier, product names).

    Words only change ranking and the pinyin of whole words: recall comes from characters and
    bigrams, so documents indexed before a word was added are still found."""
    _py.add_words(words)
    clear_caches()


def clear_caches() -> None:
    """Forgets every analysed piece, name and reading (the benchmark measures analysis cold)."""
    for cached in (_piece_tokens, _match_tokens, _fields_of, exact_key, _single, _py.run, _py.word_pinyin):
        cached.cache_clear()


def document_fields(title: str, body: str = "", code: str | None = None) -> dict[str, str]:
    """Every searchable field of a document (see :data:`FIELDS`), as whitespace-joined tokens."""
    fields: dict[str, str] = {}
    for name, text in (("title", title), ("body", body), ("code", code or "")):
        fields.update(_fields_of(name, text))
    return fields


@lru_cache(maxsize=1 << 16)
def _fields_of(name: str, text: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{name}_{stream}", tokens) for stream, tokens in analyze(text, _STREAMS_OF[name]).items())


def exact_keys(title: str, code: str | None = None) -> list[str]:
    """The exact field's values: the title's and the code's :func:`exact_key`."""
    keys = [k for k in (exact_key(title), exact_key(code or "")) if k]
    return list(dict.fromkeys(keys))


def exact_prefixes(title: str, code: str | None = None) -> str:
    """Every beginning of the exact keys (up to :data:`PREFIX_CHARS`), whitespace-joined (exact keys
    hold no whitespace): "starts with" as one term. A beginning shared by title and code comes twice."""
    return " ".join(k[:i] for k in exact_keys(title, code) for i in range(1, min(len(k), PREFIX_CHARS) + 1))

