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
