"""Every Persian string khabar shows a chat user, keyed by name. Nothing else holds user-facing text.

Texts are Telegram HTML (ParseMode.HTML). Placeholders `{name}` are filled by `fmt`, which escapes
every value, so a province or keyword a user typed can never break the markup; it also drops
control characters and bidi overrides from values (an echoed word cannot reorder the rest of the
reply) and cuts a value at MAX_VALUE characters, so an echo of a huge message stays within
Telegram's 4096. Numbers shown to users are written with Persian digits (`fa_digits`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from digest import to_persian_digits

# --- commands as shown by Telegram's menu (setMyCommands) -------------------------------------------

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "شروع و معرفی"),
    ("help", "راهنمای فرمان‌ها"),
    ("subscribe", "اشتراک خبرهای اجتماعی (همه، یا استان و موضوع)"),
    ("unsubscribe", "لغو اشتراک (همه، یا استان و موضوع)"),
    ("mysubs", "این گفتگو چه خبرهایی می‌گیرد"),
    ("latest", "آخرین خبرها، همین حالا"),
    ("mode", "فوری یا خلاصهٔ روزانه"),
    ("quiet", "ساعت‌های سکوت"),
    ("filter", "فیلتر کلمه‌ها (+کلمه −کلمه)"),
    ("search", "جستجو در خبرهای بایگانی"),
    ("figures", "آخرین آمارها دربارهٔ یک موضوع"),
    ("weekly", "عددهای هفته: on / off"),
)
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("sources", "فهرست منبع‌ها و وضعیتشان"),
    ("addsource", "افزودن منبع: URL استان [نام]"),
    ("removesource", "حذف منبع"),
    ("resumesource", "ادامهٔ منبع متوقف‌شده"),
    ("stats", "آمار ربات"),
    ("channel", "کانال‌ها: add / list / remove"),
)

# --- welcome and help -----------------------------------------------------------------------------------

START = (
    "سلام! من <b>خبر</b> هستم.\n"
    "خبرهای اجتماعی استان‌ها را از خبرگزاری‌ها می‌خوانم و هر خبر را در چند خط خلاصه می‌کنم: "
    "چه کسی چه گفت، عددهای مهم، کجا و از کدام منبع.\n\n"
    "برای شروع بنویسید /subscribe تا همهٔ خبرهای اجتماعی را بگیرید، "
    "یا مثلاً <code>/subscribe خوزستان</code> فقط برای یک استان.\n"
    "راهنمای کامل: /help"
)

HELP = (
    "<b>فرمان‌ها</b>\n"
    "/subscribe — همهٔ خبرهای اجتماعی\n"
    "<code>/subscribe خوزستان کرمان</code> — فقط این استان‌ها\n"
    "<code>/subscribe طلاق اعتیاد</code> — فقط این موضوع‌ها\n"
    "/unsubscribe — لغو همه؛ <code>/unsubscribe کرمان</code> — حذف یک استان\n"
    "/mysubs — اشتراک این گفتگو\n"
    "<code>/latest 5</code> — پنج خبر آخر، همین حالا\n"
    "<code>/mode instant</code> — هر خبر همان لحظه (پیش‌فرض)\n"
    "<code>/mode daily 08:30</code> — یک خلاصه در روز، ساعت ۰۸:۳۰ به وقت {zone}\n"
    "<code>/mode grouped</code> — چند خبرِ هم‌زمان در یک پیام فشرده (پیش‌فرض)؛ "
    "<code>/mode single</code> — هر خبر در پیامی جدا\n"
    "<code>/quiet 23:00-07:00</code> — در این ساعت‌ها پیامی نفرست؛ بعد یکجا بفرست. "
    "<code>/quiet off</code> برای برداشتن\n"
    "<code>/filter +کودک -فوتبال</code> — فقط خبرهای دارای «کودک» و بدون «فوتبال»؛ "
    "<code>/filter clear</code> برای پاک کردن\n"
    "<code>/search خوزستان طلاق</code> — جستجو در خبرهای {archive_days} روز گذشته\n"
    "<code>/figures طلاق خوزستان</code> — آخرین آمارها: عدد، گوینده، منبع، تاریخ\n"
    "<code>/weekly on</code> — «عددهای هفته» هر شنبه ساعت ۰۹:۰۰؛ "
    "<code>/weekly on جمعه 18:00</code>، <code>/weekly off</code>\n\n"
    "در گروه‌ها فقط مدیران گروه اشتراک را تغییر می‌دهند. "
    "اگر در یک تاپیک گروه مشترک شوید، خبرها به همان تاپیک می‌آیند."
)

HELP_ADMIN = (
    "\n\n<b>فرمان‌های مدیر</b>\n"
    "/sources — فهرست منبع‌ها\n"
    "<code>/addsource https://example.ir/rss خوزستان نام منبع</code> — نشانی خوراک، "
    "یا نشانی صفحهٔ اصلی سایت تا خوراکش پیدا شود\n"
    "<code>/removesource شناسه</code>\n"
    "<code>/resumesource شناسه</code> — ادامهٔ منبعی که پس از خطاهای پیاپی متوقف شده\n"
    "/stats — آمار\n"
    "<code>/channel add @channel خوزستان daily 08:30</code> — ارسال به کانال "
    "(شما و ربات باید مدیر کانال باشید)؛ هر خبر یک پست، مگر با <code>grouped</code> در پایان فرمان\n"
    "<code>/channel list</code> · <code>/channel remove @channel</code>"
    "\n<code>/weekly @channel on جمعه 18:00</code> — «عددهای هفته» برای کانال"
)

# --- subscriptions --------------------------------------------------------------------------------------

ALL_NEWS = "همهٔ خبرهای اجتماعی"
EVERY_PROVINCE = "همهٔ استان‌ها"
EVERY_TOPIC = "همهٔ موضوع‌ها"
LIST_SEPARATOR = "، "

SUBSCRIBED_ALL = (
    "✅ این گفتگو حالا <b>همهٔ خبرهای اجتماعی</b> را می‌گیرد.\n"
    "برای محدود کردن به استان یا موضوع، دکمه‌ها را بزنید یا بنویسید: <code>/subscribe خوزستان</code>"
)
SUBSCRIBED = "✅ اشتراک به‌روز شد.\n📍 استان‌ها: {provinces}\n🏷 موضوع‌ها: {topics}"
UNKNOWN_TARGETS = (
    "این نام‌ها را نشناختم: {words}\n"
    "نام استان یا موضوع را بنویسید، مثلاً: <code>/subscribe خوزستان طلاق</code>\n"
    "موضوع‌ها: {topics}"
)
UNSUBSCRIBED = "اشتراک این گفتگو لغو شد. هر وقت خواستید، دوباره /subscribe بزنید."
UNSUBSCRIBED_SOME = "حذف شد: {removed}\n📍 استان‌ها: {provinces}\n🏷 موضوع‌ها: {topics}"
UNSUBSCRIBED_LAST = "حذف شد: {removed}. چیزی در اشتراک نماند، پس اشتراک لغو شد. برای شروع دوباره: /subscribe"
NOT_IN_SUBSCRIPTION = "این‌ها در اشتراک این گفتگو نبودند: {words}\nاشتراک فعلی: /mysubs"
CANNOT_NARROW_BY_REMOVING = (
    "این گفتگو همهٔ استان‌ها و موضوع‌ها را می‌گیرد. برای محدود کردن، نام‌هایی را که می‌خواهید بنویسید: "
    "<code>/subscribe خوزستان</code>"
)
NOT_SUBSCRIBED = "این گفتگو اشتراکی ندارد. برای شروع: /subscribe"

MYSUBS = (
    "<b>اشتراک این گفتگو</b>\n"
    "📍 استان‌ها: {provinces}\n"
    "🏷 موضوع‌ها: {topics}\n"
    "⏱ ارسال: {mode}\n"
    "🌙 سکوت: {quiet}\n"
    "🔎 فیلتر: {filters}"
)
MYSUBS_PAUSED = "\n⏸ ارسال متوقف است، چون ربات به این گفتگو دسترسی نداشت. با یک فرمان، دوباره فعال می‌شود."
MODE_INSTANT_LABEL = "فوری، هر خبر همان لحظه"
MODE_DAILY_LABEL = "خلاصهٔ روزانه، ساعت {time}"
MODE_GROUPED_LABEL = "؛ خبرهای هم‌زمان در یک پیام"
MODE_SINGLE_LABEL = "؛ هر خبر در پیامی جدا"
QUIET_NONE = "ندارد"
QUIET_LABEL = "از {start} تا {end}"
FILTERS_NONE = "ندارد"
FILTER_INCLUDE = "فقط با: {words}"
FILTER_EXCLUDE = "بدون: {words}"

# --- mode, quiet hours, filters -------------------------------------------------------------------------

MODE_INSTANT_SET = "⏱ از این پس هر خبر همان لحظه فرستاده می‌شود."
MODE_DAILY_SET = "⏱ از این پس هر روز ساعت {time} ({zone}) یک خلاصه فرستاده می‌شود."
MODE_GROUPED_SET = "🗂 از این پس چند خبری که با هم برسند، در یک پیام فشرده می‌آیند (تک‌خبرها همان کارت کامل)."
MODE_SINGLE_SET = "🗂 از این پس هر خبر در پیامی جدا فرستاده می‌شود، حتی وقتی چند خبر با هم برسند."
MODE_BAD = (
    "حالت را نفهمیدم.\n"
    "نمونه: <code>/mode instant</code> (فوری) یا <code>/mode daily 08:30</code> (خلاصهٔ روزانه ساعت ۸:۳۰)؛ "
    "<code>/mode grouped</code> (خبرهای هم‌زمان در یک پیام) یا <code>/mode single</code> (هر خبر جدا)"
)
BURST_TITLE = "📰 {count} خبر تازه"
QUIET_SET = "🌙 از {start} تا {end} پیامی فرستاده نمی‌شود؛ خبرهای این ساعت‌ها بعد از آن یکجا می‌آیند."
QUIET_OFF = "🌙 ساعت سکوت برداشته شد."
QUIET_BAD = "بازهٔ ساعت را نفهمیدم.\nنمونه: <code>/quiet 23:00-07:00</code> یا <code>/quiet off</code> برای برداشتن"
QUIET_EMPTY = "ساعت شروع و پایان سکوت نمی‌تواند یکی باشد. نمونه: <code>/quiet 23:00-07:00</code>"
FILTER_SET = "🔎 فیلتر به‌روز شد.\n{filters}"
FILTER_SHOW = (
    "🔎 فیلتر این گفتگو:\n{filters}\nتغییر: <code>/filter +کلمه -کلمه</code> · پاک کردن: <code>/filter clear</code>"
)
FILTER_CLEARED = "🔎 فیلترها پاک شد."
FILTER_BAD = (
    "فیلتر را نفهمیدم: {words}\n"
    "پیش از هر کلمه + (باید باشد) یا - (نباید باشد) بگذارید. نمونه: <code>/filter +کودک -فوتبال</code>"
)
FILTER_TOO_MANY = "حداکثر {max} کلمه در فیلتر جا می‌شود."

# --- latest ---------------------------------------------------------------------------------------------

LATEST_TITLE = "📰 آخرین خبرها"
LATEST_NONE = "هنوز خبری که به این گفتگو بخورد نیامده است."
LATEST_BAD = "تعداد را نفهمیدم. عددی بین ۱ و {max} بنویسید، مثلاً <code>/latest 5</code>"

# --- archive: search, figures, numbers of the week ---------------------------------------------------

SEARCH_EMPTY = "چه چیزی را جستجو کنم؟ نمونه: <code>/search خوزستان طلاق</code>"
SEARCH_TOO_LONG = "این جستجو خیلی بلند است. چند کلمه بنویسید، مثلاً <code>/search طلاق اهواز</code>"
SEARCH_STOP_WORDS = (
    "این کلمه‌ها برای جستجو کلی‌اند (مثل «و»، «در»، «از»). کلمه‌ای مشخص بنویسید، مثلاً <code>/search اعتیاد کرمان</code>"
)
SEARCH_NONE = "خبری با «{query}» در بایگانی پیدا نشد."
SEARCH_HEADER = "🔎 <b>{query}</b> — {total} خبر (صفحهٔ {page} از {pages})"
SEARCH_ITEM = "<b>{n}.</b> {headline}"
SEARCH_SPEAKER = "🗣 {who}"
SEARCH_FIGURE = "📊 <b>{value}</b> — {context}"
SEARCH_META = "📍 {where} · {source} · 🗓 {date}"
SEARCH_EXPIRED = "این جستجو دیگر در دسترس نیست؛ دوباره /search بزنید."
EVERY_PROVINCE_SHORT = "سراسری"
SOURCE_UNKNOWN = "منبع نامشخص"
BTN_PREV = "→ قبلی"
BTN_NEXT = "بعدی ←"

FIGURES_EMPTY = "دربارهٔ چه موضوعی؟ نمونه: <code>/figures طلاق خوزستان</code>"
FIGURES_NONE = "آماری دربارهٔ «{query}» در بایگانی پیدا نشد."
FIGURES_HEADER = "📊 <b>آخرین آمارها: {query}</b>"
FIGURE_LINE = "• <b>{value}</b> — {context} · {who}{source} · {date}"
FIGURE_WHO = "🗣 {who} · "

WEEKLY_TITLE = "📊 <b>عددهای هفته</b> — {start} تا {end}"
WEEKLY_NONE = "{title}\nاین هفته آمار تازه‌ای در خبرهای این گفتگو نبود."
WEEKLY_TOPIC = "\n<b>{topic}</b>"
WEEKLY_PROVINCE = "📍 {province}"
WEEKLY_LINE = "• <b>{value}</b> — {context} · {source} · {date}"
WEEKLY_ON = (
    "📊 «عددهای هفته» هر {day} ساعت {time} ({zone}) فرستاده می‌شود: آمارهای مهم هفته، "
    "به تفکیک موضوع و استان، هر کدام با منبعش."
)
WEEKLY_OFF = "📊 «عددهای هفته» خاموش شد."
WEEKLY_STATUS_ON = "📊 «عددهای هفته»: هر {day} ساعت {time} ({zone}). خاموش کردن: <code>/weekly off</code>"
WEEKLY_STATUS_OFF = "📊 «عددهای هفته» خاموش است. روشن کردن: <code>/weekly on</code> (هر شنبه ساعت ۰۹:۰۰)"
WEEKLY_BAD = (
    "نفهمیدم. نمونه‌ها: <code>/weekly on</code> (هر شنبه ۰۹:۰۰)، <code>/weekly on جمعه 18:00</code>، "
    "<code>/weekly off</code>"
)

# --- scheduled digests ------------------------------------------------------------------------------------

DAILY_TITLE = "🗞 خلاصهٔ خبرهای اجتماعی — {date}"
QUIET_TITLE = "🌙 خبرهای ساعت‌های سکوت"

# --- groups, admins, errors -------------------------------------------------------------------------------

GROUP_ADMINS_ONLY = "در گروه فقط مدیران گروه می‌توانند اشتراک را تغییر دهند."
ADMINS_ONLY = "این فرمان فقط برای مدیران ربات است."
UNKNOWN_COMMAND = "این فرمان را نمی‌شناسم. فهرست فرمان‌ها: /help"
PRIVATE_TEXT = "برای دیدن فرمان‌ها /help را بزنید."
APOLOGY = "متأسفیم، خطایی پیش آمد و کار انجام نشد. لطفاً کمی بعد دوباره امتحان کنید."
ADDED_TO_GROUP = "سلام! برای گرفتن خبرهای اجتماعی در این گروه، یکی از مدیران /subscribe بزند. راهنما: /help"
ERROR_NOTICE = "⚠️ خطا در khabar: <code>{error}</code>\n{where}"

# --- inline keyboards --------------------------------------------------------------------------------------

KB_PICK_PROVINCES = "استان‌هایی را که می‌خواهید انتخاب کنید (هیچ = همه):"
KB_PICK_TOPICS = "موضوع‌هایی را که می‌خواهید انتخاب کنید (هیچ = همه):"
BTN_TOPICS = "🏷 موضوع‌ها"
BTN_PROVINCES = "📍 استان‌ها"
BTN_DONE = "✔️ تمام"
BTN_CLEAR = "همه"
CHECKED = "✅ "
CB_SAVED = "ذخیره شد"
CB_EXPIRED = "این دکمه دیگر معتبر نیست؛ دوباره /subscribe بزنید."
CB_GROUP_ADMINS_ONLY = "فقط مدیران گروه می‌توانند اشتراک را تغییر دهند."

# --- admin: sources and stats ------------------------------------------------------------------------------

SOURCES_HEADER = "<b>منبع‌ها</b> ({count})"
SOURCE_LINE = "{status} <code>{id}</code> — {name} ({province})"
SOURCE_OK = "🟢"
SOURCE_FAILING = "🟠"
SOURCE_PAUSED = "🔴"
SOURCES_NONE = "هیچ منبعی تعریف نشده است."
SOURCES_UNAVAILABLE = "مدیریت منبع‌ها در این نسخه در دسترس نیست."
ADDSOURCE_BAD = (
    "نشانی و استان را بنویسید.\nنمونه: <code>/addsource https://example.ir/rss خوزستان خبرگزاری نمونه</code>"
)
ADDSOURCE_BAD_PROVINCE = "استان «{province}» را نشناختم. نمونه: <code>/addsource https://example.ir/rss خوزستان</code>"
ADDSOURCE_REJECTED = "منبع افزوده نشد: {reason}"
ADDSOURCE_OK = "✅ منبع <code>{id}</code> افزوده شد: {name} ({province}) — {items} خبر در خوراک."
ADDSOURCE_DISCOVERED = (
    "✅ نشانی {page} صفحهٔ وب بود، نه خوراک؛ خوراک آن را پیدا کردم و افزودم:\n"
    "منبع <code>{id}</code>: {name} ({province}) — {items} خبر در خوراک.\n"
    "خوراک: {feed}"
)
REMOVESOURCE_BAD = "شناسهٔ منبع را بنویسید. نمونه: <code>/removesource mojnews-khuzestan</code> (فهرست: /sources)"
REMOVESOURCE_OK = "منبع <code>{id}</code> حذف شد."
REMOVESOURCE_MISSING = "منبعی با شناسهٔ <code>{id}</code> نیست. فهرست: /sources"
RESUMESOURCE_BAD = "شناسهٔ منبع را بنویسید. نمونه: <code>/resumesource mojnews-khuzestan</code> (فهرست: /sources)"
RESUMESOURCE_OK = "▶️ منبع <code>{id}</code> دوباره فعال شد و همین حالا بررسی می‌شود."
RESUMESOURCE_NOT_PAUSED = "منبع <code>{id}</code> متوقف نیست."
SOURCE_PAUSED_NOTICE = (
    "⏸ منبع <code>{id}</code> ({name}) پس از {errors} خطای پیاپی متوقف شد و دیگر بررسی نمی‌شود.\n"
    "آخرین خطا: <code>{error}</code>\n"
    "پس از رفع مشکل، برای ادامه بنویسید: <code>/resumesource {id}</code>"
)

STATS = (
    "<b>آمار</b>\n"
    "گفتگوها: {chats} (خصوصی {private}، گروه {groups}، کانال {channels})\n"
    "متوقف: {paused} · روزانه: {daily}\n"
    "منبع‌ها: {sources}\n"
    "صف ارسال: {queued} پیام در {waiting} گفتگو\n"
    "یک ساعت اخیر: {sent} ارسال، {flood} بار محدودیت (۴۲۹)، {neterr} خطای شبکه، {rejected} پیام ردشده، "
    "{paused_now} توقف"
)
STATS_SOURCES = "{total} ({ok} سالم، {failing} با خطا، {paused} متوقف)"

# --- channels ----------------------------------------------------------------------------------------------

CHANNEL_BAD = (
    "نمونه‌ها:\n"
    "<code>/channel add @mychannel</code>\n"
    "<code>/channel add @mychannel خوزستان طلاق daily 08:30</code>\n"
    "<code>/channel add @mychannel خوزستان grouped</code> (چند خبر هم‌زمان در یک پست)\n"
    "<code>/channel list</code>\n"
    "<code>/channel remove @mychannel</code>"
)
CHANNEL_NOT_FOUND = "کانال {ref} پیدا نشد. ربات را به‌عنوان مدیر به کانال اضافه کنید و دوباره امتحان کنید."
CHANNEL_NOT_CHANNEL = "{ref} کانال نیست. برای گروه‌ها، /subscribe را در خود گروه بزنید."
CHANNEL_NOT_ADMIN = "شما مدیر کانال {ref} نیستید."
CHANNEL_BOT_CANNOT_POST = "ربات در کانال {ref} اجازهٔ ارسال پیام ندارد. آن را مدیر کانال با دسترسی «ارسال پیام» کنید."
CHANNEL_ADDED = "✅ کانال {ref} اضافه شد.\n📍 استان‌ها: {provinces}\n🏷 موضوع‌ها: {topics}\n⏱ ارسال: {mode}"
CHANNEL_LIST_HEADER = "<b>کانال‌ها</b>"
CHANNEL_LINE = "{ref} — {what} · {mode}{paused}"
CHANNEL_LINE_PAUSED = " · ⏸ متوقف"
CHANNEL_NONE = "هیچ کانالی ثبت نشده است. افزودن: <code>/channel add @mychannel</code>"
CHANNEL_REMOVED = "کانال {ref} حذف شد."
CHANNEL_MISSING = "کانال {ref} در فهرست نیست. فهرست: <code>/channel list</code>"


MAX_VALUE = 1000  # characters of one plain value in a reply (an echo of user input, a source name)
ELLIPSIS = "…"
# C0/C1 controls except tab and newline; bidi embeddings, overrides and isolates; BOM
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


class Html(str):
    """Text that is already Telegram HTML (e.g. the result of `fmt`): `fmt` inserts it unescaped."""

    __slots__ = ()


def plain(value: object) -> str:
    """A value as it may appear in a reply: unsafe characters dropped, at most MAX_VALUE characters."""
    text = _UNSAFE.sub("", str(value))
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + ELLIPSIS


def fmt(template: str, **values: object) -> Html:
    """Fill a template, escaping each value for Telegram HTML (except values that are `Html`)."""
    safe = {k: v if isinstance(v, Html) else html.escape(plain(v), quote=False) for k, v in values.items()}
    return Html(template.format(**safe))


def fa_digits(value: object) -> str:
    return to_persian_digits(str(value))


def join(items: Iterable[str], empty: str) -> str:
    values = list(items)
    return LIST_SEPARATOR.join(values) if values else empty
