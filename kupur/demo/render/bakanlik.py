"""The ministry-style site: a paginated /haberler/ listing and /haberler/<slug>/ article pages."""

from __future__ import annotations

from urllib.parse import quote

from kupur.demo.corpus import DemoArticle
from kupur.demo.render.common import (
    BASE_URL,
    ROBOTS_DISALLOWED,
    WEEKDAYS,
    SiteFile,
    article_path,
    attr,
    esc,
    newest,
    summary,
    turkish_date,
)

__all__ = ["PER_PAGE", "render"]

PER_PAGE = 3
HTML = "text/html; charset=utf-8"
SITE_NAME = "T.C. Aile ve Sosyal Hizmetler Bakanlığı"

_CSS = """body{font-family:Arial,sans-serif;margin:0;color:#222}
.ust-bar{background:#8a1538;color:#fff;font-size:12px;padding:4px 16px}
.ust-bar a{color:#fff;margin-right:12px}
.site-header{display:flex;justify-content:space-between;padding:12px 16px;border-bottom:3px solid #8a1538}
.ana-menu ul,.site-footer ul{list-style:none;margin:0;padding:0}
.ana-menu li{display:inline-block;margin-left:14px}
main{display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:16px}
.icerik-alani{flex:3}.yan-menu{flex:1;border-left:1px solid #ddd;padding-left:16px}
.breadcrumb ol{list-style:none;padding:0;font-size:12px}.breadcrumb li{display:inline}
.breadcrumb li+li:before{content:" / "}
.haber-tarih{color:#666;font-size:13px}.paylas{margin:12px 0}
.haber-kart{border-bottom:1px solid #eee;padding:8px 0}
.pagination li{display:inline-block;margin-right:6px}
.site-footer{background:#333;color:#ddd;padding:16px;display:flex;gap:40px}
.site-footer a{color:#ddd}
"""


def _page(title: str, body: str, *, canonical: str, description: str = "") -> str:
    meta = f'\n<meta name="description" content="{attr(description)}">' if description else ""
    return f"""<!DOCTYPE html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {SITE_NAME}</title>{meta}
<link rel="canonical" href="{BASE_URL}{canonical}">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div class="ust-bar">
<a href="/kurumsal/">Kurumsal</a><a href="/iletisim/">İletişim</a><a href="/en/">English</a>
<span class="alo">ALO 144 Sosyal Yardım Hattı · ALO 183 Sosyal Destek Hattı</span>
</div>
<header class="site-header">
<a class="logo" href="/">{SITE_NAME}</a>
<nav class="ana-menu" aria-label="Ana menü">
<ul>
<li><a href="/">Ana Sayfa</a></li>
<li><a href="/kurumsal/">Kurumsal</a></li>
<li><a href="/haberler/">Haberler</a></li>
<li><a href="/duyurular/">Duyurular</a></li>
<li><a href="/hizmetlerimiz/">Hizmetlerimiz</a></li>
<li><a href="/iletisim/">İletişim</a></li>
</ul>
</nav>
<form class="arama" action="/arama/" method="get"><input type="search" name="q" placeholder="Sitede ara"><button type="submit">Ara</button></form>
</header>
<main>
{body}
</main>
<footer class="site-footer">
<div class="footer-menu">
<h4>Kurumsal</h4>
<ul>
<li><a href="/kurumsal/bakan/">Bakan</a></li>
<li><a href="/kurumsal/teskilat-semasi/">Teşkilat Şeması</a></li>
<li><a href="/kurumsal/misyon-vizyon/">Misyon ve Vizyon</a></li>
</ul>
</div>
<div class="footer-menu">
<h4>Hizmetlerimiz</h4>
<ul>
<li><a href="/hizmetlerimiz/aile/">Aile</a></li>
<li><a href="/hizmetlerimiz/cocuk/">Çocuk</a></li>
<li><a href="/hizmetlerimiz/engelli-ve-yasli/">Engelli ve Yaşlı</a></li>
<li><a href="/hizmetlerimiz/sosyal-yardimlar/">Sosyal Yardımlar</a></li>
</ul>
</div>
<div class="footer-menu">
<h4>Bağlantılar</h4>
<ul>
<li><a href="https://www.turkiye.gov.tr/">e-Devlet Kapısı</a></li>
<li><a href="/kvkk/">Kişisel Verilerin Korunması</a></li>
<li><a href="/erisilebilirlik/">Erişilebilirlik</a></li>
</ul>
</div>
<p class="telif">© 2026 {SITE_NAME}. Tüm hakları saklıdır.</p>
</footer>
</body>
</html>
"""


