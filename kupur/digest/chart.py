"""The small chart of matching articles per day that a digest embeds (PNG, matplotlib Agg)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display: render to memory, in any thread, on a server

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

__all__ = ["mentions_chart"]

_COLOURS = ("#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d96a3")


def mentions_chart(series: Sequence[tuple[str, Sequence[tuple[date, int]]]], title: str) -> bytes:
    """A PNG line chart with one line per saved search: (label, [(day, count), ...])."""
    figure = Figure(figsize=(6.4, 2.4), dpi=100)
    axes = figure.add_subplot()
    all_days = sorted({day for _, points in series for day, _ in points})
    position = {day: n for n, day in enumerate(all_days)}
    for number, (label, points) in enumerate(series):
        counts = [count for _, count in points]
        axes.plot(
            [position[day] for day, _ in points],
            counts,
            marker="o",
            markersize=3,
            linewidth=1.6,
            color=_COLOURS[number % len(_COLOURS)],
            label=label,
        )
    axes.set_title(title, fontsize=10, loc="left")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0)
    axes.tick_params(labelsize=8)
    axes.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    step = max(1, len(all_days) // 8)
    ticks = all_days[::step]
    axes.set_xticks([position[d] for d in ticks], [f"{d.day:02d}.{d.month:02d}" for d in ticks])
    if len(series) > 1:
        axes.legend(fontsize=7, frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
