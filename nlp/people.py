"""People and officials.

Two components, because organisations are found between them:

* ``kupur_titled`` — a name after a title ("İl Müdürü Kemal Gümrükçü", "Samsun Valisi Orhan
  Tavlı", "Bakan Göktaş'ın") or an honorific ("Prof. Dr. Ayşe Kaya", "Sayın Ali Yılmaz"). The
  institution words before the title make the role ("Samsun Aile ve Sosyal Hizmetler İl Müdürü").
  These spans keep organisation names from swallowing the person before them.
* ``kupur_named`` — a given name from the lexicon followed by a surname ("Zeynep Arslan",
  "Fatih Kaya"), or an unknown capitalised word before a place that is also a surname ("Sahit
  Aydın"); then a title written after the name ("Kemal Gümrükçü, İl Müdürü, ...") is attached.

A place name inside a person span is never reported as a place (``kupur.nlp.places``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kupur.core.turkish import turkish_title
from kupur.nlp.gazetteer import NAME_LIKE_PLACES, Gazetteer, load_gazetteer, norm_text
from kupur.nlp.lexicon import (
    CONNECTORS,
    HONORIFICS,
    INSTITUTION_WORDS,
    NON_NAME_WORDS,
    ORG_HEADS,
    PLACE_NOUNS,
    PROJECT_HEADS,
    TITLE_FIRST_WORDS,
    TITLE_RANKS,
    TITLES,
    head_form,
)
from kupur.nlp.tokens import (
    canonical_word,
    covered,
    is_cap,
    is_suffix,
    sentence_initial,
    span_group,
)

__all__ = ["NamedPeople", "TitledPeople", "person_name"]

_MAX_NAME = 4
_MAX_ROLE = 12
_SINGLE_WORD_TITLES = frozenset(key[0] for key in TITLES if len(key) == 1)


def person_name(tokens: Span) -> str:
    """Canonical person name: honorifics dropped, ALL CAPS words title-cased."""
    return " ".join(turkish_title(t.text) if t.text.isupper() else t.text for t in tokens)


def _honorific(token: Token) -> bool:
    """ "Dr.", "Prof", "Sayın" — and "Uzm.", whose tokenizer norm is the title "uzman"."""
    text = token.text
    abbreviated = text.endswith(".") and norm_text(text[:-1]) in HONORIFICS
    return abbreviated or token.norm_.rstrip(".") in HONORIFICS


def _place_tokens(doc: Doc) -> dict[int, str]:
    """Token index → the place name the place ruler found there."""
    found: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ in ("PROVINCE", "DISTRICT"):
            for i in range(ent.start, ent.end):
                found[i] = ent.text
    return found


#: Forms of address after a given name ("Zeynep Hanım", "Ahmet Bey", "Hatice Nine").
_ADDRESS_WORDS = frozenset({"hanım", "bey", "hanımefendi", "beyefendi", "nine", "dede", "usta"})


class _PeopleBase:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def name_token(self, token: Token, places: dict[int, str]) -> bool:
        """Can this token be part of a person's name?"""
        text = token.text
        if not is_cap(token) or not text.replace("-", "").isalpha():
            return False
        norm = token.norm_
        if norm in self.gazetteer.given_names:
            return True
        if norm in NON_NAME_WORDS or norm in INSTITUTION_WORDS or norm in _SINGLE_WORD_TITLES:
            return False
        if norm in PLACE_NOUNS:
            return False
        if head_form(norm, ORG_HEADS) or head_form(norm, PROJECT_HEADS):
            return False
        place = places.get(token.i)
        return place is None or place in NAME_LIKE_PLACES

    def _word_surname(self, doc: Doc, start: int, end: int) -> bool:
        """ "Zeynep Karadeniz," "Mehmet Türk diyor": a word that usually opens an institution's
        name ends a person's name after a given name when nothing capitalised follows it."""
        token = doc[end]
        following = doc[end + 1] if end + 1 < len(doc) else None
        return (
            end > start
            and doc[end - 1].norm_ in self.gazetteer.given_names
            and token.norm_ in INSTITUTION_WORDS
            and is_cap(token)
            and token.text.isalpha()
            and not sentence_initial(token)
            and (following is None or not (is_cap(following) or is_suffix(following)))
        )

    def collect_name(
        self, doc: Doc, start: int, places: dict[int, str], titled: bool = False
    ) -> int:
        """End (exclusive) of the name starting at ``start``.

        A place may be a surname right after a given name ("Tülay Kaynarca") unless it is then
        used as a place ("Ali Samsun'da" is not a name). After a title or honorific the first
        word is a given name even when the lexicon does not know it ("Dr. Sema Kars, ...").
        """
        end = start
        given = self.gazetteer.given_names
        while end < len(doc) and end - start < _MAX_NAME:
            token = doc[end]
            if not self.name_token(token, places):
                surname_place = (
                    end > start
                    and end in places
                    and (doc[end - 1].norm_ in given or (titled and end == start + 1))
                    and is_cap(token)
                    and token.text.isalpha()
                    and not _place_use_after(doc, end + 1)
                )
                if not (surname_place or self._word_surname(doc, start, end)):
                    break
            end += 1
        return end

    def add(self, doc: Doc, span: Span) -> None:
        group = span_group(doc, "people")
        group.append(span)
        doc.spans["people"] = group


