"""A speaker phrase split into name and role, by structure rather than by a list of names.

`classify_subject` turns the subject of an attribution (`digest.speaker` finds it) into a `Mention`:
a comma apposition (`NAME، ROLE` or `ROLE، NAME`; a spaced dash is a comma: `NAME- ROLE`), a role
head followed by a name (`ROLE [title] FIRSTNAME SURNAME`), a name followed by a role, two or three
name-like tokens right before a role head whatever the first name (`گلاره کامرانی نماینده …`,
`NAME روابط عمومی …`) or one word that ends like a surname (`موسوی مدیرکل …`), a title or a first
name alone, or a short non-role subject (a surname). A name ends at «را» or a number; a token with
digits, Latin letters or punctuation is never part of a name; plural heads are collectives,
`آنلاین/نیوز` subjects outlets and a reporter («خبرنگار ما») is never a speaker. Tokens are read
with multi-word titles joined and role heads in canonical form whatever their spacing (`قائممقام`,
glued `رئیسسازمان` = `رئیس سازمان`).
Imports only digest modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.jalali import MONTHS
from digest.numbers import ONES, SCALES, WORDS
from digest.places import PROVINCES, is_place, is_place_name
from digest.roles import (
    ADJUNCTS,
    ANAPHORIC_NOUNS,
    FIRST_NAMED_ORGS,
    HEAD_KEYS,
    INDEFINITE,
    KEEP_TITLES,
    MULTIWORD_TITLES,
    NAMED_ORGS,
    NON_NAME_WORDS,
    ORG_STARTS,
    OUTLET_ENDS,
    PLURAL_HEADS,
    PRONOUNS,
    REPORTER_HEADS,
    REPRESENTATIVE_HEADS,
    ROLE_CONTINUATIONS,
    ROLE_HEADS,
    ROLE_ORG_STARTS,
    ROLE_SEATS,
    SPEECH_NOUNS,
    SURNAME_ENDS,
    TITLES,
    VENUE_WORDS,
    first_names,
    spellings,
)
from digest.textmatch import WORD_END, WORD_START, flex, squash

MAX_SUBJECT_WORDS = 30
MAX_NAME_WORDS = 5  # titles included
_DIGIT_OR_LATIN = re.compile(r"[0-9۰-۹A-Za-z]|[^\w\u200c]|^یک$")  # never inside a name
_NOT_NAME = frozenset(
    "را کرد داد کردند دادند شده دارد هستند نیست بود کند وی او ایشان ماه طبق اعلام ها های"
    " شود شوند میشود میشوند می‌شود می‌شوند افزایش کاهش لزوم ضرورت جایی توسط و دیگری دیگر خنده"
    " چنانچه چنانکه چنان‌که همانطور همان‌طور بوده برگزاری سخنانی اسامی افراد"
    " روستائیان سفارت محترم اقدامات انجام خانهدار خانه‌دار بازنشسته سرای".split()
) | {f"{month}{glue}ماه" for month in MONTHS for glue in ("", "\u200c")}
# «بازنشسته ای»: a retiree («خامنه ای» is a name: «ای» alone may end one); «آبانماه سال گذشته»: a date;
# «سفارت ایران», «مدیریت محترم …», «اقدامات مهم …», «خانه‌دار»: an embassy, an office, deeds, a housewife;
# «شاهد دیگری»: another witness; «خنده که نه»: a laugh; «چنانچه امام علی (ع) می‌گوید»: as … says; «بهمن
# ماه»: a date; «طبق اعلام ROLE»: a source; «خانم ها»: a plural written apart; verbs and a headline's event
# nouns («افزایش تکدی گری در …») name no one; «جایی که مردم … گفتند» is a place, «… توسط ROLE» an agent
# phrase, and «مهندس و پزشک» two professions
_PAREN_ROLE = re.compile(r"^(?P<name>[^()]{3,60}?)[ ]*\([ ]*(?P<role>[^()]{3,120}?)[ ]*\)[ ]*$")
# «با» glued to the word of an adjunct clause: «بابیان اینکه», «باتاکید بر»
_GLUED_BA = frozenset("بیان تاکید تأکید اشاره اعلام حضور توجه عنوان".split())
_MULTI_TITLE = re.compile(
    WORD_START + "(?:" + "|".join(flex(t) for t in sorted(MULTIWORD_TITLES, key=len, reverse=True)) + ")" + WORD_END
)
_JOINED_TITLES = {squash(multi): joined for multi, joined in MULTIWORD_TITLES.items()}


@dataclass(frozen=True, slots=True)
class Mention:
    """One attribution: a name, a role, both, or a pronoun (kind "pronoun")."""

    name: str | None
    role: str | None
    kind: str  # "person" | "role" | "pronoun" | "name" (named as a subject, no statement)
    index: int


def _join_titles(subject: str) -> str:
    """`حجت الاسلام و المسلمین`, `حجت‌الاسلام والمسلمین`, `آیت الله`, `حاج آقا` … as one token each."""
    if "ال" not in subject and "سر" not in subject and "امام" not in subject and "حاج" not in subject:
        return subject
    return _MULTI_TITLE.sub(lambda m: _JOINED_TITLES.get(squash(m.group()), m.group()), subject)


def _keeps_role(kept: list[str], tok: str, nxt: str) -> bool:
    """Whether adjunct `tok` continues the role in `kept` (see rule 2 in the module docstring)."""
    if (tok, nxt) in ROLE_CONTINUATIONS or (kept[-1], tok) in ROLE_CONTINUATIONS:
        return True
    if kept[-1] == _ONE and tok == "از" and not _has_head(kept):
        return True  # «رضا دهقان یکی از فعالین کارگری»: who the person is among a group, after the name
    if tok == _DEMANDING:
        return nxt in ("شد", "شدند")  # «ROLE خواستار شد؛»: a kicker's verb; «ROLE خواستار … شد و گفت»: the clause
    if tok == "از" and kept[-1] == _AND and len(kept) > 1 and kept[-2] != "،":
        return True  # «NAME فعال اجتماعی و از برگزارکنندگان مراسم»: "and one of": a second description
    if tok == "از" and nxt in _RESIDENTS and not _has_head(kept):
        return True  # «NAME از اهالی روستای …», «NAME، از بزرگان روستای …»: who the person is
    if tok in _PREFIX_ADJUNCTS:  # «اورژانس پیش بیمارستانی», «آموزش پیش دبستانی»; «پیش از …» is time
        return bool(nxt) and nxt not in _AFTER_TIME_PREFIX and nxt not in VENUE_WORDS and not nxt[0].isdigit()
    if tok != "در" or not nxt:
        return False
    if kept[0] == INDEFINITE and len(kept) > 1 and kept[1] in ROLE_HEADS:
        return nxt not in VENUE_WORDS and nxt not in ADJUNCTS
    return nxt in ROLE_SEATS or is_place(nxt) if REPRESENTATIVE_HEADS.intersection(kept) else False


_ONE = "یکی"
_AND = "و"
_DEMANDING = "خواستار"


# Adjuncts that are also prefixes written apart inside a post's words (`پیش بیمارستانی`).
_PREFIX_ADJUNCTS = frozenset({"پیش", "پس"})
_AFTER_TIME_PREFIX = ADJUNCTS | {"تر", "ترها", "ازظهر", "فردا"}  # «پیش تر», «پس فردا»: time


def cut_adjuncts(subject: str) -> str:
    """The subject up to its first adjunct word (`روزبه کردونی در شورای …` → `روزبه کردونی`)."""
    kept, _ = split_adjuncts(subject_tokens(subject))
    return join_tokens(kept) if len(kept) <= MAX_SUBJECT_WORDS else ""


def split_adjuncts(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Tokens before the first adjunct word, and the rest."""
    kept: list[str] = []
    inner = False  # past a ministry's «در» phrase: a venue word after it ends the post («… در دانشگاه این مراسم»)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if inner and tok in VENUE_WORDS:
            return kept, tokens[i:]
        if kept and ((tok, nxt) in _TWO_WORD_ADJUNCTS or _plural_indefinite(tok) and _has_head(kept)):
            return kept, tokens[i:]  # «همراه با …»; «وزیر بهداشت داروخانه‌هایی که …»: the clause's noun
        if kept and tok in ADJUNCTS and not _keeps_role(kept, tok, nxt) and not _is_name_day(tok, nxt):
            goes_on = _inner_phrase(kept, tokens[i + 1 :]) if tok == "در" else None
            if goes_on is None:
                return kept, tokens[i:]
            inner = inner or goes_on == "ministry"
        kept.append(tok)
    return kept, []


