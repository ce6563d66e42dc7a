"""Turkish publication dates as news sites write them.

Handled forms: "26 Eylül 2019, Perşembe", "November 20, 2025" and "20 November 2025" (English-locale
WordPress), "4 Kasım 2025", "24 MAYIS 2024", "14.12.2025",
"20 Ocak 2026 Salı - 14:33:05", "Güncelleme: 05.01.2026 - 09:12", ISO 8601 and RFC 822 (feeds).
A label in front of a date ("Yayınlanma:", "Güncelleme:") says whether it is the publication or
the update moment. A date without a zone is Istanbul time. A date in the future (beyond a small
allowance for clock skew) is no publication date and is dropped.

Regular expressions cover the forms above exactly and fast; dateparser (with ``languages=["tr"]``
and a Turkish-lower-cased input, see ENGINEERING.md) is only a fallback for metadata strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import Literal

from kupur.core.models import ISTANBUL
from kupur.core.turkish import MONTH_NAMES, WEEKDAY_NAMES, fold

__all__ = ["DateKind", "FoundDate", "find_dates", "parse_date"]

DateKind = Literal["published", "updated"]

#: Allowance for clocks that disagree; anything later than now + this is "from the future".
FUTURE_ALLOWANCE = timedelta(hours=1)

#: Folded Turkish month names and their three-letter abbreviations ("eyl", "ags" for Ağustos too).
_MONTHS = {fold(name): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({fold(name)[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)})
_MONTHS["ags"] = 8
#: English month names: WordPress installs left in the English locale print "November 20, 2025"
#: on Turkish sites. "mar" and "may" already stand for the same months in Turkish.
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTHS.update(_EN_MONTHS)
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_MONTH_ALT = "|".join(sorted([*_EN_MONTHS, "may", "mar"], key=len, reverse=True))
_EN_WEEKDAY_ALT = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_ALT = "|".join(sorted((fold(day) for day in WEEKDAY_NAMES), key=len, reverse=True))
_TIME = r"(?:[\s,]*(?:[-–—|/]\s*)?(?:saat\s*:?\s*)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?)?"
_ZONE = r"(?P<tz>z|[+-]\d{2}:?\d{2})?"

_ISO_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[t ](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?\s*" + _ZONE + r")?"
)
_TEXT_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.?\s+(?P<mon>" + _MONTH_ALT + r")\.?\s+(?P<y>\d{4})(?!\d)"
    r"(?:[\s,]*(?:" + _WEEKDAY_ALT + r"))?" + _TIME.replace("[:.]", ":")
)
#: The English order, month first: "November 20, 2025", "Nov 20, 2025 at 14:30".
_EN_TEXT_RE = re.compile(
    r"(?:(?:" + _EN_WEEKDAY_ALT + r"),?\s+)?(?<![a-z])(?P<mon>" + _EN_MONTH_ALT + r")\.?\s+"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)"
    + _TIME.replace("[:.]", ":").replace("saat", "(?:saat|at)")
)
_NUMERIC_RE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
    r"(?:[\s,]*(?:" + _WEEKDAY_ALT + r"))?" + _TIME.replace("[:.]", ":")
)
_RFC822_RE = re.compile(r"^\s*(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}", re.I)

_UPDATED_LABEL = re.compile(r"(guncelle\w*|degistiril\w*|duzenlen\w*|son\s+guncelleme)\s*:?\s*$")
_PUBLISHED_LABEL = re.compile(
    r"(yayin\w*|yayim\w*|eklen\w*|olusturul\w*|kayit\s+tarihi|haber\s+tarihi|tarih\w*)\s*:?\s*$"
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text; ``kind`` comes from a label in front of it, if there was one."""

    moment: datetime
    kind: DateKind | None
    start: int
    end: int


def _build(
    year: int, month: int, day: int, hh: str | None, mi: str | None, ss: str | None, tz: str | None
) -> datetime | None:
    try:
        moment = datetime(
            year, month, day, int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=_zone(tz)
        )
    except ValueError:
        return None
    return moment if 1990 <= year <= 2100 else None


def _zone(text: str | None) -> tzinfo:
    if not text:
        return ISTANBUL
    if text == "z":
        return UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _not_future(moment: datetime | None, now: datetime | None) -> datetime | None:
    if moment is None:
        return None
    reference = now or datetime.now(UTC)
    return None if moment > reference + FUTURE_ALLOWANCE else moment


def _candidates(folded: str) -> list[tuple[int, int, datetime]]:
    found: list[tuple[int, int, datetime]] = []
    for match in _ISO_RE.finditer(folded):
        g = match.groupdict()
        moment = _build(int(g["y"]), int(g["m"]), int(g["d"]), g["hh"], g["mi"], g["ss"], g["tz"])
        if moment is not None:
            found.append((match.start(), match.end(), moment))
    for match in _TEXT_RE.finditer(folded):
        g = match.groupdict()
        month = _MONTHS[g["mon"]]
        moment = _build(int(g["y"]), month, int(g["d"]), g["hh"], g["mi"], g["ss"], None)
        if moment is not None:
            found.append((match.start(), match.end(), moment))
    for match in _EN_TEXT_RE.finditer(folded):
        g = match.groupdict()
        moment = _build(
            int(g["y"]), _MONTHS[g["mon"]], int(g["d"]), g["hh"], g["mi"], g["ss"], None
        )
        if moment is not None:
            found.append((match.start(), match.end(), moment))
    for match in _NUMERIC_RE.finditer(folded):
        g = match.groupdict()
        moment = _build(int(g["y"]), int(g["m"]), int(g["d"]), g["hh"], g["mi"], g["ss"], None)
        if moment is not None:
            found.append((match.start(), match.end(), moment))
    found.sort(key=lambda item: item[0])
    kept: list[tuple[int, int, datetime]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def find_dates(text: str, *, now: datetime | None = None) -> list[FoundDate]:
    """Every date in ``text`` in order, each with the kind its label gives (None if unlabelled).

    Dates from the future are left out.
    """
    folded = fold(text)
    results: list[FoundDate] = []
    previous_end = 0
    for start, end, moment in _candidates(folded):
        if _not_future(moment, now) is None:
            previous_end = end
            continue
        before = folded[previous_end:start][-40:]
        kind: DateKind | None = None
        if _UPDATED_LABEL.search(before):
            kind = "updated"
        elif _PUBLISHED_LABEL.search(before):
            kind = "published"
        results.append(FoundDate(moment, kind, start, end))
        previous_end = end
    return results


def parse_date(text: str | None, *, now: datetime | None = None) -> datetime | None:
    """The first date in ``text`` (a metadata value, a date line), aware, or None.

    ISO strings keep their offset; RFC 822 (RSS) strings keep theirs; anything without a zone is
    Europe/Istanbul. Future dates give None.
    """
    if not text or not text.strip():
        return None
    if _RFC822_RE.match(text):
        try:
            return _not_future(parsedate_to_datetime(text.strip()), now)
        except (TypeError, ValueError):
            pass
    found = find_dates(text, now=now)
    if found:
        return found[0].moment
    if _candidates(fold(text)):  # there was a date, but from the future
        return None
    return _not_future(_dateparser_fallback(text), now)


def _dateparser_fallback(text: str) -> datetime | None:
    if len(text) > 80 or not re.search(r"\d{4}", text):
        return None
    import dateparser

    from kupur.core.turkish import turkish_lower

    moment = dateparser.parse(
        turkish_lower(text),
        languages=["tr"],
        settings={
            "TIMEZONE": "Europe/Istanbul",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
        },
    )
    return moment if isinstance(moment, datetime) else None
