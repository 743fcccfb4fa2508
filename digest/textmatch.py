"""Space/half-space tolerant matching of Persian words and phrases.

The same word appears spaced (`آسیب های`), glued (`آسیبهای`) and with a half-space (`آسیب‌های`);
`flex()` turns a phrase into a regex that accepts all three, and `WORD_START`/`WORD_END` are word
boundaries that treat ZWNJ as part of a word. Input is assumed to be `normalize_fa`-ed.
Imports nothing of ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GAP = r"[ \u200c]*"  # between the words of a phrase, or a glued compound
WORD_START = r"(?<![\w\u200c])"
WORD_END = r"(?![\w\u200c])"
# plural / ezafe / indefinite suffixes that may hang on a word, glued or after a (half-)space
SUFFIX = r"(?:[ \u200c]?(?:های|ها|ان|ات)?(?:ی|ای|ئی)?)?"

_ALEFS = "[اأإآ]"
_VARIANTS = {"ا": _ALEFS, "أ": _ALEFS, "إ": _ALEFS, "آ": _ALEFS, "ئ": "[ئؤیو]", "ؤ": "[ئؤیو]", "ء": "ء?"}
_SPLIT = re.compile(r"[ \u200c]+")


def _letters(word: str) -> str:
    return "".join(_VARIANTS.get(ch) or re.escape(ch) for ch in word)


def flex(phrase: str) -> str:
    """Regex source matching `phrase` with any spacing (space, ZWNJ or none) between its words.

    `تاکید` also matches `تأکید` (hamza variants are optional), and a trailing `*` on a word lets it
    carry a plural/ezafe suffix: `flex("آسیب* اجتماعی")` matches `آسیبهای اجتماعی`.
    """
    parts = []
    for word in _SPLIT.split(phrase.strip()):
        star = word.endswith("*")
        body = _letters(word.rstrip("*"))
        parts.append(body + (SUFFIX if star else ""))
    return GAP.join(parts)


def alternation(phrases: Iterable[str]) -> str:
    """One `(?:…|…)` of flexible phrases, longest first so that the longest variant wins."""
    uniq = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(flex(p) for p in uniq) + ")"


def word_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Compiled regex finding any of `phrases` as whole (flexibly spaced) words."""
    return re.compile(WORD_START + alternation(phrases) + WORD_END, flags)


def squash(text: str) -> str:
    """Comparison key: no spaces or half-spaces, hamza forms unified (`آسیب های` == `آسیبهای`)."""
    return _SPLIT.sub("", text).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ؤ", "و")
