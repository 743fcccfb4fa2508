"""Callback data: encode/decode in one place, always ≤ 64 bytes, stale data decodes to None."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.store.subscriptions import Subscription
from bot.telegram.keyboards import Action, Callback, View, decode, encode, subscription_keyboard
from digest import PROVINCES, TOPICS


def test_every_button_fits_and_round_trips() -> None:
    for view in View:
        markup = subscription_keyboard(Subscription(1, provinces=PROVINCES[:2], topics=TOPICS[:1]), view)
        for row in markup.inline_keyboard:
            for button in row:
                data = button.callback_data
                assert isinstance(data, str) and len(data.encode()) <= 64
                assert decode(data) is not None and encode(decode(data)) == data  # type: ignore[arg-type]


def test_selected_names_are_checked() -> None:
    markup = subscription_keyboard(Subscription(1, provinces=("خوزستان",)), View.PROVINCES)
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert "✅ خوزستان" in labels and "تهران" in labels


def test_toggle_names_the_province() -> None:
    i = PROVINCES.index("خوزستان")
    assert decode(encode(Callback(Action.TOGGLE, View.PROVINCES, i))) == Callback(Action.TOGGLE, View.PROVINCES, i)
    assert Callback(Action.TOGGLE, View.PROVINCES, i).name == "خوزستان"


@given(st.text(max_size=80))
def test_garbage_decodes_to_none_or_valid(data: str) -> None:
    cb = decode(data)
    assert cb is None or encode(cb) == data


def test_stale_or_foreign_data() -> None:
    assert decode("k0|x|p|1") is None  # older format
    assert decode(f"k1|x|p|{len(PROVINCES)}") is None  # index out of range
    assert decode("") is None and decode(None) is None


def test_only_canonical_spelling() -> None:
    assert decode("k1|x|p|01") is None and decode("k1|x|p| 1") is None