def _plural_indefinite(tok: str) -> bool:
    """«داروخانه‌هایی», «خانواده‌هایی»: some of a plural, never a word of a post (a surname may so end:
    «حیدرهایی»)."""
    return len(tok) > MIN_PLURAL_INDEFINITE and tok.endswith("هایی")


MIN_PLURAL_INDEFINITE = 6
_TWO_WORD_ADJUNCTS = frozenset({("همراه", "با")})  # «NAME مدیرکل این ستاد همراه با …»: company, not the post


def _inner_phrase(kept: list[str], rest: list[str]) -> str | None:
    """How a «در» phrase after `kept` goes on inside the post: as a second post or a constituency ("post"),
    as the post's ministry ("ministry"), or not at all (None: where or when it was said)."""
    if _second_post_follows(kept, rest) or _constituency_follows(kept, rest):
        return "post"
    return "ministry" if _ministry_follows(kept, rest) else None


def _second_post_follows(kept: list[str], rest: list[str]) -> bool:
    """`رئیس انجمن اخلاق در علوم و فناوری و رئیس همایش …`: a «در» phrase inside a post that a second
    post («و ROLE») continues, with no venue, time or other adjunct on the way."""
    if not rest or rest[0] in VENUE_WORDS or not _has_head(kept):
        return False
    for j, tok in enumerate(rest[:-1]):
        if tok in ADJUNCTS or tok == "،":
            return False
        if tok == "و" and rest[j + 1] in ROLE_HEADS:
            return True
    return False


def _ministry_follows(kept: list[str], rest: list[str]) -> bool:
    """`مدیر برنامه‌های تغذیه در مراکز جمعیتی وزارت بهداشت`: a «در» phrase inside a post that the post's
    ministry, organisation or university closes within a few words, with no venue or other adjunct on the
    way (`در جمع خبرنگاران`, `در سفر به …` are where it was said)."""
    if not _has_head(kept):
        return False
    for tok in rest[:MAX_INNER_PHRASE_WORDS]:
        if tok in _POST_ORGS:
            return True
        if tok in ADJUNCTS or tok in VENUE_WORDS or tok == "،":
            return False
    return False


_POST_ORGS = frozenset({"وزارت", "سازمان", "دانشگاه"})
MAX_INNER_PHRASE_WORDS = 5


def _constituency_follows(kept: list[str], rest: list[str]) -> bool:
    """`نماینده حکومت در واش، میرجاوه و … در مجلس`: a representative's constituency (places no list may
    know) that «در مجلس» closes, with no other adjunct on the way."""
    if not REPRESENTATIVE_HEADS.intersection(kept):
        return False
    for j, tok in enumerate(rest[:MAX_CONSTITUENCY_WORDS]):
        if tok == "در":
            return rest[j + 1 : j + 2] == ["مجلس"]
        if tok in ADJUNCTS or tok in VENUE_WORDS:
            return False
    return False


MAX_CONSTITUENCY_WORDS = 14


_DAY_NEXT = frozenset("گذشته جاری قبل بعد پیش اول دوم سوم آخر جهانی ملی سه دو چهار پنج".split())


def _is_name_day(tok: str, nxt: str) -> bool:
    """«روز» inside a name (`فرح روز قهرمانی`), not «روز یکشنبه», «روز گذشته», «روز ۲۰ …»."""
    return tok == "روز" and bool(nxt) and nxt not in ADJUNCTS and nxt not in _DAY_NEXT and not nxt[0].isdigit()


def join_tokens(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" ، ", "، ").strip(" ،")


def subject_tokens(subject: str) -> list[str]:
    """Words of a subject (commas as tokens), multi-word titles joined and role heads in canonical form
    whatever their spacing («قائممقام» = «قائم‌مقام»; glued «رئیسسازمان» = «رئیس سازمان»)."""
    return list(_subject_tokens(subject))


