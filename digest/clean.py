"""Turn an article page, feed content or plain text into normalized body paragraphs.

Removes HTML (tags, entities, scripts, styles), site chrome and boilerplate: a leading language
switch ("English"), comment-policy lines, "ارسال نظر", "مهمترین/آخرین اخبار", "پربازدیدترین",
"اخبار مرتبط", "انتهای پیام", news codes, view counts and related-story teasers. Everything after
the first end-of-article marker is dropped (unless «انتهای پیام» only closed the lead and «وی …» quotes
on). The layout pass (`digest.layout`: emoji bullets, markup
debris, date stamps, dash bullets) runs first. Imports only `digest.layout`, `digest.normalize` and
`digest.textmatch`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from digest.jalali import WEEKDAY_PATTERN
from digest.layout import layout_lines
from digest.normalize import normalize_fa
from digest.textmatch import PERSIAN_LETTER, alternation

_HTML_HINT = re.compile(
    r"<(?:/?(?:p|div|br|span|a|b|i|strong|em|h[1-6]|li|ul|ol|article|section|body|html"
    r"|script|style|table|tr|td|img|figure|header|footer|nav)\b|!--)",
    re.I,
)
# A «<» whose tag never closes before the next «<»: text, not markup. html.parser rescans such
# an open tag on every later «<», which is quadratic («<a <a <a …» took minutes).
_UNCLOSED_LT = re.compile(r"<(?=[^<>]*(?:<|\Z))")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table article section header footer blockquote figure "
    "figcaption pre hr title dd dt dl".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg iframe head nav form button select".split())

# Lines from here on are site chrome, not article text (end-of-article markers).
_END_MARKERS = [
    "آیا این خبر مفید بود",
    "دیدگاه های ارسال شده",
    "دیدگاه ها",
    "نظرات کاربران",
    "ارسال نظر",
    "نظر شما",
    "پیام هایی که",
    "مهمترین اخبار",
    "مهم ترین اخبار",
    "آخرین اخبار",
    "پربازدیدترین",
    "پربیننده ترین",
    "اخبار مرتبط",
    "خبرهای مرتبط",
    "مطالب مرتبط",
    "انتهای پیام",
    "برچسب ها",
    "کلید واژه ها",
    "اشتراک گذاری",
]
# Single lines that are chrome wherever they occur (short lines only).
_LINE_MARKERS = [
    "کد خبر",
    "کد خبرنگار",
    "کد مطلب",
    "شماره خبر",
    "به روز شده",
    "بروز شده",
    "به روزرسانی",
    "بروزرسانی",
    "آرشیو",
    "سایر زبان ها",
    "شناسه خبر",
    "تعداد بازدید",
    "زمان مطالعه",
    "بیشتر بخوانید",
    "بخوانید",
    "لینک کوتاه",
    "نسخه چاپی",
    "ارسال به دوستان",
    "اشتراک",
    "تاریخ انتشار",
    "پخش زنده",
    "بسمه تعالی",
    "بسم الله الرحمن الرحیم",
    "به نام خدا",
    "رفتن مستقیم به محتوا",  # a page's «skip to content» link
    "پرش به محتوا",
    "پرش به محتوای اصلی",
    "رفتن به محتوا",
    "رفتن به محتوای اصلی",  # Drupal's «Skip to main content»
    "کد QR",  # «کد QR مطلب», «دریافت صفحه با کد QR»: the page's QR-code box
    "دریافت صفحه با کد",
    "دسته بندی خبر ها",  # a news module's labels over the story: «نمایش خبر ها», «دسته بندی خبر ها»
    "دسته بندی اخبار",
    "نمایش خبر ها",
    "بازگشت به صفحه نخست",  # a static page's «back to the home page» link
    "بازگشت به صفحه اصلی",
    "خطا در بارگذاری تصویر",  # a broken image's notice where the photo was
    "خطا در بارگذاری ویدیو",
]
# Credit lines, chrome only when the word is followed by a colon ("منبع: ایرنا").
_CREDIT_MARKERS = ["منبع", "عکس", "عکاس", "خبرنگار", "نویسنده", "ترجمه", "گزارش", "تنظیم"]
_END = re.compile(r"^[\W\d_]*" + alternation(_END_MARKERS))
# «بازدید: ۱۲۳», «۴۵ بازدید», «بازدید امروز : ۳۰ نفر»: a view counter; «بازدید استاندار از …» opens a headline
_VIEWS = r"بازدید(?=[ ]*(?:(?:امروز|دیروز|کل|این[ ]ماه|ماه|هفته|سال)[ ]*)?(?::|[0-9۰-۹]|$))"
# «این مطلب ۵۱۴ بار خوانده شده», «۱ مطلب در تیر ۱۳۹۳ ثبت شده است»: a post's read counter, a blog archive's count
_COUNTERS = (
    r"این[ ]+مطلب[ ]+[0-9۰-۹]+[ ]+بار[ ]+(?:خوانده|دیده|مشاهده)[ \u200c]*شده"
    r"|(?<![0-9۰-۹])[0-9۰-۹]+[ ]+مطلب[ ]+(?:در|با)[ ][^.!؟]{2,60}[ ]ثبت[ \u200c]*شده[ ]+است[ ]*$"
)
# a WordPress date widget («امروز : جمعه - ۱۵ فروردین - ۱۴۰۴», «برابر با : Friday - 3 May …»; with no Jalali
# plugin «امروز : افزونه جلالی را نصب کنید.») and its visitor counter («کل 3087 امروز 0»)
_WIDGETS = rf"امروز[ ]*:[ ]*(?:افزونه|{WEEKDAY_PATTERN})|برابر[ ]با[ ]*:|کل[ ]+[0-9۰-۹]+[ ]+امروز[ ]+[0-9۰-۹]+"
_CHROME = re.compile(
    r"^[\W\d_]*(?:"
    + alternation(_LINE_MARKERS)
    + r"(?![\w\u200c])|"
    + alternation(_CREDIT_MARKERS)
    + r"\s*:|"
    + _VIEWS
    + "|"
    + _COUNTERS
    + "|"
    + _WIDGETS
    + ")"
)
_STAMP = re.compile(r"^[\W\d_]*(?:کد[ ]خبر|کد[ ]مطلب|شناسه[ ]خبر|شماره[ ]خبر|تاریخ[ ]انتشار)[ ]*:[ ]*[0-9۰-۹]")
_TAIL_MARKER = re.compile(r"[\s/]*(?:انتهای[ \u200c]*پیام|پایان[ \u200c]*پیام)[\s/.]*$")
_TAIL_WORD = "پیام"  # in every tail marker
# «TITLE مشاهده در قالب پی دی اف چاپ فرستادن به ایمیل»: a CMS's buttons run into the title's line
_TAIL_BUTTONS = re.compile(
    r"[ ]*(?:مشاهده[ ]در[ ]قالب[ ]+(?:پی[ ]?دی[ ]?اف|PDF)[ ]*)?(?:چاپ[ ]*)?"
    r"(?:فرستادن|ارسال)[ ]به[ ](?:ایمیل|پست[ ]الکترونیک)[ ]*$",
    re.I,
)
_MAIL_WORDS = ("ایمیل", "الکترونیک")
_ARABIC_LETTER = re.compile(PERSIAN_LETTER)
_WORDS = re.compile(r"\S+")

MAX_CHROME_WORDS = 8  # a chrome line is short: "کد خبر: ۱۲۳۴۵"; "بیشتر بخوانید: …" teasers go whole
MAX_END_WORDS = 14  # an end marker heads a short line ("دیدگاه ها" may also open a real sentence)
MIN_BODY_WORDS = 8  # a line this long is article text, not page-top chrome («۲ نفر», «T T»)
MIN_LISTED = 3  # other stories' titles listed above a page stamp (fewer: the story's own kicker and title)
MAX_STAMP_WORDS = 24
MIN_MENU_ITEMS = 5  # a menu's items over a page stamp: one to four words each
MAX_MENU_WORDS = 4
MAX_TITLE_WORDS = 16


class _TextExtractor(HTMLParser):
    """Collect visible text, one line per block element, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment or page; block elements become line breaks."""
    parser = _TextExtractor()
    parser.feed(_UNCLOSED_LT.sub("&lt;", markup))
    parser.close()
    return "".join(parser.parts)


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (tags or comments), not just a stray `<`."""
    return _HTML_HINT.search(text) is not None


