"""The NLP commands, run through click with a real App (settings from a temporary data dir)."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from kupur.cli.common import App
from kupur.cli.nlp_commands import eval_group, extract, projects
from kupur.core.models import Article


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("KUPUR_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    @click.group()
    @click.pass_context
    def cli(ctx):
        ctx.obj = App(None, str(tmp_path), 0)
        ctx.call_on_close(ctx.obj.close)

    for command in (extract, eval_group, projects):
        cli.add_command(command)
    return cli


def test_extract_reads_stdin_and_files(root, tmp_path):
    runner = CliRunner()
    result = runner.invoke(root, ["extract", "-"], input="Bafra'da 120 yaşlıya ziyaret.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["districts"] == [{"name": "Bafra", "province": "Samsun"}]
    article = tmp_path / "haber.txt"
    article.write_text("Vali Orhan Tavlı konuştu.", encoding="utf-8")
    result = runner.invoke(root, ["extract", "--pretty", str(article)])
    assert json.loads(result.output)["people"][0]["title"] == "Vali"
    assert "\n  " in result.output


def test_eval_nlp_prints_a_table_per_part(root):
    result = CliRunner().invoke(root, ["eval", "nlp", "--part", "heldout"])
    assert result.exit_code == 0, result.output
    assert "heldout" in result.output
    assert "provinces" in result.output
    assert "F1" in result.output


def test_every_command_has_help(root):
    for args in (["extract", "--help"], ["eval", "nlp", "--help"], ["projects", "--help"]):
        result = CliRunner().invoke(root, args)
        assert result.exit_code == 0
        assert len(result.output) > 100


def test_projects_lists_what_the_archive_mentions(root, tmp_path):
    from kupur.nlp.enrich import Enricher

    texts = [
        "SİROMA Projesi kapsamında Samsun'da çalışma yapıldı.",
        "Siroma projesi ile “Mahalle Buluşmaları” etkinliği düzenlendi.",
    ]
    articles = [
        Article(url=f"https://haber.example/{i}", source="demo", title="Haber", text=text)
        for i, text in enumerate(texts)
    ]
    Enricher(embedding_backend="none").enrich(articles, [])
    archive = App(None, str(tmp_path), 0).archive()
    for article in articles:
        archive.save(article)
    archive.save_enrichment(articles)
    archive.close()
    result = CliRunner().invoke(root, ["projects", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {"id": "siroma", "name": "SİROMA Projesi", "articles": 2, "registered": True},
        {
            "id": "mahalle-bulusmalari",
            "name": "Mahalle Buluşmaları",
            "articles": 1,
            "registered": False,
        },
    ]
    unregistered = CliRunner().invoke(root, ["projects", "--unregistered", "--json"])
    assert [row["id"] for row in json.loads(unregistered.output)] == ["mahalle-bulusmalari"]


def test_eval_nlp_scores_any_part_file_by_name(root):
    from kupur.nlp.evaluation import available_parts

    assert {"dev", "heldout", "blind1"} <= set(available_parts())
    result = CliRunner().invoke(root, ["eval", "nlp", "--part", "blind1", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["blind1"]
    assert scores["provinces"]["tp"] > 40
    unknown = CliRunner().invoke(root, ["eval", "nlp", "--part", "nosuchpart"])
    assert unknown.exit_code != 0
    assert "blind1" in str(unknown.exception)
