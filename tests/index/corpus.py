"""A small Turkish news corpus for the search contract suite, written for these tests.

Each article exists to make one relevance case observable: upper-case İ/I, apostrophe suffixes
with both apostrophes, inflected forms for stemming, "AI" next to "aile" for over-stemming, one
story carried by two outlets. The 4-dimensional embeddings are hand-made: axis 0 is women's
cooperatives, 1 elderly care, 2 education technology, 3 regional projects.
"""

from __future__ import annotations

from datetime import datetime

from kupur.core.models import (
    ISTANBUL,
    Article,
    DistrictRef,
    Entities,
    OrganizationRef,
    Person,
    ProjectRef,
    ProvinceRef,
)

SAMSUN = ProvinceRef("Samsun", 55)
ORDU = ProvinceRef("Ordu", 52)
ISTANBUL_P = ProvinceRef("İstanbul", 34)
ANKARA = ProvinceRef("Ankara", 6)
TRABZON = ProvinceRef("Trabzon", 61)
OKA = OrganizationRef("Orta Karadeniz Kalkınma Ajansı", "OKA")
ASHB = OrganizationRef("Aile ve Sosyal Hizmetler Bakanlığı", "ASHB")
GUMRUKCU = Person("Kemal Gümrükçü", "İl Müdürü", "Samsun Aile ve Sosyal Hizmetler İl Müdürü")
SIROMA = ProjectRef("SİROMA", "siroma")


def _at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=ISTANBUL)


def corpus() -> list[Article]:
    return [
        Article(
            url="https://samsun.aile.gov.tr/haberler/kadin-kooperatiflerine-hibe/",
            source="aile.gov.tr",
            title="Samsun'da kadın kooperatiflerine hibe desteği",
            text=(
                "Samsun Aile ve Sosyal Hizmetler İl Müdürü Kemal Gümrükçü, Atakum ilçesinde "
                "faaliyet gösteren kadın kooperatiflerine SİROMA kapsamında hibe desteği "
                "verileceğini açıkladı. Orta Karadeniz Kalkınma Ajansı (OKA) ile yürütülen "
                "çalışmada 42 kooperatif başvuru yaptı. Gümrükçü, desteklerin üretimi "
                "artıracağını söyledi."
            ),
            published_at=_at("2025-11-05"),
            entities=Entities(
                provinces=[SAMSUN],
                districts=[DistrictRef("Atakum", "Samsun")],
                people=[GUMRUKCU],
                organizations=[OKA, ASHB],
                projects=[SIROMA],
            ),
            embedding=[1.0, 0.0, 0.05, 0.2],
            story_id="story-kooperatif",
        ),
        Article(
            url="https://www.karadenizgazetesi.example/samsun-haberleri/kooperatif-destegi-1001",
            source="karadenizgazetesi.example",
            title="Atakum'da kadın girişimcilere müjde",
            text=(
                "Samsun’dan sevindiren haber: Kemal GÜMRÜKÇÜ, Atakum’daki kadın kooperatiflerinin "
                "hibe ile destekleneceğini duyurdu. Program OKA iş birliğiyle sürdürülecek."
            ),
            published_at=_at("2025-11-06"),
            entities=Entities(
                provinces=[SAMSUN],
                districts=[DistrictRef("Atakum", "Samsun")],
                people=[GUMRUKCU],
                organizations=[OKA],
            ),
            embedding=[0.95, 0.05, 0.0, 0.25],
            story_id="story-kooperatif",
        ),
        Article(
            url="https://www.istanbulhaber.example/gundem/2025/11/12/yasli-bakim-merkezi",
            source="istanbulhaber.example",
            title="İSTANBUL'DA YAŞLI BAKIM MERKEZİ HİZMETE AÇILDI",
            text=(
                "İSTANBUL Büyükşehir sınırlarında 120 kişilik yaşlı bakım merkezi düzenlenen "
                "törenle açıldı. Merkezde fizyoterapi ve gündüz bakım hizmeti verilecek."
            ),
            published_at=_at("2025-11-12"),
            entities=Entities(provinces=[ISTANBUL_P]),
            embedding=[0.0, 1.0, 0.0, 0.0],
        ),
        Article(
            url="https://www.festivalhaber.example/kultur/istanbul-kultur-yolu",
            source="festivalhaber.example",
            title="Kültür Yolu Festivali sona erdi",
            text=(
                "Istanbul Kultur Yolu Festivali kapsamında düzenlenen konserler yoğun ilgi gördü. "
                "Organizasyon kasım ayı boyunca sürdü."
            ),
            published_at=_at("2025-11-30"),
            entities=Entities(provinces=[ISTANBUL_P]),
            embedding=[0.0, 0.3, 0.3, 0.0],
        ),
        Article(
            url="https://ankara.meb.gov.tr/haberler/yapay-zeka-egitim/",
            source="meb.gov.tr",
            title="Yapay zekâ destekli eğitim programı başladı",
            text=(
                "Ankara'da öğretmenlere yönelik AI destekli eğitim programı başladı. Programa ait "
                "ders içerikleri çevrim içi sunulacak; katılımcılar AI araçlarını sınıfta "
                "kullanmayı öğrenecek."
            ),
            published_at=_at("2025-10-20"),
            entities=Entities(provinces=[ANKARA]),
            embedding=[0.0, 0.0, 1.0, 0.1],
        ),
        Article(
            url="https://www.ordu.bel.tr/haberler/bolgesel-projeler-toplantisi",
            source="ordu.bel.tr",
            title="Ordu’dan Samsun’a uzanan projeler masaya yatırıldı",
            text=(
                "Bölgedeki projeler Ordu Valiliğinde düzenlenen toplantıda ele alındı. OKA "
                "temsilcileri kalkınma projelerinin takvimini paylaştı."
            ),
            published_at=_at("2025-11-20"),
            entities=Entities(provinces=[ORDU, SAMSUN], organizations=[OKA]),
            embedding=[0.1, 0.0, 0.0, 1.0],
        ),
        Article(
            url="https://www.trabzonpostasi.example/guncel/yeni-proje-1002-haberi/",
            source="trabzonpostasi.example",
            title="Trabzon için yeni proje hazırlığı",
            text="Trabzon'da gençlik merkezi için proje hazırlığı sürüyor. Proje 2026'da bitecek.",
            published_at=_at("2025-12-02"),
            entities=Entities(provinces=[TRABZON]),
            embedding=[0.0, 0.0, 0.2, 0.9],
        ),
        Article(
            url="https://trabzon.aile.gov.tr/haberler/koruyucu-aile-gunu/",
            source="aile.gov.tr",
            title="Koruyucu ailenin önemi anlatıldı",
            text=(
                "Trabzon Aile ve Sosyal Hizmetler İl Müdürlüğü, koruyucu aile gününde "
                "çocuklara sıcak bir yuva sağlayan ailelere teşekkür etti."
            ),
            published_at=_at("2025-11-28"),
            entities=Entities(provinces=[TRABZON], organizations=[ASHB]),
            embedding=[0.3, 0.2, 0.0, 0.0],
        ),
    ]


