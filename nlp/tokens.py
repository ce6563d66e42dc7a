"""Small token tests shared by the pipeline components.

The tokenizer (see ``kupur.nlp.pipeline``) splits an apostrophe suffix into a token of its own
("Samsun", "'da"), so a name never carries its case ending and ``is_suffix`` marks where it stops.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kupur.core.turkish import APOSTROPHES, turkish_title

__all__ = [
    "SENTENCE_BREAKS",
    "canonical_word",
    "covered",
    "is_cap",
    "is_suffix",
    "is_upper_word",
    "sentence_initial",
    "span_group",
]

SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "…", "-", "–", "—", "("})


def is_suffix(token: Token) -> bool:
    """An apostrophe suffix split off by the tokenizer ("'da", "’nın")."""
    text = token.text
    return len(text) > 1 and text[0] in APOSTROPHES


def is_cap(token: Token) -> bool:
    """Starts with an upper-case letter (Title case or ALL CAPS)."""
    first = token.text[:1]
    return first.isalpha() and first.isupper()


def is_upper_word(token: Token) -> bool:
    text = token.text
    return len(text) > 1 and text.isalpha() and text.isupper()


def sentence_initial(token: Token) -> bool:
    """First word of a sentence, a line, a quotation or a headline: capitals there say nothing."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return previous.text in SENTENCE_BREAKS or previous.is_space or "\n" in previous.whitespace_


def canonical_word(token: Token, keep_upper: frozenset[str] = frozenset()) -> str:
    """A word as it appears in a canonical name: ALL CAPS words are title-cased ("SAMSUN" →
    "Samsun") except abbreviations — three letters or fewer, or listed in ``keep_upper``."""
    text = token.text
    if is_upper_word(token) and len(text) > 3 and text not in keep_upper:
        return turkish_title(text)
    return text


def span_group(doc: Doc, key: str) -> list[Span]:
    """The spans of ``doc.spans[key]`` as a list (empty when the group does not exist)."""
    return list(doc.spans[key]) if key in doc.spans else []


def covered(doc: Doc, keys: tuple[str, ...]) -> set[int]:
    """Indices of tokens already claimed by spans of the given groups."""
    taken: set[int] = set()
    for key in keys:
        for span in span_group(doc, key):
            taken.update(range(span.start, span.end))
    return taken
