"""Document-level evaluation of entity extraction on the annotated set in ``nlp/data/eval``.

For each text and each entity type the extractor's set of canonical entities is compared with the
annotated set; true positives, false positives and false negatives are summed over the texts and
give precision, recall and F1 per type. Keys (see ``nlp/data/eval/README.md``):

* provinces — province name; districts — "District/Province";
* people — the person's name; officials — "name | title" for people the text gives a title;
* organizations — canonical name; projects — registry id, or the slug of the name;
* dates — ISO string; figures — the value and the first four letters of the unit's first word,
  one a prefix of the other (so "17.076 çocuğa" matches "17076 çocuk" and "81 ilde" "81 il").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from kupur.core.errors import ConfigError
from kupur.core.models import Entities
from kupur.core.turkish import fold
from kupur.nlp.gazetteer import DATA_DIR, Gazetteer, name_key, slugify

__all__ = [
    "ENTITY_TYPES",
    "EVAL_DIR",
    "EvalText",
    "Score",
    "available_parts",
    "evaluate",
    "gold_keys",
    "load_eval_set",
    "predicted_keys",
]

EVAL_DIR = DATA_DIR / "eval"
ENTITY_TYPES = (
    "provinces",
    "districts",
    "people",
    "officials",
    "organizations",
    "projects",
    "dates",
    "figures",
)


@dataclass(frozen=True)
class EvalText:
    id: str
    text: str
    gold: dict[str, tuple[str, ...]]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def available_parts() -> list[str]:
    """The part names that can be evaluated: every ``nlp/data/eval/<part>.yaml``."""
    return sorted(path.stem for path in EVAL_DIR.glob("*.yaml"))


def load_eval_set(parts: Iterable[str] = ("dev", "heldout")) -> list[EvalText]:
    """Read the named parts (``nlp/data/eval/<part>.yaml``)."""
    texts: list[EvalText] = []
    for part in parts:
        path = EVAL_DIR / f"{part}.yaml"
        if not path.exists():
            known = ", ".join(available_parts())
            raise ConfigError(
                f"evaluation part {part!r} not found ({path}); available parts: {known}"
            )
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in raw:
            gold = {
                key: tuple(str(v) for v in item.get(key) or [])
                for key in ("provinces", "districts", "people", "organizations", "projects")
            }
            gold["dates"] = tuple(str(v) for v in item.get("dates") or [])
            gold["figures"] = tuple(str(v) for v in item.get("figures") or [])
            texts.append(EvalText(id=str(item["id"]), text=str(item["text"]), gold=gold))
    return texts


def _figure_key(value: float, unit: str) -> str:
    first = fold(unit.split()[0]) if unit.split() else ""
    return f"{value:g} {first[:4]}"


def _project_key(name: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.project_entry(name)
    return entry.id if entry else slugify(name)


def gold_keys(text: EvalText, gazetteer: Gazetteer) -> dict[str, set[str]]:
    gold = text.gold
    keys: dict[str, set[str]] = {
        "provinces": {name_key(p) for p in gold["provinces"]},
        "districts": {name_key(d) for d in gold["districts"]},
        "organizations": {name_key(o) for o in gold["organizations"]},
        "projects": {_project_key(p, gazetteer) for p in gold["projects"]},
        "dates": set(gold["dates"]),
    }
    people: set[str] = set()
    officials: set[str] = set()
    for entry in gold["people"]:
        name, _, title = (part.strip() for part in entry.partition("|"))
        people.add(name_key(name))
        if title:
            officials.add(f"{name_key(name)} | {name_key(title)}")
    keys["people"] = people
    keys["officials"] = officials
    figures: set[str] = set()
    for figure in gold["figures"]:
        value, _, unit = figure.partition(" ")
        figures.add(_figure_key(float(value), unit))
    keys["figures"] = figures
    return keys


def _align_figures(gold: set[str], found: set[str]) -> tuple[set[str], set[str]]:
    """Rewrite found figure keys to the gold key they match (same value, unit prefix)."""
    aligned: set[str] = set()
    for key in found:
        value, _, unit = key.partition(" ")
        match = next(
            (
                g
                for g in gold
                if g.partition(" ")[0] == value
                and (g.partition(" ")[2].startswith(unit) or unit.startswith(g.partition(" ")[2]))
            ),
            key,
        )
        aligned.add(match)
    return gold, aligned


def predicted_keys(entities: Entities) -> dict[str, set[str]]:
    return {
        "provinces": {name_key(p.name) for p in entities.provinces},
        "districts": {name_key(f"{d.name}/{d.province}") for d in entities.districts},
        "people": {name_key(p.name) for p in entities.people},
        "officials": {
            f"{name_key(p.name)} | {name_key(p.title)}" for p in entities.people if p.title
        },
        "organizations": {name_key(o.name) for o in entities.organizations},
        "projects": {p.id for p in entities.projects},
        "dates": set(entities.dates),
        "figures": {_figure_key(f.value, f.unit) for f in entities.figures},
    }


def evaluate(
    texts: list[EvalText], predictions: list[Entities], gazetteer: Gazetteer
) -> dict[str, Score]:
    """Per-type scores; each score keeps readable error lines for the CLI's ``--errors``."""
    scores = {kind: Score() for kind in ENTITY_TYPES}
    for text, entities in zip(texts, predictions, strict=True):
        gold = gold_keys(text, gazetteer)
        found = predicted_keys(entities)
        gold["figures"], found["figures"] = _align_figures(gold["figures"], found["figures"])
        for kind in ENTITY_TYPES:
            score = scores[kind]
            score.tp += len(gold[kind] & found[kind])
            for missing in sorted(gold[kind] - found[kind]):
                score.fn += 1
                score.errors.append(f"{text.id}: missed {missing}")
            for extra in sorted(found[kind] - gold[kind]):
                score.fp += 1
                score.errors.append(f"{text.id}: spurious {extra}")
    return scores
