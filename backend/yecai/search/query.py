"""What a typed query must match: a plan over the token streams of ``yecai.search.analysis``.

The query is cut into the same pieces as documents. Every piece is a :class:`Clause` that must match;
a clause matches when any of its alternatives (:class:`Match`) does: the Chinese characters or
bigram phrase, the code whole, as a phrase of its parts or by its beginning, a Latin word exactly,
by prefix while it is still being typed, with one wrong letter, or read as the pinyin or initials of
words (one term each: never a phrase of syllables). Engines OR the
alternatives of a clause, AND the clauses, and add the ranking-only :attr:`QueryPlan.words` and
:attr:`QueryPlan.exact` as optional boosts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from yecai.search import pinyin as _py
from yecai.search.analysis import Piece, exact_key, normalize, parts, pieces

MAX_QUERY_CHARS = 200  # a bounded cost per query, whatever is pasted into the box
MAX_CLAUSES = 12
FUZZY_MIN_LENGTH = 5  # as Meilisearch: shorter words get no typo (too many neighbours)
INITIALS_MAX_LENGTH = 10

# Alternatives weigh less the looser they are, so an exact spelling outranks a reading of it.
TERM, PREFIX, FUZZY, PINYIN, INITIALS, SYNONYM = 1.0, 0.5, 0.3, 0.6, 0.4, 0.8


@dataclass(frozen=True, slots=True)
class Match:
    """One way a clause can match: a term (or a phrase of consecutive terms) in one stream."""

    stream: str
    terms: tuple[str, ...]
    prefix: bool = False  # the last term also matches the tokens it begins
    fuzzy: int = 0  # letters that may be wrong (single terms only)
    weight: float = TERM

    @property
    def phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True, slots=True)
class Clause:
    text: str  # the normalized piece of the query
    shape: str  # cjk | latin | number | mixed | code
    units: tuple[str, ...]  # a code's units (so, 202612, 00012); the piece itself otherwise
    prefix: bool  # the last piece, maybe not typed to its end
    alternatives: tuple[Match, ...]
    synonyms: tuple[str, ...] = ()  # the admins' synonyms of the piece, normalized (matched and marked as typed)


@dataclass(frozen=True, slots=True)
class QueryPlan:
    text: str  # the normalized query
    clauses: tuple[Clause, ...]  # all must match
    words: tuple[str, ...] = ()  # jieba words of the query's Chinese: rank documents that have the word
    exact: str = ""  # compared with the titles' and codes' exact keys: an exact match ranks first

    @property
    def empty(self) -> bool:
        return not self.clauses


def plan_query(text: str, *, prefix: bool = True, synonyms: Mapping[str, tuple[str, ...]] | None = None) -> QueryPlan:
    """The plan of what the user typed. With ``prefix`` (type-ahead, and search as Meilisearch does)
    the last piece may be incomplete, unless the text ends with a space. ``synonyms`` (normalized term
    -> its normalized synonyms, see :func:`synonym_map`): a piece that is such a term also matches
    each synonym as typed whole, a little lower."""
    text = text[:MAX_QUERY_CHARS]
    normalized = normalize(text)
    found = pieces(normalized)[:MAX_CLAUSES]
    open_end = prefix and bool(normalized) and not normalized[-1].isspace()
    clauses = []
    words: list[str] = []
    for i, piece in enumerate(found):
        last = open_end and i == len(found) - 1
        found_alternatives = _alternatives(piece, last)
        also = (synonyms or {}).get(piece.text, ())
        for synonym in also:
            for other in pieces(synonym)[:1]:
                found_alternatives += [replace(m, prefix=False, weight=m.weight * SYNONYM)
                                       for m in _alternatives(other, False)]
        alternatives = tuple(dict.fromkeys(found_alternatives))
        clauses.append(Clause(piece.text, piece.shape, piece.units, last, alternatives, also))
        if piece.shape == "cjk" and len(piece.text) > 1:
            words.extend(w for w in _py.run(piece.text).words if len(w) > 1)
    return QueryPlan(normalized.strip(), tuple(clauses), tuple(dict.fromkeys(words)), exact_key(text))


def _alternatives(piece: Piece, last: bool) -> list[Match]:
    text = piece.text
    if piece.shape == "cjk":
        if len(text) == 1:
            return [Match("seq", (text,))]
        return [Match("bigrams", tuple(text[i:i + 2] for i in range(len(text) - 1)))]
    if piece.shape == "latin":
        return _latin(text, last)
    if piece.shape == "number":
        out = [Match("seq", (text,)), Match("whole", (text,))]
        if last:
            out += [Match("seq", (text,), prefix=True, weight=PREFIX), Match("prefixes", (text,), weight=PREFIX)]
        return out
    # mixed (hp1020) and codes (so-202612-00012): whole, without connectors, or as their parts in a row
    sequence = tuple(p for unit in piece.units for p in parts(unit))
    wholes = list(dict.fromkeys([text, "".join(piece.units)]))
    out = [Match("whole", (w,)) for w in wholes]
    if len(sequence) > 1:
        out.append(Match("seq", sequence))
    if last:  # the edge prefixes of titles and codes: one term, however many codes begin so
        out += [Match("prefixes", (w,), weight=PREFIX) for w in wholes]
    return out


def _latin(word: str, last: bool) -> list[Match]:
    out = [Match("seq", (word,))]
    if last:
        out.append(Match("seq", (word,), prefix=True, weight=PREFIX))
    if len(word) >= FUZZY_MIN_LENGTH and word.isascii():
        out.append(Match("seq", (word,), fuzzy=1, weight=FUZZY))
    if not word.isascii() or len(word) < 2:  # one letter is too little to read as pinyin
        return out
    reading = _yu(word)
    if reading in _py.syllables():
        out.append(Match("pinyin", (reading,), weight=PINYIN))
    out.append(Match("pinyin_words", (reading,), weight=PINYIN))
    if last:
        out.append(Match("pinyin_words", (reading,), prefix=True, weight=PINYIN * PREFIX))
    if len(word) <= INITIALS_MAX_LENGTH:
        out.append(Match("initials_words", (word,), weight=INITIALS))
        if last:
            out.append(Match("initials_words", (word,), prefix=True, weight=INITIALS * PREFIX))
    return out


def _yu(word: str) -> str:
    """ü after l and n as the index spells it (v, as keyboards type it): lue and lve both read 略, nue
    and nve 虐. No other syllable has "ue" after l or n, and none ends in l, so this never misreads."""
    return word.replace("lue", "lve").replace("nue", "nve") if "ue" in word else word


def synonym_key(term: str) -> str:
    """A synonym as queries meet it: normalized (財務, ＶＡＴ and vat are 财务 and vat)."""
    return normalize(term).strip()


def synonym_map(groups: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Each normalized term of each group of synonyms -> the group's other normalized terms."""
    out: dict[str, tuple[str, ...]] = {}
    for group in groups:
        terms = list(dict.fromkeys(synonym_key(t) for t in group if t and t.strip()))
        for term in terms:
            out[term] = tuple(t for t in terms if t != term)
    return out
