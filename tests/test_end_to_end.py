"""The spine end to end, through the real command line: the demo sites served on loopback, crawled
by the real spiders in a subprocess, enriched, indexed in tantivy and searched; re-runs that store
nothing twice; import and export; and the mistakes a new user makes first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import DemoRun, kupur_env


def kupur(*args: str, data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kupur", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=kupur_env(),
        timeout=300,
        check=False,
    )


def search_json(query: str, data_dir: Path, *options: str) -> dict:
    done = kupur("search", query, "--json", *options, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_demo_crawls_enriches_indexes_and_prints_hits(demo_run: DemoRun) -> None:
    assert "42 new" in demo_run.stderr
    assert "0 failed" in demo_run.stderr
    assert "SİROMA" in demo_run.stdout
    assert "Where the data went" in demo_run.stdout
    assert (demo_run.data_dir / "archive.sqlite3").is_file()
    assert list((demo_run.data_dir / "sample-digest").glob("*.eml"))


def test_demo_articles_are_searchable_with_entities(demo_run: DemoRun) -> None:
    result = search_json("il:samsun proje:siroma", demo_run.data_dir, "--facets")
    assert result["total"] >= 3
    for hit in result["hits"]:
        assert "Samsun" in [p["name"] for p in hit["entities"]["provinces"]]
        assert hit["url"].startswith("http://127.0.0.1:")
    provinces = {b["value"] for b in result["facets"]["province"]}
    assert "Samsun" in provinces

    folded = search_json("demirtas", demo_run.data_dir)
    assert folded["total"] >= 1
    assert any("Demirtaş" in h["snippet"] for h in folded["hits"])


def test_running_the_pipeline_again_stores_and_indexes_nothing_twice(
    demo_run: DemoRun, tmp_path: Path
) -> None:
    copy = tmp_path / "again"
    subprocess.run(["cp", "-r", str(demo_run.data_dir), str(copy)], check=True)
    before = search_json("aile", copy)["total"]
    again = subprocess.run(
        [sys.executable, "-m", "kupur", "demo", "--data-dir", str(copy)],
        capture_output=True,
        text=True,
        env=kupur_env(),
        timeout=300,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr
    exported = kupur("export", data_dir=copy)
    assert len(exported.stdout.splitlines()) == 42
    assert search_json("aile", copy)["total"] == before


def test_export_then_import_round_trip(demo_run: DemoRun, tmp_path: Path) -> None:
    exported = kupur("export", "--format", "jsonl", data_dir=demo_run.data_dir)
    assert exported.returncode == 0
    dump = tmp_path / "haberler.jsonl"
    dump.write_text(exported.stdout, encoding="utf-8")

    fresh = tmp_path / "fresh"
    imported = kupur("import", str(dump), data_dir=fresh)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 42 new" in imported.stderr

    original = {json.loads(line)["id"]: json.loads(line) for line in exported.stdout.splitlines()}
    again = kupur("export", data_dir=fresh)
    copies = {json.loads(line)["id"]: json.loads(line) for line in again.stdout.splitlines()}
    assert copies.keys() == original.keys()
    for key, record in copies.items():
        assert record["title"] == original[key]["title"]
        assert record["published_at"] == original[key]["published_at"]
        assert record["entities"]["provinces"] == original[key]["entities"]["provinces"]
    assert (
        search_json("proje:siroma", fresh)["total"]
        == search_json("proje:siroma", demo_run.data_dir)["total"]
    )


def test_malformed_jsonl_line_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    good = {
        "url": "https://www.ornekhaber.com.tr/van-haberleri/kadin-kooperatifi-7781",
        "title": "Van'da kadın kooperatifine SYDV desteği",
        "text": "Van Valisi Selim Karaca, Sosyal Yardımlaşma ve Dayanışma Vakfı (SYDV) "
        "desteğiyle kurulan kadın kooperatifini ziyaret etti.",
        "published_at": "2025-11-18T09:00:00+03:00",
        "source": "ornekhaber",
    }
    dump = tmp_path / "karisik.jsonl"
    dump.write_text(json.dumps(good, ensure_ascii=False) + "\n{eksik: json\n", encoding="utf-8")
    done = kupur("import", str(dump), data_dir=tmp_path / "d")
    assert done.returncode == 1
    assert "line 2" in done.stderr
    assert "Traceback" not in done.stderr
    hits = search_json("kooperatif", tmp_path / "d")
    assert [h["title"] for h in hits["hits"]] == [good["title"]]


def test_unknown_source_name_is_a_clear_error(tmp_path: Path) -> None:
    done = kupur("crawl", "--source", "olmayan-kaynak", data_dir=tmp_path)
    assert done.returncode != 0
    assert "olmayan-kaynak" in done.stderr
    assert "Traceback" not in done.stderr


def test_empty_and_malformed_queries_are_clear_errors(demo_run: DemoRun) -> None:
    empty = kupur("search", "", data_dir=demo_run.data_dir)
    assert empty.returncode == 2
    assert "Traceback" not in empty.stderr
    assert empty.stderr.strip()

    broken = kupur("search", '"mobil sosyal', data_dir=demo_run.data_dir)
    assert broken.returncode == 2
    assert "^" in broken.stderr


def test_run_with_every_source_unreachable_exits_non_zero(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n"
        "  - name: kapali-site\n"
        "    kind: feed\n"
        '    start_urls: ["http://127.0.0.1:9/rss.xml"]\n'
        '    allowed_domains: ["127.0.0.1"]\n'
        '    article_pattern: "/haber/"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kupur",
            "--data-dir",
            str(tmp_path / "d"),
            "run",
            "--sources",
            str(sources),
        ],
        capture_output=True,
        text=True,
        env=kupur_env(KUPUR_CRAWL_RETRY_TIMES="0"),
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "Every source failed" in done.stderr
    assert "Traceback" not in done.stderr
