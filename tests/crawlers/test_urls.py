from __future__ import annotations

from kupur.crawlers.urls import canonicalize, same_site


def test_tracking_parameters_fragments_and_session_ids_are_removed() -> None:
    url = "HTTP://Haber.Example:80/a/b;jsessionid=XYZ?utm_source=x&b=2&a=1&fbclid=3&gclid=4#yorum"
    assert canonicalize(url) == "http://haber.example/a/b?a=1&b=2"
    assert canonicalize("/x?PHPSESSID=1&id=5", "http://127.0.0.1:8000/y/") == (
        "http://127.0.0.1:8000/x?id=5"
    )


def test_one_page_under_several_urls_gets_one_canonical_url() -> None:
    variants = [
        "https://haber.example/guncel/koruyucu-aile-123-haberi/",
        "https://haber.example/guncel/koruyucu-aile-123-haberi/?utm_medium=sosyal&utm_source=fb",
        "https://haber.example/guncel/koruyucu-aile-123-haberi/#paylas",
        "https://HABER.example:443/guncel/koruyucu-aile-123-haberi/?mc_cid=9",
    ]
    assert len({canonicalize(v) for v in variants}) == 1


def test_query_order_is_normalised_and_meaningful_parameters_kept() -> None:
    assert canonicalize("https://h.example/haber?id=7&sayfa=2") == canonicalize(
        "https://h.example/haber?sayfa=2&id=7"
    )
    assert "id=7" in canonicalize("https://h.example/haber?id=7&utm_campaign=x")


def test_same_site_ignores_www() -> None:
    assert same_site("https://www.aile.gov.tr/a", "https://aile.gov.tr/b")
    assert not same_site("https://samsun.aile.gov.tr/a", "https://ordu.aile.gov.tr/a")
