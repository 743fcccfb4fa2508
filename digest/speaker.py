"""Who said it: speakers as name + role, main speaker first, with how many statements each made.

Rules, in order:
1. An attribution is a reporting verb (`digest.roles.REPORTING_VERBS`, also glued to «و»: `وافزود`)
   followed by `:`, `،`, `؛` or `که`, or ending its sentence; a clause verb (`اعلام کرد`, `گفت` …)
   before a bare clause when its subject is a role (`ROLE اعلام کرد ذخایر …`). `به گفته X،`,
   `طبق/براساس گفته‌های X، ROLE،`, `بر اساس اظهارات X،` (and `به اعتقاد/عقیده/باور X،`) are
   attributions too, and so is a sentence-initial `SUBJECT:` / `SUBJECT؛` when SUBJECT is
   `NAME، ROLE`, a role, or a role + venue (`ROLE در نشست خبری:`), a `NAME، ROLE` kicker and a
   headline `ROLE: …`. A fronted demonstrative object is skipped: `این مطلب را ROLE … عنوان کرد`.
2. Its subject is the text before the verb, after dropping lead-ins (datelines, reporter bylines,
   `به گزارش …،`, `خبرگزاری …:`; see `digest.leadins`), a leading adjunct clause (`در این جلسه که …
   برگزار شد،`) and everything from the first adjunct word (`در`, `با`, `ضمن`, `نیز`…); commas are
   kept because roles contain them. `در` stays inside a role after an unnamed official (`یک مقام
   مسئول در دادگستری استان`, unless a venue follows: `در جمع …`) and after a representative head
   before a seat (`نماینده مردم اهواز در مجلس`). Multi-word titles are joined with any spacing, and
   role heads are matched without spaces or ZWNJ (`قائممقام`; glued `رئیسسازمان` = `رئیس سازمان`).
3. A plural head (`کارشناسان`, `مسئولان …`) is a collective, not a speaker. The subject splits
   into role and name by structure: a comma apposition (`NAME، ROLE` or `ROLE، NAME`), a role head
   followed by a name (`ROLE [title] FIRSTNAME SURNAME`), a name followed by a role, two or three
   name-like tokens right before a role head whatever the first name (`گلاره کامرانی نماینده …`,
   `NAME روابط عمومی …`), a title or a first name alone, or a short non-role subject (a surname).
   A name ends at «را» or a number (`NAME اعتبار طرح را …`); a token with digits, Latin letters or
   punctuation is never part of a name, and a subject ending in `آنلاین/نیوز` is an outlet.
4. `وی`/`او`/`ایشان`/`این مسئول` refer to the last speaker; a surname alone to the full name seen
   before; a role-only mention to the named person with a matching role, else to the nearest named
   person with no role (a sentence whose subject is a named person without a reporting verb names
   one too: `به گزارش …، NAME در حاشیه … صادر کرد`); otherwise it stays an unnamed official, unless
   the text writes a name beside that role elsewhere. A roleless speaker takes a `NAME، ROLE،`
   apposition found elsewhere. A one-word headline name used only inside body roles (`طالبان: …`)
   is a group, not a person.
5. The main speaker is the one named in the headline or kicker, else in the lead, else the one with
   the most statements (then the earliest).
Imports only digest modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from digest.leadins import strip_byline, strip_lead_in
from digest.model import Speaker
from digest.places import is_place
from digest.roles import (
    ADJUNCTS,
    ANAPHORIC_NOUNS,
    CLAUSE_VERBS,
    HEAD_KEYS,
    INDEFINITE,
    KEEP_TITLES,
    MULTIWORD_TITLES,
    NON_NAME_WORDS,
    ORG_STARTS,
    OUTLET_ENDS,
    PLURAL_HEADS,
    PREAMBLE_STARTS,
    PRONOUNS,
    REPORTING_VERBS,
    REPRESENTATIVE_HEADS,
    ROLE_CONTINUATIONS,
    ROLE_HEADS,
    ROLE_ORG_STARTS,
    ROLE_SEATS,
    TITLES,
    VENUE_WORDS,
    WEAK_VERBS,
    first_names,
)
from digest.textmatch import WORD_END, WORD_START, alternation, flex, squash

MAX_SUBJECT_WORDS = 30
MAX_PRE_CHARS = 800  # of the text before a reporting verb, only the start can hold the subject
MAX_NAME_WORDS = 5  # titles included
MAX_SPEAKERS = 4
MAX_NAMED_CHARS = 200
MAX_NAMED_WORDS = 12
MAX_BARE_WORDS = 15  # a subject before a bare-clause verb is short: "مدیرعامل شرکت آب و فاضلاب استان"

# A reporting verb (also glued to «و»: «وافزود») before a colon, comma, «که», «؛» or the sentence end;
# `bare` marks one followed by a plain clause ("ROLE اعلام کرد ذخایر …").
_VERB = re.compile(
    r"(?<![\w\u200c])و?(?P<verb>" + alternation(REPORTING_VERBS) + ")" + WORD_END
    + r"(?P<after>\s*[:،؛]|\s+که(?![\w\u200c])|\s*[.!؟?»]*\s*$|(?P<bare>\s+)(?=[^\W\d_]))"
)  # fmt: skip
_WEAK = re.compile("^(?:" + "|".join(flex(v) for v in WEAK_VERBS) + ")$")
_CLAUSE = re.compile("^(?:" + "|".join(flex(v) for v in CLAUSE_VERBS) + ")$")
# "به گفته X،", "طبق گفته‌های X، ROLE،", "بر اساس اظهارات X،", "به اعتقاد X،"
_BE_GOFTE = re.compile(
    r"(?:^|[\s،])(?:به|طبق|بر[ \u200c]*اساس|بنا[ \u200c]*بر)[ \u200c]*"
    r"(?:گفته(?:[ \u200c]*(?:های|ی))?|اظهارات|اعتقاد|عقیده|باور)[ \u200c]+"
    r"(?P<subject>[^،:.]{2,120})،(?:(?P<second>[^،:.]{2,120})،)?"
)
_BE_GOFTE_HINT = ("گفته", "اعتقاد", "عقیده", "باور", "اظهارات")
# A sentence-initial `SUBJECT:` / `SUBJECT؛` (an attribution without a reporting verb).
_HEADING = re.compile(r"^(?P<subject>[^:؛«»\"]{3,150}?)[ ]*[:؛]")
_INTERVIEW_LABELS = frozenset({"خبرنگار", "مجری", "سوال", "پرسش"})
_HEADING_TIME = frozenset("امروز روز صبح عصر دیروز شب امشب ظهر بامداد".split())
_DIGIT_OR_LATIN = re.compile(r"[0-9۰-۹A-Za-z]|[^\w\u200c]|^یک$")  # never inside a name
_NOT_NAME = frozenset("را کرد داد کردند دادند شده دارد هستند نیست بود کند".split())
# "این مطلب را ROLE … عنوان کرد", "«…»؛ این را ROLE گفت": a fronted demonstrative object
_FRONTED_OBJECT = re.compile(r"^(?:این|آن)(?:[ \u200c]+[^\s،]+){0,2}[ \u200c]+را[ \u200c]+")
_QUOTES = re.compile(r"[«»\"“”]")
_TITLE_SEP = re.compile(r"^(?P<subject>[^:]{3,80}):\s*\S")
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


@dataclass(slots=True)
class _Person:
    name: str | None
    roles: list[str] = field(default_factory=list)
    count: int = 0
    first: int = 0
    mentions: list[int] = field(default_factory=list)


def find_speakers(
    sentences: list[str], kicker: str | None = None, headline: str = "", lead: int = 1
) -> tuple[Speaker, ...]:
    """Speakers of the article, main speaker first: the one named in the headline or kicker, else the
    one in the lead (its first `lead` sentences), else the one with most statements (then earliest)."""
    mentions = list(_mentions(sentences, kicker, headline))
    people = _resolve(mentions)
    ranked = sorted(people, key=lambda p: (_tier(p, lead), -p.count, p.first))
    return tuple(_speaker(p, sentences) for p in ranked[:MAX_SPEAKERS])


def _speaker(p: _Person, sentences: list[str]) -> Speaker:
    """The person as a Speaker; a missing name or role is looked up beside the other in the text."""
    name = p.name or _name_in_text(p.roles, sentences)
    role = _best_role(p.roles) or (_role_in_text(name, sentences) if name else None)
    return Speaker(name, role, p.count)


def _role_in_text(name: str, sentences: list[str]) -> str | None:
    """`NAME، ROLE،` written anywhere in the text (`گفت‌وگو با زهرا عسگری، مدیر روابط کار …، درباره …`)."""
    pattern = re.compile(re.escape(name) + r"[ ]*،[ ]*(?P<role>[^،.:؛]{3,120})")
    for sentence in sentences:
        m = pattern.search(sentence) if name in sentence else None
        if m is not None:
            role = cut_adjuncts(m.group("role"))
            if role and _tokens(role)[0] in ROLE_HEADS:
                return role
    return None


def _tier(person: _Person, lead: int) -> int:
    first = min(person.mentions, default=person.first)
    return 0 if first < 0 else 1 if first < lead else 2


def _mentions(sentences: list[str], kicker: str | None, headline: str) -> list[Mention]:
    titles: list[Mention] = []
    for index, text in enumerate(([headline] if headline else []) + ([kicker] if kicker else [])):
        mention = _title_mention(text, index - 2, is_kicker=bool(kicker) and index == (1 if headline else 0))
        if mention is not None:
            titles.append(mention)
    out: list[Mention] = []
    for index, sentence in enumerate(sentences):
        subjects = _subjects(sentence)
        for subject in subjects:
            mention = classify_subject(subject, index)
            if mention is not None:
                out.append(mention)
        if not subjects:
            named = _named_subject(sentence, index)
            if named is not None:
                out.append(named)
    return [m for m in titles if not _is_group(m, out)] + out


def _named_subject(sentence: str, index: int) -> Mention | None:
    """A sentence whose subject is a named person but whose verb does not report (`«NAME» با اعلام
    آنکه … برشمرد`, `به گزارش …، NAME در حاشیه بازدید … صادر کرد`): it names, it does not quote."""
    text = _QUOTES.sub("", strip_lead_in(sentence[:MAX_NAMED_CHARS]))
    first = text.split(maxsplit=1)[:1]
    if not first or not _is_name_start(first[0]):
        return None
    kept, rest = _split_adjuncts(_tokens(" ".join(text.split()[:MAX_NAMED_WORDS])))
    if not rest or not kept or not _is_name_start(kept[0]):
        return None
    mention = classify_subject(_join(kept), index)
    if mention is None or mention.kind != "person" or mention.name is None or len(mention.name.split()) < 2:
        return None
    return Mention(mention.name, mention.role, "name", index)


def _is_group(title: Mention, body: list[Mention]) -> bool:
    """A one-word name in a title (`طالبان: …`) that the body only uses inside roles is a group."""
    if title.name is None or title.role or " " in title.name:
        return False
    key = squash(title.name)
    if any(m.name and key in {squash(t) for t in m.name.split()} for m in body):
        return False
    return any(m.role and key in {squash(t) for t in m.role.split()} for m in body)


def _title_mention(text: str, index: int, is_kicker: bool = False) -> Mention | None:
    """`ROLE خبرداد:` kickers, `NAME، ROLE` kickers and `ROLE: statement` headlines name a speaker
    without a quote."""
    subjects = _subjects(text)
    if not subjects and is_kicker:
        heading = _heading(text + ":", len(text) + 1)
        subjects = [heading] if heading else []
    if subjects:
        return classify_subject(subjects[0], index)
    m = _TITLE_SEP.match(text.strip())
    if m is None or len(m.group("subject").split()) > 8:
        return None
    mention = classify_subject(m.group("subject"), index)
    return mention if mention is not None and mention.kind != "pronoun" else None


def _subjects(sentence: str) -> list[str]:
    """Subjects of the attributions in one sentence (usually one)."""
    found: list[str] = []
    start = len(sentence)
    for m in _VERB.finditer(sentence):
        subject = _verb_subject(sentence, m)
        if subject is not None:
            found.append(subject)
            start = m.start()
            break
    heading = _heading(sentence, start) if ":" in sentence or "؛" in sentence else None
    if heading is not None:
        return [heading]
    g = _BE_GOFTE.search(sentence) if any(h in sentence for h in _BE_GOFTE_HINT) else None
    if g is not None and g.start() < start:
        found.append(_according_subject(g))
    return found


def _verb_subject(sentence: str, m: re.Match[str]) -> str | None:
    """The subject of reporting verb match `m`, or None when it does not report here."""
    after = m.group("after")
    if m.group("bare") is not None:
        if not _CLAUSE.match(m.group("verb")):
            return None
        pre = sentence[: m.start()]
        if len(pre.split()) > MAX_BARE_WORDS or "که" in pre.split():
            return None
        subject = subject_of(pre)
        mention = classify_subject(subject, 0) if subject and "که" not in pre.split() else None
        return subject if mention is not None and mention.role else None
    quoted = after.strip().startswith((":", "،", "؛")) or "که" in after
    if not quoted and _WEAK.match(m.group("verb")):
        return None
    return subject_of(sentence[: m.start()]) or None


def _heading(sentence: str, verb_at: int) -> str | None:
    """`NAME، ROLE: …`, `ROLE در نشست خبری: …`, `NAME، ROLE؛` opening a sentence, before any verb."""
    m = _HEADING.match(sentence)
    if m is None or m.end() > verb_at:
        return None
    tokens = _tokens(strip_lead_in(m.group("subject")))
    kept, rest = _split_adjuncts(tokens)
    while rest and rest[0] in _HEADING_TIME:
        rest = rest[1:]
    if rest and not (rest[0] == "در" and rest[1:2] and rest[1] in VENUE_WORDS):
        return None
    subject = _join(kept)
    if subject in _INTERVIEW_LABELS:
        return None  # «خبرنگار: …» asks the question of a transcript
    mention = classify_subject(subject, 0) if subject else None
    return subject if mention is not None and mention.role else None


def _according_subject(g: re.Match[str]) -> str:
    """`طبق گفته‌های NAME، ROLE،`: the name and the role up to the closing comma."""
    subject = g.group("subject").strip()
    second = g.group("second")
    if second and _tokens(subject)[0] not in ROLE_HEADS and _tokens(second)[:1] and _tokens(second)[0] in ROLE_HEADS:
        subject = f"{subject}، {second.strip()}"
    return cut_adjuncts(subject)


def subject_of(pre: str) -> str:
    """The speaker phrase in the text before a reporting verb."""
    text = strip_byline(pre)
    for sep in (":", "؛"):
        if sep in text:
            before, _, after = text.rpartition(sep)
            text = after if after.strip() else before  # «… از بیرجند ؛ گفت»: a stray separator
    text = _QUOTES.sub("", strip_lead_in(text[:MAX_PRE_CHARS]))  # the subject opens the clause
    text = _FRONTED_OBJECT.sub("", _skip_preamble(text), count=1)
    return cut_adjuncts(text)


def _skip_preamble(text: str) -> str:
    """Drop a leading adjunct (`در این آیین`, `در این جلسه که … برگزار شد،`) before the subject."""
    tokens = text.split()
    if not tokens or tokens[0] not in PREAMBLE_STARTS:
        return text
    while "،" in text:  # a leading relative clause ends at its comma: "در این جلسه که … شد، ROLE …"
        head, _, rest = text.partition("،")
        if "که" not in head.split():
            break
        text = rest.strip()
        tokens = text.split()
    for i, tok in enumerate(tokens):
        if i and _can_start_subject(tok, tokens[i + 1] if i + 1 < len(tokens) else ""):
            return " ".join(tokens[i:])
    return text


def _can_start_subject(tok: str, nxt: str) -> bool:
    return (
        tok in ROLE_HEADS
        or tok in TITLES
        or tok in PRONOUNS
        or _is_first_name(tok)
        or (tok == "این" and nxt in ANAPHORIC_NOUNS)
    )


def _join_titles(subject: str) -> str:
    """`حجت الاسلام و المسلمین`, `حجت‌الاسلام والمسلمین`, `آیت الله` … as one token each."""
    if "ال" not in subject and "سر" not in subject and "امام" not in subject:
        return subject
    return _MULTI_TITLE.sub(lambda m: _JOINED_TITLES.get(squash(m.group()), m.group()), subject)


def _keeps_role(kept: list[str], tok: str, nxt: str) -> bool:
    """Whether adjunct `tok` continues the role in `kept` (see rule 2 in the module docstring)."""
    if (tok, nxt) in ROLE_CONTINUATIONS or (kept[-1], tok) in ROLE_CONTINUATIONS:
        return True
    if tok != "در" or not nxt:
        return False
    if kept[0] == INDEFINITE and len(kept) > 1 and kept[1] in ROLE_HEADS:
        return nxt not in VENUE_WORDS and nxt not in ADJUNCTS
    return nxt in ROLE_SEATS or is_place(nxt) if REPRESENTATIVE_HEADS.intersection(kept) else False


def cut_adjuncts(subject: str) -> str:
    """The subject up to its first adjunct word (`روزبه کردونی در شورای …` → `روزبه کردونی`)."""
    kept, _ = _split_adjuncts(_tokens(subject))
    return _join(kept) if len(kept) <= MAX_SUBJECT_WORDS else ""


def _split_adjuncts(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Tokens before the first adjunct word, and the rest."""
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if kept and tok in ADJUNCTS and not _keeps_role(kept, tok, nxt) and not _is_name_day(tok, nxt):
            return kept, tokens[i:]
        kept.append(tok)
    return kept, []