def ids_of(*indexes: int) -> set[str]:
    articles = corpus()
    return {articles[i].id for i in indexes}


# Positions in corpus(), named for readability in the tests.
KOOP, KOOP_COPY, YASLI, FESTIVAL, AI_EGITIM, PROJELER, PROJE, KORUYUCU = range(8)


VAN = ProvinceRef("Van", 65)
BOLU = ProvinceRef("Bolu", 14)
ZONGULDAK = ProvinceRef("Zonguldak", 67)


def names_corpus() -> list[Article]:
    """Names next to ordinary words that start like them: "Vanlı" written as one word (its own
    surface form), "vana" the valve in a Bolu story, "bol" beside "Bolu", armies beside Ordu."""
    return [
        Article(
            url="https://van.aile.gov.tr/haberler/vanli-kadinlar-sergi/",
            source="aile.gov.tr",
            title="Vanlı kadınların el emeği ürünleri sergilendi",
            text=(
                "Van Gölü kıyısında açılan sergide Vanlı kadınların dokuduğu kilimler ve "
                "işlemeler ziyaretçilerle buluştu."
            ),
            entities=Entities(provinces=[VAN]),
        ),
        Article(
            url="https://www.vanekspres.example/guncel/kis-lastigi-denetimi-2001",
            source="vanekspres.example",
            title="Van'da kış lastiği denetimi",
            text="Van’da trafik ekipleri kış lastiği denetimini sürdürüyor.",
            entities=Entities(provinces=[VAN]),
        ),
        Article(
            url="https://www.bolu.bel.tr/haberler/su-arizasi-giderildi",
            source="bolu.bel.tr",
            title="Bolu'da su arızası giderildi",
            text=(
                "Bolu Belediyesi ekipleri, Karaçayır Mahallesi'nde arızalanan ana vanayı gece "
                "boyunca çalışarak değiştirdi. Yeni vana ile basınç kayıpları önlenecek."
            ),
            entities=Entities(provinces=[BOLU]),
        ),
        Article(
            url="https://www.karadenizhaber.example/gundem/bol-yagis-uyarisi-2002",
            source="karadenizhaber.example",
            title="Karadeniz için bol yağış uyarısı",
            text="Meteoroloji, hafta sonu kıyı kesimlerde bol yağış beklendiğini duyurdu.",
        ),
        Article(
            url="https://www.zonguldakpostasi.example/guncel/maden-isci-egitimi-2003",
            source="zonguldakpostasi.example",
            title="Zonguldak'ta maden işçilerine iş güvenliği eğitimi",
            text="Zonguldak’ta düzenlenen eğitime 300 maden işçisi katıldı.",
            entities=Entities(provinces=[ZONGULDAK]),
        ),
        Article(
            url="https://www.tarihdergisi.example/makale/osmanli-ordulari-2004",
            source="tarihdergisi.example",
            title="Osmanlı orduları sergisi açıldı",
            text="Sergide orduların kullandığı harita ve çadırlar gösteriliyor.",
        ),
        Article(
            url="https://www.ordu.bel.tr/haberler/findik-hasadi",
            source="ordu.bel.tr",
            title="Ordu'da fındık hasadı başladı",
            text="Ordu’da üreticiler fındık hasadına başladı.",
            entities=Entities(provinces=[ORDU]),
        ),
    ]


def names_ids(*indexes: int) -> set[str]:
    articles = names_corpus()
    return {articles[i].id for i in indexes}


VANLI, VAN_DA, BOLU_VANA, BOL_YAGIS, ZONGULDAK_TA, ORDULAR, ORDU_DA = range(7)
