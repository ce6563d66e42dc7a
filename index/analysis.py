"""Turkish text analysis shared by every backend.

Two analyses of the same text, as in the Elasticsearch template:

* **folded** — simple tokenizer → lower-case → ASCII folding: "Gümrükçü" → ``gumrukcu``. Exact
  words, phrases, prefixes and entity names use it.
* **stemmed** — the same with the Snowball Turkish stemmer before folding: "projeler" → ``proje``.

The Snowball stemmer over-stems ("aile" → ``ai``, "Samsun" → ``sams``, "OKA" → ``ok``), so a query
word is matched on the stemmed field only when its stem is *safe*: at least three letters and the
word is not an entity name known to the index (``protected``). Otherwise the stemmed field is
searched for the unstemmed folded word (when it has three letters or more), which still finds inflections the stemmer brings back to
it ("ailenin" → ``aile``) but never "AI"; and "Samsun'da" finds "Samsun" because the apostrophe
splits the suffix off into a token of its own.

tantivy's lower-case filter is not Turkish-aware ("İ" becomes "i" + a combining dot), so text and
queries are pre-mapped (İ→i, I→ı) before they reach it; the mapping keeps every character offset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import tantivy

from kupur.core.turkish import (
    APOSTROPHES,
    fold_same_length,
    map_turkish_i,
    normalize_apostrophes,
    strip_suffix,
)

__all__ = [
    "FOLD_TOKENIZER",
    "STEM_TOKENIZER",
    "AnalyzedWord",
    "analyze_word",
    "fold_analyzer",
    "fold_tokens",
    "index_text",
    "name_key",
    "protect_names",
    "stem_analyzer",
    "stem_tokens",
]

FOLD_TOKENIZER = "kupur_fold"
STEM_TOKENIZER = "kupur_stem"
_MIN_SAFE_STEM = 3
_SUFFIX_IN_TEXT_RE = re.compile(f"(?<=[^\\W_])[{APOSTROPHES}][^\\W\\d_]+")


def index_text(text: str) -> str:
    """The text an engine indexes: apostrophe suffixes dropped ("Samsun'da" → "Samsun"), so
    phrases match across them exactly as Elasticsearch's ``apostrophe`` filter does."""
    return map_turkish_i(_SUFFIX_IN_TEXT_RE.sub("", text))


def protect_names(text: str, words: Iterable[str]) -> str:
    """Mark each whole-word occurrence of ``words`` (folded entity words) in index text so the
    stemmer leaves it alone: a trailing digit ends every Turkish suffix rule ("atakum" →
    ``atakum0``, never ``atak``). Used on the stemmed fields only; queries for those words use the
    folded fields. Plain string search on a same-length folded copy: no regex to compile."""
    folded = fold_same_length(text)
    ends: set[int] = set()
    for word in words:
        start = folded.find(word)
        while start >= 0:
            end = start + len(word)
            before_ok = start == 0 or not folded[start - 1].isalnum()
            after_ok = end == len(folded) or not folded[end].isalnum()
            if before_ok and after_ok:
                ends.add(end)
            start = folded.find(word, end)
    if not ends:
        return text
    pieces, cursor = [], 0
    for end in sorted(ends):
        pieces += [text[cursor:end], "0"]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def fold_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(64))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def stem_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(64))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("turkish"))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


_FOLD = fold_analyzer()
_STEM = stem_analyzer()


def fold_tokens(text: str) -> list[str]:
    """Folded tokens of ``text``, suffixes dropped ("Samsun’dan Ordu'ya" → ["samsun", "ordu"])."""
    return list(_FOLD.analyze(index_text(text)))


def stem_tokens(text: str) -> list[str]:
    return list(_STEM.analyze(index_text(text)))


def name_key(name: str) -> str:
    """The key an entity name is compared by: "Kemal GÜMRÜKÇÜ'nün" → ``kemal gumrukcu``."""
    return " ".join(fold_tokens(name))


@dataclass(frozen=True)
class AnalyzedWord:
    """A query word after analysis. ``folded`` has several tokens for "aile.gov.tr" or "e-devlet"
    (matched as a phrase); ``stem`` is the term to look up in the stemmed field for a one-token
    word: its stem when stemming is safe, else the folded word itself, else None. ``name`` is the
    entity name the word inflects when typed without an apostrophe ("samsunda" → ``samsun``),
    looked up in the folded fields below exact matches."""

    folded: tuple[str, ...]
    stem: str | None
    name: str | None = None


def _no_name(word: str) -> str | None:
    return None


def analyze_word(
    text: str,
    is_protected: Callable[[str], bool],
    name_of: Callable[[str], str | None] = _no_name,
) -> AnalyzedWord:
    """Analyse one typed word: apostrophe suffix dropped, folded, and stemmed when safe.
    ``is_protected`` says whether a folded word is an entity name that must not be stemmed;
    ``name_of`` which name a folded word inflects, if any (``inflection.inflected_name``)."""
    word = strip_suffix(normalize_apostrophes(text))
    folded = tuple(fold_tokens(word))
    if len(folded) != 1:
        return AnalyzedWord(folded, None)
    name = name_of(folded[0])
    if not is_protected(folded[0]):
        stems = stem_tokens(word)
        if len(stems) == 1 and len(stems[0]) >= _MIN_SAFE_STEM:
            return AnalyzedWord(folded, stems[0], name)
    # Unsafe to stem: the stemmed field is still searched for the word itself unless it is so
    # short that it equals over-stemmed forms of longer words ("ai" is how "aile" is stored).
    return AnalyzedWord(folded, folded[0] if len(folded[0]) >= _MIN_SAFE_STEM else None, name)
