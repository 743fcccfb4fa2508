"""Page reader: the one way khabar reads an article page, fetched or from a file.

`read_page(html, url) -> Page` parses the page once and returns its main text (trafilatura, run
once, favouring precision: menus, province navigation, footers and related-news lists stay out),
its title (`<h1>` when it agrees with `og:title`/`<title>`, else those minus the site's name, see
`digest.sitetitle`), its publication time (meta tags, JSON-LD, `<time>`, a Jalali date line, then
htmldate; zone-less times are Tehran time), canonical URL, site name and language. Date-stamp lines
at the edges of the text are dropped (`digest.datestamp`). Used by the
full-text fetch of teaser feeds (`feeds.fulltext`) and by `khabar digest FILE.html|URL`.

`binary_reason(body, content_type)` says why a body is not a text page at all (an image, a PDF,
NUL-riddled bytes), so callers refuse it instead of printing mojibake.

Imports only feeds.charset and pure digest modules (sitetitle, datestamp); trafilatura is imported lazily (slow import).
Never raises on hostile markup: a page with nothing readable comes back with `text == ""`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit

from digest.datestamp import TEHRAN, is_date_stamp, parse_date_stamp  # zone-less times on Persian pages: Tehran
from digest.sitetitle import is_site_label, key, strip_site_affixes
from feeds import charset

# trafilatura drops non-printable characters, among them the zero-width non-joiner that Persian
# spelling needs (می‌شود, شهرستان‌ها). It is swapped for a printable stand-in and back.
ZWNJ = "\u200c"
_STANDIN = "\u2e3b"
_ZWNJ_FORMS = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.I)
HtmlElement = Any  # lxml.html.HtmlElement (lxml ships no type stubs)
_SPACE = re.compile(r"\s+")
_PERSIAN = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_CHROME_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe", "svg", "template")
_CHROME_XPATHS = ("//nav", "//footer", "//aside", "//header[not(ancestor::article) and not(ancestor::main)]")
_STAMP_TAGS = ("div", "span", "p", "li", "time", "small", "em", "b", "strong", "h3", "h4", "h5", "h6", "td", "a")
_DATE_CLASS = re.compile(r"date|time|publish|news-?info|meta", re.I)
_DIGIT = re.compile(r"[0-9\u06f0-\u06f9\u0660-\u0669]")
MAX_STAMP_CHARS = 80
MAX_EDGE_LINES = 3  # date stamps and a repeated headline are looked for in the first/last lines only
_BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr blockquote figcaption section article pre".split())
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (audio/video/image) file"),
    (b"PK\x03\x04", "a ZIP archive (or office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
)
_BINARY_TYPES = re.compile(r"^\s*(image|audio|video|font)/", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.01  # random bytes hold ~12% C0 controls, text none
MIN_PLAUSIBLE_UNICODE = 0.95


class Extractor(StrEnum):
    TRAFILATURA = "trafilatura"  # the main text as trafilatura found it
    FALLBACK = "fallback"  # trafilatura found none: the visible text minus page chrome (nav, header, footer…)
    NONE = "none"  # nothing readable


@dataclass(frozen=True, slots=True)
class Page:
    """What one article page says, read once."""

    text: str  # main text, one paragraph per line; "" when none was found
    title: str | None = None  # the headline, without the site's name
    published: datetime | None = None  # timezone-aware; None when the page gives no time
    canonical_url: str | None = None  # absolute http(s)
    site_name: str | None = None
    lang: str | None = None  # e.g. "fa"
    url: str | None = None  # where the page was read from
    extractor: Extractor = Extractor.NONE


def read_page(html: bytes | str, url: str | None = None, content_type: str | None = None) -> Page:
    """Read an article page: main text, title, time, canonical URL (never raises on bad markup)."""
    markup = charset.decode(html, content_type).text if isinstance(html, bytes) else html
    tree = _load(_ZWNJ_FORMS.sub(_STANDIN, markup))
    if tree is None:
        return Page(text="", url=url)
    meta = _meta(tree)
    document = _trafilatura(tree, url)
    names = tuple(n for n in (meta.get("og:site_name"), meta.get("application-name")) if n)
    canonical = _canonical(tree, meta, url)
    host = canonical or url
    title = _title(tree, meta, names, host)
    lang = _lang(tree, meta)
    published = _published(tree, meta, url, lang)
    text, how = _main_text(document, tree, title)  # last: its fallback prunes the tree
    return Page(
        text=text,
        title=title,
        published=published,
        canonical_url=canonical,
        site_name=_unshield(names[0]) if names else None,
        lang=lang,
        url=url,
        extractor=how,
    )


def binary_reason(body: bytes, content_type: str | None = None) -> str | None:
    """Why `body` is not text (an image, a PDF, binary bytes); None for text in any encoding."""
    if content_type and _BINARY_TYPES.match(content_type):
        return f"not a page but {content_type.split(';')[0].strip()}"
    head = body[:_SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"{what}, not text"
    if head.startswith(_BOMS) or head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None
    if b"\x00" in head:
        return None if bomless_unicode(head) else "binary data (NUL bytes), not text"
    controls = sum(1 for b in head if (b < 0x20 and b not in b"\t\n\r\f\v\x1a") or b == 0x7F)
    if head and controls / len(head) > MAX_CONTROL_RATIO:
        return "binary data (control bytes), not text"
    return None


def bomless_unicode(head: bytes) -> str | None:
    """The codec of BOM-less UTF-32/UTF-16 text ("utf-32-le", "utf-16-be"…), else None.

    Persian read in the wrong byte order is still "printable" (U+0633 becomes U+3306, a CJK sign),
    so the test is for characters a Persian or Latin page is made of: below U+0800 (Latin, Arabic
    script…), general punctuation (ZWNJ, dashes, quotes) and Arabic presentation forms.
    """
    for codec, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        text = head[: len(head) // unit * unit].decode(codec, errors="replace")
        if text and sum(_plausible(ch) for ch in text) / len(text) >= MIN_PLAUSIBLE_UNICODE:
            return codec
    return None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    if not (ch.isprintable() or ch.isspace()):
        return False
    return code < 0x0800 or 0x2000 <= code < 0x2070 or 0xFB50 <= code <= 0xFEFC


def has_persian(text: str) -> bool:
    return _PERSIAN.search(text) is not None


def _unshield(text: str) -> str:
    return _SPACE.sub(" ", text.replace(_STANDIN, ZWNJ)).strip()


def _load(markup: str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    for name in ("trafilatura", "htmldate", "courlan"):  # a page with no article is a value here, not a warning
        logging.getLogger(name).setLevel(logging.CRITICAL)

    try:
        tree = load_html(markup)
    except (ValueError, TypeError, RecursionError):
        return None
    return tree


def _trafilatura(tree: HtmlElement, url: str | None) -> Any:
    """trafilatura's Document (main text only: its metadata pass costs as much as the text and we read
    title, time and canonical URL ourselves), or None. It works on its own copy of the tree."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=False,
            prune_xpath=list(_CHROME_XPATHS),  # its fallback for pages with no clear article reads everything left
        )
    except (ValueError, TypeError, RecursionError, AttributeError):  # trafilatura/lxml on hostile markup
        return None