_DESPITE = re.compile(r"(?<![\w\u200c])علی[ ]+رغم(?![\w\u200c])")
_APPOSITION_DASH = re.compile(r"(?<=\w)[ ]*[-–—][ ]+|[ ]+[-–—][ ]*(?=\w)")


@lru_cache(maxsize=1024)  # a subject is read by cut_adjuncts, then by classify_subject
def _subject_tokens(subject: str) -> tuple[str, ...]:
    if "-" in subject or "–" in subject or "—" in subject:  # «NAME- ROLE», «NAME - ROLE»: a comma
        dash = _APPOSITION_DASH.search(subject)
        if dash is not None and _name_before_dash(subject[: dash.start()]):  # «نمونه‌آباد - …» is a dateline
            subject = _APPOSITION_DASH.sub("، ", subject)
    if "#" in subject:  # «… رئیس پلیس #ناجا:», «#علی_رضایی»: a hashtag is its words
        subject = subject.replace("#", "").replace("_", " ")
    if "؛" in subject:  # «NAME؛ ROLE»: the semicolon sets the post off as a comma does
        subject = subject.replace("؛", "،")
    if " رغم" in subject:  # «ولی علی رغم اینکه …»: "despite" written apart, no first name «علی»
        subject = _DESPITE.sub("علیرغم", subject)
    words = _join_titles(subject).replace("،", " ، ").split()
    out: list[str] = []
    if _GLUED_OR_SPACED.search(subject) is None:  # cheap: no «…در» before a venue, no spaced compound post
        for tok in words:
            out.extend(_canonical(tok))
        return tuple(out)
    skip = False
    for tok, nxt in zip(words, [*words[1:], ""], strict=False):
        if skip:
            skip = False
            continue
        if len(tok) > MIN_GLUED_DAR and tok.endswith("در") and (nxt in VENUE_WORDS or nxt in _AFTER_DAR):
            out.extend((*_canonical(tok[:-2]), "در"))  # «تهراندر گفتوگو»: «در» glued to the word before
            continue
        spaced = _SPACED_HEADS.get(squash(tok + nxt)) if nxt and tok in _SPACED_FIRSTS else None
        if spaced is not None:  # «جامعه شناس»: a compound post written with a space
            out.append(spaced)
            skip = True
            continue
        out.extend(_canonical(tok))
    return tuple(out)


# compound heads written with a half-space whose first part is no head itself («جامعه‌شناس», «روزنامه‌نگار»)
_SPACED_HEADS = {
    key: head for key, head in HEAD_KEYS.items() if "\u200c" in head and head.split("\u200c")[0] not in ROLE_HEADS
}
_SPACED_FIRSTS = frozenset(head.split("\u200c")[0] for head in _SPACED_HEADS.values())  # «جامعه», «روزنامه»
_GLUED_OR_SPACED = re.compile(r"\S{4}در[ ]|(?:" + "|".join(sorted(_SPACED_FIRSTS)) + ")[ ]")


MIN_GLUED_DAR = 5  # «مادر», «برادر», «صادر» are words, not a word with «در» glued on
_AFTER_DAR = frozenset("پایان ابتدا ابتدای خاتمه".split())  # «توماجدر پایان»: «در پایان» glued


def _name_before_dash(before: str) -> bool:
    """Two or more words, or one surname that is no place (`چاوشی - مدیرکل …`), before an apposition dash."""
    words = before.split()
    if words and squash(words[0]) in HEAD_KEYS and (is_place(words[-1]) or is_place(" ".join(words[-2:]))):
        return False  # «فرمانده پلیس راه شاهین دژ - تکاب»: a road between two towns, not «NAME - ROLE»
    return len(words) >= 2 or (len(words) == 1 and is_surname(words[0]) and not is_place(words[0]))


_HEAD_LENGTHS = sorted({len(k) for k in HEAD_KEYS}, reverse=True)
_GLUED_RESTS = frozenset(squash(w) for w in NON_NAME_WORDS | ROLE_SEATS | VENUE_WORDS)  # «دبیرهمایش»
MIN_GLUED_REST = 3


_HEAD_STARTS = frozenset(k[:3] for k in HEAD_KEYS)
MIN_TYPO_HEAD = 7  # a long role head missing one inner letter is still that head («استندار» = «استاندار»)
_HEAD_TYPOS = {
    key[:i] + key[i + 1 :]: head
    for key, head in HEAD_KEYS.items()
    if len(key) >= MIN_TYPO_HEAD
    for i in range(3, len(key) - 1)
}


@lru_cache(maxsize=8192)
def _canonical(tok: str) -> tuple[str, ...]:
    if tok.startswith(_GLUED_TITLES) and tok not in TITLES:
        title = next(t for t in _GLUED_TITLES if tok.startswith(t))
        if is_first_name(tok[len(title) :]):
            return (title, tok[len(title) :])  # «دکترجواد بابایی»: a title glued to the first name
    if tok.startswith("در") and (tok[2:] in VENUE_WORDS or tok[2:] == "گفت"):
        return ("در", tok[2:])  # «درحاشیه», «درجمع», «درگفت وگو»: a glued preposition opens the venue
    if tok.startswith("با") and tok[2:] in _GLUED_BA:
        return ("با", tok[2:])
    if tok in ROLE_HEADS or tok in NON_NAME_WORDS or len(tok) < 4 or squash(tok[:4])[:3] not in _HEAD_STARTS:
        return (tok,)
    key = squash(tok)
    head = HEAD_KEYS.get(key) or _HEAD_TYPOS.get(key)
    if head is not None:
        return (head,)
    for n in _HEAD_LENGTHS:
        rest = key[n:]
        if len(rest) >= MIN_GLUED_REST and key[:n] in HEAD_KEYS and (rest in _GLUED_RESTS or is_place(rest)):
            head = tok[:n] if squash(tok[:n]) == key[:n] else HEAD_KEYS[key[:n]]  # keep the writer's spelling
            return (head, rest)
    return (tok,)


_GLUED_TITLES = ("دکتر", "مهندس", "سردار", "سرهنگ")  # titles a page glues to the first name


