"""Prometheus metrics of one khabar process, in a registry of its own (no global state).

Created once by the application and passed down; code that counts something takes a `Metrics`
(or None) and calls the named instrument. Served on KHABAR_METRICS_PORT by bot.health_server.
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
        self.messages = Counter(
            "khabar_messages", "Telegram messages by result (sent, retried, failed) and reason", ["result", "reason"],
            registry=r,
        )  # fmt: skip
        self.rate_limited = Counter("khabar_telegram_429", "429 answers from the Bot API", registry=r)
        self.queue_length = Gauge("khabar_queue_length", "Deliveries waiting in the queue", registry=r)
        self.queue_oldest_age = Gauge(
            "khabar_queue_oldest_age_seconds", "Age of the oldest waiting delivery", registry=r
        )
        self.extract_seconds = Histogram(
            "khabar_extract_seconds", "Time to extract one digest", registry=r,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
        )  # fmt: skip
        self.poll_seconds = Histogram(
            "khabar_poll_seconds", "Time to poll one source (fetch + parse + dedupe)", registry=r,
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
        )  # fmt: skip

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
