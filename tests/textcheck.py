"""What must never reach a reader: markup, entity references and mojibake in feed-derived text.

Used by the decoding tests and by bench/bench_feedcorpus.py, so both judge output the same way.
"""

from __future__ import annotations

import re
from html.entities import html5

from feeds.text import ENTITY

# A tag, closing tag or comment as it would look in text (`<b>`, `</p>`, `<br/>`, `<img src=…>`, `<!--`).
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[")
_RUN = re.compile(r"[^\x00-\x7f]+(?:[\x21-\x7e][^\x00-\x7f]+)*")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# The decodings that turn UTF-8 Persian (or Latin) into mojibake when the bytes are misread.
_MISREADS = ("cp1256", "cp1252", "latin-1")


def markup_in(text: str) -> list[str]:
    return MARKUP.findall(text)


def entities_in(text: str) -> list[str]:
    """Character references a browser would decode (`&#171;`, `&zwnj;`); not `&unknown;`."""
    return [e for e in ENTITY.findall(text) if e.startswith("&#") or e[1:] in html5]


def mojibake_in(text: str) -> list[str]:
    """Runs of text that are UTF-8 bytes read in a legacy encoding (`ظ…ط¯غŒط±`, `Ø§Ù„`, `Ã©`)."""
    found = []
    for run in _RUN.findall(text):
        for codec in _MISREADS:
            try:
                fixed = run.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(fixed) < len(run) and (_ARABIC.search(fixed) or codec != "cp1256"):
                found.append(run)
                break
    return found


def problems(text: str | None) -> dict[str, list[str]]:
    """Markup, entities and mojibake found in one field (empty lists when clean)."""
    value = text or ""
    return {"markup": markup_in(value), "entities": entities_in(value), "mojibake": mojibake_in(value)}
