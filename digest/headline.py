"""Headline and kicker (روتیتر) of an article, and its body without them.

The published title wins when there is one (site-name suffixes and emoji removed; a copy of it glued
to the start of the lead is cut off). Without one, a Persian slug in the page URL
(`…/news/12345/توزیع-۵۰۰-بسته-معیشتی` → «توزیع ۵۰۰ بسته معیشتی»; numeric ids and a trailing «فیلم»,
«عکس» dropped; a short head line that the slug starts is taken whole, since CMSs cut long slugs).
Otherwise, among the short lines *before the first long paragraph* (never a line after the body has
started): a line printed twice (many CMSs repeat the title before the body), else the first such
line, else a short line right after the lead that repeats its words (a title printed after its
lead), else the core of the lead (its statement after `گفت:`, cut to a clause). A short first line
ending in `:` is the kicker and a speaker clue. Every headline is capped at `MAX_HEADLINE_CHARS` at a
word boundary. Imports only digest modules and urllib.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from digest.datestamp import is_date_stamp, is_weekday
from digest.jalali import MONTHS
from digest.layout import strip_emoji
from digest.leadins import strip_lead_in
from digest.normalize import normalize_fa
from digest.roles import HEAD_KEYS, REPORTING_VERBS, ROLE_HEADS, names_saint
from digest.sitetitle import is_site_label
from digest.textmatch import PERSIAN_LETTER, alternation, key_text, squash

HEAD_LINES = 6  # the headline and kicker are among the first few paragraphs
PAGE_HEAD_LINES = 30  # …unless a site menu comes first: then the head ends where the body starts
MAX_MENU_WORDS = 5
MIN_MENU_RUN = 3
MAX_HEADLINE_WORDS = 25
MAX_MULTIPART_WORDS = 50  # «… / … / …»: a title of several parts runs longer
_PART_SEP = re.compile(r"[^\s\d۰-۹]/ |[^\s\d۰-۹] / ")
MIN_HEADLINE_WORDS = 3  # «اجتماعی», «پخش زنده», a cut-off «مدیرک» are page chrome, not headlines
MIN_TEXT_HEADLINE_WORDS = 4  # a head line from the text: «فرهنگ و هنر», «قیمت جهانی طلا» are menus
MAX_HEADLINE_CHARS = 300
MIN_SLUG_WORDS = 3
MAX_KEYWORD_SLUG_WORDS = 4  # a slug this short («وام-ودیعه-مسکن-35») may be a keyword of the title, not the title cut
MAX_KICKER_WORDS = 15
SQUASH_PREFIX = 40  # characters of a paragraph compared with the headline before the whole of it
MAX_LEAD_WORDS = 35  # the lead's main clause, as untitled pages' headlines are annotated; cut near here

_SITE_SUFFIX = re.compile(
    r"\s+[-|–—]\s+[^-|–—]{0,40}(?:خبرگزاری|ایرنا|ایسنا|تسنیم|فارس|مهر|همشهری|آنلاین|نیوز|پایگاه)[^-|–—]{0,30}$"
)
# «TITLE ۱۷ مرداد ۱۳۹۸»: a listing's item with its date after the title
_TRAILING_DATE = re.compile(r"(?:[ ]+[-–—|])?[ ]+[0-9۰-۹]{1,2}[ ]+(?:" + "|".join(MONTHS) + r")[ ]+[0-9۰-۹]{4}$")
_LATIN_SUFFIX = re.compile(r"\s+(?:[-|–—]|[؛:]+)\s*[A-Za-z][A-Za-z0-9 .'&-]{1,40}$")  # «… - Tasnim»
_BAR = re.compile(r"\s+\|\s+")  # «… | …»: parts of a page title
_DOUBLE_COLON_SUFFIX = re.compile(r"\s*؛?\s*::\s*[^:]{1,40}$")  # «…؛:: ورزش سه»
_ATTRIBUTION = re.compile(r"^.{0,200}?" + alternation(REPORTING_VERBS) + r"\s*[:؛]\s*")
_ANNOUNCED = re.compile(r"(?<![\w\u200c])خبر[ \u200c]*داد(?:ند)?(?![\w\u200c])")
_AZ = re.compile(r"(?<![\w\u200c])از(?![\w\u200c])")
# «از» that does not open what was announced: partitives, quantities and times
_NOT_SOURCE_AZ = frozenset("یکی برخی بسیاری یک بیش کمتر بیشتر پیش پس قبل بعد کمی یکی‌از هریک".split())
# «… اعلام کردند که …», «… گزارش داد که …»: what was reported follows «که»
_THAT_ATTRIBUTION = re.compile(
    r"^.{0,150}?(?<![\w\u200c])(?:"
    + alternation(("اعلام کرد", "اعلام کردند", "گزارش داد", "گزارش دادند", "خبر داد", "گفت"))
    + r")[ ]+که[ ]+"
)
# a credit or date label line: «تصویربردار: … / تدوینگر: …», «تاریخ درج: پنجشنبه، ۱۳ آذر ۱۳۹۳»
_CREDIT = re.compile(r"^(?:تصویربردار|تصویر[ \u200c]بردار|تدوینگر|عکاس|عکس|نویسنده|منبع|مترجم|ترجمه|کد[ ]خبر)[ ]*:")
# page chrome a line opens with: a channel's blurb, a tag or archive page's label, «ادامه مطلب», ads
_CHROME = re.compile(
    r"^(?:"
    + alternation(
        ("کانال", "برچسب", "آرشیو", "ارشیو", "بایگانی", "ادامه مطلب", "تبلیغات", "نمایش موارد", "مؤلف", "مولف", "عضویت",
         "اخبار مرتبط", "مطالب مرتبط", "پربازدید", "کلمات کلیدی", "دریافت همه", "فعلا قابلیت پخش",
         "قابلیت پخش", "پست الکترونیک", "مشاهده در پیام", "تلفن", "نشانی", "آدرس", "شماره تماس",
         "نام کاربری", "رمز عبور", "مرا به خاطر",  # a login form
         "صفحه اول",  # «صفحه اول | آرشیو»: a site's links
         "مرورگر شما",  # «مرورگر شما برای نمایش این سایت قدیمی است»: an old-browser warning
         "مطلب اختصاصی",  # «مطلب اختصاصی SITE»: an exclusive's label
         "صفحه اصلی")  # «صفحه اصلیدرباره ماتماس با ما…»: a site's links run together
    )
    + ")"
)  # fmt: skip
_HASHTAG = re.compile(r"#([^\s#]+)")
_GLUED_OUTLET = re.compile(rf"^[^\s\d]{{2,15}}[ \u200c]?(?:نیوز|آنلاین)(?={PERSIAN_LETTER})")  # «دریا نیوزافزایش …»
_BUTTONS = re.compile(r"^(?:چاپ[ ]*)?ارسال[ ]به[ ]دوست[ ]*")
_META_FIELDS = re.compile(
    r"(?:کد[ ]+(?:خبر|مطلب)|تاریخ(?:[ ]+(?:خبر|انتشار))?|نظرات|تعداد[ ]+بازدید|ارسال[ \u200c]?کننده|نویسنده)[ ]*:"
)  # «کد خبر: … تاریخ انتشار: …», «ارسال کننده: NAME تاریخ: ۹۶/۰۸/۰۸»: the page's fields
MIN_META_FIELDS = 2
_WEB_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
_NEWSLETTER = re.compile(r"ایمیل[^.]{0,40}مشترک|خبرنامه[^.]{0,20}(?:عضو|مشترک)")  # «… با ارسال ایمیل خود مشترک شده …»
_EMAIL = re.compile(r"[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")  # «اخبار خود را به NAME@gmail.com بفرستید»
# «یافته، اولین پایگاه خبری دارای مجوز در لرستان»: a site's name, a comma, what kind of site it is
_SITE_MOTTO = re.compile(
    r"^[^،\s]{2,20}(?:[ ][^،\s]{2,20})?[ ]*،[^،]*?(?:پایگاه|سایت)[ \u200c]+(?:خبری|اطلاع[ \u200c]*رسانی|تحلیلی)"
)
MAX_MOTTO_WORDS = 12
# «پایگاه خبری-تحلیلی ریواس جنوب», «سایت مرکزی حزب …», «وب‌سایت رسمی …»: a line that names the site
_SITE_KIND = re.compile(
    r"^(?:پایگاه|سایت|وب[ \u200c]?سایت|پرتال|پورتال)[ \u200c]+(?:خبری|تحلیلی|مرکزی|رسمی|اطلاع[ \u200c]*رسانی)"
)
# «94 1150 واژگونی …»: views and ids before the headline (not «۱۴ ۸ درصد», a decimal a slug split)
_COUNTERS = re.compile(r"^(?:[0-9۰-۹]+[ ]+){2,}(?=[^\W\d_])(?!درصد|میلیون|میلیارد|هزار|نفر|تن[ ])")
_URGENT = re.compile(r"^(?:خبر[ ]+)?فوری(?:[ ]+فوری)?[ ]*[:/|\-–—]+[ ]*")
# a label before a bar over a post's title: urgency, a media kind or a hashtag («🎥 ویدیو | …», «#کرمانشاه | …»)
_LABEL_BAR = re.compile(
    r"^[ ]*(?:(?:خبر[ ]+)?فوری|فیلم|ویدیو|ویدئو|عکس|تصاویر|گزارش[ \u200c]?تصویری|اینفوگرافیک|موشن[ \u200c]?گرافیک"
    r"|صوت|پادکست|#[^\s|#]{2,30})[ ]*\|[ ]*"
)
_CLOCK = re.compile(r"[0-9۰-۹]{1,2}:[0-9۰-۹]{2}")  # a date-time line («تاریخ انتشار : … ساعت ۱۳:۰۶»)
_REPORT_COLON = re.compile(r"^به[ ]+گزارش[ ]+[^،:\n]{1,40}:[ ]*")  # «به گزارش مشرق: …»
# «به گفته NAME، ROLE، …», «طبق گفته‌های …، …»: the attribution before the news (and a role after it)
_ACCORDING = re.compile(
    r"^(?:به|طبق|بر[ \u200c]*اساس|بنا[ \u200c]*بر)[ \u200c]*(?:گفته(?:[ \u200c]*(?:های|ی))?|اظهارات)[ \u200c]+"
    r"[^،:.]{2,80}،[ ]*"
)
_FRONTED_STARTS = frozenset("در به از با طی براساس بر تا پس پیش طبق بنابر".split())
MAX_FRONTED_WORDS = 7
# a purpose or occasion clause before the news («در راستای اجرای برنامه … عمومی، ۲۷ نفر …») may run longer
_PURPOSE_STARTS = ("در راستای", "به منظور", "با هدف", "در پی", "در آستانه", "به مناسبت", "همزمان با")
MAX_PURPOSE_WORDS = 18
# a time phrase opening the lead: «در سال جدید», «سال گذشته», «در دهه فجر امسال», «از ابتدای سال جاری تاکنون»
_TIME_END = r"(?:امسال|جاری|گذشته|جدید|اخیر|امروز|دیروز|قبل|پیش|تاکنون|تا[ ]?کنون)"
_FRONTED_TIME = re.compile(
    r"^(?:(?:در|طی|از|تا)[ ]+)?(?:ابتدای[ ]+)?(?:سال|ماه|هفته|روز|روزهای|دهه|شب|صبح|عصر|هفته‌های|ماه‌های|سال‌های)"
    rf"(?:[ ]+(?!{_TIME_END}(?![\w\u200c]))[^\s،]+){{0,2}}[ ]+{_TIME_END}"
    r"(?:[ ]+(?:تاکنون|تا[ ]?کنون))?(?![\w\u200c])[ ]*،?[ ]*"
    r"|^(?:تاکنون|تا[ ]?کنون|هم[ \u200c]?اکنون|اکنون|امسال|امروز)(?![\w\u200c])[ ]*،?[ ]*"
)
# a clause verb followed by a relative or result clause: «… در حال انجام است که با اتمام آن …»
_CLAUSE_VERB = (
    r"(?:است|هستند|بود|بودند|شد|شدند|شده[ ]است|شده[ \u200c]?اند|رسید|رسیده[ ]است|یافت|یافته[ ]است|کرد|کردند"
    r"|دارد|دارند|می[ \u200c]?(?:شود|شوند|دهد|دهند|کند|کنند|رسد|یابد))"
)
_VERB_THEN_KE = re.compile(rf"(?P<verb>(?<![\w\u200c]){_CLAUSE_VERB})[ ]*،?[ ]+(?:که|و)[ ]+.*$")
_URL = re.compile(r"https?://[^\s\"'<>]+")
_PERSIAN_LETTER = re.compile(PERSIAN_LETTER)
_SLUG_SEP = re.compile(r"[-_+\s]+")
_PAGE_EXT = re.compile(r"\.(?:html?|php|aspx?|jsp)$", re.I)
_PAGE_ID_EXT = re.compile(r"[-_+][0-9]+$")  # a page id before the extension («…-1234.html»)
_NUMERIC_ID = re.compile(r"^[0-9۰-۹]{5,}$")  # a page id; «۲۰۲۶», «۴۸» are part of the headline
_LATIN_ID = re.compile(r"^(?!1[34]\d\d$|19\d\d$|20\d\d$)[0-9]{4}$")  # four Latin digits that are no year
_LISTING = frozenset({"tag", "tags", "keyword", "keywords", "search", "category", "categories", "archive"})
MIN_SLUG_OVERLAP = 0.8
_SLUG_TAIL = frozenset({"فیلم", "عکس", "تصاویر", "ویدیو", "ویدئو", "اینفوگرافیک", "صوت", "گزارش‌تصویری"})


@dataclass(frozen=True, slots=True)
class Head:
    """The headline, the kicker (if any) and the body paragraphs that remain."""

    headline: str
    kicker: str | None
    body: tuple[str, ...]


def clean_title(title: str) -> str:
    """A published title without a trailing site name (`… - خبرگزاری فارس`, `… - اخبار تسنیم - Tasnim`)
    or emoji."""
    title = _LATIN_SUFFIX.sub("", strip_emoji(normalize_fa(title)).strip())
    title = _DOUBLE_COLON_SUFFIX.sub("", title)
    return cap_headline(_first_bar_part(_SITE_SUFFIX.sub("", title).strip()))


def _first_bar_part(title: str) -> str:
    """`HEADLINE | SUBHEAD`: the first part long enough to be a headline (a short part is a site or
    section label: `کلرنا | …`); the whole title when no part is."""
    parts = [p.strip() for p in _BAR.split(title)]
    return next((p for p in parts if _words(p) >= MIN_HEADLINE_WORDS), title) if len(parts) > 1 else title


def cap_headline(headline: str, limit: int = MAX_HEADLINE_CHARS) -> str:
    """`headline` cut at a word boundary to at most about `limit` characters."""
    if len(headline) <= limit:
        return headline
    cut = headline[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ،؛:-") + "…"


def url_of(url: str | None, source: str | None) -> str | None:
    """The page URL: `url`, else a URL written in `source` (`pages:https://…`)."""
    if url:
        return url
    m = _URL.search(source or "")
    return m.group() if m else None


def slug_title(url: str | None) -> str | None:
    """The Persian slug of a page URL as words, or None (ids, extensions and «فیلم/عکس» dropped)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if "random-post" in parts.query:
        return None  # WordPress's «?random-post=1»: the path is the slug of the post it sends to, not this one
    segments = parts.path.split("/")
    joomla = _JOOMLA_ALIAS.search(parts.query) if "view=article" in parts.query else None
    if joomla is not None and _longest_slug([joomla.group("alias")]):
        segments = [joomla.group("alias")]  # Joomla's «?view=article&id=197:ALIAS»: the path names a menu item
    elif not _longest_slug(segments) and "%" in parts.query:  # «…/?news/بهره%20برداری…/ID», «…?id=عنوان_خبر»
        segments = _query_segments(parts.query)
    if any(seg.lower() in _LISTING for seg in segments):
        return None  # a tag or search page: its slug names a keyword, not the story
    best = _trimmed_slug(_longest_slug(segments))
    if best[:1] == [_URGENT_WORD]:
        best = best[1:]  # «فوری-سرما-و-برف-…»: the title's urgent label, not its words
    if len(best) < MIN_SLUG_WORDS or is_site_label(" ".join(best)) or " ".join(best) in _PLACEHOLDER_SLUGS:
        return None  # «…/خبرگزاری-و-سایت-خبری-گرگان-ما»: the site's name, not the story's
    if best[0] in _SLUG_TAIL:  # a leading media label is written «عکس/ …» in the title
        best[0] += "/"
    return " ".join(best)


