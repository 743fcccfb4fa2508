"""The outlet's own name, recognised from its web address: «تبسم مهر» is tabasomemehr.ir.

Persian script leaves short vowels unwritten and a transliterated host leaves none out, so a name
and a host agree on their consonants: «پیام آذری» and payameazari both read p-m-z-r. A page's
own name opens its lines as a dateline («تبسم مهر - وزیر رفاه گفت»), a credit («ندای تجن-») or a
report lead-in with no comma («به گزارش راهبرد معاصر فاطمه ارزانیان …»); read as a person, it
becomes the main speaker. `strip_own_name` takes it off the start of a sentence.

A name must carry at least MIN_CONSONANTS consonants and match a whole label of the host (not
`www`, `m`, the top-level domain…), so a common word never matches by accident. Imports only `digest.roles`
(the words that end a web outlet's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.roles import OUTLET_ENDS

MIN_CONSONANTS = 4
MAX_NAME_WORDS = 3
RUN_ON_CHARS = 25  # a report lead-in with a comma this close after the outlet is left to digest.leadins
# Both spellings reduced to the same consonant classes: Persian letters by sound, a host's Latin
# letters after its digraphs (kh, gh, sh, ch, zh) are read; vowels, and the letters that are vowels or
# silent as often as not (و ی ه ح ع; a e i o u y w v h), are dropped on both sides
_CLASS: dict[str, str] = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j", "چ": "C",
    "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ر": "r", "ژ": "j", "ش": "S",
    "غ": "q", "ق": "q", "ف": "f", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
    "و": "", "ی": "", "ئ": "", "ه": "", "ح": "", "ا": "", "آ": "", "أ": "", "إ": "", "ع": "", "ء": "", "ؤ": "",
}  # fmt: skip
_DIGRAPHS = (("kh", "x"), ("gh", "q"), ("sh", "S"), ("ch", "C"), ("zh", "j"), ("c", "k"))
_WEAK_LATIN = re.compile(r"[aeiouywvh]")
_GENERIC_LABELS = frozenset("www www2 m mail amp fa en ar news web old new archive".split())
_SUFFIXES = ("ns", "nln", "prss", "dl")  # news, online, press, daily, as skeletons
_NOT_LETTER = re.compile(r"[^a-z]")
_WORD = re.compile(r"[\u0600-\u06ff]+")
# the name's end: a dash, colon, bar, slash or comma (a dateline or credit), or «نوشت:» (a credit)
_AFTER_NAME = re.compile(r"[ \u200c]*(?:[-–—:|/؛،]|نوشت[ ]*:)[ ]*")
_PUNCT = "-–—:|/؛،,."
_WEB_WORDS = sorted(OUTLET_ENDS | {"دیلی"})  # «چغادک نیوز», «تهران دیلی»
_WEB_WORD = re.compile(rf"[ \u200c]*(?:{'|'.join(_WEB_WORDS)})(?![\w\u200c])")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)", re.I)  # scheme://[user@]host
_OUTLET_KINDS = ("پایگاه", "خبرگزاری", "روزنامه", "هفته", "سایت", "کانال")
_OUTLET_KIND = re.compile(
    r"(?:پایگاه[ ]+(?:خبری|اطلاع[ \u200c]?رسانی)(?:[ ]+(?:و[ ]+)?تحلیلی)?|خبرگزاری|روزنامه|هفته[ \u200c]?نامه"
    r"|سایت(?:[ ]+خبری)?|کانال)[ ]+"
)
# after a named outlet: a place and a dash (a dateline), or the agency it quotes
_DATELINE_OR_SOURCE = re.compile(r"[ ]+(?:[^\s\-–—:،]+(?:[ ]+[^\s\-–—:،]+)?[ ]*[-–—]|به[ ]+نقل[ ]+از[ ])")
_QUOTED_NAME = re.compile(r"«([^«»]{2,30})»")
_REPORT = re.compile(r"(?:به[ ]+گزارش|به[ ]+نقل[ ]+از)[ ]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    """The consonant skeletons of a page's host labels (`tabasomemehr.ir` → `tbsmmr`)."""

    skeletons: frozenset[str]
    openings: frozenset[str]  # the first consonant class of each skeleton

    @classmethod
    def of(cls, url: str | None) -> Outlet | None:
        host = _HOST.match(url) if url else None
        return _of_host(host.group(1).lower()) if host else None

    def names(self, words: str) -> bool:
        """Whether `words` (Persian) spell one of the host's labels."""
        return _name_skeleton(words) in self.skeletons


