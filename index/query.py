"""Kupür's query language: what staff type into the search box, parsed into a small tree.

    samsun "aile ve sosyal" (proje OR program) NOT ihale kurum:OKA tarih:2025-11-01..2025-11-30

* words match with Turkish stemming and without Turkish letters ("projeler" finds "proje",
  "gumrukcu" finds "Gümrükçü"); a word ending in ``*`` is a prefix (``eğit*``);
* ``"quoted text"`` is an exact phrase (no stemming; a one-word phrase is one exact word);
* ``AND`` / ``OR`` / ``NOT`` (also ``VE`` / ``VEYA`` / ``DEĞİL``, upper-case only), ``-word``
  and parentheses; adjacent terms are ANDed;
* field filters ``il:``, ``ilçe:``, ``kişi:``, ``kurum:``, ``proje:``, ``kaynak:``, ``tarih:``, with
  or without Turkish letters and in any case (English names work too: ``province:``...).

The tree is backend-neutral: each backend translates it with its own builders (never by pasting a
user's text into the engine's query syntax). Every mistake raises ``QuerySyntaxError`` with the
position of the problem.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from kupur.core.entity_kinds import ENTITY_KINDS
from kupur.core.errors import QuerySyntaxError
from kupur.core.turkish import fold

__all__ = [
    "FIELD_NAMES",
    "And",
    "DateRange",
    "EntityField",
    "FieldFilter",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Term",
    "free_text",
    "parse_query",
]

EntityField = Literal["province", "district", "person", "organization", "project", "source"]

#: Accepted field names (folded, so "ilçe", "İLÇE" and "ilce" are one) and what they filter on.
FIELD_NAMES: dict[str, EntityField | Literal["date"]] = {
    **{
        alias: cast(EntityField, kind.singular)
        for kind in ENTITY_KINDS
        for alias in kind.field_aliases
    },
    "kaynak": "source",
    "source": "source",
    "tarih": "date",
    "date": "date",
}

_OPERATORS = {
    "AND": "AND",
    "VE": "AND",
    "OR": "OR",
    "VEYA": "OR",
    "NOT": "NOT",
    "DEĞİL": "NOT",
    "DEGIL": "NOT",
}
_MIN_PREFIX = 2
_FIELD_RE = re.compile(r"^([^\W\d]+):")
_HAS_TEXT_RE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Term:
    """A word as typed; ``prefix`` when it ended in ``*`` (the star is not in ``text``)."""

    text: str
    position: int
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Quoted text: its words in this order, matched exactly (folded, not stemmed)."""

    text: str
    position: int


@dataclass(frozen=True)
class FieldFilter:
    """``il:Samsun``: articles whose ``field`` entities include a name matching ``value``."""

    field: EntityField
    value: str
    position: int


@dataclass(frozen=True)
class DateRange:
    """``tarih:A..B``: publication day (Europe/Istanbul) from ``start`` to ``end`` inclusive."""

    start: date | None
    end: date | None
    position: int


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | Phrase | FieldFilter | DateRange | And | Or | Not


def free_text(node: Node | None) -> str:
    """The words and phrases a query asks for, in order, without field filters, dates or negated
    parts: what semantic search embeds ("yaşlı bakımı il:Ordu -ihale" → "yaşlı bakımı")."""
    if isinstance(node, Term | Phrase):
        return node.text
    if isinstance(node, And | Or):
        return " ".join(part for child in node.children if (part := free_text(child)))
    return ""


@dataclass(frozen=True)
class _Token:
    kind: Literal["word", "phrase", "field", "lparen", "rparen", "op", "minus"]
    text: str
    position: int
    #: For "field" tokens: the canonical field; ``text`` holds the value, ``quoted`` its form.
    field: str = ""
    quoted: bool = False


def parse_query(query: str) -> Node | None:
    """Parse ``query``; ``None`` for an empty query (callers decide whether that means "all")."""
    tokens = _tokenize(query)
    if not tokens:
        return None
    parser = _Parser(query, tokens)
    return parser.parse()


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            tokens.append(_Token("lparen", ch, i))
            i += 1
        elif ch == ")":
            tokens.append(_Token("rparen", ch, i))
            i += 1
        elif ch == '"':
            text, end = _read_phrase(query, i)
            tokens.append(_Token("phrase", text, i))
            i = end
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != ")":
            tokens.append(_Token("minus", ch, i))
            i += 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] not in '()"':
                i += 1
            word = query[start:i]
            match = _FIELD_RE.match(word)
            if match:
                tokens.append(_field_token(query, match.group(1), word, start, i))
                if i < n and query[i] == '"' and word.endswith(":"):
                    text, i = _read_phrase(query, i)
                    last = tokens[-1]
                    tokens[-1] = _Token("field", text, last.position, last.field, quoted=True)
            elif word in _OPERATORS:
                tokens.append(_Token("op", _OPERATORS[word], start))
            else:
                tokens.append(_Token("word", word, start))
    return tokens


def _read_phrase(query: str, start: int) -> tuple[str, int]:
    end = query.find('"', start + 1)
    if end < 0:
        raise QuerySyntaxError("this quotation mark is never closed", query, start)
    return query[start + 1 : end], end + 1


def _field_token(query: str, name: str, word: str, start: int, end: int) -> _Token:
    field = FIELD_NAMES.get(fold(name))
    if field is None:
        known = ", ".join([*(kind.field for kind in ENTITY_KINDS), "kaynak", "tarih"])
        raise QuerySyntaxError(
            f"unknown field '{name}:' (known fields: {known}); "
            'put the text in quotes to search for it as words: "' + word + '"',
            query,
            start,
        )
    return _Token("field", word[len(name) + 1 :], start, field)