URGENT_CHARS = 12  # an urgent label opens the line
_URGENT_WORD = "فوری"
_JOOMLA_ALIAS = re.compile(r"(?:^|&)id=[0-9]+:(?P<alias>[^&]+)")


def _query_segments(query: str) -> list[str]:
    """The path-like parts of a query that may carry the title; a search or a hashtag names no story."""
    out: list[str] = []
    for part in query.split("&"):
        key, _, value = part.rpartition("=")
        if key.lower() in _SEARCH_KEYS or _decoded(value).startswith("#"):
            continue
        out.extend(value.split("/"))
    return out


_SEARCH_KEYS = frozenset({"q", "s", "search", "query", "keyword", "keywords", "tag", "tags", "destination"})
_PLACEHOLDER_SLUGS = frozenset(("آدرس لینک شما", "لینک شما", "عنوان خبر", "عنوان مطلب"))  # a CMS's unfilled slug


def _longest_slug(segments: list[str]) -> list[str]:
    """The words of the path segment with most Persian letters."""
    best: list[str] = []
    most = 0
    for segment in segments:
        if segment.isascii() and "%" not in segment:
            continue  # «news», «85123456»: no Persian letter, so not the slug
        # «…-معیشتی-1234.html»: a number glued to the page extension is the page id
        bare = _PAGE_EXT.sub("", segment)
        bare = _PAGE_ID_EXT.sub("", bare) if bare != segment else bare
        text = normalize_fa(_decoded(bare))
        letters = len(_PERSIAN_LETTER.findall(text))
        if letters > most:
            best, most = [w for w in _SLUG_SEP.split(text) if w], letters
    return best