_DAY_NEXT = frozenset("گذشته جاری قبل بعد پیش اول دوم سوم آخر جهانی ملی سه دو چهار پنج".split())


def _is_name_day(tok: str, nxt: str) -> bool:
    """«روز» inside a name (`فرح روز قهرمانی`), not «روز یکشنبه», «روز گذشته», «روز ۲۰ …»."""
    return tok == "روز" and bool(nxt) and nxt not in ADJUNCTS and nxt not in _DAY_NEXT and not nxt[0].isdigit()


def _join(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" ، ", "، ").strip(" ،")


def _tokens(subject: str) -> list[str]:
    """Words of a subject (commas as tokens), multi-word titles joined and role heads in canonical form
    whatever their spacing («قائممقام» = «قائم‌مقام»; glued «رئیسسازمان» = «رئیس سازمان»)."""
    out: list[str] = []
    for tok in _join_titles(subject).replace("،", " ، ").split():
        out.extend(_canonical(tok))
    return out


_HEAD_LENGTHS = sorted({len(k) for k in HEAD_KEYS}, reverse=True)
_GLUED_RESTS = frozenset(squash(w) for w in NON_NAME_WORDS | ROLE_SEATS)
MIN_GLUED_REST = 3


_HEAD_STARTS = frozenset(k[:3] for k in HEAD_KEYS)


