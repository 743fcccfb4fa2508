"""Prometheus metrics of one khabar process, in a registry of its own (no global state).

Created once per process (`khabar run` makes it and passes it to the application and the wiring)
and handed down explicitly; code that counts something takes a `Metrics` (or None) and calls the
named instrument. Most counting happens where the stages' result values meet (bot.ops.observe), not
inside the stages. Served on KHABAR_METRICS_HOST:KHABAR_METRICS_PORT by bot.runtime.health_server.

| metric                                   | type      | labels           | meaning                                  |
| ---------------------------------------- | --------- | ---------------- | ---------------------------------------- |
| khabar_polls_total                       | counter   | outcome          | source polls: ok, not_modified, failed   |
| khabar_poll_seconds                      | histogram |                  | one source: fetch + parse + dedupe       |
| khabar_items_total                       | counter   | kind             | feed entries: new, duplicate (seen/old)  |
| khabar_stories_clustered_total           | counter   |                  | new items that joined a known story      |
| khabar_digests_built_total               | counter   |                  | digests extracted from new items         |
| khabar_extract_seconds                   | histogram |                  | one digest extraction                    |
| khabar_sources_paused_total              | counter   |                  | sources paused after repeated failures   |
| khabar_fanout_total                      | counter   | kind             | per chat: queued/held/duplicate/overflow |
| khabar_messages_total                    | counter   | result, reason   | sends: sent/retried/failed/unknown, why  |
| khabar_telegram_429_total                | counter   |                  | 429 answers from the Bot API             |
| khabar_queue_length                      | gauge     |                  | messages waiting in the delivery queue   |
| khabar_queue_oldest_age_seconds          | gauge     |                  | how long the longest-ready chat waited   |
| khabar_last_poll_tick_timestamp_seconds  | gauge     |                  | unix time of this process's last tick    |
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


def _registry() -> CollectorRegistry:
    return CollectorRegistry(auto_describe=True)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=_registry)

    def __post_init__(self) -> None:
        r = self.registry
        self.polls = Counter("khabar_polls", "Source polls by outcome", ["outcome"], registry=r)
        self.items = Counter("khabar_items", "Feed items by kind (new, duplicate)", ["kind"], registry=r)
        self.stories_clustered = Counter(
            "khabar_stories_clustered", "Items recognised as an already known story from another source", registry=r
        )
        self.digests = Counter("khabar_digests_built", "Digests extracted", registry=r)
        self.sources_paused = Counter("khabar_sources_paused", "Sources paused after repeated failures", registry=r)
        self.fanout = Counter(
            "khabar_fanout", "Story deliveries by fan-out result (queued, held, duplicate, overflow)", ["kind"],
            registry=r,
        )  # fmt: skip
        self.messages = Counter(
            "khabar_messages", "Telegram messages by result (sent, retried, failed, unknown) and reason",
            ["result", "reason"], registry=r,
        )  # fmt: skip
        self.rate_limited = Counter("khabar_telegram_429", "429 answers from the Bot API", registry=r)
        self.queue_length = Gauge("khabar_queue_length", "Deliveries waiting in the queue", registry=r)
        self.queue_oldest_age = Gauge(
            "khabar_queue_oldest_age_seconds", "Age of the oldest waiting delivery", registry=r
        )
        self.last_tick = Gauge(
            "khabar_last_poll_tick_timestamp_seconds", "Unix time of this process's last poll tick", registry=r
        )
        self.extract_seconds = Histogram(
            "khabar_extract_seconds", "Time to extract one digest", registry=r,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
        )  # fmt: skip
        self.poll_seconds = Histogram(
            "khabar_poll_seconds", "Time to poll one source (fetch + parse + dedupe)", registry=r,
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
        )  # fmt: skip

        # label values known in advance start at zero, so dashboards see them before the first event
        for outcome in ("ok", "not_modified", "failed"):
            self.polls.labels(outcome)
        for kind in ("new", "duplicate"):
            self.items.labels(kind)
        for kind in ("queued", "held", "duplicate", "overflow"):
            self.fanout.labels(kind)

    def message(self, result: str, reason: str) -> None:
        """One send attempt ended: result sent / retried / failed / unknown (timed out: Telegram may or
        may not have delivered it), reason e.g. flood, neterr, rejected, timeout."""
        self.messages.labels(result, reason).inc()
        if reason == "flood":
            self.rate_limited.inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