def _trimmed_slug(best: list[str]) -> list[str]:
    """The slug's words without page ids and counters before them, and without a CMS's tail."""
    while best and (_NUMERIC_ID.match(best[0]) or _LATIN_ID.match(best[0]) or not _is_slug_word(best[0])):
        best.pop(0)  # «4102-فعلا-طلاق-…»: a leading page number that is no year
    if len(best) > 3 and is_weekday(best[0]) and best[1].isdigit() and best[2] in MONTHS:
        best = best[4:] if best[3].isdigit() else best[3:]  # «،-جمعه-۲۰-مهر-شماری-از-…»: the post's date first
    if len(best) > 2 and _COUNTERS.match(" ".join(best[:3])):
        best = _COUNTERS.sub("", " ".join(best)).split()  # «np-94-1150-واژگونی-…»: views and ids, no headline
    if len(best) > 1 and best[-1] in _DUPLICATE_SUFFIX:
        best.pop()  # «…-اردبیل-ا-2/»: the CMS's suffix of a second page with the same cut slug
    while best and (
        _NUMERIC_ID.match(best[-1]) or best[-1] in _SLUG_TAIL or best[-1] in _CUT_ENDS or not _is_slug_word(best[-1])
    ):
        best.pop()  # «… در سیستان و»: a slug cut after a conjunction ends before it
    return best


