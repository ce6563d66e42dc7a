from __future__ import annotations

from datetime import UTC, datetime

from kupur.core.models import ISTANBUL
from kupur.crawlers.evaluation import body_f1, evaluate, load_labelled
from kupur.crawlers.extraction import Extracted, Rejected, extract_article
from tests.crawlers.fixture_site import NOT_FOUND_PAGE, article_html, listing_html, make_articles

URL = "https://bolgehaber.example/bolge/samsun/haber-1"


def test_the_labelled_agency_pages_meet_the_targets() -> None:
    report = evaluate(p for p in load_labelled() if p.group == "truth")
    assert report.pages == 10
    assert report.title_accuracy >= 0.95
    assert report.date_accuracy >= 0.95
    assert report.body_f1 >= 0.95, report.misses


def test_the_labelled_cms_pages_meet_the_targets() -> None:
    """WordPress, ASP.NET/PHP municipality, AMP, local portal and institution markup."""
    pages = [p for p in load_labelled() if p.group == "cms"]
    report = evaluate(pages)
    assert report.pages == 22
    assert {p.style for p in pages} == {"wordpress", "belediye", "amp", "yerel", "kurum"}
    assert report.title_accuracy >= 0.95, report.misses
    assert report.date_accuracy >= 0.95, report.misses
    assert report.body_f1 >= 0.95, report.misses
    assert report.author_accuracy == 1.0, report.misses


def test_a_page_wrapped_in_one_form_with_a_layout_table_keeps_its_text() -> None:
    paragraph = (
        "Belediye ekipleri mahallede kaldırım ve yağmur suyu hatlarını yeniledi. Çalışma üç "
        "hafta sürdü ve okul önlerindeki yaya geçitleri de boyandı."
    )
    second = (
        "Fen işleri müdürü, benzer çalışmaların gelecek yıl diğer mahallelerde de yapılacağını "
        "ve vatandaşların taleplerini Beyaz Masa'ya iletebileceğini söyledi."
    )
    html = f"""<html><head><title>Belediye | Haber Detay</title></head><body>
<form id="aspnetForm"><table><tr><td><a href="/">ANASAYFA</a></td><td><a href="/h">HABERLER</a></td></tr>
<tr><td class="sidebar">SON HABERLER</td><td><span class="haberBaslik">Kaldırımlar yenilendi bu hafta</span>
</td></tr><tr><td></td><td>{paragraph}<br><br>{second}</td></tr>
<tr><td colspan="2">© 2025 Belediye · Tüm hakları saklıdır</td></tr></table></form></body></html>"""
    result = extract_article(html, "https://bel.example/Haber.aspx?ID=1")
    assert isinstance(result, Extracted)
    assert result.title == "Kaldırımlar yenilendi bu hafta"
    assert "kaldırım ve yağmur suyu" in result.text
    for furniture in ("ANASAYFA", "SON HABERLER", "©", "|"):
        assert furniture not in result.text


def test_a_byline_names_the_author_and_the_permalink_gives_the_day() -> None:
    paragraph = (
        "Köy yolunda başlayan genişletme çalışması kış gelmeden tamamlanacak. Yol yedi metreye "
        "çıkarılıyor ve iki dar virajı düzeltiliyor."
    )
    second = (
        "Muhtar, okul servislerinin ve süt toplama araçlarının kışın bu yolda çok zorlandığını, "
        "çalışmanın köylülerin yıllardır beklediği bir iş olduğunu söyledi."
    )
    html = f"""<html><body><div class="top-bar">25 Kasım 2025 Salı</div>
<article><h1>Köy yolu genişletiliyor</h1><div class="entry-content">
<p><strong>Haber: Ayşe Kaya / SAMSUN</strong></p><p>{paragraph}</p><p>{second}</p>
</div></article></body></html>"""
    url = "https://haber.example/2025/11/04/koy-yolu-genisletiliyor/"
    result = extract_article(html, url, now=datetime(2025, 12, 1, tzinfo=UTC))
    assert isinstance(result, Extracted)
    assert result.author == "Ayşe Kaya"
    assert "Haber:" not in result.text
    assert result.published_at == datetime(2025, 11, 4, tzinfo=ISTANBUL)


def test_furniture_is_stripped_from_the_body() -> None:
    article = make_articles(1)[0]
    result = extract_article(article_html(article).encode(), URL)
    assert isinstance(result, Extracted)
    assert result.title == article.title
    assert result.published_at == article.published
    assert result.text == article.body
    for furniture in ("Yazdır", "Paylaş", "Önceki Haber", "Benzer Haberler", "TR | EN"):
        assert furniture not in result.text


