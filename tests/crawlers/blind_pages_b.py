"""Blind set B: labelled pages in styles neither the earlier sets nor blind set A have.

Written after the blind-set-A fixes and scored once (crawlers/labelled/README.md); the extraction
is not tuned on these pages afterwards. Nine styles:

* ``b-ghost`` — a Ghost blog: gh-article markup, a custom excerpt under the title (part of the
  text, like a spot), "20 Kas 2025" with an abbreviated month.
* ``b-haberscript`` — a packaged Turkish news script: schema.org microdata on the headline, the
  spot and the body, "Giriş:" / "Son Güncelleme:" labels, inline "İlgili" news boxes in the text.
* ``b-valilik`` — a governorship site: the institution in the h1, the headline an h2 in a
  "haber-baslik" block, a photo gallery, a "Haber Arşivi" list with dates.
* ``b-duyuru`` — a short directorate announcement with a PDF attachment link ("İlan metni için
  tıklayınız"): an article, not a teaser, since the text is all there.
* ``b-sondakika`` — a breaking-news page: "SON DAKİKA" badge, two short paragraphs, "5 dakika
  önce" with the moment in <time datetime>.
* ``b-roportaj`` — an interview: bold questions and answers; both are the text.
* ``b-nextjs`` — a Next.js site: hashed CSS class names, the article also in __NEXT_DATA__ JSON.
* ``b-astra`` — a WordPress Astra theme left in the English locale: "November 20, 2025".
* ``b-teaser`` — teasers linking to the full text with other wordings ("Haberin tamamını okumak
  için tıklayın"); labelled ``expect: rejected``.

Every text here was written for Kupür; people, sites and events are fictional. Regenerate the
files in ``crawlers/labelled/`` (``blind-b-*.html`` and ``blind-b.yaml``) with
``python -m tests.crawlers.blind_pages_b``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from pathlib import Path

from kupur.core.models import ISTANBUL
from tests.crawlers.blind_pages_a import labelled_group
from tests.crawlers.cms_pages import CmsPage

__all__ = ["PAGES", "RENDER"]


def _at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=ISTANBUL)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _ps(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in paragraphs)


def ghost_page(page: CmsPage) -> str:
    excerpt, *rest = page.paragraphs
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)}</title>
<meta name="generator" content="Ghost 5.74"><meta property="og:type" content="article">
<meta property="og:title" content="{_e(page.title)}"><meta property="article:published_time" content="{page.published.astimezone(dt.UTC).isoformat().replace("+00:00", ".000Z")}">
</head><body class="post-template"><div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">
<a class="gh-head-logo" href="/">Ordu Notları</a><nav class="gh-head-menu"><ul class="nav"><li><a href="/">Ana sayfa</a></li><li><a href="/hakkinda/">Hakkında</a></li></ul></nav></div></header>
<main id="site-main" class="site-main"><article class="article post tag-yerel">
<header class="article-header gh-canvas"><section class="article-tag"><a href="/tag/yerel/">Yerel</a></section>
<h1 class="article-title">{_e(page.title)}</h1><p class="article-excerpt">{_e(excerpt)}</p>
<div class="article-byline"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/zeynep/">{_e(page.author or "")}</a></h4>
<div class="byline-meta-content"><time class="byline-meta-date" datetime="{page.published.date().isoformat()}">{page.extra["shown"]}</time>
<span class="byline-reading-time"><span class="bull">•</span> 3 dk okuma</span></div></div></div></header>
<section class="gh-content gh-canvas">{_ps(rest)}</section></article>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Ordu Notları'na abone olun</h2>
<a class="footer-cta-button" href="#/portal">E-posta adresiniz <span>Abone ol</span></a></div></section>
<aside class="read-more-wrap outer"><div class="read-more inner"><article class="post-card"><h2 class="post-card-title">Ünye'de sahil parkı</h2>
<p class="post-card-excerpt">Ünye sahilinde yapılan park çocuklar için oyun alanı ve bisiklet yoluyla tamamlandı.</p></article></div></aside>
</main><footer class="site-footer outer"><div class="inner">Ordu Notları © 2025 · Ghost ile yayınlandı</div></footer></div></body></html>"""