_CUT_ENDS = frozenset("و در به از با که برای تا".split())  # a title never ends with these: the CMS cut it
_DUPLICATE_SUFFIX = frozenset("23456789")  # WordPress's «-2/» on a second page with the same slug
_ESCAPED = re.compile(r"%[0-9A-Fa-f]{2}")


def _decoded(segment: str) -> str:
    """A path segment percent-decoded, twice when it was encoded twice (`%25D8%25A7` → `%D8%A7` → `ا`)."""
    text = unquote(segment, errors="replace")
    return unquote(text, errors="replace") if _ESCAPED.search(text) else text


def _words(line: str) -> int:
    return len(line.split())


def _is_head_line(line: str) -> bool:
    """A line of the page head that can be the headline: four or more words (`فرهنگ و هنر`, `سایر
    زبان ها`, `استانها > سمنان` are menus), no breadcrumb `>` or clock time (a date line), no lead-in
    (`به گزارش …` opens the lead), not an outlet's name (`خبرگزاری کار ایران`)."""
    words = [w for w in line.split() if _PERSIAN_LETTER.search(w)]
    if len(words) < MIN_TEXT_HEADLINE_WORDS or ">" in line or _CLOCK.search(line):
        return False
    if strip_lead_in(line) != line and not _LABEL_BAR.match(line):  # «فوری | …», «ویدیو | …» label a title
        return False
    if _is_menu_or_prompt(line) or _WEB_ADDRESS.search(line) or _EMAIL.search(line) or _NEWSLETTER.search(line):
        return False  # a menu, a «lite version» prompt, a print page's header with the site's address or mail
    if " Archives" in line:
        return False  # «TAG Archives - SITE»: a WordPress tag archive's header, as «بایگانی‌های TAG - SITE»
    if "ارسال به دوست" in line and not _BUTTONS.sub("", line).strip():
        return False  # «چاپ ارسال به دوست»: the page's buttons
    if line.rstrip().endswith(("- -", "--")):
        return False  # «- SITE - https://… -» once its address is cleaned away: a print page's header
    if ":" in line and len(_META_FIELDS.findall(line)) >= MIN_META_FIELDS:
        return False  # «تاریخ خبر: … / کد مطلب: 8920 / نظرات: 0»: the page's fields
    if (_SITE_MOTTO.match(line) or _SITE_KIND.match(line)) and _words(line) <= MAX_MOTTO_WORDS:
        return False  # «یافته، اولین پایگاه خبری دارای مجوز …», «پایگاه تحلیلی خبری صدای نهاوند»: the site
    return not (is_site_label(line) or _CREDIT.match(line) or _dated_site(line) or _is_chrome(line))


def _dated_site(line: str) -> bool:
    """A date stamp, alone or beside the site's name in a header row (`شنبه 1 اردیبهشت 1403 پایگاه خبری
    موج برنا`, `SITE - ۱۲ مهر ۱۴۰۲ ساعت ۱۰:۳۰`)."""
    if is_date_stamp(line):
        return True
    words = line.split()
    if len(words) > MAX_HEADER_ROW_WORDS or not any(ch.isdigit() for ch in line):
        return False
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        if is_date_stamp(first) and _names_site(second) or is_date_stamp(second) and _names_site(first):
            return True
    return False


def _names_site(cell: str) -> bool:
    cell = cell.strip(" -–|")
    return bool(cell) and (is_site_label(cell) or _SITE_KIND.match(cell) is not None)


MAX_HEADER_ROW_WORDS = 16


def _is_chrome(line: str) -> bool:
    """A line opening with a chrome word (`کانال …`, `آدرس: …`) that is no news sentence: «کانال انتقال آب
    به ۱۲ روستا افتتاح شد» ends with its verb and is a headline."""
    return _CHROME.match(line) is not None and line.rstrip(" .!").rsplit(maxsplit=1)[-1] not in _EVENT_VERBS


_EVENT_VERBS = frozenset("شد شدند کرد کردند یافت یافتند رسید رسیدند گرفت گرفتند داد دادند".split())  # a news event


MIN_MENU_MARKS = 3


def _is_marked_list(line: str) -> bool:
    """«» خرید ممبر تلگرام »طراحی سایت »…», «خانه | اخبار | …»: a menu or an ad block, its items marked."""
    return line.count("»") - line.count("«") >= MIN_MENU_MARKS or line.count("|") >= MIN_MENU_MARKS


_OLDER_NEWS = squash("اخبار قدیمی")


def _is_menu_or_prompt(line: str) -> bool:
    """A marked menu or ad block, or a site's prompt: «آیا می‌خواهید به نسخه سبک … بروید؟», a tag page's
    «برای دسترسی به اخبار قدیمی‌تر، … سال و ماه را محدود کنید»."""
    return _is_marked_list(line) or "نسخه سبک" in line or ("قدیمی" in line[:40] and _OLDER_NEWS in squash(line[:40]))


def _is_post_line(line: str) -> bool:
    """A line that is only a post (`رئیس دانشگاه علوم پزشکی نمونه`): a role head, no number, no verb."""
    words = line.split()
    return (
        bool(words)
        and squash(words[0]) in HEAD_KEYS
        and len(words) <= MAX_POST_LINE_WORDS
        and not any(ch.isdigit() for ch in line)
        and not any(w in _VERB_WORDS or w.startswith(("می", "نمی")) for w in words)
    )


MAX_POST_LINE_WORDS = 12
# «معاون اجتماعی بهزیستی اصفهان خبر داد» over the headline, with no colon: the speaker's kicker
_ATTRIBUTION_LINE = re.compile(
    r"^(?:" + alternation(sorted(ROLE_HEADS)) + r")(?:[ ][^\s:،]+){1,9}[ ]"
    r"(?:خبر[ ]?داد|گفت|اعلام[ ]کرد|تاکید[ ]کرد|مطرح[ ]کرد|عنوان[ ]کرد|بیان[ ]کرد|هشدار[ ]داد)$"
)
# «باحضور محمد مخبر صورت گرفت», «در نشست خبری مدیرکل مطرح شد», «در گفت وگو با SITE تشریح شد» over the
# headline: the occasion's kicker
_OCCASION_LINE = re.compile(
    r"^(?:با[ \u200c]?حضور|در|طی|به[ ]همت)[ ][^:،]{2,80}[ ]"
    r"(?:صورت[ ]گرفت|انجام[ ]شد|مطرح[ ]شد|اعلام[ ]شد|تشریح[ ]شد|عنوان[ ]شد|بیان[ ]شد)$"
)
_VERB_WORDS = frozenset(
    "شد شدند کرد کردند داد دادند است هستند نیست دارد دارند گفت شود کند یافت رسید گرفت ماند خواهد باید".split()
)


def _is_short_line(line: str) -> bool:
    return _words(line) <= _max_words(line) and not line.rstrip().endswith((".", "!", ":", "؟"))


