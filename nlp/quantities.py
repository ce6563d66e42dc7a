"""Dates and counted figures.

Dates are reported in ISO form, as precise as the text: "12 Mart 2025" and "12.03.2025" →
"2025-03-12", "Mart 2025" → "2025-03", "2025 yılında" → "2025", "12 Mart'ta" (no year) →
"--03-12" (ISO 8601's month-day form).

Figures are numbers in Turkish notation ("17.076" is 17076, "4,2" is 4.2, "1,5 milyon", "5 bin
200", "yüzde 45", "%45") with the words after them that say what they count ("149 mobil sosyal
hizmet ekibi" → unit "mobil sosyal hizmet ekibi"). Years, dates, and numbers inside names ("100
Günlük ... Programı", "19 Mayıs") are not figures.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kupur.nlp.gazetteer import norm_text
from kupur.nlp.lexicon import MONTHS
from kupur.nlp.tokens import covered

__all__ = ["Quantities", "parse_number"]

_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_TEXT_DATE = re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH}(?:\s+(?P<y>(?:19|20)\d{{2}}))?(?!\w)")
_DAY_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d>\d{{1,2}})\s+{_MONTH}(?:\s+(?P<y>(?:19|20)\d{{2}}))?(?!\w)"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<y>(?:19|20)\d{{2}})\b")
#: A year before its month: "2026 Mart ayına kadar", "2025 Haziran'ında" (a month name alone
#: after a year is not read: "2025 Mayıs" could end a list).
_YEAR_MONTH = re.compile(
    rf"\b(?P<y>(?:19|20)\d{{2}})\s+{_MONTH}(?=['’][a-zçğıöşü]+|\s+ay(?:ı|ın|ına|ında|ından|ının|ınca)(?![a-zçğıöşü]))"
)
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d{2})(?:'[a-zçğıöşü]+)?\s+yıl[a-zçğıöşü]*")
#: A year with a case suffix: "2019'da", "2024'te", "2025'ten beri", "2025'in ilk yarısı",
#: "2030'a kadar", "2025'e göre" — but not a count such as "2000'den fazla".
_YEAR_SUFFIX = re.compile(
    r"\b(?P<y>(?:19|20)\d{2})['’](?:"
    r"(?:d|t)(?:a|e)(?:ki)?|(?:d|t)(?:a|e)n(?!\s+(?:fazla|az|çok|aşkın))|[ıiuü]n"
    r"|(?:y)?[ae](?=\s+(?:kadar|göre|oranla|kıyasla))|[ıiuü](?!\s+(?:aş|geç|bul))"
    r")(?![a-zçğıöşü])"
)
#: A year right before a word of time or planning: "2025 hedefinin", "2026 bütçesi", "2024
#: verilerine göre", "2026 sonunda". Only a bare four-digit number ("2.025" is a count).
_YEAR_BEFORE_NOUN = re.compile(
    r"(?<![\d.,])\b(?P<y>(?:19|20)\d{2})\s+(?:hedef|bütçe|sezon|dönem|veri|rapor|plan|program"
    r"|seçim|sonu|başı|başında|ortası|itibarıyla|itibariyle|yaz[ıi]|kış[ıi]|bahar[ıi])"
    r"[a-zçğıöşü]*"
)
#: Two years joined by a dash before "yılı", "sezonu", "dönemi": "2025-2026 eğitim öğretim yılı".
_YEAR_RANGE = re.compile(
    r"\b(?P<y1>(?:19|20)\d{2})\s*[-–/]\s*(?P<y>(?:19|20)\d{2})(?=(?:['’][a-zçğıöşü]+)?"
    r"(?:\s+[a-zçğıöşü-]+){0,2}\s+(?:yıl|sezon|dönem|hasat|bütçe))"
)
#: "1 Eylül - 15 Eylül 2025": the year written once belongs to both days.
_MONTH_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})\s+(?P<month1>{'|'.join(MONTHS)})\s*[-–]\s*(?P<d>\d{{1,2}})\s+"
    rf"{_MONTH}\s+(?P<y>(?:19|20)\d{{2}})(?!\w)"
)

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = r"(?:\s+(?:bin|milyon|milyar)(?:\s+\d{1,3}(?!\d))?)*"
_FIGURE = re.compile(
    rf"(?<![\w.,/%])(?P<pct>%\s?|yüzde\s+)?(?P<num>{_NUMBER}){_SCALE}(?![\w.,/]\d)"
)
_UNIT_WORD = re.compile(r"\s+(?P<w>[a-zçğıöşüâîû]+|TL|tl)(?=[\s.,;:!?)'’]|$)")
_SCALES = {"bin": 1_000, "milyon": 1_000_000, "milyar": 1_000_000_000}
_UNIT_STOP = frozenset(
    [
        "ve",
        "ile",
        "için",
        "da",
        "de",
        "ki",
        "olarak",
        "bu",
        "şu",
        "o",
        "bir",
        "daha",
        "kadar",
        "üzerinde",
        "yaklaşık",
        "toplam",
        "tarafından",
        "ise",
        "gibi",
        "olan",
        "her",
        "ayrıca",
        "en",
        "fazla",
        "az",
        "göre",
        "sonra",
        "önce",
        "içinde",
        "arasında",
        "civarında",
        "oranında",
        # forms of "olmak": "sayısının 104 bin 260 olduğu" is a bare number, not a count of
        # "olduğu"
        "oldu",
        "olduğu",
        "olduğunu",
        "olduğunun",
        "olmuş",
        "olacak",
        "olacağı",
        "olması",
        "olup",
    ]
)
_VERB_ENDINGS = (
    "dı",
    "di",
    "du",
    "dü",
    "tı",
    "ti",
    "tu",
    "tü",
    "mış",
    "miş",
    "muş",
    "müş",
    "yor",
    "acak",
    "ecek",
    "dır",
    "dir",
    "dur",
    "dür",
    "tır",
    "tir",
    "tur",
    "tür",
    "mak",
    "mek",
    "ması",
    "mesi",
    "arak",
    "erek",
    "ıp",
    "ip",
    "up",
    "üp",
    "an",
    "en",
    "ını",
    "ini",
)
_CASE_ENDINGS = (
    "ya",
    "ye",
    "a",
    "e",
    "da",
    "de",
    "ta",
    "te",
    "dan",
    "den",
    "tan",
    "ten",
    "yı",
    "yi",
    "yu",
    "yü",
    "nın",
    "nin",
    "nun",
    "nün",
    "la",
    "le",
    "yla",
    "yle",
)
_ABLATIVE_ENDINGS = ("dan", "den", "tan", "ten")
_VOWELS = frozenset("aeıioöuü")
_DATIVE_ENDINGS = ("ya", "ye", "ğa", "ğe", "yla", "yle")
#: "12 yıldır", "3 aydır": a duration, though the word ends like a verb.
_DURATIONS = frozenset(
    {"yıldır", "aydır", "haftadır", "gündür", "saattir", "senedir", "dakikadır", "asırdır"}
)
_CURRENCIES = frozenset({"lira", "tl", "dolar", "avro", "euro"})


#: Endings a currency word takes: case endings and "-lık" ("liradan", "dolarlık", "avroya").
_CURRENCY_ENDINGS = frozenset(
    [
        "a",
        "e",
        "ı",
        "i",
        "ya",
        "ye",
        "yı",
        "yi",
        "da",
        "de",
        "ta",
        "te",
        "dan",
        "den",
        "tan",
        "ten",
        "ın",
        "in",
        "nın",
        "nin",
        "la",
        "le",
        "yla",
        "yle",
        "lık",
        "lik",
    ]
)


def _currency(word: str) -> str | None:
    """The currency an inflected unit word names: "liradan" → "lira", "dolarla" → "dolar"."""
    for currency in _CURRENCIES:
        if word.startswith(currency) and word[len(currency) :] in _CURRENCY_ENDINGS:
            return currency
    return None


def parse_number(text: str) -> float:
    """Turkish notation to a number: "17.076" → 17076, "4,2" → 4.2, "5 bin 200" → 5200."""
    words = text.replace("%", " ").split()
    total = 0.0
    current = 0.0
    for word in words:
        if word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
        elif word[0].isdigit():
            current = float(word.replace(".", "").replace(",", "."))
    return total + current


def _noun_form(word: str) -> bool:
    """A first unit word that only looks like a verb: an ablative ("46 mahalleden", "14
    kulüpten"), a noun in "-man/-men" ("göçmen", "uzman"), or a stem ending in "t" after a vowel
    with an accusative or possessive vowel ("140 konutu") — the past tense is "-dı" after a
    vowel, "-tı" only after a voiceless consonant ("arttı", "düştü")."""
    if len(word) > 6 and word.endswith(_ABLATIVE_ENDINGS):
        return True
    if word.endswith(("man", "men")):
        return True
    return word[-1] in "ıiuü" and word[-2] == "t" and word[-3] in _VOWELS


def _unit(text: str, start: int) -> tuple[str, int]:
    """Lower-case words after a number that say what it counts, and where they end."""
    words: list[str] = []
    end = start
    position = start
    while len(words) < 4:
        match = _UNIT_WORD.match(text, position)
        if match is None:
            break
        word = match.group("w").lower()
        currency = _currency(word)
        if currency:  # "900 liradan", "50 bin liralık", "2 milyon dolarla"
            words.append(currency)
            end = match.end()
            break
        if word in _UNIT_STOP or (words and word.endswith(_VERB_ENDINGS) and len(word) > 4):
            break
        if not words and word.endswith(_VERB_ENDINGS) and len(word) > 5 and not _noun_form(word):
            if word in _DURATIONS:
                words.append(word)
                end = match.end()
            break
        words.append(word)
        end = match.end()
        position = match.end()
        if word in _CURRENCIES or (len(words) > 1 and word.endswith(_CASE_ENDINGS)):
            break
        if len(words) == 1 and word.endswith(_DATIVE_ENDINGS):  # "1.240 haneye ulaşıldı"
            break
        if text[end : end + 1] in ("'", "’", ",", "."):
            break
    return " ".join(words), end


def _capitals_follow(text: str, start: int) -> bool:
    """Is the word after ``start`` written in capitals, as in a headline ("250 AKÜLÜ SANDALYE")?
    Then its lower case is read for the unit; a single capitalised word ("120 Samsun") is not."""
    match = re.match(r"\s+(\w+)", text[start : start + 40])
    return match is not None and len(match.group(1)) > 1 and match.group(1).isupper()


def _date_span(doc: Doc, start: int, end: int, date: tuple[int, int, str | None]) -> list[Span]:
    day, month, year = date
    span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
    if span is None:
        return []
    span._.canonical = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return [span]


def _is_year(number: str, unit: str) -> bool:
    """ "2024 yılında", "2025'te" are years, not counts."""
    return number.isdigit() and 1900 <= int(number) <= 2100 and unit.startswith("yıl")


@Language.factory("kupur_quantities")
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities()


class Quantities:
    """Puts dates in ``doc.spans["dates"]`` and figures in ``doc.spans["figures"]``."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        lowered = norm_text(text)
        if len(lowered) != len(text):  # a character whose lower case is longer: keep offsets
            lowered = text.lower() if len(text.lower()) == len(text) else text
        dates, date_chars = self._dates(doc, lowered)
        doc.spans["dates"] = dates
        doc.spans["figures"] = self._figures(doc, text, lowered, date_chars)
        return doc

    def _dates(self, doc: Doc, lowered: str) -> tuple[list[Span], set[int]]:
        spans: list[Span] = []
        used: set[int] = {
            i for span in doc.spans.get("places", []) for i in range(span.start_char, span.end_char)
        }

        def add(start: int, end: int, value: str) -> None:
            if used.intersection(range(start, end)):
                return
            span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
            if span is None:
                return
            span._.canonical = value
            spans.append(span)
            used.update(range(start, end))

        for pattern in (_NUMERIC_DATE, _ISO_DATE):
            for m in pattern.finditer(lowered):
                day, month = int(m.group("d")), int(m.group("m"))
                if 1 <= day <= 31 and 1 <= month <= 12:
                    add(m.start(), m.end(), f"{m.group('y')}-{month:02d}-{day:02d}")
        for m in _DAY_RANGE.finditer(lowered):
            month, year = MONTHS[m.group("month")], m.group("y")
            for group in ("d1", "d"):
                day = int(m.group(group))
                if 1 <= day <= 31:
                    # Each day gets its own characters: span extensions are keyed by offsets.
                    end = m.end() if group == "d" else m.end(group)
                    spans.extend(_date_span(doc, m.start(group), end, (day, month, year)))
            used.update(range(m.start(), m.end()))
        for m in _MONTH_RANGE.finditer(lowered):
            year = m.group("y")
            for day_group, month_group in (("d1", "month1"), ("d", "month")):
                day, month = int(m.group(day_group)), MONTHS[m.group(month_group)]
                if 1 <= day <= 31:
                    add(m.start(day_group), m.end(month_group), f"{year}-{month:02d}-{day:02d}")
            used.update(range(m.start(), m.end()))
        for m in _TEXT_DATE.finditer(lowered):
            day, month = int(m.group("d")), MONTHS[m.group("month")]
            if 1 <= day <= 31:
                year = m.group("y")
                add(
                    m.start(),
                    m.end(),
                    f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}",
                )
        for m in _MONTH_YEAR.finditer(lowered):
            add(m.start("month"), m.end(), f"{m.group('y')}-{MONTHS[m.group('month')]:02d}")
        for m in _YEAR_MONTH.finditer(lowered):
            add(m.start(), m.end(), f"{m.group('y')}-{MONTHS[m.group('month')]:02d}")
        for m in _YEAR_RANGE.finditer(lowered):
            add(m.start("y1"), m.end("y1"), m.group("y1"))
            add(m.start("y"), m.end("y"), m.group("y"))
        for pattern in (_YEAR, _YEAR_SUFFIX, _YEAR_BEFORE_NOUN):
            for m in pattern.finditer(lowered):
                add(m.start(), m.start() + 4, m.group("y"))
        return spans, used

    def _figures(self, doc: Doc, text: str, lowered: str, date_chars: set[int]) -> list[Span]:
        # ``doc.text`` is rebuilt from the tokens on every access: use the copy passed in.
        inside_names = covered(doc, ("organizations", "projects", "places"))
        spans: list[Span] = []
        for m in _FIGURE.finditer(lowered):
            if date_chars.intersection(range(m.start(), m.end())):
                continue
            number_text = lowered[m.start("num") : m.end()]
            unit, end = _unit(text, m.end())
            unit_source = text
            if not unit and _capitals_follow(text, m.end()):  # "3 BİN 500 ÖĞRENCİYE"
                unit, end = _unit(lowered, m.end())
                unit_source = lowered
            percent = m.group("pct") is not None
            if percent:
                unit = "%"
                end = m.end()
            elif not unit or unit in MONTHS or _is_year(number_text, unit):
                continue
            else:
                written = unit_source[m.end() : end].split()
                currency = _currency(written[-1].lower())
                unit = " ".join([*written[:-1], currency] if currency else written)
            span = doc.char_span(m.start(), end, label="FIGURE", alignment_mode="expand")
            if span is None or inside_names.intersection(range(span.start, span.end)):
                continue
            span._.value = parse_number(number_text)
            span._.unit = unit
            span._.canonical = text[m.start() : end]
            spans.append(span)
        return spans
