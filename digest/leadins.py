"""Agency lead-ins at the start of a sentence: datelines, agency prefixes (`خبرگزاری فارس:`) and
attributions of the report (`به گزارش ایسنا،`, `به نقل از روابط عمومی …،`).

Datelines, recognised by shape rather than by outlet:
* `PLACE - [خبرنگار] [خبرگزاری] AGENCY -` or `… AGENCY:` (`اهواز- ایرنا-`, `تهران - ایرنا -`,
  `کرمان- خبرگزاری مهر:`, `شیراز – ایسنا –`, `بوشهر- خبرنگار ایرنا-`), with any dash;
* `[PLACE] (AGENCY) [-]` (`(ایسنا)`, `همدان (ایسنا) -`) and `AGENCY/PLACE` (`ایسنا/همدان`);
* `PLACE -` alone when PLACE is a known place name (`زاهدان- یک مقام مسئول …`) and the words
  after the dash do not start with another place (`خرم‌آباد – پلدختر` is a road);
* two short words joined by dashes (`تهران- ایرنا-`) as before;
* an agency alone before a dash (`ایرنا - NAME …`).
AGENCIES lists the agency names (not `ایران`, which is the country far more often); a dateline's
PLACE is one to four words. They name the outlet, not
the speaker, and are noise in headlines, summaries and fingerprints.

Reporter bylines (`باشگاه خبرنگاران جوان؛مریم احمدی - …`, `ایسنا - مریم احمدی - …`) are lead-ins too,
and so is a paper's credit (`دنیای اقتصاد نوشت: ROLE گفت …`) whose words do not open with a first name.
A report attribution ends at its comma (`به گزارش ایسنا،`); a «quoted» name inside it starts the
subject (`به گزارش خبرگزاری نمونه «سید علی رضایی» امروز …،`); with no comma it ends where a role
head, a title, a known first name or a quote begins (`به گزارش خبرگزاری نمونه مرکز استان مدیرکل …`).
Imports only digest.textmatch, digest.places and digest.roles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.places import is_place
from digest.roles import (
    HEAD_KEYS,
    NON_NAME_WORDS,
    REPORT_OPENERS,
    REPORTING_VERB,
    ROLE_SEATS,
    SURNAME_ENDS,
    TITLES,
    VENUE_WORDS,
    first_names,
)
from digest.textmatch import alternation, flex, squash

AGENCY_WORDS = ("خبرگزاری", "ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "پایگاه", "باشگاه خبرنگاران")
# Agency names as they appear in datelines (`مهر` and `فارس` only count inside a dateline shape).
AGENCIES = (
    "ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "مهر", "فارس", "برنا", "شبستان", "رسا", "پانا", "موج",
    "میزان", "دانا", "صدا و سیما", "صداوسیما", "باشگاه خبرنگاران جوان", "باشگاه خبرنگاران", "خبرآنلاین",
    "جمهوری اسلامی", "دانشجویان ایران",
)  # fmt: skip
REPORT_WORDS = (
    *REPORT_OPENERS, "بنا بر گزارش", "بنابر گزارش", "بنا به گزارش", "طبق گزارش", "بر اساس گزارش",
    "بنا بر اعلام", "بنابر اعلام", "طبق اعلام", "بر اساس اعلام",  # «بنا بر اعلام روابط عمومی وزارت بهداشت، …»
)  # fmt: skip

_AGENCY = alternation(AGENCIES) + r"(?![\w\u200c])"
_DASH = "[-–—]"
_PLACE_WORDS = r"[^\s،:()/\-–—]+(?:[ \u200c]+[^\s،:()/\-–—]+){0,3}"
_REPORTER = r"(?:خبرنگار(?:ان)?[ ]+)?(?:خبرگزاری[ ]+)?"

DATELINE = re.compile(r"^[^\s،:]{2,20}[ ]*[-–][ ]*[^\s،:]{2,15}[ ]*[-–][ ]*")
AGENCY_DATELINE = re.compile(rf"^{_PLACE_WORDS}[ ]*{_DASH}[ ]*{_REPORTER}{_AGENCY}[ ]*(?:{_DASH}|:)[ ]*")
PAREN_DATELINE = re.compile(rf"^(?:{_PLACE_WORDS}[ ]*)?\([ ]*{_REPORTER}{_AGENCY}[ ]*\)[ ]*(?:{_DASH}|:)?[ ]*")
_SLASH_DATELINE = re.compile(rf"^{_REPORTER}{_AGENCY}[ ]*/[ ]*")
_PLACE_DATELINE = re.compile(rf"^(?P<place>{_PLACE_WORDS})[ ]*{_DASH}[ ]*")
_WORD = re.compile(r"[^\s،:.]+")
_AGENCY_WORD = "(?:" + "|".join(map(flex, AGENCY_WORDS)) + ")"  # «خبرگزاری», «پایگاه», … as written any way
AGENCY_PREFIX = re.compile(r"^[^:،\n]{0,60}?" + _AGENCY_WORD + r"[^:،\n]{0,40}:\s*")
# an outlet named by a web word before a comma or colon: «کاوش نیوز، …», «سلامت آنلاین: …»
# «خبرگزاری هرانا – …», «پایگاه خبری نمونه - …»: an agency word, its name, a dash
_AGENCY_DASH = re.compile("^" + _AGENCY_WORD + r"(?:[ \u200c]+[^\s،:\-–—]+){1,3}[ ]*[-–—][ ]+")
# «پایگاه خبری تحلیلی اخبارشرق ، ROLE …»: an outlet named by an agency word before a comma, then the subject
_AGENCY_WORD_COMMA = re.compile("^" + _AGENCY_WORD + r"(?:[ \u200c]+[^\s،:\-–—]+){1,4}[ ]*،[ ]*")
_WORD_DASH = re.compile(r"^[^\s،:\-–—0-9۰-۹]{2,20}[ ]?[-–—][ ]+")
_AGENCY_ALONE = re.compile(rf"^{_REPORTER}{_AGENCY}[ ]*[-–—][ ]*")  # «ایرنا - NAME …», «خبرگزاری مهر- …»
_OUTLET_PREFIX = re.compile(r"^[^\s،:]{2,20}[ \u200c]?(?:نیوز|آنلاین|پرس)(?:[ ]?[0-9۰-۹]{1,3})?[ ]*[،:\-–—][ ]*")
_SITE_WORDS = ("پایگاه خبری", "پایگاه اطلاع رسانی", "پایگاه اطلاع‌رسانی", "سایت خبری", "خبرگزاری")
_SITE_BEFORE_POST = re.compile(
    r"^(?:پایگاه|سایت|خبرگزاری)(?:[ \u200c]+(?:خبری|اطلاع[ \u200c]?رسانی|تحلیلی))*[ ]+[^\s،:]+[ ]+"
)
REPORT_PREFIX = re.compile(
    r"^(?:" + "|".join(map(flex, REPORT_WORDS)) + r")(?:[^،؛:\n]{1,150}[،؛]|(?:[ ]+[^\s،؛:]+){1,3}[ ]*:)\s*"
)  # «… ایسنا،», «… سایت خبری مدارا؛», «به نقل از مهر:» (a colon only after a short outlet name)
_ANNOUNCED = re.compile(r"^(?:بنا[ ]?بر|طبق|بر[ ]?اساس)[ \u200c]+اعلام")
_HAS_DIGIT = re.compile(r"[0-9۰-۹]")
_REPORT_START = re.compile(r"^(?:" + "|".join(map(flex, REPORT_WORDS)) + r")[ \u200c]+")
_BYLINE = re.compile(
    rf"^[^\n،:]{{0,40}}?{_AGENCY}[ ]*(?:[؛;\-–—][ ]*(?:[^\s،:؛\-–—]+[ \u200c]+){{0,3}}[^\s،:؛\-–—]+[ ]*[-–—]"
    rf"|[-–—][ ]*(?:[^\s،:؛\-–—]+[ \u200c]+){{1,3}}[^\s،:؛\-–—]+[ ]*؛)[ ]*"
)  # «AGENCY؛REPORTER -», «AGENCY - REPORTER -», «AGENCY - REPORTER؛»
# a quoted name, not a quoted outlet before a comma or after an outlet word («پایگاه خبری«عصر خودرو»به نقل از …»)
_QUOTED = re.compile(
    "«" + "".join(f"(?<!{w}«)(?<!{w} «)" for w in ("خبری", "خبرگزاری", "روزنامه", "سایت", "نشریه"))
    + r"[^«»]{2,60}»(?![ ]*[،,:])"
)  # fmt: skip
# heads that name the reporter, not the speaker: «به گزارش خبرنگار …»
_REPORT_HEADS = frozenset(k for k, h in HEAD_KEYS.items() if h not in {"خبرنگار", "منبع", "سردبیر", "مجری", "دبیرخانه"})
_AGENCY_WORDS = frozenset(w for a in AGENCIES + AGENCY_WORDS for w in a.split())
MAX_REPORT_CHARS = 150
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
_NOT_NAME_OPENERS = frozenset("از در به با برای و که این آن".split())
MAX_NAME_TO_VERB = 80  # «NAME [در …] اظهار کرد»: the name's own verb follows it closely
MAX_NAME_AT_END = 4
_HINT = re.compile(r"[-–—()/|]")  # every dateline shape has a dash, a bracket, a slash or a bar
# «خرم‌آباد| …», «شادی خوشکار| …»: a place or a reporter (one to three words) before a bar
_BAR_LEAD = re.compile(r"^[^\s|،:؛]+(?:[ \u200c]+[^\s|،:؛]+){0,2}[ ]*\|[ ]*")
# «دنیای اقتصاد نوشت: ROLE گفت …»: a paper's credit (one to three words, no first name) before the lead
_WROTE_CREDIT = re.compile(r"^[^\s،:؛]+(?:[ \u200c]+[^\s،:؛]+){0,2}[ ]+نوشت[ ]*:[ ]*")
# «مهر، نماینده مجلس …»: an agency's name before a comma, then the lead's subject
_AGENCY_COMMA = re.compile(rf"^{_AGENCY}[ ]*،[ ]*")
# IRNA's archived wire header: «شهرکرد، خبرگزاری جمهوری اسلامی 13/12/86 داخلی.اجتماعی.کمیته.امداد ROLE …»
_WIRE_HEADER = re.compile(
    r"^(?:[^\s،]{2,20}[ ]*،[ ]*)?خبرگزاری[ ]+جمهوری[ ]+اسلامی[ ]+[0-9۰-۹/]{6,10}[ ]+(?:[^\s.]+(?:\.[^\s.]+)+[ ]+)?"
)
# «گروه استان‌ها- …», «گروه جامعه - …»: the desk that filed the story
# «سبزوارنیوز/مدیر عامل …», «صفیر گیلان/مدیر کل …», «محمد حسام مسلمی/ روز گذشته …»: an outlet's or a
# reporter's name glued to the lead by a slash
_OUTLET_SLASH = re.compile(r"[^\s/،:]{2,20}(?:[ ]+[^\s/،:]{2,20}){0,2}[ ]*/[ ]*(?=\S)")  # used with .match
_OUTLET_DASH = re.compile(r"[^\s،:\-–—]{2,20}(?:[ ]+[^\s،:\-–—]{2,20}){0,2}[ ]*[-–—][ ]*(?=\S)")
_DESK_DASH = re.compile(r"^گروه(?:[ \u200c]+[^\s،:؛\-–—|]+){1,2}[ ]*[-–—][ ]*")
# «منطقه گلستان، …», «مرکز چهارمحال و بختیاری ؛ …»: a provincial desk (IRIB centres) before a comma
_REGION = re.compile(r"^(?:منطقه|مرکز)[ ]+(?P<place>[^،:؛\-–—|]{2,40}?)[ ]*[،؛:\-–—][ ]*")
MAX_PLACE_WORDS = 4


def _starts_with_place(text: str) -> int:
    """Length of the longest known place name (1–4 words) that `text` starts with, else 0."""
    words = [m for _, m in zip(range(MAX_PLACE_WORDS), _WORD.finditer(text), strict=False)]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        if is_place(text[:end]):
            return end
    return 0


def _strip_dateline(text: str) -> str:
    """`text` without a dateline of any of the shapes in the module docstring."""
    if not _HINT.search(text, 0, 120):
        return text
    for pattern in (AGENCY_DATELINE, PAREN_DATELINE, _BAR_LEAD, _DESK_DASH, _WIRE_HEADER):
        m = pattern.match(text)
        if m:
            return text[m.end() :]
    m = _SLASH_DATELINE.match(text)
    if m:
        rest = text[m.end() :]
        return rest[_starts_with_place(rest) :]
    m = _OUTLET_SLASH.match(text)
    if m and (_opens_subject(text[m.end() :]) or _starts_with_name(text)):  # a reporter's byline
        return text[m.end() :]
    place = _starts_with_place(text[m.end() :]) if m else 0
    if m and place and _opens_subject(text[m.end() + place :].lstrip()):
        return text[m.end() + place :].lstrip()  # «تیتر نیوز/مازندران مدیر درمان …»: an outlet, its desk's place
    if m and (after := _OUTLET_SLASH.match(text, m.end())) and _opens_subject(text[after.end() :]):
        return text[after.end() :]  # «مهاباد/بالویز/مدیر کل …»: a city and an outlet, then the subject
    m = _OUTLET_DASH.match(text)
    rest = text[m.end() :] if m else ""
    digits = m is not None and _HAS_DIGIT.search(m.group()) is not None  # «جامعه ۲۴ - NAME …»: an outlet with digits
    opens = m is not None and (_opens_subject(rest) or digits and _starts_with_name(rest))
    if m and opens and not _names_post(text[: m.end()]) and (not _starts_with_name(text) or _place_desk(m.group())):
        return text[m.end() :]  # «تابناک چهارمحال وبختیاری- نماینده مردم … گفت»: an outlet's desk, then the subject
    m = _PLACE_DATELINE.match(text)
    if m and is_place(m.group("place")) and m.end() < len(text) and not _starts_with_place(text[m.end() :]):
        outlet = _OUTLET_DASH.match(text, m.end())
        if outlet and (_opens_subject(text[outlet.end() :]) or _starts_with_name(text[outlet.end() :])):
            return text[outlet.end() :]  # «مهاباد- بالویز- مدیر کل …», «قم - تاج خبر - NAME، …»: an unlisted outlet
        return text[m.end() :]
    return DATELINE.sub("", text, count=1)


def _place_desk(outlet: str) -> bool:
    """`outlet` (words before a dash) ends with a place: an outlet's desk even after a first name
    («آرمان تبریز-فرماندار …»), as a surname is seldom a bare city's name."""
    words = outlet.strip(" -–—").split()
    return len(words) > 1 and is_place(words[-1])


