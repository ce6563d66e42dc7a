"""The provincial directorate site: an RSS 2.0 feed, /duyurular/<slug>-<n>.html pages, and two
legacy pages in windows-1254 (one naming the charset in the HTTP header, one only in the page)."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from kupur.demo.corpus import DemoArticle
from kupur.demo.render.common import (
    BASE_URL,
    ROBOTS_DISALLOWED,
    SiteFile,
    article_path,
    esc,
    newest,
    rfc822,
    summary,
)

__all__ = ["FEED_PATH", "render"]

FEED_PATH = "/rss.xml"
SITE_NAME = "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü"
HTML = "text/html; charset=utf-8"


def _page(title: str, content: str, *, charset: str = "utf-8", path: str = "") -> str:
    canonical = f'\n<link rel="canonical" href="{BASE_URL}{path}">' if path else ""
    return f"""<!DOCTYPE html>
<html lang="tr">
<head>
<meta charset="{charset}">
<title>{esc(title)} - {SITE_NAME}</title>{canonical}
<link rel="alternate" type="application/rss+xml" title="Duyurular" href="{FEED_PATH}">
<style>
body{{font-family:Tahoma,Verdana,sans-serif;font-size:13px;background:#f4f4f4;margin:0}}
#sayfa{{width:980px;margin:0 auto;background:#fff}}
#ust{{background:#00529b;color:#fff;padding:10px}}#ust a{{color:#fff}}
#menu a{{display:inline-block;padding:6px 10px;color:#00529b}}
#sol{{float:left;width:680px;padding:10px}}#sag{{float:right;width:260px;padding:10px}}
#alt{{clear:both;background:#ddd;padding:10px;font-size:11px}}
.tarih,.guncelleme{{color:#777;font-size:11px}}
</style>
</head>
<body>
<div id="sayfa">
<div id="ust">
<a href="/">T.C. SAMSUN VALİLİĞİ<br>{SITE_NAME}</a>
</div>
<div id="menu">
<a href="/">Ana Sayfa</a> | <a href="/kurumsal.html">Kurumsal</a> | <a href="/duyurular/">Duyurular</a> | <a href="/hizmet-birimleri.html">Hizmet Birimlerimiz</a> | <a href="/iletisim.html">İletişim</a> | <a href="{FEED_PATH}">RSS</a>
</div>
{content}
<div id="alt">
Adres: Kale Mahallesi, Hükümet Konağı Arkası No: 12, İlkadım / SAMSUN · Tel: (0362) 555 00 00 · ALO 183<br>
Bu sitede yer alan duyurular kaynak gösterilerek kullanılabilir. © 2026 {SITE_NAME}
</div>
</div>
</body>
</html>
"""


def _sidebar(articles: tuple[DemoArticle, ...]) -> str:
    items = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a></li>' for a in articles[:6]
    )
    return f"""<div id="sag">
<h3>Son Duyurular</h3>
<ul>
{items}
</ul>
<h3>Faydalı Bağlantılar</h3>
<ul>
<li><a href="https://www.aile.gov.tr/">Aile ve Sosyal Hizmetler Bakanlığı</a></li>
<li><a href="https://www.samsun.gov.tr/">Samsun Valiliği</a></li>
</ul>
</div>"""


def _article(articles: tuple[DemoArticle, ...], article: DemoArticle, charset: str) -> str:
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    updated = ""
    if article.updated:
        updated = f'\n<div class="guncelleme">Güncelleme: {article.updated:%d.%m.%Y - %H:%M}</div>'
    author = (
        f'\n<div class="hazirlayan">Hazırlayan: {esc(article.author)}</div>'
        if article.author
        else ""
    )
    content = f"""<div id="sol">
<div class="yol"><a href="/">Ana Sayfa</a> &gt; <a href="/duyurular/">Duyurular</a></div>
<div class="duyuru-detay">
<h2 class="duyuru-baslik">{esc(article.title)}</h2>
<div class="tarih">{article.published:%d.%m.%Y}</div>{updated}
<div class="icerik">
{paragraphs}
</div>{author}
<div class="okunma">Bu duyuru <a href="/duyurular/">Duyurular</a> bölümünde yayımlanmıştır. <a href="javascript:window.print()">Yazdır</a></div>
</div>
</div>
{_sidebar(articles)}"""
    return _page(article.title, content, charset=charset, path=article_path(article))


def _listing(articles: tuple[DemoArticle, ...]) -> str:
    rows = "\n".join(
        f'<tr><td class="tarih">{a.published:%d.%m.%Y}</td>'
        f'<td><a href="{article_path(a)}">{esc(a.title)}</a></td></tr>'
        for a in articles
    )
    content = f"""<div id="sol">
<h2>Duyurular</h2>
<table class="duyuru-listesi">
{rows}
</table>
</div>
{_sidebar(articles)}"""
    return _page("Duyurular", content)


def _home(articles: tuple[DemoArticle, ...]) -> str:
    items = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a> <span class="tarih">{a.published:%d.%m.%Y}</span></li>'
        for a in articles[:5]
    )
    content = f"""<div id="sol">
<h2>Güncel Duyurular</h2>
<ul>
{items}
</ul>
<p><a href="/duyurular/">Tüm duyurular</a></p>
<h2>Personel</h2>
<ul><li><a href="{ROBOTS_DISALLOWED["ilmudurlugu"]}">Personel iç yazışma taslağı</a></li></ul>
</div>
{_sidebar(articles)}"""
    return _page("Ana Sayfa", content)


def _feed(articles: tuple[DemoArticle, ...]) -> str:
    """The RSS feed: one item per article, and one for the draft robots.txt forbids (a CMS that
    publishes drafts to its feed), so a feed crawler meets a robots.txt refusal too."""
    draft = f"""<item>
<title>Personel iç yazışma taslağı</title>
<link>{BASE_URL}{ROBOTS_DISALLOWED["ilmudurlugu"]}</link>
<guid isPermaLink="false">ilmudurlugu-taslak</guid>
<pubDate>{rfc822(newest(articles))}</pubDate>
<description>Kurum içi taslak.</description>
</item>"""
    items = "\n".join(
        f"""<item>
<title>{xml_escape(a.title)}</title>
<link>{BASE_URL}{article_path(a)}</link>
<guid isPermaLink="false">ilmudurlugu-{a.number}</guid>
<pubDate>{rfc822(a.published)}</pubDate>
<description>{xml_escape(summary(a))}</description>
</item>"""
        for a in articles
    )
    items = f"{items}\n{draft}"
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>{SITE_NAME} - Duyurular</title>
<link>{BASE_URL}/</link>
<description>{SITE_NAME} duyuru ve haberleri</description>
<language>tr</language>
<lastBuildDate>{rfc822(newest(articles))}</lastBuildDate>
{items}
</channel>
</rss>
"""


def _blocked_page() -> str:
    content = """<div id="sol">
<div class="duyuru-detay">
<h2 class="duyuru-baslik">Personel İç Yazışma Taslağı</h2>
<div class="icerik"><p>Bu belge kurum içi kullanım içindir; yayımlanmamış taslaktır.</p></div>
</div>
</div>"""
    return _page("Taslak", content)


def render(articles: tuple[DemoArticle, ...]) -> dict[str, SiteFile]:
    """Every resource of the site keyed by URL path; ``articles`` newest first."""
    latest = newest(articles)
    files: dict[str, SiteFile] = {
        "/": SiteFile(_home(articles).encode(), HTML, latest),
        "/duyurular/": SiteFile(_listing(articles).encode(), HTML, latest),
        FEED_PATH: SiteFile(_feed(articles).encode(), "application/rss+xml; charset=utf-8", latest),
        "/robots.txt": SiteFile(
            (
                f"User-agent: *\nDisallow: /admin/\nDisallow: {ROBOTS_DISALLOWED['ilmudurlugu']}\n"
            ).encode(),
            "text/plain; charset=utf-8",
            latest,
        ),
        ROBOTS_DISALLOWED["ilmudurlugu"]: SiteFile(_blocked_page().encode(), HTML, latest),
    }
    for article in articles:
        if article.legacy_encoding is None:
            body = _article(articles, article, "utf-8").encode()
            content_type = HTML
        else:
            body = _article(articles, article, "windows-1254").encode("cp1254")
            content_type = (
                "text/html; charset=windows-1254"
                if article.legacy_encoding == "header"
                else "text/html"
            )
        files[article_path(article)] = SiteFile(body, content_type, article.last_modified)
    return files
