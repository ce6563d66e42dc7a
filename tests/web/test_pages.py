"""The Turkish pages as a browser receives them: escaping, facets, entity marks, charts."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from tests.web.corpus import PLANTED_ID, corpus


def _links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]


def test_search_page_shows_results_facets_chart_and_export(client: TestClient) -> None:
    response = client.get("/", params={"q": "hibe"})
    assert response.status_code == 200
    html = response.text
    assert '<html lang="tr">' in html
    assert "Ara</button>" in html
    assert "Sıralama" in html
    assert "Ordulu kadın girişimcilere hibe müjdesi" in html
    assert "<mark>hibe</mark>" in html
    assert "02.10.2025 10:00" in html  # publication time in Europe/Istanbul
    assert 'data-facet="province"' in html
    links = _links(html)
    assert "/?q=hibe&province=Ordu" in links
    assert any(link.startswith("/api/export?q=hibe") and "format=csv" in link for link in links)


def test_first_visit_lists_newest_stories_grouped(client: TestClient) -> None:
    html = client.get("/").text
    assert "en yeniler" in html
    assert "+1 kaynakta daha" in html
    assert "<svg" in html
    assert "Aylara göre haber sayısı" in html


def test_clicked_facet_filters_and_can_be_removed(client: TestClient) -> None:
    html = client.get("/", params={"q": "hibe", "province": "Ordu"}).text
    assert "İl: Ordu ✕" in html
    assert '<input type="hidden" name="province" value="Ordu">' in html
    assert "/?q=hibe" in _links(html)  # the chip's link drops the filter


def test_pagination_links(client: TestClient) -> None:
    html = client.get("/", params={"sort": "date", "limit": 3}).text
    assert "Sayfa 1 / 3" in html
    assert "/?sort=date&offset=3" in _links(html) or any(
        "offset=3" in link for link in _links(html)
    )


def test_planted_markup_is_escaped_on_every_page(client: TestClient) -> None:
    pages = [
        client.get("/", params={"q": "yaşlı bakım"}).text,
        client.get(f"/makale/{PLANTED_ID}").text,
        client.get("/proje/yades").text,
        client.get("/il/Ordu").text,
    ]
    for html in pages:
        assert "<script" not in html
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in pages[1]


def test_article_page_marks_entities_in_the_text(client: TestClient) -> None:
    article = corpus()[0]
    html = client.get(f"/makale/{article.id}").text
    assert f"<h1>{article.title.replace(chr(39), '&#39;')}</h1>" in html
    assert '<mark class="ent ent-person" title="Kişi">Murat Karaca</mark>' in html
    assert '<mark class="ent ent-project" title="Proje">SİROMA</mark>' in html
    assert html.count("<p>") >= 2  # one paragraph a line
    assert "/proje/siroma" in _links(html)
    assert "/il/Samsun" in _links(html)
    assert 'rel="noopener noreferrer nofollow"' in html


def test_article_page_lists_the_same_story_elsewhere(client: TestClient) -> None:
    first, second = corpus()[1], corpus()[2]
    html = client.get(f"/makale/{first.id}").text
    assert "Aynı haber başka kaynaklarda" in html
    assert f"/makale/{second.id}" in _links(html)


def test_project_page_has_chart_provinces_and_latest(client: TestClient) -> None:
    html = client.get("/proje/siroma").text
    assert "<h1><small>Proje</small> SİROMA</h1>" in html
    assert "<strong>4</strong> haberde geçiyor" in html
    assert "<svg" in html
    assert "<rect" in html
    assert "/il/Ordu" in _links(html)
    assert "SİROMA kursiyerleri sertifikalarını aldı" in html


def test_province_page(client: TestClient) -> None:
    html = client.get("/il/Trabzon").text
    assert "<strong>2</strong> haberde geçiyor" in html
    assert "Trabzon&#39;da huzurevi ihalesi sonuçlandı" in html
    assert "Yaşlı Destek Programı" in html  # projects mentioned in the province


def test_entity_list_pages(client: TestClient) -> None:
    html = client.get("/liste/kisiler").text
    assert "Selin Akbaş" in html
    assert "İl Müdürü" in html
    assert client.get("/liste/projeler").status_code == 200
    assert client.get("/liste/gezegenler").status_code == 404


def test_unknown_pages_and_bad_parameters_get_turkish_error_pages(client: TestClient) -> None:
    missing = client.get("/makale/0000000000000000")
    assert missing.status_code == 404
    assert "Bulunamadı" in missing.text
    unknown = client.get("/proje/olmayan-proje")
    assert unknown.status_code == 404
    bad = client.get("/", params={"limit": 1000})
    assert bad.status_code == 400
    assert "İstek anlaşılamadı" in bad.text


def test_query_error_is_shown_under_the_search_box(client: TestClient) -> None:
    response = client.get("/", params={"q": '"<b>açık'})
    assert response.status_code == 400
    assert "Sorgu anlaşılamadı" in response.text
    assert "&lt;b&gt;" in response.text
    assert "<b>açık" not in response.text


def test_api_docs_page_is_served_without_script(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/api/search" in html
    assert "/api/export" in html
    assert "histogram" in html
    assert "<script" not in html
    assert "cdn" not in html.lower()