def _is_chrome(line: str) -> bool:
    """A short chrome or credit line; a question («خبرنگار: برنامه چیست؟») belongs to a transcript. A
    date widget's line may run longer («برابر با : ۳ - ربیع ثانی - ۱۴۴۶»: a Hijri month in two words)."""
    m = _CHROME.match(line)
    if m is None or line.endswith(("؟", "?")):
        return False
    words = len(_WORDS.findall(line))
    return words <= MAX_CHROME_WORDS or (words <= MAX_WIDGET_WORDS and _WIDGET_LINE.match(line) is not None)


_WIDGET_LINE = re.compile(r"^[\W\d_]*(?:" + _WIDGETS + ")")
MAX_WIDGET_WORDS = 12


def _is_end(line: str) -> bool:
    return _END.match(line) is not None and len(_WORDS.findall(line)) <= MAX_END_WORDS


def _drop_leading_foreign(lines: list[str]) -> list[str]:
    start = 0
    while start < len(lines) and not _ARABIC_LETTER.search(lines[start]):
        start += 1
    return lines[start:]


def clean_lines(lines: list[str]) -> list[str]:
    """Drop chrome lines; stop at the first end-of-article marker once a paragraph of body text has
    been seen (a tag list or «برچسب‌ها» in the page top is skipped)."""
    kept: list[str] = []
    body_seen = False  # an end marker counts only after a paragraph of article text
    stamp_at = None  # where a page stamp («کد خبر: … | تاریخ انتشار: …») followed a list of other stories
    lines = _drop_leading_foreign(lines)
    for at, line in enumerate(lines):
        if _is_end(line):
            if body_seen and not _story_goes_on(line, lines[at + 1 :]) and not _top_menu(kept, lines[at + 1 :]):
                break
            continue
        if _is_stamp(line):
            if stamp_at is None and len(kept) >= MIN_LISTED:
                stamp_at = len(kept)
            continue
        if _is_chrome(line) or (_STREET in line and _is_address(line)):
            continue
        if _TAIL_WORD in line:  # cheap test before the regex, which is tried at every position
            line = _TAIL_MARKER.sub("", line)
        if line.rstrip().endswith(_MAIL_WORDS):  # cheap test before the regex
            line = _TAIL_BUTTONS.sub("", line)
        line = line.strip()
        if line and _ARABIC_LETTER.search(line):
            kept.append(line)
            body_seen = body_seen or line.endswith(_STOPS) or len(_WORDS.findall(line)) >= MIN_BODY_WORDS
    return _after_listed(kept, stamp_at) if stamp_at is not None else kept