@lru_cache(maxsize=8192)
def _canonical(tok: str) -> tuple[str, ...]:
    if tok.startswith("در") and tok[2:] in VENUE_WORDS:
        return ("در", tok[2:])  # «درحاشیه», «درجمع»: a glued preposition opens the venue
    if tok in ROLE_HEADS or tok in NON_NAME_WORDS or len(tok) < 4 or squash(tok[:4])[:3] not in _HEAD_STARTS:
        return (tok,)
    key = squash(tok)
    head = HEAD_KEYS.get(key)
    if head is not None:
        return (head,)
    for n in _HEAD_LENGTHS:
        rest = key[n:]
        if len(rest) >= MIN_GLUED_REST and key[:n] in HEAD_KEYS and (rest in _GLUED_RESTS or is_place(rest)):
            head = tok[:n] if squash(tok[:n]) == key[:n] else HEAD_KEYS[key[:n]]  # keep the writer's spelling
            return (head, rest)
    return (tok,)


@lru_cache(maxsize=8192)
def _is_first_name(tok: str) -> bool:
    names = first_names()
    if tok in names:
        return True
    for prefix in ("سید", "میر", "محمد", "علی", "غلام", "ابو", "عبد"):
        rest = tok.removeprefix(prefix).lstrip("\u200c")
        if rest != tok and len(rest) > 2 and rest in names:
            return True
    return "\u200c" in tok and tok.split("\u200c", 1)[0] in names


