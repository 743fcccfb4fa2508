"""Charset detection: the bytes of a feed or article page → text. Imports nothing of ours.

Iranian sites often mislabel their encoding: a `text/xml` header without charset, a `charset=utf-8`
header on a windows-1256 body, or a windows-1256 XML declaration on a UTF-8 body. The order here:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins;
2. a body that decodes as strict UTF-8 is UTF-8 (windows-1256 Persian text is practically never
   valid UTF-8, so this also overrides wrong labels);
3. otherwise the declared encodings, in order: XML declaration, HTTP header charset, HTML meta;
   the first one that names a text codec and decodes the body without error;
4. otherwise windows-1256 with replacement characters (the legacy encoding of Persian sites).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""", re.I)
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I)
_HEADER = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I)
FALLBACK = "windows-1256"
SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec actually used
    declared: str | None  # what the document or header claimed, if anything


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER.search(content_type)
    return m.group(1).lower() if m else None


def declared_charsets(body: bytes, content_type: str | None) -> list[str]:
    """Encodings the document and the header claim, most authoritative first."""
    head = body[:SNIFF_BYTES]
    xml = _XML_DECL.match(head)
    meta = _META.search(head)
    found = (
        xml.group(1).decode("ascii") if xml else None,
        header_charset(content_type),
        meta.group(1).decode("ascii") if meta else None,
    )
    return list(dict.fromkeys(name.lower() for name in found if name))


def _try(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)  # non-text codecs (base64, zip, ...) raise LookupError
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def decode(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a feed or page body; never raises."""
    declared = declared_charsets(body, content_type)
    first = declared[0] if declared else None
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _try(body, encoding)
            if text is not None:
                return Decoded(text.lstrip("\ufeff"), encoding, first)
    text = _try(body, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", first)
    for encoding in declared:
        text = _try(body, encoding)
        if text is not None:
            return Decoded(text, encoding, first)
    return Decoded(body.decode(FALLBACK, errors="replace"), FALLBACK, first)
