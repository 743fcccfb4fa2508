from __future__ import annotations

import pytest

from feeds.charset import decode, header_charset

PERSIAN = "افزايش بارندگي در استان کرمان"  # Arabic yeh: what windows-1256 can carry
XML_1256 = f'<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>{PERSIAN}</title></channel></rss>'
XML_UTF8 = f'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>{PERSIAN}</title></channel></rss>'
BARE = f"<rss><channel><title>{PERSIAN}</title></channel></rss>"

CASES = [
    ("utf8-labelled", XML_UTF8.encode(), "application/rss+xml; charset=utf-8", "utf-8"),
    ("utf8-bom", b"\xef\xbb\xbf" + XML_UTF8.encode(), None, "utf-8-sig"),
    ("utf16-bom", XML_UTF8.replace("utf-8", "utf-16").encode("utf-16"), None, "utf-16"),
    ("1256-declared", XML_1256.encode("cp1256"), "text/xml", "windows-1256"),
    ("1256-header-says-utf8", XML_1256.encode("cp1256"), "text/xml; charset=utf-8", "windows-1256"),
    ("1256-header-only", BARE.encode("cp1256"), "text/xml; charset=windows-1256", "windows-1256"),
    ("1256-unlabelled", BARE.encode("cp1256"), "text/xml", "windows-1256"),
    ("utf8-declared-1256", XML_1256.encode("utf-8"), "text/xml; charset=windows-1256", "utf-8"),
    ("utf8-unlabelled", BARE.encode(), None, "utf-8"),
]


@pytest.mark.parametrize(("body", "content_type", "encoding"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_persian_text_survives_every_labelling(body: bytes, content_type: str | None, encoding: str) -> None:
    got = decode(body, content_type)
    assert PERSIAN in got.text
    assert got.encoding == encoding
    assert not got.text.startswith("\ufeff")


def test_html_meta_charset() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    page = f"<html><head>{meta}</head><body>{PERSIAN}</body></html>"
    got = decode(page.encode("cp1256"), "text/html")
    assert PERSIAN in got.text and got.encoding == "windows-1256" and got.declared == "windows-1256"


@pytest.mark.parametrize("label", ["base64", "rot13", "no-such-codec", "zip"])
def test_bogus_declared_encodings_are_ignored(label: str) -> None:
    body = f'<?xml version="1.0" encoding="{label}"?><rss><title>{PERSIAN}</title></rss>'.encode("cp1256")
    got = decode(body)
    assert PERSIAN in got.text and got.encoding == "windows-1256"


def test_never_raises_on_garbage() -> None:
    got = decode(bytes(range(256)) * 3, "text/xml; charset=utf-16")
    assert isinstance(got.text, str)


def test_header_charset() -> None:
    assert header_charset('text/xml; charset="Windows-1256"') == "windows-1256"
    assert header_charset("text/xml") is None
    assert header_charset(None) is None


FA = "مدیرکل بهزیستی خوزستان گفت: ۱۲ هزار زن سرپرست خانوار زیر پوشش هستند"  # Persian yeh and digits
FEED = f'<?xml version="1.0" encoding="{{label}}"?>\n<rss version="2.0"><channel><title>{FA}</title></channel></rss>'
WIDE = [
    ("utf16le", "utf-16", "utf-16-le"),
    ("utf16be", "utf-16", "utf-16-be"),
    ("utf32le", "utf-32", "utf-32-le"),
    ("utf32be", "utf-32", "utf-32-be"),
]


@pytest.mark.parametrize(("label", "codec"), [c[1:] for c in WIDE], ids=[c[0] for c in WIDE])
def test_utf16_and_utf32_without_bom(label: str, codec: str) -> None:
    got = decode(FEED.format(label=label).encode(codec), "application/rss+xml")
    assert FA in got.text and got.encoding == codec


@pytest.mark.parametrize("bad", [b"\xd8", b"\xff", b"\xd8\xd8\xd8"], ids=["cut-letter", "stray-ff", "three"])
def test_utf8_with_a_few_bad_bytes_stays_utf8(bad: bytes) -> None:
    body = FEED.format(label="utf-8").encode().replace(b"</title>", bad + b"</title>")
    got = decode(body, "text/xml; charset=utf-8")
    assert FA in got.text and got.encoding == "utf-8"
    assert 1 <= got.text.count("\ufffd") <= len(bad)


def test_many_items_each_cut_mid_letter_stay_utf8() -> None:
    item = f"<item><title>{FA}</title><description>{FA[:-1]}".encode() + "ن".encode()[:1] + b"</description></item>"
    got = decode(b'<?xml version="1.0" encoding="utf-8"?><rss><channel>' + item * 20 + b"</channel></rss>")
    assert got.encoding == "utf-8" and got.text.count(FA) == 20 and got.text.count("\ufffd") == 20


def test_valid_persian_is_never_read_as_windows_1256() -> None:
    body = FEED.format(label="windows-1256").encode()
    for content_type in (None, "text/xml; charset=windows-1256", "text/xml; charset=iso-8859-1"):
        got = decode(body, content_type)
        assert FA in got.text and got.encoding == "utf-8"


def test_latin_label_on_a_windows_1256_body() -> None:
    body = XML_1256.replace("windows-1256", "iso-8859-1").encode("cp1256")
    got = decode(body, "text/xml; charset=iso-8859-1")
    assert PERSIAN in got.text and got.encoding == "windows-1256"


def test_latin_text_keeps_its_latin_label() -> None:
    body = '<?xml version="1.0" encoding="iso-8859-1"?><rss><title>Café à Téhéran</title></rss>'.encode("latin-1")
    got = decode(body)
    assert "Café à Téhéran" in got.text and got.encoding == "iso-8859-1"


def test_undeclared_non_persian_legacy_is_sniffed() -> None:
    russian = "Новости регионов: в области открыли новую больницу и две школы для детей"
    got = decode(f"<rss><channel><title>{russian}</title></channel></rss>".encode("koi8-r"))
    assert russian in got.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_that_is_mostly_persian(codec: str) -> None:
    """Persian letters in UTF-16 have no NUL byte: only the markup's ASCII does (1 byte in 6 here)."""
    item = f"<item><title>{FA}</title><description>{FA} {FA} {FA}</description></item>"
    doc = FEED.format(label="utf-16").replace("</channel>", item * 5 + "</channel>")
    got = decode(doc.encode(codec))
    assert got.encoding == codec and got.text.count(FA) == 21


@pytest.mark.parametrize("body", [b"<rss/>", b"x", b"\x00", b"<a>\x00</a>" + b"z" * 500])
def test_short_or_stray_nul_bodies_are_not_wide(body: bytes) -> None:
    assert not decode(body).encoding.startswith(("utf-16", "utf-32"))
