"""The Jinja2 environment of the pages: autoescaping always on, whatever the file name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kupur.core.models import ISTANBUL

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "templates"]

TEMPLATE_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")


def _thousands(value: int) -> str:
    """Turkish digit grouping: 12345 → "12.345"."""
    return f"{value:,}".replace(",", ".")


def _local_time(moment: datetime) -> str:
    """A moment as Turkish readers expect it: Europe/Istanbul, "20.11.2025 10:00"."""
    return moment.astimezone(ISTANBUL).strftime("%d.%m.%Y %H:%M")


_environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["thousands"] = _thousands
_environment.filters["local_time"] = _local_time
templates = Jinja2Templates(env=_environment)
