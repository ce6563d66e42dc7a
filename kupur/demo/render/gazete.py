"""The local newspaper: a sitemap with lastmod, /<il>-haberleri/<slug>-<id> article pages full of
clutter (menus, ads, related news, comment form, cookie banner, author box), JSON-LD and OpenGraph
metadata on some pages, and non-article pages in the sitemap that a crawler must reject."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape as xml_escape

from kupur.core.turkish import fold, turkish_upper
from kupur.demo.corpus import DemoArticle
from kupur.demo.render.common import (
    BASE_URL,
    NON_ARTICLE_PAGES,
    ROBOTS_DISALLOWED,
    SiteFile,
    article_path,
    attr,
    esc,
    newest,
    summary,
    turkish_date,
)

__all__ = ["SECTIONS", "SITEMAP_PATH", "render"]

SITEMAP_PATH = "/sitemap.xml"
SITE_NAME = "Kent Postası"
HTML = "text/html; charset=utf-8"
TAG_PATH, TAG_WORD = "/etiket/siroma", "siroma"

#: Province sections of the paper: URL slug → name as printed.
SECTIONS = {
    "samsun": "Samsun",
    "ankara": "Ankara",
    "izmir": "İzmir",
    "van": "Van",
    "sanliurfa": "Şanlıurfa",
    "erzurum": "Erzurum",
    "trabzon": "Trabzon",
    "diyarbakir": "Diyarbakır",
    "mugla": "Muğla",
    "igdir": "Iğdır",
}


def _date_line(article: DemoArticle) -> str:
    moment = article.published
    text = f"{turkish_date(moment, weekday=True)} - {moment:%H:%M:%S}"
    return turkish_upper(text) if article.date_style == "upper" else text


def _page(title: str, content: str, *, head: str = "", path: str = "") -> str:
    nav = " ".join(
        f'<li><a href="/{slug}-haberleri/">{name}</a></li>' for slug, name in SECTIONS.items()
    )
    canonical = f'\n<link rel="canonical" href="{BASE_URL}{path}">' if path else ""
    return f"""<!DOCTYPE html>
<html lang="tr">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title)}</title>{canonical}{head}
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="haber-sitesi">
<div id="cerez-uyari" class="cookie-banner">
Sitemizde deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Detaylı bilgi için
<a href="/cerez-politikasi">Çerez Politikası</a> sayfamızı inceleyebilirsiniz.
<button type="button" class="cerez-kabul">Kabul Et</button>
</div>
<div class="reklam reklam-728x90" data-slot="ust-banner"><span>Reklam</span></div>
<header class="ust">
<a class="logo" href="/">{SITE_NAME}</a>
<div class="son-dakika"><strong>SON DAKİKA</strong> <a href="/">Kent Postası'nda bugün</a></div>
<nav class="ana-menu"><ul><li><a href="/">Ana Sayfa</a></li> {nav} <li><a href="/kunye">Künye</a></li></ul></nav>
</header>
<div class="sayfa">
{content}
</div>
<footer class="alt">
<ul class="alt-menu">
<li><a href="/kunye">Künye</a></li>
<li><a href="/iletisim">İletişim</a></li>
<li><a href="/reklam">Reklam</a></li>
<li><a href="/gizlilik-politikasi">Gizlilik Politikası</a></li>
<li><a href="/cerez-politikasi">Çerez Politikası</a></li>
</ul>
<p>© 2026 {SITE_NAME}. Sitemizde yayımlanan haberlerin tüm hakları saklıdır; kaynak gösterilmeden kullanılamaz.</p>
<p>Basın Ahlak Esaslarına uymaya söz veriyoruz.</p>
</footer>
</body>
</html>
"""


def _side(articles: tuple[DemoArticle, ...]) -> str:
    items = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a></li>' for a in articles[:5]
    )
    return f"""<aside class="yan">
<div class="reklam reklam-300x250" data-slot="yan-1"><span>Reklam</span></div>
<h3>Çok Okunanlar</h3>
<ol class="cok-okunanlar">
{items}
</ol>
<div class="reklam reklam-300x600" data-slot="yan-2"><span>Reklam</span></div>
</aside>"""


def _related(articles: tuple[DemoArticle, ...], article: DemoArticle) -> tuple[DemoArticle, ...]:
    others = [a for a in articles if a.id != article.id]
    others.sort(key=lambda a: (a.section != article.section, -a.published.timestamp()))
    return tuple(others[:3])


def _head(article: DemoArticle) -> str:
    path = article_path(article)
    parts = [f'\n<meta name="description" content="{attr(summary(article))}">']
    if article.opengraph:
        parts.append(
            f"""
