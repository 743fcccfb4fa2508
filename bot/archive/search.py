"""Search the archive and show one page of answers (`/search`, its page buttons, `khabar search`).

`search_page(store, query, page, now, tz)` runs a parsed query (bot.archive.query) against the archive
(bot.store.archive) and returns a `SearchAnswer`: Telegram HTML (every archived value escaped, never
more than one message) and the page numbers for the buttons. Plain-text output for the command line
is `answer_text`. Imports bot.store, bot.archive.query, bot.texts and digest.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from bot import texts
from bot.archive.query import Query
from bot.store import Store
from bot.store.archive import ArchivedStory, Page
from bot.texts import Html, fa_digits, fmt
from digest import jalali_date, to_persian_digits
from digest.htmlparts import clip
from digest.render import safe_url

PAGE_SIZE = 5
# Caps that keep a page of PAGE_SIZE stories under Telegram's 4096 characters, whatever was archived
HEADLINE_CHARS = 180
VALUE_CHARS = 40
CONTEXT_CHARS = 100
ROLE_CHARS = 100
NAME_CHARS = 50
NAME_SHOWN_CHARS = 40  # a province or outlet name
PROVINCES_SHOWN = 3
SOURCES_SHOWN = 2


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    text: Html  # one Telegram message
    page: int  # 0-based
    pages: int  # 0 when nothing matched
    total: int
    stories: tuple[ArchivedStory, ...] = ()


def pages_of(total: int, size: int = PAGE_SIZE) -> int:
    return (total + size - 1) // size


async def search_page(store: Store, query: Query, page: int, now: datetime, tz: str) -> SearchAnswer:
    """Page `page` (0-based, clamped) of the stories matching `query`, newest first."""
    numbers = await store.archive.numbers(query.groups(), now)
    pages = pages_of(len(numbers))
    if not numbers:
        return SearchAnswer(fmt(texts.SEARCH_NONE, query=query.text), 0, 0, 0)
    page = min(max(page, 0), pages - 1)
    found = Page(len(numbers), await store.archive.records(numbers[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]))
    return SearchAnswer(render_page(query, found, page, pages, tz), page, pages, found.total, tuple(found.stories))


def render_page(query: Query, found: Page, page: int, pages: int, tz: str) -> Html:
    head = fmt(
        texts.SEARCH_HEADER,
        query=query.text,
        total=fa_digits(found.total),
        page=fa_digits(page + 1),
        pages=fa_digits(pages),
    )
    items = [story_lines(s, page * PAGE_SIZE + i + 1, tz) for i, s in enumerate(found.stories)]
    return Html("\n\n".join([head, *items]))


def link(label: str, url: str | None) -> Html:
    """`label` (escaped) as a link to `url` when it is a safe http(s) URL."""
    text = html.escape(texts.plain(label), quote=False)
    safe = safe_url(url)
    return Html(f'<a href="{html.escape(safe, quote=True)}">{text}</a>' if safe else text)


def source_label(a: ArchivedStory) -> str:
    shown = texts.LIST_SEPARATOR.join(clip(s, NAME_SHOWN_CHARS) for s in a.sources[:SOURCES_SHOWN])
    return shown or texts.SOURCE_UNKNOWN


def provinces_label(a: ArchivedStory) -> str:
    shown = [clip(p, NAME_SHOWN_CHARS) for p in a.provinces[:PROVINCES_SHOWN]]
    return texts.LIST_SEPARATOR.join(shown) + (texts.ELLIPSIS if len(a.provinces) > PROVINCES_SHOWN else "")


def speaker_text(a: ArchivedStory) -> str:
    name = clip(a.speaker, NAME_CHARS) if a.speaker else ""
    role = clip(a.role, ROLE_CHARS) if a.role else ""
    return f"{name} ({role})" if name and role else name or role


def story_lines(a: ArchivedStory, n: int, tz: str) -> str:
    lines = [fmt(texts.SEARCH_ITEM, n=fa_digits(n), headline=link(clip(a.headline, HEADLINE_CHARS), a.url))]
    who = speaker_text(a)
    if who:
        lines.append(fmt(texts.SEARCH_SPEAKER, who=who))
    if a.figures:
        f = a.figures[0]
        lines.append(fmt(texts.SEARCH_FIGURE, value=figure_value(f.text), context=figure_context(f.context)))
    where = provinces_label(a) or texts.EVERY_PROVINCE_SHORT
    date = jalali_date(a.when, tz, with_time=False)
    lines.append(fmt(texts.SEARCH_META, where=where, source=source_label(a), date=date))
    return "\n".join(lines)


def figure_value(text: str) -> str:
    return to_persian_digits(clip(text, VALUE_CHARS))


def figure_context(context: str) -> str:
    return to_persian_digits(clip(context, CONTEXT_CHARS))


def answer_text(answer: SearchAnswer, tz: str) -> str:
    """The answer as plain text lines for a terminal (`khabar search`)."""
    if not answer.stories:
        return "no stories found"
    out = [f"{answer.total} stories, page {answer.page + 1} of {answer.pages}"]
    for a in answer.stories:
        out.append("")
        out.append(a.headline)
        who = speaker_text(a)
        if who:
            out.append(f"  {who}")
        for f in a.figures[:2]:
            out.append(f"  • {f.text} — {f.context}")
        date = jalali_date(a.when, tz, with_time=False)
        out.append(f"  {', '.join(a.provinces)} · {source_label(a)} · {date}")
        if a.url:
            out.append(f"  {a.url}")
    return "\n".join(out)
