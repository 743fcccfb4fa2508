"""Layout pass: undo page and channel layout in normalized text, before any analysis.

* Emoji bullets (⭕ 🔸 🔹 🔻 ▪️ 🔴 ✅ 📌 1️⃣ …) are line breaks: Telegram and Eitaa posts use them as
  the only separators between title, attribution and statements.
* Markup and encoded debris are removed: data-URIs, tags left in plain text (`<image …>`), comments
  and broken comments (`<!-- … -->`, `<--! … -->`), PHP dumps (`string(512) "…"`), long hex and
  base64 runs, cameras' file names (`IMG 20190923 103041`); a line still made mostly of Latin
  letters and digits after that is dropped.
* A date/time stamp at the start of a line is removed (`date 2025-12-17`, `2025-12-17T10:45:00Z`,
  `۱۴۰۳/۰۹/۱۲ - ۱۰:۴۵`, `سه شنبه ۱۷ تیر ۱۴۰۳ -`), with player chrome right after it («پخش زنده»).
* Leading bullets («- », «– », «— », «• ») and list numbers («۱- », «2) ») are removed.
* A title glued to an agency dateline (`… در ۱۳ مرکز نگهداریایسنا/ خوزستان مدیرکل …`) is split off,
  and literal `\\n` escapes left by double-encoded JSON are line breaks.

* A hard-wrapped line is joined to the next one when it cannot end a paragraph: it ends with a
  comma, a preposition or conjunction, or (after a comma) a first name or title (`به گزارش ایرنا،
  علی` / `رضایی، …`).

Every pattern is anchored or linear (no nested quantifiers). Imports only `digest.textmatch` and
`digest.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from digest.jalali import MONTHS, WEEKDAY_PATTERN
from digest.roles import HEAD_KEYS, ORG_STARTS, REPORT_OPENERS, REPORTING_VERB, ROLE_HEADS, TITLES, first_names
from digest.textmatch import PERSIAN_LETTER, PERSIAN_LETTERS, alternation, squash
from digest.units import COUNT_UNITS, MONEY_UNITS

_EMOJI = re.compile(
    "(?:[0-9#*]\ufe0f?\u20e3"  # keycap digits used as numbered bullets
    "|[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u25a0-\u25ff\u2190-\u21ff\u2022\u2023\u2043"
    "\u2219\u23e9-\u23fa\u3030\u303d\ufe0f\u20e3])+"
)
_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://[^\s«»\"'<>]+", re.I)
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)?")  # «![alt](url)»: the alt text stays
_IMAGE_SEARCH = re.compile(r"^[ ]*(?:Image result for|Related image|See the source image)[ ]*", re.M | re.I)
_ALT_ATTRIBUTE = re.compile(r'(?:"?[^"\s]{0,500}"[ ]*)?(?<![\w-])alt="([^"\n]{0,300})"')
_DATA_URI = re.compile(r"data:[a-z]+/[\w.+-]+(?:;[\w=-]+)*,[A-Za-z0-9+/=%_-]*")
_COMMENT = re.compile(r"<!--.*?-->|<--!.*?-->|<!--.*$|<--!.*$", re.M)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>\n]{0,500})?/?>")
_PHP_DUMP = re.compile(r'string\(\d+\)\s*".*?"(?=\s|$)|string\(\d+\)\s*"[^\n]*', re.M)
# hex with both letters and digits (hashes, ids), or a long base64 run
_ENCODED_RUN = re.compile(
    r"(?<![A-Za-z0-9])(?:(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}|[A-Za-z0-9+/]{32,}={0,2})"
    r"(?![A-Za-z0-9])"
)
_LATIN = re.compile(r"[A-Za-z0-9]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_PERSIAN = re.compile(rf"[{PERSIAN_LETTERS}\u06f0-\u06f9]")

_D = "[0-9۰-۹]"
_WEEKDAYS = f"(?:{WEEKDAY_PATTERN})"
_JALALI_MONTHS = "|".join(MONTHS)
_MONTHS = (
    f"(?:{_JALALI_MONTHS}|امرداد"
    "|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)(?:[ \u200c]?ماه)?"
)
# A part that can only be a stamp: a numeric date (ISO with optional time), a clock time.
_HARD_PART = (
    rf"{_D}{{2,4}}[-/.]{_D}{{1,2}}[-/.]{_D}{{1,4}}(?:[T ]{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?:\.{_D}+)?"
    rf"(?:Z|[+-]{_D}{{2}}:?{_D}{{2}})?)?"
    rf"|{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?"
)
# A part that is a stamp only next to a hard part or a separator: «سه شنبه», «۱۷ تیر ۱۴۰۳», «ساعت».
_SOFT_PART = rf"(?:{_WEEKDAYS}|{_D}{{1,2}}[ ]?{_MONTHS}(?:[ ]?{_D}{{4}})?|ساعت)(?![\w\u200c])"
_PART = rf"(?:{_HARD_PART}|{_SOFT_PART})"
_SEP = r"[ ]*[-–—|،,/][ ]*|[ ]+"
_STAMP = re.compile(
    rf"^(?P<key>(?:date|time|تاریخ|زمان)[ ]*:?[ ]*)?(?P<parts>{_PART}(?:(?:{_SEP}){_PART})*)"
    rf"(?P<end>[ ]*[-–—|][ ]*|[ ]*$|[ ]+)"
)
_HARD = re.compile(_HARD_PART)
_PLAYER = re.compile(
    r"^(?:پخش[ \u200c]*زنده|پخش[ \u200c]*(?:فیلم|ویدیو|ویدئو)|دانلود[ \u200c]*(?:فیلم|ویدیو|ویدئو))[ ]*"
)
_BULLET = re.compile(r"^(?:[-–—•*·|¦｜;](?![0-9۰-۹])[ ]*)+")  # «📲| به گزارش …»; «;NAME» (an entity's tail)
# «۱- », «2) », «۳. » numbering a list item (multi-item pages); «۱۰ - ۱۵ درصد» is a range, not a bullet
_NUMBERED = re.compile(r"^[0-9۰-۹]{1,2}[ ]?[-–—.)][ ]+(?=[^\W\d_])")

# an agency dateline glued to the word before it: «…نگهداریایسنا/ خوزستان», «…است.ایرنا- »
_GLUED_AGENCIES = ("ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "برنا", "خبرآنلاین")  # never a word's ending
_GLUED_DATELINE = re.compile(alternation(_GLUED_AGENCIES) + r"(?=[ ]*[/\-–—])")
_MAYBE_EMOJI = re.compile("[\u2022\u2023\u2043\u2190-\U0010ffff]")  # one range test per character
_STAMP_STARTS = frozenset("dDtTتزشیدسچپجس0123456789۰۱۲۳۴۵۶۷۸۹")  # first letters of every stamp part
_BULLETS = frozenset("-–—•*·|¦｜;")
_MISPLACED_STOP = re.compile(rf"^\.{PERSIAN_LETTER}")
MIN_DEBRIS_LATIN = 12  # a line with at least this many Latin letters/digits, and more of them than
# Persian letters, is debris (ids, hashes, JSON, English menus), not the Persian article
_SOME_LATIN = re.compile(rf"(?:[^A-Za-z0-9]*[A-Za-z0-9]){{{MIN_DEBRIS_LATIN}}}")
# hex and base64 mix letters and digits: a letter then a digit, a digit then a letter, or 32 base64
# letters; written to open with a character class, which the regex engine scans for
_ASCII_RUN = re.compile(r"[A-Za-z0-9+/](?:(?<=[A-Za-z])[0-9]|(?<=[0-9])[A-Za-z]|(?<=[A-Za-z+/])[A-Za-z+/]{31})")

# a camera's file name left as a caption (`IMG 20190923 103041 540`, `DSC_0123.JPG`): its digits are no figures
_CAMERA_FILE = re.compile(
    r"(?<![A-Za-z])(?:IMG|DSCN?|DSCF|VID|PXL|PANO|MVIMG)(?:[ _-]+[0-9]{2,})+"
    r"(?:\.(?:jpe?g|png|heic|mp4))?(?![A-Za-z0-9])",
    re.I,
)
_SHORTCODE = re.compile(r"\[/?[a-z][a-z0-9_]*(?:[ ][^\]\n]{0,200})?\]")  # WordPress: «[caption id=…]», «[/su_box]»
_CAMERA_HINT = re.compile(r"(?:IMG|DSC|VID|PXL|PANO|img|dsc|vid|pxl|pano)[ _-]*[0-9]")  # case-sensitive: cheaper


def _strip_debris(text: str) -> str:
    if "![" in text:
        text = _MARKDOWN_IMAGE.sub("\\1", text)
    if "image" in text or "Image" in text:
        text = _IMAGE_SEARCH.sub("", text)  # «Image result for QUERY»: a search engine's caption over the page
    if 'alt="' in text:
        text = _ALT_ATTRIBUTE.sub("\\1", text)  # «"s3://…" alt="TITLE"»: an image's source goes, its alt text stays
    if "data:" in text:
        text = _DATA_URI.sub(" ", text)
    if "://" in text:
        text = _WEB_ADDRESS.sub(" ", text)  # «منبع خبر: http://banker.ir/news/215625/…»: its digits are no figures
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "string(" in text:
        text = _PHP_DUMP.sub(" ", text)
    if "[" in text:
        text = _SHORTCODE.sub("\n", text)  # «[su_frame …]ریزگرد[/su_frame]»: a CMS markup, its words a line
    if _LATIN_LETTER.search(text) is None:
        return text
    if _CAMERA_HINT.search(text):
        text = _CAMERA_FILE.sub(" ", text)
    return _ENCODED_RUN.sub(" ", text) if _ASCII_RUN.search(text) else text


def _unglue(m: re.Match[str]) -> str:
    """A line break before an agency dateline glued to the previous word or full stop."""
    before = m.string[m.start() - 1] if m.start() else " "
    return "\n" + m.group() if before == "." or (before.isalpha() and not before.isascii()) else m.group()


def _is_debris(line: str) -> bool:
    if _SOME_LATIN.match(line) is None:
        return False
    latin = len(_LATIN.findall(line))
    return latin >= MIN_DEBRIS_LATIN and latin > len(_PERSIAN.findall(line))


def strip_stamp(line: str) -> str:
    """`line` without a leading date/time stamp (and player chrome such as «پخش زنده» after it)."""
    m = _STAMP.match(line)
    if m is None:
        return line
    hard = m.group("key") is not None or _HARD.search(m.group("parts")) is not None
    separated = bool(m.group("end").strip()) or m.end() == len(line)
    if not (hard or separated):
        return line  # «۱۷ تیر ماه امسال …» opens a sentence
    rest = line[m.end() :]
    return _PLAYER.sub("", rest) if hard else rest


def strip_bullet(line: str) -> str:
    """`line` without leading dash or dot bullets («- », «– NAME، ROLE: …»)."""
    return _BULLET.sub("", line)


def strip_emoji(text: str) -> str:
    """`text` with emoji and pictographs replaced by a space (for headlines)."""
    return " ".join(_EMOJI.sub(" ", text).split())


# a number broken over lines: a line ending with a scale goes on, and so does a piece («و», «۸۰۰») joined to it
_SCALE_WORDS = frozenset({"هزار", "میلیون", "میلیارد"})
_NUMBER_PIECE = re.compile(r"و|[0-9۰-۹][0-9۰-۹.,/٫٬]*")
# words a paragraph never ends with: a line ending so was wrapped by the page or the copy
_OPEN_ENDS = frozenset("و در به از با که را برای تا بر".split())
MIN_WRAPPED_WORDS = 4  # a shorter line is a heading or a desk line
_TO_THE_REPORTER = ("با خبرنگار", "با خبرنگاران")


_LONE_OPENERS = frozenset("به از در با بر طبق".split())


_LINE_END_STOPS = ".!؟?:؛»)"  # a line ending with one of these finished its sentence


def _is_cut(line: str) -> bool:
    """Whether `line` stops in the middle of a sentence (see the module docstring)."""
    if line in REPORT_OPENERS or line in ROLE_HEADS:
        return True  # «به گزارش» or «مدیرکل» alone on its line: a link or a hard wrap broke the line
    if line[-1] in _LINE_END_STOPS:
        return False  # a finished sentence
    if line.endswith(_TO_THE_REPORTER):
        return True  # «… در گفتگو با خبرنگار» / «صدای بلوچ بیان کرد: …»: the outlet's name goes on
    last = line.rpartition(" ")[2]
    if last in _SCALE_WORDS or line == "و":
        return True  # «دو میلیون»، «و»: a number broken over lines
    if line in _LONE_OPENERS:
        return True  # «به» / «گزارش خبرنگار …»: a hard wrap right after the sentence's first word
    if line.count(" ") < MIN_WRAPPED_WORDS - 1:
        return False  # «گروه اجتماعی الف،»: a desk line, not a wrapped sentence
    if line[-1] == "،" or last in _OPEN_ENDS:
        return True
    if line.startswith(REPORT_OPENERS):
        return last not in _PLAIN_VERBS  # «به گزارش …» opens a sentence, not ended unless by its verb
    # a name or a post cut after a lead-in (`به گزارش ایرنا، علی`, `…، مدیرعامل جمعیت`); a title
    # ending in such a word has no comma
    return "،" in line and (last in TITLES or last in first_names() or last in ROLE_HEADS or last in ORG_STARTS)


def _before_number(line: str) -> bool:
    """A line that a number on the next line continues: it ends with a scale, «و» or a preposition."""
    last = line.rpartition(" ")[2]
    return last in _SCALE_WORDS or last in _OPEN_ENDS


def _unwrap(lines: list[str]) -> list[str]:
    out: list[str] = []
    joining = False
    for line in lines:
        if out and line[0] == "،":  # «به گزارش … مرکز بوشهر» / «، NAME …»: a comma opens no line
            out[-1] = f"{out[-1]}{line}"
            joining = _is_cut(out[-1])
            continue
        if joining and (line[0].isalpha() or line[0].isdigit() and _before_number(out[-1])):
            out[-1] = f"{out[-1]} {line}"
            joining = _is_cut(out[-1]) or _NUMBER_PIECE.fullmatch(line) is not None  # «… از» «۶۴» «هزار …»
        else:
            out.append(line)
            joining = _is_cut(line)
    return out


# «… با حضور مدیرکل …», «… توسط استاندار …»: the post belongs to the sentence
_ROLE_OBJECT_BEFORE = frozenset("با از به در بر توسط حضور و که برای را روایت قول نقل گفته".split())
_PLAIN_VERBS = frozenset("شد شدند است هستند کرد کردند دارد دارند گردید بود بودند شده".split())
MAX_TRAILING_ROLE_WORDS = 6
MAX_NAMED_ROLE_WORDS = 12  # a named heading's post may be long and hold a comma
_NOT_IN_NAME = _ROLE_OBJECT_BEFORE | _OPEN_ENDS
MIN_GLUED_TITLE_WORDS = 4
MAX_NAME_BEFORE_ROLE = 5  # titles included, as subject.MAX_NAME_WORDS


def _split_trailing_role(line: str) -> list[str]:
    """`HEADLINE ROLE:` on one line (a channel post: `… به این فلاکت افتاد نماینده اهواز:`) is the
    headline and a `ROLE:` heading; `… مدیرکل بهزیستی گفت:` (a verb) and `ROLE:` alone stay."""
    words = line[:-1].split()
    named = _named_heading_at(words)
    if named is not None:  # `HEADLINE FIRST LAST ROLE، …:`: the name opens the heading
        return [" ".join(words[:named]), " ".join(words[named:]) + ":"]
    for k in range(max(MIN_GLUED_TITLE_WORDS, len(words) - MAX_TRAILING_ROLE_WORDS), len(words)):
        if squash(words[k]) in HEAD_KEYS:
            if k <= MAX_NAME_BEFORE_ROLE and (words[0] in TITLES or words[0] in first_names()):
                return [line]  # «سردار محمد مسعود زاهدیان رئیس …:»: a titled name before its post, no headline
            tail = " ".join(words[k:])
            if "،" in tail or REPORTING_VERB.search(tail) or "،" in words[k - 1] or words[k - 1] in _ROLE_OBJECT_BEFORE:
                return [line]
            if any(w in _PLAIN_VERBS for w in words[k:]):
                return [line]
            return [" ".join(words[:k]), tail + ":"]
    return [line]


def _named_heading_at(words: list[str]) -> int | None:
    """Where a `FIRST LAST ROLE:` heading glued after a headline starts (`… «آیت‌الله بهاری» بهروز
    کارخانه ای رئیس دانشگاه علوم پزشکی، خدمات بهداشتی و درمانی همدان:`), or None."""
    for k in range(max(MIN_GLUED_TITLE_WORDS + 2, len(words) - MAX_NAMED_ROLE_WORDS), len(words) - 1):
        if squash(words[k]) not in HEAD_KEYS:
            continue
        tail = words[k:]
        if REPORTING_VERB.search(" ".join(tail)) or any(w in _PLAIN_VERBS for w in tail):
            return None
        for n in (3, 2):
            start = k - n
            name = words[start:k]
            if (
                start >= MIN_GLUED_TITLE_WORDS
                and name[0] in first_names()
                and not any("،" in w or squash(w) in HEAD_KEYS or w in _NOT_IN_NAME for w in name)
                and words[start - 1] not in _ROLE_OBJECT_BEFORE
                and "،" not in words[start - 1]
            ):
                return start
        return None
    return None


# page counters: «مجموع نظرات: ۰», «۰ نفر», «بازدید: ۱۲۳», «تعداد بازدید ۴۵»
_COUNTER = re.compile(r"(?:(?:مجموع|تعداد)[ ]+)?(?:نظرات|بازدید|دیدگاه‌ها|دیدگاهها)[ ]*:?[ ]*[0-9۰-۹]+|[0-9۰-۹]+[ ]+نفر")
_COUNTER_ENDS = frozenset("0123456789۰۱۲۳۴۵۶۷۸۹ر")
# a reporting verb glued to the role before it («… کشورتصریح کرد»): the space is put back
_GLUED_VERB_WORDS = ("تصریح", "اظهار", "خاطرنشان", "خاطر نشان", "یادآور", "تاکید", "تأکید", "اذعان")
_GLUED_VERB = re.compile(
    r"(?<=[^\W\d_])(?=(?:" + "|".join(_GLUED_VERB_WORDS) + r")[ \u200c]*(?:کرد|داشت|شد|نمود)(?![\w\u200c]))"
)

_VERB_TAIL = re.compile(r"[ \u200c]*(?:کرد|داشت|شد|نمود)(?![\w\u200c])")


def _has_glued_verb(text: str) -> bool:
    """A cheap test for _GLUED_VERB (which opens with a look-behind, so it is tried at every position):
    one of its words right after a letter, then the verb (`str.find` runs in C; the words are rare)."""
    for word in _GLUED_VERB_WORDS:
        at = text.find(word)
        while at != -1:
            if at and text[at - 1].isalpha() and _VERB_TAIL.match(text, at + len(word)):
                return True
            at = text.find(word, at + 1)
    return False


_SEPARATOR = re.compile(r"[/\-–—]")


def _has_glued_dateline(text: str) -> bool:
    """A cheap test for _GLUED_DATELINE: an agency's name right before a slash or a dash (a character
    class is scanned fast; the alternation of names is not)."""
    for m in _SEPARATOR.finditer(text):
        end = m.start()
        while end and text[end - 1] == " ":
            end -= 1
        if text.endswith(_GLUED_AGENCIES, 0, end):
            return True
    return False


# a title glued to the lead at a verb: «… ارسال شدرئیس بهزیستی شهرستان گفت: …»
_GLUED_LEAD = re.compile(
    r"[ \u200c](شد|شدند|است|کرد|کردند|داد|نیست|نیستند|هستند|دارد|ندارد|رسید|یافت)(?=(?:رئیس|رییس|مدیرکل|مدیر"
    r"|معاون|استاندار|فرماندار|نماینده|دبیر|سرپرست|فرمانده|دادستان|شهردار|دهیار|بخشدار)[ \u200c])"
)  # «… قابل استفاده نیستنددهیار روستای … گفت: …»


# a title glued to a report lead-in: «… اخبار ایران و جهانبه گزارش خبرنگار مهر، …»
_REPORT_AT = "به گزارش "
_REPORTERS = tuple("خبرنگار خبرگزاری روابط پایگاه باشگاه صدا ایرنا ایسنا ایلنا تسنیم مهر فارس".split())


# a title glued to the role heading under it: «… سالمندی در ایرانرئیس سازمان بهزیستی کشور: …»
_HEADING_HEADS = ("رئیس", "رییس", "مدیرکل", "استاندار", "فرماندار", "سخنگوی", "دادستان", "شهردار")
_HEADING_TAIL = re.compile(r"[ ]+[^\n:؛]{2,80}:")
_GLUED_POSTS = ("نایب", "معاون", "قائممقام")  # «نایبرئیس», «معاوناستاندار»: one post written glued
MIN_GLUED_WORD = 3


def _break_before(text: str, word: str, sep: str, glued: Callable[[str, int], bool], start: int) -> str:
    """`sep` put before each `word` in `text` (from `start` on) that `glued(text, at)` finds glued to what
    precedes it: the one loop behind the three fixes below."""
    at = text.find(word, start)
    while at != -1:
        if glued(text, at):
            text = f"{text[:at]}{sep}{text[at:]}"
            at += len(sep)
        at = text.find(word, at + len(word))
    return text


def _heading_glued_to(head: str, text: str, at: int) -> bool:
    start = at
    while start and text[start - 1].isalpha():
        start -= 1
    word = text[start:at]
    if len(word) < MIN_GLUED_WORD or word.endswith(_GLUED_POSTS) or word in ROLE_HEADS or word in TITLES:
        return False
    return _HEADING_TAIL.match(text, at + len(head)) is not None


def _unglue_headings(text: str) -> str:
    """A line break between a word and a post glued to it when a heading «POST …:» follows."""
    for head in _HEADING_HEADS:
        text = _break_before(text, head, "\n", partial(_heading_glued_to, head), MIN_GLUED_WORD)
    return text


_SAID = "گفت"
_COLON_NEXT = re.compile(r"[ ]*:")


def _unglue_said(text: str) -> str:
    """«… استان بوشهرگفت: …»: a space before «گفت:» glued to the word before it (two letters or more)."""
    return _break_before(text, _SAID, " ", _said_glued, 2)


def _said_glued(text: str, at: int) -> bool:
    return text[at - 1].isalpha() and text[at - 2].isalpha() and _COLON_NEXT.match(text, at + len(_SAID)) is not None


def _unglue_report(text: str) -> str:
    """A line break before «به گزارش خبرنگار/AGENCY» glued to the word before it."""
    return _break_before(text, _REPORT_AT, "\n", _report_glued, 1)


def _report_glued(text: str, at: int) -> bool:
    return text[at - 1].isalpha() and text.startswith(_REPORTERS, at + len(_REPORT_AT))


# «به‌گزارش», «بهگزارش»: the lead-in with a half-space, or with none once a copy dropped it
_HALF_SPACED_REPORT = re.compile(r"به\u200c?گزارش(?![^\W\d_]|\u200c)")


def _spaced_report(m: re.Match[str]) -> str:
    """«به گزارش» for the half-spaced or glued lead-in, unless the match ends another word."""
    at = m.start()
    glued = at > 0 and (m.string[at - 1].isalpha() or m.string[at - 1] == "\u200c")  # «تبهگزارش»: no lead-in
    return m.group() if glued else "به گزارش"


# «به گزارشامروله،»: the outlet glued to «به گزارش» (not «به گزارش‌های»، «گزارشی»، «گزارشگر»)
_GLUED_REPORT_NAME = re.compile(  # opens with the literal «گزارش», the regex engine scans for it
    r"گزارش(?=[^\W\d_])(?!ها|ات|گر|ی(?![^\W\d_]))"
    r"(?:(?<=(?<![^\W\d_])به گزارش)|(?<=(?<![^\W\d_])به\u200cگزارش)|(?<=(?<![^\W\d_])بهگزارش))"
)


# «سه ونیم در صد»: «درصد» written apart after a number (not «در صدد»)
_SPACED_PERCENT = re.compile(
    r"((?:[0-9۰-۹]|(?<![^\W\d_])و?(?:نیم|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد))"
    r"[ ]?)در صد(?![\w\u200c])"
)


# «… وهفت هزار …», «ودو میلیون»: «و» glued to the number word that opens a count
_GLUED_AND_NUMBER = re.compile(
    r"و(?<![^\W\d_\u200c]و)(?=(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه)[ \u200c]*(?:هزار|میلیون|میلیارد))"
)


# «۳۰ میلیاردریال», «۵۰ هزارخانوار»: a scale after a number glued to the unit it counts
_GLUED_SCALE_UNIT = re.compile(
    r"(هزار(?<=[0-9۰-۹ ]هزار)|میلیون(?<=[0-9۰-۹ ]میلیون)|میلیارد(?<=[0-9۰-۹ ]میلیارد))(?="
    + alternation(sorted(MONEY_UNITS | COUNT_UNITS - {"برابر", "طلا", "دست", "دوره", "عنوان"}))
    + r")"
)


# «۲۹۹نفردر مسیرهای …», «۷۵ نفرسایر»: a count's unit glued to the small word after it
_GLUED_UNIT_WORD = re.compile(
    r"(?:نفر(?:(?<=[0-9۰-۹]نفر)|(?<=[0-9۰-۹] نفر))|مورد(?:(?<=[0-9۰-۹]مورد)|(?<=[0-9۰-۹] مورد)))"
    r"(?=(?:در|و|از|به|با|را|سایر|هم|نیز)(?![\w\u200c]))"
)


# the Arabic thousands separator after a letter (not between digits) is a comma
_LETTER_THOUSANDS_SEP = re.compile(r"(?<=[^\W\d_])٬")


# «نور علیوندمدیرکل بهزیستی …»: a name glued to the post after it; «… را۱۳ مرکز اعلام کرد»: «را» to a number
_GLUED_NAME_POST = re.compile(r"(?:مدیرکل(?<=[^\W\d_]مدیرکل)|مدیرعامل(?<=[^\W\d_]مدیرعامل))(?=[ \u200c])")
_GLUED_BA = re.compile(r"با(?=[ ](?:بیان[ ]این|اشاره[ ]به|تاکید[ ]بر|تأکید[ ]بر))")  # opens with a literal: fast


def _unglued_ba(m: re.Match[str]) -> str:
    """«با» glued after three letters of another word (not «زیبا») is written apart."""
    before = m.string[max(0, m.start() - 3) : m.start()]
    glued = len(before) == 3 and all(c.isalpha() for c in before) and not before.endswith("زی")
    return " با" if glued else "با"


_GLUED_RA_NUMBER = re.compile(r"را(?<![\w\u200c]را)(?=[0-9۰-۹])")


# «'رضا همتی' روز دوشنبه …»: Persian words between ASCII or curly single quotes are a quoted name or phrase
_SINGLE_QUOTED = re.compile(r"['‘’ˈ]([\u0600-\u06ff][^'‘’ˈ\n]{1,40}?)[ ]?['‘’ˈ]")  # «ˈNAME ˈ» too


_SLASH_DATE = rf"{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{2,4}}"  # «01/09/76», «13/12/86»
_WIRE_DATE = (
    rf"(?:{_SLASH_DATE}|{_D}{{1,2}}[ ](?:{_JALALI_MONTHS})[ ]{_D}{{2,4}}"
    rf"(?:[ ]برابر[ ]با[ ][^\s]+[ ][^\s]+[ ]{_D}{{4}})?)"
)
_WIRE_CITY = r"(?P<city>[^\s#،,\-]{2,20})[ ]?[،,\-]?[ ]*"  # «تهران - », «تهران، », «بوشهر »
_IRNA_NAME = r"خبرگزاری[ ]جمهوری[ ]اسلامی"
# «TITLE # تهران - ایرنا 12 آبان 1375 برابر با دوم نوامبر 1996 ROLE گفت»: the wire's header between title and lead
_WIRE_HEADER = re.compile(rf"[ ]#[ ]{_WIRE_CITY}(?:ایرنا|{_IRNA_NAME})[ ]*-?[ ]*(?:{_WIRE_DATE}[ ]*)?")
# the same header opening a line, with the wire's desk codes run together by dots after its date
_WIRE_LINE = re.compile(rf"^{_WIRE_CITY}{_IRNA_NAME}[ ]*-?[ ]*{_SLASH_DATE}[ ]*(?:[^\s.]+(?:\.[^\s.]+)+[ ]+)?", re.M)


def _wire_headers(text: str) -> str:
    """An archived IRNA wire's header as today's dateline («CITY - ایرنا - »): after the title on its line,
    or opening a line with the desk's codes («شهرکرد، خبرگزاری جمهوری اسلامی 13/12/86 داخلی.اجتماعی …»)."""
    if " # " in text:
        text = _WIRE_HEADER.sub("\n\\g<city> - ایرنا - ", text)
    if "خبرگزاری جمهوری اسلامی" in text and "/" in text:
        text = _WIRE_LINE.sub("\\g<city> - ایرنا - ", text)
    return text