def match_title(doc: Doc, start: int) -> tuple[int, str | None]:
    """Length and canonical form of the longest title starting at ``start``."""
    if doc[start].norm_ not in TITLE_FIRST_WORDS or doc[start].text.endswith("."):
        return 0, None  # "Uzm." is an honorific, though its norm is the title "uzman"
    for length in range(4, 0, -1):
        key = tuple(t.norm_ for t in doc[start : start + length])
        if len(key) == length and key in TITLES:
            return length, TITLES[key]
    return 0, None


def ranked_title(title: str, institution: Span) -> str:
    """The bare title, ranked by the institution before it ("İl ... Müdürü" → "İl Müdürü")."""
    for token in reversed(institution):
        if token.is_digit or token.text == ".":
            continue
        ranked = TITLE_RANKS.get((title, token.norm_))
        if ranked:
            return ranked
        if head_form(token.norm_, ORG_HEADS):  # another institution: "Vakfı Müdürü"
            break
    return title


def _role_start(doc: Doc, title_start: int, taken: set[int], places: dict[int, str]) -> int:
    """Where the institution before a title begins ("Samsun Aile ve Sosyal Hizmetler İl Müdürü")."""
    start = title_start
    j = title_start - 1
    while j >= 0 and title_start - j <= _MAX_ROLE and j not in taken:
        token = doc[j]
        if token.norm_ in CONNECTORS and j > 0 and is_cap(doc[j - 1]):
            j -= 1
            continue
        if not (is_cap(token) or token.is_digit) or is_suffix(token):
            break
        if sentence_initial(token) and not _institutional(token, places):
            break
        start = j
        j -= 1
    while start < title_start and doc[start].norm_ in CONNECTORS:
        start += 1
    return start


def _institutional(token: Token, places: dict[int, str]) -> bool:
    norm = token.norm_
    return (
        norm in INSTITUTION_WORDS
        or token.i in places
        or head_form(norm, ORG_HEADS) is not None
        or (token.text.isupper() and len(token.text) > 1)
    )


@Language.factory("kupur_titled", default_config={"projects_file": ""})
def make_titled(nlp: Language, name: str, projects_file: str) -> TitledPeople:
    return TitledPeople(load_gazetteer(projects_file))


