"""A harder labelled set: pages in the markup of the CMS families Turkish local sites run on.

Five site styles, each mimicking a family common on Turkish local news and public-institution
sites, with the traps those families set:

* ``wordpress`` — tagDiv (td-post-content, the h1 inside a <header>), JNews (jeg_*), a plain
  entry-content theme with Jetpack sharing and related posts, "Paylaş" bars, "Bunları da
  beğenebilirsiniz" blocks, a date only in <time datetime>, a date only in the permalink.
* ``belediye`` — ASP.NET WebForms / PHP municipality sites: the whole page inside one <form>,
  tables for layout, the headline in a <span> (no h1), paragraphs split by <br>, the date in the
  breadcrumb, windows-1254 bytes served under a wrong charset header.
* ``amp`` — an AMP portal: amp-img, an inline amp-carousel gallery with captions, amp-ad slots,
  amp-social-share, a date only in <time datetime> next to "2 saat önce".
* ``yerel`` — a custom PHP local news portal: body split by ad slots and "İlgili Haber" boxes
  mid-text, image captions and "Fotoğraf: …" credits, bylines ("Haber: Ayşe Kaya / SAMSUN"),
  "Yayın Tarihi:" labels, a date only in the URL, a <title> whose headline differs from the h1.
* ``kurum`` — a provincial institution site: the institution's name as the h1 in the header, the
  article headline an h2, " - Haberler" title suffixes, "Yayın Tarihi:" and "Güncelleme
  Tarihi:" labels, attachment lists, previous/next links.

Every text here was written for Kupür; people, sites and events are fictional. Regenerate the
files in ``crawlers/labelled/`` (``cms-*.html`` and ``cms.yaml``) with
``python -m tests.crawlers.cms_pages``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field

from kupur.core.models import ISTANBUL

__all__ = ["PAGES", "CmsPage", "labelled_files"]


def _at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=ISTANBUL)


@dataclass(frozen=True)
class CmsPage:
    """One labelled page: the truth, and what the page shows around it."""

    key: str
    style: str
    url: str
    title: str
    published: dt.datetime
    paragraphs: tuple[str, ...]
    precision: str = "minute"
    author: str | None = None
    seo_title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def _p(paragraphs: tuple[str, ...]) -> list[str]:
    return [f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# -- WordPress news themes ------------------------------------------------------------------------

_WP_HEAD = """<!DOCTYPE html>
<html lang="tr" prefix="og: https://ogp.me/ns#"><head>
<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{seo} - {site}</title>
<meta property="og:locale" content="tr_TR"><meta property="og:type" content="article">
<meta property="og:title" content="{seo} - {site}">
<meta property="og:url" content="{url}"><meta property="og:site_name" content="{site}">
{extra_head}
<link rel="stylesheet" id="td-theme-css" href="/wp-content/themes/Newspaper/style.css" media="all">
<script>var tdBlocksArray = []; window.tdwGlobal = {{"adminUrl":"/wp-admin/"}};</script>
</head>"""

_WP_MENU = """<div class="td-header-wrap"><div class="td-header-top-menu">
<div class="td_data_time">Salı, Kasım 25, 2025</div>
<ul class="top-header-menu"><li><a href="/kunye/">Künye</a></li><li><a href="/iletisim/">İletişim</a></li></ul></div>
<div class="td-header-menu-wrap"><ul id="menu-ana-menu" class="sf-menu"><li><a href="/">Ana Sayfa</a></li>
<li><a href="/category/gundem/">Gündem</a></li><li><a href="/category/ekonomi/">Ekonomi</a></li>
<li><a href="/category/spor/">Spor</a></li><li><a href="/category/saglik/">Sağlık</a></li></ul></div></div>
<div class="td-ticker"><span>SON DAKİKA</span> <a href="/2025/11/20/x/">Ondokuzmayıs'ta su kesintisi 21 Kasım 2025</a></div>"""

_WP_SHARE = """<div class="td-post-sharing td-post-sharing-top"><div class="td-post-sharing-visible">
<span class="td-social-but-text">Paylaş</span>
<a class="td-social-sharing-button td-social-facebook" href="https://www.facebook.com/sharer.php?u=x"><span>Facebook</span></a>
<a class="td-social-sharing-button td-social-twitter" href="https://twitter.com/intent/tweet?url=x"><span>Twitter</span></a>
<a class="td-social-sharing-button td-social-whatsapp" href="whatsapp://send?text=x"><span>WhatsApp</span></a>
</div></div>"""

_WP_FOOT = """<div class="td-footer-wrapper"><div class="td-pb-span4"><h4 class="block-title">Hakkımızda</h4>
<p>{site}, Karadeniz'in yerel haber sitesidir. Haberlerimiz kaynak gösterilmeden kullanılamaz.</p></div>
<div class="td-sub-footer-copy">© 2025 {site} - Tüm hakları saklıdır.</div></div>
<script>jQuery(window).on("load", function(){{ tdAjaxCount.tdGetViewsCountsAjax("post",[1]); }});</script>
</body></html>"""


def _related_wp(heading: str, items: list[tuple[str, str]], cls: str) -> str:
    links = "".join(
        f'<div class="td_module_related_posts"><h3 class="entry-title td-module-title">'
        f'<a href="{href}" rel="bookmark">{_e(text)}</a></h3></div>'
        for href, text in items
    )
    return (
        f'<div class="{cls}"><h4 class="td-related-title"><span>{heading}</span></h4>{links}</div>'
    )