def _max_words(line: str) -> int:
    """A head line's length limit: longer for a title of several parts (`… / … / …`)."""
    multipart = _PART_SEP.search(line) is not None and strip_lead_in(line) == line  # «ایسنا/ همدان …» is a lead
    return MAX_MULTIPART_WORDS if multipart else MAX_HEADLINE_WORDS


def find_head(paragraphs: tuple[str, ...], title: str | None = None, url: str | None = None) -> Head:
    """Split the paragraphs into headline, kicker and body (`url` gives a slug when there is no title)."""
    if any(_is_saying(p) for p in paragraphs[:HEAD_LINES]):
        paragraphs = tuple(p for i, p in enumerate(paragraphs) if i >= HEAD_LINES or not _is_saying(p))
    head = paragraphs[:HEAD_LINES]
    kicker_at = next(
        (i for i, p in enumerate(head[:3]) if p.rstrip().endswith((":", "؛")) and _words(p) <= MAX_KICKER_WORDS),
        None,
    )
    kicker = head[kicker_at].rstrip(":؛ ").strip() if kicker_at is not None else None
    given = clean_title(title) if title and title.strip() else None
    footer = _FEED_FOOTER.match(paragraphs[-1]) if paragraphs and paragraphs[-1].startswith("نوشته ") else None
    if footer is not None:  # WordPress's «نوشته TITLE اولین بار در SITE پدیدار شد.»: the post's title, no body
        paragraphs = paragraphs[:-1]
        given = given or _footer_title(footer.group("title"), slug_title(url))
    headline = given or _headline_from_slug(paragraphs, slug_title(url)) or _headline_from_text(paragraphs, kicker_at)
    if not given:  # a slug or text line: no bullet before it, no site name or date after it («* TITLE | SITE»)
        headline = _SITE_SUFFIX.sub("", headline.lstrip("*•▪ ")).strip() or headline
        headline = _TRAILING_DATE.sub("", headline) or headline
    if not headline.strip():  # «مدیرکل … گفت:» or «… بخاری روشن؛» alone: the kicker line is all there is
        headline = kicker or next((p for p in paragraphs if p.strip(_STRAY_MARKS)), "")
    headline = cap_headline(headline)
    key = squash(headline)
    if _URGENT_WORD in headline[:URGENT_CHARS]:
        headline = _URGENT.sub("", headline) or headline  # «خبر فوری/ …»: a label, not the news
    headline = _once(headline)
    if "#" in headline:
        headline = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), headline)  # «#هفت_تپه» → «هفت تپه»
    if headline[:1].isdigit():
        headline = _COUNTERS.sub("", headline) or headline
    if "نیوز" in headline[:20] or "آنلاین" in headline[:20]:
        headline = _GLUED_OUTLET.sub("", headline, count=1) or headline  # «دریا نیوزمحله ای غریب …»
    if "ارسال به دوست" in headline[:20]:
        headline = _BUTTONS.sub("", headline, count=1).strip() or headline  # «ارسال به دوستمسوولان سمنان …»
    title_key = _alnum_key(given) if given else ""
    body = tuple(
        _cut_title(p, title_key) if title_key and i < HEAD_LINES else p
        for i, p in enumerate(paragraphs)
        if i != kicker_at and not _squashes_to(p, key)
    )
    return Head(headline=headline, kicker=kicker, body=body)


def _is_saying(line: str) -> bool:
    """A saint's saying in the page head (`امام رضا علیه السلام: …`, a site's hadith of the day): it
    is neither the headline nor the lead."""
    return ":" in line and names_saint(line.partition(":")[0])


def _once(headline: str) -> str:
    """A headline printed twice in one line (an image's alt text: «X X»; a page title «X - X») said once."""
    words = headline.split()
    half = len(words) // 2
    if half >= MIN_HEADLINE_WORDS and words[:half] == words[half:]:
        return " ".join(words[:half])
    middle = len(headline) // 2
    if len(headline) % 2 == 0 and half >= MIN_HEADLINE_WORDS and headline[:middle] == headline[middle:]:
        return headline[:middle]  # «… هیات وزیراناجرای بیمه … هیات وزیران»: the copies glued where they meet
    first, sep, second = headline.partition(" - ")
    second = second.rstrip("…").strip()
    if sep and len(second.split()) >= MIN_HEADLINE_WORDS and first.strip().startswith(second):
        return first.strip()  # the second copy may be cut by the length cap
    return headline


def _squashes_to(text: str, key: str) -> bool:
    """`squash(text) == key`, without squashing a long text whose start already differs (`squash` maps
    every character on its own, so the squashed start of `text` must start `key`)."""
    return key.startswith(squash(text[:SQUASH_PREFIX])) and squash(text) == key


def _cut_title(paragraph: str, key: str) -> str:
    """`paragraph` without a copy of the title (`key`: its `_alnum_key`) glued to its start: with no
    space (`…اعزام تیم امدادمدیرکل …`), after a separator (` - `, `/`, `:`), or before a new sentence
    opening with a lead-in or a role head. A lead that merely begins with the title's words
    (`افزایش ۱۰ درصدی مستمری از ماه آینده اجرا می‌شود`) is kept whole."""
    if not key or not paragraph or key_text(paragraph[0]) != key[0]:
        return paragraph
    j = 0
    for i, ch in enumerate(paragraph):
        k = key_text(ch)
        if not k or not k.isalnum():
            continue
        if k != key[j]:
            return paragraph
        j += 1
        if j == len(key):
            gap = paragraph[i + 1 : i + 4]
            rest = paragraph[i + 1 :].lstrip(" /|-–—:؛،.")
            if len(rest.split()) < 2:
                return paragraph
            glued = gap[:1].isalpha()
            separated = any(c in gap for c in "/|-–—:؛.")
            return rest if glued or separated or _opens_sentence(rest) else paragraph
    return paragraph


def _opens_sentence(text: str) -> bool:
    """Whether `text` opens a new sentence: a lead-in (`به گزارش …`, a dateline) or a role head."""
    first = text.split(maxsplit=1)[0]
    return first in ROLE_HEADS or strip_lead_in(text) != text


def _body_start(paragraphs: tuple[str, ...], kicker_at: int | None = None, limit: int = HEAD_LINES) -> int:
    """Index of the first body paragraph (long, or ending like a sentence), at most `limit`."""
    return next(
        (
            i
            for i, p in enumerate(paragraphs[:limit])
            if i != kicker_at
            and (_words(p) > _max_words(p) or (p.rstrip().endswith((".", "!", "؟")) and _words(p) > MIN_HEADLINE_WORDS))
            and not _is_menu_or_prompt(p)  # a long menu line or the site's prompt is page chrome, not the lead
        ),
        limit,
    )