def test_metadata_wins_over_page_furniture_dates() -> None:
    html = f"""<html><head><meta charset="utf-8">
<meta property="og:title" content="Ordu'da kreş açıldı">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Ordu'da kreş açıldı",
"datePublished": "2025-11-04T10:30:00+03:00", "dateModified": "2025-11-05T08:00:00+03:00",
"author": {{"@type": "Person", "name": "Elif Kaya"}}}}</script></head><body>
<header><span>22 Kasım 2026 Pazar</span></header><article><h1>Ordu'da kreş açıldı</h1>
<p>{"Ordu Aile ve Sosyal Hizmetler İl Müdürlüğü çalışan annelerin çocukları için kreş açtı. " * 4}</p>
</article><footer>1 Ocak 2026</footer></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.published_at == datetime(2025, 11, 4, 10, 30, tzinfo=ISTANBUL)
    assert result.updated_at == datetime(2025, 11, 5, 8, 0, tzinfo=ISTANBUL)
    assert result.author == "Elif Kaya"


def test_a_future_date_is_not_taken() -> None:
    html = article_html(make_articles(1)[0]).replace("2025", "2099")
    result = extract_article(html, URL, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert isinstance(result, Extracted)
    assert result.published_at is None or result.published_at.year < 2099


def test_pages_that_are_not_articles_are_rejected_with_a_reason() -> None:
    articles = make_articles(10)
    cases = {
        "not-html": extract_article(b"%PDF-1.4 ...", URL),
        "error-page": extract_article(NOT_FOUND_PAGE.encode(), URL),
        "listing": extract_article(listing_html(articles, 1, 2).encode(), URL),
        "empty": extract_article(b"   ", URL),
    }
    for reason, result in cases.items():
        assert isinstance(result, Rejected), reason
        assert result.reason == reason
        assert result.detail
    pdf = extract_article(b"...", URL, content_type="application/pdf")
    assert isinstance(pdf, Rejected)
    assert pdf.reason == "not-html"


def test_selectors_override_the_generic_extraction() -> None:
    html = """<html><body><h1>Bakanlık</h1><h2 class="baslik">Yaşlılara evde bakım desteği</h2>
<span class="t">Yayınlanma: 14.12.2025 - 11:05</span>
<div class="govde"><p>Bakım desteği ödemeleri bu ay da hak sahiplerinin hesaplarına yatırıldı ve
ödemeler hakkında bilgi veren il müdürlüğü başvuruların sürdüğünü hatırlattı.</p>
<p>Ödemeler PTT şubelerinden ve banka hesaplarından alınabiliyor; yeni başvurular için gereken
belgeler il müdürlüğünün internet sayfasında duyuruldu.</p></div></body></html>"""
    result = extract_article(
        html, URL, selectors={"title": "h2.baslik", "date": ".t", "body": "div.govde"}
    )
    assert isinstance(result, Extracted)
    assert result.title == "Yaşlılara evde bakım desteği"
    assert result.published_at == datetime(2025, 12, 14, 11, 5, tzinfo=ISTANBUL)
    assert result.text.count("\n") == 1


def test_body_f1_scores_overlap() -> None:
    assert body_f1("Samsun'da kreş açıldı", "samsun'da kreş açıldı") == 1.0
    assert 0 < body_f1("kreş açıldı bugün", "kreş açıldı") < 1
    assert body_f1("", "kreş") == 0.0


def test_blind_set_a_meets_the_targets_after_its_fixes() -> None:
    """Blind set A was scored once before the rules below were written (README there); this
    keeps the rules from regressing. Blind set B has no target: it is measured, not tuned on."""
    pages = [p for p in load_labelled() if p.group == "blind-a"]
    report = evaluate(pages)
    assert report.pages == 23
    assert report.title_accuracy == 1.0, report.misses
    assert report.date_accuracy >= 0.95, report.misses
    assert report.body_f1 >= 0.95, report.misses
    assert report.author_accuracy == 1.0, report.misses
    assert report.rejection_accuracy == 1.0, report.misses


_PARAGRAPHS = (
    "<p>Köprünün yapımı sekiz ayda tamamlandı ve ırmağın iki yakasındaki on bir köy birbirine "
    "bağlandı. Köylüler daha önce karşıya geçmek için yirmi kilometre yol gidiyordu.</p>"
    "<p>İl Özel İdaresi, köprünün iki yönlü trafiğe uygun yapıldığını ve kış aylarında da "
    "kesintisiz kullanılabileceğini açıkladı.</p>"
)


def _jsonld_page(visible: str, published: str) -> str:
    return f"""<html><head><script type="application/ld+json">{{"@type": "NewsArticle",
"headline": "Yeni köprü açıldı", "datePublished": "{published}"}}</script></head><body>
<h1>Yeni köprü açıldı</h1><div class="zaman">{visible}</div>{_PARAGRAPHS}</body></html>"""


def test_a_visible_publication_line_wins_over_json_ld_that_disagrees() -> None:
    migrated = extract_article(
        _jsonld_page("Yayınlanma: 06.11.2025 16:45", "2025-11-18T00:00:00+03:00"), URL
    )
    assert isinstance(migrated, Extracted)
    assert migrated.published_at == datetime(2025, 11, 6, 16, 45, tzinfo=ISTANBUL)
    agreeing = extract_article(
        _jsonld_page("Yayın Tarihi: 06.11.2025", "2025-11-06T16:45:12+03:00"), URL
    )
    assert isinstance(agreeing, Extracted)
    assert agreeing.published_at == datetime(2025, 11, 6, 16, 45, 12, tzinfo=ISTANBUL)
    unlabelled = extract_article(_jsonld_page("06.11.2025", "2025-11-07T09:00:00+03:00"), URL)
    assert isinstance(unlabelled, Extracted)
    assert unlabelled.published_at == datetime(2025, 11, 7, 9, 0, tzinfo=ISTANBUL)


def test_a_relative_date_is_read_from_its_title_attribute() -> None:
    html = f"""<html><body><h1>Yeni köprü açıldı</h1>
