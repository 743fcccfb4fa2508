"""Bursts coalesce: several stories ready at once reach a chat as one compact message; a single
story keeps its full card; each chat chooses (/mode grouped | single); channels keep one post per
story unless their admin says otherwise; each (chat, story) exactly once whatever the grouping."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.store.subscriptions import ChatKind, Subscription
from bot.story import Story
from digest import Figure
from tests.bot.conftest import Harness, make_story, say
from tests.fakebotapi import Chat

USER = 1501
OTHER = 1502
CHANNEL = -100_1503


def story_with_figure(headline: str, figure: str) -> Story:
    story = make_story(headline)
    fig = Figure(figure, 15.0, "درصد", f"{figure} افزایش")
    return replace(story, digest=replace(story.digest, figures=(fig,)))


async def test_a_burst_coalesces_and_a_single_story_keeps_its_card(khabar: Harness) -> None:
    fake = khabar.fake
    await khabar.store.subscriptions.put(Subscription(USER))
    burst = [story_with_figure(f"خبر هم‌زمان شماره {i}", f"{10 + i} درصد") for i in range(3)]
    khabar.poll.publish(*burst)
    await fake.wait_for(lambda: len(fake.messages_to(USER)) >= 1, 10)
    await asyncio.sleep(1.5)  # past the chat's interval: a second message would have come by now
    (message,) = fake.messages_to(USER)
    for i, story in enumerate(burst):  # headline, key figure and source link of every story
        assert story.digest.headline in message.text and f"{10 + i}" in message.text.translate(_LATIN)
        assert f'href="{story.digest.url}"' in message.html
    assert "۳ خبر تازه" in message.text
    single = make_story("تک‌خبر بعدی")
    khabar.poll.publish(single)
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 2, 10)
    card = fake.messages_to(USER)[1]
    services = khabar.services
    assert card.html == services.fanout.render(single)[0]  # the full card, as always


async def test_each_chat_chooses_and_channels_keep_one_post_per_story(khabar: Harness) -> None:
    fake = khabar.fake
    fake.add_chat(Chat(CHANNEL, "channel", title="کانال", bot_status="administrator"))
    await khabar.store.subscriptions.put(Subscription(CHANNEL, kind=ChatKind.CHANNEL))
    await khabar.store.subscriptions.put(Subscription(USER))
    chat = fake.private(USER)
    (text,) = await say(khabar, chat, USER, "/mode single")
    assert "جدا" in text
    (text,) = await say(khabar, chat, USER, "/mysubs")
    assert "هر خبر در پیامی جدا" in text
    khabar.poll.publish(*(make_story(f"خبر کانال {i}") for i in range(2)))
    await fake.wait_for(lambda: len(fake.messages_to(CHANNEL)) == 2 and len(fake.messages_to(USER)) == 4, 15)
    (text,) = await say(khabar, chat, USER, "/mode grouped")
    assert "یک پیام" in text
    khabar.poll.publish(*(make_story(f"خبر دوباره {i}") for i in range(2)))
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 6, 15)
    assert "خبر دوباره 0" in fake.messages_to(USER)[-1].text and "خبر دوباره 1" in fake.messages_to(USER)[-1].text


_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