<meta property="og:type" content="article">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:description" content="{attr(summary(article))}">
<meta property="og:url" content="{BASE_URL}{path}">
<meta property="article:published_time" content="{article.published.isoformat()}">"""
        )
        if article.updated:
            parts.append(
                f'\n<meta property="article:modified_time" content="{article.updated.isoformat()}">'
            )
    if article.jsonld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": f"{BASE_URL}{path}",
            "headline": article.title,
            "datePublished": article.published.isoformat(),
            "dateModified": article.last_modified.isoformat(),
            "author": (
                {"@type": "Person", "name": article.author}
                if article.author
                else {"@type": "Organization", "name": f"{SITE_NAME} Haber Merkezi"}
            ),
            "publisher": {"@type": "Organization", "name": SITE_NAME},
            "articleSection": SECTIONS[article.section or ""],
            "inLanguage": "tr-TR",
        }
        text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
        parts.append(f'\n<script type="application/ld+json">\n{text}\n</script>')
    return "".join(parts)


def _body_html(articles: tuple[DemoArticle, ...], article: DemoArticle) -> str:
    related = _related(articles, article)
    blocks: list[str] = []
    for index, paragraph in enumerate(article.paragraphs):
        blocks.append(f"<p>{esc(paragraph)}</p>")
        if index == 1 and len(article.paragraphs) > 2:
            blocks.append(
                '<div class="reklam reklam-icerik" data-slot="icerik-1"><span>Reklam</span></div>'
            )
        if index == 3 and len(article.paragraphs) > 4 and related:
            first = related[0]
            blocks.append(
                f'<div class="ilgili-haber-kutu"><strong>İlgili Haber:</strong> '
                f'<a href="{article_path(first)}">{esc(first.title)}</a></div>'
            )
    return "\n".join(blocks)


def _mentions_tag(article: DemoArticle) -> bool:
    return TAG_WORD in fold(f"{article.title} {article.body}")


def _tags(article: DemoArticle) -> str:
    section = article.section or ""
    tags = [f'<a href="/{section}-haberleri/">{SECTIONS[section]}</a>']
    if _mentions_tag(article):
        tags.insert(0, f'<a href="{TAG_PATH}">SİROMA</a>')
    return " ".join(tags)


def _article(articles: tuple[DemoArticle, ...], article: DemoArticle) -> str:
    section = article.section or ""
    byline = article.author or "Haber Merkezi"
    updated = ""
    if article.updated:
        moment = article.updated
        updated = (
            '\n<span class="guncelleme-tarihi">Güncelleme: '
            f"{turkish_date(moment, weekday=True)} - {moment:%H:%M:%S}</span>"
        )
    related = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a></li>'
        for a in _related(articles, article)
    )
    content = f"""<main class="haber-detay">
<div class="kirinti"><a href="/">Ana Sayfa</a> › <a href="/{section}-haberleri/">{SECTIONS[section]} Haberleri</a></div>
<article>
<h1 class="haber-title">{esc(article.title)}</h1>
<div class="haber-meta">
<span class="muhabir">{esc(byline)}</span>
<span class="yayin-tarihi">{_date_line(article)}</span>{updated}
</div>
<div class="sosyal-paylas"><a href="https://www.facebook.com/sharer/sharer.php">Paylaş</a> <a href="https://x.com/intent/tweet">Tweetle</a> <a href="https://wa.me/">WhatsApp</a></div>
<div class="haber-icerik" itemprop="articleBody">
{_body_html(articles, article)}
</div>
<div class="etiketler">Etiketler: {_tags(article)}</div>
<div class="yazar-kutusu">
<span class="yazar-adi">{esc(byline)}</span>
<span class="yazar-unvan">{SITE_NAME} {SECTIONS[section]} Temsilciliği</span>
</div>
</article>
<section class="ilgili-haberler">
<h3>İlgili Haberler</h3>
<ul>
{related}
</ul>
</section>
<div class="reklam reklam-728x90" data-slot="alt-banner"><span>Reklam</span></div>
<section class="yorumlar">
<h3>Yorum Yap</h3>
<form class="yorum-formu" action="/yorum-gonder" method="post">
<input type="hidden" name="haber_id" value="{article.number}">
<label>Adınız Soyadınız <input type="text" name="ad"></label>
<label>E-posta <input type="email" name="eposta"></label>
<label>Yorumunuz <textarea name="yorum" rows="4"></textarea></label>
<p class="yorum-kurallari">Yorumlar editör onayından sonra yayımlanır. Hakaret, küfür ve suç unsuru içeren yorumlar yayımlanmaz.</p>
<button type="submit">Gönder</button>
</form>
<p class="yorum-yok">Bu habere henüz yorum yapılmamış. İlk yorumu siz yapın.</p>
</section>
</main>
{_side(articles)}"""
    title = f"{article.title} - {SECTIONS[section]} Haberleri - {SITE_NAME}"
    return _page(title, content, head=_head(article), path=article_path(article))


def _list(title: str, items: tuple[DemoArticle, ...], articles: tuple[DemoArticle, ...]) -> str:
    cards = "\n".join(
        f"""<div class="haber-kutu">
