"""Admin commands: sources (with an injected validator), stats, channels (admin checks via the API)."""

from __future__ import annotations

from bot.context import SourceInfo
from bot.store.subscriptions import ChatKind, Mode
from tests.bot.conftest import ADMIN, Harness, make_story, say
from tests.fakebotapi import Chat

OTHER = 931
CHANNEL = -1007001


async def test_sources_add_remove(khabar: Harness) -> None:
    chat = khabar.fake.private(ADMIN)
    (text,) = await say(khabar, chat, ADMIN, "/sources")
    assert "هیچ منبعی" in text
    khabar.sources.reject["https://bad.example/rss"] = "http: 404 Not Found"
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://bad.example/rss خوزستان")
    assert "افزوده نشد" in text and "404" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://good.example/rss سیستان و بلوچستان خبرگزاری نمونه")
    assert "افزوده شد" in text and "سیستان و بلوچستان" in text and "خبرگزاری نمونه" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://good.example/rss ناکجاآباد")
    assert "نشناختم" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource")
    assert "/addsource https://example.ir/rss" in text
    khabar.sources.listed.append(SourceInfo("broken", "منبع خراب", "تهران", "https://x", "failing", "timeout"))
    (text,) = await say(khabar, chat, ADMIN, "/sources")
    assert "src1" in text and "🟢" in text and "🟠" in text
    (text,) = await say(khabar, chat, ADMIN, "/removesource src1")
    assert "حذف شد" in text and [s.id for s in khabar.sources.listed] == ["broken"]
    (text,) = await say(khabar, chat, ADMIN, "/removesource src1")
    assert "نیست" in text


async def test_stats(khabar: Harness) -> None:
    fake = khabar.fake
    await say(khabar, fake.private(OTHER), OTHER, "/subscribe")
    khabar.poll.publish(make_story("خبر برای آمار"))
    await fake.wait_for(lambda: len(fake.messages_to(OTHER)) == 2, 8)
    (text,) = await say(khabar, fake.private(ADMIN), ADMIN, "/stats")
    assert "گفتگوها: ۱" in text and "۱ ارسال" in text and "صف ارسال: ۰" in text


async def test_channel_add_checks_both_admin_rights(khabar: Harness) -> None:
    fake = khabar.fake
    chat = fake.private(ADMIN)
    channel = fake.add_chat(Chat(CHANNEL, "channel", title="کانال", username="khabar_ch", creator=OTHER,
                                 bot_status="member"))  # fmt: skip
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch")
    assert "مدیر کانال" in text and "نیستید" in text  # the requester is not a channel admin
    channel.admins.add(ADMIN)
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch")
    assert "اجازهٔ ارسال" in text  # the bot may not post
    channel.bot_status = "administrator"
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch طلاق daily ۰۹:۰۰")
    assert "اضافه شد" in text and "طلاق" in text
    sub = await khabar.store.subscriptions.get(CHANNEL)
    assert sub is not None and sub.kind is ChatKind.CHANNEL and sub.mode is Mode.DAILY and sub.daily_at == "09:00"
    (text,) = await say(khabar, chat, ADMIN, "/channel add @nosuchchannel")
    assert "پیدا نشد" in text
    (text,) = await say(khabar, chat, ADMIN, "/channel list")
    assert "@khabar_ch" in text and "طلاق" in text
    (text,) = await say(khabar, chat, ADMIN, "/channel remove @khabar_ch")
    assert "حذف شد" in text and await khabar.store.subscriptions.get(CHANNEL) is None
    (text,) = await say(khabar, chat, ADMIN, "/channel")
    assert "/channel add @mychannel" in text


async def test_instant_channel_gets_posts(khabar: Harness) -> None:
    fake = khabar.fake
    fake.add_chat(
        Chat(CHANNEL, "channel", title="کانال", username="khabar_ch", creator=ADMIN, bot_status="administrator")
    )
    await say(khabar, fake.private(ADMIN), ADMIN, "/channel add @khabar_ch")
    khabar.poll.publish(make_story("خبر فوری برای کانال"))
    await fake.wait_for(lambda: len(fake.messages_to(CHANNEL)) == 1, 8)
    assert "خبر فوری برای کانال" in fake.messages_to(CHANNEL)[0].text
