"""End to end through the real Application: commands in, digests out, via the fake Bot API."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from tests.bot.conftest import Harness, make_story, say
from tests.bot.waiting import wait_settled
from tests.fakebotapi import Chat

USER = 501


async def test_start_subscribe_and_one_digest(khabar: Harness) -> None:
    fake = khabar.fake
    chat = fake.private(USER)
    fake.send_text(chat, USER, "/start")
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 1)
    assert "خبر" in fake.messages_to(USER)[0].text
    fake.send_text(chat, USER, "/subscribe")
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 2)
    reply = fake.messages_to(USER)[1]
    assert "همهٔ خبرهای اجتماعی" in reply.text and reply.reply_markup  # with the province picker

    social = make_story("افزایش ۲۰ درصدی طلاق در اهواز")
    other = make_story("نتایج لیگ برتر فوتبال", social=False, topics=())
    khabar.poll.publish(social, other)
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 3)
    khabar.poll.publish(social)  # the same story announced again (e.g. after a crash) adds nothing
    await khabar.services.fanout.run(khabar.clock())
    await wait_settled(khabar.poll, khabar.store)
    texts = [m.text for m in fake.messages_to(USER)[2:]]
    assert len(texts) == 1 and "افزایش ۲۰ درصدی طلاق در اهواز" in texts[0]
    assert "فوتبال" not in " ".join(m.text for m in fake.sent)


async def test_subscribe_khuzestan_gets_only_khuzestan(khabar: Harness) -> None:
    fake = khabar.fake
    a, b = 601, 602
    fake.send_text(fake.private(a), a, "/subscribe خوزستان")
    fake.send_text(fake.private(b), b, "/subscribe")
    await fake.wait_for(lambda: len(fake.messages_to(a)) == 1 and len(fake.messages_to(b)) == 1)
    assert "خوزستان" in fake.messages_to(a)[0].text
    ahvaz = make_story("کمبود آب در روستاهای خوزستان", province="خوزستان", topics=("فقر و حمایت",))
    tehran = make_story("افزایش کودکان کار در تهران", province="تهران", topics=("کودکان",))
    khabar.poll.publish(ahvaz, tehran)
    await fake.wait_for(lambda: len(fake.messages_to(b)) == 2, 8)  # both stories, as one burst message
    await fake.wait_for(lambda: len(fake.messages_to(a)) >= 2, 8)
    await wait_settled(khabar.poll, khabar.store)
    got_a = [m.text for m in fake.messages_to(a)[1:]]
    assert len(got_a) == 1 and "خوزستان" in got_a[0]
    (got_b,) = [m.text for m in fake.messages_to(b)[1:]]
    assert ahvaz.digest.headline in got_b and tehran.digest.headline in got_b
    counts = Counter((m.chat_id, m.html) for m in fake.sent)
    assert max(counts.values()) == 1


async def test_group_only_admins_change_subscription(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4001, "group", title="گروه", admins={701}, creator=701))
    fake.send_text(group, 702, "/subscribe")
    await fake.wait_for(lambda: len(fake.messages_to(-4001)) == 1)
    assert "مدیران گروه" in fake.messages_to(-4001)[0].text
    assert await khabar.store.subscriptions.get(-4001) is None
    fake.send_text(group, 701, "/subscribe")
    await fake.wait_for(lambda: len(fake.messages_to(-4001)) == 2, 6)
    assert await khabar.store.subscriptions.get(-4001) is not None


async def test_a_story_stored_but_never_announced_is_delivered_once(khabar: Harness) -> None:
    """A crash between the pipeline storing new stories and their announcement loses nothing."""
    fake = khabar.fake
    await say(khabar, fake.private(USER), USER, "/subscribe")
    lost = make_story("خبری که پیش از اعلام ماند", first_seen=khabar.clock())
    old = make_story("خبر خیلی قدیمی", first_seen=khabar.clock() - timedelta(days=1))
    khabar.stories.add(lost, old)  # stored by the pipeline; the process died before submit()
    assert await khabar.services.fanout.reconcile(khabar.clock()) == 1
    assert await khabar.services.fanout.reconcile(khabar.clock()) == 0  # announced once, ever
    await khabar.services.fanout.run(khabar.clock())
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 2, 8)
    await wait_settled(khabar.poll, khabar.store)
    assert [m.text.split("\n")[0] for m in fake.messages_to(USER)[1:]] == ["خبری که پیش از اعلام ماند"]