def _report_lead_ins(text: str) -> str:
    """«به گزارش» glued to the title before it, written with a half-space or none, or glued to the outlet."""
    text = _unglue_report(text)
    if "به\u200cگزارش" in text or "بهگزارش" in text:  # rare: a cheap test before the regex
        text = _HALF_SPACED_REPORT.sub(_spaced_report, text)
    return _GLUED_REPORT_NAME.sub("گزارش ", text) if "گزارش" in text else text


_GLUED_CLOSE = re.compile(rf"\)(?={PERSIAN_LETTER})")


def _split_glued(text: str) -> str:
    """Words a page or a copy glued together, split: a title to a dateline, a lead or a role heading, a
    report lead-in or «گفت:» to the word before it, «تصریح/اظهار …» to its post."""
    if _has_glued_dateline(text):
        text = _GLUED_DATELINE.sub(_unglue, text)
    text = _GLUED_LEAD.sub(" \\1\n", text)
    text = _wire_headers(text)
    if ":" in text:
        text = _unglue_headings(text)
    text = _report_lead_ins(text)
    if "در صد" in text:
        text = _SPACED_PERCENT.sub("\\1درصد", text)
    if "هزار" in text or "میلیون" in text or "میلیارد" in text:
        text = _GLUED_SCALE_UNIT.sub("\\1 ", _GLUED_AND_NUMBER.sub("و ", text))
    if "مدیرکل" in text or "مدیرعامل" in text:
        text = _GLUED_NAME_POST.sub(" \\g<0>", text)
    text = _GLUED_RA_NUMBER.sub("را ", text)
    if "با بیان" in text or "با اشاره" in text or "با تاکید" in text or "با تأکید" in text:
        text = _GLUED_BA.sub(_unglued_ba, text)  # «رئیس جمعیت هلال احمر کشوربا بیان اینکه»
    if ")" in text:
        text = _GLUED_CLOSE.sub(") ", text)  # «کمیته امداد امام خمینی(ره)ایرانشهر»: a word glued after a bracket
    if "٬" in text:
        text = _LETTER_THOUSANDS_SEP.sub("،", text)  # «منوچهر ورناصری٬ فرماندار …»: a comma typed as «٬»
    if " و و " in text:
        text = text.replace(" و و ", " و ")  # «۶ هزار و و ۶۶۹»: «و» typed twice
    if "نفر" in text or "مورد" in text:
        text = _GLUED_UNIT_WORD.sub("\\g<0> ", text)
    if "گفت:" in text or "گفت :" in text:
        text = _unglue_said(text)
    return _GLUED_VERB.sub(" ", text) if _has_glued_verb(text) else text