def wordpress_page(page: CmsPage) -> str:
    site = page.extra.get("site", "Samsun Manşet")
    seo = page.seo_title or page.title
    variant = page.extra["variant"]
    head = _WP_HEAD.format(
        seo=_e(seo), site=site, url=page.url, extra_head=page.extra.get("head", "")
    )
    body = _p(page.paragraphs)
    related = [
        ("/2025/11/02/bafra-ovasinda-hasat/", "Bafra Ovası'nda çeltik hasadı tamamlandı"),
        ("/2025/11/01/vezirkopru-yolu/", "Vezirköprü yolunda asfalt çalışması sürüyor"),
        ("/2025/10/30/ilkadim-pazar/", "İlkadım'daki semt pazarı yeni yerine taşındı"),
    ]
    if variant == "tagdiv":
        date_html = page.extra.get(
            "date_html",
            f'<span class="td-post-date"><time class="entry-date updated td-module-date" '
            f'datetime="{page.published.isoformat()}">{page.published.day} Kasım 2025</time></span>',
        )
        if "inline_ad" in page.extra:
            body.insert(
                2,
                '<div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">'
                '- Reklam -</span><ins class="adsbygoogle" data-ad-slot="123"></ins></div>',
            )
        article = f"""<div class="td-main-content-wrap td-container-wrap"><div class="td-container">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/">Ana Sayfa</a></span>
<i class="td-icon-right td-bread-sep"></i><span><a href="/category/gundem/">Gündem</a></span></div></div>
<div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-4{page.key[-2:]}" class="post type-post status-publish format-standard has-post-thumbnail category-gundem">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="/category/gundem/">Gündem</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{_e(page.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">Yazar</div>
<a href="/author/editor/">{_e(page.author or "Editör")}</a><div class="td-author-line"> - </div></div>
{date_html}<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-4">312</span></div></div>
</header></div>
{_WP_SHARE}
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><a href="/wp-content/uploads/2025/11/foto.jpg" class="td-modal-image">
<img width="696" height="392" class="entry-thumb" src="/wp-content/uploads/2025/11/foto-696x392.jpg" alt="" title="{_e(page.title)}"></a></div>
{"".join(body)}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>ETİKETLER</span></li>
<li><a href="/tag/samsun/">Samsun</a></li><li><a href="/tag/atakum/">Atakum</a></li></ul></div>
{_WP_SHARE.replace("td-post-sharing-top", "td-post-sharing-bottom")}
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content">
<span>Önceki İçerik</span><a href="/2025/11/01/x/">Canik'te yeni kreş açıldı</a></div></div></div>
</footer>
{_related_wp("Bunları da beğenebilirsiniz", related, "td_block_wrap td_block_related_posts td_with_ajax_pagination")}
</article></div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">
<div class="td_block_wrap td_block_7"><h4 class="block-title"><span>Çok Okunanlar</span></h4>
<div class="td_module_6"><h3 class="entry-title"><a href="/2025/11/10/y/">Terme'de fındık fiyatları 12 Kasım 2025</a></h3></div></div>
</div></div></div></div>"""
    elif variant == "jnews":
        if "inline_related" in page.extra:
            body.insert(
                2,
                '<div class="jnews_inline_related_post_wrapper"><div class="jnews_inline_related_post">'
                '<div class="jeg_postblock_29 jeg_postblock"><div class="jeg_block_heading"><h3 class="jeg_block_title">'
                '<span>İlgili Haberler</span></h3></div><div class="jeg_posts"><article class="jeg_post">'
                '<h3 class="jeg_post_title"><a href="/2025/11/02/terme-pazar/">Terme\'de kapalı pazar yeri '
                "hizmete girdi</a></h3></article></div></div></div></div>",
            )
        article = f"""<div class="jeg_main jeg_sidebar_right"><div class="jeg_container"><div class="jeg_content jeg_singlepage">
<div class="container"><div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs">
<span><a href="/">Ana Sayfa</a></span><i class="fa fa-angle-right"></i><span><a href="/category/ekonomi/">Ekonomi</a></span></div></div>
<div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_content">
<div class="entry-header"><h1 class="jeg_post_title">{_e(page.title)}</h1>
<h2 class="jeg_post_subtitle">{_e(page.extra.get("subtitle", ""))}</h2>
<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div class="meta_left">
<div class="jeg_meta_author"><span class="meta_text">Yazar</span> <a href="/author/haber-merkezi/">Haber Merkezi</a></div>
<div class="jeg_meta_date"><a href="{page.url}">{page.published.day} Kasım 2025</a></div>
<div class="jeg_meta_category"><span><span class="meta_text">içinde</span> <a href="/category/ekonomi/" rel="category tag">Ekonomi</a></span></div>
</div><div class="meta_right"><div class="jeg_meta_comment"><a href="#comments"><i class="fa fa-comment-o"></i> 0</a></div></div></div></div></div>
<div class="jeg_featured featured_image"><a href="/wp-content/uploads/foto.jpg"><div class="thumbnail-container">
<img src="/wp-content/uploads/foto-750x375.jpg" alt="{_e(page.title)}"></div></a></div>
<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div class="jeg_share_stats">
<div class="jeg_share_count"><div class="counts">14</div><span class="sharetext">PAYLAŞIM</span></div></div>
<div class="jeg_sharelist"><a href="#" class="jeg_btn-facebook expanded"><span>Paylaş</span></a>
<a href="#" class="jeg_btn-twitter expanded"><span>Tweetle</span></a></div></div></div>
<div class="entry-content no-share"><div class="content-inner ">
{"".join(body)}
</div></div>
<div class="jeg_share_bottom_container"></div>
<div class="jnews_prev_next_container"><div class="jeg_prevnext_post"><a href="/2025/11/01/x/" class="post prev-post">
<span class="caption">Önceki Haber</span><h3 class="post-title">Ünye limanında ihracat rekoru</h3></a></div></div>
<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock"><div class="jeg_block_heading">
<h3 class="jeg_block_title"><span>Bunları da beğenebilirsiniz</span></h3></div><div class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">
<article class="jeg_post"><h3 class="jeg_post_title"><a href="/2025/10/29/a/">Fatsa'da balıkçılar yeni sezondan umutlu</a></h3>
<div class="jeg_post_meta"><div class="jeg_meta_date"><a href="#"><i class="fa fa-clock-o"></i> 29 Ekim 2025</a></div></div></article>
</div></div></div></div>
<div class="jnews_comment_container"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Yorum yapın</h3>
<p class="comment-notes">E-posta hesabınız yayımlanmayacak.</p></div></div>
</div></div>
<div class="jeg_sidebar col-md-4"><div class="widget widget_jnews_module_block_21"><div class="jeg_block_heading"><h3>Son Haberler</h3></div>
<article class="jeg_post"><h3 class="jeg_post_title"><a href="/2025/11/18/b/">Ordu'da kış lastiği denetimi 18 Kasım 2025</a></h3></article></div></div>
</div></div></div></div></div>"""
    else:  # a plain entry-content theme with Jetpack sharing and related posts
        caption = ""
        if "caption" in page.extra:
            caption = (
                '<figure id="attachment_812" class="wp-caption aligncenter" style="width: 800px">'
                '<img class="size-large wp-image-812" src="/wp-content/uploads/2025/11/tören.jpg" alt="">'
                f'<figcaption class="wp-caption-text">{_e(page.extra["caption"])}</figcaption></figure>'
            )
        byline = ""
        if "byline" in page.extra:
            byline = f"<p><strong>{_e(page.extra['byline'])}</strong></p>"
        plugin_related = ""
        if "plugin_related" in page.extra:
            plugin_related = (
                "<h3>Bunları da beğenebilirsiniz</h3><ul>"
                '<li><a href="/2025/10/28/a/">Giresun Adası için yeni tekne seferleri başladı</a></li>'
                '<li><a href="/2025/10/27/b/">Bulancak\'ta fındık üreticilerine budama eğitimi verildi</a></li>'
                "</ul>"
            )
        article = f"""<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">{site}</a></p><p class="site-description">Karadeniz'den haberler</p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-2231" class="post-2231 post type-post status-publish format-standard hentry category-gundem">
<header class="entry-header"><h1 class="entry-title">{_e(page.title)}</h1>
<div class="entry-meta"><span class="byline"> <span class="author vcard"><a class="url fn n" href="/author/admin/">admin</a></span></span>
<span class="comments-link"><a href="#respond">Yorum yapın</a></span></div></header>
<div class="entry-content">
{byline}{caption}{"".join(body)}
{plugin_related}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Paylaş:</h3><div class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button" href="?share=twitter"><span>Twitter</span></a></li>
<li class="share-facebook"><a class="share-facebook sd-button" href="?share=facebook"><span>Facebook</span></a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>İlgili</em></h3>
<div class="jp-relatedposts-items"><p class="jp-relatedposts-post"><a class="jp-relatedposts-post-a" href="/2025/10/20/c/">Piraziz'de köy yolları genişletiliyor</a>
<span class="jp-relatedposts-post-date">20 Ekim 2025</span></p></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Kategori: <a href="/category/gundem/" rel="category tag">Gündem</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/2025/10/31/d/" rel="prev">Görele'de sahil parkı yenilendi</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Bir yanıt yazın</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">E-posta adresiniz yayınlanmayacak.</p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Son Yazılar</h2>
<ul><li><a href="/2025/11/21/e/">Espiye'de okul bahçeleri yenileniyor</a></li></ul></section></aside>
</div></div>"""
    return (
        head
        + '<body class="post-template-default single single-post">'
        + _WP_MENU
        + article
        + _WP_FOOT.format(site=site)
    )


# -- ASP.NET / PHP municipality sites -------------------------------------------------------------

_VIEWSTATE = (
    '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBDw8WAh4EVGV4dAUP">'
    '<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAOe2Gm0Ht6lQxE">'
)


