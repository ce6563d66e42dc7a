"""The spaCy pipeline: blank Turkish, a Turkish-aware tokenizer and NORM, rulers, our components.

Order and what each step leaves in the ``Doc``:

=====================  =======================================================================
``place_ruler``        EntityRuler: every province/district name or alias → ``doc.ents``
                       (labels PROVINCE, DISTRICT; ``ent_id_`` is the canonical name)
``registry_ruler``     SpanRuler: registered organisations and projects → ``doc.spans["registry"]``
``kupur_titled``       people introduced by a title or an honorific → ``doc.spans["people"]``
``kupur_organizations`` head-noun organisations, registry ones, introduced abbreviations
                       → ``doc.spans["organizations"]``
``kupur_projects``     "... Projesi/Programı/Modeli", quoted names, registry projects
                       → ``doc.spans["projects"]``
``kupur_named``        people named without a title (given-name lexicon) → ``doc.spans["people"]``
``kupur_places``       places that survive the person/homonym checks → ``doc.spans["places"]``
``kupur_quantities``   dates and counted figures → ``doc.spans["dates"]``, ``doc.spans["figures"]``
=====================  =======================================================================

Every span carries its canonical form in ``span._.canonical`` (people also ``_.title`` and
``_.role``, organisations ``_.abbreviation``, districts ``_.province``, figures ``_.value`` and
``_.unit``). A user's own component added with ``nlp.add_pipe`` before ``kupur_places`` can put
spans in these groups and ``EntityExtractor`` reports them like ours.

Matching is on ``NORM``: spaCy's ``LOWER`` maps "I" to "i", so the norm getter is replaced by the
Turkish one and the tokenizer splits apostrophe suffixes ("IĞDIR'da" → "IĞDIR", "'da").
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import compile_suffix_regex

from kupur.core.places import PROVINCE_ALIASES
from kupur.core.turkish import APOSTROPHES
from kupur.nlp.gazetteer import DISTRICT_ALIASES, Gazetteer, norm_text

__all__ = ["SPAN_GROUPS", "build_pipeline"]

#: The span groups ``EntityExtractor`` reads.
SPAN_GROUPS = ("people", "organizations", "projects", "places", "dates", "figures")

_EXTENSIONS: dict[str, Any] = {
    "canonical": None,
    "display_name": None,
    "title": None,
    "role": None,
    "abbreviation": None,
    "province": None,
    "value": None,
    "unit": None,
}
for _name, _default in _EXTENSIONS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

# An apostrophe followed by letters at the end of a token is a case suffix: split it off.
_APOSTROPHE_SUFFIX = f"(?<=[\\w.])[{APOSTROPHES}][^\\W\\d_]+$"


def _customise_tokenizer(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer
    vocab: Any = nlp.vocab
    suffixes = [_APOSTROPHE_SUFFIX, *(nlp.Defaults.suffixes or ())]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    vocab.lex_attr_getters[NORM] = norm_text
    for lexeme in nlp.vocab:
        lexeme.norm_ = norm_text(lexeme.orth_)


def _place_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for name in gazetteer.provinces:
        patterns.append({"label": "PROVINCE", "pattern": name, "id": name})
    for alias, name in PROVINCE_ALIASES.items():
        patterns.append({"label": "PROVINCE", "pattern": alias, "id": name})
    for name in gazetteer.districts:
        patterns.append({"label": "DISTRICT", "pattern": name, "id": name})
    for alias, name in DISTRICT_ALIASES.items():
        patterns.append({"label": "DISTRICT", "pattern": alias, "id": name})
    return patterns


def _registry_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in gazetteer.organizations:
        for text in (entry.name, *entry.aliases, entry.abbreviation or ""):
            if text:
                patterns.append({"label": "ORG", "pattern": text, "id": entry.id})
    for entry in gazetteer.projects:
        for text in (entry.name, *entry.aliases):
            patterns.append({"label": "PROJECT", "pattern": text, "id": entry.id})
    return patterns


def build_pipeline(gazetteer: Gazetteer) -> Language:
    """A fresh Language with every Kupür component; ``gazetteer`` fills the rulers."""
    # Importing the modules registers their factories with spaCy.
    from kupur.nlp import organizations, people, places, projects, quantities  # noqa: F401

    nlp = spacy.blank("tr")
    _customise_tokenizer(nlp)
    projects_file = str(gazetteer.projects_file)
    ruler = nlp.add_pipe("entity_ruler", name="place_ruler", config={"phrase_matcher_attr": "NORM"})
    ruler.add_patterns(_place_patterns(gazetteer))  # type: ignore[attr-defined]
    registry = nlp.add_pipe(
        "span_ruler",
        name="registry_ruler",
        config={"phrase_matcher_attr": "NORM", "spans_key": "registry"},
    )
    registry.add_patterns(_registry_patterns(gazetteer))  # type: ignore[attr-defined]
    config = {"projects_file": projects_file}
    nlp.add_pipe("kupur_titled", config=config)
    nlp.add_pipe("kupur_organizations", config=config)
    nlp.add_pipe("kupur_projects", config=config)
    nlp.add_pipe("kupur_named", config=config)
    nlp.add_pipe("kupur_places", config=config)
    nlp.add_pipe("kupur_quantities")
    return nlp