@lru_cache(maxsize=8192)
def is_first_name(tok: str) -> bool:
    names = first_names()
    if tok in names:
        return True
    for prefix in ("سید", "میر", "محمد", "علی", "غلام", "ابو", "عبد"):
        rest = tok.removeprefix(prefix).lstrip("\u200c")
        if rest != tok and len(rest) > 2 and rest in names:
            return True
    return "\u200c" in tok and tok.split("\u200c", 1)[0] in names


def _two_word_first_name(words: list[str]) -> bool:
    """`علی اکبر`, `ام البنین` (listed as «امالبنین»): a first name written in two words."""
    return is_first_name(words[1]) or is_first_name(words[0] + words[1])


def is_name_start(tok: str) -> bool:
    return tok in TITLES or is_first_name(tok)


MIN_NAME_LETTERS = 2
MAX_NAME_LETTERS = 20  # no name word is longer («عبدالرسول‌پورمحمدی» has 18 letters)


def looks_like_name(tokens: list[str]) -> bool:
    """A person's name: 1–5 tokens, none of them a role/organisation word, not ending in a place."""
    if not tokens or len(tokens) > MAX_NAME_WORDS or is_place(tokens[-1]):
        return False
    return not any(
        (t in NON_NAME_WORDS and t not in TITLES and not (t == "روز" and 0 < i < len(tokens) - 1))
        and not _opens_surname(tokens, i)
        or t in _NOT_NAME
        or _is_plural(t)
        or _DIGIT_OR_LATIN.search(t)
        or len(t) < MIN_NAME_LETTERS  # «ط»: an initial standing for a withheld name
        or len(t) > MAX_NAME_LETTERS  # «معاونپیشگیریودرماناعتیاد…»: a post whose spaces the page lost
        or (i == 0 and t in WORDS and (len(tokens) == 1 or tokens[1] in _COUNTED))  # «پنج نفر …»: a count
        for i, t in enumerate(tokens)
    )


# what a number word opening a subject counts («پنج نفر … جان باختند», «بیست روز پس از …»); «چهل
# امیرانی» is a name
_COUNTED = frozenset("نفر تن روز هفته ماه سال ساعت دقیقه بار مورد".split())


def _is_plural(tok: str) -> bool:
    """`خانوارهای`, `برگه‌های`: a plural noun before its complement is no part of a person's name (a bare
    «ها» ends surnames: «افشارها», «میربها»)."""
    return len(tok) > MIN_PLURAL_LETTERS and tok.endswith(("های", "هایی"))


MIN_PLURAL_LETTERS = 5


def clean_name(tokens: list[str]) -> str | None:
    """The name without the honorifics before it; a title word after the first name is part of the
    surname (`جلال شیخ پور`, `علی امیر احمدی`)."""
    start = 0
    while start < len(tokens) and tokens[start] in TITLES and tokens[start] not in KEEP_TITLES:
        start += 1
    if start < len(tokens) and tokens[start] in _NOT_NAME:
        return None  # «خانم ها»: «ladies», a plural written apart after a title
    if all(len(t.strip(_QUOTE_MARKS)) < MIN_NAME_LETTERS for t in tokens[start:]):
        return None  # «آقای "ط"»: an initial standing for a withheld name names no one
    return " ".join(tokens[start:]) if start < len(tokens) else None


_QUOTE_MARKS = "«»\"“”'"


def _unbracket_role(subject: str) -> str:
    """«NAME (ROLE)» is «NAME، ROLE» and «ROLE (NAME)» is «ROLE، NAME» («امام خمینی (ره)» stays)."""
    paren = _PAREN_ROLE.match(subject) if "(" in subject else None
    if paren is None:
        return subject
    outside, inside = paren.group("name").rstrip("، "), paren.group("role")  # «NAME، (ROLE)»: the comma too
    if inside.split()[0] in ROLE_HEADS:
        return f"{outside}، {inside}"
    words = inside.split()
    if outside.split()[0] in ROLE_HEADS and 2 <= len(words) <= 4 and is_name_start(words[0]) and looks_like_name(words):
        return f"{outside}، {inside}"
    return subject


_WELCOME = ["خیر", "مقدم"]
# «این مسئول», «این مقام»: a pointer, no post; «این کارشناس ارشد اجتماعی» describes whom it points to
_VAGUE_ANAPHORS = frozenset({"مسئول", "مسوول", "مقام", "مقام‌مسئول"})


def classify_subject(subject: str, index: int) -> Mention | None:
    """Turn a subject phrase into a mention (person with optional role, role only, or pronoun)."""
    tokens = _trim_object(subject_tokens(_unbracket_role(subject)))
    if not tokens:
        return None
    subject = join_tokens(tokens)
    if tokens[0] in PLURAL_HEADS or tokens[0] == "این" and tokens[1:2] and tokens[1] in PLURAL_HEADS:
        return None  # "کارشناسان … گفتند": a collective statement
    if tokens[0] in PRONOUNS or (tokens[0] == "این" and len(tokens) <= 4 and tokens[1:2] and (
        tokens[1] in ANAPHORIC_NOUNS
    )):  # fmt: skip
        described = tokens[0] == "این" and tokens[1] not in _VAGUE_ANAPHORS
        return Mention(None, join_tokens(tokens[1:]) if described else None, "pronoun", index)
    if tokens[0] == INDEFINITE or tokens[0] in SPEECH_NOUNS:
        return _unnamed(tokens, index)
    if tokens[0] in ORG_STARTS or tokens[-1] in OUTLET_ENDS or tokens[0] in REPORTER_HEADS or tokens[:2] == _WELCOME:
        return None  # «خیر مقدم …» welcomes; «خیر» alone is a benefactor («NAME خیر حوزه آب»)
    if "،" in tokens:
        mention = _apposition(subject, index)
        if mention is not None:
            return mention
    return _person_or_post(subject, tokens, index)


def _person_or_post(subject: str, tokens: list[str], index: int) -> Mention | None:
    """A subject with no comma's apposition: a post then a name, a name then a post, or a name alone."""
    words = [t for t in tokens if t != "،"]
    if len(words) == 1 and squash(words[0]) in _LONE_SURNAME_HEADS:
        return Mention(words[0], None, "person", index)  # «متولی ادامه داد»: no post stands alone so
    if words[0] in ROLE_HEADS or words[0] == "از" and len(words) > 1 and words[1] in ROLE_HEADS:
        return _role_then_name(subject, tokens, index)
    if is_name_start(words[0]) or is_split_first_name(words):
        return _name_then_role(tokens, index)
    mention = _name_before_role(tokens, index)
    if mention is not None:
        return mention
    if (len(words) <= 3 or len(words) == 4 and _two_word_first_name(words)) and looks_like_name(words):
        return Mention(" ".join(words), None, "person", index)
    return None