def _without_channel_header(lines: list[str]) -> list[str]:
    """A Telegram channel page's header (`NAME`, `1.41K subscribers`, `10.1K photos`, …, the channel's
    description, `Download Telegram`) is not the post: it goes, and so do the channel's name printed
    over each post and the player's notices."""
    at = next((i for i, line in enumerate(lines[:MAX_HEADER_LINES]) if _CHANNEL_COUNTER.match(line)), None)
    if at is None:
        return lines
    start = at - 1 if at and not _CHANNEL_COUNTER.match(lines[at - 1]) else at
    name = lines[start].strip() if start < at else None
    download = next((i for i in range(at, min(len(lines), at + MAX_HEADER_SPAN)) if _DOWNLOAD.match(lines[i])), None)
    rest = lines[download + 1 :] if download is not None else lines[start + 1 :]
    return lines[:start] + [
        line
        for line in rest
        if line.strip() != name and not _CHANNEL_COUNTER.match(line) and not _CHANNEL_PLAYER.match(line)
    ]


_CHANNEL_COUNTER = re.compile(
    r"^\s*(?:[0-9.,]+[KkMm]?\s+(?:subscribers?|members?|photos?|videos?|files?|links?)|Download Telegram"
    r"|View in Telegram|Preview channel|Join channel"
    r"|[0-9۰-۹.,٫]+[ ]?(?:هزار|میلیون)?[ ]*(?:دنبال[ \u200c]?کننده|عضو|عکس|ویدیو|ویدئو|فایل|لینک)|مشاهده در ایتا)\s*$",
    re.IGNORECASE,
)  # an Eitaa channel page: «1.2هزار دنبال‌کننده», «8.8هزار عکس», «64 فایل», «مشاهده در ایتا», «دانلود»
_DOWNLOAD = re.compile(r"^\s*(?:Download Telegram|دانلود)\s*$", re.IGNORECASE)
_CHANNEL_PLAYER = re.compile(r"^\s*(?:Photo|Video|This media is not supported in your browser)\s*$", re.IGNORECASE)
MAX_HEADER_LINES = 4  # the counters follow the channel's name at the top of the page
MAX_HEADER_SPAN = 20  # the channel's description runs from the counters to «Download Telegram»


