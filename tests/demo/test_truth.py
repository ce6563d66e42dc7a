"""The ground truth matches what the served pages really show."""

from __future__ import annotations

import re
from html import unescape

from kupur.demo.corpus import load_corpus
from kupur.demo.render.common import MONTHS
from kupur.demo.truth import load_truth, rejected_pages
from tests.demo.conftest import fetch

TRUTH = load_truth()


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", html))


def test_one_truth_entry_per_article_with_unique_paths() -> None:
    assert len(TRUTH) == len(load_corpus())
    assert len({(p.site, p.path) for p in TRUTH}) == len(TRUTH)
    for page in TRUTH:
        assert page.body.count("\n") >= 2
        assert page.date_precision in {"day", "second"}


def test_served_pages_show_the_expected_title_dates_and_every_paragraph(
    demo_urls: dict[str, str],
) -> None:
    for page in TRUTH:
        fetched = fetch(demo_urls[page.site] + page.path)
        assert fetched.status == 200, page.path
        html = _text(fetched.body.decode(page.encoding.replace("windows-", "cp")))
        assert f">{page.title}</h" in html, page.path
        for paragraph in page.body.split("\n"):
            assert f"<p>{paragraph}</p>" in html, (page.path, paragraph[:40])
        day = page.published
        if page.site == "ilmudurlugu":
            assert f"{day:%d.%m.%Y}" in html
            if page.updated:
                assert f"Güncelleme: {page.updated:%d.%m.%Y - %H:%M}" in html
        elif page.site == "bakanlik":
            assert f"{day.day} {MONTHS[day.month - 1]} {day.year}, " in html
        else:
            lowered = html.replace("MAYIS", "Mayıs").replace("CUMA", "Cuma")
            assert f"{day.day} {MONTHS[day.month - 1]} {day.year} " in lowered
            assert f" - {day:%H:%M:%S}</span>" in html


def test_the_upper_case_month_page_and_metadata_variants_exist(demo_urls: dict[str, str]) -> None:
    pages = [fetch(demo_urls["gazete"] + p.path).body.decode() for p in TRUTH if p.site == "gazete"]
    assert any("24 MAYIS 2024 CUMA - 11:05:40" in page for page in pages)
    with_jsonld = sum('"@type": "NewsArticle"' in page for page in pages)
    with_og = sum('property="og:title"' in page for page in pages)
    assert 0 < with_jsonld < len(pages)
    assert 0 < with_og < len(pages)


def test_rejected_pages_are_served_but_outside_the_truth(demo_urls: dict[str, str]) -> None:
    truth_paths = {(p.site, p.path) for p in TRUTH}
    rejected = rejected_pages()
    assert {p.reason for p in rejected} == {"robots", "not-article"}
    for page in rejected:
        assert (page.site, page.path) not in truth_paths
        assert fetch(demo_urls[page.site] + page.path).status == 200, page.path
