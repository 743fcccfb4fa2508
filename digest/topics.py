"""Topic tags and the social-affairs flag, from one weighted lexicon.

HOW TO EXTEND: add `(phrase, weight)` pairs to a topic in `LEXICON` (or a new topic). Phrases are
matched tolerantly (`textmatch.PhraseIndex`): spaces and half-spaces are optional between words,
hamza and alef forms are interchangeable, and a word ending in `*` may carry a plural/ezafe suffix
(`معلول*` matches `معلولان`, `معلولین`, `معلولی`).

Weights: 3 = the phrase alone makes an item social (`طلاق`, `کودکان کار`); 2 = a strong social
signal; 1 = supporting evidence only. `NEGATIVE` phrases (markets, sport, diplomacy, weather,
elections) pull the score down. The bare word `اجتماعی` is deliberately absent: `شبکه‌های اجتماعی`
and `تامین اجتماعی` are not social affairs on their own. A term found in the headline counts
double (treble over a teaser's short body) and one in the lead (the body's first LEAD_WORDS) half
again, so page chrome further down (menus, related-news lists) weighs less; each term counts at most
`MAX_HITS_PER_TERM` times in the body; `NEUTRAL` names swallow the terms inside them. score =
positive − NEGATIVE_FACTOR × negative; an item is social when its score reaches SOCIAL_THRESHOLD and
a term of weight ≥ STRONG_WEIGHT hit, so one incidental word in the body never decides. Health
(cancer, special patients, the pandemic), family and nomads are social; culture and technology count
against.

What counts as social: road accidents, fires, drowning, earthquake and flood relief and police and
crime news (`حوادث`), housing and rent, unemployment, workers' wages and insurance, poverty and
household costs, welfare bodies and their clients, health and insurance, access to school, village
water supply, prisons, addiction, divorce, child labour, disability, the elderly, women heads of
household, informal settlements (`حاشیه‌نشینی`, `سکونتگاه غیررسمی`), suicide and domestic violence.
What does not: weather, drought and flood *forecasts* (`سیل` and `خشکسالی` weigh 1; `هواشناسی`,
`بارش` count against; a `HAZARDS` term beside its `VICTIMS`, or beside the `PEOPLE` it hits with no
`FORECAST` cue, weighs HAZARD_PEOPLE_WEIGHT), sport, markets and prices (`قیمت مسکن`, `بازار مسکن`
count against and swallow `مسکن`), trade, politics and diplomacy (`انتخابات*`, `مناظره`, `سفیر`),
military, industry (`اشتغال` alone weighs 1; `بیکاری` is the social signal), cinema, heritage,
technology and religious ceremonies: each desk has its own block of `NEGATIVE` terms. A starred last
word also matches its comparative and superlative (`محروم*` → `محروم‌ترین`).
Imports only digest modules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from digest.normalize import normalize_fa
from digest.textmatch import PhraseIndex, squash

LEXICON: dict[str, tuple[tuple[str, int], ...]] = {
    "آسیب‌های اجتماعی": (
        ("سرقت*", 2),
        ("زورگیری", 2),
        ("قاچاق انسان", 3),
        ("کودک آزار*", 3),
        ("پناهجو*", 2),
        ("آسیب* اجتماعی", 3),
        ("خودکشی", 3),
        ("کارتن خواب*", 3),
        ("گورخواب*", 3),
        ("حاشیه نشین*", 3),
        ("حاشیه شهر*", 3),
        ("مناطق حاشیه*", 3),
        ("سکونتگاه* غیررسمی", 3),
        ("محله* غیررسمی", 3),
        ("اسکان غیررسمی", 3),
        ("بافت* حاشیه ای", 3),
        ("تکدی گری", 3),
        ("متکدی*", 3),
        ("کودک آزاری", 3),
        ("روسپی گری", 3),
        ("فرار از خانه", 3),
    ),
    "طلاق": (("طلاق", 3), ("جدایی زوجین", 3), ("دعاوی خانوادگی", 2), ("مشاوره خانواده", 2)),
    "ازدواج": (("ازدواج", 2), ("جهیزیه", 2), ("زوج* جوان", 2), ("تسهیلات ازدواج", 2)),
    "اعتیاد": (
        ("اعتیاد", 3),
        ("معتاد*", 3),
        ("مواد مخدر", 3),
        ("موادمخدر", 3),
        ("سوء مصرف", 3),
        ("متادون", 2),
        ("ترک اعتیاد", 3),
        ("کمپ* ترک", 3),
        ("مبارزه با مواد مخدر", 3),
        ("مخدر", 2),
        ("مصرف شیشه", 3),
        ("مخدر* صنعتی", 3),
        ("مصرف مواد", 3),
        ("تریاک", 2),
        ("هروئین", 2),
        ("حشیش", 2),
        ("مواد افیونی", 3),
        ("کشف مواد", 3),
        ("سوءمصرف", 3),
    ),
    "کودکان": (
        ("کودک* کار", 3),
        ("کودک* خیابانی", 3),
        ("کودک* بی سرپرست", 3),
        ("کودک* بد سرپرست", 3),
        ("بازمانده* از تحصیل", 3),
        ("جا مانده* از تحصیل", 3),
        ("از تحصیل بازمانده*", 3),
        ("فرزندخواندگی", 2),
        ("کودک همسری", 3),
        ("ازدواج زودهنگام", 3),
        ("ازدواج کودکان", 3),
        ("یتیم*", 2),
        ("ایتام", 2),
        ("مهد* کودک", 2),
        ("کودک*", 1),
        ("نوجوان*", 1),
    ),
    "خشونت خانگی": (
        ("خشونت خانگی", 3),
        ("همسرآزاری", 3),
        ("خشونت علیه زنان", 3),
        ("خشونت*", 1),
    ),
    "زنان": (("زن* سرپرست خانوار", 3), ("بدسرپرست", 2), ("زنان", 1), ("بانوان", 1)),
    "خانواده": (
        ("تحکیم خانواده", 3),
        ("تحکیم بنیان خانواده", 3),
        ("بانوان و خانواده", 2),
        ("زنان و خانواده", 2),
        ("خانواده محور*", 2),
        ("فرزندآوری", 2),
        ("خانواده*", 1),
    ),
    "بیکاری و اشتغال": (
        ("حداقل دستمزد", 3),
        ("دستمزد", 2),
        ("بیکاری", 3),
        ("بیکار*", 2),
        ("بیمه بیکاری", 3),
        ("اشتغال", 1),
        ("اشتغالزایی", 1),
        ("اشتغال زایی", 1),
        ("خوداشتغالی", 2),
        ("فرصت* شغلی", 2),
        ("شغل*", 1),
        ("کارگر*", 2),
        ("حقوق معوقه", 3),
        ("اخراج کارگران", 3),
        ("کارآفرینی", 1),
        ("نرخ بیکاری", 3),
        ("فاقد بیمه", 3),
        ("بدون بیمه", 2),
        ("جامعه کارگری", 3),
        ("تشکل* کارگری", 2),
        ("تشکل* صنفی کارگری", 3),
        ("انجمن* صنفی کارگران", 3),
        ("حقوق کارگران", 3),
        ("مزد کارگران", 3),
        ("امنیت شغلی", 3),
        ("قرارداد* موقت", 2),
        ("کارگر* فصلی", 3),
        ("کارگر* ساختمانی", 3),
        ("کارگر* روزمزد", 3),
        ("کارگر* قراردادی", 2),
        ("تعدیل نیرو", 3),
        ("اعتراض* صنفی", 2),
        ("تجمع* کارگران", 3),
        ("معوقات مزدی", 3),
        ("حقوق نگرفته*", 3),
        ("حقوق نگرفته اند", 3),
        ("دستمزد نگرفته اند", 3),
        ("حقوق* پرداخت نشده", 3),
        ("حقوق* معوق", 3),
        ("حوادث کار", 3),
        ("حادثه* کار", 3),
        ("ایمنی کار", 2),
        ("اداره کار", 2),
        ("جویای کار", 3),
        ("جویندگان کار", 3),
        ("دانش آموختگان بیکار", 3),
    ),
    "فقر و حمایت": (
        ("خط فقر", 3),
        ("سوءتغذیه", 3),
        ("سوء تغذیه", 3),
        ("گرسنگی", 2),
        ("دهک* پایین", 2),
        ("کالابرگ", 2),
        ("فقر", 3),
        ("فقیر*", 2),
        ("محرومیت", 2),
        ("بدون برق", 2),
        ("فاقد برق", 2),
        ("محروم*", 2),
        ("نیازمند*", 2),
        ("مددجو*", 3),
        ("کمیته امداد", 3),
        ("بسته* معیشتی", 2),
        ("کمک* معیشتی", 2),
        ("بسته* حمایتی", 2),
        ("سبد غذایی", 2),
        ("یارانه*", 2),
        ("سهام عدالت", 2),
        ("خیرین", 2),
        ("خیریه", 2),
        ("اقشار آسیب پذیر", 2),
        ("آسیب پذیر*", 1),
        ("کم برخوردار", 1),
        ("مستمری*", 2),
        ("کمک* مومنانه", 2),
        ("رزمایش* مواسات", 2),
        ("معیشت*", 1),
        ("رفاه اجتماعی", 2),
        ("نیکوکاری", 2),
        ("عیدی", 1),
        ("سبد معیشت", 3),
        ("سفره* خانوار*", 3),
        ("هزینه* زندگی", 3),
        ("قدرت خرید", 2),
        ("کالاهای اساسی", 2),
        ("کالای اساسی", 2),
        ("گرانی", 2),
        ("نان", 1),
        ("مرغ", 1),
        ("لبنیات", 1),
        ("برنج", 1),
        ("روغن", 1),
        ("حقوق بگیران", 2),
        ("مستمری بگیر*", 3),
        ("بنیاد شهید", 1),
        ("اطعام", 2),
        ("جشن عاطفه ها", 3),
        ("جشن نیکوکاری", 3),
        ("زکات", 2),
        ("افطاری", 1),
        ("ایتام و محسنین", 3),
        ("محسنین", 2),
        ("اکرام ایتام", 3),
        ("خانواده* نیازمند", 3),
        ("خانوار* نیازمند", 3),
        ("دهک* کم درآمد", 3),
        ("اقشار کم درآمد", 3),
        ("کم درآمد", 2),
        ("بی بضاعت", 3),
        ("کمک هزینه", 2),
        ("خانوار*", 1),
        ("صف* طولانی", 1),
        ("مرغ دولتی", 3),
        ("گوشت*", 1),
        ("کالا* یارانه ای", 2),
        ("کالا* اساسی", 2),
    ),
    "مسکن": (
        ("مسکن", 2),
        ("واحد* مسکونی", 2),
        ("مسکن مهر", 2),
        ("بنیاد مسکن", 2),
        ("اجاره بها", 2),
        ("مستاجر*", 2),
        ("بافت فرسوده", 2),
        ("مقاوم سازی", 1),
        ("بازسازی", 1),
        ("بی خانمان*", 3),
        ("مسکن محرومان", 3),
        ("اجاره*", 1),
        ("اجاره نشین*", 3),
        ("ودیعه مسکن", 3),
        ("رهن و اجاره", 2),
        ("خانه اولی*", 3),
        ("نهضت ملی مسکن", 2),
        ("طرح اقدام ملی مسکن", 2),
        ("مسکن روستایی", 2),
        ("مسکن ملی", 2),
        ("سقف اجاره", 3),
        ("افزایش اجاره بها", 3),
        ("تخلیه* منزل", 2),
        ("اسکان", 1),
        ("بدمسکنی", 3),
        ("سکونتگاه*", 1),
        ("واحد* مسکونی آسیب دیده", 3),
    ),
    "بهزیستی": (("بهزیستی", 3), ("توانبخشی", 2), ("توان بخشی", 2)),
    "سالمندان": (("سالمند*", 3), ("بازنشست*", 2), ("کهنسال*", 2)),
    "معلولان": (
        ("معلول*", 3),
        ("معلولیت", 3),
        ("توان یاب*", 3),
        ("نابینا*", 2),
        ("ناشنوا*", 2),
        ("استثنایی", 2),
    ),
    "حوادث و امداد": (
        ("تصادف*", 2),
        ("واژگونی", 2),
        ("واژگون", 2),
        ("حادثه* رانندگی", 3),
        ("سوانح رانندگی", 3),
        ("کشته*", 1),
        ("مجروح*", 1),
        ("زخمی", 1),
        ("تلفات", 1),
        ("غرق شد", 3),
        ("غرق شدند", 3),
        ("غرق شده", 3),
        ("غرق شدن", 3),
        ("سگ* ولگرد", 3),
        ("حیوانات ولگرد", 2),
        ("غریق", 2),
        ("عملیات امداد*", 2),
        ("آوار", 2),
        ("آتش نشان*", 2),
        ("سارق*", 2),
        ("کیف قاپی", 2),
        ("کلاهبرداری", 2),
        ("قتل", 2),
        ("نزاع*", 2),
        ("ضرب و جرح", 2),
        ("دستگیر*", 1),
        ("گازگرفتگی", 3),
        ("مسمومیت", 2),
        ("غرق شدگی", 3),
        ("حادثه*", 1),
        ("جان باخت*", 1),
        ("زلزله*", 3),
        ("زمین لرزه*", 3),
        ("سیل", 1),
        ("سیلاب*", 1),
        ("آبگرفتگی", 1),
        ("آب گرفتگی", 1),
        ("زیر آب رفت", 2),
        ("زیر آب رفتند", 2),
        ("محاصره آب", 1),
        ("خسارت* سیل", 3),
        ("خسارت دیده*", 2),
        ("هلال احمر", 3),
        ("امداد و نجات", 3),
        ("امدادرسانی", 3),
        ("امداد رسانی", 3),
        ("آسیب دیده*", 2),
        ("حوادث غیرمترقبه", 3),
        ("حوادث غیر مترقبه", 3),
        ("مدیریت بحران", 2),
        ("آتش سوزی", 2),
        ("زلزله زده*", 3),
        ("سیل زده*", 3),
        ("خسارت*", 1),
        ("مصدوم*", 1),
        ("حادثه دیده*", 2),
        ("اقلام امدادی", 3),
        ("اسکان اضطراری", 3),
        ("بلایای طبیعی", 3),
        ("رانش زمین", 2),
        ("خشکسالی", 1),
        ("جان باختن", 1),
        ("جان باختند", 1),
        ("جان خود را از دست", 2),
        ("مفقود*", 2),
        ("ناپدید شد", 2),
        ("سرنشین*", 1),
        ("عابر پیاده", 2),
        ("عابران پیاده", 2),
        ("برخورد* خودرو", 2),
        ("شاخ به شاخ", 3),
        ("سقوط", 1),
        ("ریزش", 1),
        ("حریق", 2),
        ("آتش گرفت", 2),
        ("محبوس", 2),
        ("نجات یافت*", 2),
        ("سگ گزیدگی", 3),
        ("مارگزیدگی", 3),
        ("عقرب گزیدگی", 3),
        ("برق گرفتگی", 3),
        ("سقوط از ارتفاع", 3),
        ("چهارشنبه سوری", 2),
        ("ترقه", 2),
        ("مواد محترقه", 3),
        ("خسارات سیل", 3),
        ("رانش", 1),
        ("بهمن گرفتگی", 3),
        ("صاعقه", 2),
        ("طوفان", 1),
        ("تگرگ", 1),
        ("سیل آسا", 1),
        ("طغیان", 1),
        ("سرمازدگی", 1),
        ("یخبندان", 1),
        ("آتش سوزی جنگل*", 2),
        ("جسد", 2),
        ("قاتل", 2),
        ("قتل عمد", 3),
        ("جنایت*", 2),
        ("پلیس آگاهی", 2),
        ("کلانتری", 2),
        ("سرقت مسلحانه", 3),
        ("کیفرخواست", 1),
        ("شرارت", 2),
        ("اراذل و اوباش", 3),
        ("قاچاقچی*", 2),
        ("قاچاق مواد", 3),
        ("تیراندازی", 1),
        ("اسیدپاشی", 3),
        ("آزار* جنسی", 3),
        ("تجاوز به عنف", 3),
        ("آدم ربایی", 3),
        ("قاچاق کودک*", 3),
        ("انفجار گاز", 3),
        ("نشت گاز", 3),
        ("انفجار کپسول", 3),
        ("انفجار بخاری", 3),
        ("مجتمع مسکونی", 1),
    ),
    "سلامت": (
        ("بیمه سلامت", 2),
        ("پزشک خانواده", 2),
        ("بیمارستان*", 1),
        ("درمان*", 1),
        ("بهداشت*", 1),
        ("مرگ و میر", 2),
        ("سزارین", 2),
        ("زایمان", 2),
        ("بیمار*", 1),
        ("دارو*", 1),
        ("ماما*", 1),
        ("واکسن*", 1),
        ("واکسیناسیون", 2),
        ("سرخک", 2),
        ("اپیدمی", 1),
        ("فلج اطفال", 2),
        ("نظام سلامت", 2),
        ("مدافع* سلامت", 2),
        ("سلامت روان", 2),
        ("کرونا", 2),
        ("کووید*", 2),
        ("همه گیری", 1),
        ("سرطان*", 2),
        ("بیماران خاص", 3),
        ("بیماری* خاص", 3),
        ("بیماری* صعب العلاج", 3),
        ("هزینه* درمان", 3),
        ("پیوند عضو", 2),
        ("اهدای عضو", 2),
        ("مرگ مغزی", 2),
        ("دیالیز", 2),
        ("تالاسمی", 2),
        ("اوتیسم", 3),
        ("کم شنوا*", 2),
        ("بیمه درمانی", 2),
        ("بیمه تکمیلی", 2),
        ("دفترچه* بیمه", 2),
        ("هزینه* درمانی", 3),
        ("کمبود دارو", 3),
        ("داروی* کمیاب", 3),
        ("گرانی دارو", 3),
        ("زیرمیزی", 3),
        ("تخت* بیمارستانی", 2),
        ("اورژانس", 2),
        ("مبتلا*", 2),
        ("ابتلا", 2),
        ("شیوع", 1),
        ("قرنطینه", 2),
        ("پروتکل* بهداشتی", 2),
        ("فاصله گذاری اجتماعی", 3),
        ("محدودیت* کرونایی", 3),
        ("کرونایی", 2),
        ("ستاد* مقابله با کرونا", 3),
        ("ستاد ملی کرونا", 3),
        ("محدودیت* تردد", 2),
        ("منع تردد", 2),
        ("جلوگیری از تجمع*", 2),
        ("لغو تجمعات", 2),
        ("وضعیت قرمز", 2),
        ("شهر* قرمز", 2),
        ("تست کرونا", 2),
        ("واکسن کرونا", 2),
        ("ماسک", 1),
        ("تعطیلی اصناف", 2),
        ("تعطیلی مشاغل", 2),
        ("آنفلوانزا", 2),
        ("وبا", 2),
        ("ایدز", 3),
        ("اچ آی وی", 3),
        ("هپاتیت", 2),
        ("مرگ مادر*", 3),
        ("مرگ نوزاد*", 3),
        ("مرگ و میر نوزادان", 3),
        ("سلامت مادر*", 2),
        ("تغذیه رایگان", 3),
        ("کوتاه قدی", 2),
        ("درمان رایگان", 3),
        ("خدمات درمانی", 2),
        ("کمبود پزشک", 3),
        ("پزشک متخصص", 1),
        ("بیماری*", 1),
        ("داروخانه*", 1),
        ("بیمارستان* دولتی", 2),
        ("نوبت* درمان*", 2),
        ("لیست انتظار", 2),
        ("انسولین", 2),
        ("دیابت*", 2),
        ("بیماری* مزمن", 2),
        ("صف* دارو", 3),
        ("خانه* بهداشت", 2),
        ("بهورز*", 2),
        ("مراکز بهداشتی درمانی", 1),
        ("انتقال خون", 2),
        ("اهدای خون", 2),
        ("اهداکنندگان خون", 2),
    ),
    "بیمه و تامین اجتماعی": (("تامین اجتماعی", 2), ("بیمه*", 1), ("بازنشستگی", 2), ("حق بیمه", 2)),
    "آموزش": (
        ("دانش آموز*", 1),
        ("مدرسه", 1),
        ("مدارس", 1),
        ("آموزش و پرورش", 1),
        ("سوادآموزی", 2),
        ("بی سوادی", 2),
        ("بی سواد*", 2),
        ("باسوادی", 2),
        ("باسواد*", 1),
        ("ترک تحصیل", 3),
        ("کمبود معلم", 3),
        ("کلاس* بدون معلم", 3),
        ("بدون معلم", 2),
        ("مدارس کانکسی", 3),
        ("مدرسه* کانکسی", 3),
        ("مدارس خشت و گلی", 3),
        ("دانش آموزان عشایری", 3),
        ("مدارس عشایری", 3),
        ("آموزش و پرورش عشایری", 3),
        ("مدرسه* شبانه روزی", 2),
        ("مدارس شبانه روزی", 2),
        ("بازگشایی مدارس", 2),
        ("سال تحصیلی", 1),
        ("اولیا", 1),
        ("اولیای دانش آموزان", 2),
        ("والدین دانش آموزان", 2),
        ("سرویس مدارس", 2),
        ("سرویس مدرسه", 2),
        ("تراکم کلاس*", 3),
        ("کلاس* پرجمعیت", 3),
        ("فضای آموزشی", 2),
        ("کمبود فضای آموزشی", 3),
        ("مدارس فرسوده", 3),
        ("مدارس تخریبی", 3),
        ("نوسازی مدارس", 2),
        ("مدرسه سازی", 2),
        ("شهریه", 2),
        ("هزینه* تحصیل", 3),
        ("عدالت آموزشی", 3),
        ("آموزش رایگان", 2),
        ("تحصیل رایگان", 2),
        ("محروم از تحصیل", 3),
        ("نهضت سوادآموزی", 2),
        ("آموزش مجازی", 1),
        ("پوشش تحصیلی", 3),
        ("افت تحصیلی", 2),
        ("کمبود نیرو* آموزشی", 3),
        ("معلم* حق التدریس", 2),
        ("آموزش استثنایی", 3),
        ("دانش آموزان بی بضاعت", 3),
        ("نوشت افزار", 1),
        ("مدارس غیراستاندارد", 3),
        ("سرویس* بهداشتی", 1),
        ("ایمن سازی مدارس", 3),
    ),
    "زندانیان": (
        ("زندانی*", 2),
        ("زندانیان", 2),
        ("دیه", 2),
        ("ستاد دیه", 3),
        ("معسر*", 3),
        ("محکوم* مالی", 2),
        ("زندان*", 2),
        ("ندامتگاه*", 2),
        ("آزادی زندانیان", 3),
        ("زندانیان جرائم غیرعمد", 3),
        ("جرائم غیرعمد", 3),
        ("بازپروری", 3),
        ("مددجویان زندان", 3),
        ("اقدامات تامینی", 2),
        ("عفو", 2),
        ("رهایی زندانیان", 3),
        ("کانون اصلاح و تربیت", 3),
    ),
    # drought-driven migration and emptied villages; villagers without drinking water
    "کم‌آبی و مهاجرت": (
        ("مهاجرت روستاییان", 3),
        ("مهاجرت از روستا*", 3),
        ("مهاجرت اقلیمی", 3),
        ("مهاجر* اقلیمی", 3),
        ("تخلیه روستا*", 3),
        ("تخلیه شدن روستا*", 3),
        ("خالی از سکنه", 3),
        ("خالی شدن سکنه", 3),
        ("خالی شدن روستا*", 3),
        ("متروکه شدن", 3),
        ("روستا* متروکه", 3),
        ("کوچ کرده اند", 3),
        ("کوچ اجباری", 3),
        ("تامین آب شرب", 3),
        ("آب شرب", 2),
        ("آب آشامیدنی", 2),
        ("تانکر آب", 2),
        ("آبرسانی سیار", 3),
        ("بحران آب", 2),
        ("بی آبی", 2),
        ("کم آبی", 2),
        ("قطعی آب", 2),
        ("قطع آب", 2),
        ("تنش* آبی", 3),
        ("آبرسانی", 2),
        ("تانکر* آبرسان", 3),
        ("آبرسانی با تانکر", 3),
        ("بی آب", 2),
        ("روستا* بی آب", 3),
        ("روستا* فاقد آب", 3),
        ("فاقد شبکه آبرسانی", 3),
        ("فاقد آب شرب", 3),
        ("کمبود آب", 2),
        ("کمبود آب شرب", 3),
        ("جیره بندی آب", 3),
        ("افت فشار آب", 2),
        ("آب و فاضلاب روستایی", 1),
        ("آبفار", 1),
        ("آب شرب سالم", 3),
        ("آلودگی هوا*", 2),
        ("مشکل* تنفسی", 2),
        ("بیماری* تنفسی", 2),
        ("آلودگی آب", 2),
        ("ریزگرد*", 2),
        ("گرد و غبار", 1),
        ("تعطیلی مدارس", 1),
        ("فرونشست", 1),
        ("مهاجرت", 1),
        ("آواره*", 3),
        ("اسکان موقت", 3),
        ("مهاجرفرست", 3),
        ("اتباع غیرمجاز", 3),
        ("اتباع غیر مجاز", 3),
        ("مهاجر* افغانستانی", 3),
        ("اتباع افغانستانی", 3),
        ("مهاجر* غیرمجاز", 3),
        ("افغانستانی* غیرمجاز", 3),
        ("عشایر", 2),
        ("سوخت بر*", 3),
        ("سوخت بری", 3),
        ("کولبر*", 3),
    ),
}

# Names that contain a lexicon term but are not about it (a ministry named "… رفاه اجتماعی"): they
# are matched first, as longer phrases, and count nothing.
NEUTRAL: tuple[str, ...] = (
    "وزارت تعاون کار و رفاه اجتماعی",
    "وزیر تعاون کار و رفاه اجتماعی",
    "تعاون کار و رفاه اجتماعی",
    "وزارت رفاه",
    "شبکه* اجتماعی",
    "نفت سفید",
    "ارزش سهام عدالت",  # its price on the stock market
    "شرکت* بیمه",  # the insurers as businesses
    "بیمه ایران",
)
NEGATIVE: tuple[tuple[str, int], ...] = (
    # unrest and security operations: the casualties of a clash are security news, not social affairs
    ("اشرار*", 2),
    ("اغتشاش*", 2),
    ("اغتشاشگر*", 2),
    ("آشوب*", 2),
    ("ضد انقلاب", 2),
    ("یگان ویژه", 2),
    ("شورای تامین", 2),
    ("تروریست*", 2),
    ("گروهک*", 2),
    ("بورس", 2),
    ("سکه", 2),
    ("ارز*", 1),
    ("نرخ ارز", 2),
    ("معاملات", 2),
    ("بانک مرکزی", 1),
    ("نفت", 1),
    ("بشکه", 2),
    ("پتروشیمی", 2),
    ("سرمایه گذاری", 1),
    ("فوتبال", 3),
    ("لیگ", 3),
    ("باشگاه*", 2),
    ("مسابقه*", 2),
    ("مسابقات", 2),
    ("مدال*", 2),
    ("تیم ملی", 2),
    ("بازیکن*", 2),
    ("هواداران", 2),
    ("هافبک*", 2),
    ("دروازه بان*", 2),
    ("سرمربی*", 2),
    ("کارت زرد", 2),
    ("کارت قرمز", 2),
    ("جام حذفی", 2),
    ("پنالتی", 2),
    ("پرسپولیس", 1),
    ("سپاهان", 1),
    ("تراکتورسازی", 1),
    ("پهپاد*", 2),
    ("حمله* پهپادی", 2),
    ("حمله* موشکی", 2),
    ("پالایشگاه*", 1),
    ("ماهواره*", 1),
    ("وزیر خارجه", 2),
    ("تحریم*", 1),
    ("انتخابات*", 2),
    ("مناظره*", 2),
    ("نامزد*", 1),
    ("مذاکره*", 1),
    ("هسته ای", 2),
    ("بمب*", 2),
    ("انفجار", 1),
    ("ارتش", 1),
    ("نظامی", 1),
    ("جنگ", 1),
    ("سهام", 1),
    ("قیمت", 1),
    ("دیدار", 1),
    ("هواشناسی", 2),
    ("بارش*", 1),
    ("سامانه بارشی", 2),
    ("پیش بینی هوا", 2),
    ("دمای هوا", 1),
    ("قیمت مسکن", 2),
    ("بازار مسکن", 2),
    ("معاملات مسکن", 2),
    ("صنعتی", 1),
    ("کنسرت*", 2),
    ("تالار وحدت", 2),
    ("موسیقی", 2),
    ("سینما*", 2),
    ("فیلم سینمایی", 2),
    ("تئاتر", 2),
    ("جشنواره*", 1),
    ("نمایشگاه کتاب", 2),
    ("هنرمند*", 1),
    ("استارتاپ*", 2),
    ("هوش مصنوعی", 2),
    ("فناوری اطلاعات", 1),
    # sport
    ("والیبال", 3),
    ("بسکتبال", 3),
    ("فوتسال", 3),
    ("هندبال", 3),
    ("المپیک", 2),
    ("پارالمپیک", 1),
    ("جام جهانی", 2),
    ("قهرمانی", 1),
    ("ملی پوش*", 2),
    ("مربی*", 1),
    ("داور*", 1),
    ("ورزشگاه*", 2),
    ("فدراسیون*", 2),
    ("ورزشکار*", 1),
    ("نیم فصل", 2),
    ("گلزنی", 2),
    ("نقل و انتقالات", 2),
    ("کشتی آزاد", 2),
    ("کشتی فرنگی", 2),
    ("استقلال", 1),
    # markets and trade
    ("شاخص کل", 2),
    ("بازار سرمایه", 2),
    ("فرابورس", 2),
    ("عرضه اولیه", 2),
    ("نماد*", 1),
    ("رمزارز*", 2),
    ("بیت کوین", 2),
    ("دلار", 1),
    ("طلا", 1),
    ("تورم", 1),
    ("نقدینگی", 1),
    ("صادرات", 1),
    ("واردات", 1),
    ("تراز تجاری", 2),
    ("خرید تضمینی", 2),
    ("ارزش بازار", 2),
    ("سود سهام", 2),
    ("پرتفوی*", 2),
    ("صنعت بیمه", 2),
    ("بیمه مرکزی", 2),
    ("حق بیمه تولیدی", 2),
    ("سودآوری", 2),
    ("خط* تولید", 2),
    ("ظرفیت تولید", 2),
    ("کارخانه*", 1),
    ("فولاد", 1),
    # politics and diplomacy
    ("استیضاح", 2),
    ("رای اعتماد", 2),
    ("کابینه", 1),
    ("اصلاح طلب*", 2),
    ("اصولگرا*", 2),
    ("فراکسیون*", 1),
    ("حزب", 1),
    ("سفیر", 2),
    ("سفارت", 1),
    ("دیپلماسی", 2),
    ("دیپلمات*", 2),
    ("وزیر امور خارجه", 2),
    ("وزارت امور خارجه", 2),
    ("همتای", 2),
    ("روابط دوجانبه", 2),
    ("برجام", 2),
    ("آژانس بین المللی انرژی اتمی", 2),
    ("شورای امنیت", 1),
    ("آتش بس", 2),
    ("رژیم صهیونیستی", 1),
    ("اسرائیل", 1),
    # military
    ("ناوگروه", 2),
    ("ناوشکن*", 2),
    ("نیروی دریایی", 2),
    ("نیروی هوایی", 2),
    ("رزمایش", 1),
    ("موشک*", 1),
    ("پدافند", 2),
    ("جنگنده*", 2),
    ("تسلیحات*", 2),
    # culture, heritage and tourism
    ("کارگردان*", 2),
    ("بازیگر*", 2),
    ("اکران", 2),
    ("جشنواره فیلم", 2),
    ("آلبوم", 2),
    ("رمان", 1),
    ("شاعر", 1),
    ("آثار تاریخی", 2),
    ("میراث فرهنگی", 1),
    ("گردشگری", 1),
    ("موزه*", 1),
    ("صنایع دستی", 1),
    # technology
    ("گوشی* هوشمند", 2),
    ("گوشی*", 1),
    ("آیفون", 2),
    ("اپل", 2),
    ("سامسونگ", 2),
    ("تراشه*", 2),
    ("پردازنده*", 2),
    ("اپلیکیشن*", 1),
    ("نرم افزار*", 1),
    ("دانش بنیان", 1),
    # ceremonies (not the Friday prayer: its preacher often speaks of local hardship)
    ("اعتکاف", 2),
    ("حوزه علمیه", 2),
    ("عزاداری", 1),
    ("دهه فجر", 1),
    ("راهپیمایی", 1),
)
# In a sports story these terms mean a player's suspension, not deprivation: any of SPORT cancels them.
SPORT: frozenset[str] = frozenset(
    {
        "فوتبال", "لیگ", "باشگاه*", "بازیکن*", "هواداران", "هافبک*", "دروازه بان*", "سرمربی*",
        "کارت زرد", "کارت قرمز", "جام حذفی", "پنالتی", "پرسپولیس", "سپاهان", "تراکتورسازی",
        "والیبال", "بسکتبال", "فوتسال", "هندبال", "ملی پوش*", "فدراسیون*", "ورزشگاه*", "داور*",
    }
)  # fmt: skip
SPORT_SENSITIVE: frozenset[str] = frozenset({"محرومیت", "محروم*"})
# A natural hazard alone is weather news (weight 1). Beside its victims (the dead, missing, injured,
# displaced, damaged) it is a disaster story, and so is it beside the people it hits (villagers,
# residents, households, herders) unless a FORECAST cue says it is a weather warning: the hazard and
# victim terms then weigh HAZARD_PEOPLE_WEIGHT, enough to decide.
HAZARDS: frozenset[str] = frozenset(
    {
        "سیل", "سیل آسا", "سیلاب*", "طغیان", "آبگرفتگی", "زیر آب رفت", "زیر آب رفتند", "محاصره آب", "خشکسالی",
        "طوفان", "تگرگ", "رانش", "فرونشست", "گرد و غبار",
        "سرمازدگی", "یخبندان",
    }
)  # fmt: skip
VICTIMS: frozenset[str] = frozenset(
    {
        "جان باخت*", "جان باختن", "جان باختند", "کشته*", "مفقود*", "آواره*", "مصدوم*", "مجروح*",
        "بی خانمان*", "خسارت دیده*", "آسیب دیده*", "سیل زده*", "تخلیه",
    }
)  # fmt: skip
PEOPLE: frozenset[str] = frozenset(
    {
        "روستا*", "روستاییان", "روستانشین*", "ساکنان", "اهالی", "خانوار*", "خانواده*", "مهاجرت",
        "دام داران", "دامداران", "عشایر", "معیشت*", "منازل", "واحد* مسکونی",
    }
)  # fmt: skip
FORECAST: frozenset[str] = frozenset(
    {"هواشناسی", "سامانه بارشی", "پیش بینی هوا", "پیش بینی*", "بارش*", "هشدار*", "احتمال"}
)
HAZARD_PEOPLE_WEIGHT = 2
# A disaster or accident whose headline is abroad (a quake in Turkey, a storm in Florida, a bomb in
# Kabul) is foreign news, not the region's social affairs, unless it is about Iranians or migrants
# (ABROAD_OURS): the DISASTER_TOPIC terms then count nothing (sanctions that empty the pharmacies
# still count). The neighbours that send migrants and receive pilgrims (Afghanistan, Pakistan, Iraq)
# are left out.
FOREIGN: frozenset[str] = frozenset(
    {
        "ترکیه", "آمریکا", "آمریکایی", "ایالات متحده", "چین", "روسیه", "اوکراین", "ژاپن", "هند", "فرانسه",
        "انگلیس", "انگلستان", "آلمان", "ایتالیا", "اسپانیا", "اروپا", "اروپایی", "سوریه", "لبنان", "غزه",
        "عربستان", "امارات", "قطر", "یمن", "کانادا", "استرالیا", "برزیل", "مکزیک", "اندونزی",
        "فلوریدا", "کالیفرنیا", "کابل", "بغداد", "دمشق", "بیروت", "لندن", "پاریس", "واشنگتن", "مسکو",
        "پکن", "توکیو", "نیویورک", "فیلیپین", "بنگلادش", "آفریقا", "آفریقای جنوبی", "لیبی", "سودان",
    }
)  # fmt: skip
DISASTER_TOPIC = "حوادث و امداد"
ABROAD_OURS: frozenset[str] = frozenset(
    {
        "ایرانی*", "هموطن*", "زائر*", "پناهجو*", "اتباع*", "اتباع غیرمجاز", "اتباع افغانستانی",
        "مهاجر* افغانستانی", "مهاجر* غیرمجاز", "کمک* مردمی", "پویش",
    }
)  # fmt: skip
DEGREES = (" تر", " ترین")  # comparative and superlative suffixes of an adjective
TOPICS: tuple[str, ...] = tuple(LEXICON)

SOCIAL_THRESHOLD = 5.0  # score an item needs to be social...
STRONG_WEIGHT = 2  # ...with at least one term this strong
MAX_HITS_PER_TERM = 3
TOPIC_MIN_SCORE = 3.0  # a topic tag is shown when its own terms add up to this much
MAX_TOPICS = 3
HEADLINE_FACTOR = 2  # a headline hit counts this many extra times...
TEASER_HEADLINE_FACTOR = 3  # ...or this many when the body is a teaser: the title is all the evidence
TEASER_CHARS = 200
LEAD_WORDS = 70  # terms in the body's opening (the lead) weigh more than page chrome further down...
LEAD_FACTOR = 0.5  # ...by this much per hit: one strong word in the lead still does not decide alone
NEGATIVE_FACTOR = 0.5  # negative terms pull the score down at this rate
MENU_SEPARATORS = ("|", "•")  # a line of short items split by one of these is a site menu...
MENU_MIN_ITEMS = 3  # ...when it has more items than this...
MENU_WORDS_PER_ITEM = 4  # ...of at most this many words each on average
SENTENCE_ENDS = frozenset(".:؟!?…")  # a short line ending so is a sentence or a lead-in, not a menu item


@dataclass(frozen=True, slots=True)
class TopicResult:
    """Social flag, score and the topic tags (strongest first)."""

    is_social: bool
    score: float
    topics: tuple[str, ...]


def _build() -> tuple[PhraseIndex[int], list[tuple[str | None, str, int]]]:
    """Index every phrase; payload i ↔ terms[i] = (topic or None for NEGATIVE, phrase, weight)."""
    terms: list[tuple[str | None, str, int]] = []
    for topic, entries in LEXICON.items():
        terms.extend((topic, phrase, weight) for phrase, weight in entries)
    terms.extend((None, phrase, weight) for phrase, weight in NEGATIVE)
    terms.extend((None, phrase, 0) for phrase in NEUTRAL)
    listed = {phrase for _, phrase, _ in terms}
    cues = (PEOPLE | VICTIMS | FORECAST | FOREIGN | ABROAD_OURS) - listed
    terms.extend((None, phrase, 0) for phrase in sorted(cues))  # cues only: they weigh nothing
    indexed = [(phrase, i) for i, (_, phrase, _) in enumerate(terms)]
    # a starred last word also stands for its comparative and superlative (محروم* → محروم‌ترین), after
    # every listed phrase so that a listed word keeps its own weight
    indexed.extend(
        (phrase[:-1] + degree, i) for phrase, i in list(indexed) if phrase.endswith("*") for degree in DEGREES
    )
    return PhraseIndex(indexed), terms


_INDEX, _TERMS = _build()
_SPORT_IDS = frozenset(i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is None and phrase in SPORT)
_SPORT_SENSITIVE_IDS = frozenset(
    i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is not None and phrase in SPORT_SENSITIVE
)
_HAZARD_IDS = frozenset(i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is not None and phrase in HAZARDS)
_PEOPLE_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in PEOPLE)
_VICTIM_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in VICTIMS)
_FORECAST_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in FORECAST)
_FOREIGN_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in FOREIGN)
_OURS_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in ABROAD_OURS)
_TOPIC_KEYS = {squash(t): t for t in TOPICS}


def canonical_topic(name: str) -> str | None:
    """The topic tag a user typed (`طلاق`, `حوادث_و_امداد`, `آسیب های اجتماعی`), or None."""
    key = squash(normalize_fa(name).replace("_", " ").lstrip("#"))
    if key in _TOPIC_KEYS:
        return _TOPIC_KEYS[key]
    for topic, entries in LEXICON.items():
        if any(w == 3 and squash(p.replace("*", "")) == key for p, w in entries):
            return topic
    return None


def _hits(text: str) -> Counter[int]:
    return Counter(_INDEX.finditer(text))


def _body_hits(body: str) -> tuple[Counter[int], Counter[int]]:
    """Term counts over the whole body and over its lead (the first LEAD_WORDS words)."""
    whole: Counter[int] = Counter()
    lead: Counter[int] = Counter()
    for index, word in _INDEX.finditer_at(body):
        whole[index] += 1
        if word < LEAD_WORDS:
            lead[index] += 1
    return whole, lead


def without_menus(body: str) -> str:
    """The body without site-menu lines (`خانه | ورزشی | اقتصادی | بورس | …`): their section names are
    chrome, not the story's subject. Returns `body` itself when it has none."""
    lines = body.split("\n")
    if len(lines) < MENU_MIN_ITEMS and not any(sep in body for sep in MENU_SEPARATORS):
        return body
    drop = _menu_runs(lines)
    kept = [line for i, line in enumerate(lines) if i not in drop and not _is_menu(line)]
    return body if len(kept) == len(lines) else "\n".join(kept)