def _is_name_start(tok: str) -> bool:
    return tok in TITLES or _is_first_name(tok)


def _looks_like_name(tokens: list[str]) -> bool:
    """A person's name: 1–5 tokens, none of them a role/organisation word, not ending in a place."""
    if not tokens or len(tokens) > MAX_NAME_WORDS or is_place(tokens[-1]):
        return False
    return not any(
        (t in NON_NAME_WORDS and t not in TITLES and not (t == "روز" and 0 < i < len(tokens) - 1))
        or t in _NOT_NAME
        or _DIGIT_OR_LATIN.search(t)
        for i, t in enumerate(tokens)
    )


def _clean_name(tokens: list[str]) -> str | None:
    kept = [t for t in tokens if t not in TITLES or t in KEEP_TITLES]
    return " ".join(kept) if kept else None


def classify_subject(subject: str, index: int) -> Mention | None:
    """Turn a subject phrase into a mention (person with optional role, role only, or pronoun)."""
    tokens = _trim_object(_tokens(subject))
    if not tokens:
        return None
    subject = _join(tokens)
    if tokens[0] in PLURAL_HEADS or tokens[0] == "این" and tokens[1:2] and tokens[1] in PLURAL_HEADS:
        return None  # "کارشناسان … گفتند": a collective statement
    if tokens[0] in PRONOUNS or (tokens[0] == "این" and len(tokens) <= 4 and tokens[1:2] and (
        tokens[1] in ANAPHORIC_NOUNS
    )):  # fmt: skip
        return Mention(None, None, "pronoun", index)
    if tokens[0] == INDEFINITE:  # "یک مقام آگاه": an unnamed official, never a name
        rest = " ".join(tokens[1:]).replace(" ، ", "، ")
        return Mention(None, _strip_role(rest), "role", index) if tokens[1:2] and tokens[1] in ROLE_HEADS else None
    if tokens[0] in ORG_STARTS or tokens[-1] in OUTLET_ENDS:
        return None
    if "،" in tokens:
        mention = _apposition(subject, index)
        if mention is not None:
            return mention
    words = [t for t in tokens if t != "،"]
    if words[0] in ROLE_HEADS or words[0] == "از" and len(words) > 1 and words[1] in ROLE_HEADS:
        return _role_then_name(subject, tokens, index)
    if _is_name_start(words[0]):
        return _name_then_role(tokens, index)
    mention = _name_before_role(tokens, index)
    if mention is not None:
        return mention
    if len(words) <= 3 and _looks_like_name(words):
        return Mention(" ".join(words), None, "person", index)
    return None


