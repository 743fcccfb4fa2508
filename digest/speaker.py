"""Who said it: speakers as name + role, main speaker first, with how many statements each made.

This module finds attributions and resolves who is who; `digest.subject` splits one speaker phrase
into name and role.

Rules, in order:
1. An attribution is a reporting verb (`digest.roles.REPORTING_VERBS`, also glued to «و»: `وافزود`)
   followed by `:`, `،`, `؛` or `که`, or ending its sentence; a clause verb (`اعلام کرد`, `گفت` …)
   before a bare clause when its subject is a role (`ROLE اعلام کرد ذخایر …`). `به گفته X،`,
   `طبق/براساس گفته‌های X، ROLE،`, `بر اساس اظهارات X،` (and `به اعتقاد/عقیده/باور X،`) are
   attributions too, and so is a sentence-initial `SUBJECT:` / `SUBJECT؛` when SUBJECT is
   `NAME، ROLE`, a role, or a role + venue (`ROLE در نشست خبری:`), a `NAME، ROLE` kicker and a
   headline `ROLE: …`. A fronted demonstrative object is skipped: `این مطلب را ROLE … عنوان کرد`.
2. Its subject is the text before the verb, after dropping lead-ins (datelines, reporter bylines,
   `به گزارش …،`, `خبرگزاری …:`; see `digest.leadins`), a fronted past time (`سال گذشته`,
   `تابستان سال گذشته`, `چند روز پیش`), a leading adjunct clause (`در این جلسه که …
   برگزار شد،`, `با توجه به …`, `همزمان با …`; never an attendee list `با حضور …`) and
   everything from the first adjunct word (`در`, `با`, `ضمن`, `نیز`…); commas are kept because
   roles contain them. `در` stays inside a role after an unnamed official (`یک مقام
   مسئول در دادگستری استان`, unless a venue follows: `در جمع …`) and after a representative head
   before a seat (`نماینده مردم اهواز در مجلس`). Multi-word titles are joined with any spacing, and
   role heads are matched without spaces or ZWNJ (`قائممقام`; glued `رئیسسازمان` = `رئیس سازمان`).
3. The subject splits into name and role by structure (`digest.subject.classify_subject`).
4. `وی`/`او`/`ایشان`/`این مسئول` refer to the last speaker; a surname alone to the full name seen
   before; a role-only mention to the named person with a matching role, else to the nearest named
   person with no role (a sentence whose subject is a named person without a reporting verb names
   one too: `به گزارش …، NAME در حاشیه … صادر کرد`); otherwise it stays an unnamed official, unless
   the text writes a name beside that role elsewhere. A roleless speaker takes a `NAME، ROLE،`
   apposition found elsewhere. A one-word headline name used only inside body roles (`طالبان: …`)
   is a group, not a person.
5. In an interview transcript (`خبرنگار: …` / `سوال: …` lines) a `NAME: …` line is the interviewee
   speaking, and a title `گفت‌وگو با ROLE` names the interviewee's role.
6. The main speaker is the one named in the headline or kicker, else in the lead, else the one with
   the most statements (then the earliest).
Imports only digest modules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from digest.jalali import MONTHS, WEEKDAY_PATTERN
from digest.leadins import NAME_ADJUNCTS, strip_byline, strip_lead_in
from digest.model import Speaker
from digest.numbers import WORDS
from digest.places import find_places, is_place, is_place_name
from digest.roles import (
    ADJUNCTS,
    ANAPHORIC_NOUNS,
    CLAUSE_VERBS,
    FIRST_NAMED_ORGS,
    HEAD_KEYS,
    HONORIFIC_VERBS,
    KEEP_TITLES,
    NAMED_ORGS,
    PLURAL_HEADS,
    PREAMBLE_STARTS,
    PRONOUNS,
    REPORTER_HEADS,
    REPORTING_VERBS,
    ROLE_HEADS,
    TITLES,
    VENUE_WORDS,
    WEAK_VERBS,
    first_names,
    is_saint,
    names_saint,
)
from digest.subject import (
    MAX_SUBJECT_WORDS,
    MIN_LONE_SURNAME,
    SURNAME_PARTS,
    Mention,
    classify_subject,
    clean_name,
    cut_adjuncts,
    ends_at_place,
    is_first_name,
    is_name_start,
    is_split_first_name,
    is_surname,
    join_tokens,
    looks_like_name,
    split_adjuncts,
    subject_tokens,
)
from digest.textmatch import WORD_END, alternation, flex, one_edit_apart, squash

_LEAD_IN_OPENERS = frozenset({"به", "بنا", "بنابر", "طبق", "براساس", "بر"})
_DATELINE_HINT = re.compile(r"[-–—/()]")
# a time phrase fronted before the actor, with no comma: «امروز», «دقایقی پیش», «صبح روز گذشته»
_FRONTED_TIME = re.compile(
    r"^(?:(?:صبح|عصر|ظهر|شب|شامگاه|بامداد)[ ]+)?(?:روز[ ]+)?"
    r"(?:امروز|دیروز|امشب|گذشته|(?:دقایقی|ساعاتی)[ ]+(?:پیش|قبل)|(?<=روز )[^\s،]*شنبه|(?<=روز )جمعه)"
    r"(?:[ ]+[^\s،]*(?:شنبه|جمعه))?"
    rf"(?:[ ]+[0-9۰-۹]{{1,2}}[ ]*(?:{'|'.join(MONTHS)})"
    r"(?:[ \u200c]*ماه)?(?:[ ]+[0-9۰-۹]{2,4})?)?[ ]*،?[ ]*"  # «صبح امروز ۲۱ بهمن ماه»: and its date
)
# a past time fronted before the subject: «سال گذشته», «هفته پیش», «تابستان سال گذشته», «اواخر ماه گذشته»
_PAST_TIME = re.compile(
    r"^(?:(?:اواخر|اوایل|اواسط)[ ]+)?(?:(?:تابستان|زمستان|پاییز|پائیز|بهار)[ ]+)?"
    r"(?:(?:(?:چند|یک|دو|سه)[ ]+)?(?:روز|هفته|ماه|سال)(?:[ \u200c]*های)?[ \u200c]+(?:گذشته|پیش|قبل|اخیر)|امسال|پارسال)"
    r"[ ]*،?[ ]*"
)
_PAST_TIME_OPENERS = ("اواخر", "اوایل", "اواسط", "تابستان", "زمستان", "پاییز", "پائیز", "بهار", "چند", "یک", "دو",
                      "سه", "روز", "هفته", "ماه", "سال", "امسال", "پارسال")  # fmt: skip
MAX_PRE_CHARS = 800  # of the text before a reporting verb, only the start can hold the subject
MAX_SPEAKERS = 4
MIN_TYPO_ROLE = 12  # a post this long written one letter off is the same post
MIN_TYPO_LETTERS = 4  # a first name this long may be written one letter off and still be the same person
ACTOR_LEAD = 8  # with no attribution at all, a named official in the first sentences is the story's actor
ROLE_SUBJECT_LEAD = 2  # a post as the subject of the first sentences names the post of who is quoted…
MIN_LEAD_WORDS = 6  # …when that sentence is a sentence («عضو جدید» is a forum's rank)
MAX_NAMED_CHARS = 200
MAX_POST_SENTENCES = 8  # a quoted person's post is written within the first sentences
MAX_NAMED_WORDS = 18
MAX_BARE_NAME_WORDS = 4  # «به گفته آقای علی نوری ۲ …»
MAX_CREDITED_CHARS = 150  # «OUTLET نوشت: ROLE گفت:»: the attribution the credit carries follows at once
MAX_BARE_WORDS = 15  # a subject before a bare-clause verb is short: "مدیرعامل شرکت آب و فاضلاب استان"

# A reporting verb (also glued to «و»: «وافزود») before a colon, comma, «که», «؛», an opening «
# or the sentence end;
# `bare` marks one followed by a plain clause ("ROLE اعلام کرد ذخایر …").
_VERB = re.compile(
    r"(?<![\w\u200c])و?(?P<verb>" + alternation(REPORTING_VERBS) + ")" + WORD_END
    + r"(?P<after>\s*[:،؛«]|\s+که(?![\w\u200c])|\s*[.!؟?»]*\s*$|(?P<bare>\s+)(?!و[ \u200c]*گو)(?=[^\W_]))"
)  # fmt: skip
_WEAK = re.compile("^(?:" + "|".join(flex(v) for v in WEAK_VERBS) + ")$")
_HONORIFIC = re.compile("^(?:" + "|".join(flex(v) for v in HONORIFIC_VERBS) + ")$")
_CLAUSE = re.compile("^(?:" + "|".join(flex(v) for v in CLAUSE_VERBS) + ")$")
# verbs that only report, so a short named subject before them reports a bare clause too («NAME افزود در …»)
# «NAME گفته …»: BBC style, and «NAME می‌گوید …» a feature's present: after a full name only (see _names_one)
_BARE_PERFECTS = ("گفته", "افزوده", "می گوید")
_NAMED_BARE_VERBS = ("افزود", "تصریح کرد", "خاطرنشان کرد", "اظهار داشت", *_BARE_PERFECTS)
_NAMED_BARE = re.compile("^(?:" + "|".join(flex(v) for v in _NAMED_BARE_VERBS) + ")$")
# "به گفته X،", "طبق گفته‌های X، ROLE،", "بر اساس اظهارات X،", "به اعتقاد X،"
_BE_GOFTE = re.compile(
    r"(?:^|[\s،])(?:به|طبق|بر[ \u200c]*طبق|بر[ \u200c]*اساس|بنا[ \u200c]*بر|بر)[ \u200c]*"
    r"(?:گفته(?:[ \u200c]*(?:های|ی))?|اظهارات|توضیحات|اعلام(?:[ ]+نظر)?|اعتقاد|عقیده|باور)[ \u200c]+"
    r"(?P<subject>[^،:.]{2,120})،(?:(?P<second>[^،:.]{2,120})[،:])?"
)  # «مصداقی بر گفته‌های NAME، ROLE: «…»»: the post before the quote's colon
_WROTE = "نوشت"
_PARTICIPLE = re.compile(r"^[^\s،]*(?:شده|گرفته|داده|یافته)(?![\w\u200c])")
_SOME_WHO = re.compile(r"^[^\s،]+ی[ ]+که(?![\w\u200c])")  # «به گفته زنانی که …»: "some women who", no one named
_AS_POST = re.compile(r"[ ]*،[ ]*به[ ]+عنوان[ ]+")
# what may come before a surname that opens its clause: nothing, or a discourse word («هرچند میرمحمدی ROLE»)
_OPENS: tuple[list[str], ...] = ([], ["هرچند"], ["اما"], ["ولی"], ["البته"], ["همچنین"], ["ریاست"], ["حضور"])
_PRONOUN_OBJECT = re.compile(r"[ \u200c]+(?:آن|این|آنها|آن‌ها)[ \u200c]+را[ ]*$")
_CLEFT_VERBS = frozenset({"بود", "است", "بودند"})  # «… بود که …» frames a time, it opens no relative clause
_BE_GOFTE_BARE = re.compile(
    r"(?:^|[\s،])(?:(?:به|طبق|بر[ \u200c]*اساس|بنا[ \u200c]*بر)[ \u200c]*"
    r"گفته(?:[ \u200c]*(?:های|ی))?|به[ ]+نقل[ ]+از)[ \u200c]+(?P<rest>[^،:.]+)"
)  # «AGENCY به نقل از ROLE نوشت که …»: a post quoted, up to its adjunct (an agency after «به نقل از» is no post)
_BE_GOFTE_HINT = re.compile("گفته|اعتقاد|عقیده|باور|اظهارات|توضیحات|نقل از")  # literals: the engine scans for them
_ANNOUNCED_HINT = re.compile("(?:طبق|اساس|بنابر|بنا بر|به)[ \u200c]*اعلام")  # run only where «اعلام» is
# A sentence-initial `SUBJECT:` / `SUBJECT؛` (an attribution without a reporting verb).
_HEADING = re.compile(r"^(?P<subject>[^:؛«»\"]{3,150}?)[ ]*[:؛]")
_INTERVIEW_LABELS = frozenset({"خبرنگار", "مجری", "سوال", "پرسش"})
_ANSWER_LABELS = frozenset({"پاسخ", "جواب", "متن", "توضیح"})
_HEADING_TIME = frozenset("امروز روز صبح عصر دیروز شب امشب ظهر بامداد".split())
_TIME_OPENERS = _HEADING_TIME | frozenset("دقایقی ساعاتی شامگاه".split())  # words that open _FRONTED_TIME
_TIME_WORDS = _HEADING_TIME | frozenset("امسال پارسال تاکنون اکنون هم‌اکنون".split())  # a time that ends a name
# "این مطلب را ROLE … عنوان کرد", "«…»؛ این را ROLE گفت", «اینها را ROLE می‌گوید»: a fronted demonstrative object
_FRONTED_OBJECT = re.compile(
    r"^(?:این|آن|اینها|آنها|این[ \u200c]ها|آن[ \u200c]ها|همه[ ]+این[ \u200c]?ها)"
    r"(?:[ \u200c]+[^\s،]+){0,2}[ \u200c]+را[ \u200c]+"
)
_QUOTE_MARKS = '«»"“”'
_QUOTES = re.compile(f"[{_QUOTE_MARKS}]")
_RELATIVE_HEAD = re.compile(r"^[^\s،]+[ ]+که[ ]+")  # «آماری که …», «موضوعی که …»
_TITLE_SEP = re.compile(r"^(?P<subject>[^:]{2,79}[^:\d۰-۹ ])[ ]*:\s*\S")  # not a clock time «ساعت ۰۰:۱۸»
# «گفت‌وگو با ROLE»، «مصاحبه با NAME، ROLE»: an interview's title names the interviewee
_INTERVIEW_TITLE = re.compile(
    r"^(?:در[ ]+)?(?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه)(?:ی)?[ ]+(?:\S+[ ]+){0,3}?"
    r"با[ ]+(?P<subject>[^:«»]{3,100})$"
)


@dataclass(slots=True)
class _Person:
    name: str | None
    roles: list[str] = field(default_factory=list)
    count: int = 0
    first: int = 0
    mentions: list[int] = field(default_factory=list)
    described: str | None = None  # the post an anaphor gives («این کارشناس ارشد اجتماعی»): a last resort


def find_speakers(
    sentences: list[str], kicker: str | None = None, headline: str = "", lead: int = 1
) -> tuple[Speaker, ...]:
    """Speakers of the article, main speaker first: the one named in the headline or kicker, else the
    one in the lead (its first `lead` sentences), else the one with most statements (then earliest)."""
    mentions = [m for m in _mentions(sentences, kicker, headline) if not _is_saint(m)]
    people = _resolve(mentions)
    ranked = sorted(people, key=lambda p: (_tier(p, lead), -min(p.count, MAX_RANKED_STATEMENTS), p.first))
    found = _once_each([_speaker(p, sentences) for p in ranked[:MAX_SPEAKERS]])
    if len(found) == 1 and found[0].name and not found[0].role:
        post = _later_post(sentences) or _chair_post(sentences) or _post_after_setting(sentences)
        found[0] = Speaker(found[0].name, post, found[0].statements)
    if found and found[0].name and not found[0].role:
        found[0] = Speaker(found[0].name, _sermon_post(found[0].name, sentences), found[0].statements)
    if not any(sp.name for sp in found):
        found = _named_visitor(found, sentences[: max(lead, VISIT_LEAD)])
    if not found:
        official = _named_official(sentences[:OFFICIAL_SENTENCES]) or _signature(sentences[-SIGNATURE_LINES:])
        found = [official] if official is not None else []
    if found and not found[0].statements and found[0].role:  # an actor, quoted nowhere
        found[0] = Speaker(found[0].name, _party_cut(found[0].role), 0)
    described = {p.name: p.described for p in ranked if p.name and p.described and not p.roles}
    found = [Speaker(s.name, described.get(s.name), s.statements) if s.name and not s.role else s for s in found]
    found = [_with_full_name(s, sentences) if s.name and " " not in s.name else s for s in found]
    return tuple(Speaker(s.name, _post_only(s.role), s.statements) if s.role else s for s in found)


# a finite verb inside what was read as a post: the clause ran on past it («… سخنانی بیان داشت و»)
_FINITE = frozenset("کرد کردند کردیم نمود نمودند شد شدند گردید داشت داشتند دارد دارند میشود می‌شود".split())
_BECAME = frozenset({"شد", "شدند", "گردید"})
_PRESENT = re.compile(r"^ن?می\u200c\w")  # «می‌کند», «نمی‌شود»: a present verb written with its half-space


def _post_only(role: str) -> str | None:
    """The post without its copula, and without a clause that ran on past a verb (`رئیس شورای شهر یزد
    سخنانی بیان داشت و` → `رئیس شورای شهر یزد`: the verb, its noun and what follows go; the post ends at
    its place or adjunct)."""
    role = _ENDS_WITH_COPULA.sub("", role)
    words = role.split()
    verb = next((i for i, w in enumerate(words) if w in _FINITE or _PRESENT.match(w)), None)
    if verb is None:
        return role or None
    light = words[verb] not in _BECAME  # «بیان داشت», «اعتراف کرد»: the verb's noun goes with it; «… شد»: none
    head = words[: max(1, verb - 1 if light else verb)]
    return ends_at_place(cut_adjuncts(" ".join(head)), province_word=True) or None


def _with_full_name(speaker: Speaker, sentences: list[str]) -> Speaker:
    """A speaker named by the surname alone, whose full name the text writes once elsewhere, in a
    list of attendees or a caption (`با حضور مهدی استادیان ساروی مدیر کل …` over `استادیان … گفت`):
    that full name; two different full names with the surname leave it alone."""
    surname = speaker.name or ""
    fulls = {name for sentence in sentences if surname in sentence for name in _full_names(surname, sentence)}
    return Speaker(fulls.pop(), speaker.role, speaker.statements) if len(fulls) == 1 else speaker


def _full_names(surname: str, sentence: str) -> Iterator[str]:
    """The names a sentence writes as a first name (or title) opening `surname`."""
    tokens = subject_tokens(sentence)
    for j, tok in enumerate(tokens):
        if tok != surname or j == 0:
            continue
        start = next((k for k in (j - 1, j - 2) if k >= 0 and is_first_name(tokens[k])), None)
        if start is None or "،" in tokens[start:j]:
            continue
        window = tokens[start : start + FULL_NAME_WINDOW]
        mention = classify_subject(join_tokens(window[: window.index("،")] if "،" in window else window), 0)
        name = (mention.name or "").split() if mention is not None and mention.kind == "person" else []
        if surname in name and _ends_the_name(name[name.index(surname) + 1 :], tokens[start + len(name) :]):
            yield " ".join(name)


def _ends_the_name(tail: list[str], after: list[str]) -> bool:
    """Words after the surname belong to the name only as a surname's part («پور», «زاده») or as one
    more word before a post or a comma («مهدی استادیان ساروی مدیر کل …»), never a verb («… افزوده»)."""
    if not tail:
        return True
    return len(tail) == 1 and (tail[0] in SURNAME_PARTS or bool(after) and (after[0] in ROLE_HEADS or after[0] == "،"))


FULL_NAME_WINDOW = 8


def _named_visitor(found: list[Speaker], sentences: list[str]) -> list[Speaker]:
    """Nobody named is quoted: the official whose visit the lead reports is the main person, and
    names the post the title gave (`دیدار فرماندار میرآباد با …` over `"NAME" فرماندار میرآباد با … دیدار کرد`)."""
    visitor = _visitor(sentences)
    if visitor is None:
        return found
    if not found:
        return [visitor]
    post = found[0].role
    if post and visitor.role and not _roles_compatible(post, visitor.role):
        return found
    role = _party_cut(visitor.role) if visitor.role and not (post and _THIS in visitor.role.split()) else post
    return [Speaker(visitor.name, role, found[0].statements), *found[1:]]


_THIS = "این"  # «NAME مدیرکل این ستاد …»: the post the text named before, pointed at


OFFICIAL_SENTENCES = 3  # sentences searched for a named official when nobody is quoted or visits
OFFICIAL_WINDOW = 14  # words read from a name on for its post
MAX_OFFICIAL_POST_WORDS = 10
_DIGIT = re.compile(r"[0-9۰-۹]")
_OPEN_QUOTES = '«“"'


def _named_official(sentences: list[str]) -> Speaker | None:
    """Nobody is quoted and nobody visits: the one official the first sentences name with a post
    (`با دستور حسن روحانی رئیس جمهور، استانداران … موظف شدند`, a caption's `NAME ROLE`), with no
    statement. A sentence naming two or more (`با حضور A ROLE، B ROLE و C ROLE`) lists attendees:
    nobody is the story's, and the search stops there."""
    for index, sentence in enumerate(sentences):
        tokens = subject_tokens(strip_byline(sentence))
        named = [
            (m, tok in TITLES)
            for j, tok in enumerate(tokens)
            if is_name_start(tok) and not (j and is_name_start(tokens[j - 1]))
            for m in [_named_with_post(tokens[j : j + OFFICIAL_WINDOW], index)]
            if m is not None
        ]
        if named:
            return _as_official(*named[0]) if len(named) == 1 else None
    return None


SIGNATURE_LINES = 2  # a circular or a letter is signed on its last lines
_SIGNATURE_DASH = re.compile(r"[ ]*[-–—/|][ ]*")


def _signature(sentences: list[str]) -> Speaker | None:
    """A circular's or a letter's signature: a last line that is a name and a post alone («NAME -ROLE»)."""
    for sentence in reversed(sentences):
        line = _SIGNATURE_DASH.sub("، ", sentence.strip().rstrip("."), count=1)
        if len(line.split()) > MAX_SIGNATURE_WORDS or not is_name_start(line.split(maxsplit=1)[0] if line else ""):
            continue
        mention = classify_subject(line, 0)
        if mention is not None and mention.kind == "person" and mention.name and mention.role:
            return _as_official(mention, False)
    return None


MAX_SIGNATURE_WORDS = 14


def _named_with_post(tokens: list[str], index: int) -> Mention | None:
    """The person with a post the words opening at a first name or a title make, if they make one;
    the words up to a comma when the clause after it runs on (`NAME ROLE، همه ادارات موظف شدند`).
    A quote opening after the name ends the post (`NAME، ROLE «…»`)."""
    quote = next((i for i, tok in enumerate(tokens) if i and tok[0] in _OPEN_QUOTES), len(tokens))
    tokens = tokens[:quote]
    for words in (tokens, tokens[: tokens.index("،")] if "،" in tokens else []):
        subject = cut_adjuncts(join_tokens(words)) if words else ""
        mention = classify_subject(subject, index) if subject else None
        if mention is not None and mention.kind == "person" and mention.name and mention.role:
            if not _CLAUSE_AFTER_COMMA.search(mention.role):
                return mention
    return None


# the past verbs that end an event's clause («… برگزار شد», «… اهدا گردید», «… دیدار کرد»)
_EVENT_VERBS = "شد|شدند|گردید|گردیدند|کرد|کردند|نمود|نمودند"
# «NAME ROLE به … اشاره کرد و افزود CLAUSE»: the subject's own clause before the verb, however long its
# object or adjunct
_AFTER_OWN_CLAUSE = re.compile(rf"(?<![\w\u200c])(?:{_EVENT_VERBS}|داشت)[ ]+و[ ]*$")
_ENDS_WITH_VERB = re.compile(rf"(?<![\w\u200c])(?:{_EVENT_VERBS})[ ]*[.]?$")
_ENDS_WITH_COPULA = re.compile(r"[ ]+(?:است|بود|هستند|می[ \u200c]?باشد)[ ]*[.]?$")  # «NAME مدرس … است.»
# «NAME ROLE، کانال‌های شهر لایروبی شد.»: the clause after the comma ends with its verb, the post before it
_CLAUSE_AFTER_COMMA = re.compile(rf"،[^،]*(?<![\w\u200c])(?:{_EVENT_VERBS}|است)[.]?$")


def _as_official(m: Mention, titled: bool) -> Speaker | None:
    """`m` as the story's official when its name has a first name and a surname (or is a surname after
    a title: `مهندس گردونی شهردار`), and its post opens with a post's head, names no reporter, is short,
    ends cleanly and has no number or month in it."""
    post = _ENDS_WITH_COPULA.sub("", m.role or "")
    name, role = (m.name or "").split(), post.split()
    plain = (
        (len(name) >= 2 or titled and is_surname(name[0]))
        and not any(w in MONTHS for w in name)
        and bool(role)
        and role[0] in ROLE_HEADS
        and REPORTER_HEADS.isdisjoint(role)
        and len(role) <= MAX_OFFICIAL_POST_WORDS
        and role[-1] not in ("و", "،")
        and not _DIGIT.search(post)
        and not _ENDS_WITH_VERB.search(post)  # «… در دفتر خانم NAME ROLE برگزار شد.»: where, not who
    )
    return Speaker(m.name, _party_cut(post), 0) if plain else None


VISIT_LEAD = 2  # sentences searched for a visit or a meeting when nobody is quoted
# «… از مرکز … بازدید کردند», «… با کارشناسان … دیدار و گفتگو کرد»: the lead reports a visit or a meeting
_VISITED = re.compile(
    r"[ ](?:بازدید|دیدار(?:[ ]و[ ](?:گفتگو|گفت[ \u200c]?و[ \u200c]?گو))?)[ ]*"
    r"(?:کرد|کردند|نمود|نمودند|به[ ]عمل[ ]آورد|به[ ]عمل[ ]آوردند)(?![^\s.،])"
)


def _visitor(sentences: list[str]) -> Speaker | None:
    """The named official whose visit or meeting the lead reports, when the story quotes nobody
    (`NAME ROLE از … بازدید کرد`): the story's main person, with no statement."""
    for index, sentence in enumerate(sentences):
        m = _VISITED.search(sentence) if "دید" in sentence else None
        subject = subject_of(sentence[: m.start()]) if m is not None else None
        mention = classify_subject(subject, index) if subject else None
        if mention is None or not mention.name or mention.kind != "person":
            continue
        role = mention.role or _role_in_text(mention.name, sentences)
        if not (role and (_lists_posts(role) or REPORTER_HEADS.intersection(role.split()))):
            return Speaker(mention.name, role, 0)
    return None


_PARTY_WORDS = frozenset(("شورا", "جمعی", "هیئت", "هیات"))


def _party_cut(role: str) -> str:
    """A visitor's post without the party after a comma or «و» (`فرماندار …، اعضای شورا و شهردار`,
    `شهردار و اعضای شورای شهر`); a comma or «و» inside a post stays (`مدیرکل تعاون، کار و رفاه اجتماعی`)."""
    for m in _PARTY_JOIN.finditer(role):
        first = role[m.end() :].split(maxsplit=1)[:1]
        named = m.group().strip() == "،" and bool(first) and is_name_start(first[0])  # «و عباس آباد»: a place
        if first and (first[0] in PLURAL_HEADS or first[0] in _PARTY_WORDS or named):
            return role[: m.start()].strip()
    return role


_PARTY_JOIN = re.compile(r"[ ]*،[ ]*|[ ]+و[ ]+")


def _once_each(found: list[Speaker]) -> list[Speaker]:
    """One speaker per name: a post the text names beside that name elsewhere is the same person
    (`مدیر کل امداد فارس گفت` … `محمد بذرافشان، مدیرکل امداد فارس`); their statements add up."""
    out: list[Speaker] = []
    for sp in found:
        same = next((i for i, o in enumerate(out) if sp.name and o.name and _same_name(sp.name, o.name)), None)
        if same is None:
            out.append(sp)
        else:
            o = out[same]
            out[same] = Speaker(o.name, o.role or sp.role, o.statements + sp.statements)
    return out


def _same_name(a: str, b: str) -> bool:
    return _same_tokens(squash_tokens(a), squash_tokens(b))


def _same_tokens(a: list[str], b: list[str]) -> bool:
    """One name written in full or in part (`علی رضایی`, `رضایی`), as squashed tokens."""
    return a == b or _is_part(a, b) or _is_part(b, a)


def _later_post(sentences: list[str]) -> str | None:
    """The post acting as a later sentence's subject (`معاون درمان وزارت بهداشت، در سفر به … بازدید
    کرد`) when the one person quoted was named without a post: the post is theirs."""
    for index, sentence in enumerate(sentences[ROLE_SUBJECT_LEAD:MAX_POST_SENTENCES], ROLE_SUBJECT_LEAD):
        if sentence.split(maxsplit=1)[:1] and squash(sentence.split(maxsplit=1)[0]) in HEAD_KEYS:
            mention = _role_subject(sentence, index)
            if mention is not None:
                return mention.role
    return None


# «در این دیدار که به مناسبت … برگزار شد ROLE از … قدردانی کرد»: the occasion's clause, then the post
_SETTING = re.compile(r"^در[ ][^،.:]{0,150}?[ ]که[ ][^،.:]{0,150}?[ ](?:برگزار|تشکیل|انجام)[ ](?:شد|گردید)[ ]*،?[ ]+")


def _post_after_setting(sentences: list[str]) -> str | None:
    """The post acting as the lead's subject after the occasion's relative clause, when the one person
    quoted was named without a post (`در این دیدار که … برگزار شد معاون توانبخشی … قدردانی کرد.`
    over `NAME گفت: …`)."""
    for index, sentence in enumerate(sentences[:ROLE_SUBJECT_LEAD]):
        m = _SETTING.match(sentence) if sentence.startswith("در ") else None
        mention = _role_subject(sentence[m.end() :], index) if m is not None else None
        if mention is not None:
            return mention.role
    return None


# «جلسه … به ریاست ROLE و با حضور … برگزار شد»: who chaired the meeting the story reports
_CHAIR = re.compile(r"به[ ]+ریاست[ ]+(?P<post>[^،.:؛]{3,100}?)(?:[ ]+و[ ]+با[ ]|[ ]*[،.]|[ ]+(?:برگزار|تشکیل)[ ])")


def _chair_post(sentences: list[str]) -> str | None:
    """The post of who chaired the meeting the lead reports, when the one person quoted was named
    without a post (`… به ریاست معاون فرماندار … برگزار شد. … خانم قربانی در این جلسه … گفت`)."""
    for sentence in sentences[: ROLE_SUBJECT_LEAD + 1]:
        m = _CHAIR.search(sentence) if "ریاست" in sentence else None
        if m is not None and squash(m.group("post").split(maxsplit=1)[0]) in HEAD_KEYS:
            return cut_adjuncts(m.group("post")) or None
    return None


# «در خطبه‌های نماز جمعه (این هفته) (شهرستان) زابل»: who preached the Friday sermon leads the prayer
_SERMON = re.compile(
    r"خطبه(?:[ \u200c]*(?:های|ها|ی))?[ ]+(?:نماز[ ]+)?(?:عبادی[ ]+سیاسی[ ]+)?جمعه"
    r"(?:[ ]+(?:این|امروز)[ ]+(?:هفته|شهر))?(?:[ ]+(?:شهرستان|شهر|بخش))?(?P<place>(?:[ ]+[^\s،.:]+){1,2})?"
)


def _sermon_post(name: str, sentences: list[str]) -> str | None:
    """«امام جمعه PLACE» for a speaker named in a sentence about the Friday sermon they gave."""
    surname = name.split()[-1]
    for sentence in sentences[:MAX_POST_SENTENCES]:
        m = _SERMON.search(sentence) if "خطبه" in sentence and surname in sentence else None
        if m is not None:
            places = find_places(m.group()) if m.group("place") else ()
            return f"امام جمعه {places[-1]}" if places else "امام جمعه"
    return None


def _is_saint(m: Mention) -> bool:
    """«امام رضا علیه السلام: …», «امام علی (ع): …»: a saint's saying (a site's daily hadith) is no one's statement."""
    if m.name:
        return is_saint(m.name)
    return m.role is not None and names_saint(m.role)


def _speaker(p: _Person, sentences: list[str]) -> Speaker:
    """The person as a Speaker; a missing name or role is looked up beside the other in the text."""
    name = p.name or _name_in_text(p.roles, sentences)
    role = _best_role(p.roles) or (_role_in_text(name, sentences) if name else None)
    if name and role and not p.name and " " not in role:  # a bare head («فرماندار» of a title) named in
        beside = _role_in_text(name, sentences)  # the text: the post as the text writes it beside the name
        role = beside if beside and _roles_compatible(role, beside) else role
    if role and "،" in role:
        role = _DEMONSTRATIVE_TAIL.sub("", role) or role  # «استاندار کردستان، این استان»: the next clause's subject
    return Speaker(name, role, p.count)


_DEMONSTRATIVE_TAIL = re.compile(r"[ ]*،[ ]*(?:این|آن)[ ]+[^\s،]+$")


def _role_in_text(name: str, sentences: list[str]) -> str | None:
    """`NAME، ROLE،` written anywhere in the text (`گفت‌وگو با زهرا عسگری، مدیر روابط کار …، درباره …`),
    else `NAME ROLE` with no comma (`به گزارش نیکوکار، باجلان معاون اداری … در حاشیه …`), cut at the verb."""
    pattern = re.compile(r"(?<![\w\u200c])" + re.escape(name) + r"[»\"”]?(?P<comma>[ ]*،)?[ ]+(?P<role>[^،.:؛]{3,120})")
    found: list[str] = []
    for sentence in sentences:
        for m in pattern.finditer(sentence) if name in sentence else ():
            role = m.group("role")
            verb = (None if m.group("comma") else _VERB.search(role)) or _BACKGROUND_VERB.search(role)
            verb = verb or _VISITED.search(role)  # «با NAME، استاندار … دیدار و گفت‌وگو کرد»: the visit, no post
            role = role[: verb.start()] if verb is not None else role
            role = cut_adjuncts(role) if m.group("comma") else ends_at_place(cut_adjuncts(role), "را" in role.split())
            if role and subject_tokens(role)[0] in ROLE_HEADS:
                if m.group("comma"):
                    return role
                found.append(role)
    return found[0] if found else None


# «NAME، ROLE خبر داده بود»: a past perfect, no report (see roles.REPORTING_VERBS), still ends the post
_BACKGROUND_VERB = re.compile(r"(?<![\w\u200c])(?:خبر[ ]?داده|اعلام[ ]کرده)[ ]+بود")


MAX_RANKED_STATEMENTS = 2  # past two statements, the earlier person is the story's (`NAME گفت … NAME افزود`)


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
    loose: list[tuple[int, str]] = []  # subjects that name no one alone: their sentence index, first word
    interview = any(_is_question_label(s) for s in sentences)
    labels = _leading_labels(sentences)
    for index, sentence in enumerate(sentences):
        if sentence.startswith(_TAG_OPENERS):
            tagged = _tag_label(sentence, index)
            if tagged is not None:
                out.append(tagged)
                continue
        subjects = _subjects(sentence)
        out.extend(_subject_mentions(subjects, index, loose))
        out.extend(_prayer_leader(sentence, index))
        if not subjects:
            named = _answer_label(sentence, index) if interview else None
            named = named or _demanding(_named_subject(sentence, index), sentence)
            if named is None and index - labels < ROLE_SUBJECT_LEAD:
                named = _role_subject(sentence, index) or _interviewee(sentence, index)
            if named is None and index < MAX_POST_SENTENCES and "با" in sentence:
                named = _interviewed(sentence, index)
            if named is not None:
                out.append(named)
    out = _by_surname(_glued_headings(out, sentences), loose)
    out = _repeated_lone_words(out, loose, sentences)
    return [m for m in titles if not _is_group(m, out)] + out


def _subject_mentions(subjects: list[str], index: int, loose: list[tuple[int, str]]) -> list[Mention]:
    """The mentions the sentence's subjects name; a subject naming no one alone goes to `loose`."""
    out = []
    for subject in subjects:
        mention = classify_subject(subject, index)
        if mention is not None:
            out.append(mention)
        elif subject.split()[:1]:
            loose.append((index, subject.split()[0]))
    return out


def _repeated_lone_words(mentions: list[Mention], loose: list[tuple[int, str]], sentences: list[str]) -> list[Mention]:
    """«پرورش افزود …» twice, «تنها افزود …» thrice: a word that alone is the subject of two statements or
    more is a surname, though it is a common word too (a common word ending in «ی» — «تعدادی», «جایی» —
    is no name: a surname so ending is read as one already)."""
    if len(loose) < MIN_LONE_REPEATS:
        return mentions  # cheap: the common case
    alone = [(i, w) for i, w in loose if _opens_alone(sentences[i], w)]
    counts = Counter(w for _, w in alone)
    found = [
        Mention(w, None, "person", i)
        for i, w in alone
        if counts[w] >= MIN_LONE_REPEATS
        and len(w) >= MIN_LONE_SURNAME
        and not w.endswith("ی")
        and w not in PRONOUNS
        and w not in ROLE_HEADS
    ]
    return sorted([*mentions, *found], key=lambda m: m.index) if found else mentions


MIN_LONE_REPEATS = 2


def _opens_alone(sentence: str, word: str) -> bool:
    """`word` alone before the sentence's quoting verb, its adjunct («پرورش در جلسه … گفت») or its post."""
    rest = strip_byline(sentence).split(maxsplit=1)  # emoji and dash bullets: gone in the layout pass
    if len(rest) < 2 or rest[0] != word:
        return False
    nxt = rest[1].split()[0]
    return nxt in ADJUNCTS or squash(nxt) in HEAD_KEYS or _VERB.match(rest[1]) is not None  # «تنها مدیرکل …»


def _by_surname(mentions: list[Mention], loose: list[tuple[int, str]]) -> list[Mention]:
    """«گمار علت این حادثه را … عنوان کرد و افزود»: a subject that opens with the surname of a person the
    text names in full is theirs, though the surname ends like no other (`_trim_object` drops it)."""
    full = _by_last_word(mentions)
    found = [Mention(full[word], None, "person", index) for index, word in loose if word in full]
    return sorted([*mentions, *found], key=lambda m: m.index) if found else mentions


def _by_last_word(mentions: list[Mention]) -> dict[str, str]:
    """The full names the mentions give (two words or more), by their last word (the surname)."""
    return {m.name.split()[-1]: m.name for m in mentions if m.name and len(m.name.split()) > 1}


def _glued_headings(mentions: list[Mention], sentences: list[str]) -> list[Mention]:
    """«تورم روستایی بالاتر از شهری مدنی اظهارکرد: …»: a subheading the page glued before a surname
    the text gave in full earlier; the unknown words are the heading, the speaker is that person."""
    full = _by_last_word([m for m in mentions if m.role])
    if not full:
        return mentions
    out = []
    for m in mentions:
        words = m.name.split() if m.name and not m.role and m.kind == "person" else []
        if words and words[-1] not in full and not is_first_name(words[0]):
            known = full.get(_word_before_verb(sentences[m.index]))
            m = Mention(known, None, m.kind, m.index) if known else m
        out.append(m)
    return out


def _word_before_verb(sentence: str) -> str:
    """The word right before the sentence's first reporting verb that quotes (`… مدنی اظهار کرد:`)."""
    m = _VERB.search(sentence)
    words = sentence[: m.start()].split() if m is not None and ":" in m.group("after") else []
    return words[-1] if words else ""


_TAG_OPENERS = ("برچسب", "نمایش موارد بر اساس برچسب")
MAX_LABEL_WORDS = 3


def _leading_labels(sentences: list[str]) -> int:
    """How many section labels of a few words (`یادداشت`, `گفتگو و گزارش`) open the body: the lead
    starts after them."""
    return next((i for i, s in enumerate(sentences) if len(s.split()) > MAX_LABEL_WORDS or s.endswith(":")), 0)


_TAG_LABEL = re.compile(r"^(?:نمایش موارد بر اساس )?برچسب(?:[ ]*(?:زده شده با|ها))?[ ]*:[ ]*(?P<label>[^،:.]{3,40})$")


def _tag_label(sentence: str, index: int) -> Mention | None:
    """A tag page's label that is a person (`برچسب زده شده با : امیر مرادی`): the page is about them, and
    the post its first item quotes is theirs."""
    m = _TAG_LABEL.match(sentence.strip())
    if m is None:
        return None
    words = m.group("label").split()
    if not 2 <= len(words) <= MAX_BARE_NAME_WORDS or not is_first_name(words[0]) or not looks_like_name(words):
        return None
    return Mention(" ".join(words), None, "name", index)


def _is_question_label(sentence: str) -> bool:
    """`خبرنگار: …`, `سوال: …`: a transcript's question line."""
    label, colon, _ = sentence[:20].partition(":")
    return bool(colon) and label.strip(" -–") in _INTERVIEW_LABELS


def _answer_label(sentence: str, index: int) -> Mention | None:
    """In a transcript, `NAME: …` (one to three name words) answers: the interviewee speaks."""
    label, colon, _ = sentence[:40].partition(":")
    words = label.split()
    if not colon or not 0 < len(words) <= 3 or label.strip() in _INTERVIEW_LABELS | _ANSWER_LABELS:
        return None
    if len(words) == 1 and not (is_name_start(words[0]) or is_surname(words[0])):
        return None  # «نکته: …» labels a remark, not a person
    mention = classify_subject(label.strip(), index)
    if mention is None or mention.kind != "person" or mention.name is None:
        return None
    return Mention(mention.name, mention.role, "person", index)


def _named_subject(sentence: str, index: int) -> Mention | None:
    """A sentence whose subject is a named person but whose verb does not report (`«NAME» با اعلام
    آنکه … برشمرد`, `به گزارش …، NAME در حاشیه بازدید … صادر کرد`): it names, it does not quote."""
    head = sentence[:MAX_NAMED_CHARS]
    opener = head.split(maxsplit=1)[0].strip('«"') if head.strip() else ""
    if opener in _TIME_OPENERS:  # «دقایقی پیش سردار وحیدی وزیر کشور … تقدیر کرد»: a time before the actor
        head = _FRONTED_TIME.sub("", head, count=1)
        opener = head.split(maxsplit=1)[0].strip('«"') if head.strip() else ""
    if opener in PREAMBLE_STARTS or opener in ADJUNCTS:
        after = head.partition("،")[2].strip()  # «در راستای …، NAME ROLE …»
        if not (after and is_name_start(after.split(maxsplit=1)[0])) and opener not in _LEAD_IN_OPENERS:
            after = _skip_preamble(head)  # «در ابتدای این جلسه مهندس NAME ROLE …»: no comma after the adjunct
            after = after if after.split(maxsplit=1)[:1] and after.split(maxsplit=1)[0] in TITLES else ""
        if after and after is not head and is_name_start(after.split(maxsplit=1)[0]):
            head, opener = after, after.split(maxsplit=1)[0]
    if not is_name_start(opener) and opener not in _LEAD_IN_OPENERS and not _DATELINE_HINT.search(head, 0, 60):
        return _unlisted_name(head, index)  # cheap: neither a name nor a lead-in opens the sentence
    text = _QUOTES.sub("", _skip_past_time(strip_lead_in(head)))
    if text.split(maxsplit=1)[:1] and text.split(maxsplit=1)[0] in _TIME_OPENERS:
        text = _FRONTED_TIME.sub("", text, count=1)  # «به گزارش …، صبح امروز NAME ROLE …»
    first = text.split(maxsplit=1)[:1]
    unlisted = bool(first) and not is_name_start(first[0])  # «شهام سلیمانی شهردار …»: a first name no list has
    bare = unlisted and text != head and _bare_name_then_adjunct(text)  # «به گزارش …، فهد کمالوندی در نشست …»
    if not first or unlisted and not bare and not any(squash(w) in HEAD_KEYS for w in text.split()[1:3]):
        return None
    kept, rest = split_adjuncts(subject_tokens(" ".join(text.split()[:MAX_NAMED_WORDS])))
    if not rest or not kept or not unlisted and not is_name_start(kept[0]):
        return None
    mention = classify_subject(join_tokens(kept), index)
    if mention is None or mention.kind != "person" or mention.name is None or unlisted and not (mention.role or bare):
        return None
    if len(mention.name.split()) < 2 and not mention.role:
        return None  # a lone word names someone only beside a post («دکتر راغفر، استاد دانشگاه …»)
    return Mention(mention.name, mention.role, "name", index)


def _bare_name_then_adjunct(text: str) -> bool:
    """Two name-like words no list knows, the second ending like a surname, then an adjunct: the subject a
    report lead-in ran into."""
    words = text.split(maxsplit=3)
    return len(words) > 2 and words[2] in NAME_ADJUNCTS and _surname_shaped(words)


def _surname_shaped(words: list[str]) -> bool:
    """The first two of `words` are a name whose second word ends like a surname (`تراب محمدی`)."""
    return is_surname(words[1]) and looks_like_name(words[:2])


def _demanding(named: Mention | None, sentence: str) -> Mention | None:
    """A named person who demands something in writing or aloud («با ارسال نامه‌ای … خواستار … شد») makes a
    statement, as one who «گفت» does; one who visits or opens something does not."""
    if named is None or named.role is None or _DEMAND.search(sentence) is None:
        return named
    return Mention(named.name, named.role, "person", named.index)


_DEMAND = re.compile(r"(?<![\w\u200c])(?:خواستار|درخواست[ ]+(?:کرد|کردند|نمود)|خواست[ ]*(?:تا|که))")


def _prayer_leader(sentence: str, index: int) -> list[Mention]:
    """«نماز جمعه … به امامت حجت‌الاسلام NAME، … اقامه شد»: the one who led it is named (a Friday-prayer
    leader's post, given elsewhere, is his)."""
    m = _LED_BY.search(sentence) if "امامت" in sentence else None
    mention = classify_subject(m.group("name"), index) if m is not None else None
    if mention is None or mention.name is None or mention.kind != "person":
        return []
    return [Mention(mention.name, mention.role, "name", index)]


_LED_BY = re.compile(r"به[ ]+امامت[ ]+(?P<name>[^،:.«»()]{4,60}?)[ ]*(?:،|[ ]در[ ]|[ ]اقامه|$)")


def _unlisted_name(head: str, index: int) -> Mention | None:
    """`FIRST LAST با تاکید بر …`: two words opening a sentence before «با تاکید/با اشاره/در ادامه …», the
    second ending like a surname, name a person whose first name no list holds (`تراب محمدی`)."""
    opening = head[:MAX_UNLISTED_OPENING]
    if " با " not in opening and " در ادامه" not in opening and " ضمن " not in opening:
        return None  # cheap: no adjunct near the start
    m = _BEFORE_ADJUNCT.match(head)
    if m is None:
        return None
    words = [m.group("first"), m.group("last")]
    if words[0] in _NOT_FIRST_WORDS or not _surname_shaped(words):
        return None
    return Mention(" ".join(words), None, "name", index)


_BEFORE_ADJUNCT = re.compile(
    r"^(?P<first>[^\W\d_]{3,})[ ](?P<last>[^\W\d_][^\s،]{2,})[ ]+"
    r"(?:با[ ]+(?:تاکید|تأکید|اشاره|بیان|اعلام|ابراز|قدردانی)|در[ ]+ادامه|ضمن[ ])"
)
MAX_UNLISTED_OPENING = 60  # two words and the adjunct's first
_NOT_FIRST_WORDS = ROLE_HEADS | TITLES | PREAMBLE_STARTS | ADJUNCTS | PRONOUNS | ANAPHORIC_NOUNS


def _interviewee(sentence: str, index: int) -> Mention | None:
    """A lead that introduces an interview (`خبرنگار ما در گفت‌وگو با NAME، ROLE، جزئیات … را مرور
    کرده است`): the person interviewed speaks in what follows."""
    m = _INTERVIEWEE.search(sentence, 0, MAX_NAMED_CHARS) if "با" in sentence else None
    if m is None:
        return None
    mention = classify_subject(f"{m.group('name')}، {m.group('role')}", index)
    if mention is None or mention.kind != "person" or mention.name is None or not mention.role:
        return None
    return mention


_INTERVIEWEE = re.compile(
    r"(?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه)(?:ی)?(?:[ ]+«[^«»]{2,30}»)?[ ]+با[ ]+"
    r"(?P<name>[^،؛:«»]{3,40}?)[ ]*[،؛][ ]*"
    r"(?P<role>[^،:«»]{3,100}?)[ ]*(?:،|[ ]که[ ]|$)"
)  # «… در گفت‌وگو با NAME، ROLE، …», «گفت‌وگوی «دیدارنیوز» با NAME؛ ROLE», «مصاحبه … با NAME، ROLE که …»


# «با NAME ROLE گفت‌وگویی انجام داده‌ایم که می‌خوانید», «با NAME، ROLE به گفتگو نشستیم»
_INTERVIEWED = re.compile(
    r"(?:^|[\s،.])با[ ]+(?P<subject>[^،؛:«»]{5,100}?)[ ]+(?:به[ ]+)?(?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه)"
    r"(?:یی|ای|ی)?[ ]+(?:انجام|کرده|داشته|نشست)"
)


# «گفتگویی با دکتر NAME ROLE، انجام داده‌ایم»: the interview named first, then whom, then the light verb
_INTERVIEW_DONE = re.compile(
    r"(?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه)(?:یی|ای|ی)?[ ]+با[ ]+(?P<subject>[^،؛:«»]{5,100}?)[ ]*،?[ ]+"
    r"(?:انجام|ترتیب)[ ]+(?:داده|دادیم|داد)"
)


def _interviewed(sentence: str, index: int) -> Mention | None:
    """An interview's intro naming who was interviewed (`با NAME ROLE گفت‌وگویی انجام داده‌ایم`,
    `گفتگویی با NAME ROLE انجام داده‌ایم`): they speak in what follows."""
    if "گو" not in sentence and "مصاحبه" not in sentence:
        return None
    m = _INTERVIEWED.search(sentence) or _INTERVIEW_DONE.search(sentence)
    if m is None:
        return None
    mention = classify_subject(m.group("subject").strip(), index)
    if mention is None or mention.kind != "person" or mention.name is None or not mention.role:
        return None
    return Mention(mention.name, mention.role, "person", index)


def _role_subject(sentence: str, index: int) -> Mention | None:
    """A lead whose subject is a post but whose verb does not report (`ROLE در نشست خبری … توضیحاتی
    ارائه کرد`): it names the post of the person the next paragraphs quote by name."""
    text = strip_lead_in(sentence[:MAX_NAMED_CHARS])
    first = text.split(maxsplit=1)[:1]
    if not first or first[0] not in ROLE_HEADS or len(text.split()) < MIN_LEAD_WORDS:
        return None  # «عضو جدید»: a forum's rank, not a lead
    if text.split()[1] in SURNAME_PARTS:
        return None  # «خطیب زاده …», «قاضی پور …»: a head word opening a surname
    mention = classify_subject(cut_adjuncts(text), index)
    if mention is None or mention.kind != "role" or not mention.role:
        return None
    if _lists_posts(mention.role) and _PLURAL_VERB.search(sentence):
        return None  # «معاون فرماندار، رئیس بهزیستی … بازدید کردند»: several people; one verb, one person
    return Mention(None, mention.role, "name", index)


_PLURAL_VERB = re.compile(r"(?:کرد|داد|نمود|شد|داشت|گرفت|پرداخت|رفت|آمد|بود|آورد|یافت|زد|دید)ند(?![\w\u200c])")


def _lists_posts(role: str) -> bool:
    """`معاون فرماندار، رئیس بهزیستی … و کارشناس …`: posts of several people, one after a comma."""
    return any(part.split()[:1] and part.split()[0] in ROLE_HEADS for part in role.split("،")[1:])


def _is_group(title: Mention, body: list[Mention]) -> bool:
    """A roleless name in a title that is not a person: one the body only uses inside roles
    (`طالبان: …` over `یک سخنگوی طالبان …`), or one that is no known name, names no body speaker
    and has no unnamed body speaker to name (`کرونا: …`, `اخبار فوری: …`). `رستمی: …` over
    `مدیرکل … گفت` stays: it names that official."""
    if title.name is None or title.role:
        return False
    keys = {squash(t) for t in title.name.split()}
    if any(m.name and keys & {squash(t) for t in m.name.split()} for m in body):
        return False
    if any(m.role and keys & {squash(t) for t in m.role.split()} for m in body):
        return True
    first, last = title.name.split()[0], title.name.split()[-1]
    if is_name_start(first):
        return False
    # `رستمی: …` over `مدیرکل … گفت` names that official, and a lone surname over a body that names no
    # one is the one quoted; `جام جم: …` (an outlet) is no surname
    named_body = [m for m in body if m.kind != "pronoun"]  # «وی افزود» points back to the title's name
    if not named_body and len(title.name.split()) == 1 and len(last) >= MIN_TITLE_SURNAME and is_surname(last):
        return False
    return not is_surname(last) or not any(m.kind == "role" for m in body)


MIN_TITLE_SURNAME = 5


def _title_mention(text: str, index: int, is_kicker: bool = False) -> Mention | None:
    """`ROLE خبرداد:` kickers, `NAME، ROLE` kickers and `ROLE: statement` headlines name a speaker
    without a quote."""
    interviewee = _INTERVIEW_TITLE.match(text)
    if interviewee is not None:
        mention = classify_subject(cut_adjuncts(interviewee.group("subject")), index)
        return mention if mention is not None and mention.kind != "pronoun" else None
    subjects = _subjects(text)
    if not subjects and is_kicker:
        heading = _heading(_heading_text(text + ":"), len(text) + 1)
        subjects = [heading] if heading else []
        words = text.strip().rstrip(":").split()
        if (
            not subjects
            and 2 <= len(words) <= MAX_BARE_NAME_WORDS
            and is_first_name(words[0])
            and looks_like_name(words)
        ):
            return Mention(" ".join(words), None, "person", index)  # «NAME:» set over the text: the text is theirs
    if subjects:
        return classify_subject(subjects[0], index)
    m = _TITLE_SEP.match(text.strip())
    if m is None and _HAPPENED_TO.search(text):
        return None  # «مدیرکل تامین اجتماعی گلستان درگذشت»: news of the post's holder, who says nothing
    if m is None:  # a post alone, or a post acting (`ROLE از … بازدید کرد`) names the speaker's post
        first = text.split(maxsplit=1)[:1]
        acting = _role_subject(text, index) if first and squash(first[0]) in HEAD_KEYS else None
        return _post_title(text, index) or acting or _visiting_post(text, index)
    subject = m.group("subject")
    if "/" in subject and len(subject.split()) > 2:  # «… اجتماعی/ عباس عبدی: …», «… می‌شود/ نمونه‌زاده: …»
        subject = subject.rsplit("/", 1)[1]
        words = subject.split()
        if len(words) == 1 and is_surname(words[0]) and looks_like_name(words):
            return Mention(words[0], None, "person", index)  # a surname quoted in a title's last part
        if not 1 < len(words) <= MAX_TITLE_SUBJECT_WORDS // 2:
            return None
    elif len(subject.split()) > MAX_TITLE_SUBJECT_WORDS:
        return None
    mention = classify_subject(subject, index)
    return mention if mention is not None and mention.kind != "pronoun" else None


MAX_TITLE_SUBJECT_WORDS = 8  # «ROLE: statement» titles; after a «/», a name of up to half as many
_HAPPENED_TO = re.compile(
    r"[ ](?:درگذشت|فوت[ ]کرد|جان[ ]باخت|دار[ ]فانی[ ]را[ ]وداع[ ]گفت|به[ ]شهادت[ ]رسید|منصوب[ ]شد|برکنار[ ]شد"
    r"|بازداشت[ ]شد|دستگیر[ ]شد)[ .!]*$"
)


def _visiting_post(text: str, index: int) -> Mention | None:
    """`بازدید ROLE از …`, `سفر ROLE به …`: a title whose news is a post's visit names the story's main
    person by that post (the official visiting, whoever else the text quotes)."""
    m = _VISIT.match(text.strip())
    if m is None or squash(m.group("role").split()[0]) not in HEAD_KEYS:
        return None
    mention = classify_subject(m.group("role"), index)
    return mention if mention is not None and mention.kind == "role" else None


_VISIT = re.compile(
    r"^(?:بازدید|سفر|دیدار|حضور)[ ]+(?P<role>[^،:؛/|]{3,80}?)[ ]+(?:از|به|با|در)[ ](?!\S*[ ]+(?:از|به|با|در)[ ])"
)


_CLAUSE_WORDS = frozenset("باید نباید باشد باشند است نیست هست هستند شود شوند نشود".split())


def _post_title(text: str, index: int) -> Mention | None:
    """A title that is only a post (`معاون امور بازسازی بنیاد مسکن کشور`) names the speaker's role."""
    tokens = subject_tokens(text.strip())
    if not tokens or tokens[0] not in ROLE_HEADS or len(tokens) > MAX_BARE_WORDS:
        return None
    if _CLAUSE_WORDS.intersection(tokens):
        return None  # «فرماندار باید بومی باشد»: a clause about a post (a quote taken for the headline)
    kept, rest = split_adjuncts(tokens)
    mention = classify_subject(join_tokens(kept), index) if not rest else None
    return mention if mention is not None and mention.kind == "role" else None


def _subjects(sentence: str) -> list[str]:
    """Subjects of the attributions in one sentence (usually one)."""
    found: list[str] = []
    start = len(sentence)
    for m in _VERB.finditer(sentence):
        subject = _verb_subject(sentence, m)
        if subject is not None:
            found.append(subject)
            start = m.start()
            if ":" in m.group("after"):
                found.extend(_stuttered(sentence[m.end() :]))
            break
    heading = _heading(_heading_text(sentence), start) if ":" in sentence or "؛" in sentence else None
    if heading is not None:
        return [heading]
    if not (_BE_GOFTE_HINT.search(sentence) or ("اعلام" in sentence and _ANNOUNCED_HINT.search(sentence))):
        return found
    g = _BE_GOFTE.search(sentence)
    if g is not None and g.start() < start:
        subject = _according_subject(g)
        # «بر اساس توضیحات ارائه‌شده در …،»: what was said, not who; «به گفته زنانی که …»: some, not one
        if not _PARTICIPLE.match(subject) and not _SOME_WHO.match(g.group("subject").strip()):
            found.append(subject)
    elif g is None:
        role = _according_role(sentence)
        if role is not None:
            found.append(role)
    return found


def _stuttered(quote: str) -> list[str]:
    """`ROLE گفت:دکتر NAME گفت: …`: an editor's double attribution; the name opening the quote with a
    verb and a colon of its own is the same speaker's (one more subject of the sentence)."""
    m = _VERB.search(quote, 0, MAX_STUTTER_CHARS)
    if m is None or ":" not in m.group("after") or len(quote[: m.start()].split()) > MAX_STUTTER_WORDS:
        return []
    subject = _verb_subject(quote, m)
    named = classify_subject(subject, 0) if subject else None
    if subject is None or named is None or not named.name or named.role:
        return []  # «استاندار گفت: رئیس جمهور گفت: …»: a post quoted in the quote is another speaker
    return [subject]


MAX_STUTTER_CHARS = 60
MAX_STUTTER_WORDS = 4


def _according_role(sentence: str) -> str | None:
    """`به گفته ROLE تاکنون …` with no comma: the post up to its first adjunct or time word; `به گفته
    [TITLE] NAME ۲ هزار …`: a titled or first-named name up to the number that opens the clause."""
    m = _BE_GOFTE_BARE.search(sentence)
    if m is None:
        return None
    bracketed = _BRACKETED_NAME.match(m.group("rest")) if "(" in m.group("rest") else None
    if bracketed is not None:  # «به نقل از ROLE( NAME) منتشر شد …»: the post, its holder named in brackets
        named = classify_subject(bracketed.group(0), 0)
        if named is not None and named.name and named.role:
            return bracketed.group(0)
    words = m.group("rest").split()[:MAX_BARE_WORDS]
    number = next((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), len(words))
    if number > MAX_BARE_NAME_WORDS:  # «به گفته حجت الاسلام NAME امسال در کشور ۲۰۰ هزار …»: a time word first
        number = next((i for i, w in enumerate(words[:number]) if i > 1 and w in _TIME_WORDS), number)
    if MAX_BARE_NAME_WORDS < number < len(words) and is_name_start(words[0]):
        named = classify_subject(join_tokens(subject_tokens(" ".join(words[:number]))), 0)
        if named is not None and named.name and named.role:  # «طبق گفته‌های NAME ROLE ۴۰۸ هزار …»
            return " ".join(words[:number])
    if number > MAX_BARE_NAME_WORDS and _first_and_surname(words):
        return " ".join(words[:2])  # «به گفته علیرضا باغبانی بخش عمده‌ای از …»: a first name and a surname
    tokens = subject_tokens(" ".join(words[:number]))
    lone = number == 1 and bool(tokens) and is_surname(tokens[0])  # «به گفته خرم‌آبادی ۶۵ درصد …»
    if tokens and number < len(words) and (2 <= number <= MAX_BARE_NAME_WORDS and is_name_start(tokens[0]) or lone):
        named = classify_subject(join_tokens(tokens), 0)  # «به گفته آقای نوری ۲ هزار قطعه …»: a name, then a number
        return join_tokens(tokens) if named is not None and named.name else None
    if not tokens or tokens[0] not in ROLE_HEADS:
        return None
    kept, rest = split_adjuncts(tokens)
    rest = rest or words[number:]
    return ends_at_place(join_tokens(kept)) if rest and len(kept) < MAX_BARE_WORDS else None


_BRACKETED_NAME = re.compile(r"[^()]{3,80}?[ ]*\([ ]*[^()]{3,40}?[ ]*\)")


def _first_and_surname(words: list[str]) -> bool:
    """`words` open with a listed first name and a word ending like a surname, and the name ends there."""
    return len(words) > 2 and is_first_name(words[0]) and _surname_shaped(words) and not is_surname(words[2])


_GREETINGS = frozenset("تبریک تسلیت خوشامد خیرمقدم تهنیت شادباش".split())


def _greets(pre: str) -> bool:
    """«… نوروز را تبریک گفت.»: «گفت» after a greeting greets, it reports no statement."""
    last = pre.rsplit(maxsplit=1)
    return bool(last) and last[-1] in _GREETINGS


def _verb_subject(sentence: str, m: re.Match[str]) -> str | None:
    """The subject of reporting verb match `m`, or None when it does not report here."""
    after = m.group("after")
    if m.group("bare") is not None:
        named_bare = _NAMED_BARE.match(m.group("verb")) is not None
        if not named_bare and not _CLAUSE.match(m.group("verb")):
            return None
        pre = _after_contrast(sentence[: m.start()])
        tail = _cleft_tail(pre)
        if tail is not None:
            pre = tail  # «… سال گذشته بود که NAME ROLE … اعلام کرد …»: the subject follows «که»
        pre = _PRONOUN_OBJECT.sub("", pre)  # «… آماری است که NAME، ROLE آن را اعلام کرد»
        long = len(pre.split()) > MAX_BARE_WORDS and len(strip_lead_in(pre).split()) > MAX_BARE_WORDS
        if (long and not _AFTER_OWN_CLAUSE.search(pre)) or "که" in pre.split():
            return None  # the subject's words, a report lead-in aside («به گزارش …، ROLE گفت طبق …»)
        subject = subject_of(pre)
        mention = classify_subject(subject, 0) if subject and "که" not in pre.split() else None
        if mention is not None and not mention.role and named_bare:
            short = mention.name and len(strip_lead_in(pre).split()) <= MAX_BARE_NAME_WORDS
            return subject if short and _names_one(mention.name, m.group("verb")) else None
        return subject if mention is not None and mention.role else None
    quoted = after.strip().startswith((":", "،", "؛", "«")) or "که" in after  # «… گفته است «…»»
    pre = sentence[: m.start()]
    if not quoted and (_WEAK.match(m.group("verb")) or _greets(pre)):
        return None
    if (not quoted and "توان" in pre and _ONE_CAN.search(pre)) or ("باید" in pre and _ONE_MUST.search(pre)):
        return None  # «نخستین سیاست … را می توان فرمان … دانست», «… که باید با کمال تاسف گفت …»
    pre = _after_cleft(pre)
    credit = m.group("verb") == _WROTE and after.strip().startswith(":")
    if credit and _VERB.search(sentence, m.end(), m.end() + MAX_CREDITED_CHARS):
        return None  # «نسیم نوشت: ROLE گفت: …»: an outlet's credit before the attribution it carries
    written = _written_subject(pre)
    if not written or (m.group("verb") == _WROTE and not _writer(written)):
        return None  # «دنیای اقتصاد نوشت:», «مهر نوشت:»: a paper's credit, not a person's words
    if " " not in written and _HONORIFIC.match(m.group("verb")) and not is_surname(written) and written not in PRONOUNS:
        return None  # «کارگران … تصریح کردند»: a plural subject, not one official honoured
    return _with_name_before_verb(written, pre)


def _written_subject(pre: str) -> str | None:
    """The subject in the text before a quoting verb: the clause's own, or the second clause's after
    «… شد و», or the name after a clause whose stop the page lost."""
    written = _second_clause_subject(pre) or subject_of(pre)
    if (
        " و " in pre
        and _ANY_CLAUSE_AND.search(pre, 0, MAX_PRE_CHARS)
        and (not written or not classify_subject(written, 0))
    ):
        written = _second_clause_subject(pre, _ANY_CLAUSE_AND) or written
    if _RUN_ON.search(pre) and (not written or classify_subject(written, 0) is None):
        written = _run_on_subject(pre) or written
    return written


# a clause's verb with no stop after it, then the next sentence's subject: «… آسیب‌دیدگان است مهدیان اظهار داشت»
_RUN_ON = re.compile(r"[ ](?:است|هست|بود|بودند|شد|شدند|گردید|کرد|کردند|نمود|نمودند|دارد|دارند)[ ]+(?=\S)")
MAX_RUN_ON_WORDS = 4


def _run_on_subject(pre: str) -> str | None:
    """The named person after the last clause-ending verb of `pre`, when the page lost the stop between
    two sentences (`… مسکن آسیب‌دیدگان هست مهدیان اظهار داشت:`)."""
    ends = [m.end() for m in _RUN_ON.finditer(pre)]
    rest = pre[ends[-1] :].strip() if ends else ""
    if not rest or len(rest.split()) > MAX_RUN_ON_WORDS:
        return None
    mention = classify_subject(cut_adjuncts(rest), 0)
    return rest if mention is not None and mention.kind == "person" and mention.name else None


# nobody's words: «… را می توان … دانست» (one can deem), «باید با کمال تاسف گفت» (one must say: the verb
# a few words after «باید», quoting or not)
_ONE_CAN = re.compile(r"(?<![\w\u200c])را[ ]+می[ \u200c]?توان(?![\w\u200c])")
_ONE_MUST = re.compile(r"(?<![\w\u200c])باید(?:[ ]+[^\s،؛:]+){0,3}[ ]*$")


def _names_one(name: str | None, verb: str) -> bool:
    """A bare perfect (`NAME گفته …`, `NAME افزوده …`) follows a full name (`بنا گفته`, `بارها گفته` are
    no subjects); the other bare-clause verbs take a lone surname too (`رضایی افزود …`)."""
    words = (name or "").split()
    return squash(verb) not in _BARE_PERFECT_KEYS or (len(words) >= 2 and words[0] in first_names())


_BARE_PERFECT_KEYS = frozenset(squash(v) for v in _BARE_PERFECTS)  # «می‌گوید», «میگوید» and «می گوید» alike


# «آیین … با حضور … برگزار شد و در ابتدای آیین، NAME، ROLE، گفت», «سیل به ۵۰ روستا آسیب زد و ROLE گفت»: a
# finished clause, «و», then the speaker's
_CLAUSE_AND = re.compile(r"[ ](?:برگزار|آغاز|افتتاح|تشکیل)[ ](?:شد|گردید)[ ]+و[ ]+")
# «سیل به ۵۰ روستا آسیب زد و ROLE گفت»: any clause its verb ends, when what opens the sentence names no one
_ANY_CLAUSE_AND = re.compile(
    rf"[ ](?:{_EVENT_VERBS}|گرفت|گرفتند|زد|زدند|داد|دادند|رسید|رسیدند|یافت|یافتند"
    r"|بود|بودند|است|هستند|باخت|باختند|آمد|آمدند|رفت|رفتند|افتاد|ماند|ماندند)[ ]+و[ ]+"
)


def _second_clause_subject(pre: str, clause: re.Pattern[str] = _CLAUSE_AND) -> str | None:
    """The subject of the clause after `… برگزار شد و` (`clause`), when the verb's sentence opens with
    another clause: a named person, or a post, a title or a first name opening the clause."""
    if " و " not in pre:
        return None  # cheap: no clause joined by «و»
    ends = [m.end() for m in clause.finditer(pre, 0, MAX_PRE_CHARS)]
    subject = subject_of(pre[ends[-1] :]) if ends else ""
    first = subject.split()[:2]
    if not first or not _can_start_subject(*(first + [""])[:2]):
        return None  # «… شد و دین مبین اسلام …»: no post, title or first name opens the clause
    mention = classify_subject(subject, 0)
    if mention is None or not (mention.kind == "person" and mention.name or mention.kind == "role"):
        return None
    return subject


def _with_name_before_verb(written: str, pre: str) -> str:
    """`ROLE امروز در نشست تخصصی NAME گفت`: a post cut at its adjunct, and a full name right before the
    verb (a line break or a venue between them) names who holds it."""
    words = pre.rsplit(maxsplit=3)[-3:]
    if len(words) < 3 or not (is_first_name(words[0]) or is_first_name(words[1])):
        return written  # cheap: no first name among the last words before the verb
    if not written or len(pre.split()) < MIN_LEAD_WORDS or subject_tokens(written)[0] not in ROLE_HEADS:
        return written
    for k in (3, 2):
        name = words[-k:]
        if is_first_name(name[0]) and looks_like_name(name) and name[0] not in written.split():
            mention = classify_subject(written, 0)
            if mention is not None and mention.kind == "role":
                return f"{written}، {' '.join(name)}"
    return written


def _after_contrast(pre: str) -> str:
    """What follows the last «اما»/«ولی» of `pre` when a post, a title or a first name opens it (`… اجرا
    می‌شود اما NAME می‌گوید …`): the clause of the bare verb."""
    if " اما " not in pre and " ولی " not in pre:
        return pre  # cheap: no contrast
    head, _, tail = max(pre.rpartition(" اما "), pre.rpartition(" ولی "), key=lambda parts: len(parts[0]))
    words = tail.split()
    if not head or not words or len(words) > MAX_BARE_WORDS or not _can_start_subject(*(words + [""])[:2]):
        return pre
    return tail


def _after_cleft(pre: str) -> str:
    """The text before a quoting verb from its subject on, when a cleft «… است/بود که» opens it."""
    tail = _cleft_tail(pre)
    if tail is not None and _PRONOUN_OBJECT.search(tail):
        return _PRONOUN_OBJECT.sub("", tail)  # «… آماری است که NAME، ROLE آن را اعلام کرد.»
    if tail is not None and tail.split()[:1] and _can_start_subject(*(tail.split() + [""])[:2]):
        return tail  # «دو روز از سیل گذشته بود که ROLE … خبر داد»: the subject follows «که»
    return pre


def _cleft_tail(pre: str) -> str | None:
    """What follows the last «که» of a cleft «… است/بود که» in `pre`, or None when `pre` has no cleft."""
    head, sep, tail = pre.rpartition(" که ")
    last = head.split()[-1:]
    return tail if sep and last and last[0] in _CLEFT_VERBS else None


def _writer(subject: str) -> bool:
    """A subject of «نوشت» that is a person: a role, or a name opening with a first name or title."""
    mention = classify_subject(subject, 0)
    if mention is None:
        return False
    if mention.role:
        return not _reporters_own(mention.role)
    return is_name_start(subject.split()[0])


def _reporters_own(role: str) -> bool:
    """«NAME خبرنگار اطلاعات نوشت:»: a reporter's post, so the story is the reporter's own, no speaker."""
    return role.split(maxsplit=1)[0] in REPORTER_HEADS


_QUOTED_NAME = re.compile(r"^«([^«»]{2,30})»[ ]*،?[ ]*(?=\S)")  # «همتی»، ROLE: …, «حریرچی» ROLE: …
_PART_COUNTER = re.compile(r"[ ]*\([0-9۰-۹]{1,2}\)(?=[ ]*:)")  # ROLE (۲): part two of a series


def _heading_text(sentence: str) -> str:
    """A channel post's heading without a quoted name's guillemets and a part counter."""
    if sentence.startswith("«"):
        sentence = _QUOTED_NAME.sub(r"\1، ", sentence, count=1)
    return _PART_COUNTER.sub("", sentence, count=1) if "(" in sentence else sentence


def _heading(sentence: str, verb_at: int) -> str | None:
    """`NAME، ROLE: …`, `ROLE در نشست خبری: …`, `NAME، ROLE؛` opening a sentence, before any verb."""
    m = _HEADING.match(sentence)
    if m is None or m.end() > verb_at:
        return None
    if sentence[m.end() - 1] == "؛" and _is_role_then_name(m.group("subject"), sentence[m.end() : verb_at]):
        return None  # «ROLE؛ NAME گفت»: the name in apposition speaks, no heading
    tokens = subject_tokens(strip_lead_in(m.group("subject")))
    kept, rest = split_adjuncts(tokens)
    while rest and rest[0] in _HEADING_TIME:
        rest = rest[1:]
    if rest and not (rest[0] == "در" and rest[1:2] and rest[1] in VENUE_WORDS):
        return None
    subject = join_tokens(kept)
    if subject in _INTERVIEW_LABELS:
        return None  # «خبرنگار: …» asks the question of a transcript
    mention = classify_subject(subject, 0) if subject else None
    if mention is None or not mention.role or _reporters_own(mention.role):
        return None
    return subject


def _according_subject(g: re.Match[str]) -> str:
    """`طبق گفته‌های NAME، ROLE،`: the name and the role up to the closing comma (a «quoted» name too)."""
    subject = _QUOTES.sub("", g.group("subject")).strip()
    second = g.group("second")
    if (
        second
        and subject_tokens(subject)[0] not in ROLE_HEADS
        and subject_tokens(second)[:1]
        and subject_tokens(second)[0] in ROLE_HEADS
    ):
        subject = f"{subject}، {second.strip()}"
    return cut_adjuncts(subject)


def subject_of(pre: str) -> str:
    """The speaker phrase in the text before a reporting verb."""
    text = strip_byline(pre)
    if "|" in text:
        text = text.rpartition("|")[2]  # «چالوس نیوز – NAME | ROLE گفت»: a byline the page set off with a bar
    for sep in (":", "؛"):
        if sep in text:
            before, _, after = _rpartition(text, sep)
            if sep == "؛" and (_is_name_then_role(before, after) or _is_role_then_name(before, after)):
                text = f"{before}، {after}"  # «NAME؛ ROLE گفت», «ROLE؛ NAME گفت»
                continue
            if sep == "؛" and _semicolon_in_adjunct(before, after):
                text = before  # «NAME در نشست … کشور؛ در استان فارس که … برگزار شد، افزود»
                continue
            text = after if after.strip() else before  # «… از بیرجند ؛ گفت»: a stray separator
    text = _skip_past_time(strip_lead_in(_from_inner_lead_in(text)[:MAX_PRE_CHARS]))
    quoted = _OUTLET_QUOTED.match(text) if text.startswith(_OUTLET_WORDS) else None
    text = _quoted_name_first(quoted.group("name") if quoted else text)
    text = _QUOTES.sub("", text)  # the subject opens the clause
    text = _FRONTED_OBJECT.sub("", _skip_preamble(text), count=1)
    relative = _RELATIVE_HEAD.match(text) if " که " in text[:40] else None
    if relative is not None and _can_start_subject(*(text[relative.end() :].split() + ["", ""])[:2]):
        text = text[relative.end() :]  # «آماری که رئیس انجمن … گفته بود»: the relative clause's subject speaks
    if "به عنوان" in text:
        text = _AS_POST.sub("، ", text, count=1)  # «NAME، به عنوان ROLE …»: the post in apposition
    text = text.rstrip(" -–—")  # «NAME – ROLE – گفت»: the closing dash of a post set off by dashes
    return cut_adjuncts(_titled_subject_at_end(_named_after_comma(text)))


_INNER_REPORT = re.compile(r"(?<=[ \n])به[ ]+گزارش[ ]")


def _from_inner_lead_in(text: str) -> str:
    """`TITLE به گزارش AGENCY، NAME … گفت`: a title glued to the lead; the subject follows the report's
    lead-in, wherever the page left it."""
    inners = list(_INNER_REPORT.finditer(text)) if "گزارش" in text else []
    if not inners:
        return text
    inner = inners[-1]
    before = strip_lead_in(text[: inner.start()]).split()
    if not before or before[-1] in _CITING or is_name_start(before[0]) or squash(before[0]) in HEAD_KEYS:
        return text  # «NAME … با اشاره به گزارش مرکز آمار گفت», «NAME در گفت‌وگو با … به گزارش …»: the name came first
    return text[inner.start() :]


_CITING = frozenset({"اشاره", "استناد", "با", "طبق", "براساس", "اساس"})  # «با اشاره به گزارش …» cites a report


# «'رحیم سروری' رزو سه شنبه …»: a name the page quoted, then what follows it
_LEADING_QUOTED = re.compile(r"^[«\"“'‘](?P<name>[^«»\"“”'‘’،]{3,40})[»\"”'’][ ]*(?=\S)")


def _quoted_name_first(text: str) -> str:
    """A quoted name opening the subject ends at its closing quote: what follows is set off by a comma."""
    m = _LEADING_QUOTED.match(text) if text[:1] in "«\"“'‘" else None
    if m is None:
        return text
    words = m.group("name").split()
    if not 2 <= len(words) <= MAX_QUOTED_NAME_WORDS or not is_first_name(words[0]):
        return text
    return f"{m.group('name').strip()}، {text[m.end() :]}"


MAX_QUOTED_NAME_WORDS = 4


def _named_after_comma(text: str) -> str:
    """`… در روستاها، FIRST LAST ROLE`: a headline-like clause (no post in it), a comma, then a named
    official who speaks: the subject is what follows the comma."""
    head, comma, tail = text.rpartition("،")
    words = tail.split()
    if not comma or len(head.split()) < MIN_CLAUSE_BEFORE or not words or not is_first_name(words[0]):
        return text
    if any(squash(w) in HEAD_KEYS for w in head.split()):
        return text  # «NAME ROLE، NAME ROLE، NAME ROLE … بازدید کردند»: a list of attendees, not a clause
    return tail.strip() if any(squash(w) in HEAD_KEYS for w in words[1:MAX_NAMED_POST_AT]) else text


MIN_CLAUSE_BEFORE = 4  # words of a clause before the comma (a name or a post is shorter)
MAX_NAMED_POST_AT = 6  # the post's head within the first words after the name


def _skip_past_time(text: str) -> str:
    """`text` without a past time or an adverbial fronted before its subject («سال گذشته مدیرکل … اعلام
    کرد», «چهارشنبه گذشته ROLE …», «بیست روز پس از زلزله، ROLE …», «امسال برای نخستین بار ROLE …»)."""
    for opener, pattern in ((_PAST_TIME_OPENERS, _PAST_TIME), (_ADVERBIAL_OPENERS, _FRONTED_ADVERBIAL)):
        m = pattern.match(text) if text.startswith(opener) else None  # cheap: no such word opens it
        text = text[m.end() :] if m is not None and m.end() < len(text) else text
    return text


_FRONTED_ADVERBIAL = re.compile(
    rf"^(?:(?:روز[ ]+)?(?:{WEEKDAY_PATTERN})(?:[ ]+(?:گذشته|هفته[ ]+گذشته|این[ ]+هفته))?[ ]+"
    r"|(?:امسال[ ]+)?برای[ ]+(?:نخستین|اولین)[ ]+بار[ ]+"
    r"|(?:[0-9۰-۹]+|[^\s،]+)[ ]+(?:روز|هفته|ماه|سال)[ ]+(?:پس|بعد)[ ]+از[ ]+[^،:]{1,50}،[ ]*)"
)
_ADVERBIAL_OPENERS = ("روز", "شنبه", "جمعه", "امسال", "برای", "چند", *WORDS, *"0123456789۰۱۲۳۴۵۶۷۸۹")


# «به گزارش سرویس اجتماعی،پایگاه خبری بالویز“عزیز سهندی” اظهار داشت»: the report's comma misplaced, the
# outlet's name runs into the quoted name of the one who speaks
_OUTLET_WORDS = ("پایگاه", "خبرگزاری", "سایت", "روزنامه")
_OUTLET_QUOTED = re.compile(r"^[^«“\"]{3,50}[«“\"](?P<name>[^«»“”\"]{3,30})[»”\"][ ]*$")


_CLOCK_COLON = re.compile(r"(?<=[0-9۰-۹]):(?=[0-9۰-۹])")  # «ساعت ۱۷:۲۰»: a clock, no separator


def _rpartition(text: str, sep: str) -> tuple[str, str, str]:
    """`text.rpartition(sep)`, a clock's colon aside."""
    if sep == ":" and _CLOCK_COLON.search(text):
        masked = _CLOCK_COLON.sub("\x00", text)
        at = masked.rfind(sep)
        return (text[:at], sep, text[at + 1 :]) if at >= 0 else ("", "", text)
    return text.rpartition(sep)


def _titled_subject_at_end(text: str) -> str:
    """`اجرای ۴۰ طرح هادی … توسط بنیاد مسکن مهندس منبتی مدیرکل …`: a long run of words that opens with
    no subject, then a titled name and its post right before the verb: the subject is the titled name."""
    words = text.split()
    if len(words) < MIN_FRONTED_WORDS or _can_start_subject(words[0], words[1]) or "،" in text[-MAX_TITLED_TAIL:]:
        return text
    for i in range(len(words) - 2, max(MIN_FRONTED_WORDS // 2, len(words) - MAX_TITLED_TAIL_WORDS) - 1, -1):
        if (
            words[i] in TITLES
            and squash(words[-1]) not in HEAD_KEYS
            and any(squash(w) in HEAD_KEYS for w in words[i + 2 : i + 5])
        ):
            return " ".join(words[i:])
    return text


MIN_FRONTED_WORDS = 10  # a fronted phrase this long before a titled name is not the subject
MAX_TITLED_TAIL_WORDS = 16
MAX_TITLED_TAIL = 120


def _is_name_then_role(before: str, after: str) -> bool:
    """`before` (lead-ins aside) is a name opening with a first name or title, or ending like a surname
    (`سیدبشیر شفیعی؛ رئیس …`: a first name the list lacks), `after` a role."""
    name = strip_lead_in(before).split()
    role = subject_tokens(after)
    return (
        2 <= len(name) <= 4
        and (is_name_start(name[0]) or is_surname(name[-1]))
        and looks_like_name(name)
        and role[:1] != []
        and (role[0] in ROLE_HEADS)
    )


def _is_role_then_name(before: str, after: str) -> bool:
    """`before` (lead-ins aside) is a post, `after` a name opening with a first name or a title."""
    role = subject_tokens(strip_lead_in(before))
    name = after.split()
    return (
        bool(role)
        and role[0] in ROLE_HEADS
        and len(role) <= MAX_SEMICOLON_POST_WORDS
        and 2 <= len(name)
        and is_name_start(name[0])
        and looks_like_name(name[: min(len(name), 3)])
    )


MAX_SEMICOLON_POST_WORDS = 12


def _semicolon_in_adjunct(before: str, after: str) -> bool:
    """`before` (lead-ins aside) opens with a name and runs into its adjunct, and `after` goes on with one:
    the «؛» sits inside the adjunct, and the subject is before it."""
    words = strip_lead_in(before).split(maxsplit=MAX_BARE_NAME_WORDS + 1)
    rest = after.split(maxsplit=1)
    if len(words) == PRONOUN_ADJUNCT_WORDS and words[0] in PRONOUNS and words[1] in ADJUNCTS:
        return True  # «وی در ادامه؛ X را … دانست»: the pronoun, its adjunct and a stray «؛»
    return (
        len(words) > 2
        and is_name_start(words[0])
        and any(w in ADJUNCTS for w in words[2:])
        and bool(rest)
        and rest[0] in ADJUNCTS
    )


PRONOUN_ADJUNCT_WORDS = 3  # «وی در ادامه»


def _skip_preamble(text: str) -> str:
    """Drop a leading adjunct (`در این آیین`, `در این جلسه که … برگزار شد،`) before the subject."""
    tokens = text.split()
    if not tokens or tokens[0] not in PREAMBLE_STARTS or tokens[1:2] in (["حضور"], ["اله"], ["الله"]):
        return text  # «با حضور NAME، ROLE، …» lists attendees; «ولی اله …» is a first name, not «but»
    while "،" in text:  # a leading relative clause ends at its comma: "در این جلسه که … شد، ROLE …"
        head, _, rest = text.partition("،")
        if "که" not in head.split():
            break
        text = rest.strip()
        tokens = text.split()
    start = _after_relative_clause(tokens)  # «در این آیین که با حضور … برگزار شد ROLE گفت»: no comma
    for i, tok in enumerate(tokens[start:], start):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        post_next = nxt in ROLE_HEADS or nxt in SURNAME_PARTS  # a cheap test: a post may follow
        if i and (_can_start_subject(tok, nxt) or (post_next and _surname_then_post(tokens, i))):
            return " ".join(tokens[i:])
    return text


def _surname_then_post(tokens: list[str], i: int) -> bool:
    """`… موسوی مدیرکل …`, `… عرب نژاد مدیر کل …`, `در این خصوص فخراحمد معاون …`: a surname right before a
    post (not «امام زاده», a shrine, nor an adjective of the adjunct, «در این نشست صمیمی شهردار …», nor a
    preposition's object)."""
    size = 2 if tokens[i + 1 : i + 2] and tokens[i + 1] in SURNAME_PARTS else 1
    name = [t.removesuffix("،") for t in tokens[i : i + size]]  # «در ادامه حقشناس، کارشناس …»
    post = tokens[i + size : i + size + 2]
    after_adjunct = (tokens[i - 2 : i - 1] == ["این"] and tokens[i - 1] in _ABOUT_NOUNS) or tokens[
        i - 2 : i
    ] == _GOING_ON
    return (
        bool(post)
        and post[0] in ROLE_HEADS
        and post[1:2] != []
        and post[1] not in SURNAME_PARTS
        and (is_surname(name[0]) or size == 2 or (after_adjunct and len(name[0]) >= MIN_LONE_SURNAME))
        and name[0] not in _ADJUNCT_ADJECTIVES
        and name[0] not in VENUE_WORDS
        and tokens[i - 1] not in ADJUNCTS  # «با توجه به خشکسالی مدیرکل …»: a preposition's object
        and looks_like_name(name)
    )


_GOING_ON = ["در", "ادامه"]  # «در ادامه NAME، ROLE …»: the next speaker


_ADJUNCT_ADJECTIVES = frozenset("صمیمی تخصصی خبری رسمی اختصاصی مردمی هماهنگی".split())
# «در این خصوص فخراحمد معاون …»: after «این» and a noun of what is spoken about (never an event, which
# takes adjectives: «در این جلسه مشترک …»), any name-like word before a post is its surname
_ABOUT_NOUNS = frozenset("خصوص رابطه زمینه باره راستا مورد ارتباط".split())


_CLAUSE_END_VERBS = frozenset("شد شدند گردید گردیدند بود بودند".split())


def _after_relative_clause(tokens: list[str]) -> int:
    """Where a leading «… که … شد» clause ends when no comma closes it (0 when there is none)."""
    if "که" not in tokens:
        return 0
    for j in range(tokens.index("که") + 1, len(tokens) - 1):
        verb = tokens[j] in _CLAUSE_END_VERBS or (len(tokens[j]) > 4 and tokens[j].endswith("شد"))
        if verb and _can_start_subject(tokens[j + 1], tokens[j + 2] if j + 2 < len(tokens) else ""):
            return j + 1
    return 0


def _can_start_subject(tok: str, nxt: str) -> bool:
    return (
        tok in ROLE_HEADS
        or tok in TITLES
        or tok in PRONOUNS
        or is_first_name(tok)
        or (tok == "این" and nxt in ANAPHORIC_NOUNS)
        or (bool(nxt) and is_split_first_name([tok, nxt]))  # «در ابتدای این مراسم ام البنین …»
    )


def _name_in_text(roles: list[str], sentences: list[str]) -> str | None:
    """The name written next to an unnamed speaker's role elsewhere in the text, without a reporting
    verb (`NAME ROLE، در نمایشگاه … قدردانی کرد`, `ROLE FIRST LAST`)."""
    for role in roles:
        want = [squash(t) for t in subject_tokens(role) if t != "،"][:3]
        if not want:
            continue
        for sentence in sentences:
            if want[0][:4] not in squash(sentence):  # «رئیس» and «رییس» alike
                continue
            name = _name_beside(subject_tokens(strip_byline(sentence)), want)  # a reporter is no one's name
            if name is not None:
                return name
    return None


def _name_beside(tokens: list[str], want: list[str]) -> str | None:
    """`FIRST LAST ROLE`, `FIRST LAST، ROLE` or `ROLE … FIRST LAST` around the role words `want`."""
    for i in range(len(tokens)):
        if squash(tokens[i][:3])[:2] != want[0][:2]:  # «رئیس» is «رییس» in comparison form
            continue
        j = _role_end(tokens, i, want)
        if j is None:
            name = _full_name_before(tokens, i) if _head_alone(tokens, i, want) else None
            if name is not None:
                return name
            continue
        end = i - 1 if i and tokens[i - 1] == "،" else i  # «NAME، ROLE»
        name = _full_name_before(tokens, end)
        if name is not None:
            return name
        surname = tokens[end - 1] if end else ""
        if surname and is_surname(surname) and looks_like_name([surname]) and tokens[end - 2 : end - 1] in _OPENS:
            return tokens[end - 1]  # «هرچند میرمحمدی ROLE …»: a surname alone opening its clause
        while j < len(tokens) and j < i + MAX_SUBJECT_WORDS and not is_name_start(tokens[j]):
            if tokens[j] in ADJUNCTS or tokens[j] == "،":
                break
            j += 1
        cand = tokens[j : j + 2]
        after_cue = tokens[j - 1] in NAMED_ORGS or tokens[j - 1] in _PLACE_CUE_WORDS  # «… شهرستان اسلام آباد غرب»
        if len(cand) == 2 and is_name_start(cand[0]) and looks_like_name(cand) and not after_cue:
            pair = " ".join(cand)  # «فرمانده پلیس راه شاهین دژ»: a town named like a person; «نظام پزشکی»
            if not (is_place_name(pair) or pair in FIRST_NAMED_ORGS):
                return clean_name(cand)
    return None


def _head_alone(tokens: list[str], i: int, want: list[str]) -> bool:
    """`tokens[i]` is the post's head written alone, the rest of the post left out (`NAME شهردار ،`,
    `NAME مدیرکل این ستاد`, a page cut after the head)."""
    return squash(tokens[i]) == want[0] and (i + 1 == len(tokens) or tokens[i + 1] in ("،", _THIS))


def _full_name_before(tokens: list[str], end: int) -> str | None:
    """A name of two or three words right before `tokens[end]`; a name here must open with a known
    first name or a title."""
    for k in (2, 3):
        cand = [t.strip(_QUOTE_MARKS) for t in tokens[max(0, end - k) : end]]  # «سرکار خانم «NAME» ROLE»
        if len(cand) == k and all(cand) and is_name_start(cand[0]) and "،" not in cand and looks_like_name(cand):
            return clean_name(cand)
    return None


def _role_end(tokens: list[str], i: int, want: list[str]) -> int | None:
    """Where the role words `want` written from `tokens[i]` end, or None. Spacing may differ (`مدیر کل`
    is written `مدیرکل`) and a «شهرستان/استان» the text adds is skipped (`فرماندار بوکان` is written
    `فرماندار شهرستان بوکان` beside the name)."""
    key, units = "".join(want), not _UNIT_WORDS.isdisjoint(want)
    if len(want) == 2 and squash(tokens[i]) == want[0] and _unit_for_place(tokens[i + 1 : i + 3], want[1]):
        return i + 2  # «فرماندار کارون» written «NAME فرماندار شهرستان و …»: the unit stands for the place
    got, j = "", i
    while len(got) < len(key) and j < len(tokens):
        if not (tokens[j] in _UNIT_WORDS and not units):
            got += squash(tokens[j])
            if not key.startswith(got):
                return None
        j += 1
    return j if got == key else None


_UNIT_WORDS = frozenset({"شهرستان", "استان"})
_PLACE_CUE_WORDS = _UNIT_WORDS | {"شهر", "بخش", "روستای", "دهستان"}


def _unit_for_place(after: list[str], place: str) -> bool:
    """`after` (the words after a post's head) is a bare «شهرستان/استان» standing for `place`."""
    return bool(after) and after[0] in _UNIT_WORDS and is_place_name(place) and not (after[1:] and is_place(after[1]))


def _resolve(mentions: list[Mention]) -> list[_Person]:
    """Group mentions into people (pronouns, surnames, role-only mentions)."""
    people: list[_Person] = []
    last: _Person | None = None
    for m in mentions:
        if m.kind == "pronoun":
            if last is not None:
                last.count += 1
                last.described = last.described or m.role  # «… این کارشناس اجتماعی افزود»: a post, maybe
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
    linked = _link_roles(people)
    counted = [p for p in linked if p.count]
    if counted:
        return counted
    # nobody is quoted: the official the lead names with a post («NAME ROLE … بازدید کرد») acted, and
    # the story is his
    actors = [p for p in linked if p.name and p.roles and min(p.mentions, default=p.first) < ACTOR_LEAD]
    return [p for p in actors if not any(REPORTER_HEADS.intersection(r.split()) for r in p.roles)][:1]


def _match_person(people: list[_Person], m: Mention) -> _Person | None:
    if m.name is not None:
        tokens = squash_tokens(m.name)
        for p in people:
            if p.name is None:
                continue
            known = squash_tokens(p.name)
            extended = _surname_extended(tokens, known)  # one person, but the later form is no fuller name
            if extended:
                return p
            same = _same_tokens(tokens, known) or "".join(known) == "".join(tokens)  # «فلاحیدوست» ~ «فلاحی دوست»
            typo = _first_name_typo(tokens, known) or _surname_typo(tokens, known) or _surname_tail(tokens, known)
            if same or _same_surname(tokens, known) or typo:
                if _spells_better(tokens, known, bool(m.role and not p.roles)):
                    p.name = m.name
                return p
        return None
    for p in people:
        if any(_roles_compatible(r, m.role or "") for r in p.roles):
            return p
    return None


def _spells_better(new: list[str], known: list[str], first_with_post: bool) -> bool:
    """The later form names the person better: it has more letters (a first name, a fuller surname)
    or more words (`فرهاد دادگر` after a glued `فرهاددادگر`), or it is the first form given with the
    post and a letter off the earlier one (`عزیز سهندی، مدیرکل …` after a lead's `عزیر سهندی`). A
    compound first name written apart (`عبد الرزاق` after `عبدالرزاق`) is no better."""
    more = len("".join(new)) - len("".join(known))
    if more or len(new) != len(known):
        return more > 0 or (len(new) > len(known) and "عبد" not in new)
    return first_with_post and new != known


def _same_surname(a: list[str], b: list[str]) -> bool:
    """`جلالی پور` is the surname of `مجتبی جلالیپور`, `نوشآبادی` of `حسین نوش آبادی` (one written
    spaced, the other glued)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    glued = "".join(short)
    last = len(long) - 1 if len(short) >= 2 else len(long) - 2  # one glued word stands for two or more
    return any("".join(long[i:]) == glued for i in range(1, last + 1))


def _first_name_typo(a: list[str], b: list[str]) -> bool:
    """`عزیر سهندی` is `عزیز سهندی`: the same surname, a first name one letter off (a typo)."""
    return len(a) == 2 and len(b) == 2 and a[1] == b[1] and _one_letter_off(a[0], b[0])


def _surname_typo(a: list[str], b: list[str]) -> bool:
    """`مدیری` after `نوراله مدبری`: a lone surname one letter off the named person's (a typo)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) != 1 or len(long) < 2:
        return False
    missing = min(len(short[0]), len(long[-1])) >= MIN_TYPO_SURNAME and one_edit_apart(short[0], long[-1])
    return _one_letter_off(short[0], long[-1]) or missing  # «ضیائیفر» after «محمود ضیائیفرد»: a letter left out


MIN_TYPO_SURNAME = 6  # a surname this long written a letter short or long is the same surname


def _one_letter_off(a: str, b: str) -> bool:
    """Two words of one length (MIN_TYPO_LETTERS or more) that differ in exactly one letter."""
    return len(a) == len(b) >= MIN_TYPO_LETTERS and one_edit_apart(a, b)


def _surname_tail(a: list[str], b: list[str]) -> bool:
    """`البرزی` after `پرویز سیاح‌البرزی` (written glued): a lone surname that ends the named person's."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) != 1 or len(long) < 2 or len(short[0]) < MIN_SURNAME_TAIL:
        return False
    return long[-1].endswith(short[0]) and len(long[-1]) >= len(short[0]) + 2


MIN_SURNAME_TAIL = 5


def _surname_extended(a: list[str], b: list[str]) -> bool:
    """`عاشوریان مریدانی` is `احمد عاشوریان` with his full surname: one starts with the other's last word."""
    return len(a) >= 2 and len(b) >= 2 and (a[0] == b[-1] or b[0] == a[-1])


def squash_tokens(name: str) -> list[str]:
    return [squash(t) for t in name.split() if t not in KEEP_TITLES]


def _is_part(short: list[str], long: list[str]) -> bool:
    """`کردونی` ⊂ `روزبه کردونی`, `صابری` ⊂ `محمدباقر صابری زفرقندی` (never the first name alone)."""
    n = len(short)
    if not 0 < n < len(long):
        return False
    return any(long[i : i + n] == short for i in range(1, len(long) - n + 1))


_ROLE_FILLERS = frozenset(squash(w) for w in ("استان", "شهرستان", "کشور", "شهر", "کل", _THIS))


@lru_cache(maxsize=1024)
def _role_tokens(role: str, one_head: bool = True) -> tuple[str, ...]:
    """Squashed role words without fillers (`مدیرکل بهزیستی استان یزد` → مدیرکل, بهزیستی, یزد), an
    office as its holder (`استانداری` = `استاندار`: «معاون استاندار» is «معاون … استانداری»); with
    `one_head`, a head in two words is one word (`مدیر کل` → مدیرکل)."""
    words = [squash(w) for w in role.replace("،", " ").split()]
    if one_head and len(words) > 1 and words[0] + words[1] in HEAD_KEYS:
        words[:2] = [words[0] + words[1]]  # «مدیر کل» is «مدیرکل»: the filler «کل» belongs to the head
    return tuple(t.removesuffix("ی") if t.endswith("داری") else t for t in words if t and t not in _ROLE_FILLERS)


@lru_cache(maxsize=1024)
def _spaceless(role: str) -> str:
    return squash(role).replace("،", "")


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _roles_compatible(a: str, b: str, one_head: bool = True) -> bool:
    """Same head and one role's words appear, in order, in the other (`معاون استاندار تهران` ~
    `معاون امنیتی و انتظامی استاندار تهران`), or one extends the other when glued (`مدیرکل` ~ `مدیر کل`).
    Without `one_head` a head written in two words (`مدیر کل`) matches its glued form only as a prefix."""
    ta, tb = _role_tokens(a, one_head), _role_tokens(b, one_head)
    if not ta or not tb:
        return False
    if _spaceless(a) == _spaceless(b):
        return True  # «مدیرکل … آذربایجانغربی» ~ «مدیر کل … آذربایجان غربی»: the same words spaced otherwise
    ka, kb = "".join(ta), "".join(tb)
    if ka.startswith(kb) or kb.startswith(ka):
        return True
    if len(ka) >= MIN_TYPO_ROLE and one_edit_apart(ka, kb):
        return True  # «مدیر عامل جمعییت هلال احمر …»: the same post with a typo
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return short[0] == long[0] and len(short) >= 2 and _is_subsequence(short, long)


def _link_roles(people: list[_Person]) -> list[_Person]:
    """Attach role-only people to the named person they describe.

    A role compatible with a named person's role goes to that person, unless every such person is
    named only after it and a roleless speaker spoke before it (`NAME گفت … ROLE گفت … همچنین NAME2
    ROLE2 گفت`: the post goes on with NAME). Otherwise each named person without a role takes the
    nearest role-only person (a role just before the name wins a tie):
    `ROLE A گفت … ROLE B گفت … NAME افزود` gives NAME role B, and A stays an unnamed official.
    """
    named = [p for p in people if p.name is not None]
    roleless = [p for p in named if not p.roles]
    pending: list[_Person] = []
    for anon in (p for p in people if p.name is None):
        alike = _alike(anon, named)
        if alike and not _continues(anon, alike, roleless):
            _merge(alike[0], anon)
        else:
            pending.append(anon)
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


def _continues(anon: _Person, alike: list[_Person], roleless: list[_Person]) -> bool:
    """`NAME گفت … ROLE گفت … همچنین NAME2 ROLE2 گفت`: a post named after a roleless speaker, whose
    like posts (`alike`) are all held by people named only later, goes on with the speaker before it."""
    if not any(p.first < anon.first and p.count for p in roleless):
        return False  # a name that said nothing before (a byline) is no speaker to go on with
    return all(p.first > anon.first for p in alike)


def _alike(anon: _Person, named: list[_Person]) -> list[_Person]:
    """The named people whose role `anon`'s role matches, in order."""
    return [p for p in named if any(_roles_compatible(r, a, one_head=False) for r in p.roles for a in anon.roles)]


def _link_compatible(anon: _Person, named: list[_Person]) -> bool:
    """Merge `anon` into the first named person whose role it matches; whether it found one."""
    alike = _alike(anon, named)
    if alike:
        _merge(alike[0], anon)
    return bool(alike)


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
    """The most attested role; variants that extend one another count together, the longest shows (of
    two as long, the one written more often)."""
    if not roles:
        return None
    groups: list[list[str]] = []
    for role in roles:
        for group in groups:
            if any(_roles_compatible(role, r, one_head=False) for r in group):  # the shown form: as before
                group.append(role)
                break
        else:
            groups.append([role])
    best = max(groups, key=lambda group: (len(group), max(len(squash(r)) for r in group)))  # a tie: the fuller
    return max(best, key=lambda r: (len(squash(r)), best.count(r)))
