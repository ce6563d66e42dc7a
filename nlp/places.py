"""Provinces and districts that survive the homonym checks.

The place ruler marks every capitalised province or district name; this component keeps only the
ones a careful reader would mark, because a wrong province is worse than a missed one:

* a place inside a person's name is not a place ("Sahit Aydın", "Fatih Kaya");
* a district that is also a common word, weekday, month, region or surname ("Çarşamba", "Kale",
  "Akdeniz", "Yıldırım") needs a cue after it ("ilçesi", "Kaymakamı", "Belediyesi", ...);
* a district name shared by several provinces ("Yenişehir", "Pazar") needs its province in the
  same text, otherwise it is dropped;
* when a person in the text carries a place's name ("Sahit Aydın", "Hüseyin Tokat"), that place
  elsewhere in the text needs a cue or a place suffix ("Aydın'da", "Aydın Valiliği");
* a province that is also a word opening a sentence ("Ağrı kesici", "Aydın kesim") is the word;
* a district named like a village ("Gölköy", "Akpınar") in a text that names only other
  provinces needs a cue, since every province has villages and quarters of that name;
* a doubtful district listed next to a sure one of its province ("Pazar ve Ardeşen'de") is kept,
  and so is a word-like district with a place suffix when its province is named ("Konak'ta").

A district's province is stored on the span (``_.province``); the extractor reports both.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kupur.core.turkish import turkish_title
from kupur.nlp.gazetteer import AMBIGUOUS_DISTRICTS, Gazetteer, load_gazetteer
from kupur.nlp.lexicon import PLACE_CUES
from kupur.nlp.tokens import covered, is_cap, is_suffix, sentence_initial

__all__ = ["Places"]

_CUE_HEADS = ("belediye", "kaymakamlığ", "valiliğ", "ilçe")
_PLACE_SUFFIXES = frozenset(
    {
        "da",
        "de",
        "ta",
        "te",
        "nda",
        "nde",
        "dan",
        "den",
        "tan",
        "ten",
        "ndan",
        "nden",
        "daki",
        "deki",
        "taki",
        "teki",
        "ya",
        "ye",
        "lı",
        "li",
        "lu",
        "lü",
    }
)
_STREET_WORDS = frozenset(
    {"caddesi", "cadde", "sokağı", "sokak", "bulvarı", "mahallesi", "meydanı", "yolu"}
)
_PROVINCE_CUES = frozenset({"ili", "ilinde", "ilinin", "iline", "valisi", "valiliği", "il"})
#: Provinces whose name is also a common word ("Ağrı kesici", "Aydın kesim", "Ordu birlikleri",
#: "Tokat attı"): at the start of a sentence, with no suffix and a lower-case word after them
#: that does not speak of a place, they are read as the word.
_WORD_PROVINCES = frozenset({"Ağrı", "Aydın", "Ordu", "Tokat", "Mersin", "Batman"})
_PROVINCE_WORDS_AFTER = frozenset(
    {
        "genelinde",
        "geneli",
        "genelindeki",
        "merkez",
        "merkezde",
        "merkezli",
        "merkezinde",
        "kent",
        "kentinde",
        "kenti",
        "ovası",
        "ovasında",
        "limanı",
        "havalimanı",
        "milletvekili",
        "milletvekilleri",
    }
)
#: Endings of district names that are also common village and quarter names across the country.
_VILLAGE_ENDINGS = ("köy", "pınar", "dere", "ören", "ova")
#: Words that join the places of a list ("Pazar ve Ardeşen'de", "Of ile Sürmene'yi").
_LIST_JOINS = frozenset({",", "ve", "ile"})
#: Districts that are also weekdays or months: a suffix after them ("Çarşamba'da") says nothing.
_CALENDAR_DISTRICTS = frozenset({"Çarşamba", "Perşembe", "Pazar", "Aralık", "19 Mayıs"})


@Language.factory("kupur_places", default_config={"projects_file": ""})
def make_places(nlp: Language, name: str, projects_file: str) -> Places:
    return Places(load_gazetteer(projects_file))


def _cue_after(doc: Doc, end: int, allow_suffix: bool) -> bool:
    """Is the place ending at ``end`` followed by a word that marks it as a place? The cue may
    come after a list: "Selçuklu ve Meram ilçelerinde", "Atakum, İlkadım ve Canik ilçeleri"."""
    hops = 0
    joined = False
    while hops < 3 and end + 1 < len(doc) and doc[end].text in (",", "ve") and is_cap(doc[end + 1]):
        joined = joined or doc[end].text == "ve"
        end += 2
        while end < len(doc) and is_cap(doc[end]) and doc[end].ent_type_:
            end += 1
        hops += 1
    if end < len(doc) and is_suffix(doc[end]):
        # A suffix carries over a list only when the list is closed by "ve" ("Aydın, Muğla ve
        # Denizli'de"); after a bare comma it belongs to the next word alone ("Aydın, Bafra'da
        # yapılan ..." is Mr Aydın speaking about Bafra).
        if allow_suffix and (hops == 0 or joined) and doc[end].norm_[1:] in _PLACE_SUFFIXES:
            return True
        end += 1
    if end >= len(doc):
        return False
    norm = doc[end].norm_
    return (
        norm in PLACE_CUES
        or norm in _PROVINCE_CUES
        or any(norm.startswith(head) for head in _CUE_HEADS)
    )


def _place_suffix(doc: Doc, end: int) -> bool:
    """A locative or ablative suffix right after the place ("Konak'ta", "Kadıköy'den")."""
    return end < len(doc) and is_suffix(doc[end]) and doc[end].norm_[1:] in _PLACE_SUFFIXES


def _common_word_use(doc: Doc, ent: Span) -> bool:
    """ "Ağrı kesici ...", "Aydın kesimin ...": a province that is also a word, opening a sentence
    without a suffix and followed by a lower-case word that does not speak of a place."""
    if ent.ent_id_ not in _WORD_PROVINCES or not sentence_initial(ent[0]) or ent.end >= len(doc):
        return False
    if ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 1].whitespace_:
        return False  # "Samsun-Ordu karayolu"
    after = doc[ent.end]
    return (
        after.is_alpha
        and after.text[0].islower()
        and after.norm_ not in _PROVINCE_WORDS_AFTER
        and after.norm_ not in _PROVINCE_CUES
        and after.norm_ not in PLACE_CUES
    )


def _street_name(doc: Doc, end: int) -> bool:
    """ "Ankara Caddesi", "Bafra Mahallesi": a street or quarter named after a place."""
    return end < len(doc) and doc[end].norm_ in _STREET_WORDS


def club_provinces(doc: Doc) -> set[str]:
    """Provinces a club's name starts with ("Bursaspor"), found by ``kupur.nlp.organizations``. They
    are reported as provinces of the text (the club's span keeps its own canonical name)."""
    return {
        str(club._.province)
        for club in doc.spans.get("organizations", [])
        if club.label_ == "ORG_CLUB" and club._.province
    }


class Places:
    """Filters the place ruler's matches into ``doc.spans["places"]``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._province_ends: dict[int, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        in_person = covered(doc, ("people",))
        ents = doc.ents  # built anew on every access
        self._province_ends = {
            e.end: str(e.ent_id_) for e in ents if e.label_ == "PROVINCE" and is_cap(e[0])
        }
        person_words = {
            word for span in doc.spans.get("people", []) for word in span._.canonical.split()
        }
        candidates = [
            ent
            for ent in ents
            if ent.label_ in ("PROVINCE", "DISTRICT")
            and (is_cap(ent[0]) or ent[0].is_digit)
            and not in_person.intersection(range(ent.start, ent.end))
        ]
        kept: list[Span] = []
        for ent in candidates:
            if _street_name(doc, ent.end):
                continue
            if ent.label_ == "PROVINCE" and _common_word_use(doc, ent):
                continue
            if ent.label_ == "PROVINCE" and self._keep(doc, ent, person_words, ambiguous=False):
                span = Span(doc, ent.start, ent.end, label="PROVINCE")
                span._.canonical = ent.ent_id_
                kept.append(span)
        provinces_here = {span._.canonical for span in kept} | club_provinces(doc)
        doubtful: list[Span] = []
        for ent in candidates:
            if ent.label_ != "DISTRICT" or _street_name(doc, ent.end):
                continue
            name = ent.ent_id_
            options = self.gazetteer.districts.get(name, ())
            shared = len(options) > 1
            province_before = self._province_before(doc, ent.start)
            if province_before in options:
                options = (province_before,)
            else:
                title = turkish_title(ent.text)
                ambiguous = title in AMBIGUOUS_DISTRICTS
                named = tuple(p for p in options if p in provinces_here)
                if ambiguous and _place_suffix(doc, ent.end) and title not in _CALENDAR_DISTRICTS:
                    ambiguous = len(named) != 1  # "İzmir ... Konak'ta": its province is named
                if not self._keep(doc, ent, person_words, ambiguous=ambiguous):
                    doubtful.append(ent)
                    continue
                if self._village_elsewhere(doc, ent, options, provinces_here):
                    doubtful.append(ent)
                    continue
                if shared:
                    options = named
                    if len(options) != 1 or not _cue_after(doc, ent.end, allow_suffix=True):
                        doubtful.append(ent)
                        continue
            span = Span(doc, ent.start, ent.end, label="DISTRICT")
            span._.canonical = name
            span._.province = options[0]
            kept.append(span)
        kept.extend(self._listed_with_districts(doc, doubtful, kept))
        doc.spans["places"] = kept
        return doc

    def _listed_with_districts(
        self, doc: Doc, doubtful: list[Span], kept: list[Span]
    ) -> list[Span]:
        """A doubtful district listed next to a sure district of a province it also belongs to
        ("Pazar ve Ardeşen'de", "Konak ve Karşıyaka'da", "Erciş ve Edremit'te") is that
        province's district: a list of districts is read as one place."""
        sure = {
            i: span._.province
            for span in kept
            if span.label_ == "DISTRICT"
            for i in (span.start, span.end - 1)
        }
        added: list[Span] = []
        for _ in range(2):  # a chain: "Selçuklu, Meram ve Karatay'da"
            for ent in doubtful:
                if ent.start in sure:
                    continue
                options = self.gazetteer.districts.get(ent.ent_id_, ())
                neighbours = []
                if ent.start >= 2 and doc[ent.start - 1].text in _LIST_JOINS:
                    neighbours.append(sure.get(ent.start - 2))
                if ent.end + 1 < len(doc) and doc[ent.end].text in _LIST_JOINS:
                    neighbours.append(sure.get(ent.end + 1))
                province = next((p for p in neighbours if p in options), None)
                if province is None:
                    continue
                span = Span(doc, ent.start, ent.end, label="DISTRICT")
                span._.canonical = ent.ent_id_
                span._.province = province
                added.append(span)
                sure[ent.start] = sure[ent.end - 1] = province
        return added

    def _village_elsewhere(
        self, doc: Doc, ent: Span, options: tuple[str, ...], provinces_here: set[str]
    ) -> bool:
        """ "Bolu Belediyesi ... Gölköy'de": a district named like a village ("-köy", "-pınar",
        "-dere", "-ören", "-ova") in a text about another province, with no "ilçesi" after it,
        is that province's village or quarter, not the district elsewhere."""
        return (
            bool(provinces_here)
            and not provinces_here.intersection(options)
            and str(ent.ent_id_).endswith(_VILLAGE_ENDINGS)
            and not _cue_after(doc, ent.end, allow_suffix=False)
        )

    def _province_before(self, doc: Doc, start: int) -> str | None:
        """The province written right before a district ("Konya Ereğli", "İzmir Karşıyaka'da")."""
        return self._province_ends.get(start)

    def _keep(self, doc: Doc, ent: Span, person_words: set[str], ambiguous: bool) -> bool:
        if ambiguous:
            return _cue_after(doc, ent.end, allow_suffix=False)
        # Any place that is a word of a person's name in this text ("Hüseyin Tokat ... Tokat,
        # dedi") needs a cue or a place suffix.
        if ent.text in person_words or ent.ent_id_ in person_words:
            return _cue_after(doc, ent.end, allow_suffix=True)
        return True
