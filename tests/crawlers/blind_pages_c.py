"""Blind set C: labelled pages in styles none of the earlier sets (CMS, blind A, blind B) have.

Written after the blind-set-B fixes, committed, then scored once (crawlers/labelled/README.md);
the extraction is not tuned on these pages before that score. Eight styles, two pages each:

* ``c-itemprop`` — a portal whose body is ``<div itemprop="articleBody">`` with "Reklam"-labelled
  ad iframes between paragraphs, the class names saying nothing ("d-block", "col-12").
* ``c-tablo`` — an old directorate CMS printing "Oluşturulma Tarihi" and "Son Güncelleme" as
  rows of a two-column table under the title; the first is the publication.
* ``c-parti`` — a party's provincial organisation site (MHP / CHP il başkanlığı): the party in the
  header, "Basın Açıklaması" kicker, the statement signed by the provincial chair at the end.
* ``c-universite`` — a university news page: breadcrumb, "Haber Tarihi:" and "Okunma: 1.245",
  a faculty menu on the left, "Diğer Haberler" under the text.
* ``c-slider`` — a municipality page with an image slider (captions and "1 / 4" counters) before
  the text and a "Yayın Tarihi" line under it.
* ``c-url`` — a page whose only date is in the URL (``/2025/11/18/`` or a ``/20251117/`` path
  segment) and shown relative ("4 gün önce"); the day is the label (``precision: day``).
* ``c-mobil`` — a mobile "m." site: minimal markup, a "Masaüstü görünüm" link, a bottom tab bar.
* ``c-sayfali`` — an article paginated into two parts: page 1 of "1/2", with "Sonraki sayfa" and
  page number links; the body is this page's own part.

Every text here was written for Kupür; people, sites and events are fictional. Regenerate the
files in ``crawlers/labelled/`` (``blind-c-*.html`` and ``blind-c.yaml``) with
``python -m tests.crawlers.blind_pages_c``.
"""

from __future__ import annotations

import datetime as dt
import html
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


def itemprop_page(page: CmsPage) -> str:
    parts = [f"<p>{_e(p)}</p>" for p in page.paragraphs]
    ad = (
        '<div class="text-center my-3"><small class="d-block text-muted">Reklam</small>'
        '<iframe src="https://ads.example/slot?id=ic1" width="300" height="250"></iframe></div>'
    )
    parts.insert(1, ad)
    parts.insert(3, ad.replace("ic1", "ic2"))
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - Çorum Haber Merkezi</title>
<meta property="og:title" content="{_e(page.title)}"></head><body><div class="container">
<div class="row"><div class="col-12"><a href="/">Çorum Haber Merkezi</a> <a href="/yerel">Yerel</a> <a href="/ekonomi">Ekonomi</a></div></div>
<div class="row"><div class="col-lg-8 col-12"><div class="card"><div class="card-body" itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="h3 fw-bold" itemprop="headline">{_e(page.title)}</h1>
<div class="d-flex small text-muted"><span>{page.extra["shown"]}</span></div>
<div class="mt-3" itemprop="articleBody">{"".join(parts)}</div></div></div></div>
<div class="col-lg-4 col-12"><div class="card"><div class="card-header">Çok Okunanlar</div><ul class="list-group">
<li class="list-group-item"><a href="/h/1">Sungurlu'da kuru fasulye hasadı sona erdi</a></li>
<li class="list-group-item"><a href="/h/2">Osmancık'ta pirinç fiyatları açıklandı</a></li></ul></div></div></div>
<div class="row"><div class="col-12 small">Çorum Haber Merkezi © 2025</div></div></div></body></html>"""


def tablo_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{page.extra["site"]}</title></head>
<body><table width="980" align="center"><tr><td colspan="2"><img src="/img/banner.jpg" alt="{page.extra["site"]}"></td></tr>
<tr><td width="200" valign="top"><a href="/">Ana Sayfa</a><br><a href="/kurumsal">Kurumsal</a><br><a href="/haberler">Haberler</a><br><a href="/iletisim">İletişim</a></td>
<td valign="top"><span class="baslik">{_e(page.title)}</span>
<table class="bilgi" cellpadding="2"><tr><td>Oluşturulma Tarihi</td><td>: {page.extra["created"]}</td></tr>
<tr><td>Son Güncelleme</td><td>: {page.extra["updated"]}</td></tr><tr><td>Okunma Sayısı</td><td>: 312</td></tr></table>
<div class="icerik">{_ps(page.paragraphs)}</div>
<a href="javascript:window.print()">Yazdır</a> | <a href="/haberler">Geri</a></td></tr>
<tr><td colspan="2" align="center">{page.extra["site"]} - Bilgi İşlem</td></tr></table></body></html>"""


