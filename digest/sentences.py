"""Sentence and word splitting of normalized Persian paragraphs.

A sentence ends at `.`, `!`, `؟` or `?` followed by white space (so `45.6` and `1403/05/12` stay
whole), at one glued between two Persian words (`داریم.امیرشیر`) or at the end of a
paragraph; a leading dash bullet is dropped. `؛` and `:` do not end a sentence: `؛` joins clauses and `:`
introduces a quotation that belongs to its reporting verb. Imports nothing of ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.textmatch import PERSIAN_LETTER, PERSIAN_LETTERS

# also a full stop glued between two Persian words («… داریم.امیرشیر …»), not inside «ه.ق», «اس.بی پرس» (a
# word of one or two letters before it is an abbreviation) or 45.6
_P = PERSIAN_LETTER
# matched from the stop or line break that ends the sentence (captured: a stop goes back to its
# sentence), so that the regex engine scans for those few characters instead of trying every position
# «… وسایل گرمایشی و... با آغاز سرما خبر داد»: «و...» is "etc.", not a sentence end
_NOT_P = f"[^{PERSIAN_LETTERS}]"
# after a two-letter word only before a longer one: «توزیع شد.دکتر …» ends, «اس.بی پرس» is an abbreviation
# «… گذشته است.1 به گفته …»: a footnote's number after the stop, then the next sentence
_GLUED_STOP = (
    rf"(?<={_P}{{3}}[.!؟])(?={_P}{{2}})|(?<={_NOT_P}{_P}{{2}}[.!؟])(?={_P}{{3}})"
    rf"|(?<={_P}{{2}}[.!؟])(?=[0-9۰-۹]{{1,2}}[ ]+{_P})"
)
_END = re.compile(rf"([.!؟?\n])(?:(?<=[.!؟?])(?<!\sو\.\.\.)(?:[\s»\"'/]*\s+|{_GLUED_STOP})|(?<=\n)\n*)")
_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")


def split_sentences(paragraphs: Iterable[str]) -> list[str]:
    """The sentences of the paragraphs, in order, stripped, without empty ones."""
    out: list[str] = []
    for para in paragraphs:
        out.extend(_unbullet(s.strip()) for s in _pieces(para) if s.strip(_BULLET_CHARS + " "))
    return out


def _pieces(para: str) -> list[str]:
    """`para` cut at the sentence ends, each stop (`.!؟?`) kept with its sentence, line breaks dropped."""
    parts = _END.split(para)  # text, end character, text, end character, …, text
    out = [parts[0]]
    for k in range(1, len(parts), 2):
        if parts[k] != "\n":
            out[-1] += parts[k]
        out.append(parts[k + 1])
    return out


_BULLET_CHARS = "-–—•"


def _unbullet(sentence: str) -> str:
    """A sentence without a leading dash bullet (`… می‌رسد. - ایسنا/لرستان مدیرکل …`); `-۵ درجه` stays."""
    if sentence[0] not in _BULLET_CHARS or (len(sentence) > 1 and sentence[1].isdigit()):
        return sentence
    return sentence.lstrip(_BULLET_CHARS + " ")


def words(text: str) -> list[str]:
    """Words of `text` (letters and digits; a half-space keeps a compound together). Most are whole
    pieces between spaces (`str.isalnum`), so the regex only reads the pieces with other characters."""
    out: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            out.append(piece)
        else:
            out.extend(_WORD.findall(piece))
    return out