<span class="date" title="14.11.2025 08:30">3 gün önce</span>{_PARAGRAPHS}</body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.published_at == datetime(2025, 11, 14, 8, 30, tzinfo=ISTANBUL)


def test_microdata_gives_the_date_and_author_of_a_blogger_post() -> None:
    html = f"""<html><body><header><h1>Kavak Haberleri</h1></header>
<h2 class="date-header"><span>4 Kasım 2025 Salı</span></h2><div class="post hentry">
<h3 class="post-title entry-title">Yeni köprü açıldı</h3><div class="post-body">{_PARAGRAPHS}</div>
<div class="post-footer">Gönderen <span itemprop="author"><span itemprop="name">Hasan Yıldırım</span>
</span> zaman: <a href="{URL}"><abbr itemprop="datePublished" title="2025-11-04T09:15:00+03:00">09:15
</abbr></a></div></div><div class="post-feeds">Kaydol: Kayıt Yorumları (Atom)</div></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.published_at == datetime(2025, 11, 4, 9, 15, tzinfo=ISTANBUL)
    assert result.author == "Hasan Yıldırım"
    assert "Kaydol" not in result.text


def test_a_reporter_classed_block_names_the_author() -> None:
    html = f"""<html><body><h1>Yeni köprü açıldı</h1><div class="detay-bilgi">
<span class="muhabir">Elif Kara</span> | 20.11.2025 11:42</div>{_PARAGRAPHS}</body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.author == "Elif Kara"
    assert "Elif Kara" not in result.text


def test_a_badge_above_the_headline_and_a_dotted_date_line_stay_out_of_the_body() -> None:
    html = f"""<html><body><article><span class="rozet">CANLI</span><h1>Yeni köprü açıldı</h1>
<div class="bilgi">14 Kasım 2025 Cuma 08:15 · Güncelleme: 13:45</div>{_PARAGRAPHS}</article>
</body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert "CANLI" not in result.text
    assert "08:15" not in result.text
    assert result.text.startswith("Köprünün yapımı")


def test_a_teaser_linking_to_the_full_text_is_rejected_but_a_full_article_is_not() -> None:
    teaser = """<html><body><h1>Yeni köprü açıldı</h1><div>14 Kasım 2025</div>
<p>Taşova'da Yeşilırmak üzerine yapılan köprü törenle açıldı; köprü on bir köyü birbirine
bağlıyor ve köylülerin yirmi kilometrelik yolunu kısaltıyor, yapım sekiz ay sürdü.</p>
<p><a href="https://kaynak.example/haber/kopru">Devamı için tıklayın</a></p></body></html>"""
    result = extract_article(teaser, URL)
    assert isinstance(result, Rejected)
    assert result.reason == "teaser"
    more = (
        "<p>Törende konuşan vali, ilin kırsal mahallelerinde bu yıl dokuz köprü daha yapılacağını, "
        "ihalelerin ocak ayında tamamlanacağını ve köprülerin yaz sonunda açılacağını söyledi. "
        "Muhtarlar da okul servislerinin artık sel dönemlerinde yolda kalmayacağını anlattı.</p>"
    )
    full = teaser.replace("</p>\n<p><a", "</p>" + _PARAGRAPHS + more + "<p><a")
    assert isinstance(extract_article(full, URL), Extracted)


def test_an_english_locale_wordpress_date_is_read() -> None:
    html = f"""<html><body><article><header class="entry-header"><h1 class="entry-title">Yeni köprü