def _menu_lines(paragraphs: tuple[str, ...]) -> set[int]:
    """Indices of lines in runs of MIN_MENU_RUN or more very short lines: a site menu, not a head."""
    menu: set[int] = set()
    run: list[int] = []
    for i, p in enumerate((*paragraphs, "")):
        if p and _words(p) <= MAX_MENU_WORDS:
            run.append(i)
            continue
        if len(run) >= MIN_MENU_RUN:
            menu.update(run)
        run = []
    return menu


def _is_slug_word(word: str) -> bool:
    """A Persian word or a short number (a Latin word such as `html` or `news` is not)."""
    return bool(_PERSIAN_LETTER.search(word)) or word.isdigit()


# WordPress's feed footer, "The post TITLE appeared first on SITE." in Persian
_FEED_FOOTER = re.compile(r"^نوشته[ ](?P<title>.{3,300}?)[ ]اولین[ ]بار[ ]در[ ].{1,80}?[ ]پدیدار[ ]شد[ .]*$")


def _footer_title(title: str, slug: str | None) -> str | None:
    """The footer's title when the page's slug (if any) starts it: the slug is often cut, the footer never."""
    return title if slug is None or _alnum_key(title).startswith(_alnum_key(slug)[:MIN_SLUG_LETTERS]) else None


def _headline_from_slug(paragraphs: tuple[str, ...], slug: str | None) -> str | None:
    """The slug, or the short head line it starts (slugs are often cut)."""
    if slug is None:
        return None
    key = _alnum_key(slug)
    letters = _without_digits(key)
    words = set(_key_words(slug))
    if any(_URGENT_WORD in p[:URGENT_CHARS] for p in paragraphs[:SLUG_TITLE_LINES]):  # «فوری| TITLE» over «TITLE»
        paragraphs = tuple(_URGENT.sub("", p) or p if i < SLUG_TITLE_LINES else p for i, p in enumerate(paragraphs))
    start = _body_start(paragraphs)
    for p in paragraphs[:start]:
        line_words, line_key = _key_words(p), _alnum_key(p)
        shared = _slug_words_in(words, line_words, line_key)
        if (
            line_key.startswith(key)
            or (len(letters) >= MIN_SLUG_LETTERS and _without_digits(line_key).startswith(letters))
            or (shared >= MIN_SLUG_OVERLAP * len(words) and len(line_words) <= 1.5 * len(words))
            or (len(words) <= MAX_KEYWORD_SLUG_WORDS and _keyword_in(letters, line_key, p))
        ):  # a cut slug, maybe without the line's numbers («جان-باختن-معدن-کار-در-حادثه» of «… ۴ معدنکار …»)
            return _crumb_end(p)
    if start == 0 and _alnum_key(paragraphs[0]).startswith(key) and _long_title(paragraphs):
        return paragraphs[0]  # the slug cut from a title the page prints as its first line
    prefixed = _after_site_word(paragraphs[:SLUG_TITLE_LINES], slug)
    if prefixed is not None:
        return prefixed
    glued = (_title_glued_to_lead(p, key) for p in paragraphs[start:SLUG_TITLE_LINES])
    whole = next((t for t in glued if t), None)
    whole = whole or next((p for p in paragraphs[start:SLUG_TITLE_LINES] if _title_of_cut_slug(p, key)), None)
    whole = whole or next((p for p in paragraphs[start:SLUG_TITLE_LINES] if _title_of_thin_slug(p, words)), None)
    return whole or _complete_last_word(slug, " ".join(paragraphs[:3]))


def _after_site_word(head: tuple[str, ...], slug: str) -> str | None:
    """A head line the slug, once its first word is dropped, starts: the CMS put the site's name first
    («شهرکریمه-سازماندهی-۳۰-گروه-جهادی-استا» over «سازماندهی ۳۰ گروه جهادی استان قم …»)."""
    first, _, rest = slug.partition(" ")
    if len(rest.split()) < MIN_SITE_SLUG_WORDS:
        return None
    key, site = _alnum_key(rest), _alnum_key(first)
    lines = (p for p in head if _is_short_line(p) and site not in _alnum_key(p))
    return next((p for p in lines if _alnum_key(p).startswith(key)), None)


MIN_SITE_SLUG_WORDS = 4


def _slug_words_in(words: set[str], line_words: list[str], line_key: str) -> int:
    """How many slug words a line holds, as words or inside its squashed letters (`مینی بوس` in `مینیبوس`)."""
    return sum(1 for w in words if w in line_words or w in line_key)


def _title_of_thin_slug(line: str, words: set[str]) -> bool:
    """A line with no stop that holds nearly every word of a slug the CMS thinned (its digits and «و»
    dropped: `…/کارگر-مزرعه-…-کشته-زخمی-شدند` of «۱۴ کارگر مزرعه … کشته و زخمی شدند/ …») and little more."""
    if line.rstrip().endswith((".", "!", "؟", ":")) or len(words) < MIN_THIN_SLUG_WORDS:
        return False
    line_words, line_key = _key_words(line), _alnum_key(line)
    shared = _slug_words_in(words, line_words, line_key)
    if shared < THIN_SLUG_OVERLAP * len(words) or len(line_words) > THIN_SLUG_GROWTH * len(words) + 2:
        return False
    added = [w for w in line_words if w not in words]  # what the CMS dropped: numbers and small words only
    return bool(added) and all(w in _THINNED_WORDS or any(ch.isdigit() for ch in w) for w in added)


_THINNED_WORDS = _CUT_ENDS | {"را"}


MIN_THIN_SLUG_WORDS = 5
THIN_SLUG_OVERLAP = 0.9
THIN_SLUG_GROWTH = 1.3


def _keyword_in(letters: str, line_key: str, line: str) -> bool:
    """A short slug's letters inside a head line (`وام-ودیعه-مسکن-35` in «پرداخت ۴۸۰۰ میلیارد تومان وام
    ودیعه مسکن به مستأجران»): the slug is a keyword, the line the title."""
    return (
        MIN_KEYWORD_LETTERS <= len(letters) < len(_without_digits(line_key))
        and letters in _without_digits(line_key)
        and _is_head_line(line)
    )


MIN_KEYWORD_LETTERS = 8


def _crumb_end(line: str) -> str:
    """The title at the end of a breadcrumb line (`صفحه اصلی > اجتماعی > TITLE`, `صفحه اصلی / اخبار/ TITLE`)."""
    if ">" in line:
        return line.rsplit(">", 1)[-1].strip()
    return line.rsplit("/", 1)[-1].strip() if _SLASH_CRUMB.match(line) else line


