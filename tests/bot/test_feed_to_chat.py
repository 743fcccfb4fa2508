"""Feed → chat, the whole way: a local feed server, the real pipeline and digest, the fake Bot API."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from bot.runtime.clock import system_clock
from bot.telegram.app import build_application, serve
from bot.wiring import default_wiring
from tests.bot.conftest import delete_prefix, khabar_settings
from tests.bot.waiting import store_of, wait_drained
from tests.fakebotapi import FakeBotAPI
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_89b941ca74b638ba.txt").read_text(encoding="utf-8")
TEHRAN_TEXT = (
    "مدیرکل بهزیستی استان تهران گفت: آمار طلاق در تهران در سال گذشته ۱۵ درصد افزایش یافته و شمار معتادان "
    "متجاهر نیز بیشتر شده است. وی افزود: بیش از ۲ هزار کودک کار در پایتخت شناسایی شده‌اند و خانواده‌های "
    "آسیب‌دیده نیازمند حمایت اجتماعی هستند."
)
SPORT_TEXT = "تیم فوتبال استقلال در دیدار دیشب لیگ برتر با دو گل پیروز شد. سرمربی تیم گفت بازیکنان عملکرد خوبی داشتند."
NOW = format_datetime(datetime.now(UTC))  # news is recent; items dated before a source's first poll are not news
ALL, KHUZ = 1101, 1102


def item(guid: str, title: str, text: str) -> dict[str, str]:
    return {"title": title, "guid": guid, "link": f"https://news.example/{guid}", "date": NOW, "description": text}


async def test_feed_items_reach_the_right_chats_exactly_once(tmp_path: Path) -> None:
    with FeedServer() as feeds:
        feeds.bytes("/khuz.xml", rss(item("old-1", "خبر قدیمی", SPORT_TEXT)), content_type="application/rss+xml")
        feeds.bytes("/tehran.xml", rss(), content_type="application/rss+xml")
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nid = "khuz"\nname = "خبرگزاری خوزستان"\nurl = "http://127.0.0.1:{feeds.port}/khuz.xml"\n'
            f'province = "خوزستان"\n\n'
            f'[[source]]\nid = "tehran"\nname = "خبرگزاری تهران"\nurl = "http://127.0.0.1:{feeds.port}/tehran.xml"\n'
            f'province = "تهران"\n',
            encoding="utf-8",
        )
        async with FakeBotAPI() as fake:
            settings = replace(
                khabar_settings(fake.base_url),
                sources_path=sources,
                poll_interval=1,
                min_interval=1,
                fulltext=False,
            )
            prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
            app = build_application(settings, wiring=default_wiring, clock=system_clock, prefix=prefix)

            def polls(path: str) -> int:
                return sum(r.path == path for r in feeds.requests)

            stop = asyncio.Event()
            task = asyncio.create_task(serve(app, stop))
            try:
                fake.send_text(fake.private(ALL), ALL, "/subscribe")
                fake.send_text(fake.private(KHUZ), KHUZ, "/subscribe خوزستان")
                await fake.wait_for(lambda: len(fake.messages_to(ALL)) == 1 and len(fake.messages_to(KHUZ)) == 1)
                for user in (ALL, KHUZ):  # one message per story, however the polls bunch them (mode grouped
                    fake.send_text(fake.private(user), user, "/mode single")  # is test_bursts.py's)
                await fake.wait_for(lambda: len(fake.messages_to(ALL)) == 2 and len(fake.messages_to(KHUZ)) == 2)
                # the first poll is the baseline (the old item is not news); a second request means it was stored
                await fake.wait_for(lambda: polls("/khuz.xml") >= 2 and polls("/tehran.xml") >= 2, 20)

                feeds.bytes(
                    "/khuz.xml",
                    rss(
                        item("old-1", "خبر قدیمی", SPORT_TEXT),
                        item("k-2", "خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل", SEED),
                        item("k-3", "پیروزی استقلال در لیگ برتر", SPORT_TEXT),
                    ),
                    content_type="application/rss+xml",
                )
                feeds.bytes("/tehran.xml", rss(item("t-1", "افزایش ۱۵ درصدی طلاق در تهران", TEHRAN_TEXT)),
                            content_type="application/rss+xml")  # fmt: skip
                await fake.wait_for(lambda: len(fake.messages_to(ALL)) == 4 and len(fake.messages_to(KHUZ)) == 3, 20)
                # three more polls of each feed, then an empty queue: a duplicate would have been sent by now
                seen = {path: polls(path) for path in ("/khuz.xml", "/tehran.xml")}
                await fake.wait_for(lambda: all(polls(p) >= n + 3 for p, n in seen.items()), 30)
                await wait_drained(store_of(app))

                got_all = [m.text for m in fake.messages_to(ALL)[2:]]
                got_khuz = [m.text for m in fake.messages_to(KHUZ)[2:]]
                assert len(got_all) == 2 and len(got_khuz) == 1
                assert "روزبه کردونی" in got_khuz[0] and "خوزستان" in got_khuz[0]
                assert any("طلاق در تهران" in t for t in got_all)
                assert not any("استقلال" in m.text or "خبر قدیمی" in m.text for m in fake.sent)
                assert max(Counter((m.chat_id, m.html) for m in fake.sent).values()) == 1
            finally:
                stop.set()
                await asyncio.wait_for(task, 20)
                await delete_prefix(prefix)