def _after_listed_stories(raws: list[str]) -> list[str]:
    """The page without the list of other stories' titles that opens it, one bulleted line each
    («- مصدومیت ۷ نفر در …», «- انجام مذاکره …»), when the story itself follows unbulleted."""
    listed = 0
    for raw in raws:
        stripped = raw.strip()
        if not stripped:
            continue
        if not _LISTED_STORY.match(stripped):
            break
        listed += 1
    else:
        return raws  # every line is bulleted: a list is the text
    if listed < MIN_LISTED_STORIES:
        return raws
    seen = 0
    for i, raw in enumerate(raws):
        seen += bool(raw.strip())
        if seen == listed:
            return raws[i + 1 :]
    return raws


_LISTED_STORY = re.compile(r"^[-–—•][ ]+[^:\n]{8,140}$")  # a title: no colon (a transcript's «– NAME: …»)
MIN_LISTED_STORIES = 3


def layout_lines(text: str) -> list[str]:
    """The lines of normalized text with bullets, debris, stamps and leading bullets undone."""
    if _MAYBE_EMOJI.search(text):  # emoji are rare: a cheap scan decides
        text = _EMOJI.sub("\n", text)
    if "\\n" in text:
        text = text.replace("\\r", "").replace("\\n", "\n")
    text = _split_glued(text)
    if "'" in text or "‘" in text or "’" in text or "ˈ" in text:
        text = _SINGLE_QUOTED.sub("«\\1»", text)
    latin = _LATIN_LETTER.search(text) is not None  # without Latin letters no line is debris
    widget = latin and "ADA" in text  # a government portal's accessibility box: its help text is no story
    login = "رمز عبور" in text  # a blog's login and newsletter box
    out: list[str] = []
    raws = _strip_debris(text).split("\n")
    first = raws[0].lstrip()[:1]
    if first and first in "-–—•":
        raws = _after_listed_stories(raws)
    if latin or "دنبال" in text:
        raws = _without_channel_header(raws)
    for raw in raws:
        line = " ".join(raw.split()) if "  " in raw or raw[:1] == " " or raw[-1:] == " " else raw
        if not line or (latin and _is_debris(line)) or (line[-1] in _COUNTER_ENDS and _COUNTER.fullmatch(line)):
            continue
        if (widget and _ACCESS_WIDGET.match(line)) or (login and _LOGIN_FORM.match(line)):
            continue
        line = _undecorated(line, raw)
        if line:
            out.extend(
                _split_trailing_role(line) if line[-1] == ":" and line.count(" ") >= MIN_GLUED_TITLE_WORDS else [line]
            )
    return _split_titled_lead(_without_excerpt_title(_unwrap(_hard_wrapped(out))))