def haberscript_page(page: CmsPage) -> str:
    spot, *rest = page.paragraphs
    body = [f"<p>{_e(p)}</p>" for p in rest]
    body.insert(
        1,
        '<div class="inline-news"><span class="inline-label">İlgili Haber</span>'
        f'<a href="/haber/{page.key}-ilgili"><img src="/i.jpg" alt="">{_e(page.extra["related"])}</a></div>',
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - Karadeniz Gündem</title>
<meta name="description" content="{_e(spot)}"></head><body>
<div class="topbar"><div class="container"><span class="date-now">Cumartesi, 22 Kasım 2025</span><a href="/giris">Üye Girişi</a></div></div>
<div class="main-menu"><a href="/">ANASAYFA</a><a href="/gundem">GÜNDEM</a><a href="/asayis">ASAYİŞ</a><a href="/saglik">SAĞLIK</a></div>
<div class="container"><div class="news-detail" itemscope itemtype="https://schema.org/NewsArticle">
<div class="breadcrumb"><a href="/">Anasayfa</a> / <a href="/gundem">Gündem</a></div>
<h1 itemprop="headline">{_e(page.title)}</h1>
<h2 itemprop="description" class="news-spot">{_e(spot)}</h2>
<div class="news-dates">Giriş: {page.extra["giris"]} <span>| Son Güncelleme: {page.extra["son"]}</span></div>
<div class="news-share"><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a></div>
<div class="news-body" itemprop="articleBody">{"".join(body)}</div>
<div class="news-tags">Etiketler: <a href="/etiket/giresun">Giresun</a></div></div>
<div class="side-news"><h3>Son Dakika</h3><ul><li><a href="/haber/x">Tirebolu'da trafik kazası: 2 yaralı</a> 09:05</li></ul></div></div>
<div class="footer">Karadeniz Gündem © 2025 - Tüm hakları saklıdır.</div></body></html>"""


def valilik_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>T.C. {page.extra["site"]} - {_e(page.title)}</title></head>
<body><div id="header"><div class="logo"><img src="/images/ayyildiz.png" alt=""><h1>T.C. {page.extra["site"].upper()}</h1></div>
<ul class="menu"><li><a href="/">Anasayfa</a></li><li><a href="/valimiz">Valimiz</a></li><li><a href="/haberler">Haberler</a></li><li><a href="/duyurular">Duyurular</a></li></ul></div>
<div id="content"><div class="sol"><div class="haber-baslik"><h2>{_e(page.title)}</h2></div>
<div class="haber-tarih"><i class="fa fa-calendar"></i> {page.extra["shown"]}</div>
<div class="haber-icerik">{_ps(page.paragraphs)}</div>
<div class="haber-galeri"><a href="/galeri/1.jpg"><img src="/galeri/k1.jpg"></a><a href="/galeri/2.jpg"><img src="/galeri/k2.jpg"></a></div></div>
<div class="sag"><div class="kutu"><h3>Haber Arşivi</h3><ul><li><a href="/haber/kis-tedbirleri">Kış tedbirleri toplantısı yapıldı</a><span>18 Kasım 2025</span></li>
<li><a href="/haber/il-koordinasyon">İl koordinasyon kurulu toplandı</a><span>14 Kasım 2025</span></li></ul></div></div></div>
<div id="footer">T.C. {page.extra["site"]} | Bilgi İşlem Şube Müdürlüğü</div></body></html>"""


def duyuru_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | {page.extra["site"]}</title></head>
<body><header class="site-header"><a href="/">{page.extra["site"]}</a><nav><a href="/duyurular">Duyurular</a> <a href="/haberler">Haberler</a></nav></header>
<section class="page-content"><div class="container"><div class="duyuru-detay">
<h3 class="duyuru-baslik">{_e(page.title)}</h3><span class="duyuru-tarih">{page.extra["shown"]}</span>
<div class="duyuru-metin">{_ps(page.paragraphs)}</div>
<div class="ekler"><h5>Ekler</h5><ul><li><a href="/Dosyalar/{page.key}.pdf">{page.extra["attachment"]}</a></li></ul></div>
</div></div></section><footer><p>{page.extra["site"]} © 2025</p></footer></body></html>"""


def sondakika_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>SON DAKİKA: {_e(page.title)} | Haber 55</title>
<meta property="og:title" content="SON DAKİKA: {_e(page.title)}"></head><body>
<div class="header"><a href="/">Haber 55</a></div><div class="breaking-strip"><span>SON DAKİKA</span></div>
<div class="article-wrap"><div class="badge badge-danger">SON DAKİKA</div><h1>{_e(page.title)}</h1>
<div class="article-time"><time datetime="{page.published.isoformat()}">{page.extra["shown"]}</time></div>
<div class="article-text">{_ps(page.paragraphs)}<p class="takip"><em>Haberin ayrıntıları geliyor...</em></p></div></div>
<div class="footer">© Haber 55</div></body></html>"""


def roportaj_page(page: CmsPage) -> str:
    parts = []
    for line in page.paragraphs:
        if line.endswith("?"):
            parts.append(f"<p><strong>{_e(line)}</strong></p>")
        else:
            parts.append(f"<p>{_e(line)}</p>")
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - Tokat Ekspres</title>
<meta property="article:published_time" content="{page.published.isoformat()}"></head><body>
<div class="ust"><a href="/">Tokat Ekspres</a> <a href="/roportaj">Röportaj</a></div>
<div class="icerik"><span class="kategori">RÖPORTAJ</span><h1>{_e(page.title)}</h1>
<div class="yazar-bilgi">Röportaj: {_e(page.author or "")}</div>
<div class="metin">{"".join(parts)}</div></div><div class="alt">Tokat Ekspres © 2025</div></body></html>"""


def nextjs_page(page: CmsPage) -> str:
    data = json.dumps(
        {
            "props": {
                "pageProps": {
                    "article": {
                        "title": page.title,
                        "publishedAt": page.published.isoformat(),
                        "content": "".join(f"<p>{p}</p>" for p in page.paragraphs),
                    }
                }
            },
            "page": "/haber/[slug]",
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | Yeşil Vadi Haber</title>
<meta name="next-head-count" content="4"></head><body><div id="__next"><div class="css-1q2w3e4">
<div class="css-9k8j7h"><a href="/" class="css-5t6y7u">Yeşil Vadi Haber</a><div class="css-0p9o8i"><a href="/gundem">Gündem</a><a href="/ekonomi">Ekonomi</a></div></div>
<main class="css-z1x2c3"><div class="css-v4b5n6"><h1 class="css-m7n8b9">{_e(page.title)}</h1>
<div class="css-a1s2d3"><span class="css-f4g5h6">{page.extra["shown"]}</span></div>
<div class="css-j7k8l9">{_ps(page.paragraphs)}</div></div>
<div class="css-q1w2e3"><h3 class="css-r4t5y6">Gündemdeki Haberler</h3><a class="css-u7i8o9" href="/haber/a">Niksar'da kış lastiği denetimi yapıldı</a></div></main>
<div class="css-p0o9i8">© 2025 Yeşil Vadi Haber</div></div></div>
<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>"""


def astra_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="UTF-8"><title>{_e(page.title)} &#8211; Sinop Yerel</title>
<link rel="stylesheet" id="astra-theme-css-css" href="/wp-content/themes/astra/assets/css/minified/main.min.css"></head>
<body class="post-template-default single single-post ast-single-post ast-right-sidebar"><div id="page" class="hfeed site">
<header class="site-header ast-primary-submenu-animation-fade header-main-layout-1" id="masthead"><div class="ast-site-identity"><span class="site-title"><a href="/">Sinop Yerel</a></span></div>
<nav class="main-header-bar-navigation"><ul id="primary-menu" class="main-header-menu"><li><a href="/">Home</a></li><li><a href="/category/haber/">Haber</a></li></ul></nav></header>
<div id="content" class="site-content"><div class="ast-container"><div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-{page.key[-2:]} post type-post status-publish ast-article-single" id="post-{page.key[-2:]}">
<div class="ast-post-format- ast-no-thumb single-layout-1"><header class="entry-header"><h1 class="entry-title" itemprop="headline">{_e(page.title)}</h1>
<div class="entry-meta">By <span class="posted-by vcard author"><a class="url fn n" href="/author/sinopyerel/"><span class="author-name">sinopyerel</span></a></span> / <span class="posted-on"><span class="published">{page.extra["shown"]}</span></span></div></header>
<div class="entry-content clear" itemprop="text">{_ps(page.paragraphs)}</div></div></article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/x/" rel="prev"><span class="ast-left-arrow">←</span> Previous Post</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3></div></div>
</main></div><div class="widget-area secondary" id="secondary"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/y/">Gerze'de balıkçı barınağı</a></li></ul></section></div></div></div>
<footer class="site-footer"><div class="ast-small-footer">Copyright © 2025 Sinop Yerel | Powered by Astra WordPress Theme</div></footer></div></body></html>"""


def teaser_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | Haber Derle</title></head>
<body><div class="nav"><a href="/">Haber Derle</a></div><div class="post"><h1 class="post-title">{_e(page.title)}</h1>
<div class="post-meta">Kaynak: {page.extra["source"]} · {page.published.strftime("%d.%m.%Y %H:%M")}</div>
<div class="post-summary">{_ps(page.paragraphs)}</div>
<a class="btn btn-primary" href="{page.extra["full"]}" rel="nofollow">{page.extra["more"]}</a></div>
<div class="footer">Haber Derle, yerel haberleri kaynaklarına yönlendirir.</div></body></html>"""


RENDER: dict[str, Callable[[CmsPage], str]] = {
    "b-ghost": ghost_page,
    "b-haberscript": haberscript_page,
    "b-valilik": valilik_page,
    "b-duyuru": duyuru_page,
    "b-sondakika": sondakika_page,
    "b-roportaj": roportaj_page,
    "b-nextjs": nextjs_page,
    "b-astra": astra_page,
    "b-teaser": teaser_page,
}

PAGES: tuple[CmsPage, ...] = (
    CmsPage(
        "blind-b-ghost-01",
        "b-ghost",
        "https://ordunotlari.example/unye-kalesi-kazi-sezonu/",
        "Ünye Kalesi'nde kazı sezonu kapandı",
        _at(20, 17, 30),
        (
            "Bu yılki kazılarda kalenin batı surunda Bizans dönemine ait bir sarnıç ortaya çıktı.",
            "Ünye Kalesi'nde ağustosta başlayan kazı çalışmaları, havaların soğumasıyla sona "
            "erdi. Kazı ekibinde on iki arkeolog ve yirmi işçi görev aldı.",
            "Kazı başkanı, ortaya çıkarılan sarnıcın kalenin su ihtiyacını karşıladığını ve "
            "gelecek yıl çevresinin tamamen temizleneceğini söyledi.",
        ),
        author="Zeynep Arslan",
        extra={"shown": "20 Kas 2025"},
    ),
    CmsPage(
        "blind-b-ghost-02",
        "b-ghost",
        "https://ordunotlari.example/persembe-yaylasi-kis/",
        "Perşembe Yaylası'nda kış hazırlığı",
        _at(21, 8, 0),
        (
            "Yaylaya çıkan yolun karla kapanmaması için ekipler şimdiden tuzlama yapıyor.",
            "Aybastı'daki Perşembe Yaylası'nda kış öncesi son hazırlıklar tamamlandı. "
            "Yaylada kalan on iki aile için jeneratör ve yakacak desteği sağlandı.",
            "Belediye, kış boyunca yaylaya haftada iki kez ekmek ve erzak ulaştırılacağını "
            "duyurdu.",
        ),
        author="Zeynep Arslan",
        extra={"shown": "21 Kasım 2025"},
    ),
    CmsPage(
        "blind-b-haberscript-01",
        "b-haberscript",
        "https://karadenizgundem.example/haber/giresun-adasi-tekne-seferleri-5521",
        "Giresun Adası'na kış tekne seferleri başlıyor",
        _at(21, 9, 12),
        (
            "Giresun Adası'na bu yıl ilk kez kış aylarında da hafta sonu tekne seferleri yapılacak.",
            "Belediye, adayı yıl boyunca ziyaret etmek isteyenlerden gelen talepler üzerine "
            "cumartesi ve pazar günleri iki sefer düzenleneceğini açıkladı.",
            "Seferler, deniz koşullarının uygun olduğu günlerde sabah on ve öğleden sonra iki "
            "buçukta limandan kalkacak.",
            "Ada ziyaretlerinde kuş yuvalama alanlarına girilmemesi konusunda ziyaretçiler "
            "uyarıldı.",
        ),
        extra={
            "giris": "21.11.2025 09:12",
            "son": "21.11.2025 10:40",
            "related": "Adada kuş gözlem haftası düzenlendi",
        },
    ),
    CmsPage(
        "blind-b-haberscript-02",
        "b-haberscript",
        "https://karadenizgundem.example/haber/tirebolu-cay-fabrikasi-5530",
        "Tirebolu'da çay fabrikası modernize edildi",
        _at(22, 11, 5),
        (
            "Tirebolu'daki çay fabrikasının üretim hattı yenilenerek kapasitesi yüzde otuz artırıldı.",
            "Fabrika müdürü, yeni kurutma makineleriyle enerji tüketiminin azaldığını ve "
            "çayın kalitesinin yükseldiğini anlattı.",
            "Fabrikada gelecek sezon iki yüz elli mevsimlik işçi çalıştırılması planlanıyor.",
        ),
        extra={
            "giris": "22.11.2025 11:05",
            "son": "22.11.2025 12:30",
            "related": "Yaş çay kampanyası sona erdi",
        },
    ),
    CmsPage(
        "blind-b-valilik-01",
        "b-valilik",
        "https://www.samsun-valilik.example/haber/kis-okul-servisleri-denetimi",
        "Okul Servis Araçlarına Kış Denetimi",
        _at(19),
        precision="day",
        paragraphs=(
            "İl Emniyet Müdürlüğü ve İl Jandarma Komutanlığı ekiplerince okul servis araçlarına "
            "yönelik kış dönemi denetimleri başlatıldı.",
            "Denetimlerde araçların kış lastikleri, şoförlerin belgeleri ve araçlarda rehber "
            "personel bulunup bulunmadığı kontrol edildi.",
            "Valimiz, öğrencilerimizin güvenliği için denetimlerin kış boyunca aralıksız "
            "süreceğini ifade etti.",
        ),
        extra={"site": "Samsun Valiliği", "shown": "19 Kasım 2025"},
    ),
    CmsPage(
        "blind-b-valilik-02",
        "b-valilik",
        "https://www.samsun-valilik.example/haber/sehit-aileleri-ziyareti",
        "Valimiz Şehit Ailelerini Ziyaret Etti",
        _at(20),
        precision="day",
        paragraphs=(
            "Valimiz, Vezirköprü ilçesinde şehit ailelerini evlerinde ziyaret ederek "
            "ailelerin dilek ve taleplerini dinledi.",
            "Ziyaretlerde Vezirköprü Kaymakamı ve Belediye Başkanı da Valimize eşlik etti.",
            "Valimiz, şehit ailelerimizin her zaman devletimizin başının tacı olduğunu belirtti.",
        ),
        extra={"site": "Samsun Valiliği", "shown": "20.11.2025"},
    ),
    CmsPage(
        "blind-b-duyuru-01",
        "b-duyuru",
        "https://amasya-aile.example/duyurular/koruyucu-aile-bilgilendirme-toplantisi",
        "Koruyucu Aile Bilgilendirme Toplantısı Duyurusu",
        _at(17),
        precision="day",
        paragraphs=(
            "Koruyucu aile olmak isteyen vatandaşlarımıza yönelik bilgilendirme toplantısı "
            "28 Kasım 2025 Cuma günü saat 14.00'te Müdürlüğümüz konferans salonunda yapılacaktır. "
            "Toplantıya katılmak isteyenlerin Müdürlüğümüze telefonla kayıt yaptırmaları "
            "gerekmektedir.",
        ),
        extra={
            "site": "Amasya Aile ve Sosyal Hizmetler İl Müdürlüğü",
            "shown": "17.11.2025",
            "attachment": "Toplantı programı için tıklayınız",
        },
    ),
    CmsPage(
        "blind-b-duyuru-02",
        "b-duyuru",
        "https://amasya-aile.example/duyurular/sosyal-calismaci-alimi",
        "Sözleşmeli Sosyal Çalışmacı Alımı Sonuçları",
        _at(18),
        precision="day",
        paragraphs=(
            "Müdürlüğümüz bünyesinde istihdam edilmek üzere yapılan sözleşmeli sosyal "
            "çalışmacı alımına ilişkin sözlü sınav sonuçları ekte yayımlanmıştır.",
            "Asil adayların belge teslimi için 1 Aralık 2025 tarihine kadar İnsan Kaynakları "
            "Birimine şahsen başvurmaları gerekmektedir.",
        ),
        extra={
            "site": "Amasya Aile ve Sosyal Hizmetler İl Müdürlüğü",
            "shown": "Yayın Tarihi: 18 Kasım 2025",
            "attachment": "Sınav sonuç listesi (PDF)",
        },
    ),
    CmsPage(
        "blind-b-sondakika-01",
        "b-sondakika",
        "https://haber55.example/son-dakika/atakumda-dogalgaz-sizintisi-20431",
        "Atakum'da doğalgaz sızıntısı: bina tahliye edildi",
        _at(22, 10, 47),
        (
            "Atakum'da bir apartmanın bodrum katında doğalgaz sızıntısı ihbarı üzerine bina "
            "tahliye edildi. Olay yerine itfaiye ve doğalgaz şirketinin ekipleri sevk edildi.",
            "Sızıntının bir vana arızasından kaynaklandığı belirlendi, yaralanan olmadı.",
        ),
        extra={"shown": "5 dakika önce"},
    ),
    CmsPage(
        "blind-b-sondakika-02",
        "b-sondakika",
        "https://haber55.example/son-dakika/bafrada-deprem-20440",
        "Bafra açıklarında 3,9 büyüklüğünde deprem",
        _at(22, 12, 3),
        (
            "AFAD'ın verilerine göre Bafra açıklarında Karadeniz'de 3,9 büyüklüğünde bir deprem "
            "meydana geldi. Deprem kıyıdaki ilçelerde de hissedildi.",
            "Valilik, ilk belirlemelere göre herhangi bir olumsuzluk bulunmadığını açıkladı.",
        ),
        extra={"shown": "22 Kasım 2025 12:03"},
    ),
    CmsPage(
        "blind-b-roportaj-01",
        "b-roportaj",
        "https://tokatekspres.example/roportaj/zile-pekmezi-ustasi",
        "Zile pekmezinin son ustalarından biri anlatıyor",
        _at(16, 10, 0),
        (
            "Zile'de kırk yıldır pekmez kaynatan Ahmet Usta ile bağ bozumu sonrasında konuştuk.",
            "Pekmez kaynatmaya ne zaman başladınız?",
            "Babamın yanında on iki yaşında kazanın başına geçtim. O günden beri her eylülde "
            "bağ bozumuyla birlikte işe koyuluyoruz.",
            "Zile pekmezini diğerlerinden ayıran ne?",
            "Üzümün tatlılığı ve kaynatma sırasında kullandığımız beyaz toprak. Bir de sabır; "
            "acele eden iyi pekmez yapamaz.",
        ),
        author="Selin Öztürk",
    ),
    CmsPage(
        "blind-b-roportaj-02",
        "b-roportaj",
        "https://tokatekspres.example/roportaj/niksar-kutuphane-memuru",
        "Niksar'ın gezici kütüphanecisi",
        _at(18, 15, 30),
        (
            "Köy okullarına kitap taşıyan gezici kütüphanenin şoförü ve kütüphanecisi Hatice "
            "Hanım, on yıllık yolculuğunu anlattı.",
            "Gezici kütüphane kaç köye gidiyor?",
            "Niksar'a bağlı otuz sekiz köye ayda bir uğruyoruz. Kışın yollar kapanınca bazı "
            "köylere ancak baharda gidebiliyoruz.",
            "Çocuklar en çok hangi kitapları istiyor?",
            "Macera kitapları ve hayvan ansiklopedileri. Son zamanlarda bilim kitaplarına da "
            "ilgi arttı.",
        ),
        author="Selin Öztürk",
    ),
    CmsPage(
        "blind-b-nextjs-01",
        "b-nextjs",
        "https://yesilvadihaber.example/haber/erbaa-sebze-hali",
        "Erbaa'ya yeni sebze ve meyve hali",
        _at(15, 14, 20),
        (
            "Erbaa Belediyesi'nin yaptırdığı sebze ve meyve hali tamamlandı. Halde kırk iki "
            "dükkan ve bir soğuk hava deposu bulunuyor.",
            "Belediye başkanı, eski halin şehir merkezinde trafik sorununa yol açtığını, yeni "
            "halin çevre yolu kenarında olduğunu söyledi.",
            "Halin ocak ayında faaliyete geçmesi bekleniyor.",
        ),
        extra={"shown": "15 Kasım 2025, 14:20"},
    ),
    CmsPage(
        "blind-b-nextjs-02",
        "b-nextjs",
        "https://yesilvadihaber.example/haber/turhal-seker-kampanya",
        "Turhal Şeker Fabrikası'nda kampanya sürüyor",
        _at(17, 9, 40),
        (
            "Turhal Şeker Fabrikası'nda pancar alım kampanyası devam ediyor. Fabrikaya bugüne "
            "kadar üç yüz bin ton pancar teslim edildi.",
            "Üreticiler bu yıl pancarın şeker oranının yüksek olduğunu ve verimden memnun "
            "olduklarını belirtti.",
            "Kampanyanın ocak ayının ortasına kadar sürmesi bekleniyor.",
        ),
        extra={"shown": "17.11.2025 09:40"},
    ),
    CmsPage(
        "blind-b-astra-01",
        "b-astra",
        "https://sinopyerel.example/gerze-sahil-yolu-tamamlandi/",
        "Gerze sahil yolu tamamlandı",
        _at(20),
        precision="day",
        paragraphs=(
            "Gerze'de iki yıldır süren sahil yolu düzenlemesi tamamlandı. Yol boyunca yürüyüş "
            "ve bisiklet yolları ile seyir terasları yapıldı.",
            "Belediye başkanı, sahil yolunun yaz aylarında ilçeye gelen ziyaretçi sayısını "
            "artıracağını söyledi.",
            "Açılış töreni önümüzdeki hafta yapılacak.",
        ),
        extra={"shown": "November 20, 2025"},
    ),
    CmsPage(
        "blind-b-astra-02",
        "b-astra",
        "https://sinopyerel.example/boyabat-kale-festivali/",
        "Boyabat'ta kale yolu için imza kampanyası",
        _at(12),
        precision="day",
        paragraphs=(
            "Boyabat'ta tarihi kaleye çıkan yolun onarılması için başlatılan imza kampanyasına "
            "iki binden fazla kişi katıldı.",
            "Kampanyayı başlatan dernek, imzaları il özel idaresine ileteceğini açıkladı.",
            "Kale yolu, son yağışlarla birlikte yer yer çökmüş durumda.",
        ),
        extra={"shown": "November 12, 2025"},
    ),
    CmsPage(
        "blind-b-teaser-01",
        "b-teaser",
        "https://haberderle.example/samsun/ilkadim-kres-kayit",
        "İlkadım'da belediye kreşlerine kayıtlar başladı",
        _at(20, 9, 0),
        (
            "İlkadım Belediyesi'nin üç kreşine yeni dönem kayıtları başladı. Kayıtlar bir hafta "
            "sürecek ve çalışan annelerin çocuklarına öncelik verilecek. Kontenjanın dolması "
            "halinde kura çekilecek.",
        ),
        extra={
            "expect": "rejected",
            "source": "İlkadım Haber",
            "full": "https://ilkadimhaber.example/kres-kayitlari",
            "more": "Haberin tamamını okumak için tıklayın",
        },
    ),
    CmsPage(
        "blind-b-teaser-02",
        "b-teaser",
        "https://haberderle.example/ordu/fatsa-balik-hali",
        "Fatsa balık halinde hamsi bolluğu",
        _at(21, 7, 30),
        (
            "Fatsa balık halinde sabah saatlerinde hamsi bolluğu yaşandı. Teknelerin getirdiği "
            "balıklar kısa sürede satıldı.",
            "Balıkçılar, havanın iyi gitmesi halinde önümüzdeki günlerde de bolluğun süreceğini "
            "umuyor. Hamsinin kasası halde yüz seksen liradan işlem gördü, pazarda ise fiyatlar "
            "biraz daha yüksekti.",
        ),
        extra={
            "expect": "rejected",
            "source": "Fatsa Postası",
            "full": "https://fatsapostasi.example/haber/hamsi",
            "more": "Kaynağında oku »",
        },
    ),
)


def labelled_files() -> dict[str, bytes]:
    """The pages and their truth file (``blind-b.yaml``) for crawlers/labelled/."""
    header = (
        "# Blind set B: pages in further site styles, scored once after the blind-set-A fixes and\n"
        "# not tuned on (see crawlers/labelled/README.md and tests/crawlers/blind_pages_b.py).\n"
        "# Regenerate with: python -m tests.crawlers.blind_pages_b\n"
    )
    return labelled_group("blind-b", PAGES, RENDER, header)


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "crawlers" / "labelled"
    for file_name, content in labelled_files().items():
        (target / file_name).write_bytes(content)
