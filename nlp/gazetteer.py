"""Gazetteers and registries: provinces, districts, given names, known organisations and projects.

All of them are read once (``load_gazetteer`` is cached per projects file) from ``nlp/data``; see
``nlp/data/README.md`` for where each list comes from. Names are compared by ``name_key`` — Turkish
lower case with circumflexes removed and apostrophe suffixes dropped — which is also what the
spaCy pipeline puts in a token's ``norm_``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kupur.core import places
from kupur.core.errors import ConfigError
from kupur.core.places import PROVINCE_ALIASES
from kupur.core.turkish import search_key, strip_suffix, turkish_lower
from kupur.nlp.lexicon import PROJECT_HEADS, head_form

__all__ = [
    "DATA_DIR",
    "DEFAULT_PROJECTS_FILE",
    "Gazetteer",
    "RegistryEntry",
    "load_gazetteer",
    "name_key",
    "norm_text",
    "slugify",
]

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PROJECTS_FILE = DATA_DIR / "projects.yaml"

_CIRCUMFLEX = str.maketrans({"â": "a", "î": "i", "û": "u"})


def norm_text(text: str) -> str:
    """Token normal form: Turkish lower case without circumflexes ("HAKKÂRİ" → "hakkari")."""
    return turkish_lower(text).translate(_CIRCUMFLEX)


def name_key(text: str) -> str:
    """Comparison key of a multi-word name: each word normalised, apostrophe suffixes dropped."""
    return " ".join(norm_text(strip_suffix(word)) for word in text.split())


def slugify(text: str) -> str:
    """ASCII slug used as the id of an unregistered project ("Güçlü Aile Projesi" → "guclu-aile-projesi")."""
    return re.sub(r"[^a-z0-9]+", "-", search_key(text)).strip("-")


#: District names that are also common words, weekdays, months, regions, rivers or frequent
#: surnames. They count only with a cue ("Çarşamba ilçesi", "Pazar Kaymakamı", "Kale Belediyesi").
AMBIGUOUS_DISTRICTS = frozenset(
    [
        "Akdeniz",
        "Aralık",
        "Perşembe",
        "Çarşamba",
        "Pazar",
        "Kale",
        "Saray",
        "Bahçe",
        "Han",
        "Çay",
        "Tut",
        "Bor",
        "Ula",
        "Sur",
        "Mut",
        "Of",
        "Olur",
        "Orta",
        "Güney",
        "Çınar",
        "Kiraz",
        "Kavak",
        "Kartal",
        "Keskin",
        "Kula",
        "Kulp",
        "Ulus",
        "Maden",
        "Genç",
        "Evren",
        "Termal",
        "Marmara",
        "Menderes",
        "Çukurova",
        "Dikmen",
        "Kumru",
        "Çiftlik",
        "Delice",
        "Çelebi",
        "Derbent",
        "Susuz",
        "Hamur",
        "Yenice",
        "Yenimahalle",
        "Yenişehir",
        "Gölbaşı",
        "Ereğli",
        "Elbeyli",
        "Korkut",
        "Eskil",
        "Evciler",
        "Hacılar",
        "Hocalar",
        "Çobanlar",
        "Pazarlar",
        "Seydiler",
        "Oğuzlar",
        "Ömerli",
        "Kemer",
        "Kemah",
        "Ortaköy",
        "Çat",
        "Çal",
        "Çan",
        "Hani",
        "Emet",
        "Eğil",
        "Kaş",
        "Zara",
        "Vize",
        "Tire",
        "Bucak",
        "Gediz",
        "Kızılırmak",
        "Dicle",
        "Fatih",
        "Selim",
        "Yıldırım",
        "Nilüfer",
        "Yunusemre",
        "İnönü",
        "Atabey",
        "Bayındır",
        "Konak",
        "Muradiye",
        "Demirci",
        "Karataş",
        "Akpınar",
        "Bozkurt",
        "İmamoğlu",
        "Menteşe",
        "Körfez",
        "Çeşme",
        "Dörtyol",
        "Köse",
        "Alaca",
        "Aksu",
        "Güce",
        "Kemalpaşa",
        "Pamukkale",
        "Gaziosmanpaşa",
        "Karaburun",
        "Sultanhanı",
        "Cumayeri",
        "Akyaka",
        "Kocaköy",
        "Gürpınar",
        "Balya",
        "Kabataş",
        "Çanakçı",
        "Mahmudiye",
        "Kurtalan",
        "Kaman",
        "Bala",
        "Sarıkaya",
        "Aydıncık",
        "Ayvacık",
        "Bayat",
        "Edremit",
        "Gönen",
        "Köprübaşı",
        "Ovacık",
        "Pınarbaşı",
        "Ulubey",
        "Yenipazar",
        "Yeşilyurt",
        "Altınyayla",
        "Yakakent",
        "Hisarcık",
        "İnhisar",
        "Kadıköy",
        "Güney",
        "Sultan",
        "Taşova",
        "Orhangazi",
        "Osmangazi",
        "Selçuk",
        "Selçuklu",
        "Yavuzeli",
        "Şehitkamil",
        "Battalgazi",
        "Eyüpsultan",
        "Kazımkarabekir",
        "Akıncılar",
        "Tuzla",
        "Esenler",
        "Beşiktaş",
        "Başakşehir",
        "Karşıyaka",
        "Altındağ",
    ]
) | {"19 Mayıs", "Ondokuz Mayıs"}

#: Other spellings of district names.
DISTRICT_ALIASES = {"Ondokuzmayıs": "19 Mayıs", "Ondokuz Mayıs": "19 Mayıs"}

#: Places that are also given names or surnames: after an unknown capitalised word ("Sahit
#: Aydın") or before a surname ("Fatih Kaya") they are read as part of a person's name.
NAME_LIKE_PLACES = frozenset(
    [
        "Aydın",
        "Fatih",
        "Selim",
        "Dicle",
        "Nilüfer",
        "Yıldırım",
        "Düzce",
        "Denizli",
        "Demirci",
        "Karataş",
        "Akpınar",
        "Bozkurt",
        "Kartal",
        "Keskin",
        "Korkut",
        "Güney",
        "Evren",
        "Dikmen",
        "Çınar",
        "Kavak",
        "Kiraz",
        "İmamoğlu",
        "Menteşe",
        "Uşak",
        "Batman",
        "Sultan",
        "Selçuk",
        "Atabey",
        "Bayındır",
        "Kaman",
        "Yavuzeli",
        "Köse",
        "Alaca",
        "Delice",
        "Çelebi",
        "Orhangazi",
        "Osmangazi",
        "Gönen",
    ]
)


@dataclass(frozen=True)
class RegistryEntry:
    """One registered organisation or project."""

    id: str
    name: str
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Everything the pipeline looks names up in; built once by ``load_gazetteer``."""

    provinces: dict[str, int]
    #: district name → provinces that have a district of that name
    districts: dict[str, tuple[str, ...]]
    #: name_key of a province name or alias → canonical province
    province_keys: dict[str, str]
    given_names: frozenset[str]
    organizations: list[RegistryEntry]
    projects: list[RegistryEntry]
    projects_file: Path
    #: name_key of any registry name, alias or abbreviation → entry
    org_keys: dict[str, RegistryEntry] = field(default_factory=dict)
    project_keys: dict[str, RegistryEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.organizations:
            for text in (entry.name, *entry.aliases, entry.abbreviation or ""):
                if text:
                    self.org_keys[name_key(text)] = entry
        for entry in self.projects:
            for text in (entry.name, *entry.aliases):
                key = name_key(text)
                self.project_keys[key] = entry
                words = key.split()
                if len(words) > 1 and head_form(words[-1], PROJECT_HEADS):
                    # "Umut Işığı Projesi" is also found as "Umut Işığı".
                    self.project_keys.setdefault(" ".join(words[:-1]), entry)

    def project_entry(self, name: str) -> RegistryEntry | None:
        """The registered project a found name refers to, with or without its head word."""
        key = name_key(name)
        if key in self.project_keys:
            return self.project_keys[key]
        words = key.split()
        if len(words) > 1:
            return self.project_keys.get(" ".join(words[:-1]))
        return None


def _read_yaml_registry(path: Path, kind: str) -> list[RegistryEntry]:
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{kind} registry {path} does not exist; fix nlp.projects_file") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{kind} registry {path} is not valid YAML: {exc}") from None
    if not isinstance(raw, list):
        raise ConfigError(f"{kind} registry {path} must be a list of entries with id and name")
    entries: list[RegistryEntry] = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise ConfigError(f"{kind} registry {path}: entry {number} needs an id and a name")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise ConfigError(f"{kind} registry {path}: aliases of {item['id']} must be a list")
        abbreviation = item.get("abbreviation")
        entries.append(
            RegistryEntry(
                id=str(item["id"]),
                name=str(item["name"]),
                abbreviation=str(abbreviation) if abbreviation else None,
                aliases=tuple(str(a) for a in aliases),
            )
        )
    return entries


@lru_cache(maxsize=8)
def load_gazetteer(projects_file: str = "") -> Gazetteer:
    """Read every list once; ``projects_file`` empty means the shipped registry."""
    provinces = {p.name: p.plate for p in places.provinces()}
    province_keys = {name_key(name): name for name in provinces}
    province_keys.update({name_key(alias): name for alias, name in PROVINCE_ALIASES.items()})
    given = (DATA_DIR / "given_names.txt").read_text(encoding="utf-8").splitlines()
    given_names = frozenset(norm_text(n.strip()) for n in given if n.strip() and n[0] != "#")
    projects_path = Path(projects_file) if projects_file else DEFAULT_PROJECTS_FILE
    return Gazetteer(
        provinces=provinces,
        districts=places.districts(),
        province_keys=province_keys,
        given_names=given_names,
        organizations=_read_yaml_registry(DATA_DIR / "organizations.yaml", "organisation"),
        projects=_read_yaml_registry(projects_path, "project"),
        projects_file=projects_path,
    )