def _without_excerpt_title(lines: list[str]) -> list[str]:
    """«TITLE به گزارش … […]» over «TITLE» and the post: an excerpt (a CMS's summary box, a feed's
    description) runs the title into its lead's lead-in: the two are split."""
    if len(lines) < 2 or len(lines[0]) < MIN_EXCERPT_CHARS:
        return lines
    for title in lines[1:EXCERPT_TITLE_LINES]:
        lead = lines[0][len(title) :].strip() if lines[0].startswith(title + " ") else ""
        if lead.startswith(REPORT_OPENERS) and len(title.split()) <= MAX_RUN_TITLE_WORDS:
            return [title, lead, *lines[1:]]
    return lines


MIN_EXCERPT_CHARS = 80
EXCERPT_TITLE_LINES = 4


def _hard_wrapped(lines: list[str]) -> list[str]:
    """A page hard-wrapped at a fixed width (a plain-text copy, a PDF's lines): most of its long lines
    are about as long as the widest and stop mid-sentence; each such line goes on in the next."""
    long = sorted(len(line) for line in lines if len(line) >= MIN_WRAP_CHARS)
    if len(long) < MIN_WRAP_PAGE_LINES:
        return lines
    width = long[len(long) * 3 // 4]
    if sum(WRAP_LOW * width <= n <= WRAP_HIGH * width for n in long) < WRAP_SHARE * len(long):
        return lines  # paragraphs of any length: no fixed width
    cut = {i for i, line in enumerate(lines[:-1]) if i and _wrapped_at(line, width) and _goes_on(lines[i + 1])}
    if len(cut) < MIN_WRAPPED_LINES or 2 * len(cut) < len(long):
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in cut:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _goes_on(line: str) -> bool:
    """A line that may continue the one before: it opens with a letter and with no label («ساعت: …»)."""
    return line[:1].isalpha() and ":" not in line[:MAX_LABEL_CHARS]


MAX_LABEL_CHARS = 12


def _wrapped_at(line: str, width: int) -> bool:
    """A line as wide as the page's wrap that stops with no sentence end or comma."""
    return WRAP_LOW * width <= len(line) <= WRAP_HIGH * width and line[-1] not in _SENTENCE_STOPS


MIN_WRAP_CHARS = 40
MIN_WRAP_PAGE_LINES = 6  # long lines a page needs before its width can be told
MIN_WRAPPED_LINES = 4
WRAP_SHARE = 0.6  # of the long lines, this share or more sit at the page's width
WRAP_LOW, WRAP_HIGH = 0.8, 1.1  # a wrapped line's length against the page's width (its 75th percentile)
_SENTENCE_STOPS = frozenset(_LINE_END_STOPS + "،")


def _split_titled_lead(lines: list[str]) -> list[str]:
    """«ورود … واکسن به استان زنجان به گزارش رسانه خبری …، ROLE گفت: …»: the first line is the title
    run into the lead with only a space; the lead starts at its lead-in."""
    if not lines or _SPACED_REPORT_AT not in lines[0]:
        return lines
    head, _, lead = lines[0].partition(_SPACED_REPORT_AT)
    words = head.split()
    if not MIN_RUN_TITLE_WORDS <= len(words) <= MAX_RUN_TITLE_WORDS or "،" in head or head[-1:] in ".:؛!؟":
        return lines
    if not lead.startswith((*_REPORTERS, "رسانه")) or words[-1] in _PLAIN_VERBS or "،" not in lead[:MAX_LEADIN_CHARS]:
        return lines
    return [head, f"{_REPORT_AT}{lead}", *lines[1:]]


_SPACED_REPORT_AT = f" {_REPORT_AT}"
MIN_RUN_TITLE_WORDS = 4
MAX_RUN_TITLE_WORDS = 20
MAX_LEADIN_CHARS = 60  # «به گزارش رسانه خبری هاریکا از اخبار زنجان ،»: the lead-in ends at a comma soon


# the accessibility box of government portals (ADA): «این سایت مطابق با استانداردهای ADA …», its buttons
_ACCESS_WIDGET = re.compile(r"^(?:این سایت مطابق با استاندارد?های ADA|بستن این پنجره$|راهنما$|ADA$)")


# a blog's login and newsletter box: «نام کاربری», «رمز عبور», «:: فراموشی رمز عبور؟», «عضویت سریع» …
_LOGIN_FORM = re.compile(
    r"^:*[ ]*(?:عضو شوید|نام کاربری|رمز عبور|فراموشی رمز عبور[؟?]?|عضویت سریع|تکرار رمز(?: عبور)?|ایمیل|کد تصویری"
    r"|ورود|ثبت نام|مرا به خاطر بسپار)$|^برای اطلاع از آپ\S* شدن (?:وبلاگ|سایت)"
)


def _crumb_title(line: str) -> str:
    """«اخبار > کارنامه اعتباربخشی بیمارستان ها»: sections of a word or two, then the page's title (a
    line of sections only, «استانها > سمنان», stays whole)."""
    *crumbs, last = line.split(" > ")
    if len(last.split()) >= MIN_CRUMB_TITLE_WORDS and all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs):
        return last.strip()
    return line