<a href="{article_path(a)}"><strong>{esc(a.title)}</strong></a>
<span class="tarih">{turkish_date(a.published)}</span>
<p>{esc(summary(a, 20))}</p>
</div>"""
        for a in items
    )
    content = f"""<main class="liste">
<h1>{esc(title)}</h1>
{cards}
</main>
{_side(articles)}"""
    return _page(f"{title} - {SITE_NAME}", content)


def _kunye(articles: tuple[DemoArticle, ...]) -> str:
    content = f"""<main class="sabit-sayfa">
<h1>Künye</h1>
<dl class="kunye">
<dt>İmtiyaz Sahibi</dt><dd>Kent Postası Yayıncılık A.Ş. adına Nurhan Eryılmaz</dd>
<dt>Genel Yayın Yönetmeni</dt><dd>Tarık Bozdoğan</dd>
<dt>Sorumlu Yazı İşleri Müdürü</dt><dd>Selda Kuşçu</dd>
<dt>Haber Müdürü</dt><dd>Orhan Tekeli</dd>
<dt>Adres</dt><dd>Cumhuriyet Mahallesi, Gazi Caddesi No: 48 Kat: 3, İlkadım / Samsun</dd>
<dt>Telefon</dt><dd>(0362) 444 12 34</dd>
<dt>E-posta</dt><dd>haber@kentpostasi.example</dd>
</dl>
<p>{SITE_NAME}, Basın Kanunu'na uygun olarak yayımlanan yerel bir haber sitesidir.</p>
</main>
{_side(articles)}"""
    return _page(f"Künye - {SITE_NAME}", content, path="/kunye")


def _blocked_page() -> str:
    content = """<main class="haber-detay">
<article>
<h1 class="haber-title">Deneme haberi - yayımlamayın</h1>
<div class="haber-icerik"><p>Editör önizleme sayfası. Bu metin yayın akışına alınmamıştır.</p></div>
</article>
</main>"""
    return _page("Önizleme", content)


def _sitemap(articles: tuple[DemoArticle, ...]) -> str:
    latest = newest(articles).isoformat()
    entries = [
        f"<url><loc>{BASE_URL}{xml_escape(article_path(a))}</loc>"
        f"<lastmod>{a.last_modified.isoformat()}</lastmod></url>"
        for a in articles
    ]
    extra = (*NON_ARTICLE_PAGES["gazete"], ROBOTS_DISALLOWED["gazete"])
    entries.extend(f"<url><loc>{BASE_URL}{p}</loc><lastmod>{latest}</lastmod></url>" for p in extra)
    body = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{body}
</urlset>
"""


def render(articles: tuple[DemoArticle, ...]) -> dict[str, SiteFile]:
    """Every resource of the site keyed by URL path; ``articles`` newest first."""
    latest = newest(articles)
    tagged = tuple(a for a in articles if _mentions_tag(a))
    files: dict[str, SiteFile] = {
        "/": SiteFile(_list("Son Haberler", articles, articles).encode(), HTML, latest),
        SITEMAP_PATH: SiteFile(
            _sitemap(articles).encode(), "application/xml; charset=utf-8", latest
        ),
        "/robots.txt": SiteFile(
            (
                "User-agent: *\n"
                "Disallow: /admin/\n"
                f"Disallow: {ROBOTS_DISALLOWED['gazete']}\n"
                "Allow: /\n"
            ).encode(),
            "text/plain; charset=utf-8",
            latest,
        ),
        "/kunye": SiteFile(_kunye(articles).encode(), HTML, latest),
        TAG_PATH: SiteFile(
            _list("SİROMA Haberleri", tagged, articles).encode(), HTML, newest(tagged or articles)
        ),
        ROBOTS_DISALLOWED["gazete"]: SiteFile(_blocked_page().encode(), HTML, latest),
    }
    for slug, name in SECTIONS.items():
        items = tuple(a for a in articles if a.section == slug)
        if items:
            files[f"/{slug}-haberleri/"] = SiteFile(
                _list(f"{name} Haberleri", items, articles).encode(), HTML, newest(items)
            )
    for article in articles:
        files[article_path(article)] = SiteFile(
            _article(articles, article).encode(), HTML, article.last_modified
        )
    return files
