"""Lossless character normalization of Persian text.

Unifies letters (ي/ى→ی, ك→ک; Arabic presentation forms U+FB50–U+FEFC such as «ﻣﺪﯾﺮﮐﻞ», left by
PDF copies and old sites, by their NFKC letters), digits (Arabic-Indic→Persian), spaces (NBSP and friends) and drops
invisible marks (diacritics, tatweel, direction marks, ZWJ, BOM) while keeping ZWNJ. Unlike library
normalizers it never inserts spaces, so `45.6`, `10,000` and `1403/05/12` survive untouched.
Imports nothing of ours and nothing outside the standard library.
"""

from __future__ import annotations

import re
import unicodedata

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
ZWNJ = "\u200c"

_DROP = (
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659"
    "\u065a\u065b\u065c\u065d\u065e\u065f\u0670"  # harakat, superscript alef
    "\u0640"  # tatweel
    "\u200b\u200d\u200e\u200f\u061c"  # zero-width space / joiner, LRM, RLM, ALM
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # embeddings and isolates
    "\ufeff\u00ad"  # BOM, soft hyphen
)
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"

_TABLE: dict[int, int | str | None] = {
    **{ord(c): None for c in _DROP},
    **{ord(c): " " for c in _SPACES},
    **{ord(a): p for a, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)},
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ې"): "ی",
    ord("ك"): "ک",
    ord("ڪ"): "ک",
    ord("ە"): "ه",
    ord("ھ"): "ه",
    ord("\u00ac"): ZWNJ,  # legacy encodings put NOT SIGN where a half-space belongs
    ord("\r"): "\n",
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    ord("\u0085"): "\n",
}

# Arabic presentation forms A and B (contextual glyph codes): NFKC gives the plain letters.
_FORM_RANGES = "\ufb50-\ufdff\ufe70-\ufefc"
_PRESENTATION = re.compile(f"[{_FORM_RANGES}]+")
_FORMS = frozenset(map(chr, [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]))  # the characters of _FORM_RANGES
_REPLACEMENT = {chr(c): (r if isinstance(r, str) else "" if r is None else chr(r)) for c, r in _TABLE.items()}
_ODD_CHARS = re.escape("".join(chr(c) for c in _TABLE))
_ODD = re.compile(f"[{_ODD_CHARS}]")
_ODD_OR_FORM = re.compile(f"[{_ODD_CHARS}{_FORM_RANGES}]")
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)

_ZWNJ_RUN = re.compile("[ ]*\u200c+[ ]*")
_LETTER = "[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"  # Persian letters (all isalpha)
_PLAIN_ZWNJ = re.compile(f"\u200c(?<={_LETTER}\u200c)(?={_LETTER})")  # one half-space between two letters
_SPACE_RUN = re.compile(r" {2,}")
_LONE_TATWEEL = re.compile("(?<= )\u0640+(?= )")
_SPACED_UNDERSCORE = re.compile(r"[ ]+_+[ ]*|(?<=[^\s_#])_+[ ]+")
_LINE_EDGE = re.compile(r" *\n *")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_fa(text: str) -> str:
    """Unify characters of Persian text without changing words, numbers or punctuation."""
    s = text.replace("\r\n", "\n")
    odd = set(_ODD_OR_FORM.findall(s))  # one scan finds both kinds: most texts have neither
    if not odd.isdisjoint(_FORMS):
        s = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)
        odd = set(_ODD.findall(s))
    if "\u0640" in odd:
        s = _LONE_TATWEEL.sub("-", s)  # «گروه اجتماعی ـ استاندار …»: a tatweel standing alone is a dash
    if "_ " in s or " _" in s:  # «باشگاه خبرنگاران جوان _ NAME …», «NAME_ ROLE_ در …»: so is a spaced underscore
        s = _SPACED_UNDERSCORE.sub(" - ", s)
    for ch in odd - _FORMS:  # only the odd characters present (str.translate is slow on Persian)
        s = s.replace(ch, _REPLACEMENT[ch])
    if ZWNJ in s and s.count(ZWNJ) != len(_PLAIN_ZWNJ.findall(s)):  # all between two letters: nothing to fix
        s = _ZWNJ_RUN.sub(_fix_zwnj, s)
    if "  " in s:  # each rule only where its pattern can match: a sub call costs even when nothing matches
        s = _SPACE_RUN.sub(" ", s)
    if " \n" in s or "\n " in s:
        s = _LINE_EDGE.sub("\n", s)
    if "\n\n\n" in s:
        s = _BLANK_RUN.sub("\n\n", s)
    return s.strip()


def _fix_zwnj(m: re.Match[str]) -> str:
    """Keep a half-space only between two letters; `a \u200c b` (spaced both sides) means `a\u200cb`."""
    s, start, end = m.string, m.start(), m.end()
    text = m.group()
    spaced_left, spaced_right = text[0] == " ", text[-1] == " "
    between_letters = start > 0 and end < len(s) and s[start - 1].isalpha() and s[end].isalpha()
    if not between_letters or spaced_left != spaced_right:
        return " " if spaced_left or spaced_right else ""
    return ZWNJ


def to_persian_digits(s: str) -> str:
    """Write every Latin or Arabic-Indic digit as a Persian digit."""
    return s.translate(_TO_PERSIAN)


def to_latin_digits(s: str) -> str:
    """Write every Persian or Arabic-Indic digit as a Latin digit."""
    return s.translate(_TO_LATIN)