def is_split_first_name(words: list[str]) -> bool:
    """«سیف الله …», «عزیز اله …», «ام البنین …», «عبد الرضا …»: a first name written in two words (its joined
    form is listed); not two first names («علی رضا» is no more a first name than «علی» is)."""
    if len(words) < 2 or is_first_name(words[0]):
        return False
    return (
        words[1] in ("الله", "اله")
        and is_first_name(f"{words[0]}\u200c{words[1]}")
        or is_first_name(words[0] + words[1])
    )


_NEEDS_COMPLEMENT = frozenset({"منبع", "مقام"})  # heads that name someone only with an adjective after them


def _unnamed(tokens: list[str], index: int) -> Mention | None:
    """«یک مقام آگاه»: an unnamed official, never a name; «سخنان عجیب ROLE»: what was said, then who
    said it, the role a word or two later."""
    if tokens[0] == INDEFINITE:
        rest = " ".join(tokens[1:]).replace(" ، ", "، ")
        return Mention(None, _strip_role(rest), "role", index) if tokens[1:2] and tokens[1] in ROLE_HEADS else None
    head = next((i for i, t in enumerate(tokens[1 : MAX_SPEECH_WORDS + 1], 1) if t in ROLE_HEADS), None)
    return _role_then_name(join_tokens(tokens[head:]), tokens[head:], index) if head else None


def _lone_surname(tok: str, role: list[str]) -> bool:
    """A word no list knows before a full post at the start of a subject (`کشاورز معاون مسکن روستایی …`,
    `تنها مدیرکل بنیاد مسکن …`) is a surname, whatever its ending; not a first name, nor a noun a post is
    the complement of (`نشست مدیرکل …`, `تصمیم ستاد …`), nor a name going on with «رییس زاده»."""
    return (
        len(tok) >= MIN_LONE_SURNAME
        and len(role) >= MIN_LONE_POST
        and role[1] not in SURNAME_PARTS
        and tok not in _OF_POST_NOUNS
        and tok not in PRONOUNS
        and not is_first_name(tok)
    )


MIN_LONE_SURNAME = 4
MIN_LONE_POST = 3
_OF_POST_NOUNS = VENUE_WORDS | SPEECH_NOUNS | spellings("تصمیم دستور حکم پیام گزارش نامه ابلاغ".split())


def _is_role_start(tok: str) -> bool:
    return tok in ROLE_HEADS or tok in ROLE_ORG_STARTS


def _has_head(tokens: list[str]) -> bool:
    return any(t in ROLE_HEADS for t in tokens)


def _name_before_role(tokens: list[str], index: int) -> Mention | None:
    """`FIRST LAST ROLE…` whatever the first name: two or three name-like tokens right before a role
    head (`گلاره کامرانی نماینده مردم …`, `عرب نژاد مدیر کل …`, `NAME روابط عمومی …`)."""
    for k in (1, 2, 3):
        cand = tokens[:k]
        starts = len(tokens) > k and (_is_role_start(tokens[k]) or _describes_resident(tokens[k:]))
        if starts and looks_like_name(cand) and not is_place(" ".join(cand)):
            if k == 1 and not (is_surname(cand[0]) or _lone_surname(cand[0], tokens[k:])):
                continue
            return Mention(clean_name(tokens[:k]), _strip_role(join_tokens(tokens[k:])), "person", index)
    return None


MAX_TITLED_NAME_WORDS = 2
_AS = "به عنوان "
_HONORIFIC = re.compile(r"(?<![\w\u200c])محترم(?:ه)?[ ]+")
_TIME_WORDS = frozenset("سال امسال پارسال ماه روز هفته".split())
_PARLIAMENT = "مجلس شورای اسلامی"  # a post in the parliament ends with its full name
# posts that open a role phrase; a few post words that are also surnames («متولی», «امام») right before
# one of them are the surname
_LEADING_HEADS = frozenset(squash(h) for h in "رئیس رییس مدیرکل فرماندار استاندار".split())  # compared squashed
_SURNAME_HEADS = frozenset(squash(h) for h in "متولی امام خطیب سفیر قاضی".split())
_LONE_SURNAME_HEADS = frozenset({squash("متولی")})  # a subject alone: the surname («خطیب» alone is the preacher)
SURNAME_PARTS = frozenset(SURNAME_ENDS) - {"ی"}  # written apart: «قاضی زاده», «خطیب پور»
# posts named after their territory alone: «استاندار هرمزگان», «فرماندار ایذه»
TERRITORIAL_HEADS = frozenset("استاندار فرماندار بخشدار شهردار دهیار".split())
_PLACE_CUES = frozenset("شهرستان استان شهر بخش روستای روستا دهستان".split())
_PLACE_GOES_ON = frozenset("استان شهرستان شهر در بزرگ ناحیه منطقه - –".split())  # «تهران بزرگ», «شاهین دژ - تکاب»
_CENTRAL_OF = frozenset("بخش شورای دفتر ستاد بانک کمیته هیئت هیات سازمان".split())  # «مرکزی» = central, no province
_STANDS_FOR_PLACE = frozenset("استان کشور".split())  # «رئیس پلیس راه استان»: the province the story is in
_POST_GOES_ON = frozenset("و ، شهرستان استان بخش شهر منطقه ناحیه دهستان".split())
MAX_SPEECH_WORDS = 2  # «سخنان عجیب ROLE»: at most this many words before the role head
_NOT_SURNAMES = frozenset("وقتی گاهی خیلی یعنی ولی همگی کلی جاری قبلی بعدی فعلی اصلی ملی محلی دولتی".split())