def parti_page(page: CmsPage) -> str:
    *body, signature = page.paragraphs
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | {page.extra["party"]}</title>
<meta name="description" content="{_e(page.paragraphs[0][:150])}"></head><body>
<div class="top-bar"><a href="/">{page.extra["party"]}</a> <span>Genel Merkez</span> <a href="/teskilat">Teşkilat</a> <a href="/iletisim">İletişim</a></div>
<div class="site-logo"><img src="/logo.png" alt=""><strong>{page.extra["party"].upper()}</strong></div>
<div class="page"><div class="haber-detay"><span class="kicker">Basın Açıklaması</span>
<h1>{_e(page.title)}</h1><div class="info"><span>{page.extra["shown"]}</span></div>
<div class="detay-metin">{_ps(body)}<p style="text-align:right"><strong>{_e(signature)}</strong></p></div>
<div class="haber-paylas"><a href="#">Facebook</a> <a href="#">X</a></div></div>
<div class="duyurular"><h4>Duyurular</h4><p><a href="/duyuru/1">İl danışma meclisi toplantısı cumartesi günü yapılacak.</a></p></div></div>
<div class="footer-line">{page.extra["party"]} © 2025</div></body></html>"""


def universite_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} | {page.extra["site"]}</title></head>
<body><div id="ustmenu"><a href="/">{page.extra["site"]}</a> <a href="/akademik">Akademik</a> <a href="/ogrenci">Öğrenci</a> <a href="/en">EN</a></div>
<div class="wrapper"><div class="breadcrumb"><a href="/">Anasayfa</a> » <a href="/haberler">Haberler</a> » {_e(page.title)}</div>
<div class="left-menu"><h4>Fakülteler</h4><ul><li><a href="/muhendislik">Mühendislik Fakültesi</a></li><li><a href="/ziraat">Ziraat Fakültesi</a></li><li><a href="/tip">Tıp Fakültesi</a></li></ul></div>
<div class="content-area"><h2 class="page-title">{_e(page.title)}</h2>
<div class="haber-info">Haber Tarihi: {page.extra["shown"]} &nbsp; Okunma: 1.245</div>
<div class="haber-text">{_ps(page.paragraphs)}</div>
<div class="diger"><h3>Diğer Haberler</h3><ul><li><a href="/haber/1">Kütüphane sınav döneminde 24 saat açık olacak</a></li><li><a href="/haber/2">Kariyer günleri başvuruları başladı</a></li></ul></div></div></div>
<div class="footer-bottom">{page.extra["site"]} Basın ve Halkla İlişkiler Müdürlüğü</div></body></html>"""


def slider_page(page: CmsPage) -> str:
    captions = page.extra["captions"].split("|")
    slides = "".join(
        f'<div class="item"><img src="/foto/{i}.jpg" alt=""><div class="slide-text"><span>{i + 1} / {len(captions)}</span> {_e(c)}</div></div>'
        for i, c in enumerate(captions)
    )
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - {page.extra["site"]}</title></head>
<body><div class="header-area"><a href="/"><img src="/logo.png" alt="{page.extra["site"]}"></a><ul class="main-nav"><li><a href="/">Anasayfa</a></li><li><a href="/baskan">Başkan</a></li><li><a href="/haberler">Haberler</a></li><li><a href="/e-belediye">e-Belediye</a></li></ul></div>
<div class="haber-sayfasi"><h1 class="haber-h1">{_e(page.title)}</h1>
<div class="owl-carousel owl-theme">{slides}</div>
<div class="tarih-satiri">Yayın Tarihi: {page.extra["shown"]}</div>
<div class="haber-yazi">{_ps(page.paragraphs)}</div></div>
<div class="alt-alan">{page.extra["site"]} | Beyaz Masa 153</div></body></html>"""


def url_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} - {page.extra["site"]}</title></head>
<body><div class="logo"><a href="/">{page.extra["site"]}</a></div><div class="menu-bar"><a href="/gundem">Gündem</a> <a href="/spor">Spor</a></div>
<div class="haber"><h1>{_e(page.title)}</h1><div class="zaman"><i class="icon-clock"></i> {page.extra["shown"]}</div>
<div class="haber-metni">{_ps(page.paragraphs)}</div></div>
<div class="alt">{page.extra["site"]} - Yerel haberin adresi</div></body></html>"""


