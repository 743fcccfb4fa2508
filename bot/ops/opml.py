"""OPML 2.0 for sources: `khabar export --opml` writes one, `khabar import --opml FILE` reads one.

Written (one `outline` per http(s) source; local-file sources have no URL another reader could use):

    <outline type="rss" text="ایسنا خوزستان" title="ایسنا خوزستان" xmlUrl="https://..."
             category="خوزستان" khabar:id="isna-khz" khabar:interval="900"/>

The province is the OPML 2.0 `category` (a tag, no slashes); `khabar:id` and `khabar:interval`
(namespace NS) keep a round trip exact. Read: every outline with an `xmlUrl`, at any depth; the
province is the first known province among its `category` tags (`/Iran/خوزستان` works too), else
the nearest enclosing folder outline whose text or title names a province (how other readers
group feeds), else none. A source without `khabar:id` gets the id `/addsource` would give its URL.

Parsed with defusedxml: a DTD or an entity declaration is refused (no XML bombs, no external
entities), and the file may be at most MAX_OPML_BYTES. Errors are `BackupError`, one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from bot.ops.backup import BackupError
from bot.ops.sources_admin import source_id_for
from digest import canonical_province
from feeds.model import FeedSource
from feeds.sources import MAX_SOURCES, SourcesError, remote_source

NS = "https://github.com/khabar-bot/khabar/opml/1"
MAX_OPML_BYTES = 4 * 1024 * 1024
_ID = f"{{{NS}}}id"
_INTERVAL = f"{{{NS}}}interval"


def to_opml(sources: Sequence[FeedSource], now: datetime, title: str = "khabar sources") -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<opml version="2.0" xmlns:khabar="{NS}">',
        "  <head>",
        f"    <title>{escape(title)}</title>",
        f"    <dateCreated>{format_datetime(now)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for s in sources:
        if not s.url.lower().startswith(("http://", "https://")):
            continue
        attrs = {"type": "rss", "text": s.name, "title": s.name, "xmlUrl": s.url}
        if s.province:
            attrs["category"] = s.province.replace("/", " ").replace(",", " ")
        attrs["khabar:id"] = s.id
        if s.interval:
            attrs["khabar:interval"] = str(s.interval)
        lines.append("    <outline " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items()) + "/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode("utf-8")


def parse_opml(raw: bytes) -> tuple[FeedSource, ...]:
    """Every feed outline as a runtime source (validated like /addsource, without fetching)."""
    if len(raw) > MAX_OPML_BYTES:
        raise BackupError(f"import: the OPML file is larger than {MAX_OPML_BYTES // (1024 * 1024)} MiB")
    try:
        root = SafeET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BackupError(f"import: OPML refused: {type(exc).__name__} (DTDs and entities are not allowed)") from None
    except ParseError as exc:
        raise BackupError(f"import: not well-formed XML: {exc}") from None
    body = root.find("body") if isinstance(root, Element) and root.tag == "opml" else None
    if body is None:
        raise BackupError("import: not an OPML document (expected <opml> with a <body>)")
    out: dict[str, FeedSource] = {}
    for n, (outline, folder) in enumerate(_feed_outlines(body)):
        if n >= MAX_SOURCES:
            raise BackupError(f"import: the OPML file has more than {MAX_SOURCES} feeds")
        source = _source(outline, folder, n)
        known = out.get(source.id)
        if known is not None and known.url != source.url:
            raise BackupError(f"import: OPML feed #{n + 1}: id {source.id!r} is used by two different URLs")
        out.setdefault(source.id, source)
    return tuple(out.values())


def _feed_outlines(body: Element) -> list[tuple[Element, str | None]]:
    """(outline with an xmlUrl, the province its nearest province-named folder gives), in document order."""
    found: list[tuple[Element, str | None]] = []
    stack: list[tuple[Element, str | None]] = [(child, None) for child in reversed(list(body))]
    while stack:
        node, folder = stack.pop()
        if node.tag != "outline":
            continue
        if node.get("xmlUrl") is not None:
            found.append((node, folder))
        here = _province_of_folder(node) or folder
        stack.extend((child, here) for child in reversed(list(node)))
    return found


def _province_of_folder(node: Element) -> str | None:
    for name in (node.get("text"), node.get("title")):
        if name and (province := canonical_province(name.strip())):
            return province
    return None


def _source(outline: Element, folder: str | None, n: int) -> FeedSource:
    url = (outline.get("xmlUrl") or "").strip()
    where = f"import: OPML feed #{n + 1} ({url[:80]!r})"
    name = (outline.get("title") or outline.get("text") or "").strip() or url
    province = _province_of_category(outline.get("category")) or folder
    sid = (outline.get(_ID) or "").strip() or source_id_for(url)
    try:
        return remote_source(sid, name[:200], url, province, _interval(outline.get(_INTERVAL)))
    except (SourcesError, ValueError) as exc:
        raise BackupError(f"{where}: {exc}") from None


def _province_of_category(category: str | None) -> str | None:
    for tag in (category or "").split(","):
        for part in reversed(tag.split("/")):
            if part.strip() and (province := canonical_province(part.strip())):
                return province
    return None


def _interval(raw: Any) -> int | None:
    if raw is None or raw == "":
        return None
    if not str(raw).isdigit():
        raise ValueError(f"khabar:interval must be whole seconds, got {str(raw)[:20]!r}")
    return int(raw)