#: Deeper nesting (parentheses, NOT NOT …) is refused before it could exhaust Python's recursion limit.
_MAX_DEPTH = 32


class _Parser:
    """Recursive descent: or_expr := and_expr (OR and_expr)*; and_expr := unary ([AND] unary)*."""

    def __init__(self, query: str, tokens: list[_Token]) -> None:
        self.query = query
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def error(self, message: str, position: int) -> QuerySyntaxError:
        return QuerySyntaxError(message, self.query, position)

    def enter(self, token: _Token) -> None:
        """One level deeper (a parenthesis or a NOT); refused past ``_MAX_DEPTH``."""
        if self.depth >= _MAX_DEPTH:
            raise self.error(f"more than {_MAX_DEPTH} nested parentheses or NOTs", token.position)
        self.depth += 1

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def parse(self) -> Node:
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            # Only a stray ")" can stop the top-level expression early.
            raise self.error("this closing parenthesis has no opening one", token.position)
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.index += 1
            children.append(self.and_expr(after=token))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, after: _Token | None = None) -> Node:
        children = [self.unary(after)]
        while (token := self.peek()) is not None and token.kind != "rparen":
            if token.kind == "op" and token.text == "OR":
                break
            if token.kind == "op" and token.text == "AND":
                self.index += 1
                children.append(self.unary(token))
            else:
                children.append(self.unary(None))
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self, after: _Token | None) -> Node:
        token = self.peek()
        if token is None:
            if after is not None:
                raise self.error(f"{after.text} needs something after it", after.position)
            raise self.error("the query ends too early", len(self.query))
        if (token.kind == "op" and token.text == "NOT") or token.kind == "minus":
            self.index += 1
            self.enter(token)
            node = Not(self.unary(token))
            self.depth -= 1
            return node
        return self.primary(after)

    def primary(self, after: _Token | None) -> Node:
        token = self.peek()
        assert token is not None  # unary() checked
        self.index += 1
        if token.kind == "lparen":
            if (inner := self.peek()) is not None and inner.kind == "rparen":
                raise self.error("empty parentheses", token.position)
            self.enter(token)
            node = self.or_expr()
            self.depth -= 1
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise self.error("this parenthesis is never closed", token.position)
            self.index += 1
            return node
        if token.kind == "rparen":
            raise self.error("this closing parenthesis has no opening one", token.position)
        if token.kind == "op":
            where = f" after {after.text}" if after is not None else ""
            raise self.error(f"{token.text} cannot come here{where}", token.position)
        if token.kind == "phrase":
            return self.phrase(token)
        if token.kind == "field":
            return self.field(token)
        return self.word(token)

    def phrase(self, token: _Token) -> Phrase:
        if not _HAS_TEXT_RE.search(token.text):
            raise self.error("this phrase has no letters or digits to search for", token.position)
        return Phrase(token.text, token.position)

    def word(self, token: _Token) -> Term:
        text, prefix = token.text, False
        if text.endswith("*"):
            text, prefix = text[:-1], True
        if "*" in text:
            star = token.position + text.index("*")
            raise self.error("* may only end a word (a prefix such as eğit*)", star)
        if not _HAS_TEXT_RE.search(text):
            raise self.error(
                f"'{token.text}' has no letters or digits to search for", token.position
            )
        if prefix and len(_HAS_TEXT_RE.findall(text)) < _MIN_PREFIX:
            raise self.error(
                f"a prefix needs at least {_MIN_PREFIX} letters before *", token.position
            )
        return Term(text, token.position, prefix)

    def field(self, token: _Token) -> FieldFilter | DateRange:
        name_end = self.query.index(":", token.position)
        value_at = name_end + 1 + (1 if token.quoted else 0)
        if not _HAS_TEXT_RE.search(token.text):
            example = "tarih:2025-11-01..2025-11-30" if token.field == "date" else "il:Samsun"
            raise self.error(
                f"{self.query[token.position : name_end + 1]} needs a value, e.g. {example}",
                value_at,
            )
        if token.field == "date":
            return _date_range(self.query, token.text, value_at, token.position)
        if "*" in token.text:
            star = value_at + token.text.index("*")
            raise self.error("field filters match whole names; * is not allowed here", star)
        return FieldFilter(token.field, token.text.strip(), token.position)  # type: ignore[arg-type]


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DOTTED_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _date_range(query: str, value: str, at: int, position: int) -> DateRange:
    if ".." in value:
        left, right = value.split("..", 1)
        start = _period(query, left, at, first=True) if left else None
        end = _period(query, right, at + len(left) + 2, first=False) if right else None
        if start is None and end is None:
            raise QuerySyntaxError("a date range needs at least one end", query, at)
        if start is not None and end is not None and start > end:
            raise QuerySyntaxError("this date range ends before it starts", query, at)
        return DateRange(start, end, position)
    return DateRange(
        _period(query, value, at, first=True), _period(query, value, at, first=False), position
    )


def _period(query: str, text: str, at: int, *, first: bool) -> date:
    """First or last day of a YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY period."""
    if dotted := _DOTTED_DATE_RE.match(text):
        parts: tuple[str | None, ...] = (dotted.group(3), dotted.group(2), dotted.group(1))
    elif plain := _DATE_RE.match(text):
        parts = plain.groups()
    else:
        raise QuerySyntaxError(
            f"'{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-11-01)",
            query,
            at,
        )
    year, month, day = (int(p) if p else None for p in parts)
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1) if first else date(year, 12, 31)
        if day is None:
            start = date(year, month, 1)
            if first:
                return start
            return start.replace(day=calendar.monthrange(year, month)[1])
        return date(year, month, day)
    except ValueError:
        raise QuerySyntaxError(f"'{text}' is not a real date", query, at) from None