def _meta(tree: HtmlElement) -> dict[str, str]:
    """`<meta property|name|itemprop=… content=…>`, first value of each lower-cased key."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if name and content and content.strip():
            found.setdefault(name.strip().lower(), content.strip())
    return found


def _texts(tree: HtmlElement, path: str) -> Iterator[tuple[HtmlElement, str]]:
    for el in tree.iterfind(path):
        text = _unshield(el.text_content())
        if text:
            yield el, text


def _in_article(el: HtmlElement) -> bool:
    return any(a.tag in ("article", "main") or a.get("itemprop") == "articleBody" for a in el.iterancestors())


def _agrees(h1: str, headline: str) -> bool:
    """The `<h1>` is the same headline as a meta title (already without the site's name)."""
    h, t = key(h1), key(headline)
    if h and t and (h in t or t in h) and 2 * min(len(h), len(t)) >= max(len(h), len(t)):
        return True
    hw, tw = set(h1.split()), set(headline.split())
    return len(hw) >= 3 and len(hw & tw) >= 0.7 * max(len(hw), len(tw))


def _title(tree: HtmlElement, meta: dict[str, str], names: tuple[str, ...], host: str | None) -> str | None:
    """`<h1>` when it agrees with og:title/`<title>`; else those without the site's name; else an `<h1>`."""
    page_title = next((t for el, t in _texts(tree, ".//title") if el.getparent().tag != "svg"), None)
    raw = [meta.get("og:title"), meta.get("twitter:title"), page_title]
    metas = [strip_site_affixes(_unshield(t), names, host) for t in raw if t and _unshield(t)]
    metas = [m for m in metas if m and has_persian(m) and not is_site_label(m, names, host)]
    h1s = [(el, t) for el, t in _texts(tree, ".//h1") if not is_site_label(t, names, host)]
    for _, h1 in h1s:
        if any(_agrees(h1, m) for m in metas):
            return h1
    if metas:
        return metas[0]
    inside = [t for el, t in h1s if _in_article(el)]
    return next(iter(inside or [t for _, t in h1s]), None)


def _main_text(document: Any, tree: HtmlElement, title: str | None) -> tuple[str, Extractor]:
    text = getattr(document, "text", None)
    how = Extractor.TRAFILATURA
    if not isinstance(text, str) or not text.strip():
        text, how = _visible_text(tree), Extractor.FALLBACK
    lines = [_unshield(line) for line in text.split("\n")]
    lines = _trim_furniture([line for line in lines if line], title)
    return ("\n".join(lines), how) if lines else ("", Extractor.NONE)


def _trim_furniture(lines: list[str], title: str | None) -> list[str]:
    """Drop the headline repeated as a first line and date-stamp lines at either end."""
    start, end = 0, len(lines)
    while start < min(end, MAX_EDGE_LINES) and (
        is_date_stamp(lines[start]) or (title is not None and key(lines[start]) == key(title))
    ):
        start += 1
    while end > max(start, len(lines) - MAX_EDGE_LINES) and is_date_stamp(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _visible_text(tree: HtmlElement) -> str:
    """The article's visible text without page chrome, for pages trafilatura finds nothing on."""
    roots = tree.xpath("//*[@itemprop='articleBody'] | //article | //main") or tree.xpath("//body") or [tree]
    root = roots[0]
    for el in list(root.iter(*_CHROME_TAGS)):
        if el is not root and el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _canonical(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    hrefs = [el.get("href") for el in tree.iterfind(".//link") if "canonical" in (el.get("rel") or "").lower()]
    for href in [*hrefs, meta.get("og:url")]:
        if not href or not href.strip():
            continue
        absolute = urljoin(url or "", str(href).strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.hostname:
            if parts.path in ("", "/") and url and urlsplit(url).path not in ("", "/"):
                continue  # a CMS that points every page at its home page
            return absolute
    return None


def _lang(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    root = tree.getroottree().getroot()
    raw = root.get("lang") or root.get("xml:lang") or meta.get("content-language") or meta.get("og:locale")
    if not raw:
        return None
    return str(raw).strip().replace("_", "-").split("-")[0].lower() or None


def _published(tree: HtmlElement, meta: dict[str, str], url: str | None, lang: str | None) -> datetime | None:
    """Publication time: meta tags, JSON-LD, `<time datetime>`, a Jalali stamp, then htmldate's date."""
    candidates = [meta.get(k) for k in _PUBLISHED_META]
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        candidates.extend(_LD_PUBLISHED.findall(script.text or ""))
    candidates.extend(el.get("datetime") for el in tree.iterfind(".//time[@datetime]"))
    for raw in candidates:
        when = parse_time(raw, default_zone=TEHRAN if lang in (None, "fa") else UTC)
        if when is not None:
            return when
    return _stamped(tree) or parse_time(_htmldate(tree, url), default_zone=TEHRAN if lang in (None, "fa") else UTC)


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's publication date, with the time when it has one (last resort: slower, often a bare date)."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z")
    except (ValueError, TypeError, RecursionError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def _stamped(tree: HtmlElement) -> datetime | None:
    """A Jalali date-and-time stamp in the article, or in an element named for dates (`class="date"`)."""
    for el in tree.iter(*_STAMP_TAGS):
        text = el.text
        if not text or len(text) > MAX_STAMP_CHARS or not _DIGIT.search(text):
            continue
        if _dated(el):
            when = parse_date_stamp(text)
            if when is not None:
                return when
    return None


def _dated(el: HtmlElement) -> bool:
    for node in (el, *el.iterancestors()):
        if node.tag in ("article", "main") or _DATE_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def parse_time(raw: str | None, default_zone: timezone = TEHRAN) -> datetime | None:
    """An ISO 8601 date-time as an aware datetime; a bare date (no time of day) gives None."""
    if not raw:
        return None
    text = raw.strip().replace("Z", "+00:00").replace("z", "+00:00")
    if len(text) <= len("2024-02-08") or "T" not in text.upper() and " " not in text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        if (when.hour, when.minute, when.second) == (0, 0, 0):
            return None  # htmldate writes a bare date as midnight
        when = when.replace(tzinfo=default_zone)
    return when
