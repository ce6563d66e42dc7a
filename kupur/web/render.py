"""Turning untrusted article data into safe HTML: marked entities, snippets and the chart.

Everything a crawled page supplied (titles, text, entity names, labels) is escaped here or by
Jinja's autoescaping; only the markup built in this module is trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from kupur.core.models import Mention

__all__ = ["Bar", "Chart", "bar_chart", "mark_entities", "safe_snippet"]

#: Turkish names of mention labels, shown as the tooltip of a marked entity.
LABEL_NAMES = {
    "province": "İl",
    "district": "İlçe",
    "person": "Kişi",
    "per": "Kişi",
    "organization": "Kurum",
    "org": "Kurum",
    "project": "Proje",
    "date": "Tarih",
    "figure": "Sayı",
    "loc": "Yer",
}
_CLASS_RE = re.compile(r"[^a-z0-9-]")
_MARK_RE = re.compile(r"(</?mark>)")


def _label_class(label: str) -> str:
    return "ent-" + (_CLASS_RE.sub("", label.lower()) or "other")


def mark_entities(text: str, mentions: list[Mention]) -> Markup:
    """The article text, escaped, with each mention wrapped in ``<mark class="ent ent-LABEL">``;
    paragraphs (lines) become ``<p>``. Mentions that overlap an earlier one or fall outside the
    text are left unmarked rather than breaking the markup."""
    pieces: list[str] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < cursor or mention.end > len(text) or mention.start >= mention.end:
            continue
        pieces.append(str(escape(text[cursor : mention.start])))
        label = mention.label
        title = LABEL_NAMES.get(label.lower(), label)
        pieces.append(
            f'<mark class="ent {_label_class(label)}" title="{escape(title)}">'
            f"{escape(text[mention.start : mention.end])}</mark>"
        )
        cursor = mention.end
    pieces.append(str(escape(text[cursor:])))
    html = "".join(pieces)
    paragraphs = [line for line in html.split("\n") if line.strip()]
    return Markup("".join(f"<p>{line}</p>" for line in paragraphs))


def safe_snippet(snippet: str) -> Markup:
    """A backend's snippet, trusted only for its ``<mark>`` tags.

    The index contract says snippets are escaped text with ``<mark>`` spans; in case a backend
    ever slips, any other ``<`` or ``>`` is escaped again so it shows as text.
    """
    parts = _MARK_RE.split(snippet)
    safe = [
        part if part in ("<mark>", "</mark>") else part.replace("<", "&lt;").replace(">", "&gt;")
        for part in parts
    ]
    opened = safe.count("<mark>") - safe.count("</mark>")
    return Markup("".join(safe) + "</mark>" * max(opened, 0))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Chart:
    """A bar chart laid out for an inline SVG (the template draws it; no script, no CDN)."""

    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    max_count: int
    baseline: float


_MONTHS = ("Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara")


def period_label(day: date, interval: str) -> str:
    """Short Turkish label of a period: "Kas 2025" for a month, "03.11.2025" for a day/week."""
    if interval == "month":
        return f"{_MONTHS[day.month - 1]} {day.year}"
    return day.strftime("%d.%m.%Y")


def bar_chart(
    series: list[tuple[date, int]], interval: str, width: int = 720, height: int = 220
) -> Chart:
    """Lay out one bar per period; at most about eight axis labels, evenly spaced."""
    left, right, top, bottom = 36.0, 8.0, 10.0, 28.0
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((count for _, count in series), default=0)
    scale = plot_h / peak if peak else 0.0
    slot = plot_w / len(series) if series else plot_w
    bars = []
    for i, (day, count) in enumerate(series):
        bar_h = count * scale
        bars.append(
            Bar(
                x=round(left + i * slot + slot * 0.1, 2),
                y=round(top + plot_h - bar_h, 2),
                width=round(max(slot * 0.8, 1.0), 2),
                height=round(bar_h, 2),
                label=period_label(day, interval),
                count=count,
            )
        )
    step = max(1, -(-len(series) // 8))
    ticks = [
        (round(left + i * slot + slot / 2, 2), period_label(day, interval))
        for i, (day, _) in enumerate(series)
        if i % step == 0
    ]
    return Chart(width, height, bars, ticks, peak, top + plot_h)
