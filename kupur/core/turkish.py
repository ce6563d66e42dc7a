"""Turkish text primitives shared by the NLP stage, the index and the crawlers.

Python's ``str.lower`` is wrong for Turkish ("İ" → "i̇", "I" → "i"), so every comparison in Kupür
goes through ``turkish_lower``; ``fold`` then removes the letters a user may not type
("gumrukcu" for "Gümrükçü"). Apostrophe suffixes ("Samsun'da", "OKA’ya") are split off by
``strip_suffix`` because Turkish writes them attached to the name they inflect.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "APOSTROPHES",
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "fold",
    "fold_same_length",
    "map_turkish_i",
    "normalize_apostrophes",
    "search_key",
    "strip_suffix",
    "turkish_lower",
    "turkish_title",
    "turkish_upper",
]

#: Month names as written in running text, January first.
MONTH_NAMES = (
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
    "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık",
)  # fmt: skip
#: Day names, Monday first (``date.weekday()`` order).
WEEKDAY_NAMES = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")

#: Every apostrophe-like character seen attaching suffixes in Turkish news text.
APOSTROPHES = "'’‘`´ʼ"

_FOLD_MAP = str.maketrans(
    {"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"}
)
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_SUFFIX_RE = re.compile(f"^(?P<stem>.+?)[{APOSTROPHES}](?P<suffix>[^\\W\\d_]+)$")


_SAME_LENGTH_FOLD = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÇĞİIıÖŞÜÂÎÛçğöşüâîû",
    "abcdefghijklmnopqrstuvwxyzcgiiiosuaiucgosuaiu",
)


def map_turkish_i(text: str) -> str:
    """Only İ→i and I→ı (same length): after it any Unicode lower-case filter (an engine's, or
    ``str.lower``) lowers Turkish correctly."""
    # Two replaces, not str.translate: translate costs ~400x more on a typical article.
    return text.replace("İ", "i").replace("I", "ı")


def turkish_lower(text: str) -> str:
    """Lower-case by Turkish rules: İ→i, I→ı, then the usual mapping."""
    return map_turkish_i(text).lower()


def turkish_upper(text: str) -> str:
    """Upper-case by Turkish rules: i→İ, ı→I, then the usual mapping."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def turkish_title(text: str) -> str:
    """Capitalise each word by Turkish rules ("İZMİR İL MÜDÜRLÜĞÜ" → "İzmir İl Müdürlüğü")."""
    return " ".join(
        turkish_upper(word[:1]) + turkish_lower(word[1:]) if word else word
        for word in text.split(" ")
    )


def fold(text: str) -> str:
    """Turkish lower-case, then drop diacritics: the form a user typing on any keyboard matches."""
    lowered = turkish_lower(text).translate(_FOLD_MAP)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_same_length(text: str) -> str:
    """``fold`` for ASCII and Turkish letters one character for one, so positions in the folded
    copy are positions in ``text`` (other characters are left as they are)."""
    return text.translate(_SAME_LENGTH_FOLD)


def normalize_apostrophes(text: str) -> str:
    """Replace every apostrophe variant with ASCII ``'``."""
    return _APOSTROPHE_RE.sub("'", text)


def strip_suffix(token: str) -> str:
    """Drop an apostrophe suffix: "Samsun'da" → "Samsun", "OKA’ya" → "OKA", "2024'te" → "2024"."""
    match = _SUFFIX_RE.match(token)
    return match.group("stem") if match else token


def search_key(text: str) -> str:
    """Folded text with apostrophe suffixes removed word by word: the form used to compare names."""
    return " ".join(fold(strip_suffix(word)) for word in text.split())
