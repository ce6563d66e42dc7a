"""Translate a parsed query (``kupur.index.query``) into tantivy ``Query`` objects.

Only tantivy's query builders are used, never its query-string parser, so no user text can reach
tantivy's own syntax. The field layout is the one ``kupur.index.tantivy_backend`` creates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import tantivy
from tantivy import Occur, Query

from kupur.core.models import ISTANBUL
from kupur.index.analysis import analyze_word, fold_tokens
from kupur.index.highlight import HighlightTerms
from kupur.index.query import And, DateRange, FieldFilter, Node, Not, Phrase, Term

__all__ = ["TantivyQueryBuilder", "date_bounds"]

#: Weights: the title counts double; an exact (folded) match beats a stemmed one, and both beat
#: the name an inflected word was read as ("samsunda" → Samsun).
_TITLE_EXACT, _BODY_EXACT, _TITLE_STEM, _BODY_STEM = 3.0, 1.5, 2.0, 1.0
_TITLE_NAME, _BODY_NAME = 1.0, 0.5

_KEY_FIELDS = {"province": "province_key", "district": "district_key"}
_WORD_FIELDS = {
    "person": "person_words",
    "organization": "organization_words",
    "project": "project_words",
    "source": "source_words",
}


#: The days tantivy's nanosecond dates can hold (1677-09-21 to 2262-04-11, whole years kept).
_FIRST_DAY, _LAST_DAY = date(1678, 1, 1), date(2261, 12, 31)


def date_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Inclusive Istanbul days → [first instant, instant after the last day).

    Days beyond the years an index can hold are clamped to them, so ``tarih:9999`` or
    ``--since 0001-01-01`` is an empty or open range rather than an overflow."""
    if start:
        start = min(max(start, _FIRST_DAY), _LAST_DAY + timedelta(days=1))
    if end:
        end = max(min(end, _LAST_DAY), _FIRST_DAY - timedelta(days=1))
    low = datetime.combine(start, time(), ISTANBUL) if start else None
    high = datetime.combine(end + timedelta(days=1), time(), ISTANBUL) if end else None
    return low, high