def _menu_runs(lines: list[str]) -> set[int]:
    """Indexes of lines in runs of more than MENU_MIN_ITEMS short lines with no sentence end: a menu
    or a related-news list laid out one item per line."""
    drop: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, "."]):
        text = line.strip()
        if text and len(text.split(maxsplit=MENU_WORDS_PER_ITEM)) <= MENU_WORDS_PER_ITEM and _menu_item(text):
            run.append(i)
            continue
        if len(run) > MENU_MIN_ITEMS:
            drop.update(run)
        run = [] if text else run
    return drop


def _is_menu(line: str) -> bool:
    for sep in MENU_SEPARATORS:
        parts = line.split(sep)
        if len(parts) > MENU_MIN_ITEMS and len(line.split()) <= MENU_WORDS_PER_ITEM * len(parts):
            return True
    return False


def _menu_item(text: str) -> bool:
    """A short line that may be a menu item: no sentence end, no figure (a bullet of statistics) and
    no hashtag (a channel post's tags are its subject)."""
    return text[-1] not in SENTENCE_ENDS and text[0] != "#" and not any(ch.isdigit() for ch in text)


def classify(headline: str, body: str) -> TopicResult:
    """Score the lexicon over the headline (extra weight) and the body (site menus left out)."""
    body = without_menus(body)
    (body_hits, lead_hits), head_hits = _body_hits(body), _hits(headline)
    head_factor = TEASER_HEADLINE_FACTOR if len(body) < TEASER_CHARS else HEADLINE_FACTOR
    per_topic: dict[str, float] = {}
    positive = negative = 0.0
    strong = False
    found = body_hits.keys() | head_hits.keys()
    if _SPORT_IDS & found:
        found -= _SPORT_SENSITIVE_IDS  # "محرومیت" of a player
    disaster = not _HAZARD_IDS.isdisjoint(found) and (
        not _VICTIM_IDS.isdisjoint(found) or (not _PEOPLE_IDS.isdisjoint(found) and _FORECAST_IDS.isdisjoint(found))
    )
    abroad = not _FOREIGN_IDS.isdisjoint(head_hits) and _OURS_IDS.isdisjoint(found)
    for index in found:
        topic, _, weight = _TERMS[index]
        if abroad and topic == DISASTER_TOPIC:
            continue
        if disaster and (index in _HAZARD_IDS or index in _VICTIM_IDS):
            weight = max(weight, HAZARD_PEOPLE_WEIGHT)
        lead = LEAD_FACTOR * lead_hits[index]
        hits = min(body_hits[index], MAX_HITS_PER_TERM) + lead + head_factor * head_hits[index]
        if topic is None:
            negative += weight * hits
            continue
        positive += weight * hits
        per_topic[topic] = per_topic.get(topic, 0.0) + weight * hits
        strong = strong or weight >= STRONG_WEIGHT
    score = positive - NEGATIVE_FACTOR * negative
    ranked = sorted(per_topic.items(), key=lambda item: item[1], reverse=True)
    tags = tuple(t for t, s in ranked if s >= TOPIC_MIN_SCORE)[:MAX_TOPICS]
    return TopicResult(is_social=strong and score >= SOCIAL_THRESHOLD, score=score, topics=tags)
