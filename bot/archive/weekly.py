"""Numbers of the week: an opt-in weekly post of the week's key figures, grouped by topic and province.

`/weekly on [day] [HH:MM]` stores a plan (bot.store.weekly; default Saturday 09:00, the first day of
the Iranian week, in KHABAR_TIMEZONE); the repeating JobQueue tick calls `post_due(now)`, which
takes the chats whose time has come, builds each post from the archive (stories of the last seven
days with a figure, narrowed to the chat's provinces/topics when its subscription is narrowed), and
queues it like any other message (bot.store.delivery: shared rate limits, retries, exactly one
sender). Due times live in Redis, so a post whose moment passed while khabar was down goes out at
the next start, and several processes never post the same chat twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.archive.figures import FigureRow, pack_lines, relevant
from bot.archive.search import figure_context, figure_value, link, source_label
from bot.args import parse_time, words
from bot.settings import Settings
from bot.store import Store
from bot.store.archive import ArchivedStory
from bot.store.subscriptions import Subscription
from bot.store.weekly import WeeklyPlan
from bot.terms import FIGURES, province_term, topic_term
from bot.texts import Html, fmt
from digest import jalali_date, to_persian_digits
from digest.render import OTHER_GROUP, hashtag
from digest.textmatch import squash

log = logging.getLogger("khabar.weekly")

WEEK = timedelta(days=7)
POST_LEASE = 300  # seconds before a crashed post is retried
MAX_STORIES = 40  # newest stories with figures read for one post
MESSAGE_CHARS = 3800
DEFAULT_PLAN = WeeklyPlan(5, time(9, 0))  # Saturday 09:00
# Python weekday numbers (0 = Monday) by Persian and English day names, squashed (no spaces/ZWNJ)
DAYS = {
    "شنبه": 5,
    "یکشنبه": 6,
    "دوشنبه": 0,
    "سهشنبه": 1,
    "چهارشنبه": 2,
    "پنجشنبه": 3,
    "جمعه": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
}
DAY_NAMES = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")
ON_WORDS = frozenset({"on", "روشن", "فعال"})
OFF_WORDS = frozenset({"off", "خاموش", "لغو", "غیرفعال"})


@dataclass(frozen=True, slots=True)
class WeeklyChoice:
    plan: WeeklyPlan | None  # None: turn it off


def parse_weekly(args: Sequence[str]) -> WeeklyChoice | None:
    """`on [day] [HH:MM]` (either order), `off`; None when not understood."""
    ws = [w.lower() for w in words(args)]
    if not ws:
        return None
    if ws == [ws[0]] and ws[0] in OFF_WORDS:
        return WeeklyChoice(None)
    if ws[0] not in ON_WORDS:
        return None
    day, at = DEFAULT_PLAN.weekday, DEFAULT_PLAN.at
    rest = ws[1:]
    if rest and parse_time(rest[-1]) is not None:
        at = parse_time(rest[-1]) or at
        rest = rest[:-1]
    if rest:
        key = squash("".join(rest))
        if key not in DAYS:
            return None
        day = DAYS[key]
    return WeeklyChoice(WeeklyPlan(day, at))


def next_post(plan: WeeklyPlan, now: datetime, tz: ZoneInfo) -> datetime:
    """The next moment after `now` when the wall clock in `tz` shows the plan's day and time."""
    local = now.astimezone(tz)
    for days in range(8):
        day = local + timedelta(days=days)
        at = datetime(day.year, day.month, day.day, plan.at.hour, plan.at.minute, tzinfo=tz)
        if day.weekday() == plan.weekday and at > local:
            return at
    raise AssertionError("a weekday recurs within 8 days")


def describe_plan(plan: WeeklyPlan) -> dict[str, str]:
    return {"day": DAY_NAMES[plan.weekday], "time": to_persian_digits(f"{plan.at.hour:02d}:{plan.at.minute:02d}")}


class WeeklyPoster:
    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._settings = settings
        self._tz = ZoneInfo(settings.timezone)

    async def opt_in(self, ck: str, plan: WeeklyPlan, now: datetime) -> datetime:
        nxt = next_post(plan, now, self._tz)
        await self._store.weekly.set(ck, plan, nxt.timestamp())
        return nxt

    async def post_due(self, now: datetime) -> int:
        """Queue the weekly post of every chat whose time has come; returns how many were queued."""
        queued = 0
        for ck in await self._store.weekly.take_due(now.timestamp(), POST_LEASE):
            queued += await self._post(ck, now)
        return queued

    async def _post(self, ck: str, now: datetime) -> int:
        plan = await self._store.weekly.plan(ck)
        if plan is None:
            await self._store.weekly.remove(ck)
            return 0
        chat, _, thread = ck.partition("/")
        sub = await self._store.subscriptions.get(int(chat), int(thread) if thread else None)
        parts: list[Html] = []
        if sub is None or not sub.paused:
            parts = await self.compile(sub, now)
            await self._store.delivery.enqueue_parts(ck, parts)
        # a crash between queueing and this line repeats the post once, after POST_LEASE
        await self._store.weekly.set_due(ck, next_post(plan, now, self._tz).timestamp())
        log.info("weekly post queued", extra={"chat_id": ck, "parts": len(parts)})
        return 1 if parts else 0

    async def compile(self, sub: Subscription | None, now: datetime) -> list[Html]:
        """The post for a chat: the last seven days' figures, grouped by topic, then province."""
        groups: list[list[str]] = [[FIGURES]]
        if sub is not None and sub.provinces:
            groups.append([province_term(p) for p in sub.provinces])
        if sub is not None and sub.topics:
            groups.append([topic_term(t) for t in sub.topics])
        numbers = await self._store.archive.numbers(groups, now, since=now - WEEK)
        stories = await self._store.archive.records(numbers[:MAX_STORIES])
        stories = [s for s in stories if s.first_seen >= now - WEEK]
        tz = self._settings.timezone
        head = fmt(
            texts.WEEKLY_TITLE,
            start=jalali_date(now - WEEK, tz, with_time=False),
            end=jalali_date(now, tz, with_time=False),
        )
        if not stories:
            return [fmt(texts.WEEKLY_NONE, title=head)]
        return pack_lines([head, *grouped_lines(stories, tz)], MESSAGE_CHARS)


def grouped_lines(stories: Sequence[ArchivedStory], tz: str) -> list[str]:
    """Topic header, province sub-header, then one line per figure with its source."""
    tree: dict[str, dict[str, list[FigureRow]]] = {}
    for s in stories:
        topic = s.topics[0] if s.topics else OTHER_GROUP
        province = s.provinces[0] if s.provinces else texts.EVERY_PROVINCE_SHORT
        tree.setdefault(topic, {}).setdefault(province, []).extend(FigureRow(f, s) for f in relevant(s.figures, set()))
    lines: list[str] = []
    for topic in sorted(tree, key=lambda t: (t == OTHER_GROUP, -sum(len(v) for v in tree[t].values()))):
        lines.append(fmt(texts.WEEKLY_TOPIC, topic=hashtag(topic) or topic))
        for province, rows in sorted(tree[topic].items(), key=lambda kv: -len(kv[1])):
            lines.append(fmt(texts.WEEKLY_PROVINCE, province=province))
            lines += [weekly_line(r, tz) for r in rows]
    return lines


def weekly_line(row: FigureRow, tz: str) -> Html:
    f, a = row.figure, row.story
    return fmt(
        texts.WEEKLY_LINE,
        value=figure_value(f.text),
        context=figure_context(f.context),
        source=link(source_label(a), a.url),
        date=jalali_date(a.when, tz, with_time=False),
    )
