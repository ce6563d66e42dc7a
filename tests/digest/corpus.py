"""A small Samsun-centred corpus for the digest and alert tests, written for these tests.

Dates are chosen around the week of 3–9 November 2025 (the digest period when "today" is Monday
10 November): one story carried by three outlets, two more Samsun articles in the week, an Ordu
article that Samsun searches must not count, two Samsun articles in the week before, and one in
September that makes Ahmet Kaya and SİROMA already known before the period.
"""

from __future__ import annotations

from datetime import datetime

from kupur.core.models import ISTANBUL, Article, Entities, Person, ProjectRef, ProvinceRef

SAMSUN = ProvinceRef("Samsun", 55)
ORDU = ProvinceRef("Ordu", 52)
ELIF = Person("Elif Demirtaş", "İl Müdürü", "Samsun Aile ve Sosyal Hizmetler İl Müdürü")
AHMET = Person("Ahmet Kaya", "Vali Yardımcısı", "Samsun Vali Yardımcısı")
SIROMA = ProjectRef("SİROMA", "siroma")
ADEP = ProjectRef("Aile Destek Programı", "adep")


def _at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2025, month, day, hour, 0, tzinfo=ISTANBUL)


def _article(
    url: str,
    source: str,
    title: str,
    text: str,
    published: datetime,
    *,
    provinces: list[ProvinceRef],
    people: list[Person] | None = None,
    projects: list[ProjectRef] | None = None,
    story: str | None = None,
) -> Article:
    return Article(
        url=url,
        source=source,
        title=title,
        text=text,
        published_at=published,
        entities=Entities(provinces=provinces, people=people or [], projects=projects or []),
        story_id=story,
    )


STORY_URLS = (
    "https://samsun.example.gov.tr/haberler/koruyucu-aile-gunu-2025/",
    "https://karadenizhaber.example.com/samsun-haberleri/koruyucu-aileler-bulustu-48211",
    "https://bakanlik.example.gov.tr/haberler/samsunda-koruyucu-aile-bulusmasi/",
)

WEEK = [
    _article(
        STORY_URLS[0],
        "samsun-ilmudurlugu",
        "Koruyucu Aile Günü'nde 120 Aile Bir Araya Geldi",
        "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü tarafından düzenlenen Koruyucu Aile Günü "
        "etkinliğine 120 aile katıldı. İl Müdürü Elif Demirtaş, koruyucu aile sayısının son bir "
        "yılda yüzde 18 arttığını söyledi.",
        _at(4, 11),
        provinces=[SAMSUN],
        people=[ELIF],
        story="koruyucu-aile-samsun",
    ),
    _article(
        STORY_URLS[1],
        "karadeniz-haber",
        "Samsun'da Koruyucu Aileler Buluştu",
        "Samsun'da koruyucu aileler Atakum'daki etkinlikte buluştu. İl Müdürü Elif Demirtaş, "
        "çocukların aile ortamında büyümesinin önemine dikkat çekti.",
        _at(4, 18),
        provinces=[SAMSUN],
        people=[ELIF],
        story="koruyucu-aile-samsun",
    ),
    _article(
        STORY_URLS[2],
        "bakanlik",
        "Samsun'da Koruyucu Aile Buluşması Gerçekleştirildi",
        "Bakanlığımızca desteklenen koruyucu aile buluşması Samsun'da yapıldı. Etkinlikte "
        "koruyucu ailelere teşekkür belgeleri verildi.",
        _at(5, 9),
        provinces=[SAMSUN],
        story="koruyucu-aile-samsun",
    ),
    _article(
        "https://karadenizhaber.example.com/samsun-haberleri/siroma-meslek-kursu-48290",
        "karadeniz-haber",
        "Atakum'da SİROMA Kapsamında Kadınlara Meslek Kursu Açıldı",
        "SİROMA projesi kapsamında Atakum'da kadınlara yönelik el sanatları kursu açıldı. Açılışa "
        "Vali Yardımcısı Ahmet Kaya katıldı.",
        _at(6, 14),
        provinces=[SAMSUN],
        people=[AHMET],
        projects=[SIROMA],
        story="siroma-kurs-atakum",
    ),
    _article(
        "https://samsun.example.gov.tr/haberler/aile-destek-programi-basvurulari/",
        "samsun-ilmudurlugu",
        "Bafra'da Aile Destek Programı Başvuruları Başladı",
        "Aile Destek Programı kapsamında Bafra'daki ailelerin başvuruları alınmaya başlandı. "
        "Başvurular sosyal hizmet merkezlerinden yapılabiliyor.",
        _at(7, 10),
        provinces=[SAMSUN],
        projects=[ADEP],
        story="adep-bafra",
    ),
    _article(
        "https://karadenizhaber.example.com/ordu-haberleri/yasli-bakim-merkezi-48250",
        "karadeniz-haber",
        "Ordu'da Yaşlı Bakım Merkezine Yeni Hizmet Binası",
        "Ordu'da yaşlı bakım merkezi için yapılan yeni hizmet binası tamamlandı.",
        _at(5, 15),
        provinces=[ORDU],
        story="ordu-yasli-bakim",
    ),
]

PREVIOUS_WEEK = [
    _article(
        "https://samsun.example.gov.tr/haberler/evde-bakim-ziyaretleri/",
        "samsun-ilmudurlugu",
        "Yaşlılara Evde Bakım Ziyaretleri Sürüyor",
        "Samsun'da evde bakım ekipleri ekim ayında 340 yaşlıyı ziyaret etti.",
        _at(29, 10, month=10),
        provinces=[SAMSUN],
        story="evde-bakim",
    ),
    _article(
        "https://samsun.example.gov.tr/haberler/siroma-degerlendirme-toplantisi/",
        "samsun-ilmudurlugu",
        "SİROMA Değerlendirme Toplantısı Yapıldı",
        "Samsun'da SİROMA projesinin değerlendirme toplantısı Vali Yardımcısı Ahmet Kaya "
        "başkanlığında yapıldı.",
        _at(30, 15, month=10),
        provinces=[SAMSUN],
        people=[AHMET],
        projects=[SIROMA],
        story="siroma-toplanti",
    ),
]

EARLIER = [
    _article(
        "https://samsun.example.gov.tr/haberler/siroma-acilis/",
        "samsun-ilmudurlugu",
        "SİROMA Projesinin Açılışı Yapıldı",
        "SİROMA projesinin Samsun ayağının açılışı Vali Yardımcısı Ahmet Kaya'nın katılımıyla "
        "yapıldı.",
        _at(15, 11, month=9),
        provinces=[SAMSUN],
        people=[AHMET],
        projects=[SIROMA],
        story="siroma-acilis",
    ),
]

ALL = WEEK + PREVIOUS_WEEK + EARLIER


def samsun_news(day: int, number: int, month: int = 11) -> Article:
    """A fresh Samsun article published on that day (for alert tests)."""
    return _article(
        f"https://karadenizhaber.example.com/samsun-haberleri/gunun-haberi-{month}-{day}-{number}",
        "karadeniz-haber",
        f"Samsun'da Sosyal Hizmet Merkezine Yoğun İlgi ({number})",
        f"Samsun'daki sosyal hizmet merkezlerine gün boyunca başvuru yapıldı. Haber {number}.",
        _at(day, 9 + number % 8, month=month),
        provinces=[SAMSUN],
        story=f"yogun-ilgi-{month}-{day}-{number}",
    )
