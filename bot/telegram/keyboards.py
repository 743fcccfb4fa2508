"""Inline keyboards and their callback data. Encoding and decoding live here and nowhere else.

Callback data is `k1|<action>|<arg>` — at most 64 bytes (Telegram's limit, MessageLimit-checked):
provinces and topics travel as indexes into digest's PROVINCES / TOPICS, never as names (a Persian
name is two bytes a letter). `k1` versions the format: a button from an older keyboard decodes to
None and the user is told to start again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit

from bot import texts
from bot.store.subscriptions import Subscription
from digest import PROVINCES, TOPICS

VERSION = "k1"
COLUMNS = 3


class View(StrEnum):
    PROVINCES = "p"
    TOPICS = "t"


class Action(StrEnum):
    TOGGLE = "x"  # toggle one province/topic (arg: view + index)
    SHOW = "v"  # switch the keyboard to provinces/topics (arg: view)
    CLEAR = "c"  # "all": clear the narrowing of one view (arg: view)
    DONE = "d"  # close the keyboard


@dataclass(frozen=True, slots=True)
class Callback:
    action: Action
    view: View = View.PROVINCES
    index: int = -1

    @property
    def name(self) -> str | None:
        """The province or topic a TOGGLE refers to."""
        names = PROVINCES if self.view is View.PROVINCES else TOPICS
        return names[self.index] if 0 <= self.index < len(names) else None


def encode(cb: Callback) -> str:
    data = f"{VERSION}|{cb.action.value}|{cb.view.value}|{cb.index}"
    if len(data.encode()) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def decode(data: str | None) -> Callback | None:
    """The callback a button carries, or None for anything stale, foreign or malformed."""
    if not data or len(data) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        return None
    parts = data.split("|")
    if len(parts) != 4 or parts[0] != VERSION:
        return None
    try:
        cb = Callback(Action(parts[1]), View(parts[2]), int(parts[3]))
    except ValueError:
        return None
    if str(cb.index) != parts[3]:
        return None  # only the canonical spelling we produce
    if cb.action is Action.TOGGLE and cb.name is None:
        return None
    return cb


def subscription_keyboard(sub: Subscription | None, view: View) -> InlineKeyboardMarkup:
    """Province (or topic) picker: selected names carry a check mark; the last row switches views."""
    names = PROVINCES if view is View.PROVINCES else TOPICS
    chosen = set((sub.provinces if view is View.PROVINCES else sub.topics) if sub else ())
    buttons = [
        InlineKeyboardButton(
            (texts.CHECKED if name in chosen else "") + name, callback_data=encode(Callback(Action.TOGGLE, view, i))
        )
        for i, name in enumerate(names)
    ]
    rows = [buttons[i : i + COLUMNS] for i in range(0, len(buttons), COLUMNS)]
    other = View.TOPICS if view is View.PROVINCES else View.PROVINCES
    rows.append(
        [
            InlineKeyboardButton(
                texts.BTN_TOPICS if other is View.TOPICS else texts.BTN_PROVINCES,
                callback_data=encode(Callback(Action.SHOW, other)),
            ),
            InlineKeyboardButton(
                (texts.CHECKED if not chosen else "") + texts.BTN_CLEAR,
                callback_data=encode(Callback(Action.CLEAR, view)),
            ),
            InlineKeyboardButton(texts.BTN_DONE, callback_data=encode(Callback(Action.DONE, view))),
        ]
    )
    return InlineKeyboardMarkup(rows)


# --- archive answers: page buttons ----------------------------------------------------------------------
# `a1|<kind>|<query id>|<page>`: the query itself waits in Redis under its id (bot.store.archive), as a
# Persian query would not fit in 64 bytes.
PAGE_VERSION = "a1"


class Listing(StrEnum):
    SEARCH = "s"


@dataclass(frozen=True, slots=True)
class PageCallback:
    listing: Listing
    qid: str  # hex
    page: int  # 0-based


def encode_page(cb: PageCallback) -> str:
    data = f"{PAGE_VERSION}|{cb.listing.value}|{cb.qid}|{cb.page}"
    if len(data.encode()) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def decode_page(data: str | None) -> PageCallback | None:
    if not data or len(data) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        return None
    parts = data.split("|")
    if len(parts) != 4 or parts[0] != PAGE_VERSION or not parts[3].isdigit() or len(parts[3]) > 6:
        return None
    if not parts[2] or not all(c in "0123456789abcdef" for c in parts[2]):
        return None
    try:
        return PageCallback(Listing(parts[1]), parts[2], int(parts[3]))
    except ValueError:
        return None


def pages_keyboard(listing: Listing, qid: str, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """Previous / next buttons under an answer that has more than one page (None when it has one)."""

    def button(label: str, to: int) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=encode_page(PageCallback(listing, qid, to)))

    row = ([button(texts.BTN_PREV, page - 1)] if page > 0 else []) + (
        [button(texts.BTN_NEXT, page + 1)] if page + 1 < pages else []
    )
    return InlineKeyboardMarkup([row]) if row else None
