"""Parsing of chat-command arguments. Pure functions: words in, a typed value or an `ArgError` out.

Accepts what Persian users type: Persian (۰-۹) and Arabic-Indic (٠-٩) digits, Arabic letters
(ي ك), half-spaces, commas (، ,), Persian keywords next to the English ones (`روزانه` = `daily`),
multi-word province names (`سیستان و بلوچستان`) and spelling variants (through digest's
canonical_province / canonical_topic). Never raises on user input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

from bot.store.subscriptions import Mode
from digest import canonical_province, canonical_topic, normalize_fa, to_latin_digits

MAX_ARG_WORDS = 40  # more words than this in one command is not a subscription, it's noise
MAX_WORD = 64  # characters; longer "words" are cut
MAX_PHRASE = 5  # longest province / topic name in words, "و" included
MAX_KEYWORDS = 20  # keyword filters per chat

_AND = frozenset({"و", "and"})
_SPLIT = re.compile(r"[\s,،;؛]+")
_TIME = re.compile(r"^(\d{1,2})(?:[:.٫/](\d{2}))?$")
_RANGE = re.compile(r"^(\S+?)\s*(?:-|–|—|تا|to)\s*(\S+)$")

OFF_WORDS = frozenset({"off", "none", "clear", "خاموش", "لغو", "هیچ", "پاک", "حذف"})
INSTANT_WORDS = frozenset({"instant", "now", "فوری", "آنی", "لحظه‌ای"})
DAILY_WORDS = frozenset({"daily", "روزانه"})
GROUPED_WORDS = frozenset({"grouped", "together", "یکجا", "گروهی"})  # a burst of stories: one message
SINGLE_WORDS = frozenset({"single", "separate", "تکی", "جدا"})  # a burst of stories: one message each
ADD_WORDS = frozenset({"add", "افزودن", "اضافه"})
LIST_WORDS = frozenset({"list", "فهرست", "لیست"})
REMOVE_WORDS = frozenset({"remove", "delete", "del", "حذف"})
_MINUS = "-−–—"
_PLUS = "+＋"


@dataclass(frozen=True, slots=True)
class ArgError:
    """The arguments could not be understood; `words` are the offending ones (for the reply)."""

    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Targets:
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.provinces or self.topics or self.unknown)


@dataclass(frozen=True, slots=True)
class ModeChoice:
    mode: Mode | None  # None: only the grouping changes
    at: time | None = None
    grouped: bool | None = None  # None: the grouping stays as it is


@dataclass(frozen=True, slots=True)
class QuietChoice:
    window: tuple[time, time] | None  # None: turn quiet hours off


@dataclass(frozen=True, slots=True)
class FilterChange:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    clear: bool = False


@dataclass(frozen=True, slots=True)
class ChannelAdd:
    ref: str  # "@name" or a numeric id as text
    targets: Targets
    daily_at: time | None = None
    grouped: bool = False  # channels post one story per message unless the admin adds `grouped`


@dataclass(frozen=True, slots=True)
class ChannelList:
    pass


@dataclass(frozen=True, slots=True)
class ChannelRemove:
    ref: str


def words(args: Sequence[str]) -> list[str]:
    """Normalized words of a command's arguments (Persian letters unified, digits made Latin)."""
    text = " ".join(args)[: MAX_ARG_WORDS * MAX_WORD]
    text = to_latin_digits(normalize_fa(text))
    return [w[:MAX_WORD] for w in _SPLIT.split(text) if w][:MAX_ARG_WORDS]


def keyword(word: str) -> str:
    """The normalized form a keyword filter stores and matches (lower case, Persian-normalized)."""
    return normalize_fa(word).strip().lower()


def parse_targets(args: Sequence[str]) -> Targets:
    """Provinces and topics in any order; multi-word names matched longest first ("و" optional)."""
    ws = words(args)
    provinces: dict[str, None] = {}
    topics: dict[str, None] = {}
    unknown: list[str] = []
    i = 0
    while i < len(ws):
        for n in range(min(MAX_PHRASE, len(ws) - i), 0, -1):
            found = _name(ws[i : i + n])
            if found is not None:
                (provinces if found[0] == "p" else topics).setdefault(found[1], None)
                i += n
                break
        else:
            if ws[i] not in _AND:
                unknown.append(ws[i])
            i += 1
    return Targets(tuple(provinces), tuple(topics), tuple(unknown))


def _name(phrase: list[str]) -> tuple[str, str] | None:
    """("p", province) or ("t", topic) for a phrase, as typed, without its "و"s, or with "و" added."""
    if phrase[0] in _AND or phrase[-1] in _AND:
        return None
    bare = [w for w in phrase if w not in _AND]
    spellings = dict.fromkeys([" ".join(phrase), " ".join(bare)] + ([" و ".join(bare)] if len(bare) > 1 else []))
    for text in spellings:
        province = canonical_province(text)
        if province:
            return "p", province
        topic = canonical_topic(text)
        if topic:
            return "t", topic
    return None