MIN_CRUMB_TITLE_WORDS = 3
MAX_CRUMB_WORDS = 3


def _undecorated(line: str, raw: str) -> str:
    """One line without its stamp, list number, bullet, breadcrumb or bold markup."""
    if line[0] in _STAMP_STARTS:
        line = _NUMBERED.sub("", strip_stamp(line), count=1)
    if line[:1] in _BULLETS:
        line = strip_bullet(line).strip()
    if line[:1] == "." and _MISPLACED_STOP.match(line):
        line = line[1:]  # «.ساخت و بهسازی روستا …»: a title's full stop an RTL editor put in front
    if "››" in line:
        line = line.rpartition("››")[2].strip()  # «پرتال … ›› اخبار ›› TITLE»: a breadcrumb ends with the page
    elif " > " in line:
        line = _crumb_title(line)
    if line[-1:] == "*" and "*" in raw[:4]:
        line = line.rstrip("* ")  # «*واژگونی اتوبوس …*»: a post's bold markup around its headline
    if "-" in line and " " not in line and _SLUG_LINE.fullmatch(line):
        line = line.replace("-", " ")  # «جهاد-ادامه-دارد؛-توزیع-…»: the title printed as its slug
    return line


_SLUG_LINE = re.compile(rf"{PERSIAN_LETTER}[^\s/.:]*(?:-[^\s/.:-]+){{3,}}")
