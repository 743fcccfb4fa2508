"""Unit lexicon for key figures: which word after a number is its unit, and what kind it is.

`canonical_unit("ریالی")` → "ریال": an adjectival `ی` is dropped from known units. Any other noun
after a digit number is its unit as written ("۱۲۲ پروژه"); function words, verbs and adverbs are not
units. Extend the sets below to teach the figure extractor new units. Imports nothing of ours.
"""

from __future__ import annotations

PERCENT_UNITS = frozenset({"درصد"})
MONEY_UNITS = frozenset(
    "ریال تومان دلار یورو پوند درهم دینار لیر روپیه یوان ین روبل افغانی فرانک".split()
)  # fmt: skip
COUNT_UNITS = frozenset(
    """
    نفر تن کیلوگرم کیلو گرم لیتر متر مترمربع کیلومتر سانتیمتر میلیمتر هکتار ریشتر بشکه مگاوات کیلووات
    مترمکعب برابر مورد واحد بسته استان شهر شهرستان روستا خانوار خانواده کودک دانش‌آموز دانشجو زن مرد
    بیمار معتاد مددجو سالمند معلول کشته زخمی مجروح مصدوم فوتی قربانی کارگر زندانی مدرسه کلاس مرکز
    طرح پروژه پرونده فقره دستگاه تخت بیمارستان درمانگاه پایگاه تیم اکیپ نیرو امدادگر شغل فرصت
    هوادار پرواز قلم خدمت کارگاه اردوگاه کانون مسجد منزل قطعه راس فروند باب سری دوره جلد عدد نسخه
    عنوان مدال طلا نقره برنز کشور شعبه کارگزاری مادر یتیم مستمری‌بگیر دختر پسر جوان زوج مهاجر تبعه
    """.split()
)
TIME_UNITS = frozenset(
    """
    سال ساله سالگی ماه ماهه روز روزه هفته ساعت ساعته دقیقه ثانیه دهه قرن سده شب شبانه‌روز فصل
    بامداد صبح ظهر عصر شامگاه
    """.split()
)
# A number right after one of these is a reference, a date or an ordinal, not a key figure.
REFERENCE_WORDS = frozenset(
    """
    ماده مواد تبصره بند اصل فصل کد شماره شناسه پلاک تلفن تماس فکس پیامک صندوق پستی سال سالهای سال‌های
    دهه ساعت مورخ تاریخ صفحه نسخه نوبت منطقه ناحیه ردیف پایه کلاس اتاق سوره آیه جلد بازدید
    بیننده دقیقه هفته روز ماه قطعنامه قطعانامه حساب کارت شبا طول عرض جغرافیایی مختصات نمره
    """.split()
)
# Words that can follow a number without being its unit.
NOT_UNITS = frozenset(
    """
    و در به از تا الی که را با برای بر این آن هم نیز یا اما ولی است بود شد شده باشد هست هستند بوده
    می نمی خواهد دیگر بیش بیشتر کمتر حدود نزدیک تقریبا حداقل حداکثر کل همه هر چند یک بین میان
    درباره روی زیر پس پیش قبل بعد طی ضمن مانند مثل جز غیر اخیر گذشته آینده جاری نخست اول اولیه
    فوق همین همان چنین چون اگر زیرا یعنی تن‌ها سوی طرف علیه توسط
    ارسال منتشر اتفاق اعلام ثبت اجرا برگزار تصویب ارائه دریافت پرداخت توزیع اختصاص افزایش کاهش
    رسید رساند گذشت آمد داشت دارد کرد کند شود باشد گردید نمود تشکیل تکمیل آغاز شروع ادامه مراجعه
    تماس قانون آیین‌نامه اساسنامه
    """.split()
)
# "کد خبر ۱۲۳", "شماره تلفن ۰۲۱…": a reference word one word further back
REFERENCE_PAIRS = frozenset("کد شماره شناسه".split())
_ADJECTIVAL = ("\u200cای", "ای", "ی")
_KNOWN = PERCENT_UNITS | MONEY_UNITS | COUNT_UNITS | TIME_UNITS


def canonical_unit(word: str) -> str | None:
    """The unit a word names (its dictionary form for known units), or None for a non-unit word."""
    if word in NOT_UNITS or word.startswith(("می\u200c", "نمی\u200c")):
        return None
    if word in _KNOWN:
        return word
    for suffix in _ADJECTIVAL:
        base = word.removesuffix(suffix)
        if base != word and base in _KNOWN:
            return base
    return word
