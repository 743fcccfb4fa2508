"""Feed text: a title, summary or content as feedparser returns it → plain text, decoded once.

Imports only `digest.clean` (its HTML reader). feedparser says what each value is (`title_detail.type` and friends):
`text/plain` values are already text; every other type (`text/html`, `application/xhtml+xml`, a
base64 `application/octet-stream`) is markup, whose tags are removed (block elements become line
breaks, scripts and styles go) and whose entities are decoded.

Feeds double-escape often enough (`<![CDATA[آرنج&amp;zwnj;بند]]>`, an escaped `&lt;b&gt;` in a
text title, HTML in a "plain" base64 title) that a value which still carries entity references or
tags after its own decoding is decoded again as markup, up to MAX_MARKUP_DECODES decodings in all.
Nothing else: the result is text for `html.escape` at render time, and no number, name or place
can come from markup.
"""

from __future__ import annotations

import re

from digest.clean import html_to_text

PLAIN_TYPES = frozenset({"text/plain", "text"})
MAX_MARKUP_DECODES = 2  # a value is read as markup at most twice: its own level and one double escape
# What is left of markup in text: an entity reference, or something shaped like a tag or comment.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[")
_LINE_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def markup_to_text(markup: str) -> str:
    """The visible text of an HTML fragment: tags removed, entities decoded (the digest's own reader,
    which also survives an unclosed `<`)."""
    return html_to_text(markup)


def is_html(mime: str | None) -> bool:
    """Markup unless declared plain text (`text/html`, XHTML, and base64 `application/octet-stream`
    values, which feeds fill with HTML, are all read as HTML)."""
    return (mime or "text/html").split(";")[0].strip().lower() not in PLAIN_TYPES


def has_markup(text: str) -> bool:
    """True when the text still carries an entity reference or a tag."""
    return ENTITY.search(text) is not None or TAG.search(text) is not None


def to_text(value: str, mime: str | None) -> str:
    """Plain text of one feed value of the given type (a missing type counts as HTML, as in RSS).

    Lines are kept (one per block element), spaces within a line squeezed, blank lines dropped."""
    text, decodes = (markup_to_text(value), 1) if is_html(mime) else (value, 0)
    while decodes < MAX_MARKUP_DECODES and has_markup(text):  # escaped once too often: markup one level down
        text, decodes = markup_to_text(text), decodes + 1
    lines = (_LINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def to_line(value: str, mime: str | None) -> str:
    """`to_text` on one line: for titles."""
    return " ".join(to_text(value, mime).split())
