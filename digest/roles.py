"""Lexicon for speakers: reporting verbs, role heads, titles, organisation words, adjuncts and the
first-name gazetteer (package data, read once).

Data plus two tiny lookups; the rules that use them live in `digest.speaker`. Extend the sets to
teach the speaker extractor new vocabulary. Imports only digest modules and importlib.resources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from digest.normalize import normalize_fa
from digest.textmatch import alternation, squash

ZWNJ = "\u200c"


def spellings(words: Iterable[str]) -> frozenset[str]:
    """The words as listed and as written without half-spaces (`سه‌شنبه` and `سهشنبه`): some stores
    and CMSs drop every ZWNJ."""
    listed = frozenset(words)
    return listed | {w.replace(ZWNJ, "") for w in listed if ZWNJ in w}


# The report attributions that open a sentence: «به گزارش ایرنا، …», «به نقل از مهر، …».
REPORT_OPENERS = ("به گزارش", "به نقل از")
# Verbs that report only when a quotation follows them (also in WEAK_VERBS): a complaint («… به این وضع
# اعتراض می‌کند: «…»»), a feature story's present tense («کوثر ادامه می‌دهد: «…»»; «پرسپولیس با حامی
# قبلی ادامه می‌دهد» goes on doing something)
_QUOTED_ONLY_VERBS = (
    "انتقاد کرد", "اعتراض کرد", "گلایه کرد", "انتقاد می کند", "اعتراض می کند", "گلایه می کند",
    "ادامه می دهد", "توضیح می دهد", "اضافه می کند", "تعریف می کند",
)  # fmt: skip
# Reporting verbs (matched flexibly: خبرداد = خبر داد, تأکید = تاکید).
REPORTING_VERBS: tuple[str, ...] = (
    "گفت", "گفته است", "می گوید", "افزود", "افزوده است", "اظهار کرد", "اظهار داشت", "خبر داد",
    "عنوان کرد", "عنوان داشت", "تصریح کرد", "اذعان داشت", "اذعان کرد", "تاکید کرد", "تاکید داشت",
    "بیان کرد", "بیان داشت", "اعلام کرد", "اعلام داشت", "یادآور شد", "یادآوری کرد", "خاطرنشان کرد",
    "خاطر نشان کرد", "خاطرنشان ساخت", "ادامه داد", "توضیح داد", "اضافه کرد", "هشدار داد",
    "پاسخ داد", "تشریح کرد", "متذکر شد", "ابراز کرد", "ابراز داشت", "اظهار امیدواری کرد",
    "ابراز امیدواری کرد", "خواستار شد", "اشاره کرد", "اعتراف کرد", "مدعی شد", "تاکید نمود",
    "اظهار نمود", "عنوان نمود", "بیان نمود", "اعلام نمود", "خبر دادند", "گفتند", "اعلام کردند",
    "گفته بود", "افزوده بود", "اعلام کرده بود", "اعلام کرده است", "تاکید کرده بود", "تاکید کرده است",
    "نوشت", "می افزاید", "گفته", "افزوده", "معتقد است", "بر این باور است", "اعلام کرده",
    "دانست", "برشمرد", "خواست", "خاطرنشان داشت", "ابراز نگرانی کرد", "ذکر کرد", "مطرح کرد",
    *_QUOTED_ONLY_VERBS,
)  # fmt: skip
# «… نمود» for every «… کرد» («اضافه نمود», «تصریح نمود»)
REPORTING_VERBS += tuple(
    f"{verb[:-3]}نمود"
    for verb in REPORTING_VERBS
    if verb.endswith(" کرد") and f"{verb[:-3]}نمود" not in REPORTING_VERBS
)
# and their present perfect («اظهار داشته است», «عنوان کرده است»); a past perfect («… خبر داده بود»)
# tells the background, not the report
REPORTING_VERBS += tuple(
    dict.fromkeys(
        f"{verb}ه است"
        for verb in REPORTING_VERBS
        if verb.rpartition(" ")[2] in ("کرد", "داشت", "داد", "نمود") and f"{verb}ه است" not in REPORTING_VERBS
    )
)
# The honorific plural of a report about one official («NAME ROLE افزودند», «… اظهار داشتند»); a plural
# subject («کارشناسان … گفتند») is still a collective statement, told by its head (PLURAL_HEADS).
_PAST_VERBS = frozenset("کرد داشت داد نمود شد افزود گفت دانست برشمرد خواست ساخت".split())


def _honorific(verbs: Iterable[str]) -> frozenset[str]:
    return frozenset(f"{v}ند" for v in verbs if v.rpartition(" ")[2] in _PAST_VERBS)


HONORIFIC_VERBS = _honorific(REPORTING_VERBS) - set(REPORTING_VERBS)
REPORTING_VERBS += tuple(sorted(HONORIFIC_VERBS))
# any reporting verb in a text, at a word start (whatever follows it)
REPORTING_VERB = re.compile(r"(?<![\w\u200c])" + alternation(REPORTING_VERBS))
# Verbs that report only when the quotation follows (": …"); at a sentence end they describe.
WEAK_VERBS = frozenset(
    {"اشاره کرد", "اشاره نمود", "خواستار شد", "خواست", "پاسخ داد", "اعتراف کرد", "اعتراف نمود"}
    | {"نوشت", "گفته", "افزوده"}
    | set(_QUOTED_ONLY_VERBS)
)
# Verbs that still report before a bare clause with no «که» and no colon ("ROLE اعلام کرد ذخایر …"),
# when their subject is a role.
CLAUSE_VERBS = frozenset(
    {
        "اعلام کرد",
        "اعلام کرده",
        "گفت",
        "گفته",  # «NAME، ROLE گفته تنها مرکز … تعطیل شد»: a report with its «که» left out
        "گفته است",
        "می گوید",  # «ROLE می‌گوید از آغاز سال … گزارش شده است»: the present of a report, «که» left out
        "خبر داد",
        "تاکید کرد",
        "اظهار کرد",
        "بیان کرد",
        "عنوان کرد",
        "معتقد است",
        "بر این باور است",
        "ابراز امیدواری کرد",
        "اظهار امیدواری کرد",
        "دانست",  # «ROLE … X را محصول Y دانست»: an opinion, stated at the sentence's end
        "برشمرد",
    }
)
WEAK_VERBS |= _honorific(WEAK_VERBS)
CLAUSE_VERBS |= _honorific(CLAUSE_VERBS)

ROLE_HEADS = spellings(
    """
    امام‌جمعه رئیس رییس مدیر مدیرکل مدیرعامل معاون وزیر استاندار فرماندار بخشدار دهیار شهردار فرمانده جانشین
    سخنگو سخنگوی نماینده دبیر دبیرکل عضو سرپرست مسئول مسوول مسؤول کارشناس امام دادستان رئیس‌کل مشاور
    دستیار نایب نایب‌رئیس قائم‌مقام قائم کارگزار پژوهشگر متخصص فعال بازرس قاضی رهبر نخست‌وزیر نخست
    سفیر وکیل مدرس دانشیار استادیار مربی سرمربی رئیس‌جمهور رئیس‌جمهوری روانشناس جامعه‌شناس پزشک
    رایزن کنسول سرکنسول مفتی خطیب تولیت متولی هماهنگ‌کننده دادیار رئیسه کارشناسان فرماندهان مسئولان
    مدیران معاونان اعضای نمایندگان رئیس‌جمهوری دبیرخانه مجری سردبیر خبرنگار مقام منبع مسئولین
    استاد اقتصاددان حقوقدان جمعیت‌شناس روزنامه‌نگار راننده داروساز بنیانگذار بنیان‌گذار خیر ریاست
    روانپزشک روان‌پزشک روان‌شناس مددکار تحلیلگر تحلیل‌گر
    """.split()
)
# "یک مقام آگاه", "یک منبع مطلع": an unnamed official
INDEFINITE = "یک"
# Plural heads: "کارشناسان … گفتند", "مسئولان بهزیستی اعلام کردند" is a collective statement with no
# one person behind it, so it is not a speaker; "از فرماندهان …" (one of them) still is.
PLURAL_HEADS = spellings(
    """
    کارشناسان فرماندهان مسئولان مسئولین مسوولان مسوولین مدیران معاونان معاونین اعضای اعضا نمایندگان
    مقامات منابع پژوهشگران متخصصان فعالان مربیان پزشکان کارگزاران دبیران روسای رؤسای
    """.split()
)
# Honorifics and ranks before a name. KEEP_TITLES stay in the name, the others are dropped.
TITLES = spellings(
    """
    دکتر مهندس سید سیده میر حجت‌الاسلام حجت‌الاسلام‌والمسلمین آیت‌الله سردار سرهنگ سرتیپ سرلشکر
    سرگرد سروان ستوان سرتیپ‌دوم سرهنگ‌دوم امیر حاج حاجی استاد خانم آقای پروفسور شیخ مولوی ماموستا
    ژنرال تیمسار سرکار دریادار دریابان سرلشگر حاج‌آقا پاسدار جناب
    """.split()
)
KEEP_TITLES = frozenset({"سید", "سیده", "میر"})
# Titles and role heads written in several words, with any spacing (space, half-space or none)
# between the parts: each is joined into the one token on the right.
MULTIWORD_TITLES = {
    "حجت الاسلام و المسلمین": "حجت‌الاسلام‌والمسلمین",
    "حجت الاسلام": "حجت‌الاسلام",
    "حجه الاسلام و المسلمین": "حجت‌الاسلام‌والمسلمین",  # «حجه»: the Arabic «ة» written «ه»
    "حجه الاسلام": "حجت‌الاسلام",
    "حاج آقا": "حاج‌آقا",
    "آیت الله العظمی": "آیت‌الله",
    "آیت الله": "آیت‌الله",
    "سر دار": "سردار",
    "سر هنگ": "سرهنگ",
    "سر تیپ": "سرتیپ",
    "سر لشکر": "سرلشکر",
    "امام جمعه": "امام‌جمعه",
}
PRONOUNS = frozenset({"وی", "او", "ایشان"})
# "این مسئول", "این مقام" … refer back to the last speaker ("این مسئولان" is plural: no speaker).
ANAPHORIC_NOUNS = (frozenset("مسئول مسوول مقام مدیر نماینده کارشناس مقام‌مسئول".split()) | ROLE_HEADS) - PLURAL_HEADS
# Subjects starting with these are organisations or documents, not people.
ORG_STARTS = spellings(
    """
    روابط سازمان وزارت اداره ستاد دولت مجلس خبرگزاری گزارش منابع رسانه رسانه‌ها کمیته شورای شورا
    بانک پلیس شرکت دانشگاه مرکز بنیاد انجمن سایت روزنامه شبکه نشریه رویترز آسوشیتدپرس فرانس‌پرس
    آمار آمارها بررسی‌ها تحقیقات مطالعات پژوهش نتایج این آن مردم کارشناسان برخی بسیاری یکی هیچ
    همه گروهی جمعی تعدادی شماری عده‌ای اداره‌کل دفتر هیئت هیات کانون سپاه ارتش نیروی قوه دادگاه
    طالبان حماس حزب‌الله داعش ناتو یونیسف یونسکو اوپک فیفا پنتاگون کرملین کاخ
    شهرداری فرمانداری استانداری بخشداری دهیاری دادگستری دادستانی اورژانس آتش‌نشانی فرماندهی قرارگاه
    موسسه مؤسسه صندوق پژوهشکده پژوهشگاه اتاق جمعیت کمپین
    """.split()
)
# Organisation nouns always followed by the organisation's own name: a first name right after one opens
# that name (`مدیر امور مجاورین بنیاد کرامت …`, `مدیرعامل موسسه خیریه محمد رسول الله`), never the person's.
NAMED_ORGS = frozenset("بنیاد موسسه مؤسسه انجمن شرکت کانون مجتمع باشگاه خیریه بیمارستان حسینیه مسجد".split())
# Councils whose name opens with a first name («شورای عالی نظام پزشکی»: the medical council, not Mr Nezam)
FIRST_NAMED_ORGS = frozenset(
    f"نظام {w}" for w in "پزشکی مهندسی پرستاری دامپزشکی روانشناسی مشاوره صنفی وظیفه کاردانی".split()
)
# Heads that name the reporter, never the story's speaker («خبرنگار ما گزارش داد:»).
REPORTER_HEADS = frozenset({"خبرنگار", "خبرنگاران"})  # «مجری طرح» is a post
# Endings of Persian surnames: one such word right before a role head is a surname («موسوی مدیرکل …»).
SURNAME_ENDS = ("ی", "پور", "زاده", "نژاد", "نیا", "فر", "راد", "وند", "منش", "یان", "لو", "خانی", "کیا")
# Last words of web outlets' names («همشهری آنلاین نوشت», «کاوش نیوز»): an outlet, not a person.
OUTLET_ENDS = frozenset({"آنلاین", "نیوز", "پرس"})
# Organisation words that open a person's post when they follow a name directly
# ("NAME روابط عمومی اداره کل …", "NAME دفتر نماینده …", "NAME ستاد …").
ROLE_ORG_STARTS = frozenset({"روابط", "دفتر", "ستاد", "معاونت"})
# Words that end a subject: what follows them is an adjunct, not part of the speaker.
ADJUNCTS = spellings(
    """
    در با ضمن طی امروز امروزه روز صبح عصر دیروز شب ظهر بامداد شامگاه نیز هم همچنین پس پیش برای
    بر که به درباره دربارهٔ خطاب هنگام حین بعد قبل پیرامون امشب اخیرا سپس همچنان ظهر درخصوص درمورد
    پیش‌از ،با بااشاره تنها فقط ابتدا مجددا بار از شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه
    جمعه امسال دیشب بعدازظهر سحرگاه عصرگاه شبانگاه صبحگاه نیمه‌شب تابستان زمستان پاییز پائیز
    تاکنون تا‌کنون اکنون هم‌اکنون بیش بیشتر کمتر حدود خواستار بارها همواره همیشه هنوز
    """.split()
)
# `در` opens an adjunct (`در جمع خبرنگاران`, `در این جلسه`, `NAME در شورای …`) except:
# * after an unnamed official (`یک مقام مسئول در دادگستری استان`, `… در ستاد مدیریت بحران`,
#   `یک منبع آگاه در کمیسیون …`) unless a venue word follows (`در جمع`, `در جلسه`, `در حاشیه`);
# * after a representative head (`نماینده مردم اهواز در مجلس`, `نماینده ولی فقیه در استان`,
#   `سفیر ایران در ترکیه`) when a seat (an institution or a place) follows.
VENUE_WORDS = spellings(
    """
    جمع نشست جلسه جلسات حاشیه این آن همین گفت‌وگو گفتگو گفت‌وگویی گفتگویی مصاحبه مراسم آیین همایش
    دیدار بازدید سفر اجتماع محل نماز خطبه خطبه‌های برنامه سخنرانی پیامی
    پاسخ ادامه خصوص مورد رابطه زمینه باره حالی شرایطی ابتدا ابتدای انتها انتهای پایان خاتمه
    """.split()
)
REPRESENTATIVE_HEADS = frozenset("نماینده سفیر رایزن کنسول سرکنسول کاردار".split())
ROLE_SEATS = spellings(
    """
    مجلس استان شهرستان کشور امور سازمان وزارت وزارتخانه دولت قوه دادگستری استانداری فرمانداری
    شهرداری بخشداری اداره اداره‌کل دانشگاه بهزیستی کمیته بنیاد دیوان نهاد مجمع خارج منطقه شورای شورا
    کارگروه ستاد انجمن جمعیت
    """.split()
)
# (adjunct, next word) or (previous word, adjunct) pairs that keep a role going:
# "نماینده مردم اهواز در مجلس", "ستاد مبارزه با مواد مخدر", "انجمن حمایت از کودکان".
ROLE_CONTINUATIONS = frozenset(
    {
        ("در", "مجلس"), ("در", "امور"), ("در", "ایران"), ("در", "سازمان"),
        ("مبارزه", "با"), ("مقابله", "با"), ("پیشگیری", "از"), ("حمایت", "از"), ("صیانت", "از"),
        ("دفاع", "از"), ("حفاظت", "از"), ("امور", "بین"), ("برای", "امور"),
        ("رسیدگی", "به"), ("کمک", "به"), ("خدمات", "به"), ("خدمت", "به"),
        ("نظارت", "بر"), ("بازرسی", "از"), ("مراقبت", "از"), ("آموزش", "به"),  # «سازمان مدیریت و نظارت بر تاکسیرانی»
        ("نماز", "جمعه"),  # «خطیب نماز جمعه تهران»: the prayer, not the weekday
    }
)  # fmt: skip
# Words that cannot be part of a person's name.
# «سخنان عجیب ROLE:», «توضیحات ROLE»: words for what was said, before its speaker; never a name
SPEECH_NOUNS = spellings(frozenset("سخنان اظهارات توضیحات گفته‌های گفته‌ها هشدار انتقاد واکنش تشکر قدردانی".split()))
NON_NAME_WORDS = spellings(
    ROLE_HEADS
    | ORG_STARTS
    | ADJUNCTS
    | frozenset(
        """
        و استان کشور شهرستان شهر کل عمومی اجتماعی اسلامی ملی امور دفتر اداره کمیته امداد بهزیستی
        هلال احمر انقلاب جمهوری ناحیه منطقه بخش حوزه سازمان وزارت مجلس شورای دانشگاه بیمارستان
        گفت افزود است بود شد توسعه برنامه ریزی برنامه‌ریزی پشتیبانی فنی عمرانی فرهنگی اقتصادی سیاسی
        امنیتی انتظامی بهداشت درمان آموزش پرورش آموزش‌وپرورش کار رفاه تعاون جهاد کشاورزی صنعت معدن
        تجارت راه شهرسازی ورزش جوانان میراث گردشگری ارشاد اطلاعات ارتباطات نیرو نفت گاز آب برق
        محیط زیست دادگستری قضاییه پلیس انتظامی سپاه بسیج ستاد مرکز بنیاد جمعیت خیریه انجمن
        توانبخشی مشاوره آگاه مطلع مسئول فقیه آنها آن‌ها آنان ما من شما گروه واحد شعبه معاونت اهل ساکن
        تعداد میزان آمار شمار رقم مبلغ حجم اعتبار اعتبارات وضعیت روند ذکر یادآوری
        برای برایم باید بدون اهالی ساکنان روستاییان قانونی دسته‌بندی برچسب آتش‌نشانی اورژانس راهور
        شاهدان شاهدین کاربران معترضان کشاورزان دامداران رانندگان کارگران شهروندان همسایگان
        زنان کودکان نوجوانان دانش‌آموزان دانشجویان سالمندان معلولان مددجویان بیماران خانوارها حالا
        اینکه تا چند مرد زن بانو بانوی صاحبان مادر پدر دختر پسر پیرمرد پیرزن رهگذر رغم علیرغم
        خانواده خانواده‌های شهروند خود خودش خودم خودشان آنقدر شخصی فردی بچه بچه‌ی یکی
        کسی چیزی پیرمردی پیرزنی مردی زنی می نمی
        روایت داستان ماجرای ماجرا قصه سرگذشت سال‌هاست سالهاست مدت‌هاست مدتهاست ماه‌هاست ماههاست
        به‌مناسبت به‌نقل به‌گفته به‌منظور به‌دلیل به‌عنوان به‌همراه به‌رغم به‌ویژه
        """.split()
    )
    | SPEECH_NOUNS
)
# Role heads and titles by their spacing-free form: «قائممقام», «رئیس کل», «مدیر عامل» are the same words.
HEAD_KEYS = {  # the half-spaced spelling wins as the canonical form
    squash(h): h
    for h in sorted(ROLE_HEADS | {"مدیرعامل", "مدیرکل", "رئیس‌کل", "نایب‌رئیس", "قائم‌مقام"}, key=lambda h: (ZWNJ in h, h))
}
PREAMBLE_STARTS = spellings(
    "در از همچنین سپس امروز دیروز ابتدا اما ولی و طی ضمن پس بنابراین البته با همزمان به پیرو درپی"
    " پیشتر پیش‌تر قبلا قبلاً اخیرا اخیراً سرانجام بعدا بعداً هرچند حتی".split()
)


# «علیه السلام», «(ع)», «(ص)», «صلی الله …»: the honorifics of the Prophet, the Imams and saints
_SACRED = re.compile(r"علیه[ \u200c]*(?:السلام|السلم)|علیها[ \u200c]*السلام|\([ ]*(?:ع|ص|س|عج)[ ]*\)|صلی[ ]الله")


_SAINT_TITLES = frozenset({"امام", "پیامبر", "حضرت", "رسول", "پیغمبر"})
MAX_SAINT_WORDS = 5  # «پیامبر اکرم (ص) می فرماید»; «بیمارستان امام حسن عسکری(ع) …» is an organisation


def is_saint(text: str) -> bool:
    """Whether `text` holds a saint's honorific (`… علیه السلام`, `… (ع)`)."""
    return ("علیه" in text or "(" in text or "صلی" in text) and _SACRED.search(text) is not None


def names_saint(text: str) -> bool:
    """Whether `text` is a short phrase naming a saint (`امام علی (ع)`, `امام رضا علیه السلام`): one that
    opens a saying of the day over a page, not an organisation named after them."""
    words = text.split()
    return 1 < len(words) <= MAX_SAINT_WORDS and words[0] in _SAINT_TITLES and is_saint(text)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first-name gazetteer (package data `first_names.txt`), loaded once."""
    text = resources.files("digest").joinpath("first_names.txt").read_text(encoding="utf-8")
    return frozenset(normalize_fa(line) for line in text.split("\n") if line.strip())