_SLASH_CRUMB = re.compile(r"^(?:صفحه[ \u200c]*(?:اصلی|نخست)|خانه)[ ]*/")


def _title_of_cut_slug(line: str, key: str) -> bool:
    """A short line the slug is the start of (the CMS cut the slug; a motto or a date may stand above
    the title, so it is not the page head's first line)."""
    if not _alnum_key(line).startswith(key) or len(_alnum_key(line)) <= len(key):
        return False
    if len(key) < MIN_CUT_SLUG_CHARS and not _ends_mid_word(line, key):
        return False  # a short slug that ends with a whole word is the whole title; the line runs on into the lead
    words = _words(line)
    ends = line.rstrip().endswith((".", "!", "؟"))
    return words <= (MAX_STOPPED_TITLE_WORDS if ends else MAX_MULTIPART_WORDS) and not line.rstrip().endswith(":")


def _key_end(words: list[str], key: str) -> tuple[int, str] | None:
    """Where the slug's letters (`key`) end in `words`: the index of that word and the letters it goes
    on with past them ("" when the slug ends with the word), or None when the words are shorter."""
    got = 0
    for i, word in enumerate(words):
        letters = _alnum_key(word)
        got += len(letters)
        if got >= len(key):
            return i, letters[len(letters) - (got - len(key)) :]
    return None


def _ends_mid_word(line: str, key: str) -> bool:
    """The slug's letters (`key`) end inside a word of `line` (the CMS cut it)."""
    end = _key_end(line.split(), key)
    return end is not None and bool(end[1])


def _title_glued_to_lead(line: str, key: str) -> str | None:
    """The title a head line starts with when the slug's letters end where a small word of the lead is
    glued to the title's last word («۱۴.۸ درصد؛ رشد … در شهر تهراندر پاییز …» under «…-شهر-تهران»)."""
    if not _alnum_key(line).startswith(key):
        return None
    words = line.split()
    end = _key_end(words, key)
    if end is None:
        return None
    i, rest = end
    if rest in _GLUED_LEAD_WORDS and words[i].endswith(rest) and len(rest) < len(words[i]):
        return " ".join([*words[:i], words[i][: -len(rest)]])
    return None


_GLUED_LEAD_WORDS = frozenset("در به از با برای که و این".split())


MIN_CUT_SLUG_CHARS = 34  # a slug this long may be cut at a word's end (CMSs cut at a length)
SLUG_TITLE_LINES = 6  # the page's first paragraphs, where a title the slug was cut from is printed
MAX_STOPPED_TITLE_WORDS = 20  # a title line ending with a stop is short; a longer one is the lead


def _long_title(paragraphs: tuple[str, ...]) -> bool:
    """The first line is a title though it reads as the body's start: it ends like a sentence with «!»
    or «؟», or it runs long, ends with no stop and is printed again right below."""
    first = paragraphs[0]
    if _is_exclaimed_title(first):
        return True
    twice = len(paragraphs) > 1 and squash(paragraphs[1]) == squash(first)
    return twice and _words(first) <= MAX_MULTIPART_WORDS and not first.rstrip().endswith((".", ":"))


def _is_exclaimed_title(line: str) -> bool:
    """A short first line ending with «!» or «؟» (`… معاون زن داشته باشند!`): a title, though it ends
    like a sentence."""
    return line.rstrip().endswith(("!", "؟", "?")) and _words(line) <= _max_words(line)


def _key_words(text: str) -> list[str]:
    return [w for w in map(_alnum, key_text(text).split()) if w]  # key_text keeps every space


def _complete_last_word(slug: str, text: str) -> str:
    """A slug whose last word was cut by the CMS (`… بهزیس`) ends with the word the text has; a cut
    fragment too short to complete is dropped."""
    head, _, last = slug.rpartition(" ")
    if last in _WHOLE_WORDS:
        return slug  # «… رسالت مهم بهزیستی است»: a verb or particle is a word, not a cut one («استانداری»)
    if not re.search(r"(?<![\w\u200c])" + re.escape(last) + r"(?![\w\u200c])", text):
        m = re.search(r"(?<![\w\u200c])" + re.escape(last) + r"[\w\u200c]+", text) if len(last) >= 3 else None
        slug = f"{head} {m.group()}" if m else head if len(last) < 3 else slug
    return slug


_WHOLE_WORDS = frozenset("است شد شود شدند کرد کردند دارد دارند نیست بود باشد می در به از با و را هم نیز".split())
MIN_SLUG_LETTERS = 12  # a slug this long that starts a line without its digits is that line cut


def _without_digits(key: str) -> str:
    return key if not any(c.isdigit() for c in key) else "".join(c for c in key if not c.isdigit())


def _alnum_key(text: str) -> str:
    return _alnum(key_text(text))


def _alnum(text: str) -> str:
    return text if text.isalnum() else "".join(filter(str.isalnum, text))


def _statement(line: str) -> str:
    """A short line without its attribution (`ROLE خبر داد: کشف ۲ تن مواد مخدر` → the news)."""
    rest = _ATTRIBUTION.sub("", line, count=1)
    if rest == line:
        rest = _GLUED_KICKER.sub("", line, count=1)  # «مدیرکل … خبر داد واگذاری ۱۵ واحد …»: no colon between
    return rest if rest != line and _words(rest) >= MIN_HEADLINE_WORDS else line


_GLUED_KICKER = re.compile(r"^(?:" + alternation(sorted(ROLE_HEADS)) + r")(?:[ ][^\s:،]+){1,9}?[ ]خبر[ ]?داد[ ]+(?=\S)")


