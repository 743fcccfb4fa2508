"""digest.render: cards, compact digests and console text, checked with a strict validator."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest import (
    Article,
    Digest,
    Figure,
    RenderOptions,
    Speaker,
    extract,
    render_card,
    render_compact,
    render_text,
    to_json,
)
from digest.render import CAPS, MAX_CARD_MESSAGES, hashtag, safe_url
from tests.telegram_html import parse, validate_message

GOLDEN = Path(__file__).parent / "golden"
SEED_URL = 'https://www.mojnews.com/fa/tiny/news-123?utm=a&x="q"'
PUBLISHED = datetime(2024, 8, 2, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed_digest(seed_text: str) -> Digest:
    return extract(Article(text=seed_text, url=SEED_URL, source="خبرگزاری موج خوزستان", published=PUBLISHED))


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KHABAR_REGEN_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_seed_card_golden(seed_digest: Digest) -> None:
    parts = render_card(seed_digest, also_reported_by=["ایرنا", "ایسنا", "خبرگزاری موج خوزستان"])
    assert len(parts) == 1
    check_golden("seed.html", parts[0] + "\n")


def test_seed_text_golden(seed_digest: Digest) -> None:
    check_golden("seed.txt", render_text(seed_digest) + "\n")


def test_seed_json_golden(seed_digest: Digest) -> None:
    check_golden("seed.json", json.dumps(to_json(seed_digest), ensure_ascii=False, indent=2) + "\n")


def test_seed_card_content(seed_digest: Digest) -> None:
    (part,) = render_card(seed_digest, also_reported_by=["ایرنا"])
    text = validate_message(part).text
    assert part.startswith("<b>خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل</b>\n")
    assert "روزبه کردونی — مدیر کل دفتر امور آسیب های اجتماعی وزارت تعاون، کار و رفاه اجتماعی" in text
    assert "<b>۱۰ استان</b>" in part
    assert "#سیستان_و_بلوچستان" in text and "#خوزستان" in text
    assert "۱۲ مرداد ۱۴۰۳، ۱۰:۳۰" in text  # Asia/Tehran, Persian digits
    assert 'href="https://www.mojnews.com/fa/tiny/news-123?utm=a&amp;x=&quot;q&quot;"' in part
    assert "همچنین در: ایرنا" in text
    assert "<p>" not in part and "<br" not in part


def test_options_hide_parts(seed_digest: Digest) -> None:
    options = RenderOptions(show_summary=False, show_places=False, show_topics=False, max_figures=0)
    (part,) = render_card(seed_digest, options)
    assert "<blockquote>" not in part and "#" not in part and "•" not in part


def test_timezone_option(seed_digest: Digest) -> None:
    (part,) = render_card(seed_digest, RenderOptions(timezone="UTC"))
    assert "۱۲ مرداد ۱۴۰۳، ۰۷:۰۰" in part


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("سیستان و بلوچستان", "#سیستان_و_بلوچستان"),
        ("آسیب‌های اجتماعی", "#آسیب_های_اجتماعی"),
        ("خرم‌آباد", "#خرم_آباد"),
        ("حوادث و امداد!", "#حوادث_و_امداد"),
        ("۱۲", ""),
        ("  ", ""),
    ],
    ids=["spaces", "zwnj", "city", "punctuation", "digits_only", "blank"],
)
def test_hashtag(name: str, tag: str) -> None:
    assert hashtag(name) == tag


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://irna.ir/news/1", True),
        ("http://x.ir", True),
        ("javascript:alert(1)", False),
        ("ftp://x", False),
        ("https://x.ir/a b", False),
        ("/relative", False),
        (None, False),
    ],
    ids=["https", "http", "javascript", "ftp", "space", "relative", "none"],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_unsafe_url_is_not_linked() -> None:
    d = Digest(headline="عنوان", is_social=True, url="javascript:alert(1)", source="منبع")
    (part,) = render_card(d)
    assert "<a" not in part and "منبع" in part


def _story(i: int, topic: str, place: str) -> Digest:
    return Digest(
        headline=f"خبر شماره {i} درباره {topic}",
        is_social=True,
        topics=(topic,),
        places=(place,),
        speakers=(Speaker("علی رضایی", "مدیرکل"),),
        url=f"https://example.ir/news/{i}",
        source="ایرنا",
    )


def test_compact_groups_by_topic_and_province() -> None:
    stories = [_story(1, "طلاق", "خوزستان"), _story(2, "اعتیاد", "تهران"), _story(3, "طلاق", "تهران")]
    (by_topic,) = render_compact(stories, title="خلاصه روز")
    assert by_topic.startswith("<b>خلاصه روز</b>")
    assert by_topic.index("#طلاق") < by_topic.index("#اعتیاد")
    (by_province,) = render_compact(stories, RenderOptions(group_by="province"))
    assert by_province.index("#تهران") < by_province.index("#خوزستان")
    validate_message(by_topic)
    validate_message(by_province)


def test_compact_splits_many_stories() -> None:
    stories = [_story(i, "فقر و حمایت", "کرمان") for i in range(200)]
    parts = render_compact(stories, title="خلاصه")
    assert len(parts) > 1
    shown = "".join(validate_message(p).text for p in parts)
    assert all(f"خبر شماره {i} " in shown for i in range(200))
    assert all(parse(p).entities <= 100 for p in parts)


def test_compact_empty() -> None:
    assert render_compact([]) == []


def test_render_text_is_plain(seed_digest: Digest) -> None:
    text = render_text(seed_digest)
    assert "<" not in text and "&amp;" not in text
    assert text.splitlines()[0] == seed_digest.headline
    assert text.rstrip().endswith(SEED_URL)


HOSTILE = st.lists(
    st.sampled_from(list("<>&\"'/ab سلام،؛.؟!\n😀\u200c٪۱۲") + ["<script>", "&amp;", "</b>", "<b>", " " * 5]),
    max_size=300,
).map("".join)


def _hostile_digest(headline: str, role: str, body: str, repeat: int) -> Digest:
    return Digest(
        headline=headline or "-",
        is_social=True,
        topics=(role,),
        speakers=(Speaker(headline, role, 2),),
        figures=(Figure(text=role or "۱", number=1.0, unit=None, context=body, sentence=body),),
        places=(body[:20],),
        summary=(body * repeat,),
        url='https://x.ir/?a="<b>&c=' + role,
        source=headline,
        published=PUBLISHED,
    )


def _visible(parts: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(validate_message(p).text for p in parts))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(HOSTILE, HOSTILE, HOSTILE, st.integers(min_value=1, max_value=60))
def test_hostile_text_renders_valid_parts(headline: str, role: str, body: str, repeat: int) -> None:
    d = _hostile_digest(headline, role, body, repeat)
    options = RenderOptions()
    parts = render_card(d, options, also_reported_by=[role])
    whole = render_card(d, RenderOptions(max_length=10**9), also_reported_by=[role])
    assert len(whole) == 1
    assert _visible(parts) == _visible(whole)  # splitting loses no text


def test_dev_renders_are_valid(dev: list[dict[str, Any]]) -> None:
    for item in dev:
        d = extract(Article(text=item["text"], title=item.get("title"), url=item.get("meta", {}).get("url")))
        for part in render_card(d, also_reported_by=["ایرنا"]):
            validate_message(part)
    digests = [extract(Article(text=i["text"], title=i.get("title"))) for i in dev]
    for part in render_compact(digests, title="خلاصه"):
        validate_message(part)


def test_compact_by_province_uses_city_provinces() -> None:
    story = Digest(headline="سیل در ماکو", is_social=True, places=("ماکو",))
    (part,) = render_compact([story], RenderOptions(group_by="province"))
    assert "#آذربایجان_غربی" in part


def _flood(n: int) -> str:
    return " ".join(f"واژه{i % 10}" for i in range(n))


def _giant_digest() -> Digest:
    """Every feed-derived field far too long: what a hostile or broken item can hold."""
    huge = _flood(20_000)
    return Digest(
        headline=huge,
        is_social=True,
        speakers=(Speaker(name=huge, role=huge),),
        figures=tuple(Figure(text=huge, number=1.0, unit=None, context=huge) for _ in range(10)),
        places=("اهواز", "ایذه"),
        topics=("فقر و حمایت",),
        summary=(huge, huge, huge),
        url="https://x.ir/n/1",
        source=huge,
        published=PUBLISHED,
    )


def test_a_giant_item_is_one_card_of_at_most_two_messages() -> None:
    d = _giant_digest()
    parts = render_card(d, also_reported_by=[_flood(5_000)] * 50)
    assert 1 <= len(parts) <= MAX_CARD_MESSAGES
    for part in parts:
        validate_message(part)
    headline = parse(parts[0]).text.split("\n")[0]
    assert headline.endswith("…") and len(headline) <= CAPS.headline
    assert d.headline.startswith(headline[:-1]) and d.headline[len(headline) - 1] == " "  # cut at a word
    assert 'href="https://x.ir/n/1"' in parts[-1]  # the source link survives


def test_unusual_options_still_give_at_most_two_messages() -> None:
    d = _giant_digest()
    parts = render_card(d, RenderOptions(max_figures=100, max_summary=100, max_length=1000))
    assert len(parts) == MAX_CARD_MESSAGES
    for part in parts:
        validate_message(part, limit=1000)


def test_compact_lists_clip_headlines_too() -> None:
    (part,) = render_compact([_giant_digest()])
    validate_message(part)
    assert len(parse(part).text) < CAPS.headline + CAPS.speaker_name + CAPS.source + 50
