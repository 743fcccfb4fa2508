"""A closed forum topic pauses that topic only: the chat's other topics and its main thread go on.

Telegram answers a sendMessage to a closed topic with 400 "Bad Request: TOPIC_CLOSED" (and to a
forum whose General topic is closed, when no message_thread_id is given). The fake Bot API does the
same; khabar runs for real against it and the real Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.store.subscriptions import ChatKind, PauseReason, Subscription
from tests.bot.conftest import Harness, ManualClock, delete_prefix, make_story, start_khabar, stop_khabar
from tests.bot.waiting import wait_settled
from tests.fakebotapi import Chat, FakeBotAPI

FORUM = -1006001
ADMIN_USER = 831
TOPIC, OTHER = 11, 22
PLACES = (None, TOPIC, OTHER)  # the forum's main thread (General) and two topics
FAST_GROUPS = 600  # messages a minute to one group, in the fake and in khabar: three places share one chat


@pytest.fixture
async def forum(clock: ManualClock) -> AsyncIterator[Harness]:
    async with FakeBotAPI(group_per_minute=FAST_GROUPS) as fake:
        fake.add_chat(Chat(FORUM, "supergroup", title="انجمن", admins={ADMIN_USER}, creator=ADMIN_USER, is_forum=True))
        h, stop, task = await start_khabar(fake, clock, group_per_minute=FAST_GROUPS)
        try:
            for thread in PLACES:
                await h.store.subscriptions.put(Subscription(FORUM, thread, kind=ChatKind.SUPERGROUP))
            yield h
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


def got(h: Harness, headline: str) -> list[int | None]:
    """The places of the forum that received the story, in order of arrival."""
    return [m.thread_id for m in h.fake.messages_to(FORUM) if headline in m.text]


async def paused(h: Harness, thread: int | None) -> bool:
    sub = await h.store.subscriptions.get(FORUM, thread)
    assert sub is not None  # paused, never deleted
    return sub.paused


async def test_a_closed_topic_pauses_only_that_topic(forum: Harness) -> None:
    fake = forum.fake
    fake.close_topic(FORUM, TOPIC)
    forum.poll.publish(make_story("خبر اول انجمن"))
    await fake.wait_for(lambda: sorted(got(forum, "خبر اول انجمن"), key=str) == sorted([None, OTHER], key=str))
    await wait_settled(forum.poll, forum.store)  # the refused send is recorded: the topic is paused by now
    assert ("sendMessage", 400, "Bad Request: TOPIC_CLOSED") in fake.errors
    assert [await paused(forum, t) for t in PLACES] == [False, True, False]
    sub = await forum.store.subscriptions.get(FORUM, TOPIC)
    assert sub is not None and sub.pause_reason is PauseReason.GONE

    refused = len(fake.errors)
    forum.poll.publish(make_story("خبر دوم انجمن"))
    await fake.wait_for(lambda: len(got(forum, "خبر دوم انجمن")) == 2)
    await wait_settled(forum.poll, forum.store)
    assert sorted(got(forum, "خبر دوم انجمن"), key=str) == sorted([None, OTHER], key=str)
    assert len(fake.errors) == refused  # the paused topic is not even tried
    assert await forum.store.delivery.chat_jobs(f"{FORUM}/{TOPIC}") == []


async def test_reopening_the_topic_resumes_it(forum: Harness) -> None:
    fake = forum.fake
    fake.close_topic(FORUM, TOPIC)
    forum.poll.publish(make_story("خبر پیش از بازگشایی"))
    await _until(forum, TOPIC, paused=True)
    fake.reopen_topic(FORUM, TOPIC)
    chat = fake.chats[FORUM]
    fake.push(message=fake.message_json(chat, ADMIN_USER, "", TOPIC, forum_topic_reopened={}))
    await _until(forum, TOPIC, paused=False)
    forum.poll.publish(make_story("خبر پس از بازگشایی"))
    await fake.wait_for(lambda: len(got(forum, "خبر پس از بازگشایی")) == 3)
    assert TOPIC not in got(forum, "خبر پیش از بازگشایی")  # dropped when paused, not sent late


async def test_a_closed_general_topic_pauses_only_the_main_thread(forum: Harness) -> None:
    fake = forum.fake
    fake.close_topic(FORUM, None)  # sendMessage without message_thread_id now answers TOPIC_CLOSED
    forum.poll.publish(make_story("خبر با موضوع عمومی بسته"))
    await fake.wait_for(lambda: sorted(got(forum, "خبر با موضوع عمومی بسته")) == [TOPIC, OTHER])
    await wait_settled(forum.poll, forum.store)
    assert [await paused(forum, t) for t in PLACES] == [True, False, False]


async def _until(h: Harness, thread: int | None, *, paused: bool) -> None:
    for _ in range(400):
        sub = await h.store.subscriptions.get(FORUM, thread)
        if sub is not None and sub.paused is paused:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"topic {thread} never became paused={paused}")
