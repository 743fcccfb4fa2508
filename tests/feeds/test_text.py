from __future__ import annotations

import pytest

from feeds.text import has_markup, to_line, to_text

ZWNJ = "\u200c"

LINES = [
    ("numeric-entities", "&#171;طلاق&#187; در خوزستان &amp; کرمان", "text/html", "«طلاق» در خوزستان & کرمان"),
    ("nbsp-zwnj-tags", "افزایش&nbsp;طلاق&zwnj;ها در <b>کرمان</b>", "text/html", f"افزایش طلاق{ZWNJ}ها در کرمان"),
    ("double-escaped", "آرنج&amp;zwnj;بند و ویلچر", "text/html", f"آرنج{ZWNJ}بند و ویلچر"),
    ("escaped-tags", "&lt;b&gt;سیل&lt;/b&gt; در &lt;i&gt;ایذه&lt;/i&gt;", "text/html", "سیل در ایذه"),
    ("hex-entity", "مهر&#x200c;ماه", "text/html", f"مهر{ZWNJ}ماه"),
    ("plain-is-text", "۵ < ۶ و ۷ > ۳", "text/plain", "۵ < ۶ و ۷ > ۳"),
    ("plain-double-escaped", "کمک&zwnj;های مردمی &amp; دولتی", "text/plain", f"کمک{ZWNJ}های مردمی & دولتی"),
    ("plain-with-a-tag", "سیل در <b>ایذه</b>", "text/plain", "سیل در ایذه"),
    ("script-dropped", "خبر<script>alert(171)</script> مهم", "text/html", "خبر مهم"),
    ("no-type-is-html", "بارش&nbsp;برف", None, "بارش برف"),
    ("line-breaks-joined", "<p>سطر یک</p><p>سطر دو</p>", "text/html", "سطر یک سطر دو"),
    ("xhtml", '<div xmlns="http://www.w3.org/1999/xhtml">آب &amp; برق</div>', "application/xhtml+xml", "آب & برق"),
]


@pytest.mark.parametrize(("raw", "mime", "want"), [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_titles_decode_to_one_clean_line(raw: str, mime: str | None, want: str) -> None:
    got = to_line(raw, mime)
    assert got == want
    assert not has_markup(got)


def test_bodies_keep_one_line_per_block() -> None:
    html = "<p>مدیرکل گفت:&nbsp;۱۲ هزار نفر</p>\n\n<div>زیر پوشش <a href='/x'>بهزیستی</a></div><br/>پایان"
    assert to_text(html, "text/html") == "مدیرکل گفت: ۱۲ هزار نفر\nزیر پوشش بهزیستی\nپایان"


def test_plain_text_keeps_its_lines() -> None:
    assert to_text("سطر یک\nسطر دو", "text/plain") == "سطر یک\nسطر دو"


def test_a_literal_ampersand_stays() -> None:
    assert to_line("R&D و A&B", "text/plain") == "R&D و A&B"
    assert to_line("R&amp;D", "text/html") == "R&D"


def test_decoded_once_more_at_most() -> None:
    """A triple-escaped entity is left as text after two decodings, never looped on."""
    assert to_line("&amp;amp;zwnj;", "text/html") == "&zwnj;"
