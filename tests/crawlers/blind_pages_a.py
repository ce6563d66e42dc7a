"""Blind set A: labelled pages in site styles the extraction was not written against.

Written after the extraction reached 1.00 on its own 74 labelled pages, and scored once with
``kupur eval extraction`` before any extraction change (crawlers/labelled/README.md holds the
figures). Nine styles, none of them in the earlier sets:

* ``a-canli`` — a national newspaper's regional page carrying a live blog: an intro, then a list
  of timed updates, "Son güncelleme" above it, regional navigation around it.
* ``a-spot`` — a news site that puts the summary (spot) in an h2 under the title and repeats it
  as the first paragraph; a "Yazıcı dostu" link to a print version.
* ``a-coklu`` — the article in an <article>, then three more <article> teasers with headlines,
  long summaries and dates of their own.
* ``a-drupal`` — Drupal field markup (field--name-body, field--name-field-*), the Drupal
  "submitted" line, datetime fields in UTC.
* ``a-blogspot`` — a Blogger local news blog: the day as an h2 date header above the post, the
  post title an h3, text in <div>s and <br>s, "Gönderen … zaman:" footer with the time.
* ``a-jsonld`` — JSON-LD whose datePublished disagrees with the visible "Yayınlanma" line. The
  label follows the visible date: a media monitor counts an article on the day readers saw it,
  and JSON-LD that disagrees with the page is the CMS's mistake (a migration date, a UTC time
  labelled +03:00), not the newsroom's.
* ``a-goreli`` — the date shown as "3 gün önce" / "2 saat önce" with the absolute date only in
  a title attribute.
* ``a-mudurluk`` — a provincial directorate's table-built old CMS in ISO-8859-9, declared only in
  an http-equiv meta, served as plain ``text/html``.
* ``a-ajans`` — an agency page: the dateline "ANKARA (AA) - " opens the body (it stays there) but
  is not part of the title.
* ``a-teaser`` — a truncated teaser ("Devamı için tıklayın") under 80 words linking to the full
  text elsewhere: labelled ``expect: rejected``, since the teaser is not the article.

Every text here was written for Kupür; people, sites and events are fictional. Regenerate the
files in ``crawlers/labelled/`` (``blind-a-*.html`` and ``blind-a.yaml``) with
``python -m tests.crawlers.blind_pages_a``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from pathlib import Path

from kupur.core.models import ISTANBUL
from tests.crawlers.cms_pages import CmsPage

__all__ = ["PAGES", "RENDER", "labelled_group"]


def _at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=ISTANBUL)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _ps(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in paragraphs)


def labelled_group(
    name: str, pages: Sequence[CmsPage], render: dict[str, Callable[[CmsPage], str]], header: str
) -> dict[str, bytes]:
    """The pages' bytes and their truth file ``<name>.yaml``; a page whose ``extra`` says
    ``expect: rejected`` is labelled as not an article."""
    import yaml

    files: dict[str, bytes] = {}
    entries = []
    for page in pages:
        files[f"{page.key}.html"] = render[page.style](page).encode(
            page.extra.get("encoding", "utf-8")
        )
        entry: dict[str, object] = {
            "file": f"{page.key}.html",
            "style": page.style,
            "url": page.url,
            "content_type": page.extra.get("content_type", "text/html; charset=utf-8"),
        }
        if page.extra.get("expect") == "rejected":
            entry["expect"] = "rejected"
        else:
            entry["title"] = page.title
            entry["published"] = page.published.isoformat()
            entry["date_precision"] = page.precision
            if page.author:
                entry["author"] = page.author
            entry["body"] = page.body
        entries.append(entry)
    files[f"{name}.yaml"] = (
        header + yaml.safe_dump({"pages": entries}, allow_unicode=True, sort_keys=False, width=100)
    ).encode("utf-8")
    return files


# -- a national newspaper's regional page with a live blog ----------------------------------------


def canli_page(page: CmsPage) -> str:
    intro, *updates = page.paragraphs
    times = page.extra["times"].split(",")
    items = "".join(
        f'<li class="akis-ogesi"><div class="akis-saat"><time datetime="2025-11-{page.published.day:02d}T{t}:00+03:00">{t}</time></div>'
        f'<div class="akis-metin"><p>{_e(text)}</p></div></li>'
        for t, text in zip(times, reversed(updates), strict=True)
    )
    meta = page.extra.get("meta", "")
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>CANLI | {_e(page.title)} - Türkiye Gazetesi Bölge</title>
<meta property="og:title" content="CANLI | {_e(page.title)}">{meta}
<link rel="canonical" href="{page.url}"></head><body class="bolge-detay">
<header class="site-ust"><a class="logo" href="/">Türkiye Gazetesi</a><nav class="ana-menu"><a href="/gundem">Gündem</a>
<a href="/ekonomi">Ekonomi</a><a href="/bolge">Bölge</a><a href="/spor">Spor</a></nav></header>
<div class="bolge-serit"><h2 class="bolge-adi">Karadeniz</h2><ul class="bolge-iller"><li><a href="/bolge/samsun">Samsun</a></li>
<li><a href="/bolge/ordu">Ordu</a></li><li><a href="/bolge/sinop">Sinop</a></li><li><a href="/bolge/amasya">Amasya</a></li></ul></div>
<main class="icerik"><article class="canli-yayin">
<span class="canli-rozet">CANLI</span>
<h1 class="haber-baslik">{_e(page.title)}</h1>
<div class="haber-bilgi">{page.extra["info"]}</div>
<p class="giris">{_e(intro)}</p>
<div class="canli-akis-baslik">Gelişmeler</div>
<ol class="canli-akis">{items}</ol>
<div class="canli-son">Gelişmeleri takip etmeye devam ediyoruz.</div>
</article>
<section class="bolge-diger"><h3>Karadeniz'den diğer haberler</h3><ul>
<li><a href="/bolge/ordu/fatsa-limani">Fatsa Limanı'nda yeni rıhtım için ihale yapıldı</a> <span>11.11.2025</span></li>
<li><a href="/bolge/sinop/boyabat-baraji">Boyabat Barajı'nda su seviyesi yükseldi</a> <span>10.11.2025</span></li></ul></section>
</main><footer class="site-alt">© 2025 Türkiye Gazetesi. Tüm hakları saklıdır.</footer></body></html>"""


# -- the spot in an h2 under the title, repeated as the first paragraph ---------------------------


