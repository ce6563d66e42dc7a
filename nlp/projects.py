"""Projects and programmes.

* A capitalised run (numbers and quoted names included) before a project head noun, in any case
  and case ending: "Sosyal Uyum Projesi'nin", "Siroma projesinde", "100 Günlük Cumhurbaşkanlığı
  İcraat Programı", "“Güçlü Aile” projesi".
* A short quoted name of capitalised words: “Aile Yılı”.
* Registered names and aliases (``projects.yaml``), with or without their head word.

Each span's canonical form is the registry id and name when the name (with or without its head
word) is registered, otherwise a slug of the found name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kupur.nlp.gazetteer import Gazetteer, load_gazetteer, slugify
from kupur.nlp.lexicon import CONNECTORS, PROJECT_HEADS, head_form, pair_head_form
from kupur.nlp.organizations import extend_name_left
from kupur.nlp.tokens import canonical_word, covered, is_cap, is_upper_word, span_group

__all__ = ["Projects"]

_OPEN_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_MAX_QUOTED = 7
_GENERIC = frozenset({"yeni", "bu", "söz", "konusu", "ilgili", "destek", "eğitim", "sosyal"})


@Language.factory("kupur_projects", default_config={"projects_file": ""})
def make_projects(nlp: Language, name: str, projects_file: str) -> Projects:
    return Projects(load_gazetteer(projects_file))


class Projects:
    """Finds projects and puts them in ``doc.spans["projects"]`` (``_.canonical`` is the id)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        organizations = span_group(doc, "organizations")
        taken = covered(doc, ("people",)) | {
            i
            for span in organizations
            if span.label_ != "ORG_REF"
            for i in range(span.start, span.end)
        }
        # A registered organisation named like a programme ("Birleşmiş Milletler Kalkınma
        # Programı") keeps its head noun.
        taken |= {
            span.end - 1
            for span in organizations
            if span.label_ == "ORG_REF" and head_form(span[-1].norm_, PROJECT_HEADS)
        }
        found: list[Span] = []
        quoted = self._quoted(doc, taken)
        quote_end = {span.end: span for span in quoted}
        for token in doc:
            if token.i in taken:
                continue
            head_end = token.i
            head = head_form(token.norm_, PROJECT_HEADS)
            previous = doc[token.i - 1].norm_ if token.i > 0 else ""
            pair = pair_head_form(previous, token.norm_)
            if pair is not None:
                head, head_end = pair, token.i - 1
            if head is None or is_upper_word(token):  # an ALL CAPS headline is not a name
                continue
            start, words = self._name_before(doc, head_end, taken, quote_end)
            if not words or all(w in _GENERIC for w in (t.norm_ for t in doc[start:head_end])):
                continue
            span = Span(doc, start, token.i + 1, label="PROJECT")
            self._set_canonical(span, " ".join([*words, head]))
            found.append(span)
        claimed = {i for span in found for i in range(span.start, span.end)} | taken
        for span in quoted:
            if not claimed.intersection(range(span.start, span.end)):
                inner = doc[span.start + 1 : span.end - 1]
                project = Span(doc, inner.start, inner.end, label="PROJECT")
                words = [canonical_word(t) for t in inner if t.text != ","]
                self._set_canonical(project, " ".join(words))
                found.append(project)
                claimed.update(range(span.start, span.end))
        for match in span_group(doc, "registry"):
            if match.label_ != "PROJECT" or claimed.intersection(range(match.start, match.end)):
                continue
            if not is_cap(match[0]):
                continue
            span = Span(doc, match.start, match.end, label="PROJECT")
            self._set_canonical(span, match.text)
            found.append(span)
        doc.spans["projects"] = found
        in_projects = {i for span in found for i in range(span.start, span.end)}
        doc.spans["organizations"] = [
            span
            for span in organizations
            if span.label_ != "ORG_REF" or not in_projects.intersection(range(span.start, span.end))
        ]
        return doc

    def _name_before(
        self, doc: Doc, head: int, taken: set[int], quote_end: dict[int, Span]
    ) -> tuple[int, list[str]]:
        """Start and words of the name before a head noun; a quoted name counts as words."""
        if head in quote_end:
            quoted = quote_end[head]
            inner = doc[quoted.start + 1 : quoted.end - 1]
            return quoted.start, [canonical_word(t) for t in inner if t.text != ","]
        start = extend_name_left(doc, head, taken, self.gazetteer)
        return start, [canonical_word(t) for t in doc[start:head]]

    def _quoted(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Short quotations whose words are all capitalised: “Aile Yılı”, "Mahalle Kadın Evi"."""
        spans: list[Span] = []
        i = 0
        while i < len(doc):
            closing = _OPEN_QUOTES.get(doc[i].text)
            if closing is None:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i <= _MAX_QUOTED + 1 and doc[end].text != closing:
                end += 1
            if end >= len(doc) or doc[end].text != closing or end == i + 1:
                i += 1
                continue
            inner = doc[i + 1 : end]
            words_ok = all(
                is_cap(t) or t.like_num or t.norm_ in CONNECTORS or t.text == "," for t in inner
            )
            if words_ok and is_cap(inner[0]) and not taken.intersection(range(i, end + 1)):
                spans.append(Span(doc, i, end + 1, label="QUOTED"))
            i = end + 1
        return spans

    def _set_canonical(self, span: Span, name: str) -> None:
        entry = self.gazetteer.project_entry(name)
        if entry is not None:
            span._.canonical = entry.id
            span._.display_name = entry.name
        else:
            span._.canonical = slugify(name)
            span._.display_name = name
