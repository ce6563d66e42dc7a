from __future__ import annotations

from kupur.crawlers.encoding import decode_html

PAGE = (
    '<html><head><meta charset="{charset}"></head>'
    "<body>Şanlıurfa'da Çağrı İğdır ığüşöç</body></html>"
)
TURKISH = "Şanlıurfa'da Çağrı İğdır ığüşöç"


def test_windows_1254_with_and_without_a_header() -> None:
    body = PAGE.format(charset="windows-1254").encode("cp1254")
    assert TURKISH in decode_html(body, "text/html; charset=windows-1254")[0]
    assert TURKISH in decode_html(body, "text/html")[0]
    assert TURKISH in decode_html(body, None)[0]


def test_iso_8859_9_declared_nowhere_or_wrongly() -> None:
    body = PAGE.replace('<meta charset="{charset}">', "").encode("iso-8859-9")
    assert TURKISH in decode_html(body, "text/html")[0]
    assert TURKISH in decode_html(body, "text/html; charset=ISO-8859-1")[0]
    assert TURKISH in decode_html(body, "text/html; charset=utf-8")[0]


def test_utf8_under_a_lazy_western_header() -> None:
    body = PAGE.format(charset="utf-8").encode("utf-8")
    text, encoding = decode_html(body, "text/html; charset=iso-8859-1")
    assert TURKISH in text
    assert encoding == "utf-8"