def is_surname(tok: str) -> bool:
    """A lone word before a role head is a surname when it ends like one (`موسوی`, `جوادپور`)."""
    return (
        len(tok) >= 4
        and tok.endswith(SURNAME_ENDS)
        and not tok.endswith("دگی")  # بارندگی، آمادگی، رسیدگی: abstract nouns
        and not (tok.endswith("ای") and not tok.endswith(("ایی", "ائی")))  # «اجرای …», «دارای …»: an ezafe
        and tok not in _NOT_SURNAMES
        and tok not in TITLES
        and not is_first_name(tok)
    )


# the light verbs' nouns, present-tense verbs and manner adverbs that follow a subject, never inside a name
_VERB_PARTS = spellings(
    "اعلام اظهار تصریح تاکید تأکید میکند می‌کند میکنند می‌کنند میگوید می‌گوید میگویند می‌گویند "
    "صراحتا صراحتاً رسما رسماً".split()
)


def _trim_object(tokens: list[str]) -> list[str]:
    """A subject that runs into the object (`NAME اعتبار طرح را`, `NAME ۱۰ میلیارد`) ends with the name:
    the object starts after the name's first two words (three when both are first names). A verb's
    part ends the subject (`صالح قاسمی صراحتاً اعلام میکند …`, `NAME ROLE اظهار داشت در …`)."""
    verb = next((i for i, t in enumerate(tokens) if t in _VERB_PARTS and i > 1), None)
    tokens = tokens[:verb] if verb is not None else tokens
    cut = next(
        (
            i
            for i, t in enumerate(tokens)
            if t == "را"
            or (t[0].isdigit() and not any(h in ROLE_HEADS for h in tokens[:i]))
            or (t in ONES and tokens[i + 1 : i + 2] and tokens[i + 1] in SCALES)  # «… توزیع یک میلیون و …»
        ),
        None,
    )
    if cut is None:
        return tokens
    if cut == 1 and tokens[1] == "را":
        return []  # «افرادی را … دانست»: a fronted object, no subject
    head = tokens[:cut]
    if "،" in head and looks_like_name(head[: head.index("،")]):
        comma = head.index("،")
        post = head[comma + 1 :]
        end = next((i for i, t in enumerate(post) if t[0].isdigit() or t in _TIME_WORDS), len(post))
        if post[:1] and post[0] in ROLE_HEADS and end > 1 and end < len(post):
            return head[: comma + 1] + post[:end]  # «NAME، ROLE سال ۸۱ پیشنهاد خود را …»: the post ends at the time
        return head[:comma]  # «جلالی پور، توانمندی … را …»
    start = next((i for i, t in enumerate(head) if is_name_start(t)), None)
    if start is None:  # a surname alone («رضایی پرداخت … را …», «نجاتی پور …»), unless a role leads
        if _has_head(head):
            return ends_at_place(join_tokens(head), province_word=True).split()
        if head[1:2] and head[1] in SURNAME_PARTS:
            return head[:2]
        if len(head) <= 1 or is_surname(head[0]) or head[0] in PRONOUNS:
            return head[:1]
        if is_surname(head[1]):
            return head[:2]  # «امیرعباس جعفری جذب … را …»: an unlisted first name, then the surname
        return []  # «برهای یکیدوماهه را … بلند کرد و گفت»: a noun opens the object; the subject is elsewhere
    while start < len(head) and head[start] in TITLES:
        start += 1
    size = 3 if start + 1 < len(head) and is_first_name(head[start]) and is_first_name(head[start + 1]) else 2
    return head[: start + size]


def _apposition(subject: str, index: int) -> Mention | None:
    """`NAME، ROLE` or `ROLE، NAME` (roles may contain commas themselves)."""
    parts = [p.strip() for p in subject.split("،")]
    if len(parts) > 1 and parts[1].startswith(_AS):  # «سعید داودی، به عنوان عضو هیئت مدیره …»
        parts[1] = parts[1].removeprefix(_AS).strip()
    first, last = parts[0].split(), parts[-1].split()
    rest_first = "، ".join(parts[1:])
    described = rest_first.split()
    if looks_like_name(first) and described and (described[0] in ROLE_HEADS or _describes_resident(described)):
        if is_name_start(first[0]) or len(first) <= 3:
            return Mention(clean_name(first), _strip_role(rest_first), "person", index)
    if parts[0].split()[:1] and parts[0].split()[0] in ROLE_HEADS and looks_like_name(last):
        # "ROLE، NAME": a known first name, or two to four tokens that cannot belong to a role
        if is_name_start(last[0]) or 2 <= len(last) <= 4:
            return Mention(clean_name(last), _strip_role("، ".join(parts[:-1])), "person", index)
    return None


def _role_then_name(subject: str, tokens: list[str], index: int) -> Mention | None:
    """`ROLE [title] FIRST LAST`: the rightmost name start whose tail is a plausible name."""
    if len(tokens) == 1 and tokens[0] in _NEEDS_COMPLEMENT:
        return None  # «منبع» alone (a credit label run into the lead): no «منبع مطلع», no one
    for i in range(len(tokens) - 1, 0, -1):
        tail = tokens[i:]
        if "،" in tail or not is_name_start(tokens[i]) or _is_place_after_cue(tokens, i) or tokens[i - 1] in NAMED_ORGS:
            continue
        if " ".join(tokens[i : i + 2]) in FIRST_NAMED_ORGS:
            continue
        if 2 <= len(tail) <= MAX_NAME_WORDS and looks_like_name(tail):
            start = i
            while start > 1 and tokens[start - 1] in TITLES:
                start -= 1
            name = clean_name(tokens[start:])
            role = " ".join(tokens[:start]).replace(" ، ", "، ")
            if name is not None and len(name.split()) >= 2:
                return Mention(name, _strip_role(role), "person", index)
    named = _name_after_place(tokens, index)
    if named is not None:
        return named
    post = ends_at_place(_role_before_object(_strip_role(subject)))  # «ROLE … کرمانشاه کیفیت هوای …»: an object
    return Mention(None, post, "role", index)


def _is_place_after_cue(tokens: list[str], i: int) -> bool:
    """`… شهرستان اسلام آباد غرب`: words after «شهرستان/استان/شهر» that name a place are no name."""
    return tokens[i - 1] in _PLACE_CUES and is_place(" ".join(tokens[i:]))


