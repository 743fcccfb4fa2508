from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from feeds.fetch import ErrorKind, FetchError, FetchResult
from feeds.state import (
    FeedState,
    SchedulePolicy,
    backoff,
    next_check,
    on_failure,
    on_not_modified,
    on_success,
    resumed,
    source_phase,
)
from tests.feeds.conftest import NOW

POLICY = SchedulePolicy(
    base_interval=600, min_interval=60, max_interval=6 * 3600, max_backoff=86400, pause_after_errors=5
)
OK = FetchResult(url="https://x.ir/rss", status=200, etag='"e1"', last_modified="Mon, 04 Mar 2024 06:00:00 GMT")


def after(seconds: float) -> object:
    return NOW + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("hints", "seconds"),
    [
        ({}, 600),
        ({"ttl": 1800}, 1800),
        ({"max_age": 3600}, 3600),
        ({"retry_after": 900.0}, 900),
        ({"ttl": 60, "max_age": 0}, 600),  # hints only ever stretch the base
        ({"ttl": 7 * 86400}, 6 * 3600),  # clamped to max_interval
    ],
    ids=["base", "ttl", "max-age", "retry-after", "short-hints", "clamped"],
)
def test_next_check(hints: dict[str, float], seconds: int) -> None:
    assert next_check(NOW, POLICY, **hints) == after(seconds)  # type: ignore[arg-type]


def test_per_source_interval_is_clamped_to_the_minimum() -> None:
    assert next_check(NOW, POLICY.for_source(10)) == after(60)
    assert next_check(NOW, POLICY.for_source(1200)) == after(1200)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(NOW, POLICY, n) for n in (1, 2, 3, 4)] == [after(600), after(1200), after(2400), after(4800)]
    assert backoff(NOW, POLICY, 40) == after(86400)
    assert backoff(NOW, POLICY, 1, retry_after=7200) == after(7200)
    assert backoff(NOW, POLICY, 1, retry_after=10**9) == after(86400)


def test_success_keeps_validators_resets_errors_and_marks_the_first_poll() -> None:
    failing = FeedState(error_count=3, last_error="fetch: HTTP 502")
    state = on_success(failing, OK, NOW, POLICY, ttl=1800, items=4)
    assert state.etag == '"e1"' and state.last_modified == OK.last_modified
    assert state.error_count == 0 and state.last_error is None and state.items == 4
    assert state.first_success_at == NOW == state.last_success_at
    assert state.next_check_at == after(1800)
    later = on_success(state, OK, NOW + timedelta(hours=1), POLICY)
    assert later.first_success_at == NOW  # set once


def test_not_modified_keeps_old_validators_when_the_304_has_none() -> None:
    state = on_success(FeedState(), OK, NOW, POLICY)
    bare_304 = FetchResult(url=OK.url, status=304)
    again = on_not_modified(state, bare_304, NOW + timedelta(minutes=10), POLICY)
    assert again.etag == '"e1"' and again.last_modified == OK.last_modified and again.last_status == 304
    assert again.first_success_at == NOW


def test_failures_back_off_then_pause_once() -> None:
    state = FeedState()
    for n in range(1, POLICY.pause_after_errors):
        state = on_failure(state, "fetch: timed out", NOW, POLICY)
        assert state.error_count == n and not state.paused and state.next_check_at is not None
    state = on_failure(state, "fetch: timed out", NOW, POLICY)
    assert state.paused and state.next_check_at is None and state.error_count == POLICY.pause_after_errors
    back = resumed(state, NOW)
    assert not back.paused and back.error_count == 0 and back.next_check_at == NOW


def test_rate_limited_failure_honours_retry_after() -> None:
    limited = FetchResult(url=OK.url, status=429, retry_after=3600, error=FetchError(ErrorKind.RATE_LIMITED, "x"))
    state = on_failure(FeedState(), str(limited.error), NOW, POLICY, status=429, retry_after=limited.retry_after)
    assert state.next_check_at == after(3600) and state.last_status == 429


def test_transitions_are_pure() -> None:
    state = FeedState(etag='"old"')
    on_success(state, OK, NOW, POLICY)
    on_failure(state, "x", NOW, POLICY)
    assert state == FeedState(etag='"old"')
    assert replace(state) == state


def test_sources_get_stable_different_periods_that_never_shorten_server_hints() -> None:
    ids = [f"source-{i}" for i in range(200)]
    periods = [(next_check(NOW, POLICY.for_source(600, sid)) - NOW).total_seconds() for sid in ids]
    assert all(540 <= p <= 600 for p in periods)  # at most jitter (10 %) shorter than the base
    assert len({round(p) for p in periods}) > 50  # spread, so polls drift apart instead of bunching
    assert periods == [(next_check(NOW, POLICY.for_source(600, sid)) - NOW).total_seconds() for sid in ids]
    assert source_phase("source-1") == source_phase("source-1") != source_phase("source-2")
    hinted = POLICY.for_source(600, "source-7")
    assert next_check(NOW, hinted, ttl=600) == after(600)  # a server's <ttl> is honoured in full
    assert next_check(NOW, hinted, retry_after=900) == after(900)