class TitledPeople(_PeopleBase):
    """Names introduced by a title or an honorific."""

    def __call__(self, doc: Doc) -> Doc:
        places = _place_tokens(doc)
        i = 0
        while i < len(doc):
            token = doc[i]
            length, title = match_title(doc, i)
            honorific = _honorific(token) and is_cap(token)
            if not length and not honorific:
                i += 1
                continue
            name_start = i + length
            if length and name_start < len(doc) and doc[name_start].text == ":":
                name_start += 1  # a byline: "Muhabir: Ebru Sarıyer"
            while name_start < len(doc) and (
                _honorific(doc[name_start])
                or (doc[name_start].text == "." and _honorific(doc[name_start - 1]))
            ):
                honorific = honorific or is_cap(doc[name_start])
                name_start += 1
            name_end = self.collect_name(doc, name_start, places, titled=True)
            size = name_end - name_start
            lowercase_title = length and not is_cap(token)
            if size == 0 or (size == 1 and (lowercase_title or not length)):
                i = max(i + 1, name_start)
                continue
            span = Span(doc, name_start, name_end, label="PERSON")
            span._.canonical = person_name(span)
            if title:
                taken = covered(doc, ("people",))
                role_start = _role_start(doc, i, taken, places)
                span._.title = ranked_title(title, doc[role_start:i])
                if role_start < i:
                    span._.role = " ".join(canonical_word(t) for t in doc[role_start : i + length])
            self.add(doc, span)
            i = name_end
        return doc


def _drop_addressed_duplicates(doc: Doc) -> None:
    """ "Zeynep Hanım" is the "Zeynep Karadeniz" of the same text: a given name with a form of
    address is dropped when a full name with that given name is there too ("Hatice Nine" alone
    stays a person)."""
    people = span_group(doc, "people")
    full = {
        span[0].norm_ for span in people if len(span) >= 2 and span[-1].norm_ not in _ADDRESS_WORDS
    }
    kept = [
        span
        for span in people
        if not (len(span) == 2 and span[-1].norm_ in _ADDRESS_WORDS and span[0].norm_ in full)
    ]
    if len(kept) != len(people):
        doc.spans["people"] = kept


def _place_use_after(doc: Doc, index: int) -> bool:
    """Is the word before ``index`` used as a place ("Aydın'da", "Aydın Valiliği")?"""
    if index >= len(doc):
        return False
    token = doc[index]
    return is_suffix(token) or is_cap(token) or head_form(token.norm_, ORG_HEADS) is not None


@Language.factory("kupur_named", default_config={"projects_file": ""})
def make_named(nlp: Language, name: str, projects_file: str) -> NamedPeople:
    return NamedPeople(load_gazetteer(projects_file))


class NamedPeople(_PeopleBase):
    """People named without a title, then titles written after a name."""

    def __call__(self, doc: Doc) -> Doc:
        places = _place_tokens(doc)
        taken = covered(doc, ("people", "organizations", "projects"))
        given = self.gazetteer.given_names
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in taken or not is_cap(token):
                i += 1
                continue
            if token.norm_ in given:
                end = self.collect_name(doc, i, places)
                street = end < len(doc) and doc[end].norm_ in PLACE_NOUNS
                if end - i >= 2 and not street and not taken.intersection(range(i, end)):
                    self._add_named(doc, i, end, places)
                    i = end
                    continue
            elif (
                i + 1 < len(doc)
                and i + 1 not in taken
                and places.get(i + 1) in NAME_LIKE_PLACES
                and (not sentence_initial(token) or not _place_use_after(doc, i + 2))
                and i not in places
                and self.name_token(token, places)
            ):
                self._add_named(doc, i, i + 2, places)
                i += 2
                continue
            i += 1
        _drop_addressed_duplicates(doc)
        return doc

    def _add_named(self, doc: Doc, start: int, end: int, places: dict[int, str]) -> None:
        span = Span(doc, start, end, label="PERSON")
        span._.canonical = person_name(span)
        self._title_after(doc, span, places)
        self.add(doc, span)

    def _title_after(self, doc: Doc, span: Span, places: dict[int, str]) -> None:
        """ "Kemal Gümrükçü, Samsun Aile ve Sosyal Hizmetler İl Müdürü, ..." → title and role."""
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return
        start = span.end + 1
        end = start
        while end < len(doc) and end - start < _MAX_ROLE:
            token = doc[end]
            if is_cap(token) or (token.norm_ in CONNECTORS and end > start):
                end += 1
                continue
            break
        for length in range(min(4, end - start), 0, -1):
            key = tuple(t.norm_ for t in doc[end - length : end])
            if key in TITLES:
                span._.title = TITLES[key]
                if end - length > start:
                    span._.role = " ".join(canonical_word(t) for t in doc[start:end])
                return