def _headline_from_text(paragraphs: tuple[str, ...], kicker_at: int | None) -> str:
    start = _body_start(paragraphs, kicker_at, PAGE_HEAD_LINES)  # the lead: the first body paragraph
    twice = _printed_twice(paragraphs[start:PAGE_HEAD_LINES]) if start < HEAD_LINES else None
    if twice is not None:
        return twice  # a site's motto sentence over the page, the title printed twice after it
    menu = _menu_lines(paragraphs[:start]) if start > HEAD_LINES else set()
    candidates = [
        (i, p)
        for i, p in enumerate(paragraphs[:start])
        if i != kicker_at and i not in menu and _is_short_line(p) and _is_head_line(p)
    ]
    if (
        len(candidates) > 1
        and any(kicker(candidates[0][1]) for kicker in (_is_post_line, _ATTRIBUTION_LINE.match, _OCCASION_LINE.match))
        and candidates[1][0] == candidates[0][0] + 1
    ):
        candidates = candidates[1:]  # «رئیس دانشگاه علوم پزشکی نمونه» or «ROLE خبر داد» over the headline: a kicker
    keys = [squash(p) for p in paragraphs] if candidates else []
    for (i, line), (j, nxt) in itertools.zip_longest(candidates, candidates[1:], fillvalue=(-1, "")):
        if keys.count(squash(line)) > 1:
            pair = j == i + 1 and squash(nxt) != squash(line) and keys.count(squash(nxt)) > 1
            return nxt if pair else line  # a kicker and its title printed twice as a pair: the title is second
    if candidates and (kicker_at is None or candidates[0][0] == kicker_at + 1 or candidates[0][0] == 0):
        return _statement(_sharing_with_lead(candidates, paragraphs[start : start + LEAD_PARAGRAPHS]))
    lead = (
        paragraphs[start]
        if start < len(paragraphs)
        else next((p for i, p in enumerate(paragraphs) if i != kicker_at), "")
    )
    after = paragraphs[start + 1] if start + 2 < len(paragraphs) and not candidates else ""
    if after and _is_short_line(after) and _is_head_line(after) and _shared_words(after, lead) >= MIN_SHARED_WORDS:
        return after  # a title printed after its lead (`lead`, `title`, body …)
    return _lead_core(lead)


MIN_SHARED_WORDS = 2
LEAD_PARAGRAPHS = 3  # the body's first paragraphs a title shares words with (a label line may open it)


def _sharing_with_lead(candidates: list[tuple[int, str]], body: tuple[str, ...]) -> str:
    """The first head line, unless it shares no word with the body's first paragraphs and a later one
    shares a few with the lead («موسسه حقوقی …» over «ارجاع طلاق توافقی …» over a lead about agreed
    divorce: the site's name, then the title)."""
    first = candidates[0][1]
    if len(candidates) < 2 or not body or _shared_words(first, " ".join(body)):
        return first
    later = [line for _, line in candidates[1:] if _shared_words(line, body[0]) >= MIN_SHARED_WORDS]
    return later[0] if later else first


def _printed_twice(paragraphs: tuple[str, ...]) -> str | None:
    """A head line printed twice running, before the body's first lead-in or long paragraph, is the
    page's title (a site's motto sentence may stand over it)."""
    for line, after in itertools.pairwise(paragraphs):
        if _words(line) > _max_words(line) or _opens_sentence(line):
            return None
        if squash(line) == squash(after) and _is_short_line(line) and _is_head_line(line):
            return line
    return None


def _shared_words(line: str, lead: str) -> int:
    """Content words (four letters or more) of `line` that the lead repeats."""
    lead_words = set(_key_words(lead))
    return sum(1 for w in set(_key_words(line)) if len(w) >= 4 and w in lead_words)


def _announced(sentence: str) -> str | None:
    """`ROLE … از X خبر داد`: the news is X (the clause after the last comma before the verb, from
    its first «از» that is not «یکی از», «بیش از», «پس از» …)."""
    m = _ANNOUNCED.search(sentence)
    if m is None:
        return None
    clause = sentence[: m.start()].rpartition("،")[2]
    for az in _AZ.finditer(clause):
        before = clause[: az.start()].split()[-1:]
        if not before or before[0] not in _NOT_SOURCE_AZ:
            news = clause[az.end() :].strip()
            return news if len(news.split()) >= MIN_HEADLINE_WORDS - 1 else None
    return None


_STRAY_MARKS = ".!؟?،؛:- "
_SENTENCE_END = re.compile(r"(?<=[.!؟])(?<!\.\.\.)\s")  # «تهران، قم و ... رهسپار»: an ellipsis ends no sentence


def _lead_core(lead: str) -> str:
    """The statement of the lead sentence: without lead-ins, its attribution (`NAME، ROLE گفت:`,
    `… اعلام کرد که`), a short fronted adverbial (`در حال حاضر،`) and a trailing «که» clause after its
    verb; cut at a clause near MAX_LEAD_WORDS."""
    lead = lead.strip().lstrip(_STRAY_MARKS)  # «. روزنامه اطلاعات: …»: a stop left from a stripped element
    sentence = _SENTENCE_END.split(lead, maxsplit=1)[0]
    sentence = strip_lead_in(_REPORT_COLON.sub("", sentence, count=1))
    if sentence.startswith(_PURPOSE_STARTS):  # «در آستانه هفته بهزیستی، NAME، ROLE از … خبر داد»
        sentence = _drop_fronted(sentence)
    sentence = _announced(sentence) or _ATTRIBUTION.sub("", sentence, count=1)
    sentence = _THAT_ATTRIBUTION.sub("", sentence, count=1)
    according = _ACCORDING.match(sentence)
    if according is not None:
        rest = sentence[according.end() :]
        role, comma, after = rest.partition("،")
        if comma and role.split()[:1] and role.split()[0] in ROLE_HEADS:
            rest = after.strip()  # «…، ROLE، news»
        sentence = rest if _words(rest) >= MIN_TEXT_HEADLINE_WORDS else sentence
    sentence = _drop_fronted(sentence.strip().rstrip("."))
    trailing = _VERB_THEN_KE.search(sentence)
    if trailing is not None and _words(sentence[: trailing.start()]) >= MIN_MAIN_CLAUSE_WORDS:
        sentence = sentence[: trailing.end("verb")]  # «… زندگی می‌کنند که …»: the trailing clause goes
    words = sentence.split()
    if len(words) <= MAX_LEAD_WORDS:
        return sentence
    cut = " ".join(words[:MAX_LEAD_WORDS])
    clause = max(cut.rfind("،"), cut.rfind("؛"))
    if clause > len(cut) // 2 and not _is_post_line(cut[:clause]):  # «ROLE، X را … اعلام کرد»: not the post
        return cut[:clause].strip()
    return cut.strip() + "…"


MIN_MAIN_CLAUSE_WORDS = 7  # «شرایط به گونه ای است که …»: a shorter clause before «که» says nothing alone


def _drop_fronted(sentence: str) -> str:
    """`در حال حاضر، بیش از …` → `بیش از …`: a short adverbial phrase before the first comma, or a
    fronted time phrase without one (`در سال جدید ۴۲۰ طرح …`, `سال گذشته …`, `تاکنون …`)."""
    m = _FRONTED_TIME.match(sentence)
    if m is not None and _words(sentence[m.end() :]) >= 4:
        sentence = sentence[m.end() :]
    head, comma, rest = sentence.partition("،")
    words = head.split()
    limit = MAX_PURPOSE_WORDS if head.startswith(_PURPOSE_STARTS) else MAX_FRONTED_WORDS
    if comma and words and words[0] in _FRONTED_STARTS and len(words) <= limit and _words(rest) >= 4:
        return rest.strip()
    return sentence
