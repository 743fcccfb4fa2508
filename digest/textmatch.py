"""Space/half-space tolerant matching of Persian words and phrases.

The same word appears spaced (`آسیب های`), glued (`آسیبهای`) and with a half-space (`آسیب‌های`).
`flex()` turns a phrase into a regex that accepts all three (for a handful of patterns such as the
reporting verbs); `PhraseIndex` finds hundreds of such phrases at once by word n-gram lookups in
comparison form (`key_text`, `key_tokens`, `squash`), which stays linear and fast. `WORD_START` and
`WORD_END` are word boundaries that treat ZWNJ as part of a word. Input is assumed to be
`normalize_fa`-ed. Imports nothing of ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence, Set
from functools import lru_cache
from itertools import product

# a character-class body: the Arabic block's letters and پ چ ژ ک گ ی (the one class of Persian letters)
PERSIAN_LETTERS = "\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
PERSIAN_LETTER = f"[{PERSIAN_LETTERS}]"
GAP = r"[ \u200c]*"  # between the words of a phrase, or a glued compound
WORD_START = r"(?<![\w\u200c])"
WORD_END = r"(?![\w\u200c])"
# plural / ezafe / indefinite suffixes that may hang on a word, glued or after a (half-)space
SUFFIX = r"(?:[ \u200c]?(?:های|ها|ان|ات)?(?:ی|ای|ئی)?)?"

_ALEFS = "[اأإآ]"
_VARIANTS = {"ا": _ALEFS, "أ": _ALEFS, "إ": _ALEFS, "آ": _ALEFS, "ئ": "[ئؤیو]", "ؤ": "[ئؤیو]", "ء": "ء?"}
_SPLIT = re.compile(r"[ \u200c]+")
_VARIANT_SETS = {source: source[1:-1] for source in _VARIANTS.values() if source.startswith("[")}


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
    """One `(?:…|…)` of flexible phrases, longest first so that the longest variant wins.

    The phrases are grouped by their first letter (`(?:گ(?:فت|…)|[اأإآ](?:فزود|…)|…)`, each group in
    that order), so that the regex engine tries only the phrases that start with the letter it sees;
    when one letter could open two groups they stay one flat alternation."""
    uniq = sorted(set(phrases), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in uniq:
        first = _letters(phrase.strip()[:1])
        groups.setdefault(first, []).append(flex(phrase)[len(first) :])
    if not _distinct_starts(groups):
        return "(?:" + "|".join(flex(p) for p in uniq) + ")"
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _distinct_starts(groups: dict[str, list[str]]) -> bool:
    """Whether no character can open two of the groups (their first letters' variants are disjoint)."""
    seen: set[str] = set()
    for first in groups:
        letters = _VARIANT_SETS.get(first) or (first if len(first) == 1 else "")  # «ء?», «\(»: not grouped
        if not letters or seen.intersection(letters):
            return False
        seen.update(letters)
    return True


def word_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Compiled regex finding any of `phrases` as whole (flexibly spaced) words."""
    return re.compile(WORD_START + alternation(phrases) + WORD_END, flags)


_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # vowel marks: «حَکَمی» is «حکمی»
# single characters: key_text maps every character on its own (the headline compares squashed starts)
_KEY_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ؤ", "و"), ("ئ", "ی"), ("ء", ""), ("ة", "ه"),
              ("\u200c", ""), *((mark, "") for mark in _HARAKAT))  # fmt: skip
KEY_WORD = re.compile(r"[^\W_]+")
# written after a space but part of the word before/after: آسیب های → آسیبهای, می شود → میشود
GLUE_AFTER = frozenset({"ها", "های", "هایی", "ای", "ی", "تر", "ترین", "اند", "ام", "اید", "ایم"})
GLUE_BEFORE = frozenset({"می", "نمی"})
STAR_SUFFIXES = ("", "ها", "های", "هایی", "ان", "انی", "ات", "ی", "ای", "ین", "یان", "یی")
# a word ending in a silent «ه» drops it before «گان»/«گی»: زلزله‌زده → زلزله‌زدگان, بازمانده → بازماندگی
SILENT_HE_SUFFIXES = ("گان", "گانی", "گی")


def star_forms(word: str) -> list[str]:
    """The squashed forms a `word*` of a phrase stands for: the stem with each plural/ezafe suffix."""
    stem = squash(word.rstrip("*"))
    forms = [stem + suffix for suffix in STAR_SUFFIXES]
    if stem.endswith("ه"):
        forms.extend(stem[:-1] + suffix for suffix in SILENT_HE_SUFFIXES)
    return forms


def key_text(text: str) -> str:
    """Text in comparison form: hamza/alef forms unified, vowel marks and half-spaces removed (words glue
    together)."""
    for old, new in _KEY_PAIRS:  # a test and str.replace beat str.translate and re.sub on non-ASCII text
        if old in text:
            text = text.replace(old, new)
    return text


def squash(text: str) -> str:
    """Comparison key of a phrase: no spaces or half-spaces, hamza forms unified (`آسیب های` == `آسیبهای`)."""
    return key_text(text).replace(" ", "")


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one letter substituted, missing or added."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


_EDGE_PUNCTUATION = ".،:؛!؟»«()\"'"


def key_words(text: str) -> list[str]:
    """`KEY_WORD.findall(text)`, faster: most words are whole pieces between spaces (`str.isalnum` accepts
    exactly the characters `KEY_WORD` does), or such pieces with punctuation at their edges, so the
    regex only reads the few other pieces."""
    out: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            out.append(piece)
        elif (word := piece.strip(_EDGE_PUNCTUATION)).isalnum():
            out.append(word)  # «word», word. word،
        else:
            out.extend(KEY_WORD.findall(piece))
    return out


_GLUE = GLUE_AFTER | GLUE_BEFORE


@lru_cache(maxsize=512)  # the body and its sentences are tokenized once for topics, summary and fingerprint
def key_tokens(text: str) -> tuple[str, ...]:
    """Words of `text` in comparison form, with detached affixes glued back (`می شود` → `میشود`)."""
    tokens = key_words(key_text(text))
    if _GLUE.isdisjoint(tokens):
        return tuple(tokens)  # most sentences: no detached affix
    out: list[str] = []
    glue_next = False
    for tok in tokens:
        if out and (glue_next or tok in GLUE_AFTER):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok in GLUE_BEFORE
    return tuple(out)


_FUNCTION_WORDS = frozenset("و با به از در که را تا بر یا این آن هم".split())


class PhraseIndex[T]:
    """Find flexible phrases (`flex` syntax: `*` = optional suffix) by word n-gram lookups.

    Linear in the text: one translate, one findall and a few dict lookups per word, instead of a
    regex alternation tried at every position.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        # key → (payload, words of its phrase): a phrase may be written glued («زلزله‌زده» for «زلزله
        # زده») or split («همسر آزاری» for «همسرآزاری»), but a split never starts at a function word
        # («و با» is not «وبا»)
        self._keys: dict[str, tuple[T, int]] = {}
        self._prefixes: set[str] = set()  # proper prefixes of keys: where a multi-word lookup may start
        self.max_words = 1
        for phrase, payload in entries:
            words = [w for w in _SPLIT.split(phrase.strip()) if w]
            self.max_words = max(self.max_words, len(words))
            options = [star_forms(w) if w.endswith("*") else [squash(w)] for w in words]
            for combo in product(*options):
                key = "".join(combo)
                self._keys.setdefault(key, (payload, len(words)))
                self._prefixes.update(key[:i] for i in range(1, len(key)))
        self._starts = frozenset(self._prefixes | self._keys.keys())  # the only words where a phrase may start

    def finditer(self, text: str) -> Iterator[T]:
        """Payloads of the phrases in `text`, longest match first at each word, without overlaps."""
        for payload, _ in self.finditer_at(text):
            yield payload

    def finditer_at(self, text: str) -> Iterator[tuple[T, int]]:
        """Like `finditer`, with the index of the word (in `key_tokens(text)`) where each phrase starts."""
        tokens = key_tokens(text)
        keys, prefixes, starts = self._keys, self._prefixes, self._starts
        free = 0  # the first word not inside a phrase found
        for i in [i for i, token in enumerate(tokens) if token in starts]:  # most words start no phrase
            if i < free:
                continue
            if tokens[i] not in prefixes:  # a whole phrase that no longer one starts with
                yield keys[tokens[i]][0], i
                free = i + 1
                continue
            glued = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
            if tokens[i] not in keys and glued not in prefixes and glued not in keys:
                continue  # «در», «به», «و»: the start of phrases, none of which the next word continues
            found = longest_match(tokens, i, keys, prefixes, self.max_words + 1)
            if found is not None and not (found[1] - i > found[0][1] and tokens[i] in _FUNCTION_WORDS):
                yield found[0][0], i
                free = found[1]


def longest_match[V](
    tokens: Sequence[str], start: int, keys: dict[str, V], prefixes: Set[str], max_tokens: int
) -> tuple[V, int] | None:
    """The longest key made of tokens[start:end] (glued), walking only while the glued text is a prefix."""
    best: tuple[V, int] | None = None
    glued = ""
    end = start
    while end < len(tokens) and end - start < max_tokens:
        glued += tokens[end]
        end += 1
        value = keys.get(glued)
        if value is not None:
            best = (value, end)
        if glued not in prefixes:
            break
    return best
