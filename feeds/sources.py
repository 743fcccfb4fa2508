"""Sources files: load and validate the TOML catalogue of feeds.

Format (public interface):

    [[source]]
    id = "mojnews-khuzestan"
    name = "خبرگزاری موج خوزستان"
    url = "https://example.org/rss"   # http(s), or a path relative to this file for local feeds
    province = "خوزستان"              # or `national = true` for a desk that covers the whole country
    # interval = 600                  # optional, seconds
    # evidence = "owner/repo path@commit"   # where this URL was seen (required in the bundled catalogue)
    # evidence_seen = "2026-12-06"          # when that evidence was recorded or read

Local feed files are allowed only here, in a file the operator controls; they become file:// URLs.
A province must be one of digest/gazetteer.py's (any of its spellings): an unknown one is refused
with the nearest name suggested, since no province subscription would ever match it. The bundled
catalogue (`CATALOGUE`) is loaded strictly: every entry must say where its URL was seen
and when, and must name a province or be marked national.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from feeds.model import FeedSource
from feeds.state import POLL_FLOOR

MAX_SOURCES_FILE_BYTES = 1024 * 1024
MAX_SOURCES = 5000
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_INTERVAL = POLL_FLOOR  # a shorter interval is refused, never silently raised
MAX_INTERVAL = 7 * 86400
CATALOGUE = Path(__file__).resolve().parent / "catalogue.toml"
_FIELDS = frozenset({"id", "name", "url", "province", "national", "interval", "evidence", "evidence_seen"})


class SourcesError(ValueError):
    """A sources file is unreadable or invalid; the message names the file and the entry."""


def load_sources(path: Path, *, require_evidence: bool | None = None) -> list[FeedSource]:
    """Read and validate a sources TOML file. Raises SourcesError with a one-line reason.

    `require_evidence` (default: only for the bundled catalogue) makes `evidence`, `evidence_seen`
    and a province or `national = true` mandatory for every entry.
    """
    strict = path.resolve() == CATALOGUE if require_evidence is None else require_evidence
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourcesError(f"sources: cannot read {path}: {exc.strerror}") from None
    if len(raw) > MAX_SOURCES_FILE_BYTES:
        raise SourcesError(f"sources: {path} is larger than {MAX_SOURCES_FILE_BYTES} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourcesError(f"sources: {path} is not valid UTF-8 TOML: {exc}") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourcesError(f"sources: {path}: [[source]] must be an array of tables")
    if len(entries) > MAX_SOURCES:
        raise SourcesError(f"sources: {path} has more than {MAX_SOURCES} sources")
    sources = [_entry(path, i, e, strict=strict) for i, e in enumerate(entries, 1)]
    for i, source in enumerate(sources, 1):
        _check_province(source.province, f"sources: {path}: source #{i}")
    _check_unique(path, sources)
    return sources


def _check_province(province: str | None, where: str) -> None:
    """A sources file's province must be one khabar knows, else no province subscription would match it."""
    from digest.places import canonical_province  # lazy: the digest package costs ~0.2 s to import

    if province is None or canonical_province(province) is not None:
        return
    hint = nearest_province(province)
    raise SourcesError(
        f"{where}: unknown province {province!r}"
        + (f"; did you mean {hint!r}?" if hint else "; write one of the 31 province names in Persian, e.g. 'خوزستان'")
    )


def nearest_province(name: str) -> str | None:
    """The canonical province whose name or spelling variant is closest to `name` (difflib), if any is close."""
    from digest.gazetteer import PROVINCE_VARIANTS

    spellings = {v: p for p, variants in PROVINCE_VARIANTS.items() for v in (p, *variants)}
    bare = name.strip().removeprefix("استان").strip()
    match = difflib.get_close_matches(bare, list(spellings), n=1, cutoff=0.6)
    return spellings[match[0]] if match else None


def _entry(path: Path, index: int, entry: object, where: str | None = None, *, strict: bool = False) -> FeedSource:
    where = where or f"sources: {path}: source #{index}"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where} is not a table")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    sid = _str(entry, "id", where)
    if not _ID_RE.match(sid):
        raise SourcesError(f"{where}: id {sid!r} must be a lower-case slug (a-z, 0-9, . _ -), ≤64 chars")
    name = _str(entry, "name", where)
    url = _resolve_url(path, _str(entry, "url", where), where)
    if strict and url.startswith("file:"):
        raise SourcesError(f"{where}: catalogue URLs must be http(s), not a local file")
    province = _province(entry, where, strict=strict)
    interval = _interval(entry.get("interval"), f"{where} ({sid})")
    evidence, seen = _evidence(entry, where, strict=strict)
    return FeedSource(sid, name.strip(), url, province, interval, True, evidence, seen)