def _is_role_start(tok: str) -> bool:
    return tok in ROLE_HEADS or tok in ROLE_ORG_STARTS


def _has_head(tokens: list[str]) -> bool:
    return any(t in ROLE_HEADS for t in tokens)


def _name_before_role(tokens: list[str], index: int) -> Mention | None:
    """`FIRST LAST ROLE…` whatever the first name: two or three name-like tokens right before a role
    head (`گلاره کامرانی نماینده مردم …`, `عرب نژاد مدیر کل …`, `NAME روابط عمومی …`)."""
    for k in (2, 3):
        cand = tokens[:k]
        if len(tokens) > k and _is_role_start(tokens[k]) and _looks_like_name(cand) and not is_place(" ".join(cand)):
            return Mention(_clean_name(tokens[:k]), _strip_role(_join(tokens[k:])), "person", index)
    return None


def _trim_object(tokens: list[str]) -> list[str]:
    """A subject that runs into the object (`NAME اعتبار طرح را`, `NAME ۱۰ میلیارد`) ends with the name:
    the object starts after the name's first two words (three when both are first names)."""
    cut = next(
        (
            i
            for i, t in enumerate(tokens)
            if t == "را" or (t[0].isdigit() and not any(h in ROLE_HEADS for h in tokens[:i]))
        ),
        None,
    )
    if cut is None:
        return tokens
    head = tokens[:cut]
    if "،" in head and _looks_like_name(head[: head.index("،")]):
        return head[: head.index("،")]  # «جلالی پور، توانمندی … را …»
    start = next((i for i, t in enumerate(head) if _is_name_start(t)), None)
    if start is None:  # a surname alone («رضایی پرداخت … را …»), unless a role leads
        return head if _has_head(head) else head[:1]
    while start < len(head) and head[start] in TITLES:
        start += 1
    size = 3 if start + 1 < len(head) and _is_first_name(head[start]) and _is_first_name(head[start + 1]) else 2
    return head[: start + size]