class TantivyQueryBuilder:
    """Builds queries against one schema; collects what the hits' snippets should highlight."""

    def __init__(
        self,
        schema: tantivy.Schema,
        is_protected: Callable[[str], bool],
        name_of: Callable[[str], str | None] = lambda word: None,
    ) -> None:
        self.schema = schema
        self.is_protected = is_protected
        self.name_of = name_of
        self.highlight = HighlightTerms()

    def build(self, node: Node, *, negated: bool = False) -> Query:
        if isinstance(node, Term):
            return self._term(node, negated)
        if isinstance(node, Phrase):
            return self._text_phrase(fold_tokens(node.text), negated)
        if isinstance(node, FieldFilter):
            return self.field_filter(node)
        if isinstance(node, DateRange):
            return self.date_range(node.start, node.end)
        if isinstance(node, Not):
            return self._and([(Occur.MustNot, self.build(node.child, negated=not negated))])
        if isinstance(node, And):
            return self._and([self._clause(child, negated) for child in node.children])
        should = [(Occur.Should, self.build(child, negated=negated)) for child in node.children]
        return Query.boolean_query(should)

    def _clause(self, child: Node, negated: bool) -> tuple[Occur, Query]:
        if isinstance(child, Not):
            return Occur.MustNot, self.build(child.child, negated=not negated)
        return Occur.Must, self.build(child, negated=negated)

    @staticmethod
    def _and(clauses: list[tuple[Occur, Query]]) -> Query:
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses = [(Occur.Must, Query.all_query()), *clauses]
        return Query.boolean_query(clauses)

    def _term(self, node: Term, negated: bool) -> Query:
        if node.prefix:
            return self._prefix(fold_tokens(node.text), negated)
        word = analyze_word(node.text, self.is_protected, self.name_of)
        if len(word.folded) != 1:
            return self._text_phrase(list(word.folded), negated)
        folded = word.folded[0]
        clauses = [
            (Occur.Should, self._boosted("title_fold", folded, _TITLE_EXACT)),
            (Occur.Should, self._boosted("body_fold", folded, _BODY_EXACT)),
        ]
        if word.stem is not None:
            clauses += [
                (Occur.Should, self._boosted("title_stem", word.stem, _TITLE_STEM)),
                (Occur.Should, self._boosted("body_stem", word.stem, _BODY_STEM)),
            ]
        if word.name is not None:
            clauses += [
                (Occur.Should, self._boosted("title_fold", word.name, _TITLE_NAME)),
                (Occur.Should, self._boosted("body_fold", word.name, _BODY_NAME)),
            ]
        if not negated:
            self.highlight.folded.add(folded)
            if word.stem is not None:
                self.highlight.stems.add(word.stem)
            if word.name is not None:
                self.highlight.folded.add(word.name)
        return Query.boolean_query(clauses)

    def _boosted(self, field: str, value: str, boost: float) -> Query:
        return Query.boost_query(Query.term_query(self.schema, field, value), boost)

    def _text_phrase(self, tokens: list[str], negated: bool) -> Query:
        words: list[str | tuple[int, str]] = list(tokens)
        if not tokens:
            return Query.empty_query()
        if not negated:
            self.highlight.folded.update(tokens)
        if len(tokens) == 1:
            title = self._boosted("title_fold", tokens[0], _TITLE_EXACT)
            body = self._boosted("body_fold", tokens[0], _BODY_EXACT)
        else:
            title = Query.boost_query(
                Query.phrase_query(self.schema, "title_fold", words), _TITLE_EXACT
            )
            body = Query.boost_query(
                Query.phrase_query(self.schema, "body_fold", words), _BODY_EXACT
            )
        return Query.boolean_query([(Occur.Should, title), (Occur.Should, body)])

    def _prefix(self, tokens: list[str], negated: bool) -> Query:
        words: list[str | tuple[int, str]] = list(tokens)
        if not tokens:
            return Query.empty_query()
        if not negated:
            self.highlight.folded.update(tokens[:-1])
            self.highlight.prefixes.add(tokens[-1])
        if len(tokens) == 1:
            # Folded tokens hold only letters and digits, so they are literal in a regex.
            pattern = f"{tokens[0]}.*"
            parts = [
                Query.boost_query(Query.regex_query(self.schema, "title_fold", pattern), 2.0),
                Query.regex_query(self.schema, "body_fold", pattern),
            ]
        else:
            parts = [
                Query.boost_query(Query.phrase_prefix_query(self.schema, "title_fold", words), 2.0),
                Query.phrase_prefix_query(self.schema, "body_fold", words),
            ]
        return Query.boolean_query([(Occur.Should, part) for part in parts])

    def field_filter(self, node: FieldFilter) -> Query:
        tokens = fold_tokens(node.value)
        if not tokens:
            return Query.empty_query()
        if node.field in _KEY_FIELDS:
            return Query.term_query(self.schema, _KEY_FIELDS[node.field], " ".join(tokens))
        field = _WORD_FIELDS[node.field]
        if len(tokens) == 1:
            return Query.term_query(self.schema, field, tokens[0])
        return Query.phrase_query(self.schema, field, list[str | tuple[int, str]](tokens))

    def provinces(self, names: list[str]) -> Query:
        keys = [" ".join(fold_tokens(name)) for name in names]
        return Query.term_set_query(self.schema, "province_key", keys)

    def date_range(self, start: date | None, end: date | None) -> Query:
        low, high = date_bounds(start, end)
        kind = tantivy.FieldType.Date
        # tantivy rejects an inclusion flag on an open end.
        if low is None:
            return Query.range_query(
                self.schema, "published_at", kind, upper_bound=high, include_upper=False
            )
        if high is None:
            return Query.range_query(self.schema, "published_at", kind, lower_bound=low)
        return Query.range_query(
            self.schema, "published_at", kind, low, high, include_lower=True, include_upper=False
        )
