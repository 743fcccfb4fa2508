from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from feeds.fetch import FetchConfig, build_client
from feeds.model import FeedSource
from feeds.poller import Outcome, PollConfig, PollDeps, PollResult, poll_due, select_new
from feeds.state import FeedState, SchedulePolicy, SeenMark, StoreUnavailable
from tests.fakes import FakeSeenStore, FakeStateStore
from tests.feeds.conftest import NOW, rss
from tests.feedserver import FIXTURES, FeedServer

DESC = "شرح کوتاه خبر برای آزمون."


def item(n: int, when: datetime | None = None, **extra: str) -> dict[str, str]:
    fields = {
        "title": f"خبر شماره {n}",
        "guid": f"g-{n}",
        "link": f"https://news.example.ir/n/{n}",
        "description": DESC,
    }
    if when is not None:
        fields["date"] = format_datetime(when, usegmt=True)
    return fields | extra


def at(minutes: float) -> datetime:
    return NOW + timedelta(minutes=minutes)


class Rig:
    """A poller wired to fakes, a real local server and a real client."""

    def __init__(self, server: FeedServer, client: httpx.AsyncClient, fetch_cfg: FetchConfig, **cfg: Any) -> None:
        self.server = server
        self.states = FakeStateStore()
        self.seen = FakeSeenStore()
        config = PollConfig(fetch=fetch_cfg, schedule=SchedulePolicy(pause_after_errors=3), **cfg)
        self.deps = PollDeps(client, self.states, self.seen, config)
        self.source = FeedSource("khz", "خبرگزاری آزمایشی خوزستان", server.url("/rss"), province="خوزستان")

    def server_fixture(self, name: str) -> bytes:
        return (FIXTURES / name).read_bytes()

    def server_fixture_uri(self, name: str) -> str:
        return (FIXTURES / name).as_uri()

    def serve(self, *items: dict[str, str], **kw: Any) -> None:
        self.server.bytes("/rss", rss(*items), **kw)

    async def poll(self, now: datetime, *sources: FeedSource, backfill: int | None = None) -> PollResult:
        return await poll_due(self.deps, sources or (self.source,), now, force=True, backfill=backfill)


@pytest.fixture
def rig(server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig) -> Rig:
    return Rig(server, client, open_config)


def titles(result: PollResult) -> list[str | None]:
    return [i.title for i in result.items]


async def test_first_poll_announces_nothing_then_only_what_is_new(rig: Rig) -> None:
    rig.serve(item(3, at(-10)), item(2, at(-60)), item(1, at(-120)))
    first = await rig.poll(NOW)
    assert first.items == () and first.outcomes[0].outcome is Outcome.OK and first.outcomes[0].entries == 3
    rig.serve(item(4, at(5)), item(3, at(-10)), item(2, at(-60)))
    second = await rig.poll(at(10))
    assert titles(second) == ["خبر شماره 4"]
    third = await rig.poll(at(20))
    assert third.items == ()


async def test_backfill_takes_the_newest_items_of_a_new_source(rig: Rig) -> None:
    rig.serve(item(1, at(-120)), item(3, at(-10)), item(2, at(-60)))  # document order is not date order
    result = await rig.poll(NOW, backfill=2)
    assert titles(result) == ["خبر شماره 3", "خبر شماره 2"]
    assert (await rig.poll(at(10), backfill=2)).items == ()  # backfill only applies to the first poll


async def test_feed_item_fields(rig: Rig) -> None:
    rig.serve(item(1, at(-5)), item(2))  # the second has no date
    result = await rig.poll(NOW, backfill=5)
    dated, undated = sorted(result.items, key=lambda i: i.title or "")
    assert dated.source_id == "khz" and dated.source_name == rig.source.name and dated.province == "خوزستان"
    assert dated.published == at(-5) and dated.url == "https://news.example.ir/n/1" and DESC in dated.text
    assert undated.published == NOW  # first-seen time


async def test_304_round_trip_through_the_poller(rig: Rig) -> None:
    rig.serve(item(1, at(-5)), etag='"v1"')
    await rig.poll(NOW)
    again = await rig.poll(at(10))
    (outcome,) = again.outcomes
    assert outcome.outcome is Outcome.NOT_MODIFIED and again.items == ()
    assert rig.server.requests[-1].headers.get("If-None-Match") == '"v1"'
    assert outcome.state.etag == '"v1"' and outcome.state.error_count == 0


