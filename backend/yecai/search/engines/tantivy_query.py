"""A ``yecai.search.text`` query plan as tantivy queries: the clauses ANDed, their alternatives ORed
over the fields of each stream, filters that never score, and the ranking boosts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from yecai.search import text
from yecai.search.engine import SearchRequest

EXACT = "exact"  # the exact keys of title and code, one raw term each
EXACT_PREFIXES = "exact_prefixes"  # and every beginning of them
# An exact title or code beats any sum of BM25 scores; a title that starts with the query comes next.
EXACT_BOOST = 1000.0
STARTS_WITH_BOOST = 5.0
SUGGEST_STARTS_WITH_BOOST = 50.0
# A viewer's few access tags (or kinds, departments) are ORed terms: measured twice as fast as a
# term set, which pays for its term-dictionary automaton; a long list still takes the set.
ANY_OF_TERMS = 64


@dataclass(frozen=True)
class Filters:
    access: Query
    kinds: Query | None = None
    departments: Query | None = None
    dates: Query | None = None

    def base(self, *extra: Query | None) -> list[Query]:
        """Access and dates (never faceted), with what else is asked."""
        return [f for f in (self.access, self.dates, *extra) if f is not None]

    def all(self) -> list[Query]:
        return self.base(self.kinds, self.departments)


class QueryBuilder:
    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema

    def text(self, plan: text.QueryPlan, fields: Iterable[str] | None = None) -> Query:
        """Documents the plan matches: every clause, through any of its alternatives."""
        if plan.empty:
            return Query.all_query()
        allowed = None if fields is None else frozenset(fields)
        clauses = []
        for clause in plan.clauses:
            alternatives = [
                (Occur.Should, Query.boost_query(self._match(field, m), weight * m.weight))
                for m in clause.alternatives
                for field, weight in text.FIELDS[m.stream]
                if allowed is None or field in allowed
            ]
            clauses.append((Occur.Must, Query.boolean_query(alternatives) if alternatives else Query.empty_query()))
        return Query.boolean_query(clauses)

    def _match(self, field: str, m: text.Match) -> Query:
        terms = list(m.terms)
        if m.phrase:
            if m.prefix:
                return Query.phrase_prefix_query(self.schema, field, terms)
            return Query.phrase_query(self.schema, field, terms)
        if m.fuzzy:
            return Query.fuzzy_term_query(self.schema, field, terms[0], distance=m.fuzzy, transposition_cost_one=True)
        if m.prefix:
            # A distance-0 prefix automaton reaches every token that starts with the term (a phrase
            # prefix stops after 50 expansions); codes, with many such tokens, use edge prefixes.
            return Query.fuzzy_term_query(self.schema, field, terms[0], distance=0, prefix=True)
        return Query.term_query(self.schema, field, terms[0])

    def ranked(self, matched: Query, plan: text.QueryPlan, filters: list[Query], *, starts_with: bool = False) -> Query:
        """``matched`` within the filters, with the boosts that rank: jieba words, exact, starts with."""
        parts: list[tuple[Occur, Query]] = [(Occur.Must, matched)]
        parts += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters]
        for word in plan.words:
            for field, weight in text.FIELDS["words"]:
                parts.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, field, word), weight)))
        if plan.exact:
            exact = Query.term_query(self.schema, EXACT, plan.exact)
            parts.append((Occur.Should, Query.const_score_query(exact, EXACT_BOOST)))
            if len(plan.exact) <= text.PREFIX_CHARS:
                start = Query.term_query(self.schema, EXACT_PREFIXES, plan.exact)
                boost = SUGGEST_STARTS_WITH_BOOST if starts_with else STARTS_WITH_BOOST
                parts.append((Occur.Should, Query.const_score_query(start, boost)))
        return Query.boolean_query(parts)

    def filtered(self, matched: Query, filters: list[Query]) -> Query:
        return Query.boolean_query([(Occur.Must, matched)] + [(Occur.Must, f) for f in filters])

    def access(self, tags: frozenset[str]) -> Query:
        return self._any_of("access", sorted(tags))

    def filters(self, request: SearchRequest, department_term: Callable[[int | None], str]) -> Filters:
        kinds = departments = dates = None
        if request.kinds is not None:
            kinds = self._any_of("kind", list(request.kinds))
        if request.departments is not None:
            departments = self._any_of("department", [department_term(d) for d in request.departments])
        if request.date_from is not None or request.date_to is not None:
            # Day 0 is "no date": any date filter leaves those documents out.
            low = request.date_from.toordinal() if request.date_from else 1
            high = request.date_to.toordinal() if request.date_to else None
            dates = self._days(low, high)
        return Filters(self.access(request.access), kinds, departments, dates)

    def day_range(self, main: Query, low: int, high: int | None) -> Query:
        return Query.boolean_query([(Occur.Must, main), (Occur.Must, Query.const_score_query(self._days(low, high), 0.0))])

    def _days(self, low: int, high: int | None) -> Query:
        return Query.range_query(self.schema, "day", tantivy.FieldType.Integer, low, high)

    def _any_of(self, field: str, values: list[str]) -> Query:
        if not values:
            return Query.empty_query()
        if len(values) == 1:
            return Query.term_query(self.schema, field, values[0])
        if len(values) <= ANY_OF_TERMS:
            return Query.boolean_query([(Occur.Should, Query.term_query(self.schema, field, v)) for v in values])
        return Query.term_set_query(self.schema, field, values)
