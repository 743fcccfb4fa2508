"""Figure sheets: the latest key figures on a subject, from the archive (`/figures`, `khabar figures`).

`latest_figures(store, query, now)` takes the newest archived stories that match the query and have
a figure (bot.terms.FIGURES), and from each the figures about the query's words (else its most
salient one): value, unit, what it counts, speaker and role, outlet, date, link. `render_sheet`
writes them one line each as Telegram HTML (escaped; split into messages under Telegram's limit),
`write_csv` as a spreadsheet. Imports bot.store, bot.archive.query, bot.archive.search, bot.texts and digest.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO

from bot import texts
from bot.archive.query import Query
from bot.archive.search import figure_context, figure_value, link, source_label, speaker_text
from bot.store import Store
from bot.store.archive import ArchivedStory
from bot.terms import FIGURES, text_terms
from bot.texts import Html, fmt
from digest import jalali_date
from digest.model import Figure

MAX_ROWS = 15  # lines of a sheet in chat
CSV_ROWS = 500  # rows of `khabar figures --csv`
PER_STORY = 2  # figures taken from one story at most
MESSAGE_CHARS = 3800  # HTML characters of one message (Telegram: 4096 after parsing)
CSV_COLUMNS = (
    "date",
    "date_utc",
    "value",
    "number",
    "unit",
    "context",
    "speaker",
    "role",
    "outlet",
    "url",
    "provinces",
    "topics",
    "headline",
)


@dataclass(frozen=True, slots=True)
class FigureRow:
    figure: Figure
    story: ArchivedStory


async def latest_figures(store: Store, query: Query, now: datetime, limit: int = MAX_ROWS) -> list[FigureRow]:
    """Up to `limit` figures, newest stories first."""
    numbers = await store.archive.numbers([*query.groups(), [FIGURES]], now)
    wanted = {t for group in query.groups() for t in group if ":" not in t}
    rows: list[FigureRow] = []
    for start in range(0, len(numbers), limit):
        for story in await store.archive.records(numbers[start : start + limit]):
            rows += [FigureRow(f, story) for f in relevant(story.figures, wanted)]
            if len(rows) >= limit:
                return rows[:limit]
    return rows


def relevant(figures: Sequence[Figure], wanted: set[str]) -> list[Figure]:
    """The figures whose words meet the query's (at most PER_STORY), else the most salient one."""
    about = [f for f in figures if wanted & set(text_terms(f.text, f.context))]
    return (about or list(figures[:1]))[:PER_STORY]


def render_sheet(query: Query, rows: Sequence[FigureRow], tz: str) -> list[Html]:
    """The sheet as one or more Telegram HTML messages (a line never splits)."""
    if not rows:
        return [fmt(texts.FIGURES_NONE, query=query.text)]
    lines = [fmt(texts.FIGURES_HEADER, query=query.text), *(figure_line(r, tz) for r in rows)]
    return pack_lines(lines, MESSAGE_CHARS)


def figure_line(row: FigureRow, tz: str) -> Html:
    f, a = row.figure, row.story
    who = speaker_text(a)
    return fmt(
        texts.FIGURE_LINE,
        value=figure_value(f.text),
        context=figure_context(f.context),
        who=fmt(texts.FIGURE_WHO, who=who) if who else Html(""),
        source=link(source_label(a), a.url),
        date=jalali_date(a.when, tz, with_time=False),
    )


def pack_lines(lines: Sequence[str], limit: int) -> list[Html]:
    parts: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if parts[-1] and size + len(line) + 1 > limit:
            parts.append([])
            size = 0
        parts[-1].append(line)
        size += len(line) + 1
    return [Html("\n".join(p)) for p in parts]


def write_csv(rows: Sequence[FigureRow], out: TextIO, tz: str) -> None:
    """One row per figure (UTF-8; the number as a plain decimal for spreadsheets)."""
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for r in rows:
        f, a = r.figure, r.story
        w.writerow(
            [
                jalali_date(a.when, tz, with_time=False),
                a.when.isoformat(),
                f.text,
                f"{f.number:g}",
                f.unit or "",
                f.context,
                a.speaker or "",
                a.role or "",
                "; ".join(a.sources),
                a.url or "",
                "; ".join(a.provinces),
                "; ".join(a.topics),
                a.headline,
            ]
        )
