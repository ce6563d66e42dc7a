"""The query language parser: what it accepts and how it points at mistakes."""

from __future__ import annotations

from datetime import date

import pytest

from kupur.core.errors import QuerySyntaxError
from kupur.index.query import (
    And,
    DateRange,
    FieldFilter,
    Not,
    Or,
    Phrase,
    Term,
    free_text,
    parse_query,
)


def test_words_are_anded_and_or_binds_looser() -> None:
    assert parse_query("a b OR c") == Or((And((Term("a", 0), Term("b", 2))), Term("c", 7)))


def test_parentheses_not_and_minus() -> None:
    assert parse_query("NOT (a OR b) -c") == And(
        (Not(Or((Term("a", 5), Term("b", 10)))), Not(Term("c", 14)))
    )


def test_turkish_operators() -> None:
    assert parse_query("a VEYA b") == Or((Term("a", 0), Term("b", 7)))
    assert parse_query("a VE DEĞİL b") == And((Term("a", 0), Not(Term("b", 11))))


def test_lower_case_operators_are_words() -> None:
    assert parse_query("kadın and çocuk") == And(
        (Term("kadın", 0), Term("and", 6), Term("çocuk", 10))
    )


def test_phrase_and_prefix() -> None:
    assert parse_query('"aile ve sosyal" eğit*') == And(
        (Phrase("aile ve sosyal", 0), Term("eğit", 17, prefix=True))
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("il:Samsun", "province"),
        ("İL:Samsun", "province"),
        ("ilçe:Atakum", "district"),
        ("İLÇE:Atakum", "district"),
        ("ilce:Atakum", "district"),
        ("kişi:Kemal", "person"),
        ("kisi:Kemal", "person"),
        ("kurum:OKA", "organization"),
        ("proje:siroma", "project"),
        ("kaynak:aile.gov.tr", "source"),
        ("province:Samsun", "province"),
    ],
)
def test_field_names_with_and_without_turkish_letters(query: str, field: str) -> None:
    node = parse_query(query)
    assert isinstance(node, FieldFilter)
    assert node.field == field


def test_quoted_field_value() -> None:
    assert parse_query('kişi:"Kemal Gümrükçü"') == FieldFilter("person", "Kemal Gümrükçü", 0)


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("tarih:2025-11-01..2025-11-30", date(2025, 11, 1), date(2025, 11, 30)),
        ("tarih:2025-11", date(2025, 11, 1), date(2025, 11, 30)),
        ("tarih:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("tarih:2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("tarih:2025-11-01..", date(2025, 11, 1), None),
        ("tarih:..2025-11", None, date(2025, 11, 30)),
        ("tarih:01.11.2025..30.11.2025", date(2025, 11, 1), date(2025, 11, 30)),
    ],
)
def test_date_ranges(query: str, start: date | None, end: date | None) -> None:
    assert parse_query(query) == DateRange(start, end, 0)


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_none(query: str) -> None:
    assert parse_query(query) is None


@pytest.mark.parametrize(
    ("query", "position", "message"),
    [
        ('samsun "aile ve', 7, "never closed"),
        ("(samsun OR ordu", 0, "never closed"),
        ("samsun OR ordu)", 14, "no opening"),
        ("samsun OR", 7, "OR needs something after it"),
        ("AND samsun", 0, "AND cannot come here"),
        ("samsun AND OR ordu", 11, "OR cannot come here"),
        ("samsun ()", 7, "empty parentheses"),
        ("sam*sun", 3, "* may only end a word"),
        ("s*", 0, "at least 2 letters"),
        ("şehir:Samsun", 0, "unknown field 'şehir:'"),
        ("il:", 3, "il: needs a value"),
        ('kişi:""', 6, "needs a value"),
        ("tarih:2025-13-01", 6, "not a real date"),
        ("tarih:dün", 6, "not a date"),
        ("tarih:2025-11-30..2025-11-01", 6, "ends before it starts"),
        ("tarih:2025-11-01..yarın", 18, "not a date"),
        ("kurum:OK*", 8, "* is not allowed"),
        ("samsun ...", 7, "no letters or digits"),
    ],
)
def test_mistakes_point_at_the_problem(query: str, position: int, message: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    assert caught.value.position == position
    assert message in str(caught.value)
    # The message repeats the query with a caret under the problem.
    lines = str(caught.value).splitlines()
    assert lines[-2] == "  " + query
    assert lines[-1] == "  " + " " * position + "^"


def test_free_text_keeps_only_the_words_semantic_search_embeds() -> None:
    assert free_text(parse_query('yaşlı "evde bakım" il:Ordu tarih:2025 -ihale')) == (
        "yaşlı evde bakım"
    )
    assert free_text(parse_query("kooperatif OR hibe")) == "kooperatif hibe"
    assert free_text(parse_query("il:Ordu")) == ""