async def test_slide_back_into_a_latest_n_feed_is_not_announced(rig: Rig) -> None:
    rig.serve(item(3, at(-10)), item(2, at(-20)), item(1, at(-30)))
    await rig.poll(NOW)
    rig.serve(item(4, at(5)), item(3, at(-10)), item(2, at(-20)))  # 1 falls out of the latest 3
    assert titles(await rig.poll(at(10))) == ["خبر شماره 4"]
    rig.serve(item(3, at(-10)), item(2, at(-20)), item(1, at(-30)))  # 4 deleted: 1 slides back in
    assert (await rig.poll(at(20))).items == ()


async def test_slide_back_after_the_seen_state_forgot_the_item(rig: Rig) -> None:
    old = [item(2, at(-90)), item(1, NOW - timedelta(days=3))]
    rig.serve(*old)
    await rig.poll(NOW)
    rig.serve(item(3, at(5)))  # both fall out of the feed ...
    await rig.poll(at(10))
    keys = rig.seen.seen["khz"]
    for key in [k for k, last in keys.items() if last < at(10).timestamp()]:
        del keys[key]  # ... and out of the (capped) seen-state, which still knows item 3
    rig.serve(item(3, at(5)), *old)
    assert (await rig.poll(at(60))).items == ()  # unseen again, but dated before the first poll


async def test_late_item_within_grace_is_announced(rig: Rig) -> None:
    rig.serve(item(2, at(-5)))
    await rig.poll(NOW)
    rig.serve(item(2, at(-5)), item(1, at(-20)))  # published before our first poll, reached the feed late
    assert titles(await rig.poll(at(10))) == ["خبر شماره 1"]


async def test_guid_churn_is_not_a_new_item(rig: Rig) -> None:
    rig.serve(item(1, at(-5)))
    await rig.poll(NOW)
    rig.serve(item(1, at(-5), guid="g-1-v2", link="http://www.news.example.ir/n/1/?utm_source=rss"))
    assert (await rig.poll(at(10))).items == ()


async def test_undated_items_are_judged_by_identity_not_date(rig: Rig) -> None:
    rig.serve(item(1), item(2))
    await rig.poll(NOW)
    rig.serve(item(3), item(1), item(2))
    assert titles(await rig.poll(at(10))) == ["خبر شماره 3"]


async def test_seen_state_that_expired_rebaselines_instead_of_flooding(rig: Rig) -> None:
    rig.serve(item(1, at(-5)))
    await rig.poll(NOW)
    del rig.seen.seen["khz"]  # e.g. the source was paused longer than seen_ttl
    rig.serve(item(3, at(50)), item(2, at(40)), item(1, at(-5)))
    assert (await rig.poll(at(60))).items == ()


async def test_failures_back_off_then_pause_is_reported_once(rig: Rig) -> None:
    rig.server.status("/rss", 502)
    results = [await rig.poll(at(i)) for i in range(4)]
    outcomes = [r.outcomes[0] for r in results]
    assert [o.outcome for o in outcomes] == [Outcome.FAILED] * 4
    assert [o.state.error_count for o in outcomes] == [1, 2, 3, 4]
    assert [r.paused for r in results] == [(), (), ("khz",), ()]
    assert outcomes[0].state.next_check_at == at(0) + timedelta(seconds=600)
    assert outcomes[1].state.next_check_at == at(1) + timedelta(seconds=1200)
    assert "502" in (outcomes[0].error or "")
    assert rig.states.schedule["khz"] == float("inf")


async def test_429_is_retried_after_retry_after(rig: Rig) -> None:
    rig.server.status("/rss", 429, headers={"Retry-After": "5400"})
    (outcome,) = (await rig.poll(NOW)).outcomes
    assert outcome.state.next_check_at == NOW + timedelta(seconds=5400) and outcome.status == 429


async def test_unparseable_document_is_a_failure(rig: Rig) -> None:
    rig.server.bytes("/rss", b"", content_type="text/xml")
    (outcome,) = (await rig.poll(NOW)).outcomes
    assert outcome.outcome is Outcome.FAILED and outcome.error == "parse: empty document"