def _role_before_object(role: str) -> str:
    """`معاون استاندار، تغییر کمپ‌ها به مراکز … را`: after the comma comes the object, not more post."""
    head, comma, tail = role.partition("،")
    if comma and ("را" in tail.split() or any(ch.isdigit() for ch in tail)):
        return head.strip()
    return role


def _name_after_place(tokens: list[str], index: int) -> Mention | None:
    """`ROLE … PLACE FIRST LAST` whatever the first name (`مدیرکل بهزیستی گیلان بهنام کامرانی`): a
    role ends at its place, so two or three name-like words after it, opening with a first name or
    ending like a surname, are the name."""
    if "،" in tokens:
        return None
    for k in (2, 3, 1):  # one word only when it ends like a surname: «… آذربایجان‌غربی سهندی»
        head, tail = tokens[:-k], tokens[-k:]
        if len(head) < 2 or not (is_first_name(tail[0]) or is_surname(tail[-1])):
            continue  # «… تبریز خواستار چاره‌جویی مسؤولان»: words after the place, not a name
        if k == 1 and (is_first_name(tail[0]) or not is_surname(tail[0]) or is_place(f"{head[-1]} {tail[0]}")):
            continue  # «… خراسان رضوی»: the place's own second word
        if not looks_like_name(tail) or any(is_place(t) for t in tail) or is_place(" ".join(tail)):
            continue
        if is_place(head[-1]) or is_place(" ".join(head[-2:])):
            return Mention(clean_name(tail), _strip_role(join_tokens(head)), "person", index)
    return None


def _name_then_role(tokens: list[str], index: int) -> Mention | None:
    """`[title] FIRST LAST ROLE…`: the name runs until a role head or organisation word."""
    end = 0
    while (
        end < len(tokens)
        and end < MAX_NAME_WORDS
        and (tokens[end] not in NON_NAME_WORDS or _opens_surname(tokens, end))
        and tokens[end] != "،"
        and not _DIGIT_OR_LATIN.search(tokens[end])
    ):
        end += 1
    if end == MAX_NAME_WORDS and end < len(tokens) and tokens[end] in SURNAME_PARTS:
        end += 1  # «سید محمد باقر بخشایش پور»: a long name's surname written apart from its «پور»
    if end and tokens[end - 1] in TITLES:
        end = _after_titles(tokens, end)
        if tokens[end - 1] in TITLES and not _title_as_surname(tokens, end):
            return None

    if end == 1 and end + 1 < len(tokens) and _adjective_surname(tokens, end):
        end += 1  # «علی اسلامی مدیرکل …»: an adjective after a first name, before a post, is the surname
    if (
        end
        and end + 1 < len(tokens)
        and squash(tokens[end]) in _SURNAME_HEADS
        and squash(tokens[end + 1]) in _LEADING_HEADS
    ):
        end += 1  # «سیدمهدی متولی رییس اداره …»: a post word right before a post is the surname
    if end == 1 and len(tokens) == 2 and squash(tokens[1]) in _SURNAME_HEADS and is_first_name(tokens[0]):
        end = 2  # «سیدمهدی متولی افزود»: a first name and a post word alone are a full name
    name = clean_name(tokens[:end])
    if name is None:
        return None
    rest = tokens[end + 1 :] if tokens[end : end + 1] == ["،"] else tokens[end:]
    role = join_tokens(rest) if rest and (_is_role_start(rest[0]) or _describes_resident(rest)) else None
    return Mention(name, _strip_role(role) if role else None, "person", index)


# who a citizen is, after the name: «از اهالی روستای …», «از بزرگان …», «اهل …», «ساکن …», «یکی از …»
_RESIDENTS = frozenset("اهالی ساکنان ساکنین بزرگان معتمدان معتمدین ریش‌سفیدان کشاورزان دامداران".split())
_RESIDENT_HEADS = frozenset({"اهل", "ساکن"})


def _describes_resident(rest: list[str]) -> bool:
    return (
        rest[:2] == [_ONE, "از"]
        or rest[0] in _RESIDENT_HEADS
        or (rest[0] == "از" and rest[1:2] != [] and rest[1] in _RESIDENTS)
    )


def _title_as_surname(tokens: list[str], end: int) -> bool:
    """`محمد امیر در گفت‌وگویی …`: a title word after a first name, ending the name, is the surname."""
    return end >= 2 and is_first_name(tokens[0]) and not any(t in TITLES for t in tokens[: end - 1])


def _opens_surname(tokens: list[str], i: int) -> bool:
    """`قاضی زاده`, `خطیب پور`: a post word before «زاده/پور …», after a name word, opens a surname;
    `عدل بخش` before a post closes one («کیومرث عدل بخش معاون …»), and `رحیم بخش` before a surname is
    one first name."""
    if not 0 < i < len(tokens) - 1:
        return False
    if tokens[i] == "بخش":
        surname = tokens[2]
        shaped = surname.endswith("ی") or is_surname(surname)  # «بلیده‌ای», «کریمیان»; not «امید بخش دانست»
        if i == 1 and is_first_name(tokens[0]) and shaped and surname not in NON_NAME_WORDS and not is_place(surname):
            return True  # «رحیم بخش بلیده‌ای»: «NAME بخش» is one first name, a surname after it
        return i >= 2 and is_first_name(tokens[0]) and tokens[i + 1] in ROLE_HEADS
    return squash(tokens[i]) in _SURNAME_HEADS and tokens[i + 1] in SURNAME_PARTS


def _adjective_surname(tokens: list[str], end: int) -> bool:
    """«علی اسلامی مدیرکل …», «علی پرورش فرماندار …»: a first name, then a word that is not itself a post,
    an organisation or an adjunct, then a post: that word is the surname, whatever else it means."""
    word = tokens[end]
    return (
        is_first_name(tokens[0])
        and tokens[end + 1] in ROLE_HEADS
        and (word.endswith("ی") or word not in ROLE_HEADS and word not in ORG_STARTS and word not in ADJUNCTS)
        and not _DIGIT_OR_LATIN.search(word)
    )


def _after_titles(tokens: list[str], end: int) -> int:
    """After «آقای/خانم/دکتر» a person's name follows even when its words look like others (`آقای
    مجلس آرا`): up to MAX_TITLED_NAME_WORDS words before a role head, a comma or a number."""
    stop = min(len(tokens), end + MAX_TITLED_NAME_WORDS)
    while (
        end < stop and tokens[end] not in ROLE_HEADS and tokens[end] != "،" and not _DIGIT_OR_LATIN.search(tokens[end])
    ):
        end += 1
    return end


