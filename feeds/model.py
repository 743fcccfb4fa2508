"""Typed data of the feed stage: sources in, clean items out. Imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed from a sources file (or added by an admin)."""

    id: str  # short stable slug, e.g. "mojnews-khuzestan"
    name: str  # display name, e.g. "خبرگزاری موج خوزستان"
    url: str  # http(s) URL, or file:// URI for a local feed named in an operator's sources file
    province: str | None = None
    interval: int | None = None  # seconds; None → Settings.poll_interval
    from_file: bool = False  # loaded from the operator's sources file: only these may name a file:// feed
    evidence: str | None = None  # where the URL was seen (repository/path@commit, package==version, or a page)
    evidence_seen: date | None = None  # when that evidence was recorded or read

    @property
    def is_local(self) -> bool:
        return self.url.startswith("file://")

    @property
    def host(self) -> str:
        """The host polled (for per-host limits); "" for local files."""
        return (urlsplit(self.url).hostname or "").lower()


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One new item, cleaned and ready for digest/. Handed on exactly once."""

    source_id: str
    source_name: str
    key: str  # stable identity: hash of guid / canonical link / title+date
    url: str | None
    title: str | None  # plain text on one line
    text: str  # plain text, a line per paragraph: the article page's main text if fetched, else feed content/summary
    published: datetime  # aware UTC; published, else updated, else first seen; never in the future
    province: str | None = None
