"""bot.texts.fmt: values are escaped, cleaned of controls and bidi overrides, and cut to a bounded size."""

from __future__ import annotations

from bot import texts


def test_values_are_escaped_and_cleaned() -> None:
    text = texts.fmt(texts.FILTER_BAD, words="<b>\u202eخطر\x00\u2066 & کودک\u200cها 🇮🇷")
    assert "&lt;b&gt;خطر &amp; کودک\u200cها 🇮🇷" in text  # ZWNJ and emoji stay; RLO, NUL, isolates go
    assert "\u202e" not in text and "\x00" not in text and "\u2066" not in text


def test_a_huge_echo_is_cut_but_html_values_are_not() -> None:
    text = texts.fmt(texts.UNKNOWN_TARGETS, words="🙂" * 5000, topics=texts.Html("<b>t</b>"))
    assert text.count("🙂") == texts.MAX_VALUE - 1 and "…" in text and "<b>t</b>" in text
    assert len(text.encode("utf-16-le")) // 2 < 4096  # what Telegram counts
