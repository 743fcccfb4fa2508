"""The strict Telegram-HTML validator used by the render tests must itself be strict."""

from __future__ import annotations

import pytest

from tests.telegram_html import TelegramHTMLError, parse, utf16_len, validate_message


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<b>سلام</b> &amp; &lt;درود&gt;", "سلام & <درود>"),
        ('<a href="https://x.ir/?a=1&amp;b=&quot;2&quot;">لینک</a>', "لینک"),
        ("<blockquote expandable>نقل</blockquote>", "نقل"),
        ('<pre><code class="language-python">x</code></pre>', "x"),
        ('<span class="tg-spoiler">راز</span><tg-spoiler>راز</tg-spoiler>', "رازراز"),
        ("<strong>a</strong><em>b</em><ins>c</ins><del>d</del>", "abcd"),
        ("&#1587;&#x633;", "سس"),
    ],
    ids=["bold_entities", "link", "expandable", "pre_code", "spoilers", "aliases", "numeric_entities"],
)
def test_accepts(markup: str, text: str) -> None:
    assert parse(markup).text == text


@pytest.mark.parametrize(
    "markup",
    [
        "a < b",
        "a & b",
        "a > b",
        "<p>پاراگراف</p>",
        "<br>",
        "<b>باز",
        "</b>",
        "<b><i>x</b></i>",
        "<blockquote><blockquote>x</blockquote></blockquote>",
        '<a href="https://a"><a href="https://b">x</a></a>',
        "<a>x</a>",
        '<b class="x">x</b>',
        "<code><b>x</b></code>",
        "&nbsp;",
        '<span class="red">x</span>',
        "<script>alert(1)</script>",
    ],
    ids=[
        "bare_lt",
        "bare_amp",
        "bare_gt",
        "p",
        "br",
        "unclosed",
        "stray_close",
        "crossed",
        "nested_quote",
        "nested_link",
        "link_without_href",
        "attribute",
        "tag_in_code",
        "named_entity",
        "span_class",
        "script",
    ],
)
def test_rejects(markup: str) -> None:
    with pytest.raises(TelegramHTMLError):
        parse(markup)


def test_length_is_utf16_of_parsed_text() -> None:
    assert utf16_len("سلام😀") == 6
    assert utf16_len(parse("<b>" + "ا" * 10 + "</b>").text) == 10
    validate_message("<b>" + "ا" * 4096 + "</b>")
    with pytest.raises(TelegramHTMLError):
        validate_message("ا" * 4095 + "😀")
    with pytest.raises(TelegramHTMLError):
        validate_message("<b> </b>")