def mobil_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(page.title)}</title><link rel="canonical" href="{page.url.replace("://m.", "://www.")}"></head>
<body><div class="m-top"><a href="/" class="m-logo">{page.extra["site"]}</a> <a href="/menu">☰</a></div>
<div class="m-haber"><h1 class="m-h1">{_e(page.title)}</h1><div class="m-bilgi">{page.extra["shown"]}</div>
<img src="/img/{page.key}.jpg" alt="" width="100%">{_ps(page.paragraphs)}</div>
<div class="m-masaustu"><a href="{page.url.replace("://m.", "://www.")}">Masaüstü görünüm</a></div>
<div class="m-tabbar"><a href="/">Anasayfa</a><a href="/son">Son Haberler</a><a href="/ara">Ara</a></div></body></html>"""


def sayfali_page(page: CmsPage) -> str:
    return f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{_e(page.title)} (1/2) - {page.extra["site"]}</title>
<meta property="article:published_time" content="{page.published.isoformat()}"></head><body>
<div class="header-nav"><a href="/">{page.extra["site"]}</a> <a href="/dosya">Dosya Haberler</a></div>
<div class="article-page"><h1>{_e(page.title)}</h1><div class="sayfa-no">1/2</div>
<div class="article-content">{_ps(page.paragraphs)}</div>
<div class="sayfa-linkleri"><span class="aktif">1</span> <a href="{page.url}?sayfa=2">2</a> <a href="{page.url}?sayfa=2">Sonraki sayfa »</a></div></div>
<div class="site-alt">{page.extra["site"]} © 2025</div></body></html>"""


RENDER: dict[str, Callable[[CmsPage], str]] = {
    "c-itemprop": itemprop_page,
    "c-tablo": tablo_page,
    "c-parti": parti_page,
    "c-universite": universite_page,
    "c-slider": slider_page,
    "c-url": url_page,
    "c-mobil": mobil_page,
    "c-sayfali": sayfali_page,
}