def parse_time(word: str) -> time | None:
    """`08:30`, `8:30`, `۸:۳۰`, `8.30`, `8` → time; None if it is not a time of day."""
    m = _TIME.match(to_latin_digits(normalize_fa(word)).strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def parse_mode(args: Sequence[str]) -> ModeChoice | ArgError:
    ws = [w.lower() for w in words(args)]
    if len(ws) == 1 and ws[0] in INSTANT_WORDS:
        return ModeChoice(Mode.INSTANT)
    if len(ws) == 1 and ws[0] in GROUPED_WORDS | SINGLE_WORDS:
        return ModeChoice(None, grouped=ws[0] in GROUPED_WORDS)
    if len(ws) == 2 and ws[0] in DAILY_WORDS:
        at = parse_time(ws[1])
        if at is not None:
            return ModeChoice(Mode.DAILY, at)
    return ArgError(tuple(ws))


def parse_quiet(args: Sequence[str]) -> QuietChoice | ArgError:
    ws = words(args)
    if len(ws) == 1 and ws[0].lower() in OFF_WORDS:
        return QuietChoice(None)
    m = _RANGE.match(" ".join(ws))
    if m:
        start, end = parse_time(m.group(1)), parse_time(m.group(2))
        if start is not None and end is not None:
            return QuietChoice((start, end))
    return ArgError(tuple(ws))


def parse_filter(args: Sequence[str]) -> FilterChange | ArgError:
    """`+a -b` (also `+ a`, `−b`); `clear` removes every filter."""
    ws = words(args)
    if len(ws) == 1 and ws[0].lower() in OFF_WORDS:
        return FilterChange(clear=True)
    include: dict[str, None] = {}
    exclude: dict[str, None] = {}
    bad: list[str] = []
    sign = ""
    for w in ws:
        if w in _PLUS or w in _MINUS:
            sign = w
            continue
        if w[0] in _PLUS or w[0] in _MINUS:
            sign, w = w[0], w[1:]
        word = keyword(w.strip(_PLUS + _MINUS))
        if not sign or not any(c.isalnum() for c in word):  # an invisible or punctuation-only word never matches
            bad.append(w)
        elif sign in _PLUS:
            include.setdefault(word, None)
        else:
            exclude.setdefault(word, None)
        sign = ""
    if bad or not (include or exclude):
        return ArgError(tuple(bad or ws))
    return FilterChange(tuple(include), tuple(exclude))


def parse_count(args: Sequence[str], default: int, maximum: int) -> int | ArgError:
    ws = words(args)
    if not ws:
        return default
    if len(ws) == 1 and ws[0].isdecimal() and 1 <= int(ws[0]) <= maximum:
        return int(ws[0])
    return ArgError(tuple(ws))


def parse_channel(args: Sequence[str]) -> ChannelAdd | ChannelList | ChannelRemove | ArgError:
    ws = words(args)
    if not ws:
        return ArgError()
    verb, rest = ws[0].lower(), ws[1:]
    if verb in LIST_WORDS and not rest:
        return ChannelList()
    if not rest or not _is_chat_ref(rest[0]):
        return ArgError(tuple(ws))
    ref = rest[0]
    if verb in REMOVE_WORDS and len(rest) == 1:
        return ChannelRemove(ref)
    if verb not in ADD_WORDS:
        return ArgError(tuple(ws))
    daily_at: time | None = None
    tail = rest[1:]
    grouped = bool(tail) and tail[-1].lower() in GROUPED_WORDS
    if grouped:
        tail = tail[:-1]
    if len(tail) >= 2 and tail[-2].lower() in DAILY_WORDS:
        daily_at = parse_time(tail[-1])
        if daily_at is None:
            return ArgError((tail[-1],))
        tail = tail[:-2]
    return ChannelAdd(ref, parse_targets(tail), daily_at, grouped)


def _is_chat_ref(word: str) -> bool:
    if word.startswith("@"):
        name = word[1:]
        return 4 <= len(name) <= 32 and name.isascii() and all(c.isalnum() or c == "_" for c in name)
    return word.startswith("-100") and word[1:].isdigit()


@dataclass(frozen=True, slots=True)
class AddSource:
    url: str
    province: str
    name: str | None = None


def parse_addsource(args: Sequence[str]) -> AddSource | ArgError:
    """`URL province [name]`; the province may be several words (`سیستان و بلوچستان`)."""
    if len(args) < 2:
        return ArgError(tuple(args))
    url = args[0].strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > 2048:
        return ArgError((url[:80],))
    rest = words(args[1:])
    for n in range(min(MAX_PHRASE, len(rest)), 0, -1):
        found = _name(rest[:n])
        if found is not None and found[0] == "p":
            name = " ".join(rest[n:]).strip() or None
            return AddSource(url, found[1], name[:100] if name else None)
    return ArgError((rest[0],) if rest else ())