@lru_cache(maxsize=1024)  # one per site
def _of_host(host: str) -> Outlet | None:
    labels = host.split(".")[:-1]  # the top-level domain is no name
    found = (_host_skeleton(label) for label in labels if label not in _GENERIC_LABELS)
    skeletons = frozenset(v for s in found for v in (s, *_without_suffix(s)) if len(v) >= MIN_CONSONANTS)
    return Outlet(skeletons, frozenset(s[0] for s in skeletons)) if skeletons else None


def _host_skeleton(label: str) -> str:
    label = _NOT_LETTER.sub("", label)
    for digraph, sound in _DIGRAPHS:
        label = label.replace(digraph, sound)
    return _WEAK_LATIN.sub("", label)


def _without_suffix(skeleton: str) -> tuple[str, ...]:
    """`khabarjonoubnews` is also «خبر جنوب»: the skeleton without a web suffix (news, online…)."""
    return tuple(skeleton.removesuffix(end) for end in _SUFFIXES if skeleton.endswith(end) and skeleton != end)


def _first_sound(text: str) -> str | None:
    """The consonant class the text opens with (None when its first letters are all weak or not Persian)."""
    for ch in text:
        sound = _CLASS.get(ch)
        if sound is None:
            return None
        if sound:
            return sound
    return None


@lru_cache(maxsize=4096)  # datelines repeat from sentence to sentence
def _name_skeleton(words: str) -> str | None:
    letters = "".join(_WORD.findall(words))
    if not letters or any(ch not in _CLASS for ch in letters):
        return None
    skeleton = "".join(_CLASS[ch] for ch in letters)
    return skeleton if len(skeleton) >= MIN_CONSONANTS else None


def _runs_on(sentence: str, end: int) -> bool:
    """«به گزارش OUTLET NAME ROLE …»: the lead-in runs on with no comma, straight into its subject
    (not «به گزارش OUTLET مازندران، …» nor «… به نقل از …», which the lead-in reader knows)."""
    after = sentence[end : end + RUN_ON_CHARS]
    return not any(c in after for c in "،,") and after.split(maxsplit=1)[:1] not in (["به"], ["از"], ["و"])


def strip_own_name(sentence: str, outlet: Outlet | None) -> str:
    """`sentence` without the outlet's own name opening it as a dateline, credit or report lead-in."""
    if outlet is None:
        return sentence
    report = _REPORT.match(sentence) if sentence.startswith("به") else None
    start = report.end() if report else 0
    kind = _OUTLET_KIND.match(sentence, start) if sentence.startswith(_OUTLET_KINDS, start) else None
    start = kind.end() if kind else start  # «پایگاه خبری دنیای اسرار بیرجند- …»
    quoted = _QUOTED_NAME.match(sentence, start) if report is not None else None
    if quoted is not None and outlet.names(quoted.group(1)):  # «به گزارش «تابناک» به نقل از ایرنا، …»
        return sentence[quoted.end() :].lstrip()
    first = _first_sound(sentence[start : start + 3])
    if first is not None and first not in outlet.openings:
        return sentence  # cheap: the sentence opens with no sound any of the host's names opens with
    words = sentence[start : start + 80].split()
    for n in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        name = " ".join(words[:n]).rstrip(_PUNCT)
        if words[n - 1] == "و" or not sentence.startswith(name, start) or not outlet.names(name):
            continue
        end = start + len(name)
        web = _WEB_WORD.match(sentence, end)  # «چغادک نیوز»: chghdk(news)
        end = web.end() if web else end
        after = _AFTER_NAME.match(sentence, end)
        if after is not None:
            return sentence[after.end() :]
        if report is not None and _runs_on(sentence, end):
            return sentence[end:].lstrip()
        if kind is not None and _DATELINE_OR_SOURCE.match(sentence, end):
            return sentence[end:].lstrip()  # «… بیرجند- …», «… به نقل از مهر: …»: left to digest.leadins
    return sentence