def _sidebar(articles: tuple[DemoArticle, ...], *, featured: bool) -> str:
    items = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a></li>' for a in articles[:5]
    )
    extra = ""
    if featured:
        extra = (
            '\n<h3>Öne Çıkanlar</h3>\n<ul class="one-cikanlar">\n'
            f'<li><a href="{ROBOTS_DISALLOWED["bakanlik"]}">Personel Duyurusu (Önizleme)</a></li>\n'
            '<li><a href="/hizmetlerimiz/sosyal-yardimlar/">Sosyal Yardım Başvuruları</a></li>\n'
            "</ul>"
        )
    return f"""<aside class="yan-menu">
<h3>Son Haberler</h3>
<ul class="son-haberler">
{items}
</ul>{extra}
</aside>"""


def _listing_url(page: int) -> str:
    return "/haberler/" if page == 1 else f"/haberler/sayfa/{page}/"


def _listing(articles: tuple[DemoArticle, ...], page: int, pages: int) -> str:
    chunk = articles[(page - 1) * PER_PAGE : page * PER_PAGE]
    cards = "\n".join(
        f"""<div class="haber-kart">
<a href="{article_path(a)}"><h3>{esc(a.title)}</h3></a>
<span class="tarih">{turkish_date(a.published)}</span>
<p>{esc(summary(a))}</p>
<a class="devami" href="{article_path(a)}">Devamını Oku</a>
</div>"""
        for a in chunk
    )
    links = []
    if page > 1:
        links.append(f'<li><a class="prev" href="{_listing_url(page - 1)}">Önceki</a></li>')
    for number in range(1, pages + 1):
        if number == page:
            links.append(f'<li class="active"><span>{number}</span></li>')
        else:
            links.append(f'<li><a href="{_listing_url(number)}">{number}</a></li>')
    if page < pages:
        links.append(f'<li><a class="next" href="{_listing_url(page + 1)}">Sonraki</a></li>')
    pagination = "\n".join(links)
    body = f"""<div class="icerik-alani">
<nav class="breadcrumb" aria-label="breadcrumb"><ol><li><a href="/">Ana Sayfa</a></li><li class="active">Haberler</li></ol></nav>
<h1 class="sayfa-baslik">Haberler</h1>
<div class="haber-listesi">
{cards}
</div>
<ul class="pagination">
{pagination}
</ul>
</div>
{_sidebar(articles, featured=page == 1)}"""
    title = "Haberler" if page == 1 else f"Haberler - Sayfa {page}"
    return _page(title, body, canonical=_listing_url(page))


def _share_bar(article: DemoArticle) -> str:
    path = quote(article_path(article), safe="")
    text = quote(article.title, safe="")
    return f"""<div class="paylas">
<span>Paylaş:</span>
<a class="paylas-facebook" href="https://www.facebook.com/sharer/sharer.php?u={path}" rel="nofollow">Facebook</a>
<a class="paylas-x" href="https://x.com/intent/tweet?text={text}&amp;url={path}" rel="nofollow">X</a>
<a class="paylas-whatsapp" href="https://wa.me/?text={text}" rel="nofollow">WhatsApp</a>
<a class="paylas-eposta" href="mailto:?subject={text}">E-posta</a>
<button type="button" class="yazdir" onclick="window.print()">Yazdır</button>
</div>"""


