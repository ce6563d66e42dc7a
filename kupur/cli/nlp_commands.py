"""``kupur extract``, ``kupur eval nlp`` and ``kupur projects``: the NLP stage's own commands."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click
from rich.table import Table

from kupur.cli.common import App, pass_app

__all__ = ["eval_group", "extract", "nlp_eval", "projects"]


@click.command()
@click.argument("source", default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option(
    "--projects-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Project registry to link projects to (default: the configured one).",
)
@pass_app
def extract(app: App, source: str, pretty: bool, projects_file: Path | None) -> None:
    """Print the entities of a Turkish text (a file, or stdin with -) as JSON: provinces,
    districts, people, organizations, projects, dates, figures and mentions."""
    from kupur.nlp.extract import EntityExtractor

    if source == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"cannot read {source} as UTF-8 text: {exc}") from exc
    nlp = app.settings.nlp
    extractor = EntityExtractor(
        projects_file=projects_file or nlp.projects_file or None, ner_model=nlp.ner_model
    )
    entities = extractor.extract(text)
    click.echo(json.dumps(entities.to_dict(), ensure_ascii=False, indent=2 if pretty else None))


@click.group("eval")
def eval_group() -> None:
    """Measure a stage on its labelled data."""


@eval_group.command("nlp")
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="PART",
    help="Evaluate this part of the set, any nlp/data/eval/PART.yaml such as dev, heldout or "
    "blind1 (repeatable; default: dev and heldout, together and each separately).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and spurious entity.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@pass_app
def nlp_eval(app: App, parts: tuple[str, ...], show_errors: bool, as_json: bool) -> None:
    """Precision, recall and F1 per entity type on the annotated Turkish news set (document
    level: the set of canonical entities per text)."""
    from kupur.nlp.evaluation import ENTITY_TYPES, evaluate, load_eval_set
    from kupur.nlp.extract import EntityExtractor

    extractor = EntityExtractor(ner_model=app.settings.nlp.ner_model)
    selections = [list(parts)] if parts else [["dev", "heldout"], ["dev"], ["heldout"]]
    report: dict[str, dict[str, dict[str, float]]] = {}
    for selection in selections:
        texts = load_eval_set(selection)
        scores = evaluate(
            texts, extractor.extract_many([t.text for t in texts]), extractor.gazetteer
        )
        label = "+".join(selection)
        report[label] = {
            kind: {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            for kind, s in scores.items()
        }
        if as_json:
            continue
        table = Table(title=f"NLP entities on {label} ({len(texts)} texts)")
        for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "type" else "right")
        for kind in ENTITY_TYPES:
            s = scores[kind]
            table.add_row(
                kind,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(s.tp),
                str(s.fp),
                str(s.fn),
            )
        app.console.print(table)
        if show_errors:
            for kind in ENTITY_TYPES:
                for line in scores[kind].errors:
                    app.console.print(f"  {kind}: {line}")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))


@click.command()
@click.option("--unregistered", is_flag=True, help="Only projects not in the registry.")
@click.option("--min-count", default=1, show_default=True, help="Hide rarer projects.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@pass_app
def projects(app: App, unregistered: bool, min_count: int, as_json: bool) -> None:
    """List the projects found in the archive with the number of articles mentioning each and
    whether the registry knows them, so staff can promote frequent ones into projects.yaml."""
    from kupur.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(app.settings.nlp.projects_file)
    registered = {entry.id for entry in gazetteer.projects}
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for article in app.archive().iter_articles(enriched=True):
        if article.entities is None:
            continue
        for project in {p.id: p for p in article.entities.projects}.values():
            counts[project.id] += 1
            names.setdefault(project.id, Counter())[project.name] += 1
    rows = [
        {
            "id": project_id,
            "name": names[project_id].most_common(1)[0][0],
            "articles": count,
            "registered": project_id in registered,
        }
        for project_id, count in counts.most_common()
        if count >= min_count and not (unregistered and project_id in registered)
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"projects in the archive (registry: {gazetteer.projects_file})")
    for column in ("id", "name", "articles", "registered"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for row in rows:
        table.add_row(
            str(row["id"]),
            str(row["name"]),
            str(row["articles"]),
            "yes" if row["registered"] else "no",
        )
    app.console.print(table)
    if not rows:
        app.err.print("No project mentions found; run `kupur enrich` first.")
