"""Provinces and districts that survive the homonym checks.

The place ruler marks every capitalised province or district name; this component keeps only the
ones a careful reader would mark, because a wrong province is worse than a missed one:

* a place inside a person's name is not a place ("Sahit Aydın", "Fatih Kaya");
* a district that is also a common word, weekday, month, region or surname ("Çarşamba", "Kale",
  "Akdeniz", "Yıldırım") needs a cue after it ("ilçesi", "Kaymakamı", "Belediyesi", ...);
* a district name shared by several provinces ("Yenişehir", "Pazar") needs its province in the
  same text, otherwise it is dropped;
* when a person in the text carries a place's name ("Sahit Aydın"), that place elsewhere in the
  text needs a cue or a place suffix ("Aydın'da", "Aydın Valiliği").

A district's province is stored on the span (``_.province``); the extractor reports both.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.gazetteer import AMBIGUOUS_DISTRICTS, NAME_LIKE_PLACES, Gazetteer, load_gazetteer
from nlp.lexicon import PLACE_CUES
from nlp.tokens import covered, is_cap, is_suffix
from nlp.turkish import turkish_title

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


@Language.factory("kupur_places", default_config={"projects_file": ""})
def make_places(nlp: Language, name: str, projects_file: str) -> Places:
    return Places(load_gazetteer(projects_file))


def _cue_after(doc: Doc, end: int, allow_suffix: bool) -> bool:
    """Is the place ending at ``end`` followed by a word that marks it as a place? The cue may
    come after a list: "Selçuklu ve Meram ilçelerinde", "Atakum, İlkadım ve Canik ilçeleri"."""
    hops = 0
    while hops < 3 and end + 1 < len(doc) and doc[end].text in (",", "ve") and is_cap(doc[end + 1]):
        end += 2
        while end < len(doc) and is_cap(doc[end]) and doc[end].ent_type_:
            end += 1
        hops += 1
    if end < len(doc) and is_suffix(doc[end]):
        if allow_suffix and doc[end].norm_[1:] in _PLACE_SUFFIXES:
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


def _street_name(doc: Doc, end: int) -> bool:
    """ "Ankara Caddesi", "Bafra Mahallesi": a street or quarter named after a place."""
    return end < len(doc) and doc[end].norm_ in _STREET_WORDS


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
            if ent.label_ == "PROVINCE" and self._keep(doc, ent, person_words, ambiguous=False):
                span = Span(doc, ent.start, ent.end, label="PROVINCE")
                span._.canonical = ent.ent_id_
                kept.append(span)
        provinces_here = {span._.canonical for span in kept}
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
                ambiguous = turkish_title(ent.text) in AMBIGUOUS_DISTRICTS
                if not self._keep(doc, ent, person_words, ambiguous=ambiguous):
                    continue
                if shared:
                    options = tuple(p for p in options if p in provinces_here)
                    if len(options) != 1 or not _cue_after(doc, ent.end, allow_suffix=True):
                        continue
            span = Span(doc, ent.start, ent.end, label="DISTRICT")
            span._.canonical = name
            span._.province = options[0]
            kept.append(span)
        doc.spans["places"] = kept
        return doc

    def _province_before(self, doc: Doc, start: int) -> str | None:
        """The province written right before a district ("Konya Ereğli", "İzmir Karşıyaka'da")."""
        return self._province_ends.get(start)

    def _keep(self, doc: Doc, ent: Span, person_words: set[str], ambiguous: bool) -> bool:
        if ambiguous:
            return _cue_after(doc, ent.end, allow_suffix=False)
        name_like = ent.text in NAME_LIKE_PLACES or ent.ent_id_ in NAME_LIKE_PLACES
        if name_like and (ent.text in person_words or ent.ent_id_ in person_words):
            return _cue_after(doc, ent.end, allow_suffix=True)
        return True