def _article(
    articles: tuple[DemoArticle, ...],
    index: int,
) -> str:
    article = articles[index]
    moment = article.published
    date_line = f"{turkish_date(moment)}, {WEEKDAYS[moment.weekday()]}"
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    source = (
        f'\n<div class="haber-kaynak">Kaynak: {esc(article.author)}</div>' if article.author else ""
    )
    gezinme = []
    if index + 1 < len(articles):
        older = articles[index + 1]
        gezinme.append(
            f'<a class="onceki-haber" href="{article_path(older)}">« Önceki Haber: '
            f"{esc(older.title)}</a>"
        )
    if index > 0:
        newer = articles[index - 1]
        gezinme.append(
            f'<a class="sonraki-haber" href="{article_path(newer)}">Sonraki Haber: '
            f"{esc(newer.title)} »</a>"
        )
    nav = "\n".join(gezinme)
    body = f"""<div class="icerik-alani">
<nav class="breadcrumb" aria-label="breadcrumb"><ol><li><a href="/">Ana Sayfa</a></li><li><a href="/haberler/">Haberler</a></li><li class="active">{esc(article.title)}</li></ol></nav>
<article class="haber-detay">
<h1 class="haber-baslik">{esc(article.title)}</h1>
<div class="haber-tarih"><time datetime="{moment.isoformat()}">{date_line}</time></div>
{_share_bar(article)}
<div class="haber-metni">
{paragraphs}
</div>{source}
<nav class="haber-gezinme">
{nav}
</nav>
</article>
</div>
{_sidebar(articles, featured=False)}"""
    return _page(article.title, body, canonical=article_path(article), description=summary(article))


def _home(articles: tuple[DemoArticle, ...]) -> str:
    slides = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a.title)}</a> <span>{turkish_date(a.published)}</span></li>'
        for a in articles[:6]
    )
    body = f"""<div class="icerik-alani">
<section class="manset">
<h2>Güncel Haberler</h2>
<ul>
{slides}
</ul>
<a class="tumu" href="/haberler/">Tüm Haberler</a>
</section>
<section class="hizli-erisim">
<h2>Hızlı Erişim</h2>
<ul>
<li><a href="/hizmetlerimiz/cocuk/koruyucu-aile/">Koruyucu Aile Başvurusu</a></li>
<li><a href="/hizmetlerimiz/engelli-ve-yasli/">Engelli ve Yaşlı Hizmetleri</a></li>
<li><a href="/hizmetlerimiz/sosyal-yardimlar/">Sosyal Yardımlar</a></li>
</ul>
</section>
</div>
{_sidebar(articles, featured=True)}"""
    return _page("Ana Sayfa", body, canonical="/")


def _blocked_page() -> str:
    body = """<div class="icerik-alani">
<article class="haber-detay">
<h1 class="haber-baslik">Personel Duyurusu (Önizleme)</h1>
<div class="haber-metni">
<p>Bu sayfa içerik yönetim sisteminin önizleme alanıdır ve kamuya açık değildir.</p>
<p>Taslak metinler yayımlanmadan önce birim amirlerinin onayına sunulur.</p>
</div>
</article>
</div>"""
    return _page("Önizleme", body, canonical=ROBOTS_DISALLOWED["bakanlik"])


def render(articles: tuple[DemoArticle, ...]) -> dict[str, SiteFile]:
    """Every resource of the site, keyed by URL path; ``articles`` newest first."""
    latest = newest(articles)
    pages = -(-len(articles) // PER_PAGE)
    files: dict[str, SiteFile] = {
        "/": SiteFile(_home(articles).encode(), HTML, latest),
        "/robots.txt": SiteFile(
            (
                "User-agent: *\n"
                "Disallow: /admin/\n"
                f"Disallow: {ROBOTS_DISALLOWED['bakanlik']}\n"
                "Allow: /\n"
            ).encode(),
            "text/plain; charset=utf-8",
            latest,
        ),
        "/static/site.css": SiteFile(_CSS.encode(), "text/css; charset=utf-8", latest),
        ROBOTS_DISALLOWED["bakanlik"]: SiteFile(_blocked_page().encode(), HTML, latest),
    }
    for page in range(1, pages + 1):
        chunk = articles[(page - 1) * PER_PAGE : page * PER_PAGE]
        files[_listing_url(page)] = SiteFile(
            _listing(articles, page, pages).encode(), HTML, newest(chunk)
        )
    for index, article in enumerate(articles):
        files[article_path(article)] = SiteFile(
            _article(articles, index).encode(), HTML, article.last_modified
        )
    return files