açıldı</h1><div class="entry-meta">By <span class="author-name">admin</span> / <span
class="published">November 20, 2025</span></div></header><div class="entry-content">{_PARAGRAPHS}
</div></article></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.published_at == datetime(2025, 11, 20, tzinfo=ISTANBUL)


def test_a_spot_printed_outside_the_body_block_is_the_first_paragraph() -> None:
    spot = "Taşova'da Yeşilırmak üzerine yapılan köprü on bir köyü birbirine bağlıyor."
    html = f"""<html><body><div itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Yeni köprü açıldı</h1><h2 itemprop="description" class="news-spot">{spot}</h2>
<div class="news-dates">Giriş: 14.11.2025 09:12</div><div itemprop="articleBody">{_PARAGRAPHS}</div>
</div></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.text.splitlines()[0] == spot
    assert result.text.count("on bir köyü birbirine bağlıyor") == 1
    subtitle = html.replace(spot, "Köprü törenle açıldı")  # a short subtitle is not a spot
    titled = extract_article(subtitle, URL)
    assert isinstance(titled, Extracted)
    assert "törenle" not in titled.text


def test_boxes_opening_with_a_related_news_label_leave_the_body() -> None:
    html = f"""<html><body><div id="content"><div class="sol"><h2>Yeni köprü açıldı</h2>
<div class="haber-tarih">14 Kasım 2025</div><div class="haber-icerik">{_PARAGRAPHS}
<div class="inline-news"><span>İlgili Haber</span><a href="/h/2">Taşova'da yol çalışması</a></div>
<p>Köprünün açılışına çevre köylerden yüzlerce kişi katıldı ve tören davul zurna ile sürdü.</p>
</div></div><div class="kutu"><h3>Haber Arşivi</h3><ul><li><a href="/h/1">Kış tedbirleri toplantısı
yapıldı</a> 18 Kasım 2025</li><li><a href="/h/3">İl koordinasyon kurulu toplandı</a> 14 Kasım 2025
</li></ul></div></div></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert "Arşivi" not in result.text
    assert "koordinasyon" not in result.text
    assert "yol çalışması" not in result.text
    assert result.text.endswith("davul zurna ile sürdü.")


def test_a_right_hand_column_is_furniture() -> None:
    html = f"""<html><body><div class="sol"><h1>Yeni köprü açıldı</h1>{_PARAGRAPHS}</div>
<div class="sag"><h3>Duyurular</h3><ul><li><a href="/d/1">Su kesintisi hakkında duyuru metni
</a></li></ul></div></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert "Duyurular" not in result.text
    assert "Su kesintisi" not in result.text


def test_an_interview_byline_names_the_author() -> None:
    html = f"""<html><body><div class="icerik"><h1>Yeni köprü açıldı</h1>
<div class="yazar-bilgi">Röportaj: Selin Öztürk</div><div class="metin">{_PARAGRAPHS}</div>
</div></body></html>"""
    result = extract_article(html, URL)
    assert isinstance(result, Extracted)
    assert result.author == "Selin Öztürk"
    assert "Röportaj" not in result.text


def test_a_teaser_linking_to_its_source_with_other_wordings_is_rejected() -> None:
    for more in (
        "Kaynağında oku »",
        "Haberin tamamını okumak için tıklayın",
        "Haberin kaynağına git",
    ):
        teaser = f"""<html><body><h1>Yeni köprü açıldı</h1><div>14 Kasım 2025</div>
<p>Taşova'da Yeşilırmak üzerine yapılan köprü törenle açıldı; köprü on bir köyü birbirine
bağlıyor ve köylülerin yirmi kilometrelik yolunu kısaltıyor, yapım sekiz ay sürdü.</p>
<p><a href="https://kaynak.example/haber/kopru">{more}</a></p></body></html>"""
        result = extract_article(teaser, URL)
        assert isinstance(result, Rejected), more
        assert result.reason == "teaser"


def test_blind_set_b_after_its_fixes() -> None:
    """Not a held-out figure any more (crawlers/labelled/README.md): it keeps the fixed classes
    fixed — a spot outside the body, an inline "İlgili Haber" box, a "Haber Arşivi" column,
    English month names, "Röportaj:" bylines, a headline glued to the first paragraph."""
    pages = [p for p in load_labelled() if p.group == "blind-b"]
    report = evaluate(pages)
    assert report.pages == 16
    assert report.title_accuracy == 1.0, report.misses
    assert report.date_accuracy == 1.0, report.misses
    assert report.body_f1 >= 0.99, report.misses
    assert report.author_accuracy == 1.0, report.misses
    assert report.rejection_accuracy == 1.0, report.misses