def belediye_page(page: CmsPage) -> str:
    site = page.extra.get("site", "Tekkeköy Belediyesi")
    variant = page.extra["variant"]
    paragraphs = [html.escape(p, quote=False) for p in page.paragraphs]
    crumb = page.extra["crumb"]
    charset_meta = page.extra.get(
        "meta", '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    )
    menu = """<table width="100%" cellpadding="0" cellspacing="0" class="ustMenu"><tr>
<td><a href="/Default.aspx">ANASAYFA</a></td><td><a href="/Kurumsal.aspx">KURUMSAL</a></td>
<td><a href="/Haberler.aspx">HABERLER</a></td><td><a href="/Duyurular.aspx">DUYURULAR</a></td>
<td><a href="/EBelediye.aspx">E-BELEDİYE</a></td><td><a href="/Iletisim.aspx">İLETİŞİM</a></td></tr></table>"""
    left = """<td width="220" valign="top" class="solKolon"><table width="100%"><tr><td class="kutuBaslik">SON HABERLER</td></tr>
<tr><td><a href="/HaberDetay.aspx?ID=1180">Kavak yolu asfaltlandı</a><br><span class="kucuk">28.10.2025</span></td></tr>
<tr><td><a href="/HaberDetay.aspx?ID=1179">Meclis toplantısı yapıldı</a><br><span class="kucuk">27.10.2025</span></td></tr>
<tr><td class="kutuBaslik">HIZLI ERİŞİM</td></tr><tr><td><a href="/Vergi.aspx">Online Vergi Ödeme</a><br>
<a href="/Ihale.aspx">İhale İlanları</a><br><a href="/Nobetci.aspx">Nöbetçi Eczaneler</a></td></tr></table></td>"""
    if variant == "webforms":
        content = f"""<td valign="top" class="ortaKolon">
<table width="100%" cellpadding="4"><tr><td class="sayfaYolu"><a href="/Default.aspx">Anasayfa</a> » <a href="/Haberler.aspx">Haberler</a> » {crumb}</td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_lblBaslik" class="haberBaslik">{_e(page.title)}</span></td></tr>
<tr><td><img id="ctl00_ContentPlaceHolder1_imgHaber" src="/Resimler/Haber/1181.jpg" style="width:480px;border-width:0px;"></td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_lblIcerik" class="haberIcerik">{"<br><br>".join(paragraphs)}</span></td></tr>
<tr><td class="paylas">Paylaş: <a href="http://www.facebook.com/sharer.php?u=x">Facebook</a> | <a href="http://twitter.com/share?url=x">Twitter</a> | <a href="javascript:window.print()">Yazdır</a></td></tr>
<tr><td><a href="/Haberler.aspx">« Tüm Haberler</a></td></tr></table></td>"""
    elif variant == "php":
        content = f"""<td valign="top" bgcolor="#FFFFFF">
<table width="100%" border="0"><tr><td class="yol" height="24">Bulunduğunuz Yer: <a href="index.php">Ana Sayfa</a> &gt; <a href="haberler.php">Haberler</a> &gt; {crumb}</td></tr>
<tr><td><div class="sayfabaslik">Haber Detayı</div></td></tr>
<tr><td><h2 class="habbaslik">{_e(page.title)}</h2></td></tr>
<tr><td class="metin"><font face="Tahoma" size="2">{"".join(f"<p align=justify>{p}</p>" for p in paragraphs)}</font></td></tr>
<tr><td><table class="galeri"><tr><td><a href="resim.php?id=1"><img src="resimler/k_1.jpg" alt="Çalışmadan bir kare" border="0"></a></td>
<td><a href="resim.php?id=2"><img src="resimler/k_2.jpg" alt="Çalışmadan bir kare" border="0"></a></td></tr></table></td></tr>
<tr><td align="right"><a href="javascript:history.back()">Geri Dön</a> | <a href="yazdir.php?id=77">Yazdır</a></td></tr>
<tr><td class="okunma">Bu haber 412 kez okundu.</td></tr></table></td>"""
    else:  # webforms with <font> and an "Eklenme Tarihi" row in the path bar
        content = f"""<td valign="top" class="icerik">
<table width="100%"><tr><td class="yol">{crumb}</td></tr>
<tr><td><font size="4" color="#8B0000"><b><span id="lblHaberBaslik">{_e(page.title)}</span></b></font></td></tr>
<tr><td><div id="divHaberMetni">{"".join(f'<p style="text-align:justify">{p}</p>' for p in paragraphs)}</div></td></tr>
<tr><td><table><tr><td>Paylaş:</td><td><a href="#">Facebook</a></td><td><a href="#">Twitter</a></td><td><a href="#">WhatsApp</a></td></tr></table></td></tr>
<tr><td class="okunma">Okunma: 245</td></tr></table></td>"""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>{charset_meta}
<title>{site} | Haber Detay</title><link href="/css/stil.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="/js/jquery-1.4.2.min.js"></script></head>
<body><form name="aspnetForm" method="post" action="./HaberDetay.aspx?ID={page.key[-2:]}" id="aspnetForm">
<div>{_VIEWSTATE}</div>
<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="3"><a href="/"><img src="/images/logo.png" alt="{site}"></a>
<span class="tarihSaat">25.11.2025 Salı</span></td></tr>
<tr><td colspan="3">{menu}</td></tr>
<tr>{left}{content}
<td width="200" valign="top" class="sagKolon"><table><tr><td class="kutuBaslik">BAŞKANDAN</td></tr>
<tr><td>Değerli hemşehrilerim, belediyemizin bütün hizmetlerine internet üzerinden ulaşabilirsiniz.</td></tr>
<tr><td class="kutuBaslik">NÖBETÇİ ECZANE</td></tr><tr><td>Merkez Eczanesi - 0362 000 00 00</td></tr></table></td></tr>
<tr><td colspan="3" class="altBilgi">{site} © 2025 | Cumhuriyet Mah. Atatürk Cad. No:1 | Tel: 0362 000 00 00 | Bilgi İşlem Müdürlüğü</td></tr></table>
</form></body></html>"""


# -- AMP portal -----------------------------------------------------------------------------------


def amp_page(page: CmsPage) -> str:
    site = "Karadeniz Portal"
    seo = page.seo_title or page.title
    jsonld = ""
    if "jsonld" in page.extra:
        jsonld = (
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
            f'"mainEntityOfPage":"{page.url}","headline":"{_e(page.title)}",'
            f'"datePublished":"{page.published.isoformat()}","dateModified":"{page.extra["jsonld"]}",'
            '"image":{"@type":"ImageObject","url":"https://karadenizportal.example/img/1.jpg","width":1200,"height":675},'
            '"publisher":{"@type":"Organization","name":"Karadeniz Portal","logo":{"@type":"ImageObject","url":"https://karadenizportal.example/logo.png"}}}'
            "</script>"
        )
    body = _p(page.paragraphs)
    ad = (
        '<div class="ad-container"><amp-ad width="300" height="250" type="doubleclick" '
        'data-slot="/2158/karadeniz/amp_haber_300x250"><div placeholder>Reklam</div></amp-ad></div>'
    )
    body.insert(min(2, len(body)), ad)
    if "gallery" in page.extra:
        slides = "".join(
            f'<figure class="slide"><amp-img src="/galeri/{i}.jpg" width="800" height="450" layout="responsive" alt="{_e(cap)}"></amp-img>'
            f'<figcaption><span class="counter">{i}/3</span> {_e(cap)}</figcaption></figure>'
            for i, cap in enumerate(page.extra["gallery"].split("|"), start=1)
        )
        body.insert(
            1,
            f'<div class="inline-gallery"><amp-carousel width="800" height="500" layout="responsive" type="slides">{slides}</amp-carousel></div>',
        )
    if "related" in page.extra:
        body.insert(
            len(body) - 1,
            '<div class="inline-news"><strong>İlgili Haber</strong> '
            f'<a href="/amp/haber/{page.key}-ilgili">{_e(page.extra["related"])}</a></div>',
        )
    time_html = page.extra.get("time_html", "")
    return f"""<!doctype html>
<html ⚡ lang="tr"><head><meta charset="utf-8">
<title>{_e(seo)} - Haberler</title>
<link rel="canonical" href="{page.url.replace("/amp/", "/")}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.1.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
{jsonld}
<style amp-custom>body{{font-family:sans-serif}}.article-body p{{line-height:1.6}}</style>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style></head>
<body><header class="amp-header"><a href="/amp/"><amp-img src="/logo.png" width="180" height="40" alt="{site}"></amp-img></a>
<button on="tap:sidebar.toggle" class="menu-btn">Menü</button></header>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/amp/gundem">Gündem</a></li><li><a href="/amp/ekonomi">Ekonomi</a></li><li><a href="/amp/spor">Spor</a></li></ul></amp-sidebar>
<main><article class="amp-article">
<div class="category"><a href="/amp/gundem">GÜNDEM</a></div>
<h1 class="amp-title">{_e(page.title)}</h1>
<p class="spot">{_e(page.extra.get("spot", ""))}</p>
<div class="amp-meta">{time_html}</div>
<div class="share-bar"><amp-social-share type="facebook" width="32" height="32"></amp-social-share>
<amp-social-share type="twitter" width="32" height="32"></amp-social-share><amp-social-share type="whatsapp" width="32" height="32"></amp-social-share> <span>Paylaş</span></div>
<figure class="cover"><amp-img src="/img/{page.key}.jpg" width="1200" height="675" layout="responsive" alt="{_e(page.title)}"></amp-img></figure>
<div class="article-body">{"".join(body)}</div>
<div class="tags"><a href="/amp/etiket/giresun">Giresun</a> <a href="/amp/etiket/yatirim">Yatırım</a></div>
</article>
<section class="more-news"><h3>Diğer Haberler</h3><ul><li><a href="/amp/haber/x1">Tirebolu'da kış hazırlıkları 20 Kasım 2025</a></li>
<li><a href="/amp/haber/x2">Şebinkarahisar'da tarihi kale aydınlatıldı</a></li></ul></section></main>
<footer class="amp-footer">© 2025 {site} · <a href="{page.url.replace("/amp/", "/")}">Sitenin tam sürümü</a></footer></body></html>"""


# -- custom PHP local portal ----------------------------------------------------------------------


def yerel_page(page: CmsPage) -> str:
    site = "Ordu Gündem"
    seo = page.seo_title or page.title
    parts = _p(page.paragraphs)
    ads = page.extra.get("ads", "")
    for index in sorted((int(i) for i in ads.split(",") if i), reverse=True):
        parts.insert(
            index,
            f'<div id="div-gpt-ad-1588{index}" class="text-center my-3" style="min-height:250px">'
            f"<script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-1588{index}'); }});</script></div>",
        )
    if "related_box" in page.extra:
        first, second = page.extra["related_box"].split("|")
        parts.insert(
            1,
            '<div class="haber-ici-ilgili"><b>İlgili Haber</b> '
            f'<a href="/gundem/ilgili-1.html">{_e(first)}</a></div>',
        )
        parts.insert(
            len(parts) - 1,
            '<div class="haber-ici-ilgili"><b>İlgili Haber</b> '
            f'<a href="/gundem/ilgili-2.html">{_e(second)}</a></div>',
        )
    if "inline_related_text" in page.extra:
        parts.insert(
            2,
            f'<p><strong>İLGİLİ HABER:</strong> <a href="/gundem/ilgili-3.html">{_e(page.extra["inline_related_text"])}</a></p>',
        )
    if "caption" in page.extra:
        parts.insert(
            1,
            f'<figure class="haber-gorsel"><img src="/uploads/2025/11/{page.key}.jpg" alt="{_e(page.title)}">'
            f"<figcaption>{_e(page.extra['caption'])}</figcaption></figure>",
        )
    if "credit" in page.extra:
        parts.insert(2, f"<p><em>{_e(page.extra['credit'])}</em></p>")
    if "byline" in page.extra:
        parts.insert(0, f"<p><strong>{_e(page.extra['byline'])}</strong></p>")
    meta_line = page.extra.get("meta_line", "")
    charset = page.extra.get("meta", '<meta charset="utf-8">')
    return f"""<!DOCTYPE html><html lang="tr"><head>{charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(seo)} | {site}</title>
<meta name="description" content="{_e(page.paragraphs[0][:150])}">
<meta property="og:title" content="{_e(seo)}">
<meta property="og:type" content="article">
<link rel="stylesheet" href="/assets/css/bootstrap.min.css">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script></head>
<body><div class="top-bar"><div class="container"><span>Ordu 14°C</span> <span>USD 42,31 EUR 48,95</span> <span>25 Kasım 2025 Salı</span></div></div>
<div class="container"><div class="logo-area"><a href="/"><img src="/assets/img/logo.png" alt="{site}"></a></div>
<ul class="ana-menu"><li><a href="/">ANASAYFA</a></li><li><a href="/gundem">GÜNDEM</a></li><li><a href="/asayis">ASAYİŞ</a></li>
<li><a href="/ekonomi">EKONOMİ</a></li><li><a href="/spor">SPOR</a></li><li><a href="/yazarlar">YAZARLAR</a></li></ul>
<div class="son-dakika-bandi"><b>SON DAKİKA</b> <a href="/gundem/x.html">Perşembe'de yol çöktü</a></div>
<div class="row"><div class="col-lg-8"><div class="haber-detay">
<ol class="breadcrumb"><li><a href="/">Anasayfa</a></li><li><a href="/gundem">Gündem</a></li></ol>
<h1 class="haber-baslik">{_e(page.title)}</h1>
<h2 class="haber-spot">{_e(page.extra.get("spot", ""))}</h2>
<div class="haber-meta">{meta_line}</div>
<div class="paylas-bar"><a href="#" class="fb">Facebook'ta Paylaş</a> <a href="#" class="tw">Tweetle</a> <a href="#" class="wa">WhatsApp</a>
<a href="#" class="font-buyut">A+</a> <a href="#" class="font-kucult">A-</a></div>
<div class="haber-icerik">{"".join(parts)}</div>
<div class="etiketler"><span>Etiketler:</span> <a href="/etiket/ordu">Ordu</a> <a href="/etiket/belediye">belediye</a></div>
<div class="begen-kutu"><h4>Bunları da beğenebilirsiniz</h4><div class="row">
<div class="col-4"><a href="/gundem/a.html"><img src="/a.jpg" alt=""><span>Korgan'da yayla yolu onarıldı</span></a></div>
<div class="col-4"><a href="/gundem/b.html"><img src="/b.jpg" alt=""><span>Gölköy'de kadın girişimcilere hibe verildi</span></a></div></div></div>
<div class="yorum-alani"><h4>Yorumlar (0)</h4><p>Bu habere henüz yorum yapılmamış. İlk yorumu siz yapın.</p></div>
</div></div>
<div class="col-lg-4"><div class="cok-okunan"><h4>Çok Okunan Haberler</h4><ol><li><a href="/gundem/c.html">Altınordu'da trafik düzenlemesi</a></li>
<li><a href="/gundem/d.html">Kumru'da okul yolu yenilendi 14 Kasım 2025</a></li></ol></div></div></div></div>
<div class="site-alt"><p>{site} - Yerel haberin adresi. Basın Ahlak Esaslarına uymayı taahhüt ederiz.</p><p>Copyright © 2025</p></div>
</body></html>"""


# -- provincial institution site ------------------------------------------------------------------


def kurum_page(page: CmsPage) -> str:
    site = page.extra.get("site", "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü")
    info = page.extra.get("info", "")
    attachments = ""
    if "attachments" in page.extra:
        files = "".join(
            f'<li><a href="/Uploads/{name}"><i class="fa fa-file"></i> {_e(name)}</a></li>'
            for name in page.extra["attachments"].split("|")
        )
        attachments = f'<div class="ekler"><h5>Ekler</h5><ul>{files}</ul></div>'
    crumb = page.extra.get("crumb", f'<li class="active">{_e(page.title)}</li>')
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{_e(page.seo_title or page.title)} - Haberler</title>
<link href="/Content/bootstrap.css" rel="stylesheet"></head>
<body><div class="ust-serit"><div class="container"><a href="/">T.C. Aile ve Sosyal Hizmetler Bakanlığı</a> | <a href="/en">English</a></div></div>
<header class="kurum-header"><div class="container"><a href="/"><img src="/img/logo.png" alt="logo"></a><h1>{site}</h1></div></header>
<div class="navbar navbar-default"><ul class="nav navbar-nav"><li><a href="/">Ana Sayfa</a></li><li><a href="/kurumsal">Kurumsal</a></li>
<li><a href="/hizmetler">Hizmetlerimiz</a></li><li><a href="/haberler">Haberler</a></li><li><a href="/duyurular">Duyurular</a></li><li><a href="/iletisim">İletişim</a></li></ul></div>
<div class="container"><ol class="breadcrumb"><li><a href="/">Ana Sayfa</a></li><li><a href="/haberler">Haberler</a></li>{crumb}</ol>
<div class="row"><div class="col-md-9"><div class="haber-detay-kutu">
<h2 class="title">{_e(page.title)}</h2>
<div class="haber-bilgi">{info}</div>
<div class="icerik">{"".join(_p(page.paragraphs))}</div>
{attachments}
<div class="paylas"><span>Paylaş:</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a></div>
<div class="row haber-gezinti"><div class="col-xs-6"><a href="/haberler/onceki">« Önceki Haber</a></div><div class="col-xs-6 text-right"><a href="/haberler/sonraki">Sonraki Haber »</a></div></div>
</div></div>
<div class="col-md-3"><div class="panel panel-default"><div class="panel-heading">Duyurular</div><div class="panel-body">
<a href="/duyurular/1">Koruyucu aile başvuruları 01.12.2025 tarihine kadar uzatıldı</a></div></div>
<div class="panel panel-default"><div class="panel-heading">Hızlı Erişim</div><div class="panel-body"><a href="/alo183">ALO 183 Sosyal Destek Hattı</a></div></div></div></div></div>
<div class="site-footer"><div class="container">{site} · Kale Mah. Hükümet Konağı · Tel: 0362 000 00 00 · Her hakkı saklıdır © 2025</div></div>
</body></html>"""


RENDER: dict[str, Callable[[CmsPage], str]] = {
    "wordpress": wordpress_page,
    "belediye": belediye_page,
    "amp": amp_page,
    "yerel": yerel_page,
    "kurum": kurum_page,
}


_WP = "https://samsunmanset.example"
_KG = "https://karadenizgundem.example"
_TB = "https://tekkekoy-bel.example"
_AMP = "https://karadenizportal.example/amp/haber"
_OG = "https://ordugundem.example"
_KU = "https://samsun-ash.example/haberler"

PAGES: tuple[CmsPage, ...] = (
    # -- wordpress ---------------------------------------------------------------------------
    CmsPage(
        "cms-wp-01",
        "wordpress",
        f"{_WP}/atakum-sahil-yuruyus-yolu-yenileniyor/",
        "Atakum'da sahil yürüyüş yolu yenileniyor",
        _at(4, 9, 42),
        (
            "Atakum Belediyesi, Çobanlı ile Kurupelit arasındaki sahil yürüyüş yolunda yenileme "
            "çalışması başlattı. Dört kilometrelik hat boyunca eskiyen parke taşları sökülüyor, "
            "yerine kaymaz zemin döşeniyor.",
            "Çalışmaların kış aylarında da süreceğini belirten fen işleri ekipleri, yürüyüş "
            "yolunun bir bölümünün geçici olarak trafiğe kapatılacağını, bisiklet yolunun ise "
            "açık kalacağını söyledi.",
            "Proje kapsamında yol boyunca otuz yeni oturma grubu, içme suyu çeşmeleri ve "
            "engelli vatandaşlar için rampalar yapılacak. İşin mart ayında bitirilmesi planlanıyor.",
        ),
        author="Murat Şahin",
        extra={
            "variant": "tagdiv",
            "head": (
                '<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org",'
                '"@graph":[{"@type":"WebPage","@id":"https://samsunmanset.example/atakum-sahil-yuruyus-yolu-yenileniyor/",'
                '"name":"Atakum\'da sahil yürüyüş yolu yenileniyor - Samsun Manşet","datePublished":"2025-11-04T06:42:00+00:00"},'
                '{"@type":"Article","headline":"Atakum\'da sahil yürüyüş yolu yenileniyor",'
                '"datePublished":"2025-11-04T06:42:00+00:00","dateModified":"2025-11-04T08:10:31+00:00",'
                '"author":{"name":"Murat Şahin","@id":"https://samsunmanset.example/#/schema/person/1"}}]}</script>'
            ),
        },
    ),
    CmsPage(
        "cms-wp-02",
        "wordpress",
        f"{_WP}/canikte-kadin-kooperatifi-hasat-senligi/",
        "Canik'te kadın kooperatifi ilk hasat şenliğini yaptı",
        _at(5, 14, 10),
        (
            "Canik ilçesinde geçen yıl kurulan Hacılar Kadın Girişimi Üretim ve İşletme "
            "Kooperatifi, seralarında yetiştirdiği ilk ürünleri düzenlediği şenlikle satışa sundu.",
            "Kooperatif başkanı Nuray Aydemir, otuz iki ortağın aylardır seralarda çalıştığını, "
            "domates ve biberin yanı sıra kışlık salça ve turşu da hazırladıklarını anlattı.",
            "Şenliğe katılan vatandaşlar ürünleri yerinde tadarken, kooperatif üyeleri "
            "gelecek yıl için hazırladıkları çilek fidesi projesini de tanıttı.",
            "Aydemir, satıştan elde edilen gelirin yeni bir soğuk hava deposu için "
            "kullanılacağını ve kooperatife katılmak isteyen kadınların başvurularının "
            "sürdüğünü söyledi.",
        ),
        extra={"variant": "tagdiv", "inline_ad": "1"},
    ),
    CmsPage(
        "cms-wp-03",
        "wordpress",
        f"{_KG}/terme-findik-alim-merkezi-acildi/",
        "Terme'de fındık alım merkezi hizmete açıldı",
        _at(5),
        precision="day",
        seo_title="Terme'de fındık alım merkezi hizmete açıldı",
        paragraphs=(
            "Terme Ziraat Odası'nın girişimiyle kurulan fındık alım merkezi, düzenlenen "
            "törenle üreticilerin hizmetine açıldı. Merkezde nem ölçümü ve randıman tahlili "
            "ücretsiz yapılacak.",
            "Oda başkanı Kemal Ertürk, üreticilerin ürünlerini artık ilçe dışına taşımadan "
            "satabileceğini, bunun nakliye masraflarını önemli ölçüde azaltacağını söyledi.",
            "Merkezin yıllık on bin ton kapasiteyle çalışacağını belirten Ertürk, depolama "
            "alanının gelecek yıl iki katına çıkarılacağını açıkladı.",
        ),
        extra={
            "variant": "jnews",
            "site": "Karadeniz Gündem",
            "inline_related": "1",
            "subtitle": "Üreticiler ürünlerini ilçe dışına taşımadan satabilecek",
        },
    ),
    CmsPage(
        "cms-wp-04",
        "wordpress",
        f"{_KG}/bulancak-huzurevi-resim-sergisi/",
        "Bulancak'ta huzurevi sakinlerinin resimleri sergilendi",
        _at(6, 11, 30),
        (
            "Bulancak Huzurevi Yaşlı Bakım ve Rehabilitasyon Merkezi'nde kalan yaşlıların "
            "yaptığı resimler, kent meydanındaki sergi salonunda ziyaretçilerle buluştu.",
            "Merkezdeki resim atölyesine katılan on sekiz yaşlının eserlerinin yer aldığı "
            "sergide, çoğunluğu Karadeniz köylerini anlatan kırk tablo bulunuyor.",
            "Sergiyi gezen vatandaşlar yaşlılarla sohbet etti. Merkez müdürü, atölye "
            "çalışmalarının sakinlerin moralini yükselttiğini ve sergilerin her yıl "
            "tekrarlanacağını söyledi.",
        ),
        extra={
            "variant": "entry",
            "site": "Karadeniz Gündem",
            "head": '<meta property="article:published_time" content="2025-11-06T08:30:00+00:00">',
            "caption": "Sergide kırk tablo yer alıyor. Fotoğraf: Gökhan Yavuz",
        },
    ),
    CmsPage(
        "cms-wp-05",
        "wordpress",
        f"{_KG}/2025/11/07/gorele-balikci-barinagi-genisletiliyor/",
        "Görele balıkçı barınağı genişletiliyor",
        _at(7),
        precision="day",
        author="Ayşe Kaya",
        paragraphs=(
            "Görele Balıkçı Barınağı'nda genişletme çalışmaları başladı. Mendirek otuz metre "
            "uzatılacak, barınağa yirmi yeni tekne bağlama yeri eklenecek.",
            "Görele Su Ürünleri Kooperatifi Başkanı Yusuf Karaca, fırtınalı günlerde teknelerin "
            "barınağa sığmadığını, genişletmenin balıkçıların yıllardır beklediği bir iş "
            "olduğunu söyledi.",
            "Çalışmanın gelecek yaz sezonundan önce bitirilmesi hedefleniyor. Barınağa ayrıca "
            "bir ağ onarım alanı ve soğuk hava deposu yapılacak.",
        ),
        extra={
            "variant": "entry",
            "site": "Karadeniz Gündem",
            "byline": "Haber: Ayşe Kaya / GİRESUN",
            "plugin_related": "1",
        },
    ),
    # -- belediye ----------------------------------------------------------------------------
    CmsPage(
        "cms-bel-01",
        "belediye",
        f"{_TB}/HaberDetay.aspx?ID=1181",
        "Asfalt sezonu 48 kilometre yolla tamamlandı",
        _at(3),
        precision="day",
        paragraphs=(
            "Belediyemiz Fen İşleri Müdürlüğü ekiplerinin nisan ayında başlattığı asfalt "
            "çalışmaları, kırk sekiz kilometrelik yolun yenilenmesiyle tamamlandı.",
            "Bu yıl özellikle kırsal mahallelerdeki yollara öncelik verildiğini belirten "
            "Belediye Başkanımız, Kerpiçli ve Aşağıçinik mahallelerinde ulaşımın artık kış "
            "aylarında da aksamayacağını söyledi.",
            "Çalışmalarda emeği geçen personele teşekkür eden Başkanımız, gelecek yıl "
            "kaldırım ve yağmur suyu hatlarının yenilenmesine ağırlık verileceğini açıkladı.",
        ),
        extra={"variant": "webforms", "crumb": "03.11.2025"},
    ),
    CmsPage(
        "cms-bel-02",
        "belediye",
        f"{_TB}/HaberDetay.aspx?ID=1182",
        "Kış öncesi sokak hayvanları için barınak hazırlığı",
        _at(4),
        precision="day",
        paragraphs=(
            "Belediyemiz Veteriner İşleri Müdürlüğü, kış ayları öncesinde sokak hayvanları "
            "için ilçenin on iki noktasına yalıtımlı kulübe ve mama kabı yerleştirdi.",
            "Geçici Hayvan Bakımevi'nde ise kapasite altmış hayvana çıkarıldı. Bakımevinde "
            "tedavisi tamamlanan hayvanlar kısırlaştırıldıktan sonra sahiplendirilmek üzere "
            "koruma altına alınıyor.",
            "Sahiplenmek isteyen vatandaşlarımız hafta içi mesai saatlerinde bakımevini "
            "ziyaret edebilir ya da Beyaz Masa üzerinden başvuru yapabilir.",
        ),
        extra={
            "variant": "webforms",
            "crumb": "04.11.2025",
            "encoding": "cp1254",
            "content_type": "text/html; charset=utf-8",
            "meta": '<meta http-equiv="Content-Type" content="text/html; charset=windows-1254">',
        },
    ),
    CmsPage(
        "cms-bel-03",
        "belediye",
        "https://bafra-bel.example/haber_detay.php?id=77",
        "Kent Konseyi gençlik meclisi seçimleri yapıldı",
        _at(5),
        precision="day",
        paragraphs=(
            "Bafra Kent Konseyi Gençlik Meclisi'nin yeni dönem seçimleri, kültür merkezinde "
            "yapılan genel kurulla tamamlandı. Seçimlere on beş ile yirmi dokuz yaş arasındaki "
            "yüz kırk genç katıldı.",
            "Gençlik Meclisi Başkanlığına üniversite öğrencisi Elif Sarıkaya seçildi. Sarıkaya, "
            "gençlerin spor, kültür ve istihdam konusundaki önerilerini belediye meclisine "
            "taşıyacaklarını söyledi.",
            "Genel kurulda ayrıca çevre, engelsiz yaşam ve girişimcilik çalışma grupları kuruldu.",
        ),
        extra={
            "variant": "php",
            "site": "Bafra Belediyesi",
            "crumb": "Tarih: 05.11.2025",
            "encoding": "cp1254",
            "content_type": "text/html; charset=iso-8859-1",
            "meta": "",
        },
    ),
    CmsPage(
        "cms-bel-04",
        "belediye",
        "https://bafra-bel.example/haber_detay.php?id=78",
        "Pazar yerinde zabıta denetimi",
        _at(6),
        precision="day",
        paragraphs=(
            "Belediye Zabıta Müdürlüğü ekipleri, Perşembe pazarında etiket, tartı ve "
            "hijyen denetimi yaptı. Denetimde iki yüzü aşkın tezgâh tek tek kontrol edildi.",
            "Eksik gramajla satış yaptığı tespit edilen üç esnafa tutanak düzenlenirken, "
            "etiket kurallarına uymayan satıcılar uyarıldı. Tartıların ayarı ölçü ayar "
            "memurları tarafından yerinde yapıldı.",
            "Zabıta Müdürü, denetimlerin kış boyunca her hafta süreceğini, şikâyetlerin "
            "Alo 153 hattına iletilebileceğini hatırlattı.",
        ),
        extra={"variant": "php", "site": "Bafra Belediyesi", "crumb": "06.11.2025 Perşembe"},
    ),
    CmsPage(
        "cms-bel-05",
        "belediye",
        f"{_TB}/Haber.aspx?HaberID=1183",
        "Taziye evi ve kreş binasının temeli atıldı",
        _at(6, 10, 35),
        (
            "Yeni Mahalle'de yapımına başlanan taziye evi ve kreş binasının temeli, "
            "mahalle sakinlerinin katıldığı törenle atıldı. İki katlı bina, toplam bin "
            "iki yüz metrekare kapalı alandan oluşacak.",
            "Binanın zemin katında cenaze yakınlarının taziyeleri kabul edebileceği salon ve "
            "mutfak, üst katında ise altmış çocuk kapasiteli kreş yer alacak.",
            "Törende konuşan mahalle muhtarı, mahallenin uzun yıllardır böyle bir binaya "
            "ihtiyaç duyduğunu belirterek emeği geçenlere teşekkür etti.",
        ),
        extra={
            "variant": "font",
            "crumb": "Anasayfa &gt; Haberler &gt; Eklenme Tarihi: 06.11.2025 10:35",
        },
    ),
    # -- amp ---------------------------------------------------------------------------------
    CmsPage(
        "cms-amp-01",
        "amp",
        f"{_AMP}/giresun-kalesi-restorasyon-1021",
        "Giresun Kalesi'nde restorasyonun ikinci etabı başladı",
        _at(4, 16, 45),
        (
            "Giresun Kalesi'nde sürdürülen restorasyon çalışmalarının ikinci etabına başlandı. "
            "Bu aşamada kalenin kuzey surları ile batı burcu onarılacak.",
            "Kazı ekibi, birinci etapta ortaya çıkan Bizans dönemine ait su sarnıcının da "
            "ziyarete açılması için koruma çatısı yapılacağını bildirdi.",
            "Çalışmaların iki yıl sürmesi bekleniyor. Bu süre içinde kalenin güney "
            "bölümündeki seyir terası ve çay bahçesi açık kalmaya devam edecek.",
        ),
        extra={
            "jsonld": "2025-11-04T18:00:00+03:00",
            "gallery": "Kuzey surlarında iskele kuruldu|Sarnıcın girişi temizlendi|Batı burcundan kente bakış",
            "spot": "Kuzey surları ve batı burcu onarılacak",
        },
    ),
    CmsPage(
        "cms-amp-02",
        "amp",
        f"{_AMP}/espiye-okul-sutu-dagitimi-1022",
        "Espiye'de köy okullarına süt ve meyve dağıtımı başladı",
        _at(5, 8, 15),
        (
            "Espiye İlçe Milli Eğitim Müdürlüğü, kırsal mahallelerdeki on dört okulda "
            "öğrencilere haftada üç gün süt ve mevsim meyvesi dağıtmaya başladı.",
            "Uygulamanın masrafları ilçedeki hayırseverlerin kurduğu dernek tarafından "
            "karşılanıyor. Dağıtım her sabah ilk dersten önce yapılıyor.",
            "Okul müdürleri, uygulamanın başladığı haftadan beri devamsızlığın azaldığını "
            "gözlemlediklerini söyledi.",
        ),
        extra={
            "time_html": '<time datetime="2025-11-05T08:15:00+03:00">2 saat önce</time>',
        },
    ),
    CmsPage(
        "cms-amp-03",
        "amp",
        f"{_AMP}/tirebolu-cay-fabrikasi-1023",
        "Tirebolu'daki çay fabrikasında kapasite artırımı",
        _at(6, 11, 20),
        (
            "Tirebolu'daki çay fabrikasında yapılan yenileme çalışmalarıyla günlük yaş çay "
            "işleme kapasitesi üç yüz tondan dört yüz elli tona çıkarıldı.",
            "Fabrika müdürü, yeni kurutma hatlarının enerji tüketimini de yüzde yirmi "
            "azalttığını ve üreticilerin alım noktalarında beklemesinin sona ereceğini söyledi.",
            "Fabrikada ayrıca yirmi beş kişi daha istihdam edilecek. İş başvuruları İŞKUR "
            "üzerinden alınıyor.",
        ),
        seo_title="Çay fabrikasında günlük kapasite 450 tona çıktı",
        extra={
            "time_html": "<span>Yayın Tarihi: 06.11.2025 - 11:20</span>",
            "related": "Çay üreticilerine gübre desteği ödemeleri yapıldı",
        },
    ),
    CmsPage(
        "cms-amp-04",
        "amp",
        f"{_AMP}/sebinkarahisar-kar-hazirligi-1024",
        "Şebinkarahisar'da karla mücadele ekipleri hazır",
        _at(7, 9, 5),
        (
            "Şebinkarahisar'da karayolları ve belediye ekipleri kış öncesi hazırlıklarını "
            "tamamladı. Karla mücadele için on dört iş makinesi ve bin ton tuz hazır bekletiliyor.",
            "Özellikle yüksek kesimlerdeki köy yollarında ulaşımın aksamaması için üç ayrı "
            "noktada ekipler yirmi dört saat görev yapacak.",
            "Yetkililer, sürücülerin kış lastiği kullanmaları ve yola çıkmadan önce hava "
            "durumunu takip etmeleri gerektiğini hatırlattı.",
        ),
        extra={
            "jsonld": "2025-11-07T09:05:00+03:00",
            "related": "Giresun'da kış lastiği zorunluluğu başladı",
            "gallery": "İş makineleri göreve hazır|Tuz stok alanı|Ekipler sabah toplantısında",
        },
    ),
    # -- yerel -------------------------------------------------------------------------------
    CmsPage(
        "cms-yer-01",
        "yerel",
        f"{_OG}/gundem/unye-sahilinde-temizlik-h2041.html",
        "Ünye sahilinde gönüllüler çöp topladı",
        _at(4, 16, 5),
        (
            "Ünye'de bir araya gelen yüzü aşkın gönüllü, Uzunkum ile Çamlık arasındaki sahil "
            "şeridinde temizlik yaptı. Üç saat süren çalışmada yaklaşık iki ton atık toplandı.",
            "Toplanan atıkların büyük bölümünü plastik şişeler, poşetler ve balık ağı "
            "parçalarının oluşturduğunu belirten organizasyon sorumlusu, denizden gelen "
            "atıkların her geçen yıl arttığını söyledi.",
            "Etkinliğe öğrenciler, amatör balıkçılar ve sivil toplum kuruluşlarının üyeleri "
            "katıldı. Gönüllüler toplanan atıkları türlerine göre ayırarak belediyenin geri "
            "dönüşüm ekiplerine teslim etti.",
            "Organizatörler, sahil temizliğinin her ay tekrarlanacağını ve katılmak "
            "isteyenlerin kayıt yaptırabileceğini duyurdu.",
        ),
        author="Ayşe Kaya",
        extra={
            "byline": "Haber: Ayşe Kaya / ORDU",
            "ads": "2",
            "related_box": "Ünye'de balıkçılar ağlarını onarıyor|Sahil yolunda bisiklet yolu çalışması",
            "meta_line": "<span>Yayın Tarihi: 04.11.2025 16:05</span> | <span>Güncelleme: 04.11.2025 18:30</span>",
        },
    ),
    CmsPage(
        "cms-yer-02",
        "yerel",
        f"{_OG}/gundem/fatsa-yuzme-havuzu-h2042.html",
        "Fatsa'ya yarı olimpik yüzme havuzu",
        _at(5, 10, 50),
        (
            "Fatsa'da yapımı süren yarı olimpik kapalı yüzme havuzunun kaba inşaatı "
            "tamamlandı. Havuzun yeni yılın ilk aylarında hizmete girmesi bekleniyor.",
            "Gençlik ve Spor İlçe Müdürü, tesiste yüzme kurslarının yanı sıra engelli "
            "bireyler için özel seanslar düzenleneceğini söyledi.",
            "Tesis, altı kulvarlı havuzun yanında dört yüz kişilik tribün, soyunma odaları ve "
            "bir spor salonundan oluşuyor.",
        ),
        seo_title="Fatsa'da kapalı yüzme havuzunun kaba inşaatı tamamlandı",
        extra={
            "caption": "Havuzun kaba inşaatı tamamlandı.",
            "credit": "Fotoğraf: Hasan Demir",
            "meta_line": '<span class="tarih"><i class="fa fa-clock"></i> 05 Kasım 2025 - 10:50</span>',
            "ads": "1",
        },
    ),
    CmsPage(
        "cms-yer-03",
        "yerel",
        f"{_OG}/gundem/2025/11/04/persembe-yaylasinda-kis-tedbiri",
        "Perşembe Yaylası'nda kış tedbirleri",
        _at(4),
        precision="day",
        author="Mehmet Öztürk",
        paragraphs=(
            "Perşembe Yaylası'nda kış öncesinde yayla evlerini boşaltan üreticiler, "
            "hayvanlarını köylerdeki ahırlara indirdi. Yayla yolunda ise karla mücadele "
            "ekipleri için bir konteyner yerleştirildi.",
            "Yaylada yaz boyunca konaklayan ailelerin büyük bölümünün ekim sonunda döndüğünü "
            "anlatan muhtar, kış aylarında yaylada yalnızca iki bekçinin kalacağını söyledi.",
            "Jandarma ekipleri de boş kalan evlerde hırsızlığa karşı devriyelerini artırdı.",
        ),
        extra={"byline": "Haber: Mehmet Öztürk / ORDU", "ads": "2"},
    ),
    CmsPage(
        "cms-yer-04",
        "yerel",
        f"{_OG}/ekonomi/golkoy-bal-ureticileri-h2044.html",
        "Gölköy'de bal üreticilerine kovan desteği",
        _at(6, 13, 40),
        (
            "Gölköy İlçe Tarım ve Orman Müdürlüğü, genç arıcılara yönelik destek programı "
            "kapsamında yirmi beş üreticiye toplam beş yüz kovan dağıttı.",
            "Kovanları teslim alan üreticiler, daha önce arıcılık kursunu tamamlayan kırk "
            "yaş altındaki çiftçiler arasından kura ile belirlendi.",
            "İlçe müdürü, Gölköy'ün kestane balıyla bilindiğini, desteğin üretimi artırarak "
            "bölgenin adını daha geniş kitlelere duyuracağını söyledi.",
            "Program kapsamında üreticilere arı sağlığı ve hasat teknikleri konusunda da "
            "eğitim verilecek.",
        ),
        extra={
            "encoding": "cp1254",
            "content_type": "text/html; charset=utf-8",
            "meta": "",
            "meta_line": "<span>Yayın Tarihi: 06.11.2025 13:40</span>",
            "inline_related_text": "Kestane balında rekolte beklentisi yükseldi",
        },
    ),
    CmsPage(
        "cms-yer-05",
        "yerel",
        f"{_OG}/gundem/kabaduz-kutuphane-h2045.html",
        "Kabadüz'de köy okuluna kütüphane kuruldu",
        _at(7, 12, 0),
        (
            "Kabadüz'e bağlı Yeşilyurt Mahallesi'ndeki ilkokulda, gönüllülerin topladığı "
            "kitaplarla bir kütüphane kuruldu. Kütüphanede iki binden fazla kitap bulunuyor.",
            "Kütüphanenin kurulmasına öncülük eden öğretmen, kitapların yurdun dört bir "
            "yanından kargoyla geldiğini ve raflarının da mahalle sakinlerince yapıldığını "
            "anlattı.",
            "Öğrenciler her gün ders sonrasında bir saat kütüphanede okuma yapacak. "
            "Kütüphane hafta sonları mahalle sakinlerine de açık olacak.",
        ),
        extra={
            "meta_line": '<time datetime="2025-11-07T12:00:00+03:00" class="d-none"></time><span>Güncel</span>',
            "ads": "1,2",
        },
    ),
    # -- kurum -------------------------------------------------------------------------------
    CmsPage(
        "cms-kur-01",
        "kurum",
        f"{_KU}/koruyucu-aile-gunu-etkinligi",
        "Koruyucu Aile Günü'nde aileler bir araya geldi",
        _at(10),
        precision="day",
        paragraphs=(
            "İl Müdürlüğümüz tarafından Koruyucu Aile Günü dolayısıyla düzenlenen etkinlikte, "
            "ilimizdeki koruyucu aileler ve çocuklar bir araya geldi.",
            "Etkinlikte konuşan İl Müdürümüz, ilimizde yüz on iki çocuğun koruyucu aile "
            "yanında büyüdüğünü belirterek ailelere gösterdikleri sevgi ve özen için teşekkür etti.",
            "Çocuklar için palyaço gösterisi ve yüz boyama etkinliği düzenlenirken, koruyucu "
            "aile olmak isteyen vatandaşlara başvuru süreciyle ilgili bilgi verildi.",
        ),
        extra={"info": "<span>Yayın Tarihi: 10.11.2025</span>"},
    ),
    CmsPage(
        "cms-kur-02",
        "kurum",
        f"{_KU}/engelli-bireylere-tekerlekli-sandalye",
        "Engelli bireylere akülü tekerlekli sandalye teslim edildi",
        _at(11, 14, 30),
        (
            "İl Müdürlüğümüz koordinasyonunda yürütülen çalışma kapsamında, ihtiyaç sahibi "
            "on sekiz engelli vatandaşımıza akülü tekerlekli sandalye teslim edildi.",
            "Teslim töreninde konuşan İl Müdür Yardımcısı, sandalyelerin ihtiyaç tespitinin "
            "sosyal çalışmacılarımızın ev ziyaretleriyle yapıldığını söyledi.",
            "Başvurular İl Müdürlüğümüz Engelli ve Yaşlı Hizmetleri Şubesine şahsen ya da "
            "ALO 183 hattı aracılığıyla yapılabiliyor.",
        ),
        extra={
            "info": "<span>Yayın Tarihi: 11.11.2025 14:30</span> <span>Güncelleme Tarihi: 12.11.2025 09:00</span>",
            "attachments": "tören-fotoğrafları.zip|basin-bulteni-11-11-2025.pdf",
        },
    ),
    CmsPage(
        "cms-kur-03",
        "kurum",
        "https://ordu-ash.example/haberler/yasli-ziyaretleri",
        "Yaşlılar Haftası'nda evde bakım ziyaretleri",
        _at(12),
        precision="day",
        seo_title="Yaşlılar Haftası ziyaretleri",
        paragraphs=(
            "Yaşlılar Haftası kapsamında İl Müdürlüğümüz personeli, evde bakım hizmeti alan "
            "yaşlılarımızı evlerinde ziyaret ederek bayram havasında kutlama yaptı.",
            "Ziyaretlerde yaşlılarımıza çiçek ve hediye paketleri verilirken, sağlık ve bakım "
            "ihtiyaçları da yerinde dinlendi.",
            "Yaşlı Hizmetleri Şube Müdürü, evde bakım hizmetinden yararlanan yaşlı sayısının "
            "ilimizde üç bini aştığını ve ziyaretlerin yıl boyunca süreceğini belirtti.",
        ),
        extra={
            "site": "Ordu Aile ve Sosyal Hizmetler İl Müdürlüğü",
            "crumb": '<li class="active">12.11.2025</li>',
        },
    ),
)


def labelled_files() -> dict[str, bytes]:
    """The pages and their truth file (``cms.yaml``) for crawlers/labelled/."""
    import yaml

    files: dict[str, bytes] = {}
    entries = []
    for page in PAGES:
        markup = RENDER[page.style](page)
        encoding = page.extra.get("encoding", "utf-8")
        files[f"{page.key}.html"] = markup.encode(encoding)
        entry: dict[str, object] = {
            "file": f"{page.key}.html",
            "style": page.style,
            "url": page.url,
            "content_type": page.extra.get("content_type", "text/html; charset=utf-8"),
            "title": page.title,
            "published": page.published.isoformat(),
            "date_precision": page.precision,
        }
        if page.author:
            entry["author"] = page.author
        entry["body"] = page.body
        entries.append(entry)
    header = (
        "# Labelled pages in the markup of CMS families common on Turkish local news and\n"
        "# public-institution sites (written for Kupür's tests; see tests/crawlers/cms_pages.py).\n"
        "# Regenerate with: python -m tests.crawlers.cms_pages\n"
    )
    files["cms.yaml"] = (
        header + yaml.safe_dump({"pages": entries}, allow_unicode=True, sort_keys=False, width=100)
    ).encode("utf-8")
    return files


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).resolve().parents[2] / "crawlers" / "labelled"
    for file_name, content in labelled_files().items():
        (target / file_name).write_bytes(content)
