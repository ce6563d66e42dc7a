"""Snippets with highlighted matches, for the embedded backend (and for the server backend's
hits ranked by vector alone, which the server had no words to highlight in).

tantivy's own snippet generator works on the stored text of an indexed field, which here is
pre-mapped (İ→i) and stripped of suffixes; so the snippet is cut from the original text instead,
tokenised by the very analyzers the index uses, and every token whose folded or stemmed form the
query looked for is wrapped in ``<mark>``. Output is HTML-safe.

Cost: a search highlights every hit of its page, so this runs 20 times a search. The text is
tokenised once (by the folding analyzer); a word's stem depends on the word alone, so stems come
from a process-wide table of the words already seen, and only new words go through the stemmer
(news vocabulary repeats: after a few searches almost none are new). That made highlighting
about 3x cheaper than running both analyzers over every hit's whole text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from kupur.core.turkish import map_turkish_i
from kupur.index.analysis import fold_analyzer, stem_analyzer

__all__ = ["HighlightTerms", "snippet"]

_FOLD = fold_analyzer()
_STEM = stem_analyzer()
_CONTEXT_BEFORE = 40
#: Word (as written, after İ/I mapping) → its stem, as the stem analyzer makes it. Emptied when
#: it reaches ``_STEMS_KEPT`` words (a few MB).
_STEMS: dict[str, str] = {}
_STEMS_KEPT = 200_000


@dataclass
class HighlightTerms:
    """What the positive parts of a query look for."""

    folded: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.folded or self.stems or self.prefixes)

    def matches(self, folded: str, stem: str) -> bool:
        return (
            folded in self.folded
            or stem in self.stems
            or any(folded.startswith(p) for p in self.prefixes)
        )


def snippet(text: str, terms: HighlightTerms, max_chars: int = 240) -> str:
    """The ``max_chars`` window of ``text`` with the most matches, matches in <mark>…</mark>."""
    spans = _matches(text, terms) if terms else []
    start = _best_start(text, spans, max_chars)
    end = min(len(text), start + max_chars)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    pieces: list[str] = ["…"] if start > 0 else []
    cursor = start
    for lo, hi in spans:
        if lo < start or hi > end:
            continue
        pieces.append(html.escape(text[cursor:lo]))
        pieces.append(f"<mark>{html.escape(text[lo:hi])}</mark>")
        cursor = hi
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces).strip()


def _matches(text: str, terms: HighlightTerms) -> list[tuple[int, int]]:
    """Character spans of the tokens ``terms`` match (``HighlightTerms.matches``)."""
    mapped = map_turkish_i(text)
    tokens = _FOLD.pre_tokenize(mapped).tokens
    words = [mapped[t.char_offset_from : t.char_offset_to] for t in tokens]
    stems = _stems(words) if terms.stems else {}
    folded_terms, stem_terms, prefixes = terms.folded, terms.stems, tuple(terms.prefixes)
    return [
        (token.char_offset_from, token.char_offset_to)
        for token, word in zip(tokens, words, strict=True)
        if token.text in folded_terms
        or (prefixes and token.text.startswith(prefixes))
        or stems.get(word) in stem_terms
    ]


def _stems(words: list[str]) -> dict[str, str]:
    """The stem of each word (each one token of the folding analyzer), from ``_STEMS`` or, for
    words not seen before, from the stem analyzer in one call."""
    stems: dict[str, str] = {}
    new: list[str] = []
    for word in dict.fromkeys(words):
        stem = _STEMS.get(word)
        if stem is None:
            new.append(word)
        else:
            stems[word] = stem
    if not new:
        return stems
    # Each word is one token of the same tokenizer, so the analyzer gives one stem a word.
    stemmed = [token.text for token in _STEM.pre_tokenize(" ".join(new)).tokens]
    if len(stemmed) != len(new):  # never expected; stay exact rather than fast
        stemmed = [_stem_alone(word) for word in new]
    fresh = dict(zip(new, stemmed, strict=True))
    if len(_STEMS) + len(fresh) > _STEMS_KEPT:
        _STEMS.clear()
    _STEMS.update(fresh)
    stems.update(fresh)
    return stems


def _stem_alone(word: str) -> str:
    tokens = _STEM.pre_tokenize(word).tokens
    return tokens[0].text if tokens else ""


def _best_start(text: str, spans: list[tuple[int, int]], max_chars: int) -> int:
    """Start of the window holding the most matches, a little context before the first one."""
    if not spans:
        return 0
    best_start, best_count = spans[0][0], 0
    for i, (lo, _) in enumerate(spans):
        count = sum(1 for _, hi in spans[i:] if hi <= lo + max_chars - _CONTEXT_BEFORE)
        if count > best_count:
            best_start, best_count = lo, count
    start = max(0, best_start - _CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start, best_start)
        start = space + 1 if space >= 0 else start
    return start