_LIGHT_VERBS = frozenset("شد شدند گردید گردیدند کرد کردند نمود نمودند".split())
_OTHERS = re.compile(r"[ ]+و[ ]+(?:(?:سایر|دیگر)[ ]+|(?:همراهان|هیئت[ ]+همراه|هیات[ ]+همراه)(?![\w\u200c]))")
_TIME_AFTER_POST = re.compile(r"[ ]+(?:(?:سال|روز|هفته|ماه|شب)[ ]+(?:گذشته|جاری)|امسال)(?![\w\u200c])")


def _strip_role(role: str) -> str:
    if "محترم" in role:
        role = _HONORIFIC.sub("", role)  # «وزیر محترم کار»
    if "(" in role and ")" not in role.partition("(")[2]:
        role = role.partition("(")[0]  # «… شهرستان فردیس (واقع»: a remark cut by its verb, not the post
    role = _OTHERS.split(role, maxsplit=1)[0]  # «ROLE و سایر مسئولین», «ROLE و همراهان»: others, not the post
    if "گذشته" in role or "جاری" in role or "امسال" in role:
        role = _TIME_AFTER_POST.split(role, maxsplit=1)[0]  # «رئیس انجمن تالاسمی ایران سال گذشته»: a time
    words = role.split()
    if len(words) > 2 and words[-1] in _LIGHT_VERBS:
        role = " ".join(words[:-2])  # «… خوزستان برگزار شد»: the sentence's verb ran into the post
    role = _territorial(role.strip(" ،").removesuffix(" نیز").removesuffix(" هم").strip(" ،"))
    head, parliament, _ = role.partition(_PARLIAMENT)  # «… مجلس شورای اسلامی آمارهای دولت را»: the object
    return _unglue_province(head + parliament if parliament else role)


def _unglue_province(role: str) -> str:
    """«مدیرکل کمیته امدادلرستان»: a province glued to the post's last word is written apart."""
    last = role.rsplit(" ", 1)[-1]
    glued = _GLUED_PROVINCE.search(last) if len(last) > MIN_GLUED_PROVINCE else None
    if glued is None or is_place(last):
        return role
    return f"{role[: len(role) - len(last) + glued.start()]} {glued.group()}"


MIN_GLUED_PROVINCE = 6
_GLUED_PROVINCE = re.compile(
    r"(?<=[^\s]{3})(?:" + "|".join(sorted((p for p in PROVINCES if " " not in p), key=len, reverse=True)) + r")$"
)


def ends_at_place(role: str, province_word: bool = False) -> str:
    """`مدیرکل ثبت احوال مازندران شورای پیشگیری …`, `رئیس پلیس راه استان علت وقوع … را`: with no comma to
    end it, a post ends at its place when what follows neither goes on with «و» nor names another place;
    before an object («… را») «استان/کشور» stand for the place too."""
    words = role.replace("،", " ،").split() if "،" in role else role.split()
    for i in range(1, len(words) - 1):
        k = _place_at(words, i, province_word)
        if not k:
            continue
        if i + k == len(words):
            return role  # the post ends at its place already («… آذربایجان شرقی»)
        nxt = words[i + k]
        if nxt == "،":
            if words[0] in REPRESENTATIVE_HEADS or _goes_on_after_comma(words[i + k + 1 : i + k + 2]):
                continue  # «استاندار کرمان، رئیس شورای …», «… استان، NAME», «نماینده … واش، میرجاوه، تپتان …»
            return _rejoined(words[: i + k])  # «امام جمعه سنندج، تلاش، خدمت … را …»
        central = words[i] == "مرکزی" and words[i - 1] in _CENTRAL_OF  # «شورای مرکزی کمیته …», «بخش مرکزی گنبد»
        if nxt != "و" and not is_place(nxt) and nxt not in _PLACE_GOES_ON and not central:
            return _rejoined(words[: i + k])
    return role


def _rejoined(words: list[str]) -> str:
    """The words of a post again, its commas back against the word before them."""
    return " ".join(words).replace(" ،", "،")


def _goes_on_after_comma(after: list[str]) -> bool:
    """The word after a post's place and comma opens another post, an organisation, a name or a place."""
    return not after or (
        after[0] in ROLE_HEADS
        or after[0] in ORG_STARTS
        or is_name_start(after[0])
        or is_place_name(after[0])  # any place, «باوی» too: «نماینده مردم اهواز، باوی، حمیدیه و کارون»
    )


def _place_at(words: list[str], i: int, province_word: bool = False, slot: bool = False) -> int:
    """How many words from `words[i]` on name a place, the longest first («خراسان جنوبی» is no «خراسان»);
    0 when none does. In a `slot` only a place fills, everyday words that name places count too."""
    fits = (k for k in (3, 2, 1) if i + k <= len(words) and _is_place_end(words[i : i + k], province_word, slot))
    return next(fits, 0)


def _is_place_end(words: list[str], province_word: bool, slot: bool = False) -> bool:
    name = " ".join(words)
    return (
        is_place(name)
        or (slot and is_place_name(name))
        or (province_word and len(words) == 1 and words[0] in _STANDS_FOR_PLACE)
    )


def _territorial(role: str) -> str:
    """`استاندار هرمزگان عملیات امداد …`: a governor's or mayor's post ends at its place; what follows
    is the object of the sentence (unless «و»/«،» goes on to a second post)."""
    words = role.split()
    if len(words) < 3 or words[0] not in TERRITORIAL_HEADS:
        return role
    at = 2 if words[1] in _PLACE_CUES and len(words) > 3 else 1  # «فرماندار شهرستان باغملک …»
    k = _place_at(words, at, slot=True)  # «استاندار خراسان جنوبی» is no «استاندار خراسان»; «فرماندار تفت»
    if not k:
        return role
    nxt = words[at + k] if at + k < len(words) else "،"
    goes_on = nxt in _POST_GOES_ON or nxt.startswith("،") or is_place(nxt)  # «بخشدار مرکزی شهرستان ری»
    return role if goes_on else " ".join(words[: at + k])
