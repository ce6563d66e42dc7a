"""Organisations: head-noun names, registered names and abbreviations.

* A capitalised run ending in an organisation head noun, whatever case ending it carries
  ("Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü'nün", "Atakum Belediyesince") becomes the
  nominative name ("... İl Müdürlüğü", "Atakum Belediyesi").
* Registered names, aliases and abbreviations (``nlp/data/organizations.yaml``) link to their
  registry entry; an abbreviation after a place ("Atakum SHM") names that place's unit.
* "Orta Karadeniz Kalkınma Ajansı (OKA)" introduces OKA: later "OKA'nın" is the same organisation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kupur.core.turkish import turkish_upper
from kupur.nlp.gazetteer import Gazetteer, load_gazetteer, name_key
from kupur.nlp.lexicon import (
    CONNECTORS,
    INSTITUTION_WORDS,
    ORG_HEADS,
    ORG_INNER_HEADS,
    PROJECT_HEADS,
    head_form,
)
from kupur.nlp.people import match_title
from kupur.nlp.tokens import (
    canonical_word,
    covered,
    is_cap,
    is_suffix,
    is_upper_word,
    sentence_initial,
    span_group,
)

__all__ = ["Organizations", "extend_name_left", "is_abbreviation"]

_MAX_NAME = 10
#: Words that alone before a head do not make a name ("İl Müdürlüğü", "Genel Müdürlüğü").
_GENERIC = frozenset({"il", "ilçe", "genel", "bölge", "daire", "şube", "merkez", "yerel"})
#: Endings that show a sentence-initial word is an inflected common word ("Toplantıya", "Etkinliği").
_INFLECTED_ENDINGS = (
    "da",
    "de",
    "ta",
    "te",
    "ya",
    "ye",
    "yla",
    "yle",
    "ğı",
    "ği",
    "ğu",
    "ğü",
    "yı",
    "yi",
    "nı",
    "ni",
    "lar",
    "ler",
)
#: Dative and accusative endings: a sentence-initial word so ended before a word that opens a
#: name by itself is a common noun ("Kampa Erzurum Gençlik ve Spor İl Müdürlüğü'nün işbirliğiyle
#: 25 çocuk katıldı", "Paneli Uluslararası Göç Örgütü izledi").
_CASE_VOWELS = ("a", "e", "ı", "i", "u", "ü")
#: Words that open a body's name and do not go on a name begun before them ("Göztepe Spor
#: Kulübü" goes on; "Uluslararası Çalışma Örgütü" starts afresh).
_SCOPE_WORDS = frozenset({"uluslararası", "ulusal", "avrupa", "birleşmiş", "dünya", "türkiye"})
#: The last part of a union's name after a hyphen: "Kamu-Sen", "Memur-Sen", "Türk-İş".
_UNION_TAILS = {"sen": "Sen", "iş": "İş"}
#: The registry entries whose abbreviation after a place names that place's unit.
LOCAL_UNITS = frozenset({"shm", "sydv"})
#: Heads whose name a district says alone ("Denizli Pamukkale Belediyesi" is "Pamukkale
#: Belediyesi"); a university keeps its province ("Mardin Artuklu Üniversitesi").
_DISTRICT_NAMED_HEADS = frozenset({"Belediyesi", "Kaymakamlığı"})
#: How many words a unit's name may add after an inner head ("... Belediyesi Zabıta Müdürlüğü").
_MAX_UNIT = 4
#: A one-word sports club's name ends so: "Bursaspor", "Belediyespor", "Sivasspor".
_CLUB_ENDING = "spor"
#: Abbreviated legal forms written after a club's name: Futbol Kulübü, Spor Kulübü, Gençlik Spor
#: Kulübü, Basketbol Kulübü, Jimnastik Kulübü.
_CLUB_FORMS = frozenset({"FK", "SK", "GSK", "BK", "JK"})


def is_abbreviation(token: Token) -> bool:
    text = token.text
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _union_tail(doc: Doc, token: Token) -> str | None:
    """ "Sen" in "Kamu-Sen" (hyphen without spaces after a capitalised word) ends a union name."""
    tail = _UNION_TAILS.get(token.norm_)
    i = token.i
    if tail is None or i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_:
        return None
    return tail if is_cap(doc[i - 2]) and not doc[i - 1].whitespace_ else None


def _initials_start(doc: Doc, bracket: int, letters: str) -> int | None:
    """Start of the capitalised words right before ``bracket`` whose initials are ``letters``
    (connectors such as "ve" skipped), or None."""
    initials = ""
    j = bracket - 1
    while j >= 0 and len(initials) < len(letters):
        token = doc[j]
        if token.norm_ in CONNECTORS and initials:
            j -= 1
            continue
        if not is_cap(token) or is_suffix(token):
            return None
        initials = turkish_upper(token.text[0]) + initials
        if not letters.endswith(initials):
            return None
        j -= 1
    return j + 1 if initials == letters and len(letters) >= 2 else None


def _joining_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen written without spaces between two capitalised words ("Hak-İş")."""
    return (
        doc[j].text == "-"
        and j > 0
        and j + 1 < len(doc)
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and is_cap(doc[j - 1])
        and is_cap(doc[j + 1])
    )


