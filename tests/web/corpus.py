"""A small enriched corpus for the web and research tests, written for them.

Three outlets, two projects across four months, officials with titles, one story carried by two
outlets, and one article whose title and body carry planted markup (a crawled page must never be
able to run script in a reader's browser).
"""

from __future__ import annotations

import re
from datetime import datetime

from kupur.core.models import (
    ISTANBUL,
    Article,
    DistrictRef,
    Entities,
    Mention,
    OrganizationRef,
    Person,
    ProjectRef,
    ProvinceRef,
)

SAMSUN = ProvinceRef("Samsun", 55)
ORDU = ProvinceRef("Ordu", 52)
TRABZON = ProvinceRef("Trabzon", 61)
SIROMA = ProjectRef("SİROMA", "siroma")
YADES = ProjectRef("Yaşlı Destek Programı", "yades")
OKA = OrganizationRef("Orta Karadeniz Kalkınma Ajansı", "OKA")
ASHB = OrganizationRef("Aile ve Sosyal Hizmetler Bakanlığı", "ASHB")
AKBAS = Person("Selin Akbaş", "İl Müdürü", "Ordu Aile ve Sosyal Hizmetler İl Müdürü")
KARACA = Person("Murat Karaca", "Vali", "Samsun Valisi")
TUNC = Person("Hülya Tunç", "Genel Müdür", "Engelli ve Yaşlı Hizmetleri Genel Müdürü")

PLANTED_TITLE = 'Ordu\'da yaşlı bakımı <script>document.title="PWNED"</script>'
PLANTED_BODY = (
    "Ordu İl Müdürü Selin Akbaş, Yaşlı Destek Programı kapsamında evde bakım ziyaretlerinin "
    "arttığını söyledi. <script>window.kupurPwned = 1; document.title = 'PWNED';</script>\n"
    'Programın ikinci döneminde <img src="x" onerror="window.kupurPwned = 2"> 320 haneye '
    "ulaşılması hedefleniyor."
)


def _at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=ISTANBUL)


