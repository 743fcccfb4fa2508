"""Who said it: speakers as name + role, main speaker first, with how many statements each made.

Rules, in order:
1. An attribution is a reporting verb (`digest.roles.REPORTING_VERBS`) followed by `:`, `،` or `که`,
   or ending its sentence; `به گفته X،` is one too, and so is a kicker/headline `ROLE: …`.
2. Its subject is the text before the verb, after dropping lead-ins (`به گزارش …،`, `خبرگزاری …:`),
   a leading adjunct clause (`در این جلسه که … برگزار شد،`) and everything from the first adjunct
   word (`در`, `با`, `ضمن`, `نیز`…); commas are kept because roles contain them.
3. The subject splits into role and name: a comma apposition (`NAME، ROLE` or `ROLE، NAME`), a role
   head followed by a name (`ROLE [title] FIRSTNAME SURNAME`), a name followed by a role, a title or a
   first name alone, or a short non-role subject (a surname).
4. `وی`/`او`/`ایشان`/`این مسئول` refer to the last speaker; a surname alone to the full name seen
   before; a role-only mention to the named person with a matching role, else to the nearest named
   person with no role; otherwise it stays an unnamed official (name None, role kept).
Imports only digest modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.leadins import strip_lead_in
from digest.model import Speaker
from digest.places import is_place
from digest.roles import (
    ADJUNCTS,
    ANAPHORIC_NOUNS,
    INDEFINITE,
    KEEP_TITLES,
    MULTIWORD_TITLES,
    NON_NAME_WORDS,
    ORG_STARTS,
    PREAMBLE_STARTS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_CONTINUATIONS,
    ROLE_HEADS,
    TITLES,
    WEAK_VERBS,
    first_names,
)
from digest.textmatch import WORD_END, WORD_START, alternation, flex, squash

MAX_SUBJECT_WORDS = 30
MAX_PRE_CHARS = 800  # of the text before a reporting verb, only the start can hold the subject
MAX_NAME_WORDS = 5  # titles included
MAX_SPEAKERS = 4

_VERB = re.compile(
    WORD_START + "(?P<verb>" + alternation(REPORTING_VERBS) + ")" + WORD_END
    + r"(?P<after>\s*[:،]|\s+که(?![\w\u200c])|\s*[.!؟?»]*\s*$)"
)  # fmt: skip
_WEAK = re.compile("^(?:" + "|".join(flex(v) for v in WEAK_VERBS) + ")$")
_BE_GOFTE = re.compile(r"(?:^|[\s،])به[ \u200c]*گفته[ \u200c]+(?P<subject>[^،:.]{2,120})،")
_QUOTES = re.compile(r"[«»\"“”]")
_TITLE_SEP = re.compile(r"^(?P<subject>[^:]{3,80}):\s*\S")


@dataclass(frozen=True, slots=True)
class Mention:
    """One attribution: a name, a role, both, or a pronoun (kind "pronoun")."""

    name: str | None
    role: str | None
    kind: str  # "person" | "role" | "pronoun"
    index: int


@dataclass(slots=True)
class _Person:
    name: str | None
    roles: list[str] = field(default_factory=list)
    count: int = 0
    first: int = 0
    mentions: list[int] = field(default_factory=list)


def find_speakers(sentences: list[str], kicker: str | None = None, headline: str = "") -> tuple[Speaker, ...]:
    """Speakers of the article, main speaker (most statements, then earliest) first."""
    mentions = list(_mentions(sentences, kicker, headline))
    people = _resolve(mentions)
    ranked = sorted(people, key=lambda p: (-p.count, p.first))
    return tuple(Speaker(p.name, _best_role(p.roles), p.count) for p in ranked[:MAX_SPEAKERS])


def _mentions(sentences: list[str], kicker: str | None, headline: str) -> list[Mention]:
    out: list[Mention] = []
    for index, text in enumerate(([headline] if headline else []) + ([kicker] if kicker else [])):
        mention = _title_mention(text, index - 2)
        if mention is not None:
            out.append(mention)
    for index, sentence in enumerate(sentences):
        for subject in _subjects(sentence):
            mention = classify_subject(subject, index)
            if mention is not None:
                out.append(mention)
    return out


def _title_mention(text: str, index: int) -> Mention | None:
    """`ROLE خبرداد:` kickers and `ROLE: statement` headlines name a speaker without a quote."""
    subjects = _subjects(text)
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
    m = _VERB.search(sentence)
    if m is not None:
        quoted = m.group("after").strip().startswith((":", "،")) or "که" in m.group("after")
        if quoted or not _WEAK.match(m.group("verb")):
            subject = subject_of(sentence[: m.start()])
            if subject:
                found.append(subject)
    g = _BE_GOFTE.search(sentence) if "گفته" in sentence else None
    if g is not None and (m is None or g.start() < m.start()):
        found.append(cut_adjuncts(g.group("subject").strip()))
    return found


def subject_of(pre: str) -> str:
    """The speaker phrase in the text before a reporting verb."""
    text = pre
    for sep in (":", "؛"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    text = _QUOTES.sub("", text[:MAX_PRE_CHARS])  # the subject opens the clause; the rest is adjuncts
    text = _skip_preamble(strip_lead_in(text))
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
    for multi, joined in MULTIWORD_TITLES.items():
        subject = subject.replace(multi, joined)
    return subject


def cut_adjuncts(subject: str) -> str:
    """The subject up to its first adjunct word (`روزبه کردونی در شورای …` → `روزبه کردونی`)."""
    subject = _join_titles(subject)
    tokens = subject.replace("،", " ، ").split()
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        continues = (tok, nxt) in ROLE_CONTINUATIONS or (kept[-1:] and (kept[-1], tok) in ROLE_CONTINUATIONS)
        if kept and tok in ADJUNCTS and not continues:
            break
        kept.append(tok)
        if len(kept) > MAX_SUBJECT_WORDS:
            return ""
    return " ".join(kept).replace(" ، ", "، ").strip(" ،")


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
    return not any(t in NON_NAME_WORDS and t not in TITLES for t in tokens)


def _clean_name(tokens: list[str]) -> str | None:
    kept = [t for t in tokens if t not in TITLES or t in KEEP_TITLES]
    return " ".join(kept) if kept else None


def classify_subject(subject: str, index: int) -> Mention | None:
    """Turn a subject phrase into a mention (person with optional role, role only, or pronoun)."""
    subject = _join_titles(subject)
    tokens = subject.replace("،", " ، ").split()
    if not tokens:
        return None
    if tokens[0] in PRONOUNS or (tokens[0] == "این" and len(tokens) <= 4 and tokens[1:2] and (
        tokens[1] in ANAPHORIC_NOUNS
    )):  # fmt: skip
        return Mention(None, None, "pronoun", index)
    if tokens[0] == INDEFINITE:  # "یک مقام آگاه": an unnamed official, never a name
        rest = " ".join(tokens[1:]).replace(" ، ", "، ")
        return Mention(None, _strip_role(rest), "role", index) if tokens[1:2] and tokens[1] in ROLE_HEADS else None
    if tokens[0] in ORG_STARTS:
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
    if len(words) <= 3 and _looks_like_name(words):
        return Mention(" ".join(words), None, "person", index)
    return None


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
    while end < len(tokens) and end < MAX_NAME_WORDS and tokens[end] not in NON_NAME_WORDS | {"،"}:
        end += 1
    if end and tokens[end - 1] in TITLES:
        return None
    name = _clean_name(tokens[:end])
    if name is None:
        return None
    rest = tokens[end + 1 :] if tokens[end : end + 1] == ["،"] else tokens[end:]
    role = " ".join(rest).replace(" ، ", "، ") if rest and rest[0] in ROLE_HEADS else None
    return Mention(name, _strip_role(role) if role else None, "person", index)


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
        person.count += 1
        person.mentions.append(m.index)
        if m.role:
            person.roles.append(m.role)
        last = person
    return _link_roles(people)


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


def _role_tokens(role: str) -> list[str]:
    """Squashed role words without fillers (`مدیرکل بهزیستی استان یزد` → مدیرکل, بهزیستی, یزد)."""
    return [t for t in (squash(w) for w in role.replace("،", " ").split()) if t and t not in _ROLE_FILLERS]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
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
    """Attach role-only people to the named person they describe."""
    named = [p for p in people if p.name is not None]
    out = list(named)
    for anon in (p for p in people if p.name is None):
        target = _role_target(anon, named)
        if target is None:
            out.append(anon)
            continue
        target.count += anon.count
        target.roles.extend(anon.roles)
        target.first = min(target.first, anon.first)
        target.mentions.extend(anon.mentions)
    return out


def _role_target(anon: _Person, named: list[_Person]) -> _Person | None:
    for p in named:
        if any(_roles_compatible(r, a) for r in p.roles for a in anon.roles):
            return p
    roleless = [p for p in named if not p.roles]
    if not roleless:
        return None
    anchor = anon.mentions[0] if anon.mentions else anon.first
    return min(roleless, key=lambda p: min(abs(i - anchor) for i in p.mentions or [p.first]))


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
