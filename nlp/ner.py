"""Optional transformers token-classification NER that adds people and organisations.

No Turkish NER weights ship in a package, so this backend loads a model (e.g. a BERTurk NER
fine-tune) from a local folder only — the hub is switched off, nothing is downloaded. Its
PER/ORG entities go into the same span groups as the rule-based ones, placed before
``kupur_places`` so a place inside a person's name is still dropped; where the rules already
found something the rules win.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kupur.core.errors import ModelNotFoundError
from kupur.nlp.people import person_name
from kupur.nlp.tokens import span_group

__all__ = ["NEREntity", "TransformersNER", "add_ner_component"]

_PERSON_LABELS = frozenset({"PER", "PERSON"})
_ORG_LABELS = frozenset({"ORG", "ORGANIZATION"})
_CHUNK_CHARS = 1000


@dataclass(frozen=True)
class NEREntity:
    start: int
    end: int
    label: str


class TransformersNER:
    """A token-classification model from a local folder, entities merged to whole words."""

    def __init__(self, path: str | Path) -> None:
        folder = Path(path).expanduser()
        if not folder.is_dir() or not (folder / "config.json").exists():
            raise ModelNotFoundError(
                f"NER model folder {folder} does not exist or holds no config.json; set "
                "nlp.ner_model to a local transformers token-classification model, or leave it empty"
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise ModelNotFoundError(
                "the NER backend needs the 'ml' extra (pip install 'kupur[ml]')"
            ) from exc
        try:
            self._tokenizer: Any = AutoTokenizer.from_pretrained(folder, local_files_only=True)
            self._model: Any = AutoModelForTokenClassification.from_pretrained(
                folder, local_files_only=True
            )
        except (OSError, ValueError) as exc:
            raise ModelNotFoundError(f"cannot load the NER model in {folder}: {exc}") from exc
        if not getattr(self._tokenizer, "is_fast", False):
            raise ModelNotFoundError(f"the NER model in {folder} needs a fast tokenizer")
        self._model.eval()
        self._torch = torch
        self._labels: dict[int, str] = {
            int(k): str(v) for k, v in self._model.config.id2label.items()
        }

    def predict(self, text: str) -> list[NEREntity]:
        """Entities with character offsets into ``text``."""
        entities: list[NEREntity] = []
        for offset, chunk in _chunks(text):
            entities.extend(
                NEREntity(e.start + offset, e.end + offset, e.label) for e in self._chunk(chunk)
            )
        return entities

    def _chunk(self, text: str) -> list[NEREntity]:
        encoding = self._tokenizer(
            text, return_offsets_mapping=True, truncation=True, max_length=512, return_tensors="pt"
        )
        offsets = encoding.pop("offset_mapping")[0].tolist()
        word_ids = encoding.word_ids(0)
        with self._torch.no_grad():
            logits = self._model(**encoding).logits[0]
        predicted = logits.argmax(-1).tolist()
        words: list[tuple[int, int, str]] = []
        previous_word = None
        for index, word in enumerate(word_ids):
            if word is None:
                continue
            start, end = offsets[index]
            if word == previous_word:
                words[-1] = (words[-1][0], end, words[-1][2])
            else:
                words.append((start, end, self._labels.get(predicted[index], "O")))
            previous_word = word
        return _merge_words(words)


def _merge_words(words: list[tuple[int, int, str]]) -> list[NEREntity]:
    """BIO word labels to entities: B- starts one, I- of the same type continues it."""
    entities: list[NEREntity] = []
    current: list[Any] | None = None
    for start, end, label in words:
        prefix, _, kind = label.partition("-") if "-" in label else ("B", "", label)
        if label == "O" or not kind:
            current = None
            continue
        if prefix == "I" and current is not None and current[2] == kind:
            current[1] = end
            entities[-1] = NEREntity(current[0], end, kind)
            continue
        current = [start, end, kind]
        entities.append(NEREntity(start, end, kind))
    return entities


def _chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of at most about ``_CHUNK_CHARS`` characters, cut after sentence ends."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK_CHARS)
        if end < len(text):
            cut = max(
                (m.end() for m in re.finditer(r"[.!?]\s", text[start:end])),
                default=end - start,
            )
            end = start + cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class NERComponent:
    """spaCy component wrapping ``TransformersNER``."""

    def __init__(self, model: TransformersNER) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        people = span_group(doc, "people")
        organizations = span_group(doc, "organizations")
        claimed = {i for span in [*people, *organizations] for i in range(span.start, span.end)}
        for entity in self.model.predict(doc.text):
            span = doc.char_span(entity.start, entity.end, alignment_mode="contract")
            if span is None or len(span) == 0 or claimed.intersection(range(span.start, span.end)):
                continue
            if entity.label in _PERSON_LABELS:
                span = Span(doc, span.start, span.end, label="PERSON")
                span._.canonical = person_name(span)
                people.append(span)
            elif entity.label in _ORG_LABELS:
                span = Span(doc, span.start, span.end, label="ORG")
                span._.canonical = span.text
                organizations.append(span)
            else:
                continue
            claimed.update(range(span.start, span.end))
        doc.spans["people"] = people
        doc.spans["organizations"] = organizations
        return doc


@Language.factory("kupur_transformers_ner", default_config={"model_path": ""})
def make_ner(nlp: Language, name: str, model_path: str) -> NERComponent:
    return NERComponent(TransformersNER(model_path))


def add_ner_component(nlp: Language, path: str) -> None:
    """Load the model (raising ``ModelNotFoundError`` at once) and add it before the places."""
    nlp.add_pipe("kupur_transformers_ner", before="kupur_places", config={"model_path": str(path)})
