"""`kupur import` and `kupur export`: JSON lines in, JSON lines or CSV out, bad lines named."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from kupur.app.export import write_export
from kupur.app.importer import read_jsonl
from kupur.cli import cli
from kupur.core.errors import ImportFormatError
from kupur.core.models import Article, Entities, Person, ProvinceRef

GOOD = {
    "url": "https://www.ornekgazete.com.tr/samsun-haberleri/koruyucu-aile-gunu-4512?utm_source=x",
    "title": "Samsun’da Koruyucu Aile Günü",
    "text": "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü koruyucu ailelerle buluştu.",
    "published_at": "2025-11-04T10:30:00+03:00",
    "source": "ornekgazete",
    "yorum_sayisi": 4,
}


def _lines(*records: object) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]


def test_good_lines_become_articles_with_canonical_urls() -> None:
    (article,) = list(read_jsonl(_lines(GOOD)))
    assert isinstance(article, Article)
    assert article.canonical_url.endswith("koruyucu-aile-gunu-4512")
    assert "utm_source" not in article.canonical_url
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-11-04T10:30:00+03:00"


def test_bad_lines_are_reported_with_their_numbers() -> None:
    results = list(
        read_jsonl(
            _lines(
                GOOD,
                "{bozuk json",
                {**GOOD, "title": ""},
                ["liste"],
                {**GOOD, "published_at": "4 Kasım"},
                "",
                {**GOOD, "url": GOOD["url"] + "-2"},
            )
        )
    )
    errors = [r for r in results if isinstance(r, ImportFormatError)]
    assert [e.line_number for e in errors] == [2, 3, 4, 5]
    assert "not valid JSON" in str(errors[0])
    assert "title" in str(errors[1])
    assert "ISO 8601" in str(errors[3])
    assert sum(isinstance(r, Article) for r in results) == 2


def test_jsonl_round_trip_keeps_entities() -> None:
    article = Article(
        url="https://samsun.aile.gov.tr/duyurular/1",
        source="samsun-il",
        title="İl Müdürü Gümrükçü ziyaret etti",
        text="Kemal Gümrükçü Atakum’da.",
        entities=Entities(
            provinces=[ProvinceRef("Samsun", 55)],
            people=[Person("Kemal Gümrükçü", "İl Müdürü", None)],
        ),
    )
    out = io.StringIO()
    assert write_export([article], "jsonl", out) == 1
    back = Article.from_dict(json.loads(out.getvalue()))
    assert back.entities == article.entities
    assert (back.id, back.title) == (article.id, article.title)

    table = io.StringIO()
    write_export([article], "csv", table)
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert rows[0]["provinces"] == "Samsun"
    assert rows[0]["people"] == "Kemal Gümrükçü"


def test_import_cli_skips_bad_lines_and_exits_non_zero(tmp_path: Path) -> None:
    feed = tmp_path / "haberler.jsonl"
    feed.write_text(
        "\n".join(_lines(GOOD, "{bozuk", {**GOOD, "url": GOOD["url"].replace("4512", "4513")}))
        + "\n"
    )
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--data-dir", str(tmp_path / "d"), "import", str(feed), "--no-index"]
    )
    assert result.exit_code == 1
    assert "line 2" in result.output
    assert "2 new" in result.output

    again = runner.invoke(
        cli, ["--data-dir", str(tmp_path / "d"), "import", str(feed), "--no-index"]
    )
    assert "0 new" in again.output
    assert "2 unchanged" in again.output

    exported = runner.invoke(
        cli, ["--data-dir", str(tmp_path / "d"), "export", "--format", "jsonl"]
    )
    assert exported.exit_code == 0
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.startswith("{")]
    assert {r["title"] for r in records} == {GOOD["title"]}
    assert len(records) == 2


def test_lines_that_cannot_be_stored_are_named_and_the_rest_imported_and_enriched(
    tmp_path: Path,
) -> None:
    """Year 1 and year 9999 (which overflowed the pipeline's date arithmetic), a lone surrogate
    and a NUL (which broke the import, on PostgreSQL without naming the line) and a javascript:
    URL each get a message with their line number; the good lines are stored, enriched and
    indexed, and a later enrichment still runs."""

    def other(n: int, **changes: str) -> dict[str, object]:
        return {**GOOD, "url": GOOD["url"].replace("4512", str(4600 + n)), **changes}

    lines = [
        *_lines(GOOD, other(1, published_at="0001-01-01T00:00:00+00:00")),
        *_lines(other(2, published_at="9999-12-31T23:59:59+00:00")),
        json.dumps(other(3)).replace('"title": "', '"title": "\\ud800'),
        *_lines(other(4, text="Metin\u0000sonu"), other(5, url="javascript:alert(1)")),
        *_lines(other(6)),
    ]
    feed = tmp_path / "haberler.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    data = ["--data-dir", str(tmp_path / "d")]
    result = runner.invoke(cli, [*data, "import", str(feed)])

    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "line 2: published_at '0001-01-01T00:00:00+00:00' is outside" in output
    assert "line 3: published_at '9999-12-31T23:59:59+00:00' is outside" in output
    assert "line 4: title contains an unpaired surrogate (\\ud800)" in output
    assert "line 5: text contains a NUL character" in output
    assert "line 6: url must be an http(s) address" in output
    assert "2 new" in output
    assert "Traceback" not in result.output

    enriched = runner.invoke(cli, [*data, "enrich"])
    assert enriched.exit_code == 0, enriched.output
    found = runner.invoke(cli, [*data, "search", "koruyucu", "--json"])
    assert json.loads(found.stdout)["total"] == 2
