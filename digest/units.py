"""Unit lexicon for key figures: which word after a number is its unit, and what kind it is.

`canonical_unit("ریالی")` → "ریال": an adjectival `ی` is dropped from known units. Any other noun
after a digit number is its unit as written ("۱۲۲ پروژه"); function words, verbs and adverbs are not
units. Extend the sets below to teach the figure extractor new units. Imports nothing of ours.
"""

from __future__ import annotations

PERCENT_UNITS = frozenset({"درصد"})
MONEY_UNITS = frozenset(
    "ریال تومان دلار یورو پوند درهم دینار لیر روپیه یوان ین روبل افغانی فرانک همت".split()
)  # fmt: skip
# Page chrome: view and comment counters, likes, shares ("۱۲۵۰ بازدید", "۳ دیدگاه", "۱۲ نظر").
PAGE_CHROME_UNITS = frozenset(
    "بازدید دیدگاه نظر کامنت لایک پسند بازنشر اشتراک‌گذاری بازدیدکننده مطلب شماره".split()
)  # «۵۰ مطلب», «۳۰ شماره آخر»: an archive's counters
# Units that carry a scale: «همت» is هزار میلیارد تومان, so «۱۲ همت» is 12 × 10¹² (toman).
UNIT_SCALES = {"همت": 1e12}
COUNT_UNITS = frozenset(
    """
    نفر تن کیلوگرم کیلو گرم لیتر متر مترمربع کیلومتر سانتیمتر میلیمتر هکتار ریشتر بشکه مگاوات کیلووات
    مترمکعب برابر مورد واحد بسته استان شهر شهرستان روستا خانوار خانواده کودک دانش‌آموز دانشجو زن مرد
    بیمار معتاد مددجو سالمند معلول کشته زخمی مجروح مصدوم فوتی قربانی کارگر زندانی مدرسه کلاس مرکز
    طرح پروژه پرونده فقره دستگاه تخت بیمارستان درمانگاه پایگاه تیم اکیپ نیرو امدادگر شغل فرصت
    هوادار پرواز قلم خدمت کارگاه اردوگاه کانون مسجد منزل قطعه راس فروند باب سری دوره جلد عدد نسخه
    عنوان مدال طلا نقره برنز کشور شعبه کارگزاری مادر یتیم مستمری‌بگیر دختر پسر جوان زوج مهاجر تبعه
    تخته دست کیسه کارتن سبد حلقه کانکس چادر پتو فرزند خانه ازدواج طلاق تماس متقاضی زائر آسیب‌دیده
    سیل‌زده زلزله‌زده حادثه‌دیده نوزاد معلم پزشک پرستار کامیون خودرو آمبولانس بالگرد واقعه آتش‌نشان
    کوهنورد مسافر سرنشین جانباخته جان‌باخته هم‌استانی هموطن هم‌وطن همشهری صندوق
    """.split()
)
# Relief goods and their classifiers ("۳۵۰ تخته پتو", "۲۰۰ بسته معیشتی"): the counts a relief story is about.
RELIEF_UNITS = frozenset(
    """
    بسته تخته دست کیسه کارتن سبد حلقه کانکس چادر پتو قلم دستگاه تن کیلوگرم لیتر کارت
    """.split()
)
# Measures and classifiers followed by the commodity they count: "۳۰۰ کیلوگرم برنج" and "۳۰۰ کیلوگرم روغن"
# are two facts, whereas "۴۰۰ بسته معیشتی" and "۴۰۰ بسته حمایتی" restate one.
COMMODITY_MEASURES = frozenset(
    "کیلوگرم کیلو گرم تن لیتر مترمکعب تخته دست کیسه کارتن سبد حلقه قلم عدد دستگاه راس فروند".split()
)
# Sizes that describe a thing rather than count it: "گروه‌های ۵ نفره", "ساختمان ۱۰ طبقه", "کیسه‌های ۱۰
# کیلویی", "کامیون ۱۰ تنی", "لامپ ۱۰۰ واتی" (a depth or a length, "۷ کیلومتری", is a figure).
DESCRIPTIVE_UNITS = frozenset("نفره طبقه دهک کیلویی کیلوگرمی تنی لیتری واتی گرمی اینچی گانه".split())  # «مناطق ۲۲ گانه»
# Casualties and people: "یک کشته", "یک نفر", "یک آتش‌نشان" are counts, whereas "یک طرح" is the
# indefinite article.
CASUALTY_UNITS = frozenset(
    """
    کشته زخمی مجروح مصدوم فوتی قربانی جان‌باخته جانباخته مفقود نفر آتش‌نشان امدادگر کارگر کودک
    کوهنورد مسافر سرنشین راننده معدنچی
    """.split()
)
# Units written as two words: "آتش نشان" is one unit (آتش‌نشان).
COMPOUND_UNITS = frozenset("آتش‌نشان دانش‌آموز مستمری‌بگیر جان‌باخته سیل‌زده زلزله‌زده آسیب‌دیده هم‌استانی هم‌وطن".split())
# Emergency and social hotlines: "تماس با ۱۲۳", "به ۱۱۰ اطلاع دهید", "از ۱۱۵ کمک بخواهید".
# Without a known unit after it, such a number is the service itself ("ستاد ۱۲۵ آتش‌نشانی", "۱۲۵ رشت").
HOTLINE_NUMBERS = frozenset({110, 112, 115, 118, 123, 125, 137, 1480, 1500, 1522, 1528, 1530, 1570, 1599})
# After a spelled-out number these are not countable nouns ("دو بار", "هر سه طرف", "سه‌گانه").
NOT_COUNT_NOUNS = frozenset(
    """
    بار نوبت مرحله طرف سو سوی جانبه گانه‌ای گانه دیگر تا چیز کار نکته موضوع مسئله مساله محور
    عامل دلیل علت شنبه راه اصل بخش گروه بدر
    """.split()
)
TIME_UNITS = frozenset(
    """
    سال ساله سالگی ماه ماهه روز روزه هفته ساعت ساعته دقیقه ثانیه دهه قرن سده شب شبانه‌روز فصل
    بامداد صبح ظهر عصر شامگاه ساله‌اش ساله‌ام سالهاش سالهام
    """.split()
)
# What a duration counts when it is the story's fact: «سه ماه حقوق معوقه», «۱۲ روز آلودگی», «دو روز قطعی آب».
COUNTED_TIME_NOUNS = frozenset(
    "حقوق مزد دستمزد معوقات معوقه مطالبات عیدی آلودگی آلوده غبار تعطیلی قطعی بی‌آبی بیآبی خاموشی".split()
)
# A number right after one of these is a reference, a date or an ordinal, not a key figure (and after a
# make of car or aircraft, its model: «پژو ۴۰۵», «ایرباس ۳۲۰»; a clotting factor: «فاکتور ۹»).
REFERENCE_WORDS = frozenset(
    """
    ماده مواد تبصره بند اصل فصل کد شماره شناسه پلاک تلفن تماس فکس خط سامانه شماره‌گیری پیامک صندوق
    پستی سال سالهای سال‌های دهه ساعت مورخ تاریخ صفحه نسخه نوبت منطقه ناحیه ردیف پایه کلاس اتاق سوره آیه جلد بازدید
    بیننده دقیقه هفته روز ماه قطعنامه قطعانامه حساب کارت شبا طول عرض جغرافیایی مختصات نمره دهک
    تاساعت کیلومتر قطعه فاز جلسه کووید کویید مدل فاکتور
    پژو پراید سمند تیبا رانا ساینا کوییک ایرباس بوئینگ فوکر توپولوف ایلیوشین
    """.split()
)
# «سال عمرانی ۹۷», «سال تحصیلی ۱۴۰۲»: a year named by its kind
YEAR_KINDS = frozenset("عمرانی تحصیلی زراعی مالی".split())
# Words that can follow a number without being its unit.
NOT_UNITS = frozenset(
    """
    و در به از تا الی که را با برای بر این آن هم نیز یا اما ولی است بود شد شده باشد هست هستند بوده
    می نمی خواهد دیگر بیش بیشتر کمتر حدود نزدیک تقریبا حداقل حداکثر کل همه هر چند یک بین میان
    درباره روی زیر پس پیش قبل بعد طی ضمن مانند مثل جز غیر اخیر گذشته آینده جاری نخست اول اولیه
    فوق همین همان چنین چون اگر زیرا یعنی تن‌ها سوی طرف علیه توسط
    ارسال منتشر اتفاق اعلام ثبت اجرا برگزار تصویب ارائه دریافت پرداخت توزیع اختصاص افزایش کاهش
    رسید رساند گذشت آمد داشت دارد کرد کند شود باشد گردید نمود تشکیل تکمیل آغاز شروع ادامه مراجعه
    قانون آیین‌نامه اساسنامه رسیده رسیدند رسیده‌اند گذشته‌است یافته یافت کرده داشته رفته آمده
    گردیده نموده بوده‌است آتش‌نشانی دارم داریم دارند رد
    دیدن کردن شدن رفتن آمدن گرفتن دادن زدن بردن خوردن داشتن گفتن رسیدن ماندن
    """.split()
)
# "کد خبر ۱۲۳", "شماره تلفن ۰۲۱…": a reference word one word further back
REFERENCE_PAIRS = frozenset("کد شماره شناسه".split())
# Hotlines and short codes: "خط ۱۲۳ اورژانس اجتماعی", "سامانه ۱۹۰", "اورژانس اجتماعی ۱۲۳", "صدای
# مشاور ۱۴۸۰". A number of three or more digits right after one of these words (or one word further
# back), or followed by "تماس بگیرید", is a number to dial, not a key figure ("۱۲۳ مورد" stays).
HOTLINE_WORDS = frozenset("خط سامانه تلفن شماره اورژانس پیامک سامانه‌ی شماره‌گیری مشاور".split())
DIAL_VERBS = frozenset("بگیرید بگیرند بگیرد گرفته گرفتند حاصل".split())
# adjectival ی and possessive pronouns: "۲۵ درصدی", "۹۰ درصدشان"
_ADJECTIVAL = ("\u200cای", "ای", "ی", "\u200cشان", "شان", "\u200cمان", "مان", "\u200cتان", "تان")
_KNOWN = PERCENT_UNITS | MONEY_UNITS | COUNT_UNITS | TIME_UNITS


def canonical_unit(word: str) -> str | None:
    """The unit a word names (its dictionary form for known units), or None for a non-unit word."""
    if word in NOT_UNITS or word.startswith(("می\u200c", "نمی\u200c")):
        return None
    if word in _KNOWN or word in DESCRIPTIVE_UNITS:
        return word
    for suffix in _ADJECTIVAL:
        base = word.removesuffix(suffix)
        if base != word and base in _KNOWN:
            return base
    return word
