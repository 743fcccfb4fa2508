"""Argument parsing: what Persian users type (digits, Arabic letters, variants), never an exception."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.args import (
    MAX_PHRASE,
    AddSource,
    ArgError,
    ChannelAdd,
    ChannelList,
    ChannelRemove,
    FilterChange,
    ModeChoice,
    QuietChoice,
    Targets,
    _name,
    parse_addsource,
    parse_channel,
    parse_count,
    parse_filter,
    parse_mode,
    parse_quiet,
    parse_targets,
    parse_time,
    words,
)
from bot.store.subscriptions import Mode
from digest import PROVINCES, TOPICS

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("typed", "provinces", "topics"),
    [
        ("خوزستان", ("خوزستان",), ()),
        ("استان خوزستان", ("خوزستان",), ()),
        ("خوزستان كرمان", ("خوزستان", "کرمان"), ()),  # Arabic kaf
        ("سيستان‌وبلوچستان", ("سیستان و بلوچستان",), ()),  # Arabic yeh, half-space, no spaces
        ("سیستان و بلوچستان طلاق", ("سیستان و بلوچستان",), ("طلاق",)),
        ("طلاق اعتیاد", (), ("طلاق", "اعتیاد")),
        ("تهران، قم", ("تهران", "قم"), ()),
        ("آسیب های اجتماعی", (), ("آسیب\u200cهای اجتماعی",)),
        ("کهگیلویه و بویراحمد", ("کهگیلویه و بویراحمد",), ()),
    ],
    ids=["one", "with_prefix", "arabic_kaf", "glued_variant", "multiword_and_topic", "topics", "comma",
         "topic_with_space", "three_words"],
)  # fmt: skip
def test_targets(typed: str, provinces: tuple[str, ...], topics: tuple[str, ...]) -> None:
    got = parse_targets(typed.split())
    assert (got.provinces, got.topics, got.unknown) == (provinces, topics, ())


def test_unknown_words_are_reported() -> None:
    got = parse_targets(["خوزستان", "فوتبال"])
    assert got.provinces == ("خوزستان",) and got.unknown == ("فوتبال",)


def test_adjacent_names_that_make_a_longer_name_read_as_it() -> None:
    # longest match first: «ازدواج کودکان» (child marriage) is one phrase of the children topic
    assert parse_targets(["ازدواج", "کودکان"]) == Targets((), ("کودکان",), ())


def _run_together(names: list[str]) -> bool:
    """Do words across the boundary of two adjacent names make a known name (as «ازدواج کودکان»)?"""
    ws: list[str] = []
    starts: list[int] = []
    for name in names:
        starts.append(len(ws))
        ws += words([name])
    spans = ((i, j) for i in range(len(ws)) for j in range(i + 2, min(len(ws), i + MAX_PHRASE) + 1))
    return any(any(i < b < j for b in starts) and _name(ws[i:j]) is not None for i, j in spans)


@given(st.lists(st.sampled_from(PROVINCES + TOPICS), min_size=1, max_size=6, unique=True), st.randoms())
def test_any_mix_of_known_names_parses_back(names: list[str], rnd: object) -> None:
    assume(not _run_together(names))
    typed = " ".join(n.replace("ی", "ي").replace("ک", "ك") for n in names).split()
    got = parse_targets(typed)
    assert not got.unknown
    assert set(got.provinces) == {n for n in names if n in PROVINCES}
    assert set(got.topics) == {n for n in names if n in TOPICS}


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([PERSIAN, ARABIC, None]), st.booleans())
def test_times_in_any_digits(hour: int, minute: int, digits: dict[int, str] | None, pad: bool) -> None:
    text = f"{hour:02d}:{minute:02d}" if pad else f"{hour}:{minute:02d}"
    if digits:
        text = text.translate(digits)
    assert parse_time(text) == time(hour, minute)
    assert parse_mode(["daily", text]) == ModeChoice(Mode.DAILY, time(hour, minute))


@pytest.mark.parametrize("bad", ["25:00", "12:60", "ab", "", "12:5", "-1:00", "۱۲:۷۵"])
def test_bad_times(bad: str) -> None:
    assert parse_time(bad) is None


def test_modes_in_persian_or_english() -> None:
    assert parse_mode(["instant"]) == ModeChoice(Mode.INSTANT)
    assert parse_mode(["فوری"]) == ModeChoice(Mode.INSTANT)
    assert parse_mode(["روزانه", "۸:۳۰"]) == ModeChoice(Mode.DAILY, time(8, 30))
    assert isinstance(parse_mode(["daily"]), ArgError)
    assert isinstance(parse_mode([]), ArgError)


@pytest.mark.parametrize(
    ("typed", "window"),
    [
        (["23:00-07:00"], (time(23), time(7))),
        (["۲۳:۰۰", "تا", "۷:۰۰"], (time(23), time(7))),
        (["22:30", "-", "6"], (time(22, 30), time(6))),
        (["off"], None),
        (["خاموش"], None),
    ],
)
def test_quiet(typed: list[str], window: tuple[time, time] | None) -> None:
    assert parse_quiet(typed) == QuietChoice(window)


def test_filters() -> None:
    assert parse_filter(["+کودک", "-فوتبال"]) == FilterChange(("کودک",), ("فوتبال",))
    assert parse_filter(["+", "كودك", "−", "ورزش"]) == FilterChange(("کودک",), ("ورزش",))
    assert parse_filter(["clear"]) == FilterChange(clear=True)
    assert parse_filter(["کودک"]) == ArgError(("کودک",))


def test_count() -> None:
    assert parse_count([], 5, 10) == 5
    assert parse_count(["۳"], 5, 10) == 3
    assert isinstance(parse_count(["11"], 5, 10), ArgError)
    assert isinstance(parse_count(["سه"], 5, 10), ArgError)


def test_channel_commands() -> None:
    add = parse_channel(["add", "@news_fa", "خوزستان", "طلاق", "daily", "۰۸:۳۰"])
    assert isinstance(add, ChannelAdd) and add.ref == "@news_fa" and add.daily_at == time(8, 30)
    assert add.targets.provinces == ("خوزستان",) and add.targets.topics == ("طلاق",)
    assert parse_channel(["list"]) == ChannelList()
    assert parse_channel(["remove", "-1001234567"]) == ChannelRemove("-1001234567")
    assert isinstance(parse_channel(["add", "news"]), ArgError)  # no @
    assert isinstance(parse_channel(["add", "@news_fa", "daily", "99:00"]), ArgError)


def test_addsource() -> None:
    got = parse_addsource(["https://x.ir/rss", "سیستان", "و", "بلوچستان", "خبرگزاری", "نمونه"])
    assert got == AddSource("https://x.ir/rss", "سیستان و بلوچستان", "خبرگزاری نمونه")
    assert parse_addsource(["https://x.ir/rss", "خوزستان"]) == AddSource("https://x.ir/rss", "خوزستان")
    assert isinstance(parse_addsource(["ftp://x", "خوزستان"]), ArgError)
    assert isinstance(parse_addsource(["https://x.ir/rss", "ناکجا"]), ArgError)


@given(st.lists(st.text(max_size=30), max_size=60))
def test_parsers_never_raise(args: list[str]) -> None:
    for parse in (parse_targets, parse_mode, parse_quiet, parse_filter, parse_channel, parse_addsource):
        parse(args)
    parse_count(args, 5, 10)


def test_filter_words_without_a_letter_or_digit_are_refused() -> None:
    # an invisible or punctuation-only keyword would never match anything: say so instead of storing it
    assert isinstance(parse_filter(["+\u200f"]), ArgError)
    assert isinstance(parse_filter(["-…"]), ArgError)
    assert parse_filter(["+کودک", "-\u200e۱۲"]) == FilterChange(("کودک",), ("12",))