PAGES: tuple[CmsPage, ...] = (
    CmsPage(
        "blind-c-itemprop-01",
        "c-itemprop",
        "https://corumhabermerkezi.example/yerel/iskilip-dolmasi-tescil-46211",
        "İskilip dolmasına coğrafi işaret tescili",
        _at(19, 13, 40),
        (
            "İskilip dolması, Türk Patent ve Marka Kurumu tarafından coğrafi işaretle tescil "
            "edildi. Başvuru iki yıl önce İskilip Belediyesi ve ilçe ticaret odası tarafından "
            "birlikte yapılmıştı.",
            "Tescil belgesiyle birlikte dolmanın pirinç, kuzu eti ve iç yağ oranları ile "
            "kazanda pişirilme yöntemi kayıt altına alındı. Belgeye uymayan işletmeler ürünü bu "
            "adla satamayacak.",
            "İlçedeki lokantacılar, tescilin düğün ve bayram sofralarının vazgeçilmezi olan "
            "dolmayı daha geniş kitlelere tanıtacağını söyledi.",
        ),
        extra={"shown": "19 Kasım 2025 Çarşamba 13:40"},
    ),
    CmsPage(
        "blind-c-itemprop-02",
        "c-itemprop",
        "https://corumhabermerkezi.example/ekonomi/leblebi-ihracati-artti-46240",
        "Çorum leblebisinin ihracatı yüzde 18 arttı",
        _at(20, 10, 5),
        (
            "Çorum'dan yapılan leblebi ihracatı yılın ilk on ayında geçen yılın aynı dönemine "
            "göre yüzde on sekiz arttı. En çok satış Almanya, Hollanda ve Irak'a yapıldı.",
            "Leblebi üreticileri derneği başkanı, ambalajlı ürünlerin market zincirlerinde yer "
            "bulmasının artışta belirleyici olduğunu anlattı.",
            "Dernek, gelecek yıl Körfez ülkelerinde düzenlenecek gıda fuarlarına ortak stantla "
            "katılmayı planlıyor.",
        ),
        extra={"shown": "20.11.2025 - 10:05"},
    ),
    CmsPage(
        "blind-c-tablo-01",
        "c-tablo",
        "http://www.amasyatarim.example/haber.asp?id=1187",
        "Merzifon'da sertifikalı tohum dağıtımı",
        _at(12, 9, 30),
        (
            "İlçe Tarım ve Orman Müdürlüğü, Merzifon ovasındaki yüz yirmi çiftçiye yüzde elli "
            "hibeli sertifikalı buğday tohumu dağıttı.",
            "Dağıtım, kooperatif deposunda kura sonucuna göre yapıldı. Tohumlar kıraç arazilere "
            "uygun kuraklığa dayanıklı çeşitlerden seçildi.",
            "Müdürlük, ekimin kasım sonuna kadar tamamlanmasını ve ekim sonrasında tarlaların "
            "teknik personelce denetleneceğini bildirdi.",
        ),
        extra={
            "site": "Amasya İl Tarım ve Orman Müdürlüğü",
            "created": "12.11.2025 09:30",
            "updated": "14.11.2025 16:02",
        },
    ),
    CmsPage(
        "blind-c-tablo-02",
        "c-tablo",
        "http://www.amasyatarim.example/haber.asp?id=1192",
        "Suluova'da süt sığırcılığı eğitimi verildi",
        _at(17, 14, 0),
        (
            "Suluova'da süt sığırcılığı yapan elli üreticiye hayvan besleme ve ahır hijyeni "
            "konularında üç günlük eğitim verildi.",
            "Eğitimi tamamlayan üreticilere katılım belgeleri törenle verildi. Eğitimde "
            "buzağı ölümlerini azaltmaya yönelik uygulamalar da anlatıldı.",
        ),
        extra={
            "site": "Amasya İl Tarım ve Orman Müdürlüğü",
            "created": "17.11.2025 14:00",
            "updated": "18.11.2025 08:45",
        },
    ),
    CmsPage(
        "blind-c-parti-01",
        "c-parti",
        "https://tokat.mhp-il.example/haber/il-baskani-esnaf-ziyareti",
        "İl Başkanımız Arasta esnafını ziyaret etti",
        _at(18),
        (
            "İl Başkanımız ve yönetim kurulu üyelerimiz, Tokat Arasta Çarşısı'ndaki esnafı "
            "ziyaret ederek kış aylarındaki sorunlarını dinledi.",
            "Esnaf, çarşının çatı onarımının bir an önce tamamlanmasını ve otopark sorununun "
            "çözülmesini talep etti. Talepler ilgili kurumlara iletilecek.",
            "Ziyarette esnafa teşkilatımızın takvimi ve il danışma meclisi toplantısının "
            "programı hakkında bilgi verildi.",
            "Kamuoyunun bilgisine saygıyla sunarız. İl Başkanlığı",
        ),
        precision="day",
        extra={"party": "MHP Tokat İl Başkanlığı", "shown": "18 Kasım 2025"},
    ),
    CmsPage(
        "blind-c-parti-02",
        "c-parti",
        "https://sinop.chp-il.example/haberler/dogalgaz-aciklamasi",
        "Boyabat'a doğal gaz sözü tutulmalıdır",
        _at(20),
        (
            "İl Başkanımız, Boyabat ve Durağan ilçelerine doğal gaz verilmesi için yıllardır "
            "verilen sözlerin hâlâ yerine getirilmediğini söyledi.",
            "Açıklamada, kış aylarında odun ve kömür fiyatlarının iki katına çıktığı, dar "
            "gelirli ailelerin ısınmakta zorlandığı vurgulandı.",
            "Sorunun çözümü için meclis gündemine soru önergesi verileceği ve ilçe "
            "örgütlerimizin imza kampanyası başlatacağı duyuruldu.",
            "Saygılarımızla. CHP Sinop İl Başkanlığı",
        ),
        precision="day",
        extra={"party": "CHP Sinop İl Başkanlığı", "shown": "20.11.2025"},
    ),
    CmsPage(
        "blind-c-universite-01",
        "c-universite",
        "https://www.kuzeyuniversitesi.example/haber/findik-zararlisi-projesi",
        "Fındık zararlısına karşı biyolojik mücadele projesi",
        _at(14),
        (
            "Ziraat Fakültesi Bitki Koruma Bölümü öğretim üyelerinin yürüttüğü proje, fındık "
            "bahçelerindeki kahverengi kokarcaya karşı doğal düşman böceklerin kullanılmasını "
            "amaçlıyor.",
            "Proje kapsamında üç ilde deneme bahçeleri kuruldu. İlk sonuçlar, ilaçlama "
            "sayısının yarıya indirilebileceğini gösteriyor.",
            "Proje yürütücüsü, elde edilen bulguların gelecek bahar üreticilerle paylaşılacağını "
            "ve eğitim toplantıları düzenleneceğini söyledi.",
        ),
        precision="day",
        extra={"site": "Kuzey Üniversitesi", "shown": "14.11.2025"},
    ),
    CmsPage(
        "blind-c-universite-02",
        "c-universite",
        "https://www.kuzeyuniversitesi.example/haber/robot-takimi-birincilik",
        "Robot takımımız bölge yarışmasında birinci oldu",
        _at(21),
        (
            "Mühendislik Fakültesi öğrencilerinden oluşan robot takımı, Karadeniz bölgesi "
            "üniversiteler arası robot yarışmasında birinci oldu.",
            "Takımın geliştirdiği arama kurtarma robotu, enkaz pistini en kısa sürede "
            "tamamlayan ve en çok hedefi bulan robot oldu.",
            "Rektör, takım üyelerini makamında kabul ederek tebrik etti ve ulusal finaldeki "
            "başarıları için destek sözü verdi.",
        ),
        precision="day",
        extra={"site": "Kuzey Üniversitesi", "shown": "21 Kasım 2025"},
    ),
    CmsPage(
        "blind-c-slider-01",
        "c-slider",
        "https://www.bafra-bel.example/haber/kapali-pazar-yeri-acildi",
        "Kapalı pazar yeri hizmete açıldı",
        _at(15, 11, 0),
        (
            "Bafra Belediyesi tarafından yapımı tamamlanan kapalı pazar yeri, düzenlenen törenle "
            "hizmete açıldı. Pazar yerinde üç yüz tezgah ve yüz elli araçlık otopark bulunuyor.",
            "Belediye Başkanı, üreticilerin artık yağmur ve kar altında satış yapmak zorunda "
            "kalmayacağını söyledi.",
            "Pazar yeri cumartesi ve çarşamba günleri kurulacak, diğer günlerde ise spor ve "
            "kültür etkinliklerine ev sahipliği yapacak.",
        ),
        extra={
            "site": "Bafra Belediyesi",
            "shown": "15.11.2025 11:00",
            "captions": "Açılış töreninden bir kare|Pazar yerinin iç görünümü|Otopark alanı",
        },
    ),
    CmsPage(
        "blind-c-slider-02",
        "c-slider",
        "https://www.bafra-bel.example/haber/cocuk-oyun-parklari-yenilendi",
        "Mahallelerdeki çocuk oyun parkları yenilendi",
        _at(19, 15, 30),
        (
            "Park ve Bahçeler Müdürlüğü, on iki mahalledeki çocuk oyun parklarını yeniledi. "
            "Eskiyen oyun grupları sökülerek yerlerine kauçuk zeminli yeni gruplar kuruldu.",
            "Parklara ayrıca engelli çocukların da kullanabileceği salıncaklar yerleştirildi.",
        ),
        extra={
            "site": "Bafra Belediyesi",
            "shown": "19 Kasım 2025 15:30",
            "captions": "Yenilenen park|Kauçuk zemin serimi|Engelli salıncağı|Çocuklar parkta",
        },
    ),
    CmsPage(
        "blind-c-url-01",
        "c-url",
        "https://erbaahayna.example/haber/2025/11/18/kuru-kayisi-kooperatifi",
        "Kuru kayısı kooperatifi ilk ihracatını yaptı",
        _at(18),
        (
            "Erbaa'da kadın üreticilerin kurduğu kooperatif, ilk ihracatında iki ton kuru "
            "kayısıyı Almanya'ya gönderdi.",
            "Kooperatif başkanı, ürünlerin güneşte kurutulduğunu ve hiçbir katkı maddesi "
            "kullanılmadığını anlattı. Kooperatifin altmış ortağı bulunuyor.",
        ),
        precision="day",
        extra={"site": "Erbaa Ayna", "shown": "4 gün önce"},
    ),
    CmsPage(
        "blind-c-url-02",
        "c-url",
        "https://niksarses.example/gundem/20251117/kaplica-tesisi-ihalesi",
        "Kaplıca tesisinin ihalesi yapıldı",
        _at(17),
        (
            "Niksar'daki kaplıca tesisinin yenilenmesi için açılan ihaleyi yerel bir inşaat "
            "firması kazandı. Tesisin bir yıl içinde tamamlanması bekleniyor.",
            "Yeni tesiste kapalı havuz, otuz oda ve fizik tedavi ünitesi yer alacak. Belediye, "
            "tesisin ilçe turizmine canlılık getireceğini belirtti.",
        ),
        precision="day",
        extra={"site": "Niksar Ses", "shown": "5 gün önce"},
    ),
    CmsPage(
        "blind-c-mobil-01",
        "c-mobil",
        "https://m.yozgatpostasi.example/haber/sorgun-kaplica-yolu-45120",
        "Sorgun kaplıca yolu genişletiliyor",
        _at(20, 14, 5),
        (
            "Sorgun'da ilçe merkezini kaplıca bölgesine bağlayan yol dört şeride çıkarılıyor. "
            "Çalışmaların bahar aylarında tamamlanması planlanıyor.",
            "Yol boyunca bisiklet yolu ve yürüyüş alanı da yapılacak. Kaplıcaya gelen "
            "ziyaretçi sayısının artmasıyla hafta sonları trafik yoğunluğu yaşanıyordu.",
        ),
        extra={"site": "Yozgat Postası", "shown": "20.11.2025 | 14:05"},
    ),
    CmsPage(
        "blind-c-mobil-02",
        "c-mobil",
        "https://m.yozgatpostasi.example/haber/bogazliyan-kutuphane-45133",
        "Boğazlıyan'a yeni ilçe kütüphanesi",
        _at(21, 9, 50),
        (
            "Boğazlıyan'da eski hükümet konağı binası restore edilerek ilçe halk kütüphanesine "
            "dönüştürüldü. Kütüphanede on iki bin kitap ve çocuk okuma salonu bulunuyor.",
            "Kütüphane hafta içi akşam sekize kadar, cumartesi günleri ise öğlene kadar açık "
            "olacak.",
        ),
        extra={"site": "Yozgat Postası", "shown": "21 Kasım 2025, 09:50"},
    ),
    CmsPage(
        "blind-c-sayfali-01",
        "c-sayfali",
        "https://kastamonugazete.example/dosya/kis-turizmi-ilgaz-1",
        "Ilgaz'da kış turizmi sezonu: otellerde doluluk yüzde doksan",
        _at(16, 8, 30),
        (
            "Ilgaz Dağı'ndaki kayak merkezinde sezon açılışına günler kala otellerin doluluk "
            "oranı yüzde doksana ulaştı. Tesis işletmecileri, erken rezervasyonların geçen yılı "
            "geride bıraktığını söylüyor.",
            "Merkezde bu yıl iki yeni teleferik hattı hizmete girecek. Pistlerin toplam "
            "uzunluğu böylece yirmi kilometreyi aşacak.",
            "Kastamonu ve Çankırı'dan gelen günübirlik ziyaretçiler için hafta sonları ek "
            "otobüs seferleri de planlanıyor.",
        ),
        extra={"site": "Kastamonu Gazete"},
    ),
    CmsPage(
        "blind-c-sayfali-02",
        "c-sayfali",
        "https://kastamonugazete.example/dosya/tosya-pirinci-hasat-1",
        "Tosya pirincinde hasat tamamlandı, fiyatlar yükseldi",
        _at(13, 17, 15),
        (
            "Tosya ovasında pirinç hasadı tamamlandı. Bu yıl ekim alanının daralmasına rağmen "
            "dekar başına verim geçen yılın üzerinde gerçekleşti.",
            "Çeltik fabrikalarında işlenen pirincin kilogramı üreticiden seksen liradan "
            "alınıyor. Üreticiler, mazot ve gübre fiyatlarının kârı azalttığından yakınıyor.",
        ),
        extra={"site": "Kastamonu Gazete"},
    ),
)


def labelled_files() -> dict[str, bytes]:
    """The pages and their truth file (``blind-c.yaml``) for crawlers/labelled/."""
    header = (
        "# Blind set C: pages in further site styles, written after the blind-set-B fixes and\n"
        "# scored once (see crawlers/labelled/README.md and tests/crawlers/blind_pages_c.py).\n"
        "# Regenerate with: python -m tests.crawlers.blind_pages_c\n"
    )
    return labelled_group("blind-c", PAGES, RENDER, header)


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "crawlers" / "labelled"
    for file_name, content in labelled_files().items():
        (target / file_name).write_bytes(content)
