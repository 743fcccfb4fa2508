"""Telegram-HTML building blocks and the message splitter.

A message is a list of `Block`s (one visual line or paragraph each); a block is a list of `Segment`s,
each a plain text wrapped in a stack of Telegram tags. Rendering escapes every text, so feed text
can never inject markup. `pack()` joins blocks with `\\n` into parts of at most `limit` UTF-16 units
of *parsed* text (what Telegram counts) and at most `max_entities` tags; a block too long for one
part is cut on Persian separators (`\\n`, `.`, `؟`, `!`, `؛`, `،`, space, in that order of preference)
and every piece keeps its tags, so a tag is never cut. Imports nothing of ours.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TELEGRAM_MAX_TEXT = 4096  # telegram.constants.MessageLimit.MAX_TEXT_LENGTH (digest/ must not import telegram)
TELEGRAM_MAX_ENTITIES = 100  # telegram.constants.MessageLimit.MESSAGE_ENTITIES
SEPARATORS = ("\n", ".", "؟", "!", "؛", "،", " ")
ELLIPSIS = "…"
MIN_CUT_FRACTION = 0.3  # prefer a separator in the last 70% of the window over a hard cut


@dataclass(frozen=True, slots=True)
class Tag:
    """One Telegram tag: `Tag("b")`, `Tag("a", href)`; `attr` is the href of a link."""

    name: str
    attr: str | None = None

    def open(self) -> str:
        if self.name == "a":
            return f'<a href="{html.escape(self.attr or "", quote=True)}">'
        return f"<{self.name}>"

    def close(self) -> str:
        return f"</{self.name}>"


@dataclass(frozen=True, slots=True)
class Segment:
    """Plain text and the tags around it (outermost first)."""

    text: str
    tags: tuple[Tag, ...] = ()


Block = tuple[Segment, ...]


def seg(text: str, *tags: Tag) -> Segment:
    return Segment(text, tags)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (emoji count 2, Persian letters 1)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """`text` if it has at most `limit` characters, else cut at the last space that keeps at least
    half of it (hard cut when there is none), with an ellipsis; the result has at most `limit`."""
    if len(text) <= limit:
        return text
    room = max(limit - 1, 0)
    window = text[:room]
    if text[room].isspace():  # the window ends a word
        return window.rstrip() + ELLIPSIS
    cut = max(window.rfind(" "), window.rfind("\n"))
    kept = window[:cut] if cut >= limit // 2 else window
    return kept.rstrip() + ELLIPSIS


def block_text(block: Block) -> str:
    return "".join(s.text for s in block)


def block_entities(block: Block) -> int:
    return sum(len(s.tags) for s in block if s.text)


def render_block(block: Block) -> str:
    out = []
    for s in block:
        if s.text:
            out.append("".join(t.open() for t in s.tags))
            out.append(html.escape(s.text, quote=False))
            out.append("".join(t.close() for t in reversed(s.tags)))
    return "".join(out)


def _cut_point(text: str, budget: int) -> int:
    """Index to cut `text` so that text[:i] fits `budget` UTF-16 units, at the best separator."""
    fit = used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            break
        fit = i + 1
    if fit >= len(text) or fit == 0:
        return fit
    window = text[:fit]
    floor = int(fit * MIN_CUT_FRACTION)
    for sep in SEPARATORS:
        pos = window.rfind(sep)
        if pos >= floor:
            return pos + 1
    return fit


def split_block(block: Block, limit: int) -> list[Block]:
    """Cut one block into blocks of at most `limit` UTF-16 units, each segment keeping its tags."""
    pieces: list[Block] = []
    current: list[Segment] = []
    room = limit
    for s in block:
        text = s.text
        while text:
            if current and utf16_len(text) > room:
                pieces.append(tuple(current))  # start a long segment in a fresh piece: better cuts
                current, room = [], limit
            cut = _cut_point(text, room) or 1
            current.append(Segment(text[:cut], s.tags))
            room -= utf16_len(text[:cut])
            text = text[cut:]
            if text:
                pieces.append(tuple(current))
                current, room = [], limit
    if current:
        pieces.append(tuple(current))
    return [p for p in pieces if block_text(p)]


def pack(
    blocks: Iterable[Block], limit: int = TELEGRAM_MAX_TEXT, max_entities: int = TELEGRAM_MAX_ENTITIES
) -> list[str]:
    """Join blocks with newlines into Telegram messages of at most `limit` parsed UTF-16 units."""
    if limit < 2:
        raise ValueError("limit must leave room for one character (2 UTF-16 units)")
    parts: list[str] = []
    rendered: list[str] = []
    length = entities = 0
    for block in blocks:
        for piece in split_block(block, limit) if utf16_len(block_text(block)) > limit else [block]:
            if not block_text(piece).strip():
                continue  # Telegram rejects a message (or an entity) with no visible text
            size, ents = utf16_len(block_text(piece)), block_entities(piece)
            joiner = 1 if rendered else 0
            if rendered and (length + joiner + size > limit or entities + ents > max_entities):
                parts.append("\n".join(rendered))
                rendered, length, entities, joiner = [], 0, 0, 0
            html = render_block(piece)
            rendered.append(html if rendered else html.lstrip("\n"))  # no blank first line
            length += joiner + size
            entities += ents
    if rendered:
        parts.append("\n".join(rendered))
    return [p for p in parts if p.strip()]


def plain(blocks: Sequence[Block]) -> str:
    """The blocks as plain text (the console render)."""
    return "\n".join(block_text(b) for b in blocks)