def _mentions(text: str, labels: dict[str, str]) -> list[Mention]:
    found = []
    for surface, label in labels.items():
        for match in re.finditer(re.escape(surface), text):
            found.append(Mention(surface, label, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _article(
    slug: str,
    source: str,
    title: str,
    text: str,
    day: str,
    *,
    provinces: list[ProvinceRef],
    people: list[Person] = (),  # type: ignore[assignment]
    organizations: list[OrganizationRef] = (),  # type: ignore[assignment]
    projects: list[ProjectRef] = (),  # type: ignore[assignment]
    districts: list[DistrictRef] = (),  # type: ignore[assignment]
    story: str | None = None,
    labels: dict[str, str] | None = None,
) -> Article:
    labels = dict(labels or {})
    for p in provinces:
        labels.setdefault(p.name, "province")
    for person in people:
        labels.setdefault(person.name, "person")
    for project in projects:
        labels.setdefault(project.name, "project")
    for org in organizations:
        labels.setdefault(org.name, "organization")
    return Article(
        url=f"https://{source}/haberler/{slug}",
        source=source,
        title=title,
        text=text,
        published_at=_at(day),
        entities=Entities(
            provinces=list(provinces),
            districts=list(districts),
            people=list(people),
            organizations=list(organizations),
            projects=list(projects),
            mentions=_mentions(text, labels),
        ),
        story_id=story,
    )


def corpus() -> list[Article]:
    return [
        _article(
            "siroma-samsun-tanitim",
            "aile.gov.tr",
            "SİROMA projesi Samsun'da tanıtıldı",
            "Samsun Valisi Murat Karaca, SİROMA projesinin tanıtım toplantısına katıldı. "
            "Orta Karadeniz Kalkınma Ajansı ile yürütülecek projede 1.200 kadına mesleki "
            "eğitim verilecek.\nKaraca, projenin ilin sosyal hizmet kapasitesini artıracağını "
            "belirtti.",
            "2025-09-04",
            provinces=[SAMSUN],
            people=[KARACA],
            organizations=[OKA],
            projects=[SIROMA],
            districts=[DistrictRef("Atakum", "Samsun")],
        ),
        _article(
            "siroma-ordu-kooperatif",
            "ordu.aile.gov.tr",
            "Ordu'da kadın kooperatiflerine SİROMA desteği",
            "Ordu Aile ve Sosyal Hizmetler İl Müdürü Selin Akbaş, SİROMA kapsamında 14 kadın "
            "kooperatifine hibe verileceğini açıkladı.\nDestekler Orta Karadeniz Kalkınma "
            "Ajansı iş birliğiyle sağlanacak.",
            "2025-10-02",
            provinces=[ORDU],
            people=[AKBAS],
            organizations=[OKA],
            projects=[SIROMA],
            story="story-ordu-kooperatif",
        ),
        _article(
            "ordu-kooperatif-hibe-4411",
            "karadenizhaber.example",
            "Ordulu kadın girişimcilere hibe müjdesi",
            "İl Müdürü Selin Akbaş, SİROMA ile 14 kooperatifin destekleneceğini duyurdu. "
            "Başvurular Ordu'da kasım sonuna kadar sürecek.",
            "2025-10-03",
            provinces=[ORDU],
            people=[AKBAS],
            projects=[SIROMA],
            story="story-ordu-kooperatif",
        ),
        _article(
            "yades-samsun-evde-bakim",
            "aile.gov.tr",
            "Yaşlı Destek Programı Samsun'da genişliyor",
            "Engelli ve Yaşlı Hizmetleri Genel Müdürü Hülya Tunç, Yaşlı Destek Programı'nın "
            "Samsun'da 6 ilçeye daha yayılacağını söyledi.\nAile ve Sosyal Hizmetler Bakanlığı "
            "programa 48 milyon lira ayırdı.",
            "2025-10-20",
            provinces=[SAMSUN],
            people=[TUNC],
            organizations=[ASHB],
            projects=[YADES],
        ),
        _article(
            "trabzon-yades-ziyaret",
            "karadenizhaber.example",
            "Trabzon'da yaşlılara evde bakım ziyareti",
            "Yaşlı Destek Programı ekipleri Trabzon'da 85 yaşlıyı evinde ziyaret etti. Genel "
            "Müdür Hülya Tunç, ziyaretlerin aralıkta da süreceğini açıkladı.",
            "2025-11-12",
            provinces=[TRABZON],
            people=[TUNC],
            projects=[YADES],
        ),
        _article(
            "samsun-siroma-sertifika",
            "samsunses.example",
            "SİROMA kursiyerleri sertifikalarını aldı",
            "Samsun'da SİROMA kapsamında eğitim alan 240 kadın sertifika töreninde buluştu. "
            "Vali Murat Karaca kursiyerleri tebrik etti ve Selin Akbaş'ın Ordu'daki "
            "çalışmalarını örnek gösterdi.",
            "2025-11-20",
            provinces=[SAMSUN, ORDU],
            people=[KARACA, AKBAS],
            projects=[SIROMA],
        ),
        _article(
            "trabzon-ihale",
            "samsunses.example",
            "Trabzon'da huzurevi ihalesi sonuçlandı",
            "Trabzon'da yapılacak yeni huzurevinin ihalesi sonuçlandı. Aile ve Sosyal "
            "Hizmetler Bakanlığı inşaatın 18 ayda bitmesini bekliyor.",
            "2025-12-01",
            provinces=[TRABZON],
            organizations=[ASHB],
        ),
        _article(
            "ordu-yasli-bakim-planted",
            "ordu.aile.gov.tr",
            PLANTED_TITLE,
            PLANTED_BODY,
            "2025-12-03",
            provinces=[ORDU],
            people=[AKBAS],
            projects=[YADES],
        ),
    ]


PLANTED_ID = corpus()[-1].id