def _story_goes_on(line: str, rest: list[str]) -> bool:
    """«انتهای پیام» after the lead, then «وی …» quoting on: the marker closed a summary, not the story."""
    after = next((x.strip() for x in rest if x.strip()), "")
    return _TAIL_MARKER.fullmatch(line) is not None and after.startswith(_GOES_ON)


_GOES_ON = ("وی ", "او ", "ایشان ")


def _top_menu(kept: list[str], rest: list[str]) -> bool:
    """«آخرین اخبار» in the page's top menu, under a site's tagline or the title: little kept so far and no
    sentence ended with a full stop, and a paragraph of the story in the lines that follow (a list of
    other stories' titles has none)."""
    words = sum(len(_WORDS.findall(line)) for line in kept)
    if words > MAX_TOP_WORDS or any(line.endswith(".") for line in kept):
        return False
    after = [x for x in rest[:MENU_LOOKAHEAD] if x.strip()]
    return any(len(_WORDS.findall(x)) >= MIN_PARAGRAPH_WORDS and x.rstrip().endswith(_STOPS) for x in after)


_STOPS = (".", "!", "؟")
MAX_TOP_WORDS = 30  # a tagline or a title over the menu; more is the story
MENU_LOOKAHEAD = 12  # lines searched after the marker for the story's first paragraph
MIN_PARAGRAPH_WORDS = 20


def _is_address(line: str) -> bool:
    """A postal address in the page's footer (`قائمشهر، میدان …، خیابان …، روبروی خیابان عدالت ۳۵`)."""
    return len(_ADDRESS_WORDS.findall(line)) >= MIN_ADDRESS_WORDS and len(_WORDS.findall(line)) <= MAX_ADDRESS_WORDS


_STREET = "خیابان"  # in every address worth dropping: a cheap test first
_ADDRESS_WORDS = re.compile(
    r"(?<![\w\u200c])(?:خیابان|میدان|بلوار|کوچه|پلاک|روبروی|نبش|کدپستی|کد[ ]پستی)(?![\w\u200c])"
)
MIN_ADDRESS_WORDS = 3
MAX_ADDRESS_WORDS = 25


def _is_stamp(line: str) -> bool:
    """A page stamp longer than a chrome line: `کد خبر: ۵۷۳۶۲ | تاریخ انتشار: … | بدون نظر`."""
    return _STAMP.match(line) is not None and len(_WORDS.findall(line)) <= MAX_STAMP_WORDS


def _after_listed(kept: list[str], stamp_at: int) -> list[str]:
    """The article after its page stamp when only a list of other stories' titles came before it
    (one short line each) and a title then a lead follow it: the story starts at the stamp."""
    listed, rest = kept[:stamp_at], kept[stamp_at:]
    if rest and len(listed) >= MIN_MENU_ITEMS and all(len(_WORDS.findall(line)) <= MAX_MENU_WORDS for line in listed):
        return rest  # a site menu («اجتماعی», «شعب استانی», «کرمانشاه», …) over the story
    if len(rest) < 2 or not _is_title_line(rest[0]) or _is_title_line(rest[1]):
        return kept
    return rest if all(_is_title_line(line) for line in listed) else kept


def _is_title_line(line: str) -> bool:
    return len(_WORDS.findall(line)) <= MAX_TITLE_WORDS and not line.endswith((".", "!", ":"))


def clean_text(raw: str) -> tuple[str, ...]:
    """Normalized, boilerplate-free paragraphs of an article given as plain text or HTML."""
    text = html_to_text(raw) if looks_like_html(raw) else html.unescape(raw) if "&" in raw else raw
    return tuple(clean_lines(layout_lines(normalize_fa(text))))