async def test_teasers_get_the_article_text_and_fall_back_when_the_page_fails(rig: Rig) -> None:
    teaser = (rig.server_fixture("teaser_ilam.xml")).replace(b"{BASE}", rig.server.url("").encode())
    rig.server.bytes("/rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    first_poll = datetime(2024, 3, 4, 4, 30, tzinfo=UTC)  # the fixture's items: 05:00 and 04:00
    await rig.poll(first_poll)
    rig.server.bytes("/rss", teaser)
    rig.server.file("/article/ilam-1.html", "article_ilam.html", content_type="text/html; charset=utf-8")
    result = await rig.poll(first_poll + timedelta(hours=1))
    by_guid = {i.key: i for i in result.items}
    assert len(by_guid) == 2
    full, kept = sorted(result.items, key=lambda i: i.published, reverse=True)
    assert "دهلران، آبدانان و دره‌شهر" in full.text
    assert kept.text == "خلاصه کوتاه خبری که صفحه آن حذف شده است."


async def test_a_title_less_teaser_takes_the_page_title(rig: Rig) -> None:
    rig.server.bytes("/rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    first_poll = datetime(2024, 3, 4, 4, 30, tzinfo=UTC)
    await rig.poll(first_poll)
    teaser = f"""<item><link>{rig.server.url("/fa/news/3012345")}</link><guid>untitled-1</guid>
      <pubDate>Mon, 04 Mar 2024 05:00:00 GMT</pubDate><description>اعزام تیم پزشکی به ایلام.</description></item>"""
    rig.server.bytes("/rss", f"<rss version='2.0'><channel><title>t</title>{teaser}</channel></rss>".encode())
    rig.server.file("/fa/news/3012345", "page_province_menu.html", content_type="text/html; charset=utf-8")
    (got,) = (await rig.poll(first_poll + timedelta(hours=1))).items
    assert got.title == "اعزام ۲۰ تیم پزشکی به مناطق سیل\u200cزده ایلام"
    assert got.text.startswith("به گزارش خبرگزاری تسنیم از ایلام") and "کرمانشاه" not in got.text


async def test_one_structured_log_line_per_step(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    rig.server.bytes("/rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    first_poll = datetime(2024, 3, 4, 4, 30, tzinfo=UTC)
    await rig.poll(first_poll)
    rig.server.bytes("/rss", rig.server_fixture("teaser_ilam.xml").replace(b"{BASE}", rig.server.url("").encode()))
    rig.server.file("/article/ilam-1.html", "article_ilam.html", content_type="text/html; charset=utf-8")
    with caplog.at_level(logging.INFO, logger="khabar.feeds"):
        await rig.poll(first_poll + timedelta(hours=1))
    steps = [r.getMessage() for r in caplog.records]
    assert steps[0] == "poll.claim"
    for step in ("feed.fetch", "feed.parse", "feed.dedupe", "feed.fulltext", "feed.state"):
        assert step in steps
    for record in caplog.records[1:]:
        assert record.source_id == "khz"
    fulltext = [r for r in caplog.records if r.getMessage() == "feed.fulltext"]
    assert len(fulltext) == 2 and {r.status for r in fulltext} == {200, 404}


async def test_per_host_cap_and_parallel_hosts(server: FeedServer, open_config: FetchConfig) -> None:
    server.slow("/slow", delay=0.3, body=rss(item(1, at(-5))))

    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    async with build_client(open_config, resolve=resolve) as client:
        rig = Rig(server, client, open_config, per_host=2, concurrency=16)
        sources = [
            FeedSource(f"{host}-{i}", "منبع", server.url("/slow", host=f"{host}.test"))
            for host in ("a", "b")
            for i in range(5)
        ]
        started = asyncio.get_running_loop().time()
        result = await rig.poll(NOW, *sources)
        elapsed = asyncio.get_running_loop().time() - started
    assert all(o.outcome is Outcome.OK for o in result.outcomes) and len(result.outcomes) == 10
    assert server.max_inflight == {"a.test": 2, "b.test": 2}
    assert elapsed < 5 * 0.3 + 1.0  # the two hosts ran side by side (≈3 rounds each)


async def test_only_due_sources_are_polled_and_each_is_claimed_once(rig: Rig) -> None:
    rig.serve(item(1, at(-5)))
    other = replace(rig.source, id="later")
    rig.states.add([rig.source.id], NOW)
    rig.states.schedule["later"] = at(30).timestamp()
    first, second = await asyncio.gather(
        poll_due(rig.deps, [rig.source, other], NOW), poll_due(rig.deps, [rig.source, other], NOW)
    )
    polled = [o.source_id for o in (*first.outcomes, *second.outcomes)]
    assert polled == ["khz"]
    assert rig.server.hits("/rss") == 1


async def test_a_crash_in_one_source_does_not_stop_the_others(rig: Rig) -> None:
    rig.serve(item(1, at(-5)))
    original = rig.seen.mark

    async def broken(source_id: str, identities: Any, now: datetime, queue: Any = ()) -> SeenMark:
        if source_id == "bad":
            raise RuntimeError("boom")
        return await original(source_id, identities, now, queue)

    rig.seen.mark = broken  # type: ignore[method-assign]
    result = await rig.poll(NOW, rig.source, replace(rig.source, id="bad"))
    by_id = {o.source_id: o for o in result.outcomes}
    assert by_id["khz"].outcome is Outcome.OK
    assert by_id["bad"].outcome is Outcome.FAILED and "boom" in (by_id["bad"].error or "")
    assert rig.states.states["bad"].error_count == 1


async def test_a_store_outage_aborts_the_tick_and_blames_no_source(rig: Rig) -> None:
    rig.serve(item(1, at(-5)))

    async def down(*args: Any, **kwargs: Any) -> SeenMark:
        raise StoreUnavailable("ConnectionError: Redis is restarting")

    rig.seen.check = down  # type: ignore[method-assign]
    with pytest.raises(StoreUnavailable):
        await rig.poll(NOW, rig.source, replace(rig.source, id="other"))
    assert rig.states.states == {} and rig.states.saves == 0  # no error counted against any source


async def test_new_items_are_handed_on_until_acknowledged(rig: Rig) -> None:
    deps = replace(rig.deps, inbox=rig.seen)
    rig.serve(item(1, at(-10)))
    await poll_due(deps, [rig.source], NOW, force=True)  # baseline
    rig.serve(item(2, at(5)), item(1, at(-10)))
    got = await poll_due(deps, [rig.source], at(10), force=True)
    assert titles(got) == ["خبر شماره 2"] and len(rig.seen.inbox) == 1
    # never acknowledged (its process died): handed on again once its lease ran out, and only then
    assert titles(await poll_due(deps, [rig.source], at(10.5), force=True)) == []
    assert titles(await poll_due(deps, [rig.source], at(12), force=True)) == ["خبر شماره 2"]
    rig.seen.ack(got.items[0])
    assert titles(await poll_due(deps, [rig.source], at(20), force=True)) == []


async def test_local_feed_only_for_sources_from_the_operator_file(rig: Rig) -> None:
    local = rig.server_fixture_uri("rss1_fars.xml")
    trusted = FeedSource("fars", "خبر شیراز", local, from_file=True)
    untrusted = FeedSource("sneaky", "؟", local)
    result = await rig.poll(NOW, trusted, untrusted)
    by_id = {o.source_id: o for o in result.outcomes}
    assert by_id["fars"].outcome is Outcome.OK and by_id["fars"].entries == 2
    assert by_id["sneaky"].outcome is Outcome.FAILED and (by_id["sneaky"].error or "").startswith("ssrf:")


def test_select_new_never_decides_by_date_alone() -> None:
    from feeds.parse import Entry

    def entry(n: int, when: datetime | None) -> Entry:
        return Entry((f"k{n}",), None, None, f"t{n}", "", "", when, n)

    cfg = PollConfig(fetch=FetchConfig(user_agent="t"))
    state = FeedState(first_success_at=NOW)
    entries = [entry(1, at(-600)), entry(2, at(60)), entry(3, None)]
    picked = select_new(entries, SeenMark(True, (True, False, True)), state, at(120), cfg, backfill=0)
    assert [e.position for e in picked] == [3]  # 1: too old; 2: already seen although newest; 3: undated, unseen