def _inner_head(token: Token) -> bool:
    """A bare head that a unit's name may follow ("Belediyesi" in "Belediyesi Meclisi")."""
    head = head_form(token.norm_, ORG_HEADS)
    return head in ORG_INNER_HEADS and token.norm_ == name_key(head)


def _unit_follows(doc: Doc, i: int) -> bool:
    """Does a unit's name ending in a head come right after the inner head at ``i``?
    "Tekirdağ Büyükşehir Belediyesi Meclisi'nin", "Yalova Belediyesi Zabıta Müdürlüğü"."""
    if not _inner_head(doc[i]):
        return False
    words = 0
    for j in range(i + 1, len(doc)):
        token = doc[j]
        if token.norm_ in CONNECTORS and j > i + 1:
            continue
        words += 1
        if words > _MAX_UNIT or is_suffix(token) or not is_cap(token) or sentence_initial(token):
            return False
        if head_form(token.norm_, ORG_HEADS):
            return True
    return False


def _head_next(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and head_form(doc[i + 1].norm_, ORG_HEADS) is not None


def _in_title(doc: Doc, i: int) -> bool:
    """Is the head at ``i`` a word of a title ("Yönetim Kurulu Başkanı")? Then it names no body."""
    for start in range(max(0, i - 3), i + 1):
        length, _ = match_title(doc, start)
        if start + length > i:
            return True
    return False


def _bare_head_next(doc: Doc, i: int) -> bool:
    """Is the word after ``i`` a head noun without a case ending ("Trakya Üniversitesi")?"""
    if i + 1 >= len(doc) or (i + 2 < len(doc) and is_suffix(doc[i + 2])):
        return False
    head = head_form(doc[i + 1].norm_, ORG_HEADS)
    return head is not None and doc[i + 1].norm_ == name_key(head)


def _closes_other_name(doc: Doc, j: int) -> bool:
    """Does the word at ``j``, before a connector, end a name of its own? A registered body
    ("Kızılay ve Düzce Belediyesi") or an abbreviation in mixed-case text ("UNICEF ve Göç
    İdaresi Başkanlığı") is listed next to the name rather than part of it."""
    for match in span_group(doc, "registry"):
        if match.label_ == "ORG" and match.end == j + 1:
            return True
    after = doc[j + 2] if j + 2 < len(doc) else None
    return is_abbreviation(doc[j]) and after is not None and not is_upper_word(after)


def _lone_word_before_place(doc: Doc, j: int) -> bool:
    """ "Haytap ve Fethiye Hayvanları Koruma Derneği": one capitalised word that opens its
    sentence or follows a lower-case word, before a connector and a place, is a name of its own;
    a name does not go on past a place that opens the rest ("Aile ve Sosyal ..." has no place)."""
    after = doc[j + 1] if j + 1 < len(doc) else None
    if after is None or after.ent_type_ not in ("PROVINCE", "DISTRICT") or j < 1:
        return False
    if doc[j].norm_ not in CONNECTORS:
        return False
    word = doc[j - 1]
    lone = sentence_initial(word) or not (is_cap(doc[j - 2]) or doc[j - 2].like_num)
    return lone and word.norm_ not in INSTITUTION_WORDS


def _may_open_name(token: Token, gazetteer: Gazetteer) -> bool:
    """Can a sentence-initial capitalised word be the first word of a name?"""
    norm = token.norm_
    if norm in INSTITUTION_WORDS or norm in gazetteer.given_names or is_upper_word(token):
        return True
    if token.ent_type_ in ("PROVINCE", "DISTRICT"):
        return True
    if norm.endswith(_CASE_VOWELS) and _opens_name(token.doc, token.i + 1, gazetteer):
        return False  # "Kermese Çankaya Belediyesi", "Foruma Uluslararası Çalışma Örgütü"
    return not norm.endswith(_INFLECTED_ENDINGS) or _bare_head_next(token.doc, token.i)


def _opens_name(doc: Doc, i: int, gazetteer: Gazetteer) -> bool:
    """Does the word at ``i`` open a name by itself: a place, a word of scope or a registered
    body ("Çankaya", "Uluslararası", "Avrupa Birliği")?"""
    if i >= len(doc) or not is_cap(doc[i]):
        return False
    token = doc[i]
    if token.ent_type_ in ("PROVINCE", "DISTRICT") or token.norm_ in _SCOPE_WORDS:
        return True
    return any(m.start == i and m.label_ == "ORG" for m in span_group(doc, "registry"))


def extend_name_left(doc: Doc, head: int, taken: set[int], gazetteer: Gazetteer) -> int:
    """First token of the capitalised name that ends with the head at ``head``."""
    start = head
    j = head - 1
    while j >= 0 and head - j < _MAX_NAME and j not in taken:
        token = doc[j]
        norm = token.norm_
        if (
            norm in CONNECTORS
            and j > 0
            and is_cap(doc[j - 1])
            and not is_suffix(doc[j - 1])
            and not _closes_other_name(doc, j - 1)
            and not _lone_word_before_place(doc, j)
        ):
            j -= 1
            continue
        if _joining_hyphen(doc, j):
            j -= 1  # "Tez-Koop-İş Sendikası": hyphenated words are one word of the name
            continue
        if is_suffix(token) or not (is_cap(token) or token.like_num):
            break
        if head_form(norm, PROJECT_HEADS):
            break
        if head_form(norm, ORG_HEADS) and not _unit_follows(doc, j):
            break
        opens = sentence_initial(token) and not (j > 0 and _joining_hyphen(doc, j - 1))
        if opens and not _may_open_name(token, gazetteer):
            break
        start = j
        if opens:
            break
        j -= 1
    while start < head and doc[start].norm_ in CONNECTORS:
        start += 1
    return start


@Language.factory("kupur_organizations", default_config={"projects_file": ""})
def make_organizations(nlp: Language, name: str, projects_file: str) -> Organizations:
    return Organizations(load_gazetteer(projects_file))


class Organizations:
    """Finds organisations and puts them in ``doc.spans["organizations"]``.

    Labels: ORG for a head-noun name, ORG_REF for a registered name without a head noun
    ("Kızılay", "Cumhurbaşkanlığı"), ORG_ABBR for an abbreviation. A project name may contain an
    ORG_REF ("100 Günlük Cumhurbaşkanlığı İcraat Programı"); ``kupur.nlp.projects`` then drops it.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.abbreviations = frozenset(
            e.abbreviation for e in gazetteer.organizations if e.abbreviation
        )
        self.by_id = {e.id: e for e in gazetteer.organizations}

    def __call__(self, doc: Doc) -> Doc:
        taken = covered(doc, ("people",))
        claimed = set(taken)  # people and the names found so far: a name never reaches into them
        found: list[Span] = []
        for token in doc:
            if token.i in taken or not is_cap(token):
                continue
            head = head_form(token.norm_, ORG_HEADS) or _union_tail(doc, token)
            if head is None or _unit_follows(doc, token.i) or _in_title(doc, token.i):
                continue
            if head in _UNION_TAILS.values() and _head_next(doc, token.i):
                continue  # "Hak-İş Konfederasyonu": the name ends at the head after the union
            last = token.i
            if head == "Rektörlüğü" and last > 0 and _inner_head(doc[last - 1]):
                # "Bartın Üniversitesi Rektörlüğüne atanan": the university is meant.
                last -= 1
                head = head_form(doc[last].norm_, ORG_HEADS) or head
            start = extend_name_left(doc, last, claimed, self.gazetteer)
            words = [t.norm_ for t in doc[start:last]]
            if not words or all(w in _GENERIC for w in words):
                continue
            span = Span(doc, start, last + 1, label="ORG")
            first = start + 1 if self._province_before_district(doc, start, last) else start
            parts = [canonical_word(t, self.abbreviations) for t in doc[first:last]]
            name = " ".join([*parts, head]).replace(" - ", "-")
            self._set_canonical(span, name)
            found.append(span)
            claimed.update(range(span.start, span.end))
            lone = self._lone_body(doc, start, claimed)
            if lone is not None:
                found.append(lone)
                claimed.add(lone.start)
        found.extend(self._registry_spans(doc, found, taken))
        found.extend(self._clubs(doc, found, taken))
        found.extend(self._initials_names(doc, found))
        found.extend(self._introduced_abbreviations(doc, found))
        doc.spans["organizations"] = found
        return doc

    def _lone_body(self, doc: Doc, start: int, claimed: set[int]) -> Span | None:
        """The one-word body listed before a name that opens with a place ("Haytap" in "Haytap
        ve Fethiye Hayvanları Koruma Derneği"), unless it is a place or a given name."""
        if start < 2 or not _lone_word_before_place(doc, start - 1):
            return None
        word = doc[start - 2]
        if (
            start - 2 in claimed
            or not is_cap(word)
            or not word.text.isalpha()
            or word.ent_type_
            or word.norm_ in self.gazetteer.given_names
            or is_abbreviation(word)  # a registered or introduced abbreviation is found later
        ):
            return None
        span = Span(doc, word.i, word.i + 1, label="ORG")
        self._set_canonical(span, canonical_word(word))
        return span

    def _province_before_district(self, doc: Doc, start: int, head: int) -> bool:
        """ "Denizli Pamukkale Belediyesi" is "Pamukkale Belediyesi": the district says it all."""
        if head_form(doc[head].norm_, ORG_HEADS) not in _DISTRICT_NAMED_HEADS:
            return False
        if head - start < 2 or doc[start].ent_type_ != "PROVINCE":
            return False
        second = doc[start + 1]
        if second.ent_type_ != "DISTRICT":
            return False
        province = self.gazetteer.province_keys.get(doc[start].norm_)
        district = next(e for e in doc.ents if e.start <= second.i < e.end)
        return province in self.gazetteer.districts.get(district.ent_id_, ())

    def _set_canonical(self, span: Span, name: str) -> None:
        entry = self.gazetteer.org_keys.get(name_key(name))
        span._.canonical = entry.name if entry else name
        span._.abbreviation = entry.abbreviation if entry else None

    def _registry_spans(self, doc: Doc, found: list[Span], taken: set[int]) -> list[Span]:
        claimed = {i for span in found for i in range(span.start, span.end)} | taken
        spans: list[Span] = []
        # Longest first: "Birleşmiş Milletler Kalkınma Programı" wins over "Birleşmiş Milletler".
        matches = sorted(span_group(doc, "registry"), key=lambda m: (m.start - m.end, m.start))
        for match in matches:
            if match.label_ != "ORG" or claimed.intersection(range(match.start, match.end)):
                continue
            entry = self.by_id[match.id_]
            if not is_cap(match[0]):
                continue
            is_abbr = len(match) == 1 and match.text.upper() == (entry.abbreviation or "").upper()
            if is_abbr and not is_abbreviation(match[0]):
                continue
            start = match.start
            name = entry.name
            before = doc[start - 1] if start > 0 else None
            if (
                is_abbr
                and entry.id in LOCAL_UNITS
                and before is not None
                and before.ent_type_ in ("PROVINCE", "DISTRICT")
                and before.i not in claimed
            ):
                start -= 1
                name = f"{canonical_word(before)} {entry.name}"
            span = Span(doc, start, match.end, label="ORG_ABBR" if is_abbr else "ORG_REF")
            span._.canonical = name
            span._.abbreviation = entry.abbreviation if name == entry.name else None
            spans.append(span)
            claimed.update(range(span.start, span.end))
        return sorted(spans, key=lambda span: span.start)

    def _clubs(self, doc: Doc, found: list[Span], taken: set[int]) -> list[Span]:
        """Sports clubs named as one word ending in "spor" ("Bursaspor'un", "Rize
        Belediyespor"). A place written before the word belongs to the name; a province the word
        starts with ("Bursa" in "Bursaspor") is kept in ``_.province`` for ``kupur.nlp.places``."""
        claimed = {i for span in found for i in range(span.start, span.end)} | taken
        spans: list[Span] = []
        for token in doc:
            norm = token.norm_
            if (
                token.i in claimed
                or not norm.endswith(_CLUB_ENDING)
                or len(norm) <= len(_CLUB_ENDING) + 2
                or not token.text.isalpha()
                or not is_cap(token)
                or is_upper_word(token)
            ):
                continue
            start = token.i
            while start > 0 and doc[start - 1].ent_type_ in ("PROVINCE", "DISTRICT"):
                if doc[start - 1].i in claimed or not is_cap(doc[start - 1]):
                    break
                start -= 1
            end = token.i + 1
            if end < len(doc) and doc[end].text in _CLUB_FORMS:
                end += 1  # "Erzurumspor FK"
            span = Span(doc, start, end, label="ORG_CLUB")
            self._set_canonical(span, " ".join(canonical_word(t) for t in span))
            span._.province = self.gazetteer.province_keys.get(norm[: -len(_CLUB_ENDING)])
            spans.append(span)
        return spans

    def _initials_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "Devlet Su İşleri (DSİ)": capitalised words whose initials spell the abbreviation in
        brackets after them are an organisation even without a head noun."""
        claimed = {i for span in found for i in range(span.start, span.end)}
        claimed |= covered(doc, ("people",))
        spans: list[Span] = []
        for token in doc[1:-2]:
            if not (
                token.text == "("
                and doc[token.i + 2].text == ")"
                and is_abbreviation(doc[token.i + 1])
                and token.i - 1 not in claimed
            ):
                continue
            letters = turkish_upper(doc[token.i + 1].text)
            start = _initials_start(doc, token.i, letters)
            if start is None or head_form(doc[token.i - 1].norm_, PROJECT_HEADS):
                continue
            span = Span(doc, start, token.i, label="ORG")
            span._.canonical = " ".join(canonical_word(t) for t in span)
            span._.abbreviation = doc[token.i + 1].text
            spans.append(span)
        return spans

    def _introduced_abbreviations(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "Orta Karadeniz Kalkınma Ajansı (OKA)": OKA now names that organisation."""
        introduced: dict[str, Span] = {}
        for span in found:
            end = span.end
            if end < len(doc) and is_suffix(doc[end]):
                end += 1
            if (
                end + 2 < len(doc)
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and is_abbreviation(doc[end + 1])
            ):
                introduced[doc[end + 1].text] = span
                if span._.abbreviation is None:
                    span._.abbreviation = doc[end + 1].text
        if not introduced:
            return []
        claimed = {i for span in found for i in range(span.start, span.end)}
        extra: list[Span] = []
        for token in doc:
            origin = introduced.get(token.text)
            if origin is None or token.i in claimed:
                continue
            span = Span(doc, token.i, token.i + 1, label="ORG_ABBR")
            span._.canonical = origin._.canonical
            span._.abbreviation = token.text
            extra.append(span)
        return extra
