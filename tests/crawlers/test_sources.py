from __future__ import annotations

from pathlib import Path

import pytest

from kupur.core.errors import SourceConfigError
from kupur.crawlers.sources import load_sources, parse_sources, select_sources

BAD = """sources:
  - name: Bad_Name
    kind: lsting
    start_urls: ["ftp://x"]
    article_pattern: "(["
    selectors: {titel: h1}
    interval_minutes: 0
  - name: ok-source
    kind: feed
    start_urls: ["https://ok.example/rss"]
    next_page: "a.next::attr(href)"
    colour: blue
  - name: ok-source
    kind: listing
    start_urls: ["https://ok.example/"]
"""


def test_every_problem_is_reported_with_its_line() -> None:
    with pytest.raises(SourceConfigError) as caught:
        parse_sources(BAD, "bad.yaml")
    problems = caught.value.problems
    text = "\n".join(problems)
    for expected in (
        "line 2: sources[0] (Bad_Name): name must match",
        "line 3: sources[0] (Bad_Name): kind must be one of listing, feed, sitemap",
        "line 4: sources[0] (Bad_Name): 'ftp://x' is not an http(s) URL",
        "line 5: sources[0] (Bad_Name): article_pattern is not a valid regex",
        "line 6: sources[0] (Bad_Name): unknown selector 'titel'",
        "line 7: sources[0] (Bad_Name): interval_minutes must be a whole number",
        "line 11: sources[1] (ok-source): next_page is only for listings",
        "line 12: sources[1] (ok-source): unknown field 'colour'",
        "line 13: sources[2] (ok-source): a listing source needs an article_pattern",
    ):
        assert expected in text
    assert "bad.yaml" in str(caught.value)


def test_yaml_syntax_errors_carry_a_line() -> None:
    with pytest.raises(SourceConfigError, match="line 3: not valid YAML"):
        parse_sources("sources:\n  - name: a\n    kind: : :\n  - x\n")


def test_the_shipped_file_validates_and_expands_81_provinces() -> None:
    sources = load_sources(Path(__file__).parents[2] / "crawlers" / "sources.yaml")
    provincial = [s for s in sources if s.name.startswith("il-")]
    assert len(provincial) == 81
    urfa = next(s for s in provincial if s.name == "il-sanliurfa")
    assert urfa.start_urls == ("https://sanliurfa.aile.gov.tr/haberler/",)
    assert urfa.allowed_domains == ("sanliurfa.aile.gov.tr",)
    assert urfa.matches("https://sanliurfa.aile.gov.tr/haberler/yeni-kres-acildi/")
    assert not urfa.matches("https://ordu.aile.gov.tr/haberler/yeni-kres-acildi/")
    assert {s.kind for s in sources} == {"listing", "feed", "sitemap"}


def test_placeholders_leave_regex_braces_alone() -> None:
    text = """sources:
  - name: il-{plate}-{province}
    for_each: province
    kind: sitemap
    start_urls: ["https://{province}.example/sitemap.xml"]
    article_pattern: "/\\\\d{4}/{province}/"
"""
    sources = parse_sources(text)
    adana = sources[0]
    assert adana.name == "il-01-adana"
    assert adana.article_pattern == "/\\d{4}/adana/"


def test_unknown_names_list_the_known_ones() -> None:
    sources = parse_sources(
        'sources:\n  - {name: a, kind: feed, start_urls: ["https://a.example/rss"]}\n'
        '  - {name: b, kind: feed, start_urls: ["https://b.example/rss"], enabled: false}\n'
    )
    assert [s.name for s in select_sources(sources, None)] == ["a"]
    assert [s.name for s in select_sources(sources, ["b"])] == ["b"]
    with pytest.raises(SourceConfigError, match="unknown source 'c'; known sources: a, b"):
        select_sources(sources, ["c"])


def test_a_missing_file_is_a_source_config_error(tmp_path: Path) -> None:
    with pytest.raises(SourceConfigError, match="does not exist"):
        load_sources(tmp_path / "yok.yaml")