def _names_post(text: str) -> bool:
    """Some word of `text` is a post's head (`معاون استاندار- فرماندار …` is two posts, no desk)."""
    return any(squash(w) in HEAD_KEYS for w in text.split())


_NAMED_POST = re.compile(r"^[^\s،:]+(?:[ ][^\s،:]+){1,3}[ ]*،[ ]*(?P<head>[^\s،:]+)")


def _dateline_word(word: str, rest: str) -> bool:
    """A word before a dash that is no name or post, before a first name or a `NAME، ROLE`: a dateline."""
    if word in first_names() or squash(word) in HEAD_KEYS or word in TITLES:
        return False  # «علی- رضا»: a name; «مدیرکل – NAME»: a post
    m = _NAMED_POST.match(rest)
    return _starts_with_name(rest) or (m is not None and squash(m.group("head")) in HEAD_KEYS)


def _opens_subject(text: str) -> bool:
    """`text` starts with a role head or a title (what a lead's subject starts with)."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and (squash(first[0]) in HEAD_KEYS or first[0] in TITLES)


def strip_byline(text: str) -> str:
    """`text` without a reporter byline (`AGENCY؛REPORTER -`, `AGENCY - REPORTER -`)."""
    m = _BYLINE.match(text) if _HINT.search(text, 0, 120) else None
    return text[m.end() :] if m else text


_CREDIT_LABELS = ("منبع", "عکس")
_CREDIT_BEFORE_REPORT = re.compile(r"^(?:منبع|عکس)[ ]+(?=به[ ]+(?:گزارش|نقل[ ]+از)[ ])")


@lru_cache(maxsize=256)  # a paragraph and its only sentence are stripped for the fingerprint, the summary …
def strip_lead_in(text: str) -> str:
    """`text` without the lead-ins it starts with (a dateline, an agency prefix, a report attribution)."""
    text = _strip_dateline(strip_byline(text.strip())).strip()
    if text.startswith(_CREDIT_LABELS):
        text = _CREDIT_BEFORE_REPORT.sub("", text, count=1)  # «منبع به گزارش …»: a credit box's label run in
    m = AGENCY_PREFIX.match(text) if ":" in text else None  # it ends at a colon: a cheap test first
    if m is not None:
        text = text[m.end() :].strip()
    m = _SITE_BEFORE_POST.match(text) if text.startswith(_SITE_WORDS) else None
    if m is not None and squash(text[m.end() :].split(maxsplit=1)[0]) in HEAD_KEYS:
        text = text[m.end() :]  # «پایگاه خبری هیرونا معاون عمرانی استاندار … گفت»: the site's credit, no comma
    for prefix in (_OUTLET_PREFIX, _AGENCY_DASH, _AGENCY_ALONE):
        m = prefix.match(text)  # anchored: match, not sub, so a miss costs one position
        if m is not None:
            text = text[m.end() :].strip()
    m = _WORD_DASH.match(text) if "–" in text[:24] or "-" in text[:24] else None
    if m is not None and _dateline_word(m.group().strip(" -–—"), text[m.end() :]):
        text = text[m.end() :]  # «زیتون– NAME، ROLE …»: an outlet's one-word dateline before the name
    m = _AGENCY_WORD_COMMA.match(text) if "،" in text[:80] else None
    if m is not None and (_opens_subject(text[m.end() :]) or _starts_with_name(text[m.end() :])):
        text = text[m.end() :]
    m = _AGENCY_COMMA.match(text)
    if m is not None and _opens_subject(text[m.end() :]):
        text = text[m.end() :]
    m = _WROTE_CREDIT.match(text) if "نوشت" in text else None
    if m is not None and not _starts_with_name(text):
        text = text[m.end() :]
    text = _strip_report(text).strip()
    if text.startswith(REPORT_OPENERS):  # «به گزارش ونگ وا، به نقل از خبرنگار پایگاه خبری پلیس، NAME …»
        text = _strip_report(text).strip()
    return _strip_region(text)


def _strip_region(text: str) -> str:
    """`text` without a provincial desk label (`منطقه گلستان،`, `مرکز چهارمحال و بختیاری ؛`)."""
    m = _REGION.match(text) if text.startswith(("منطقه", "مرکز")) else None
    return text[m.end() :].strip() if m is not None and is_place(m.group("place")) else text


_REPORT_DASH = re.compile(r"(?:[^\s،؛:\-–—]+[ \u200c]+){0,2}[^\s،؛:\-–—]+[ ]+-[ ]+")


def _strip_report(text: str) -> str:
    """`text` without `به گزارش …،`; see the module docstring for quotes and comma-less lead-ins."""
    start = _REPORT_START.match(text)
    if start is None:
        return text
    m = REPORT_PREFIX.match(text)
    if m is not None and _ADJUNCT_INSIDE.search(text, start.end(), m.end()):
        m = None  # «به گزارش AGENCY NAME با بیان اینکه …، گفت»: the comma closes the adjunct, not the lead-in
    if _ANNOUNCED.match(text) and (m is None or _HAS_DIGIT.search(text, 0, m.end())):
        return text  # «طبق اعلام این سازمان ۱۴ هزار نفر … طبق معمول، …»: the source ran into the clause
    dash = _REPORT_DASH.match(text, start.end()) if m is not None and "-" in text[: m.end()] else None
    if dash is not None and m is not None and dash.end() < m.end() and " - " not in text[dash.end() : m.end()]:
        return text[dash.end() :]  # «به گزارش ثریا - برنامه … اعلام شده است؛ …»: the outlet ends at its dash
    end = m.end() if m else min(len(text), MAX_REPORT_CHARS)
    q = _QUOTED.search(text, start.end(), end)
    if q is not None:
        return text[q.start() :]
    if m is not None:
        inside = _name_inside(text, start.end(), m.end())
        return inside or _name_before_comma(text, start.end(), m.end()) or _after_inner_comma(text, m.end())
    return _after_report_words(text, start.end())


NAME_ADJUNCTS = frozenset({"در", "با", "ضمن"})  # what opens the adjunct right after a subject's name


def _name_inside(text: str, at: int, end: int) -> str | None:
    """`به نقل از ORG NAME در جلسه …، محیط زیست …`: the attribution's comma sits inside the adjunct of a
    name it already holds; the subject starts at that name."""
    head = text[:end]
    named = _after_report_words(head, at)
    words = named.split(maxsplit=3)
    if named is head or len(words) < 3 or not _starts_with_name(named) or words[2] not in NAME_ADJUNCTS:
        return None
    return text[end - len(named) :]


def _name_before_comma(text: str, at: int, end: int) -> str | None:
    """`به گزارش AGENCY NAME، امروز … گفت`: the attribution's comma closes the speaker's name, and what
    follows it opens with an adjunct, not a subject: the name, then the rest."""
    rest = text[end:].lstrip()
    first = rest.split(maxsplit=1)[:1]
    if not first or first[0] not in _ADJUNCT_OPENERS and first[0] != "که":
        return None  # «…، که در نشست … سخن می‌گفت، افزود»: a relative clause on the name
    head = text[:end].rstrip(" ،")
    named = _after_report_words(head, at)
    if named is head or not MIN_NAME_WORDS <= len(named.split()) <= MAX_NAME_WORDS or is_place(named):
        return None
    if head[: len(head) - len(named)].split()[-1:] in (["از"], ["در"]):
        return None  # «به گزارش خبرنگار ایرنا از علی آباد،»: the desk's place
    if not _starts_with_name(named) and named.split()[0] not in TITLES:
        return None  # a post or an office before the comma is the attribution's own source
    return f"{named} {rest}"


def _after_inner_comma(text: str, end: int) -> str:
    """A report attribution with a comma inside (`به گزارش ایرنا از دفتر معاونت سیاسی، امنیتی و
    اجتماعی استاندار، NAME …`) ends at the comma after which a subject starts."""
    rest = text[end:]
    if _opens_subject(rest) or _starts_with_name(rest):
        return rest
    nxt = text.find("،", end, end + MAX_REPORT_CHARS)
    if nxt >= 0:
        after = text[nxt + 1 :].lstrip()
        if _opens_subject(after) and _is_name_like(text[end:nxt]):
            return rest  # «به گزارش …، انوش دهنادی مقدم، معاون …»: a name in apposition, not more lead-in
        if _opens_subject(after) or _starts_with_name(after) or after.startswith("«") or _name_then_adjunct(after):
            return after  # «… تعاون، کار و رفاه اجتماعی استان، «NAME» اظهار کرد»: a quoted name opens it
    return _from_first_name(rest)


def _name_then_adjunct(text: str) -> bool:
    """`الهنظر شهبخش در نشست … افزود`: two name-like words no list knows, then an adjunct."""
    words = text.split(maxsplit=3)
    return len(words) > 2 and words[2] in _ADJUNCT_OPENERS and _is_name_like(" ".join(words[:2]))


_ADJUNCT_OPENERS = frozenset(
    "امروز روز صبح عصر دیروز شب در با ضمن طی دراین درخصوص درحاشیه درجمع درپی درادامه بااشاره بابیان باتوجه".split()
)  # «NAME، دراین خصوص گفت»: «در» and «با» glued to the adjunct's next word too


def _is_name_like(segment: str) -> bool:
    """Two to four words that are no place, post, organisation or preposition: a name («انوش دهنادی مقدم»)."""
    words = segment.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or words[0] in _NOT_NAME_OPENERS:
        return False
    return not any(squash(w) in HEAD_KEYS or w in NON_NAME_WORDS or is_place(w) for w in words)


def _from_first_name(rest: str) -> str:
    """`کار و رفاه اجتماعی استان زنجان هدایت صفری اظهار کرد`: the attribution's tail (no comma after
    it) runs up to a known first name; else `rest` as it is."""
    for w in _WORD.finditer(rest, 0, min(len(rest), MAX_REPORT_CHARS)):
        if w.start() and _starts_with_name(rest[w.start() :]):
            named = rest[w.start() :]
            ends_with_name = len(named.split()) <= MAX_NAME_AT_END  # a subject cut before its verb
            return named if ends_with_name or REPORTING_VERB.search(named, 0, MAX_NAME_TO_VERB) else rest
    return rest


def _starts_with_name(text: str) -> bool:
    """`text` opens with a known first name, maybe written in two words (`روح الله`)."""
    words = [w.strip("«") for w in text.split(maxsplit=2)[:2]]
    names = first_names()
    if not words:
        return False
    two = words[0] + "\u200c" + words[1] if len(words) == 2 else ""
    if words[0] in names or two in names or two.replace("\u200c", "") in names:
        return True
    if words[0][:3] not in ("سید", "میر"):
        return False
    bare = words[0].removeprefix("سید").removeprefix("میر")  # «سیدجواد», «میرحسین»: a title glued on
    return len(bare) > 2 and bare in names


_GLUED_AFTER_HEAD = frozenset(squash(w) for w in ROLE_SEATS | VENUE_WORDS)


@lru_cache(maxsize=4096)
def _glued_head(word: str) -> bool:
    """A post glued to its object (`دبیرهمایش`, `مدیرکلبهزیستی`): a head, then a seat or an event."""
    key = squash(word)
    return any(key.startswith(h) and key[len(h) :] in _GLUED_AFTER_HEAD for h in _REPORT_HEADS if len(key) > len(h) + 2)


def _after_report_words(text: str, at: int) -> str:
    """A comma-less `به گزارش AGENCY …` ends where a role head, title or known first name starts."""
    names = first_names()
    for w in _WORD.finditer(text, at, min(len(text), MAX_REPORT_CHARS)):
        word = w.group()
        if w.start() == at or word in _AGENCY_WORDS:
            continue  # the agency itself («به گزارش خبرنگار …», «… خبرگزاری مهر»)
        if word in names and _DAY_BEFORE.search(text, 0, w.start()):
            continue  # «۲۱ بهمن ماه»: a date's month, not the first name «بهمن»
        if squash(word) in _REPORT_HEADS or word in TITLES or word in names or _glued_head(word):
            return text[w.start() :]
        if _SURNAME_THEN_ADJUNCT.match(text, w.start()):
            return text[w.start() :]  # «به گزارش صدا و سیمای یزد قبادی با بیان اینکه …»: a surname, then its adjunct
    return text


_ADJUNCT_INSIDE = re.compile(
    r"[ ]با[ ]+(?:(?:بیان|اشاره)[ ]+(?:به[ ]+)?(?:این|آن)(?:که|[ ]که)|اشاره[ ]+به[ ]|(?:تاکید|تأکید)[ ]+بر[ ])"
)  # «به گزارش AGENCY NAME با اشاره به …، گفت»: the comma closes the adjunct
_SURNAME_THEN_ADJUNCT = re.compile(
    r"[^\W\d_]{2,}(?:" + "|".join(e for e in SURNAME_ENDS if len(e) > 1) + r"|[^\W\d_]ی)"
    r"[ ]+(?:با[ ]+(?:بیان|اشاره|تاکید|تأکید)|ضمن[ ])"
)


_DAY_BEFORE = re.compile(r"(?<![\w\u200c])[0-9۰-۹]{1,2}[ ]*$")