def _apposition(subject: str, index: int) -> Mention | None:
    """`NAME، ROLE` or `ROLE، NAME` (roles may contain commas themselves)."""
    parts = [p.strip() for p in subject.split("،")]
    first, last = parts[0].split(), parts[-1].split()
    rest_first = "، ".join(parts[1:])
    if _looks_like_name(first) and rest_first.split()[:1] and rest_first.split()[0] in ROLE_HEADS:
        if _is_name_start(first[0]) or len(first) <= 3:
            return Mention(_clean_name(first), rest_first, "person", index)
    if parts[0].split()[:1] and parts[0].split()[0] in ROLE_HEADS and _looks_like_name(last):
        # "ROLE، NAME": a known first name, or two to four tokens that cannot belong to a role
        if _is_name_start(last[0]) or 2 <= len(last) <= 4:
            return Mention(_clean_name(last), "، ".join(parts[:-1]), "person", index)
    return None


def _role_then_name(subject: str, tokens: list[str], index: int) -> Mention:
    """`ROLE [title] FIRST LAST`: the rightmost name start whose tail is a plausible name."""
    for i in range(len(tokens) - 1, 0, -1):
        tail = tokens[i:]
        if "،" in tail or not _is_name_start(tokens[i]):
            continue
        if 2 <= len(tail) <= MAX_NAME_WORDS and _looks_like_name(tail):
            start = i
            while start > 1 and tokens[start - 1] in TITLES:
                start -= 1
            name = _clean_name(tokens[start:])
            role = " ".join(tokens[:start]).replace(" ، ", "، ")
            if name is not None and len(name.split()) >= 2:
                return Mention(name, _strip_role(role), "person", index)
    return Mention(None, _strip_role(subject), "role", index)