def spot_page(page: CmsPage) -> str:
    spot = page.paragraphs[0]
    first = (
        f"<p><strong>{_e(spot)}</strong></p>" if page.extra.get("bold") else f"<p>{_e(spot)}</p>"
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>{_e(page.title)} | Kuzey Ekspres</title>
<meta name="description" content="{_e(spot)}"><meta property="og:title" content="{_e(page.title)}"></head>
<body><div class="ust-bar"><span class="bugun">22 Kasım 2025 Cumartesi</span> <span class="hava">Samsun 12°C</span></div>
<div class="logo-alan"><a href="/"><img src="/logo.png" alt="Kuzey Ekspres"></a></div>
<ul class="kategori-menu"><li><a href="/gundem">GÜNDEM</a></li><li><a href="/yasam">YAŞAM</a></li><li><a href="/egitim">EĞİTİM</a></li></ul>
<div class="container"><div class="row"><div class="col-lg-8">
<div class="haber-detay">
<h1>{_e(page.title)}</h1>
<h2 class="spot">{_e(spot)}</h2>
<div class="haber-ust-bilgi">{page.extra["info"]}
<a class="btn-yazici" href="{page.url}?yazdir=1" rel="nofollow">Yazıcı dostu sürüm</a></div>
<div class="haber-gorsel"><img src="/uploads/haber/{page.key}.jpg" alt="{_e(page.title)}"></div>
<div class="haber-metni">{first}{_ps(page.paragraphs[1:])}</div>
<div class="haber-etiket"><a href="/etiket/samsun">Samsun</a> <a href="/etiket/egitim">Eğitim</a></div>
</div></div>
<div class="col-lg-4"><div class="son-haberler"><div class="kutu-baslik">Son Haberler</div>
<a href="/gundem/bafra-pazari">Bafra'da pazar yeri yenilendi</a><a href="/gundem/atakum-park">Atakum'a yeni park</a></div></div>
</div></div><div class="alt-bilgi">Kuzey Ekspres © 2025 · Künye · İletişim</div></body></html>"""


# -- the article, then three <article> teasers --------------------------------------------------

_TEASERS = (
    (
        "/haber/ladik-golu-kus-gozlem-kulesi",
        "Ladik Gölü kıyısına kuş gözlem kulesi yapılıyor",
        "Ladik Gölü'ne her kış gelen binlerce göçmen kuşu izlemek isteyen doğaseverler için göl "
        "kıyısına iki katlı ahşap bir gözlem kulesi yapılıyor ve kule bahara kadar tamamlanacak.",
        "12 Kasım 2025",
    ),
    (
        "/haber/havza-kaplica-yenileme",
        "Havza kaplıcalarında yenileme çalışması tamamlandı",
        "Havza'daki tarihi kaplıca binasında iki yıldır süren restorasyon bitti; havuzlar, "
        "soyunma odaları ve giriş bölümü yenilenerek yeniden ziyaretçilere açıldı.",
        "11 Kasım 2025",
    ),
    (
        "/haber/kavak-tarim-makinesi",
        "Kavak'ta çiftçilere tarım makinesi hibesi",
        "Kavak ilçesinde kırsal kalkınma programından yararlanan kırk iki çiftçiye yüzde elli "
        "hibeyle traktör römorku, pulluk ve ilaçlama makinesi teslim edildi.",
        "10 Kasım 2025",
    ),
)


def coklu_page(page: CmsPage) -> str:
    teasers = "".join(
        f'<article class="{page.extra["teaser_class"]}"><a href="{href}"><img src="{href}.jpg" alt=""></a>'
        f'<h2><a href="{href}">{_e(headline)}</a></h2><p>{_e(summary)}</p><span class="tarih">{day}</span></article>'
        for href, headline, summary, day in _TEASERS
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - Yeşilırmak Haber</title>
</head><body><div class="site"><div class="ust"><a href="/">Yeşilırmak Haber</a> | <a href="/kategori/gundem">Gündem</a> | <a href="/kategori/ekonomi">Ekonomi</a></div>
<main><article class="haber">
<h1>{_e(page.title)}</h1>
<p class="haber-tarih">{page.extra["info"]}</p>
{_ps(page.paragraphs)}
</article>
<h3 class="diger-baslik">Diğer haberler</h3>
{teasers}
</main><div class="alt">Yeşilırmak Haber · Amasya · haber@yesilirmak.example</div></div></body></html>"""


# -- Drupal ----------------------------------------------------------------------------------


def drupal_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr" dir="ltr"><head><meta charset="utf-8">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<title>{_e(page.title)} | {page.extra["site"]}</title>
<link rel="canonical" href="{page.url}"></head>
<body class="path-node page-node-type-haber"><a href="#main-content" class="visually-hidden focusable skip-link">Ana içeriğe atla</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-site-branding" class="block block-system block-system-branding-block">
<a href="/" rel="home">{page.extra["site"]}</a></div></div>
<div class="region region-primary-menu"><nav role="navigation" id="block-anamenu" class="block block-menu navigation menu--main"><ul class="menu">
<li class="menu-item"><a href="/">Ana Sayfa</a></li><li class="menu-item"><a href="/haberler">Haberler</a></li><li class="menu-item"><a href="/duyurular">Duyurular</a></li></ul></nav></div></header>
<div class="region region-breadcrumb"><div id="block-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav class="breadcrumb" role="navigation"><ol>
<li><a href="/">Ana Sayfa</a></li><li><a href="/haberler">Haberler</a></li></ol></nav></div></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">
<div class="region region-content"><div id="block-page-title" class="block block-core block-page-title-block">
<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{_e(page.title)}</span></h1></div>
<div id="block-mainpagecontent" class="block block-system block-system-main-block">
<article role="article" about="{page.url}" class="node node--type-haber node--promoted node--view-mode-full">
<div class="node__meta">{page.extra["submitted"]}</div>
<div class="node__content">
<div class="field field--name-field-gorsel field--type-image field--label-hidden field__item"><img src="/sites/default/files/2025-11/{page.key}.jpg" alt="" width="900" height="500"></div>
{page.extra.get("date_field", "")}
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{_ps(page.paragraphs)}</div>
<div class="field field--name-field-etiketler field--type-entity-reference field--label-above"><div class="field__label">Etiketler</div>
<div class="field__items"><div class="field__item"><a href="/taxonomy/term/12">Tarım</a></div><div class="field__item"><a href="/taxonomy/term/31">Kırsal Kalkınma</a></div></div></div>
</div></article></div></div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="views-element-container block block-views" id="block-views-block-son-haberler-block-1">
<h2>Son Haberler</h2><div class="view-content"><div class="views-row"><a href="/haber/1">Seracılık kursu başvuruları başladı</a> <time datetime="2025-11-03T07:00:00Z">03.11.2025</time></div></div></div></aside>
</main>
<footer role="contentinfo"><div class="region region-footer"><p>{page.extra["site"]} · Bu sitenin içeriği kaynak gösterilerek kullanılabilir.</p></div></footer>
</div></div></body></html>"""


# -- Blogger / Blogspot --------------------------------------------------------------------------


def blogspot_page(page: CmsPage) -> str:
    blog = page.extra["blog"]
    body = "<br><br>".join(_e(p) for p in page.paragraphs)
    if page.extra.get("divs"):
        body = "".join(
            f'<div style="text-align: justify;">{_e(p)}</div><div><br></div>'
            for p in page.paragraphs
        )
    iso = page.published.isoformat()
    return f"""<!DOCTYPE html><html dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:b="http://www.google.com/2005/gml/b"><head>
<meta content="text/html; charset=UTF-8" http-equiv="Content-Type"><meta content="blogger" name="generator">
<title>{blog}: {_e(page.title)}</title>
<link href="{page.url}" rel="canonical"><meta content="{page.url}" property="og:url">
<meta content="{_e(page.title)}" property="og:title">
<meta content="{_e(page.paragraphs[0][:140])}" property="og:description"></head>
<body class="variant-simplysimple"><div class="navbar section" id="navbar"><div class="widget Navbar" id="Navbar1"></div></div>
<div class="content"><div class="content-outer"><header><div class="header-outer"><div class="Header widget" id="Header1">
<h1 class="title"><a href="https://{page.url.split("/")[2]}/">{blog}</a></h1><p class="description">{page.extra["tagline"]}</p></div></div></header>
<div class="main-outer"><div class="columns fauxcolumns"><div class="column-center-outer"><div class="main section" id="main">
<div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>{page.extra["day_header"]}</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<a name="{page.key}"></a>
<h3 class="post-title entry-title" itemprop="name">{_e(page.title)}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-{page.key}" itemprop="description articleBody">{body}</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1">
<span class="post-author vcard">Gönderen <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><span itemprop="name">{_e(page.author or "")}</span></span></span>
<span class="post-timestamp">zaman: <meta content="{page.url}" itemprop="url"><a class="timestamp-link" href="{page.url}" rel="bookmark" title="permanent link"><abbr class="published" itemprop="datePublished" title="{iso}">{page.extra["clock"]}</abbr></a></span>
<span class="post-comment-link"><a class="comment-link" href="{page.url}#comment-form">Yorum Yok</a></span></div>
<div class="post-share-buttons goog-inline-block"><a class="goog-inline-block share-button sb-email" href="#"><span class="share-button-link-text">Bunu E-postayla Gönder</span></a>
<a class="goog-inline-block share-button sb-twitter" href="#"><span class="share-button-link-text">X'te paylaş</span></a></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Etiketler: <a href="/search/label/Kavak" rel="tag">Kavak</a>, <a href="/search/label/haber" rel="tag">haber</a></span></div></div>
</div><div class="comments" id="comments"><h4>Hiç yorum yok:</h4><p class="comment-footer"><a href="#">Yorum Gönder</a></p></div></div></div></div>
</div><div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="#" title="Sonraki Kayıt">Sonraki Kayıt</a></span>
<span id="blog-pager-older-link"><a class="blog-pager-older-link" href="#" title="Önceki Kayıt">Önceki Kayıt</a></span><a class="home-link" href="/">Ana Sayfa</a></div>
<div class="post-feeds"><div class="feed-links">Kaydol: <a class="feed-link" href="#" type="application/atom+xml">Kayıt Yorumları (Atom)</a></div></div></div></div></div>
<div class="column-right-outer"><div class="sidebar section" id="sidebar-right-1"><div class="widget PopularPosts" id="PopularPosts1"><h2>Popüler Yayınlar</h2>
<div class="widget-content popular-posts"><ul><li><div class="item-title"><a href="/2025/10/kavak-pazari.html">Kavak pazarında sebze fiyatları düştü</a></div></li></ul></div></div>
<div class="widget BlogArchive" id="BlogArchive1"><h2>Blog Arşivi</h2><div class="widget-content"><ul class="hierarchy"><li class="archivedate expanded">
<a class="toggle" href="javascript:void(0)">▼</a> <a class="post-count-link" href="/2025/">2025</a> <span class="post-count" dir="ltr">(64)</span>
<ul class="hierarchy"><li class="archivedate expanded"><a class="post-count-link" href="/2025/11/">Kasım</a> <span class="post-count" dir="ltr">(9)</span></li></ul></li></ul></div></div></div></div>
</div></div></div><footer><div class="footer-outer"><div class="widget Attribution" id="Attribution1">Blogger tarafından desteklenmektedir.</div></div></footer></div></div></body></html>"""


# -- JSON-LD that disagrees with the visible date --------------------------------------------------


def jsonld_page(page: CmsPage) -> str:
    ld = (
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
        + page.title.replace('"', '\\"')
        + f'","datePublished":"{page.extra["ld_published"]}","dateModified":"{page.extra["ld_published"]}",'
        '"publisher":{"@type":"Organization","name":"Orta Karadeniz Postası"}}'
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>{_e(page.title)} - Orta Karadeniz Postası</title>
<script type="application/ld+json">{ld}</script></head>
<body><header class="ust-alan"><a href="/">Orta Karadeniz Postası</a><nav><a href="/gundem">Gündem</a><a href="/yerel">Yerel</a></nav></header>
<div class="sayfa"><div class="haber-kapsayici">
<h1 class="baslik">{_e(page.title)}</h1>
<div class="haber-zaman"><span>Yayınlanma: {page.extra["visible"]}</span></div>
<div class="haber-govde">{_ps(page.paragraphs)}</div>
</div><div class="yan-kolon"><div class="kutu"><b>Çok Okunanlar</b><ol><li><a href="/a">Merzifon'da doğalgaz çalışması</a></li></ol></div></div></div>
<footer>Orta Karadeniz Postası · Tüm hakları saklıdır.</footer></body></html>"""


# -- relative dates with the absolute one in a title attribute ------------------------------------


def goreli_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | Sahil Haber</title>
<meta property="og:title" content="{_e(page.title)}"></head>
<body><div class="header-top"><a href="/">Sahil Haber</a></div><div class="menu"><a href="/">Anasayfa</a> <a href="/yerel">Yerel</a></div>
<div class="news-detail"><div class="news-category"><a href="/yerel">YEREL</a></div>
<h1 class="news-title">{_e(page.title)}</h1>
<div class="news-info">{page.extra["when"]} <span class="okunma">· 1.204 okunma</span></div>
<div class="news-text">{_ps(page.paragraphs)}</div></div>
<div class="news-more"><div class="more-title">Bunlar da ilginizi çekebilir</div>
<div class="more-item"><a href="/yerel/gerze-balikci">Gerze'de balıkçılar hamsi bekliyor</a><span title="16.11.2025 10:00">1 gün önce</span></div></div>
<div class="footer">© Sahil Haber 2025</div></body></html>"""


# -- a provincial directorate's old table CMS in ISO-8859-9 -----------------------------------------


def mudurluk_page(page: CmsPage) -> str:
    body = "<br><br>".join(_e(p) for p in page.paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">
<title>{page.extra["site"]}</title><link rel="stylesheet" href="stil.css"></head>
<body leftmargin="0" topmargin="0" bgcolor="#E8E8E8"><table width="900" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td colspan="2"><img src="images/ust_banner.jpg" width="900" height="110" alt="{page.extra["site"]}"></td></tr>
<tr><td colspan="2" class="menu"><a href="index.php">Ana Sayfa</a> | <a href="kurumsal.php">Kurumsal</a> | <a href="haberler.php">Haberler</a> | <a href="duyurular.php">Duyurular</a> | <a href="iletisim.php">İletişim</a></td></tr>
<tr><td width="190" valign="top" class="sol"><table width="100%"><tr><td class="solbaslik">DUYURULAR</td></tr>
<tr><td><a href="duyuru.php?id=88">Sözleşmeli personel alım ilanı</a></td></tr><tr><td><a href="duyuru.php?id=87">Hizmet içi eğitim takvimi</a></td></tr></table></td>
<td valign="top" class="orta"><table width="100%" cellpadding="6">
<tr><td class="haberbaslik"><b>{_e(page.title)}</b></td></tr>
<tr><td class="tarih">Tarih : {page.extra["date_text"]} &nbsp; Okunma : 87</td></tr>
<tr><td class="haberyazi">{body}</td></tr>
<tr><td align="right"><a href="haber_yazdir.php?id={page.key[-2:]}" target="_blank"><img src="images/yazici.gif" border="0"> Yazıcı Dostu Sayfa</a> &nbsp; <a href="javascript:history.back()">Geri</a></td></tr>
</table></td></tr>
<tr><td colspan="2" class="alt" align="center">{page.extra["site"]} Bilgi İşlem Birimi - 2025</td></tr></table></body></html>"""


# -- an agency page with a dateline ---------------------------------------------------------------


def ajans_page(page: CmsPage) -> str:
    dateline, *rest = page.paragraphs
    city, text = dateline.split(" - ", 1)
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>{_e(city)} - {_e(page.title)} | Anadolu Haber Ajansı</title>
<meta property="og:title" content="{_e(city)} - {_e(page.title)}">
<meta name="description" content="{_e(page.extra["spot"])}"></head>
<body><div class="ust-menu"><a href="/">AHA</a> <a href="/tr/gundem">Gündem</a> <a href="/tr/turkiye">Türkiye</a> <a href="/tr/ekonomi">Ekonomi</a></div>
<div class="detay-sayfa"><div class="detay-ust"><span class="kategori">TÜRKİYE</span></div>
<h1 class="detay-baslik">{_e(page.title)}</h1>
<h4 class="detay-spot">{_e(page.extra["spot"])}</h4>
<div class="detay-bilgi"><span class="muhabir">{_e(page.author or "")}</span> | <span>{page.extra["info"]}</span>
<a class="yazici-dostu" href="/tr/yazdir/{page.key}">Yazıcı dostu görünüm</a></div>
<div class="detay-icerik"><p><strong>{_e(city)} -</strong> {_e(text)}</p>{_ps(rest)}</div>
<div class="detay-alt"><span>Anadolu Haber Ajansı web sitesinde yayımlanan haberler özet olarak yayımlanabilir.</span></div></div>
<div class="alt-menu">Anadolu Haber Ajansı · 2025</div></body></html>"""


# -- a truncated teaser linking to the full text -------------------------------------------------


def teaser_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - Bölge Manşet</title>
<meta property="og:title" content="{_e(page.title)}"></head>
<body><div class="header"><a href="/">Bölge Manşet</a> <a href="/gundem">Gündem</a> <a href="/yerel">Yerel</a></div>
<div class="content"><h1>{_e(page.title)}</h1><div class="date">{page.published.day} Kasım 2025</div>
<div class="ozet">{_ps(page.paragraphs)}
<p class="devami"><a href="{page.extra["full"]}" target="_blank">{page.extra["more"]}</a></p></div></div>
<div class="footer">Bölge Manşet haber derleme sitesidir. Haberlerin tamamı kaynak sitelerdedir.</div></body></html>"""


RENDER: dict[str, Callable[[CmsPage], str]] = {
    "a-canli": canli_page,
    "a-spot": spot_page,
    "a-coklu": coklu_page,
    "a-drupal": drupal_page,
    "a-blogspot": blogspot_page,
    "a-jsonld": jsonld_page,
    "a-goreli": goreli_page,
    "a-mudurluk": mudurluk_page,
    "a-ajans": ajans_page,
    "a-teaser": teaser_page,
}

_TG = "https://turkiyegazetesi.example/bolge/samsun"
_KE = "https://kuzeyekspres.example"
_YH = "https://yesilirmakhaber.example/haber"

PAGES: tuple[CmsPage, ...] = (
    # -- a-canli ----------------------------------------------------------------------------------
    CmsPage(
        "blind-a-canli-01",
        "a-canli",
        f"{_TG}/canli-terme-ve-carsambada-sel-1184522",
        "Terme ve Çarşamba'da sel: ekipler sahada",
        _at(12, 6, 40),
        (
            "Gece boyunca etkili olan sağanak nedeniyle Terme ve Çarşamba ilçelerinde dereler "
            "taştı, bazı mahallelerde evleri ve tarım arazilerini su bastı. Gelişmeleri bu "
            "sayfadan aktarıyoruz.",
            "AFAD ekipleri Terme'de mahsur kalan on dört kişiyi botlarla kurtardı. Kurtarılanlar "
            "arasında iki çocuk ve yaşlı bir çift bulunuyor.",
            "Valilik, Terme ve Çarşamba'da okulların bugün tatil edildiğini açıkladı. "
            "Öğretmenlerin de idari izinli sayılacağı bildirildi.",
            "Çarşamba-Terme kara yolunun Kocamanbaşı mevkiinde su seviyesi yükseldiği için iki "
            "yönlü trafiğe kapatıldı. Sürücülerin alternatif güzergâhları kullanması istendi.",
            "Vali, afet bölgesinde incelemelerde bulunarak zarar tespit çalışmalarının hemen "
            "başlayacağını, çiftçilerin kayıplarının karşılanacağını söyledi.",
        ),
        extra={
            "times": "15:10,11:25,09:05,07:30",
            "info": "Yayınlanma: 12.11.2025 06:40 <span class='guncel'>Son güncelleme: 12.11.2025 15:10</span>",
        },
    ),
    CmsPage(
        "blind-a-canli-02",
        "a-canli",
        f"{_TG}/canli-samsun-ordu-yolu-heyelan-1184790",
        "Samsun-Ordu kara yolunda heyelan",
        _at(14, 8, 15),
        (
            "Samsun-Ordu kara yolunun Yeşilkent mevkiinde sabah saatlerinde meydana gelen heyelan "
            "nedeniyle yol ulaşıma kapandı. Son durumu bu sayfadan takip edebilirsiniz.",
            "Karayolları ekipleri iş makineleriyle yola düşen toprak ve kaya parçalarını "
            "temizlemeye başladı. Heyelanda yaralanan olmadı.",
            "Ordu yönüne giden araçlar Fatsa çıkışından eski sahil yoluna yönlendiriliyor. "
            "Jandarma ekipleri kavşaklarda trafiği düzenliyor.",
            "Karayolları Bölge Müdürlüğü, yolun tek şeritten kontrollü olarak ulaşıma açıldığını "
            "ve temizlik çalışmasının akşama kadar süreceğini duyurdu.",
        ),
        extra={
            "times": "13:45,10:20,08:50",
            "meta": '<meta property="article:published_time" content="2025-11-14T08:15:00+03:00">'
            '<meta property="article:modified_time" content="2025-11-14T13:45:00+03:00">',
            "info": "14 Kasım 2025 Cuma 08:15 · Güncelleme: 13:45",
        },
    ),
    CmsPage(
        "blind-a-canli-03",
        "a-canli",
        f"{_TG}/canli-samsunspor-taraftar-yuruyusu-1185021",
        "Samsun'da cumhuriyet koşusu: binlerce kişi yolda",
        _at(16, 9, 0),
        (
            "Samsun'da bu yıl kırkıncısı düzenlenen geleneksel cumhuriyet koşusunda binlerce "
            "sporcu ve vatandaş sahil yolunda koştu. Koşudan gelişmeleri aktarıyoruz.",
            "Koşu, Vali ve Büyükşehir Belediye Başkanı'nın verdiği startla Doğu Park'tan başladı. "
            "Katılımcı sayısının on iki bini aştığı açıklandı.",
            "On kilometrelik parkurda erkeklerde birinciliği üniversite öğrencisi bir atlet, "
            "kadınlarda ise Bafra'dan katılan bir beden eğitimi öğretmeni kazandı.",
            "Koşu boyunca kapalı tutulan Atatürk Bulvarı, öğle saatlerinde yeniden trafiğe açıldı.",
        ),
        extra={
            "times": "12:40,10:30,09:10",
            "info": "Güncelleme: 16 Kasım 2025 12:40 | Yayınlanma: 16 Kasım 2025 09:00",
        },
    ),
    # -- a-spot -----------------------------------------------------------------------------------
    CmsPage(
        "blind-a-spot-01",
        "a-spot",
        f"{_KE}/egitim/atakumda-iki-yeni-okul-hizmete-girdi-48211",
        "Atakum'da iki yeni okul hizmete girdi",
        _at(3, 10, 15),
        (
            "Atakum'da yapımı tamamlanan bir ilkokul ile bir ortaokul, düzenlenen törenle eğitim "
            "öğretime açıldı.",
            "Yirmi dört derslikli okullarda toplam bin iki yüz öğrencinin eğitim görmesi "
            "planlanıyor. Okulların spor salonu, kütüphanesi ve bilim laboratuvarı da bulunuyor.",
            "Törende konuşan İl Milli Eğitim Müdürü, ilçede hızla artan nüfus nedeniyle ikili "
            "eğitime geçilen okullardaki yükün bu binalarla azalacağını söyledi.",
            "Okullardan birinin yapımına hayırsever bir iş insanı da katkıda bulundu.",
        ),
        extra={
            "info": "<span>03.11.2025 - 10:15</span> <span>Güncelleme: 03.11.2025 - 11:02</span>"
        },
    ),
    CmsPage(
        "blind-a-spot-02",
        "a-spot",
        f"{_KE}/yasam/ilkadimda-asevi-kis-boyunca-sicak-yemek-48290",
        "İlkadım'da aşevi kış boyunca sıcak yemek dağıtacak",
        _at(5, 14, 30),
        (
            "İlkadım Belediyesi aşevi, kış ayları boyunca ihtiyaç sahibi bin beş yüz haneye her "
            "gün sıcak yemek ulaştıracak.",
            "Yemekler belediyenin merkez mutfağında hazırlanıyor ve kapalı kaplar içinde, "
            "ısıtmalı araçlarla mahallelere dağıtılıyor.",
            "Sosyal yardım işleri müdürlüğü, yaşlı ve yatağa bağımlı vatandaşların yemeklerinin "
            "kapılarına kadar götürüldüğünü belirtti.",
            "Yardım almak isteyenler mahalle muhtarlıkları aracılığıyla başvurabiliyor.",
        ),
        extra={"info": "<span>5 Kasım 2025, 14:30</span>", "bold": "1"},
    ),
    CmsPage(
        "blind-a-spot-03",
        "a-spot",
        f"{_KE}/gundem/19-mayista-kirsal-mahallelere-su-48344",
        "19 Mayıs'ta kırsal mahallelere içme suyu hattı",
        _at(7, 9, 45),
        (
            "SASKİ, 19 Mayıs ilçesinin yedi kırsal mahallesine ulaşacak yeni içme suyu hattının "
            "yapımına başladı.",
            "Otuz iki kilometre uzunluğundaki hat tamamlandığında, yaz aylarında su kesintisi "
            "yaşayan mahallelerin sorunu çözülecek.",
            "Projede iki bin metreküplük bir depo da yapılıyor. Çalışmaların haziran ayında "
            "bitirilmesi hedefleniyor.",
        ),
        extra={"info": "07.11.2025 09:45"},
    ),
    # -- a-coklu ----------------------------------------------------------------------------------
    CmsPage(
        "blind-a-coklu-01",
        "a-coklu",
        f"{_YH}/amasya-elmasi-ihracat",
        "Amasya elması ilk kez Körfez ülkelerine gönderildi",
        _at(13, 11, 20),
        (
            "Amasya'nın coğrafi işaretli misket elması, ilk kez Körfez ülkelerine ihraç edildi. "
            "İlk partide yirmi ton elma soğuk zincirle yola çıktı.",
            "İhracatı gerçekleştiren kooperatifin başkanı, elmaların Suluova'daki soğuk hava "
            "deposunda paketlendiğini ve iki hafta içinde ikinci partinin gönderileceğini söyledi.",
            "Ziraat odası, coğrafi işaretin elmanın yurt dışında tanınmasını kolaylaştırdığını, "
            "üreticinin eline geçen fiyatın da yükseldiğini bildirdi.",
        ),
        extra={"info": "13 Kasım 2025 11:20", "teaser_class": "kart"},
    ),
    CmsPage(
        "blind-a-coklu-02",
        "a-coklu",
        f"{_YH}/merzifon-kutuphane-gece",
        "Merzifon'da kütüphane gece yarısına kadar açık",
        _at(14, 17, 5),
        (
            "Merzifon İlçe Halk Kütüphanesi, sınava hazırlanan öğrencilerin talebi üzerine hafta "
            "içi her gün gece yarısına kadar açık kalacak.",
            "Kütüphane müdürü, özellikle akşam saatlerinde çalışma salonunda yer bulmanın "
            "zorlaştığını, bu nedenle mesainin uzatıldığını anlattı.",
            "Uygulama kapsamında öğrencilere ücretsiz çay ve çorba ikramı da yapılacak.",
        ),
        extra={"info": "Yayın: 14.11.2025 17:05", "teaser_class": "haber"},
    ),
    CmsPage(
        "blind-a-coklu-03",
        "a-coklu",
        f"{_YH}/gumushacikoy-bugday-tohumu",
        "Gümüşhacıköy'de çiftçilere sertifikalı tohum",
        _at(15, 10, 0),
        (
            "Gümüşhacıköy'de yüz altmış çiftçiye yüzde yetmiş beş hibeli sertifikalı buğday "
            "tohumu dağıtıldı. Dağıtım ilçe tarım müdürlüğünün deposunda yapıldı.",
            "Toplam yüz yirmi ton tohumun bin dört yüz dekar alanda ekilmesi bekleniyor.",
            "İlçe tarım müdürü, sertifikalı tohumun verimi yüzde yirmiye kadar artırdığını ve "
            "hastalıklara karşı daha dayanıklı olduğunu söyledi.",
        ),
        extra={"info": "15.11.2025", "teaser_class": "haber haber-kucuk"},
        precision="day",
    ),
    # -- a-drupal ---------------------------------------------------------------------------------
    CmsPage(
        "blind-a-drupal-01",
        "a-drupal",
        "https://samsun-tarim.example/haber/bafra-ovasinda-damla-sulama",
        "Bafra Ovası'nda damla sulamaya geçen çiftçi sayısı arttı",
        _at(10, 14, 32),
        (
            "Bafra Ovası'nda damla sulama sistemine geçen çiftçi sayısı bu yıl iki katına çıktı. "
            "Hibe programından yararlanan üç yüz on iki üretici sistemlerini kurdu.",
            "İl Tarım ve Orman Müdürlüğü, damla sulamanın suyu yüzde kırka varan oranda "
            "tasarruf ettirdiğini, gübrenin de suyla birlikte verilmesiyle maliyetin düştüğünü "
            "bildirdi.",
            "Yeni dönem hibe başvuruları ocak ayında alınmaya başlanacak.",
        ),
        extra={
            "site": "Samsun İl Tarım ve Orman Müdürlüğü",
            "submitted": '<span class="field field--name-uid field--type-entity-reference field--label-hidden">'
            '<span>basin</span></span> tarafından <span class="field field--name-created field--type-created '
            'field--label-hidden">Pzt, 10/11/2025 - 14:32</span> tarihinde gönderildi',
        },
    ),
    CmsPage(
        "blind-a-drupal-02",
        "a-drupal",
        "https://samsun-tarim.example/haber/fandik-bahcesi-budama-egitimi",
        "Fındık üreticilerine budama eğitimi verildi",
        _at(11, 10, 0),
        (
            "Salıpazarı ve Ayvacık'ta fındık üreticilerine yönelik budama ve gençleştirme "
            "eğitimleri düzenlendi. Eğitimlere iki yüzü aşkın üretici katıldı.",
            "Uygulamalı eğitimlerde ziraat mühendisleri, yaşlı ocakların nasıl "
            "gençleştirileceğini ve dip sürgünlerinin ne zaman temizlenmesi gerektiğini anlattı.",
            "Eğitimlerin kış boyunca diğer ilçelerde de süreceği bildirildi.",
        ),
        extra={
            "site": "Samsun İl Tarım ve Orman Müdürlüğü",
            "submitted": "",
            "date_field": '<div class="field field--name-field-yayin-tarihi field--type-datetime field--label-inline">'
            '<div class="field__label">Yayın Tarihi</div><div class="field__item">'
            '<time datetime="2025-11-11T07:00:00Z" class="datetime">11 Kasım 2025 10:00</time></div></div>',
        },
    ),
    CmsPage(
        "blind-a-drupal-03",
        "a-drupal",
        "https://amasya-saglik.example/tr/haber/evde-saglik-hizmeti-rakamlari",
        "Evde sağlık hizmetinde on ayda on iki bin ziyaret",
        _at(17, 16, 45),
        (
            "Amasya İl Sağlık Müdürlüğü evde sağlık birimleri, yılın ilk on ayında yatağa "
            "bağımlı hastalara on iki binden fazla ev ziyareti yaptı.",
            "Ziyaretlerde hastaların pansumanları, tahlil örnekleri ve düzenli kontrolleri "
            "evlerinde yapılırken, gerekli görülenler hastaneye sevk edildi.",
            "Hizmetten yararlanmak isteyen vatandaşlar 444 38 33 numaralı hattı arayarak başvuru "
            "yapabiliyor.",
        ),
        extra={
            "site": "Amasya İl Sağlık Müdürlüğü",
            "submitted": '<span class="field field--name-created field--type-created field--label-hidden">'
            '<time datetime="2025-11-17T13:45:00Z">17 Kasım 2025</time></span>',
        },
    ),
    # -- a-blogspot -------------------------------------------------------------------------------
    CmsPage(
        "blind-a-blogspot-01",
        "a-blogspot",
        "https://kavakhaberleri.blogspot.com/2025/11/kavakta-kapali-pazar-yeri-insaati.html",
        "Kavak'ta kapalı pazar yeri inşaatı başladı",
        _at(4, 9, 15),
        (
            "Kavak Belediyesi'nin ilçe merkezine yaptıracağı kapalı pazar yerinin temeli atıldı. "
            "Pazar yeri yüz yirmi tezgâhlı olacak.",
            "Belediye başkanı, pazarcıların ve vatandaşların yağmurlu günlerde büyük zorluk "
            "çektiğini, yeni binanın altına otopark da yapılacağını söyledi.",
            "İnşaatın gelecek yaz sonunda bitirilmesi planlanıyor.",
        ),
        author="Hasan Yıldırım",
        extra={
            "blog": "Kavak Haberleri",
            "tagline": "Kavak ilçesinden yerel haberler",
            "day_header": "4 Kasım 2025 Salı",
            "clock": "09:15",
        },
    ),
    CmsPage(
        "blind-a-blogspot-02",
        "a-blogspot",
        "https://kavakhaberleri.blogspot.com/2025/11/cakalli-hani-restorasyon.html",
        "Çakallı Hanı'nda restorasyon için ilk adım",
        _at(9, 18, 40),
        (
            "Kavak'taki tarihi Çakallı Hanı'nın restorasyonu için hazırlanan proje, koruma "
            "kurulundan onay aldı.",
            "Selçuklu döneminden kalan hanın çatısı ve doğu duvarı yıllar içinde büyük ölçüde "
            "yıkılmıştı. Projeye göre han, aslına uygun biçimde ayağa kaldırılacak.",
            "Restorasyonun ardından hanın kültür merkezi olarak kullanılması düşünülüyor.",
        ),
        author="Hasan Yıldırım",
        extra={
            "blog": "Kavak Haberleri",
            "tagline": "Kavak ilçesinden yerel haberler",
            "day_header": "Pazar, Kasım 9, 2025",
            "clock": "18:40",
            "divs": "1",
        },
    ),
    CmsPage(
        "blind-a-blogspot-03",
        "a-blogspot",
        "https://alacamsesi.blogspot.com/2025/11/alacam-limaninda-hamsi-bereketi.html",
        "Alaçam Limanı'nda hamsi bereketi",
        _at(19, 7, 5),
        (
            "Alaçam'da hamsi avına çıkan balıkçı tekneleri limana dolu ambarlarla döndü. Sabaha "
            "karşı başlayan boşaltma öğlene kadar sürdü.",
            "Kooperatif başkanı, bu sezon hamsinin iri olduğunu ve kasasının tezgâhta iki yüz "
            "elli liradan alıcı bulduğunu söyledi.",
            "Balıkçılar, havaların elverişli gitmesi halinde avın önümüzdeki haftalarda da "
            "bereketli geçmesini umuyor.",
        ),
        author="Gülay Demirci",
        extra={
            "blog": "Alaçam Sesi",
            "tagline": "Alaçam'ın sesi, 2009'dan beri",
            "day_header": "Çarşamba, 19 Kasım 2025",
            "clock": "07:05",
        },
    ),
    # -- a-jsonld ---------------------------------------------------------------------------------
    CmsPage(
        "blind-a-jsonld-01",
        "a-jsonld",
        "https://okpostasi.example/yerel/merzifon-havalimani-sefer-4471",
        "Merzifon Havalimanı'na yeni sefer",
        _at(6, 16, 45),
        (
            "Amasya Merzifon Havalimanı'ndan İzmir'e haftada üç gün karşılıklı sefer konuldu. "
            "İlk uçak aralık ayının ilk haftasında kalkacak.",
            "Valilik, yolcu sayısının son iki yılda iki katına çıktığını, yeni seferle "
            "havalimanının bölgeye daha çok hizmet vereceğini açıkladı.",
            "Biletler havayolu şirketinin internet sitesinde satışa sunuldu.",
        ),
        extra={"ld_published": "2025-11-18T00:00:00+03:00", "visible": "06.11.2025 16:45"},
    ),
    CmsPage(
        "blind-a-jsonld-02",
        "a-jsonld",
        "https://okpostasi.example/yerel/tasova-koprusu-4480",
        "Taşova'da yeni köprü ulaşıma açıldı",
        _at(7, 16, 20),
        (
            "Taşova ilçesinde Yeşilırmak üzerine yapılan yeni köprü, düzenlenen törenle ulaşıma "
            "açıldı. Köprü, ırmağın iki yakasındaki on bir köyü birbirine bağlıyor.",
            "Daha önce köylüler karşı yakaya geçmek için yirmi kilometrelik bir yol kullanmak "
            "zorunda kalıyordu.",
            "İl Özel İdaresi, köprünün yapımının sekiz ayda tamamlandığını bildirdi.",
        ),
        extra={"ld_published": "2025-11-07T13:20:00+03:00", "visible": "07.11.2025 16:20"},
    ),
    # -- a-goreli ---------------------------------------------------------------------------------
    CmsPage(
        "blind-a-goreli-01",
        "a-goreli",
        "https://sahilhaber.example/yerel/sinop-cezaevi-muzesi-ziyaretci-9921",
        "Sinop Cezaevi Müzesi'ne ziyaretçi akını",
        _at(14, 8, 30),
        (
            "Tarihi Sinop Cezaevi Müzesi, yılın ilk on ayında üç yüz bini aşkın ziyaretçi "
            "ağırladı. Bu sayı geçen yılın aynı dönemine göre yüzde on beş fazla.",
            "Müze müdürlüğü, ziyaretçilerin özellikle hafta sonları yoğunlaştığını ve koğuşlarda "
            "yapılan yeni düzenlemelerin ilgiyle karşılandığını söyledi.",
            "Müze kış döneminde her gün sabah dokuzdan akşam beşe kadar açık olacak.",
        ),
        extra={"when": '<span class="date" title="14.11.2025 08:30">3 gün önce</span>'},
    ),
    CmsPage(
        "blind-a-goreli-02",
        "a-goreli",
        "https://sahilhaber.example/yerel/ayancik-orman-yangini-tatbikati-9930",
        "Ayancık'ta orman yangını tatbikatı yapıldı",
        _at(15, 11, 5),
        (
            "Ayancık'ta orman işletme şefliği, jandarma ve belediye itfaiyesinin katılımıyla "
            "orman yangını tatbikatı düzenlendi.",
            "Tatbikatta yangın ihbarından itibaren ekiplerin bölgeye ulaşma süresi ölçüldü ve "
            "arazöz ile helikopterin birlikte çalışması denendi.",
            "Orman işletme müdürü, yangın sezonu öncesinde eksiklerin tespit edildiğini söyledi.",
        ),
        extra={
            "when": '<time class="timeago" title="2025-11-15 11:05">2 saat önce</time> '
            '<span class="guncel">Güncellendi: 1 saat önce</span>'
        },
    ),
    # -- a-mudurluk -------------------------------------------------------------------------------
    CmsPage(
        "blind-a-mudurluk-01",
        "a-mudurluk",
        "http://sinopmem.example/haber_detay.php?id=41",
        "İlimizde Öğretmenlere Yönelik Afet Farkındalık Eğitimi",
        _at(13),
        (
            "Müdürlüğümüz ile İl Afet ve Acil Durum Müdürlüğü iş birliğinde okullarımızda görev "
            "yapan öğretmenlerimize afet farkındalık eğitimi verildi.",
            "Eğitimde deprem, sel ve yangın gibi afetlerde okullarda yapılması gerekenler "
            "anlatılarak, tahliye planlarının nasıl hazırlanacağı uygulamalı olarak gösterildi.",
            "Eğitimlerin dönem sonuna kadar tüm ilçelerimizde sürdürülmesi planlanmaktadır.",
        ),
        precision="day",
        extra={
            "site": "Sinop İl Milli Eğitim Müdürlüğü",
            "date_text": "13/11/2025",
            "encoding": "iso-8859-9",
            "content_type": "text/html",
        },
    ),
    CmsPage(
        "blind-a-mudurluk-02",
        "a-mudurluk",
        "http://tokatgsim.example/haber_detay.php?id=57",
        "Gençlik Merkezimizde Satranç Turnuvası Düzenlendi",
        _at(18),
        (
            "Gençlik merkezimiz tarafından düzenlenen satranç turnuvasına ilimizin farklı "
            "ilçelerinden yüz otuz genç katıldı.",
            "İki gün süren turnuvada dereceye giren sporculara madalya ve satranç takımı "
            "hediye edildi. Ödülleri İl Müdürümüz verdi.",
            "Gençlik merkezimizin satranç kursları hafta sonları ücretsiz olarak devam etmektedir.",
        ),
        precision="day",
        extra={
            "site": "Tokat Gençlik ve Spor İl Müdürlüğü",
            "date_text": "18.11.2025",
            "encoding": "iso-8859-9",
            "content_type": "text/html",
        },
    ),
    # -- a-ajans ----------------------------------------------------------------------------------
    CmsPage(
        "blind-a-ajans-01",
        "a-ajans",
        "https://aha.example/tr/turkiye/koy-okullarina-kutuphane-kampanyasi/3371045",
        "Köy okullarına kütüphane kampanyası ikinci yılında",
        _at(20, 11, 42),
        (
            "ANKARA (AHA) - Milli Eğitim Bakanlığının köy okullarına kütüphane kurulmasını amaçlayan "
            "kampanyası ikinci yılına girdi. Geçen yıl bin iki yüz okulda kütüphane kurulmuştu.",
            "Bakanlıktan yapılan açıklamaya göre bu yıl öncelik, kütüphanesi bulunmayan birleştirilmiş "
            "sınıflı okullara verilecek.",
            "Kampanyaya bağışçılar kitap ya da raf desteğiyle katılabiliyor.",
        ),
        author="Elif Kara",
        extra={
            "spot": "Kampanyada bu yıl birleştirilmiş sınıflı köy okullarına öncelik verilecek.",
            "info": "20.11.2025 11:42",
        },
    ),
    CmsPage(
        "blind-a-ajans-02",
        "a-ajans",
        "https://aha.example/tr/turkiye/tokatta-ceviz-hasadi/3371210",
        "Tokat'ta ceviz hasadında yüz güldüren rekolte",
        _at(21, 15, 3),
        (
            "TOKAT (AHA) - Niksar ve Erbaa'da ceviz hasadı sona erdi. Üreticiler bu yıl rekoltenin "
            "geçen yıla göre yüzde otuz arttığını söylüyor.",
            "Niksar Ziraat Odası Başkanı, bahar donlarının bu yıl görülmemesinin verimi "
            "artırdığını, kabuklu cevizin kilosunun tarlada yüz elli liradan alıcı bulduğunu belirtti.",
            "Üreticiler, hasat edilen cevizleri kurutma ve ayıklama işlemlerinin ardından "
            "piyasaya sunuyor.",
        ),
        author="Murat Aksoy",
        extra={
            "spot": "Niksar ve Erbaa'da rekolte geçen yıla göre yüzde otuz arttı.",
            "info": "21.11.2025 15:03",
        },
    ),
    # -- a-teaser (not articles) ------------------------------------------------------------------
    CmsPage(
        "blind-a-teaser-01",
        "a-teaser",
        "https://bolgemanset.example/gundem/bafra-sehir-hastanesi-randevu",
        "Bafra'da hastane randevularına yeni düzen",
        _at(18, 10, 0),
        (
            "Bafra Devlet Hastanesi'nde poliklinik randevuları artık yalnızca merkezi randevu "
            "sistemi üzerinden verilecek. Hastane yönetimi, uygulamanın önümüzdeki pazartesi "
            "başlayacağını duyurdu.",
        ),
        extra={
            "expect": "rejected",
            "full": "https://bafragundem.example/haber/hastane-randevu-duzeni",
            "more": "Devamı için tıklayın",
        },
    ),
    CmsPage(
        "blind-a-teaser-02",
        "a-teaser",
        "https://bolgemanset.example/gundem/carsamba-kuru-fasulye-fiyat",
        "Çarşamba'da kuru fasulye fiyatları yükseldi",
        _at(19, 9, 30),
        (
            "Çarşamba Ovası'nda hasadı tamamlanan kuru fasulyenin kilosu pazarda geçen yıla göre "
            "yüzde kırk artışla satılıyor.",
            "Üreticiler yüksek fiyatın kuraklık nedeniyle düşen verimden kaynaklandığını söylüyor.",
        ),
        extra={
            "expect": "rejected",
            "full": "https://carsambapostasi.example/ekonomi/kuru-fasulye",
            "more": "Haberin devamı için tıklayınız »",
        },
    ),
)


def labelled_files() -> dict[str, bytes]:
    """The pages and their truth file (``blind-a.yaml``) for crawlers/labelled/."""
    header = (
        "# Blind set A: pages in site styles the extraction was not written against, scored once\n"
        "# before any change (see crawlers/labelled/README.md and tests/crawlers/blind_pages_a.py).\n"
        "# Regenerate with: python -m tests.crawlers.blind_pages_a\n"
    )
    return labelled_group("blind-a", PAGES, RENDER, header)


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "crawlers" / "labelled"
    for file_name, content in labelled_files().items():
        (target / file_name).write_bytes(content)
