"""Story → subscription matching."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.delivery.matching import StoryFacts, matches
from bot.store.subscriptions import Subscription
from tests.bot.conftest import make_story

KHUZ = make_story("افزایش کودکان کار در اهواز", province="خوزستان", topics=("کودکان",))
NATIONAL = make_story("طلاق در کرمان و یزد", province=None, places=("کرمان", "یزد"), topics=("طلاق",))
SPORT = make_story("پیروزی تیم فوتبال", social=False, topics=())


@pytest.mark.parametrize(
    ("sub", "story", "expected"),
    [
        (Subscription(1), KHUZ, True),
        (Subscription(1), SPORT, False),
        (Subscription(1, provinces=("خوزستان",)), KHUZ, True),
        (Subscription(1, provinces=("خوزستان",)), NATIONAL, False),
        (Subscription(1, provinces=("کرمان",)), NATIONAL, True),  # named in the digest's places
        (Subscription(1, topics=("طلاق",)), NATIONAL, True),
        (Subscription(1, topics=("طلاق",)), KHUZ, False),
        (Subscription(1, provinces=("خوزستان",), topics=("طلاق",)), KHUZ, False),  # both must hold
        (Subscription(1, include=("کودک",)), KHUZ, True),  # prefix: کودکان
        (Subscription(1, include=("کار",)), KHUZ, True),
        (Subscription(1, include=("طلاق",)), KHUZ, False),
        (Subscription(1, exclude=("اهواز",)), KHUZ, False),
        (Subscription(1, include=("کودکان کار",)), KHUZ, True),  # a phrase
        (Subscription(1, include=("اهواز کودکان",)), KHUZ, False),  # words out of order
    ],
    ids=["all", "not_social", "province", "other_province", "place_province", "topic", "other_topic",
         "province_and_topic", "keyword_prefix", "keyword", "keyword_missing", "excluded", "phrase", "phrase_order"],
)  # fmt: skip
def test_matches(sub: Subscription, story: object, expected: bool) -> None:
    assert matches(sub, StoryFacts.of(story)) is expected  # type: ignore[arg-type]


def test_a_city_counts_for_its_province() -> None:
    base = make_story("کمبود دارو در اهواز", province=None, places=("اهواز",))
    story = replace(base, digest=replace(base.digest, provinces=("خوزستان",)))  # as digest.extract fills it
    assert matches(Subscription(1, provinces=("خوزستان",)), StoryFacts.of(story))


def test_keywords_are_persian_normalized() -> None:
    story = make_story("افزايش كودكان كار", province=None)  # Arabic yeh and kaf in the feed
    assert matches(Subscription(1, include=("کودک",)), StoryFacts.of(story))