def _name_then_role(tokens: list[str], index: int) -> Mention | None:
    """`[title] FIRST LAST ROLE…`: the name runs until a role head or organisation word."""
    end = 0
    while (
        end < len(tokens)
        and end < MAX_NAME_WORDS
        and tokens[end] not in NON_NAME_WORDS
        and tokens[end] != "،"
        and not _DIGIT_OR_LATIN.search(tokens[end])
    ):
        end += 1
    if end and tokens[end - 1] in TITLES:
        return None
    name = _clean_name(tokens[:end])
    if name is None:
        return None
    rest = tokens[end + 1 :] if tokens[end : end + 1] == ["،"] else tokens[end:]
    role = _join(rest) if rest and _is_role_start(rest[0]) else None
    return Mention(name, _strip_role(role) if role else None, "person", index)


def _name_in_text(roles: list[str], sentences: list[str]) -> str | None:
    """The name written next to an unnamed speaker's role elsewhere in the text, without a reporting
    verb (`NAME ROLE، در نمایشگاه … قدردانی کرد`, `ROLE FIRST LAST`)."""
    for role in roles:
        want = [squash(t) for t in _tokens(role) if t != "،"][:3]
        if not want:
            continue
        raw = _tokens(role)[0][:3]
        for sentence in sentences:
            if raw not in sentence or want[0][:4] not in squash(sentence):
                continue
            name = _name_beside(_tokens(sentence), want)
            if name is not None:
                return name
    return None


def _name_beside(tokens: list[str], want: list[str]) -> str | None:
    for i in range(len(tokens)):
        if tokens[i][:2] != want[0][:2] or [squash(t) for t in tokens[i : i + len(want)]] != want:
            continue
        for k in (2, 3):  # a name here must open with a known first name or a title
            cand = tokens[max(0, i - k) : i]
            if len(cand) == k and _is_name_start(cand[0]) and "،" not in cand and _looks_like_name(cand):
                return _clean_name(cand)
        j = i + len(want)
        while j < len(tokens) and j < i + MAX_SUBJECT_WORDS and not _is_name_start(tokens[j]):
            if tokens[j] in ADJUNCTS or tokens[j] == "،":
                break
            j += 1
        cand = tokens[j : j + 2]
        if len(cand) == 2 and _is_name_start(cand[0]) and _looks_like_name(cand):
            return _clean_name(cand)
    return None


def _strip_role(role: str) -> str:
    return role.strip(" ،").removesuffix(" نیز").removesuffix(" هم").strip(" ،")


def _resolve(mentions: list[Mention]) -> list[_Person]:
    """Group mentions into people (pronouns, surnames, role-only mentions)."""
    people: list[_Person] = []
    last: _Person | None = None
    for m in mentions:
        if m.kind == "pronoun":
            if last is not None:
                last.count += 1
            continue
        person = _match_person(people, m)
        if person is None:
            person = _Person(m.name, first=m.index)
            people.append(person)
        person.count += m.kind != "name"
        person.mentions.append(m.index)
        if m.role:
            person.roles.append(m.role)
        last = person
    return [p for p in _link_roles(people) if p.count]


