"""Charset detection: the bytes of a feed or article page → text. Imports nothing of ours.

Decided once per body, in this order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins;
2. NUL bytes in the head mean UTF-16/32 without a BOM (as an XML declaration `encoding="utf-16"`
   reads in those encodings; ASCII in UTF-16 is also valid UTF-8, so this comes first);
   charset-normalizer tells which of the four;
   an EBCDIC body (`<?xm` in EBCDIC) is read in the codec its XML declaration names;
3. a body that decodes as strict UTF-8 is UTF-8, whatever its labels say (legacy Persian text is
   practically never valid UTF-8, so this also overrides wrong labels);
4. a body that is UTF-8 but for a few invalid bytes (a teaser cut in the middle of a letter) stays
   UTF-8, with U+FFFD where the bytes are bad;
5. otherwise the declared encodings that are ASCII-compatible text codecs, in order: XML declaration,
   HTTP header charset, HTML meta; the first that decodes the body without error. Persian-specific:
   a Latin label (`iso-8859-1`, `windows-1252`, `us-ascii`) on a body that reads as Persian in
   windows-1256 is a mislabel and reads as windows-1256;
6. otherwise sniffed: a body that reads as Persian in windows-1256 (the legacy encoding of Iranian
   sites) is windows-1256; anything else is left to charset-normalizer;
7. windows-1256 with U+FFFD for undecodable bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # `<?xm` in the EBCDIC code pages
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""", re.I)
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I)
_HEADER = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_LATIN_LABELS = frozenset({"iso8859-1", "cp1252", "ascii"})  # codecs.lookup names of the Latin labels
# The most frequent letters of Persian (and Arabic) text: about half of its letters. Any 8-bit text
# reads as Arabic letters in windows-1256; only Persian reads as these ones this often.
_COMMON_LETTERS = re.compile(r"[\u0627\u064a\u06cc\u0631\u062f\u0646\u0645\u0648\u0647\u0644]")
FALLBACK = "windows-1256"
SNIFF_BYTES = 4096
PERSIAN_SNIFF_BYTES = 64 * 1024
MIN_NUL_SHARE = 32  # 1 byte in 32 of the head at least: UTF-16/32 (8-bit text has no NUL bytes)
MAX_BAD_UTF8_SHARE = 0.1  # invalid UTF-8 sequences per valid non-ASCII character, at most
MIN_ARABIC_SHARE = 0.8  # Arabic-script share of the non-ASCII characters of a windows-1256 reading
MIN_COMMON_SHARE = 0.3  # share of those letters among them (Persian ≈ 0.5, Russian in KOI8-R ≈ 0.1)


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


def decode(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a feed or page body; never raises."""
    declared = declared_charsets(body, content_type)
    first = declared[0] if declared else None
    for attempt in (_with_bom, _wide, _ebcdic, _strict_utf8, _mostly_utf8):
        found = attempt(body)
        if found is not None:
            text, encoding = found
            return Decoded(text, encoding, first)
    text, encoding = _legacy(body, declared)
    return Decoded(text, encoding, first)


def _try(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)  # non-text codecs (base64, zip, ...) raise LookupError
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def _with_bom(body: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _try(body, encoding)
            if text is not None:
                return text.lstrip("\ufeff"), encoding
    return None


def _ebcdic(body: bytes) -> tuple[str, str] | None:
    """An EBCDIC XML document (XML 1.0 appendix F: `4C 6F A7 94`), in the codec it declares."""
    if not body.startswith(_EBCDIC_XML):
        return None
    declared = _XML_DECL.match(body[:SNIFF_BYTES].decode("cp037").encode("ascii", "replace"))
    codec = declared.group(1).decode("ascii") if declared else "cp037"
    text = _try(body, codec) if codec.lower().startswith(("cp", "ibm", "csibm", "ebcdic")) else None
    return (text, codec.lower()) if text is not None else (body.decode("cp037", errors="replace"), "cp037")


def _strict_utf8(body: bytes) -> tuple[str, str] | None:
    text = _try(body, "utf-8")
    return (text, "utf-8") if text is not None else None


def _wide(body: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without a BOM: ASCII markup in them has NUL bytes, which 8-bit text never has."""
    head = body[:SNIFF_BYTES]
    nuls = head.count(0)
    if not nuls or nuls < len(head) // MIN_NUL_SHARE:  # Persian in UTF-16 has no NULs; its markup does
        return None
    best = charset_normalizer.from_bytes(head, cp_isolation=_WIDE).best()
    if best is None:
        return None
    encoding = str(best.encoding)
    text = body.decode(encoding, errors="replace")
    return text.lstrip("\ufeff"), encoding.replace("_", "-")


def _mostly_utf8(body: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes: many valid multi-byte letters, few invalid sequences."""
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if bad > 0 and valid > 0 and bad <= valid * MAX_BAD_UTF8_SHARE:
        return text, "utf-8"
    return None


def _ascii_compatible(name: str) -> str | None:
    """The codec's canonical name, if it is a text codec that writes ASCII markup as ASCII."""
    try:
        info = codecs.lookup(name)
        if not getattr(info, "_is_text_encoding", True) or "<?x=".encode(info.name) != b"<?x=":
            return None
    except (LookupError, ValueError, UnicodeError):
        return None
    return info.name


def _legacy(body: bytes, declared: list[str]) -> tuple[str, str]:
    persian = _reads_as_persian(body)
    for label in declared:
        codec = _ascii_compatible(label)
        if codec is None:
            continue
        if codec in _LATIN_LABELS and persian is not None:
            return persian, FALLBACK
        text = _try(body, codec)
        if text is not None:
            return text, label
    if persian is not None:
        return persian, FALLBACK
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and _ascii_compatible(str(best.encoding)):
        return str(best), str(best.encoding)
    return body.decode(FALLBACK, errors="replace"), FALLBACK


def _reads_as_persian(body: bytes) -> str | None:
    """The windows-1256 reading of the body, if the non-ASCII characters of its first
    PERSIAN_SNIFF_BYTES read as mostly Persian letters there."""
    sample = body[:PERSIAN_SNIFF_BYTES].decode(FALLBACK, errors="replace")
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    if non_ascii and arabic >= non_ascii * MIN_ARABIC_SHARE:
        if len(_COMMON_LETTERS.findall(sample)) >= arabic * MIN_COMMON_SHARE:
            return body.decode(FALLBACK, errors="replace")
    return None
