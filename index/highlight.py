"""Snippets with highlighted matches, for the embedded backend (and for the server backend's
hits ranked by vector alone, which the server had no words to highlight in).

tantivy's own snippet generator works on the stored text of an indexed field, which here is
pre-mapped (İ→i) and stripped of suffixes; so the snippet is cut from the original text instead,
tokenised by the very analyzers the index uses, and every token whose folded or stemmed form the
query looked for is wrapped in ``<mark>``. Output is HTML-safe.
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
    mapped = map_turkish_i(text)
    folded = _FOLD.pre_tokenize(mapped).tokens
    stemmed = _STEM.pre_tokenize(mapped).tokens
    return [
        (f.char_offset_from, f.char_offset_to)
        for f, s in zip(folded, stemmed, strict=True)
        if terms.matches(f.text, s.text)
    ]


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