def _interval(interval: object, where: str) -> int | None:
    if interval is None:
        return None
    if not isinstance(interval, int) or isinstance(interval, bool):
        raise SourcesError(f"{where}: interval must be whole seconds, got {interval!r}")
    if interval < MIN_INTERVAL:
        raise SourcesError(
            f"{where}: interval = {interval} is below the poll floor of {MIN_INTERVAL} s (khabar never polls a source "
            "more often); raise it or remove the line"
        )
    if interval > MAX_INTERVAL:
        raise SourcesError(f"{where}: interval = {interval} is above the maximum of {MAX_INTERVAL} s")
    return interval


def _province(entry: dict[str, object], where: str, *, strict: bool) -> str | None:
    """The entry's province; `national = true` instead says it covers the whole country."""
    province, national = entry.get("province"), entry.get("national", False)
    if province is not None and (not isinstance(province, str) or not province.strip()):
        raise SourcesError(f"{where}: province must be a non-empty string")
    if not isinstance(national, bool):
        raise SourcesError(f"{where}: national must be true or false")
    if province is not None and national:
        raise SourcesError(f"{where}: a source is either national or of one province, not both")
    if strict and province is None and not national:
        raise SourcesError(f"{where}: the catalogue needs a province or national = true")
    return province.strip() if province else None


def _evidence(entry: dict[str, object], where: str, *, strict: bool) -> tuple[str | None, date | None]:
    """Where and when the URL was seen; both required in strict (catalogue) mode."""
    evidence = _str(entry, "evidence", where) if strict or "evidence" in entry else None
    raw = entry.get("evidence_seen")
    if raw is None:
        if strict:
            raise SourcesError(f"{where}: 'evidence_seen' is required (YYYY-MM-DD)")
        return evidence, None
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return evidence, raw
    if isinstance(raw, str):
        try:
            return evidence, date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise SourcesError(f"{where}: 'evidence_seen' must be a date, YYYY-MM-DD")


def _str(entry: dict[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourcesError(f"{where}: {key!r} is required and must be a non-empty string")
    if len(value) > 2048:
        raise SourcesError(f"{where}: {key!r} is too long")
    return value.strip()


def _resolve_url(path: Path, url: str, where: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    if scheme in {"http", "https"}:
        if not urlsplit(url).hostname:
            raise SourcesError(f"{where}: url {url!r} has no host")
        return url
    if scheme and len(scheme) > 1:  # (a one-letter "scheme" is a Windows drive)
        raise SourcesError(f"{where}: url scheme {scheme!r} not allowed (http, https or a local path)")
    local = (path.parent / url).resolve()
    if not local.is_file():
        raise SourcesError(f"{where}: local feed {url!r} not found (looked at {local})")
    return local.as_uri()


def remote_source(
    source_id: str, name: str, url: str, province: str | None = None, interval: int | None = None
) -> FeedSource:
    """Validate a source added at runtime (an admin's /addsource): http(s) only, never a local file.

    Raises SourcesError with a one-line reason.
    """
    where = f"source {source_id!r}"
    entry: dict[str, object] = {"id": source_id, "name": name, "url": url}
    if province is not None:
        entry["province"] = province
    if interval is not None:
        entry["interval"] = interval
    if urlsplit(url.strip()).scheme.lower() not in {"http", "https"}:
        raise SourcesError(f"{where}: url must be http:// or https://")
    return replace(_entry(Path("."), 0, entry, where), from_file=False)


def merge_sources(from_file: list[FeedSource], added: list[FeedSource]) -> list[FeedSource]:
    """The operator's file first; runtime additions after it, except ids the file already uses."""
    ids = {s.id for s in from_file}
    return [*from_file, *(s for s in added if s.id not in ids)]


def _check_unique(path: Path, sources: list[FeedSource]) -> None:
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise SourcesError(f"sources: {path}: duplicate source id {s.id!r}")
        seen.add(s.id)
