"""``kupur search``: the query language from the command line, as a list or as JSON."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.text import Text

from kupur.cli.common import App, data_dir_option, pass_app
from kupur.core.errors import QuerySyntaxError

if TYPE_CHECKING:
    from kupur.index.api import Hit, SearchResult

__all__ = ["render_snippet", "search"]

_MARK_RE = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def render_snippet(snippet: str) -> Text:
    """The HTML-safe snippet as rich text: <mark> spans highlighted, entities unescaped."""
    import html

    text = Text()
    cursor = 0
    for match in _MARK_RE.finditer(snippet):
        text.append(html.unescape(snippet[cursor : match.start()]))
        text.append(html.unescape(match.group(1)), style="bold black on yellow")
        cursor = match.end()
    text.append(html.unescape(snippet[cursor:]))
    return text


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD") from None


@click.command()
@click.argument("query", required=False, default="")
@click.option("--province", "provinces", multiple=True, help="Only articles about this province.")
@click.option("--since", help="Published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this day (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--facets", is_flag=True, help="Count results by province, person, source...")
@click.option(
    "--histogram", type=click.Choice(["day", "week", "month"]), help="Results per period."
)
@click.option("--collapse", is_flag=True, help="One result per story (+N other outlets).")
@click.option("--semantic", is_flag=True, help="Rank by meaning (embeddings), not words.")
@click.option("--hybrid", is_flag=True, help="Fuse word and meaning rankings.")
@click.option("--like", "like_id", help="Find stories like this article id.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@data_dir_option
@pass_app
def search(
    app: App,
    query: str,
    provinces: tuple[str, ...],
    since: str | None,
    until: str | None,
    limit: int,
    page: int,
    sort: str,
    facets: bool,
    histogram: str | None,
    collapse: bool,
    semantic: bool,
    hybrid: bool,
    like_id: str | None,
    as_json: bool,
) -> None:
    """Search the index. QUERY uses Kupür's query language, e.g.

    \b
      kupur search 'kooperatif il:Samsun tarih:2025-11'
      kupur search '"aile ve sosyal" (proje OR program) NOT ihale' --facets
      kupur search --like 3f2a9c0d1e7b4a55 --collapse
    """
    if semantic and hybrid:
        raise click.UsageError("choose one of --semantic and --hybrid")
    if not query.strip() and not like_id:
        raise QuerySyntaxError("the query is empty: type what to search for", query, 0)
    offset = (page - 1) * limit
    result = app.kupur().search(
        query,
        provinces=provinces,
        since=_day(since),
        until=_day(until),
        sort=sort,  # type: ignore[arg-type]
        limit=limit,
        offset=offset,
        facets=facets or as_json,
        histogram=histogram,  # type: ignore[arg-type]
        collapse_stories=collapse,
        mode="semantic" if semantic else "hybrid" if hybrid else "keyword",
        like_id=like_id,
    )
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    _print(app, offset, result)


def _print(app: App, offset: int, result: SearchResult) -> None:
    console = app.console
    first = offset + 1 if result.hits else 0
    last = offset + len(result.hits) if result.hits else 0
    console.print(f"[bold]{result.total}[/bold] result(s); showing {first}–{last}")
    for hit in result.hits:
        console.print()
        _print_hit(app, hit)
    if result.facets:
        console.print()
        for name, buckets in result.facets.items():
            if buckets:
                shown = ", ".join(f"{escape(b.value)} ({b.count})" for b in buckets)
                console.print(f"[bold]{name}[/bold]: {shown}")
    if result.histogram:
        console.print()
        peak = max(b.count for b in result.histogram)
        for bucket in result.histogram:
            bar = "█" * max(1, round(30 * bucket.count / peak))
            console.print(f"{bucket.key}  {bar} {bucket.count}")


def _print_hit(app: App, hit: Hit) -> None:
    when = _format_date(hit.published_at)
    line = Text(hit.title, style="bold")
    if hit.other_outlets:
        line.append(f"  +{hit.other_outlets} other outlet(s)", style="cyan")
    app.console.print(line)
    app.console.print(Text(f"{when} · {hit.source} · {hit.url}", style="dim"))
    if hit.snippet:
        app.console.print(render_snippet(hit.snippet))


def _format_date(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "undated"
