"""digest.htmlparts: escaping, measuring and splitting Telegram messages."""

from __future__ import annotations

import pytest

from digest.htmlparts import Tag, clip, pack, render_block, seg, split_block, utf16_len
from tests.telegram_html import parse, validate_message

B = Tag("b")


def test_render_escapes_text_and_href() -> None:
    block = (seg("<script>&"), seg("لینک", Tag("a", 'https://x.ir/?q="a"&b=1')))
    html = render_block(block)
    assert html == '&lt;script&gt;&amp;<a href="https://x.ir/?q=&quot;a&quot;&amp;b=1">لینک</a>'
    assert parse(html).text == "<script>&لینک"


def test_short_blocks_fit_one_part() -> None:
    parts = pack([(seg("عنوان", B),), (seg("متن"),)])
    assert parts == ["<b>عنوان</b>\nمتن"]


@pytest.mark.parametrize(
    ("text", "first_end"),
    [
        ("جمله اول تمام شد. جمله دوم هم هست", "جمله اول تمام شد."),
        ("بند اول؛ بند دوم و سوم و چهارم", "بند اول؛"),
        ("یک، دو و سه و چهار و پنج و شش", "یک،"),
        ("واژه واژه واژه واژه", "واژه واژه "),
    ],
    ids=["period", "semicolon", "comma", "space"],
)
def test_split_prefers_persian_separators(text: str, first_end: str) -> None:
    limit = len(first_end) + 2
    pieces = split_block((seg(text, B),), limit)
    assert "".join(s.text for p in pieces for s in p) == text
    assert "".join(s.text for s in pieces[0]) == first_end
    assert all(utf16_len("".join(s.text for s in p)) <= limit for p in pieces)
    assert all(s.tags == (B,) for p in pieces for s in p)  # every piece keeps its tags


def test_long_block_split_into_valid_parts() -> None:
    sentence = 'این یک جمله آزمایشی برای تقسیم پیام است که <ب> & "نقل" 😀 دارد. '
    parts = pack([(seg("عنوان", B),), (seg(sentence * 300, Tag("blockquote")),), (seg("پایان"),)])
    assert len(parts) > 1
    texts = [validate_message(p).text for p in parts]
    assert "".join(texts).replace("\n", "") == ("عنوان" + sentence * 300 + "پایان").replace("\n", "")


def test_emoji_counts_two_units() -> None:
    parts = pack([(seg("😀" * 3000),)], limit=4096)
    assert [utf16_len(parse(p).text) for p in parts] == [4096, 1904]


def test_entity_budget() -> None:
    parts = pack([(seg(str(i), B),) for i in range(250)], max_entities=100)
    assert [parse(p).entities for p in parts] == [100, 100, 50]


def test_hard_cut_without_separators() -> None:
    parts = pack([(seg("ب" * 10000),)])
    assert [len(parse(p).text) for p in parts] == [4096, 4096, 1808]


def test_a_part_never_starts_with_a_blank_line() -> None:
    header = (seg("\n"), seg("#طلاق", B), seg("\n"))
    blocks = [(seg("الف" * 20),), header + (seg("ب" * 30),)]
    parts = pack(blocks, limit=80)  # 60 + 1 + 37 units: two parts
    assert len(parts) == 2
    assert parts[1].startswith("<b>#طلاق</b>")
    assert all(not p.startswith("\n") for p in parts)


@pytest.mark.parametrize(
    ("text", "limit", "want"),
    [
        ("کوتاه", 10, "کوتاه"),
        ("سیل در ایذه و باغملک", 12, "سیل در ایذه…"),
        ("سیل در ایذه و باغملک", 11, "سیل در…"),
        ("الف" * 20, 10, "الفالفالف…"),  # no space in the first half: a hard cut
        ("یک\nدو سه چهار", 9, "یک\nدو سه…"),
    ],
    ids=["short", "at-word", "at-earlier-word", "hard-cut", "newline"],
)
def test_clip_at_a_word_with_an_ellipsis(text: str, limit: int, want: str) -> None:
    got = clip(text, limit)
    assert got == want and len(got) <= limit
