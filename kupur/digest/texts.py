"""The words of the mails in each language, and Turkish dates and numbers written the Turkish way."""

from __future__ import annotations

from datetime import date

from kupur.core.turkish import MONTH_NAMES

__all__ = ["LABELS", "format_date", "format_number", "format_period", "labels"]

_MONTHS = {
    "tr": MONTH_NAMES,
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

LABELS: dict[str, dict[str, str]] = {
    "tr": {
        "weekly_subject": "Kupür haftalık özet: {title} ({period})",
        "daily_subject": "Kupür günlük özet: {title} ({period})",
        "intro": "{period} dönemine ait haber özeti.",
        "search": "Kayıtlı arama",
        "query": "Sorgu",
        "total": "Bu dönem {current} haber (önceki dönem {previous})",
        "top_stories": "Öne çıkan haberler",
        "outlets": "{count} kaynakta yer aldı",
        "one_outlet": "1 kaynakta yer aldı",
        "no_stories": "Bu dönemde eşleşen haber yok.",
        "provinces": "İllere göre haber sayıları",
        "projects": "Projelere göre haber sayıları",
        "province": "İl",
        "project": "Proje",
        "this_period": "Bu dönem",
        "previous_period": "Önceki dönem",
        "change": "Değişim",
        "new": "yeni",
        "new_officials": "İlk kez geçen yetkililer",
        "new_projects": "İlk kez geçen projeler",
        "chart": "Günlük haber sayısı",
        "chart_alt": "Günlere göre haber sayısı grafiği",
        "footer": "Bu özet Kupür tarafından {subscription} aboneliği için hazırlandı.",
        "new_alert_subject": "Kupür uyarısı: {search} için {count} yeni haber",
        "new_alert_intro": "“{search}” aramasıyla eşleşen yeni haberler:",
        "spike_alert_subject": "Kupür uyarısı: {search} bugün olağan dışı yoğun ({count} haber)",
        "spike_alert_intro": (
            "“{search}” aramasıyla bugün {count} haber eşleşti; son {days} günün günlük "
            "ortalaması {baseline} idi ({factor} katı eşiği aşıldı)."
        ),
    },
    "en": {
        "weekly_subject": "Kupür weekly digest: {title} ({period})",
        "daily_subject": "Kupür daily digest: {title} ({period})",
        "intro": "News digest for {period}.",
        "search": "Saved search",
        "query": "Query",
        "total": "Articles this period: {current} (previous period: {previous})",
        "top_stories": "Top stories",
        "outlets": "carried by {count} outlets",
        "one_outlet": "carried by 1 outlet",
        "no_stories": "No matching articles in this period.",
        "provinces": "Articles per province",
        "projects": "Articles per project",
        "province": "Province",
        "project": "Project",
        "this_period": "This period",
        "previous_period": "Previous period",
        "change": "Change",
        "new": "new",
        "new_officials": "Officials seen for the first time",
        "new_projects": "Projects seen for the first time",
        "chart": "Articles per day",
        "chart_alt": "Chart of articles per day",
        "footer": "This digest was prepared by Kupür for the subscription {subscription}.",
        "new_alert_subject": "Kupür alert: {count} new articles for {search}",
        "new_alert_intro": "New articles matching “{search}”:",
        "spike_alert_subject": "Kupür alert: unusual volume for {search} today ({count} articles)",
        "spike_alert_intro": (
            "{count} articles matched “{search}” today; the daily average of the past {days} "
            "days was {baseline} (more than {factor} times that)."
        ),
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS[language]


def format_date(day: date, language: str) -> str:
    """``3 Kasım 2025`` / ``3 November 2025``."""
    return f"{day.day} {_MONTHS[language][day.month - 1]} {day.year}"


def format_period(start: date, last_day: date, language: str) -> str:
    """``3–9 Kasım 2025``, ``28 Ekim – 3 Kasım 2025``, or one day when the period is one day."""
    months = _MONTHS[language]
    if start == last_day:
        return format_date(start, language)
    if start.year != last_day.year:
        return f"{format_date(start, language)} – {format_date(last_day, language)}"
    if start.month != last_day.month:
        return (
            f"{start.day} {months[start.month - 1]} – "
            f"{last_day.day} {months[last_day.month - 1]} {last_day.year}"
        )
    return f"{start.day}–{last_day.day} {months[start.month - 1]} {start.year}"


def format_number(value: float, language: str, decimals: int = 0) -> str:
    """Turkish writes 1.615 and 4,2; English 1,615 and 4.2."""
    text = f"{value:,.{decimals}f}"
    if language == "tr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
