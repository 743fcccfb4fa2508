"""Render digests for Telegram (HTML parts) and the console (plain text).

`render_card` lays one digest out right-to-left: bold headline, the speaker line (`name — role`),
key figures as bullets, the summary in a blockquote, place and topic hashtags, the source linked to
the article and the Jalali date, and an "also reported by" line. `render_compact` lists many stories
in one or a few messages, grouped by topic or province. Every feed-derived string is escaped (see
`digest.htmlparts`); only Telegram's tags are produced, and parts are split under 4096 UTF-16 units
of parsed text.

Whatever an item holds, a card stays small: every feed-derived field is clipped at a word (`CAPS`,
the one place these limits live: the headline at 300 characters, the summary at 1,500, …), which
keeps a card with the default options within one or two messages, and `render_card` never returns
more than `MAX_CARD_MESSAGES` (with unusual options it drops the longest middle blocks first).
Imports only digest modules and the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from digest.htmlparts import TELEGRAM_MAX_TEXT, Block, Segment, Tag, block_text, clip, pack, plain, seg, utf16_len
from digest.jalali import jalali_date
from digest.model import Digest, Figure, Speaker
from digest.normalize import to_persian_digits
from digest.places import provinces_of

BOLD, ITALIC, QUOTE = Tag("b"), Tag("i"), Tag("blockquote")
BULLET = "• "
OTHER_GROUP = "سایر"
_HASHTAG_DROP = re.compile(r"[^\w]")
_UNDERSCORES = re.compile(r"_+")
MAX_CARD_MESSAGES = 2  # a story card is never more than this many Telegram messages


@dataclass(frozen=True, slots=True)
class Caps:
    """Longest text (characters) each feed-derived field of a card may show; longer is clipped at a word."""

    headline: int = 300
    speaker_name: int = 100
    speaker_role: int = 200
    figure: int = 60
    figure_context: int = 300
    summary: int = 1500
    source: int = 100
    others: int = 300


CAPS = Caps()


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a digest is shown; bot/ keeps one per chat."""

    timezone: str = "Asia/Tehran"
    show_summary: bool = True
    show_speaker: bool = True
    show_places: bool = True
    show_topics: bool = True
    show_date: bool = True
    max_figures: int = 4
    max_summary: int = 3
    max_places: int = 6
    group_by: Literal["topic", "province"] = "topic"
    max_length: int = TELEGRAM_MAX_TEXT


def hashtag(name: str) -> str:
    """A valid Telegram hashtag: spaces and half-spaces become `_`, other non-word characters go."""
    body = _HASHTAG_DROP.sub("", re.sub(r"[\s\u200c\-]+", "_", name.strip()))
    body = _UNDERSCORES.sub("_", body).strip("_")
    if not body or body.isdigit():
        return ""
    return "#" + body


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link without spaces or control characters, else None."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s\x00-\x1f]", url):
        return None
    return url


def headline_text(d: Digest) -> str:
    """The headline as cards and lists show it: clipped at a word to `CAPS.headline`."""
    return clip(d.headline, CAPS.headline)


def _speaker_block(s: Speaker) -> Block:
    name = [seg(clip(s.name, CAPS.speaker_name), BOLD)] if s.name else []
    role = [seg(clip(s.role, CAPS.speaker_role))] if s.role else []
    joiner = [seg(" — ")] if name and role else []
    return (seg("🗣 "), *name, *joiner, *role)


def _figure_block(f: Figure) -> Block:
    text = to_persian_digits(clip(f.text, CAPS.figure))
    context = to_persian_digits(clip(f.context, CAPS.figure_context))
    before, found, after = context.partition(text)
    if found:
        return (seg(BULLET + before), seg(text, BOLD), seg(after))
    return (seg(BULLET), seg(text, BOLD), seg(" — " + context if context else ""))


def _tags_block(icon: str, names: Sequence[str]) -> Block | None:
    tags = [t for t in (hashtag(n) for n in names) if t]
    return (seg(icon + " " + " ".join(dict.fromkeys(tags))),) if tags else None


def _source_block(d: Digest, options: RenderOptions) -> Block | None:
    url = safe_url(d.url)
    label = clip(d.source, CAPS.source) if d.source else (urlsplit(url).hostname if url else None)
    date = jalali_date(d.published, options.timezone) if options.show_date and d.published else ""
    pieces: list[Segment] = []
    if label:
        pieces.append(seg(label, Tag("a", url)) if url else seg(label))
    if date:
        pieces.append(seg((" · " if pieces else "") + "🗓 " + date))
    return tuple(pieces) or None


