"""Item identity: canonical links and stable identity keys. Imports nothing of ours.

An item is known by up to two keys, most specific first:

- its guid (a guid that is a URL is canonicalized like a link, so `guid == link` gives one key);
- its canonical link: lower-case host without `www.`, no default port, no fragment, no tracking
  parameters (utm_*, fbclid, gclid, ...), remaining parameters sorted, percent-encoding normalized
  (raw Persian and %D9%85-style escapes compare equal), http/https and trailing-slash variants equal.

Without either, the key is a hash of title + date (+ the start of the summary). Keys are 16 hex
digits of BLAKE2b, so they are the same in every process, restart and Python version (never `hash()`).
The seen-state (dedupe) treats an item as known if *any* of its keys is known: a guid that changes
while the link stays the same ("guid churn") is not a new item.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "spm", "at_medium", "at_campaign",
    }
)  # fmt: skip
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = ":@!$'()*+,;/?-._~"
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str | None:
    """A comparison form of an http(s) URL (not for fetching); None if it is not one."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    host = host.removeprefix("www.")
    port_part = f":{port}" if port and port not in DEFAULT_PORTS.values() else ""
    path = quote(unquote(parts.path), safe=_PATH_SAFE).rstrip("/")
    query = _canonical_query(parts.query)
    return f"{host}{port_part}{path}" + (f"?{query}" if query else "")


def _canonical_query(query: str) -> str:
    pairs = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs), quote_via=quote, safe=_QUERY_SAFE)


def stable_hash(*parts: str) -> str:
    """16 hex digits of BLAKE2b over the parts (unit-separated): stable everywhere."""
    h = hashlib.blake2b(digest_size=8)
    h.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def guid_key(guid: str) -> str:
    canon = canonical_url(guid)
    return stable_hash("url", canon) if canon is not None else stable_hash("guid", guid.strip())


def link_key(link: str) -> str | None:
    canon = canonical_url(link)
    return stable_hash("url", canon) if canon is not None else None


def fallback_key(title: str | None, date_iso: str | None, summary: str | None) -> str:
    return stable_hash("item", (title or "").strip(), date_iso or "", (summary or "").strip()[:200])


def is_site_root(url: str) -> bool:
    """True for links that name a whole site (many feeds put the home page in every item)."""
    canon = canonical_url(url)
    return canon is not None and "/" not in canon and "?" not in canon