def _match_person(people: list[_Person], m: Mention) -> _Person | None:
    if m.name is not None:
        tokens = squash_tokens(m.name)
        for p in people:
            if p.name is None:
                continue
            known = squash_tokens(p.name)
            if known == tokens or _is_part(tokens, known) or _is_part(known, tokens):
                if len(tokens) > len(known):
                    p.name = m.name  # the fuller form wins
                return p
        return None
    for p in people:
        if any(_roles_compatible(r, m.role or "") for r in p.roles):
            return p
    return None


def squash_tokens(name: str) -> list[str]:
    return [squash(t) for t in name.split() if t not in KEEP_TITLES]


def _is_part(short: list[str], long: list[str]) -> bool:
    """`کردونی` ⊂ `روزبه کردونی`, `صابری` ⊂ `محمدباقر صابری زفرقندی` (never the first name alone)."""
    n = len(short)
    if not 0 < n < len(long):
        return False
    return any(long[i : i + n] == short for i in range(1, len(long) - n + 1))


_ROLE_FILLERS = frozenset(squash(w) for w in ("استان", "شهرستان", "کشور", "شهر", "کل"))


@lru_cache(maxsize=1024)
def _role_tokens(role: str) -> tuple[str, ...]:
    """Squashed role words without fillers (`مدیرکل بهزیستی استان یزد` → مدیرکل, بهزیستی, یزد)."""
    return tuple(t for t in (squash(w) for w in role.replace("،", " ").split()) if t and t not in _ROLE_FILLERS)


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _roles_compatible(a: str, b: str) -> bool:
    """Same head and one role's words appear, in order, in the other (`معاون استاندار تهران` ~
    `معاون امنیتی و انتظامی استاندار تهران`), or one extends the other when glued (`مدیرکل` ~ `مدیر کل`)."""
    ta, tb = _role_tokens(a), _role_tokens(b)
    if not ta or not tb:
        return False
    ka, kb = "".join(ta), "".join(tb)
    if ka.startswith(kb) or kb.startswith(ka):
        return True
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return short[0] == long[0] and len(short) >= 2 and _is_subsequence(short, long)


def _link_roles(people: list[_Person]) -> list[_Person]:
    """Attach role-only people to the named person they describe.

    A role compatible with a named person's role goes to that person. Otherwise each named person
    without a role takes the nearest role-only person (a role just before the name wins a tie):
    `ROLE A گفت … ROLE B گفت … NAME افزود` gives NAME role B, and A stays an unnamed official.
    """
    named = [p for p in people if p.name is not None]
    pending = [p for p in people if p.name is None and not _link_compatible(p, named)]
    roleless = [p for p in named if not p.roles]
    pairs = sorted(
        (_distance(anon, person), i, j) for i, anon in enumerate(pending) for j, person in enumerate(roleless)
    )
    linked: set[int] = set()
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in linked and j not in taken:
            _merge(roleless[j], pending[i])
            linked.add(i)
            taken.add(j)
    rest = [anon for i, anon in enumerate(pending) if i not in linked and not _link_compatible(anon, named)]
    return named + rest


def _link_compatible(anon: _Person, named: list[_Person]) -> bool:
    """Merge `anon` into the named person whose role it matches; whether it found one."""
    for p in named:
        if any(_roles_compatible(r, a) for r in p.roles for a in anon.roles):
            _merge(p, anon)
            return True
    return False


def _merge(target: _Person, anon: _Person) -> None:
    target.count += anon.count
    target.roles.extend(anon.roles)
    target.first = min(target.first, anon.first)
    target.mentions.extend(anon.mentions)


def _distance(anon: _Person, person: _Person) -> tuple[int, int]:
    """How far a role-only mention is from a name's mentions; a role before the name comes first."""
    return min(
        (abs(i - a), 0 if a <= i else 1)
        for a in anon.mentions or [anon.first]
        for i in person.mentions or [person.first]
    )


def _best_role(roles: list[str]) -> str | None:
    """The most attested role; variants that extend one another count together, the longest shows."""
    if not roles:
        return None
    groups: list[list[str]] = []
    for role in roles:
        for group in groups:
            if any(_roles_compatible(role, r) for r in group):
                group.append(role)
                break
        else:
            groups.append([role])
    best = max(groups, key=len)
    return max(best, key=lambda r: len(squash(r)))