def card_blocks(d: Digest, options: RenderOptions, also_reported_by: Sequence[str] = ()) -> list[Block]:
    """The blocks of one digest card, top to bottom."""
    blocks: list[Block | None] = [(seg(headline_text(d), BOLD),)]
    if options.show_speaker and d.speakers and (d.speakers[0].name or d.speakers[0].role):
        blocks.append(_speaker_block(d.speakers[0]))
    blocks.extend(_figure_block(f) for f in d.figures[: options.max_figures])
    if options.show_summary and d.summary:
        blocks.append((seg(clip("\n".join(d.summary[: options.max_summary]), CAPS.summary), QUOTE),))
    if options.show_places:
        blocks.append(_tags_block("📍", d.places[: options.max_places]))
    if options.show_topics:
        blocks.append(_tags_block("🏷", d.topics))
    blocks.append(_source_block(d, options))
    others = [s for s in dict.fromkeys(also_reported_by) if s and s != d.source]
    if others:
        blocks.append((seg(clip("همچنین در: " + "، ".join(others), CAPS.others), ITALIC),))
    return [b for b in blocks if b]


def render_card(d: Digest, options: RenderOptions | None = None, also_reported_by: Sequence[str] = ()) -> list[str]:
    """One digest as Telegram HTML message parts: usually one, never more than MAX_CARD_MESSAGES."""
    opts = options or RenderOptions()
    blocks = card_blocks(d, opts, also_reported_by)
    parts = pack(blocks, limit=opts.max_length)
    while len(parts) > MAX_CARD_MESSAGES and len(blocks) > 2:  # only with unusual options (many figures…)
        middle = range(1, len(blocks) - 1)  # the headline and the source line stay
        del blocks[max(middle, key=lambda i: utf16_len(block_text(blocks[i])))]
        parts = pack(blocks, limit=opts.max_length)
    return parts[:MAX_CARD_MESSAGES]


def render_text(d: Digest, options: RenderOptions | None = None) -> str:
    """One digest as plain text for the console (no HTML)."""
    opts = options or RenderOptions()
    text = plain(card_blocks(d, opts))
    url = safe_url(d.url)
    return text + ("\n" + url if url else "")


def _group_of(d: Digest, group_by: str) -> str:
    if group_by == "province":
        return (d.provinces or provinces_of(d.places) or (OTHER_GROUP,))[0]
    return d.topics[0] if d.topics else OTHER_GROUP


def _story_block(d: Digest, figure: bool = False) -> Block:
    url = safe_url(d.url)
    head = seg(headline_text(d), Tag("a", url)) if url else seg(headline_text(d))
    key = (
        [seg(" · "), seg(to_persian_digits(clip(d.figures[0].text, CAPS.figure)), BOLD)] if figure and d.figures else []
    )
    who = d.speakers[0].name if d.speakers and d.speakers[0].name else None
    extra = [seg(" — " + clip(who, CAPS.speaker_name))] if who else []
    source = [seg(" (" + clip(d.source, CAPS.source) + ")", ITALIC)] if d.source else []
    return (seg(BULLET), head, *key, *extra, *source)


def compact_blocks(
    digests: Sequence[Digest], options: RenderOptions, title: str | None = None, figures: bool = False
) -> list[Block]:
    """Stories grouped under hashtag headers; a header travels with its first story. With `figures`,
    each story's key figure follows its headline."""
    groups: dict[str, list[Digest]] = {}
    for d in digests:
        groups.setdefault(_group_of(d, options.group_by), []).append(d)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == OTHER_GROUP, -len(kv[1])))
    blocks: list[Block] = [(seg(title, BOLD),)] if title else []
    for name, items in ordered:
        header = (seg("\n"), seg(hashtag(name) or name, BOLD), seg("\n"))
        blocks.append(header + _story_block(items[0], figures))
        blocks.extend(_story_block(d, figures) for d in items[1:])
    return blocks


def render_compact(
    digests: Sequence[Digest], options: RenderOptions | None = None, title: str | None = None, figures: bool = False
) -> list[str]:
    """Many stories in one or a few Telegram HTML messages (daily digests, channel posts, bursts),
    split only between stories. `figures`: each story's key figure after its headline."""
    opts = options or RenderOptions()
    if not digests:
        return []
    return pack(compact_blocks(digests, opts, title, figures), limit=opts.max_length)
