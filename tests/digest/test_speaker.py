"""digest.speaker: attribution, role/name split and coreference."""

from __future__ import annotations

import pytest

from digest import Article, extract
from digest.model import Speaker
from digest.normalize import normalize_fa
from digest.sentences import split_sentences
from digest.speaker import _post_only, _with_full_name, find_speakers, subject_of
from digest.subject import Mention, classify_subject, cut_adjuncts


def speakers(text: str, kicker: str | None = None, headline: str = "") -> list[tuple[str | None, str | None, int]]:
    sentences = split_sentences(normalize_fa(text).split("\n"))
    found = find_speakers(sentences, normalize_fa(kicker) if kicker else None, normalize_fa(headline))
    return [(s.name, s.role, s.statements) for s in found]


SPLITS = [
    ("role_then_name", "وزیر کشور عبدالرضا رحمانی فضلی", "عبدالرضا رحمانی فضلی", "وزیر کشور"),
    (
        "name_then_role_with_comma_inside",
        "علی ربیعی وزیر تعاون، کار و رفاه اجتماعی",
        "علی ربیعی",
        "وزیر تعاون، کار و رفاه اجتماعی",
    ),
    (
        "title_name_comma_role",
        "دکتر محمد حسینی، رئیس سازمان بهزیستی کشور",
        "محمد حسینی",
        "رئیس سازمان بهزیستی کشور",
    ),
    (
        "role_comma_name",
        "معاون امور اجتماعی سازمان بهزیستی، حبیب الله مسعودی فرید",
        "حبیب الله مسعودی فرید",
        "معاون امور اجتماعی سازمان بهزیستی",
    ),
    ("role_only", "سخنگوی دولت", None, "سخنگوی دولت"),
    ("name_comma_then_bracketed_role", "دکتر علی علیزاده، (معاون اداره کل دارو)", "علی علیزاده", "معاون اداره کل دارو"),
    (
        "rank_is_dropped",
        "فرمانده سپاه ناحیه گچساران سرهنگ باقر پسنده",
        "باقر پسنده",
        "فرمانده سپاه ناحیه گچساران",
    ),
    ("sayyid_is_kept", "سید ابوالحسن حسینی بوشهری", "سید ابوالحسن حسینی بوشهری", None),
    ("cleric_title", "امام جمعه دیلم حجت الاسلام و المسلمین سید علی موسوی", "سید علی موسوی", "امام‌جمعه دیلم"),
    (
        "place_is_not_surname",
        "مسئول سازندگی ناحیه مقاومت بسیج مقداد رشت",
        None,
        "مسئول سازندگی ناحیه مقاومت بسیج مقداد رشت",
    ),
    (
        "glued_compound_first_name",
        "مدیرکل بهزیستی استان علی‌اکبر محمدی",
        "علی‌اکبر محمدی",
        "مدیرکل بهزیستی استان",
    ),
    ("surname_alone", "کردونی", "کردونی", None),
    ("role_from_plural", "از فرماندهان ارتش افغانستان", None, "از فرماندهان ارتش افغانستان"),
    ("medical_council_is_no_mr_nezam", "رئیس شورای عالی نظام پزشکی ایران", None, "رئیس شورای عالی نظام پزشکی ایران"),
    ("nezam_a_first_name_still", "مدیرکل بهزیستی نمونه نظام احمدی", "نظام احمدی", "مدیرکل بهزیستی نمونه"),
]


@pytest.mark.parametrize(("subject", "name", "role"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_role_name_split(subject: str, name: str | None, role: str | None) -> None:
    mention = classify_subject(normalize_fa(subject), 0)
    assert mention is not None
    assert (mention.name, mention.role) == (name, role)


@pytest.mark.parametrize(
    "subject",
    ["وی", "او", "ایشان", "این مسئول", "این مقام مسئول"],
    ids=["vey", "u", "ishan", "in_masoul", "in_maqam"],
)
def test_pronouns(subject: str) -> None:
    mention = classify_subject(subject, 0)
    assert mention is not None and mention.kind == "pronoun"


@pytest.mark.parametrize(
    "subject",
    ["روابط عمومی بهزیستی استان", "خبرگزاری فارس", "یکی از شاهدان", "کارشناسان"],
    ids=["public_relations", "agency", "a_witness", "experts"],
)
def test_organisations_are_not_speakers(subject: str) -> None:
    assert classify_subject(subject, 0) is None


@pytest.mark.parametrize(
    "subject",
    ["بانوی کارآفرین", "مرد روستای", "صاحبان صنایع", "ط", "شاهدان", "روایت تلخ زنان سرپرست خانوار", "مهندس و پزشک"],
)
def test_common_nouns_and_initials_are_no_names(subject: str) -> None:
    mention = classify_subject(subject, 0)
    assert mention is None or mention.name is None


PRE = [
    ("lead_in", "به گزارش خبرگزاری موج خوزستان، روزبه کردونی در شورای اجتماعی استان", "روزبه کردونی"),
    (
        "agency_prefix",
        "خبرگزاري فارس: رئيس سازمان امور اقتصادي و دارايي استان كردستان",
        "رئیس سازمان امور اقتصادی و دارایی استان کردستان",
    ),
    (
        "dateline",
        "تهران- ایرنا- معاون امنیتی و انتظامی استاندار تهران",
        "معاون امنیتی و انتظامی استاندار تهران",
    ),
    ("preamble", "در این آیین سرهنگ باقر پسنده ضمن گرامیداشت دهه فجر", "سرهنگ باقر پسنده"),
    (
        "preamble_clause",
        "در این جلسه که با حضور معاون سازمان برگزار شد، مدیرکل بهزیستی استان بر توجه",
        "مدیرکل بهزیستی استان",
    ),
    ("adjuncts", "ناصر چرخ‌ساز پیش از ظهر امروز در جلسه شورا", "ناصر چرخ‌ساز"),
    (
        "majlis_kept",
        "نماینده مردم اهواز در مجلس شورای اسلامی با اشاره به",
        "نماینده مردم اهواز در مجلس شورای اسلامی",
    ),
    (
        "fight_with_kept",
        "رئیس پلیس مبارزه با مواد مخدر ناجا در نشست خبری",
        "رئیس پلیس مبارزه با مواد مخدر ناجا",
    ),
    ("adverb_ez", "فرماندار ماکو از خسارت ۷ میلیارد ریالی سیل", "فرماندار ماکو"),
    (
        "name_comma_role_nayz",
        "حسین اردونی، معاون توانبخشی سازمان بهزیستی نیز در این جلسه",
        "حسین اردونی، معاون توانبخشی سازمان بهزیستی",
    ),
]


@pytest.mark.parametrize(("pre", "subject"), [c[1:] for c in PRE], ids=[c[0] for c in PRE])
def test_subject_of(pre: str, subject: str) -> None:
    assert subject_of(normalize_fa(pre)) == normalize_fa(subject)


@pytest.mark.parametrize(
    ("subject", "kept"),
    [
        (
            "رضا نمونه مدیر برنامه‌های تغذیه در مراکز جمعیتی وزارت بهداشت",
            "رضا نمونه مدیر برنامه‌های تغذیه در مراکز جمعیتی وزارت بهداشت",
        ),
        ("علی نمونه رئیس دفتر نهاد رهبری در دانشگاه این مراسم", "علی نمونه رئیس دفتر نهاد رهبری در دانشگاه"),
        ("مدیرکل بهزیستی نمونه در جمع خبرنگاران سازمان", "مدیرکل بهزیستی نمونه"),
        ("مدیرکل بهزیستی نمونه در سفر به سازمان", "مدیرکل بهزیستی نمونه"),
    ],
    ids=["ministry_closes_the_phrase", "a_venue_after_it_ends_the_post", "a_venue_first", "a_trip_first"],
)
def test_a_phrase_inside_a_post_that_its_ministry_closes(subject: str, kept: str) -> None:
    assert cut_adjuncts(subject) == kept


def test_cut_adjuncts_keeps_commas_in_roles() -> None:
    subject = "مدیر کل دفتر امور آسیب های اجتماعی وزارت تعاون، کار و رفاه اجتماعی"
    assert cut_adjuncts(subject) == subject


STORY = """مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار آغاز شد.
به گزارش ایرنا، مریم احمدی در نشست خبری اظهار کرد: این طرح در سه شهرستان اجرا می‌شود.
وی افزود: اعتبار این طرح تامین شده است.
احمدی تصریح کرد: خانواده‌ها نیز حمایت می‌شوند.
این مسئول خاطرنشان کرد: مراکز جدید افتتاح خواهد شد."""


def test_role_in_lead_linked_to_name_in_body() -> None:
    assert speakers(STORY) == [("مریم احمدی", "مدیرکل بهزیستی استان", 5)]


def test_unnamed_official() -> None:
    found = speakers("سخنگوی وزارت بهداشت گفت: واکسیناسیون ادامه دارد.\nوی افزود: نگرانی وجود ندارد.")
    assert found == [(None, "سخنگوی وزارت بهداشت", 2)]


def test_kicker_is_a_speaker_clue() -> None:
    found = speakers("روزبه کردونی در جلسه گفت: طرح ادامه دارد.", kicker="مدیر کل دفتر امور آسیب های اجتماعی خبرداد:")
    assert found == [("روزبه کردونی", "مدیر کل دفتر امور آسیب های اجتماعی", 2)]


def test_headline_role_colon() -> None:
    found = speakers(
        "سیدعلی هاشمی در گفت‌وگو با خبرنگار اظهار داشت: خسارتی نداشت.",
        headline="فرماندار دشتی: زلزله خسارت نداشت",
    )
    assert found[0][:2] == ("سیدعلی هاشمی", "فرماندار دشتی")


def test_main_speaker_is_the_leads_else_most_statements() -> None:
    text = (
        "علی رضایی، رئیس اداره کار گفت: بیکاری کم شد.\n"
        "حسن کریمی، معاون استاندار گفت: اشتغال زیاد شد.\n"
        "کریمی افزود: طرح ادامه دارد.\nوی تاکید کرد: حمایت می‌کنیم."
    )
    sentences = split_sentences(normalize_fa(text).split("\n"))
    assert [s.name for s in find_speakers(sentences)] == ["علی رضایی", "حسن کریمی"]  # the lead's speaker
    by_count = find_speakers(sentences, lead=0)
    assert [s.name for s in by_count] == ["حسن کریمی", "علی رضایی"]
    assert by_count[0].statements == 3


def test_be_gofte() -> None:
    found = speakers("به گفته رئیس پلیس راهور استان، تصادفات کاهش یافته است.")
    assert found == [(None, "رئیس پلیس راهور استان", 1)]


def test_belief_verb_before_a_bare_clause_with_a_number() -> None:
    found = speakers("بابک زمانی، جامعه‌شناس دانشگاه تهران معتقد است ۴۰ درصد جوانان بیکارند.")
    assert found == [("بابک زمانی", "جامعه‌شناس دانشگاه تهران", 1)]
    assert speakers("رئیس سازمان بهزیستی بر این باور است ۳ میلیون نفر نیازمندند.") == [(None, "رئیس سازمان بهزیستی", 1)]


def test_indirect_verb_at_sentence_end() -> None:
    found = speakers("رضا محمدی مدیرکل امداد استان بر لزوم حمایت از مددجویان تاکید کرد.")
    assert found == [("رضا محمدی", "مدیرکل امداد استان", 1)]


def test_goftogu_is_not_a_verb() -> None:
    assert speakers("برنامه گفت و گو با مردم در شهر برگزار شد.") == []


def test_role_with_comma_then_name() -> None:
    mention = classify_subject("مدیر کل دفتر امور اجتماعی وزارت تعاون، کار و رفاه اجتماعی روزبه کردونی", 0)
    assert mention is not None
    assert (mention.name, mention.role) == (
        "روزبه کردونی",
        "مدیر کل دفتر امور اجتماعی وزارت تعاون، کار و رفاه اجتماعی",
    )


def test_indefinite_official_is_unnamed() -> None:
    text = (
        "یک مقام آگاه در وزارت کار گفت: یارانه واریز می‌شود.\nاین مقام که نخواست نامش فاش شود افزود: مبلغ تغییر نمی‌کند."
    )
    assert speakers(text) == [(None, "مقام آگاه در وزارت کار", 2)]


def test_role_comma_unknown_first_name() -> None:
    mention = classify_subject("مدیرکل بهزیستی استان یزد، کیوانه دهقانی‌نژاد", 0)
    assert mention is not None
    assert (mention.name, mention.role) == ("کیوانه دهقانی‌نژاد", "مدیرکل بهزیستی استان یزد")


def test_comma_inside_role_is_not_a_name() -> None:
    mention = classify_subject("وزیر تعاون، کار و رفاه اجتماعی", 0)
    assert mention is not None and mention.name is None


def test_role_variants_without_province_word_are_one_person() -> None:
    text = (
        "به گزارش ایسنا، حسین میرزایی، مدیرکل بهزیستی استان کرمانشاه در نشست خبری اظهار کرد: طرح آغاز شد.\n"
        "مدیرکل بهزیستی کرمانشاه ادامه داد: ۴۰ درصد معلولان در روستاها هستند."
    )
    assert speakers(text) == [("حسین میرزایی", "مدیرکل بهزیستی استان کرمانشاه", 2)]


def test_parenthesised_honorific_stays_in_role() -> None:
    text = "مرتضی بختیاری رئیس کمیته امداد امام خمینی (ره) در بازدید از مراکز اظهار داشت: خانوارها شناسایی شدند."
    assert speakers(text)[0][1] == "رئیس کمیته امداد امام خمینی (ره)"


def test_headline_role_and_fuller_lead_role_are_one_official() -> None:
    text = "تهران- ایرنا- معاون امنیتی و انتظامی استاندار تهران اعلام کرد: کمبودی وجود ندارد."
    found = speakers(text, headline="معاون استاندار تهران: هر نوع خبری تکذیب می‌شود")
    assert found == [(None, "معاون امنیتی و انتظامی استاندار تهران", 2)]


def test_a_headline_post_acting_names_the_post_of_the_named_speaker() -> None:
    text = "به گزارش صداوسیما، کاوان نوروزی در بازدید از آسایشگاه معلولان گفت: ۲۰ جوان آماده ازدواج هستند."
    found = speakers(text, headline="استاندار نمونه از آسایشگاه معلولان شهر نمونه بازدید کرد")
    assert found == [("کاوان نوروزی", "استاندار نمونه", 1)]
    # a head word opening a spaced surname is no post
    found = speakers("به گزارش ایرنا، کاوان نوروزی گفت: الف.", headline="خطیب زاده سفر وزیر به نمونه را تایید کرد")
    assert found == [("کاوان نوروزی", None, 1)]


@pytest.mark.parametrize(
    "pre",
    [
        "رئیس سازمان بهزیستی کشور سه‌شنبه در جمع خبرنگاران",
        "رئیس سازمان بهزیستی کشور امسال",
        "رئیس سازمان بهزیستی کشور روز یکشنبه",
    ],
    ids=["weekday", "this_year", "day_word"],
)
def test_time_adjuncts_end_the_subject(pre: str) -> None:
    assert subject_of(pre) == "رئیس سازمان بهزیستی کشور"


def test_friday_prayer_leader_keeps_jomeh() -> None:
    assert subject_of("امام جمعه دیلم در خطبه‌های نماز") == "امام‌جمعه دیلم"


# Whole sentences from other outlets' styles: (id, text, expected [(name, role, statements)]).
ATTRIBUTIONS = [
    (
        "place_dateline_unnamed_official",
        "زاهدان- یک مقام مسئول در دادگستری سیستان و بلوچستان گفت: پرونده‌ها بیشتر شد.",
        [(None, "مقام مسئول در دادگستری سیستان و بلوچستان", 1)],
    ),
    (
        "reporter_dateline",
        "مشهد- خبرنگار ایسنا- معاون استاندار خراسان رضوی گفت: بارش‌ها کم بود.",
        [(None, "معاون استاندار خراسان رضوی", 1)],
    ),
    (
        "reporter_dateline_then_name",
        "بوشهر- خبرنگار ایرنا- فرماندار بوشهر گفت: الف.\nمحمد رضایی افزود: ب.",
        [("محمد رضایی", "فرماندار بوشهر", 2)],
    ),
    ("bracketed_agency", "(ایسنا) شهردار کرج گفت: الف.", [(None, "شهردار کرج", 1)]),
    ("agency_slash_city", "ایسنا/همدان شهردار همدان گفت: الف.", [(None, "شهردار همدان", 1)]),
    (
        "unnamed_source_in_ministry",
        "یک منبع آگاه در وزارت کشور گفت: الف.",
        [(None, "منبع آگاه در وزارت کشور", 1)],
    ),
    (
        "fronted_object",
        "طرح ادامه دارد. این مطلب را مدیرکل بهزیستی فارس در جمع خبرنگاران عنوان کرد.",
        [(None, "مدیرکل بهزیستی فارس", 1)],
    ),
    ("quote_then_this", "«طرح ادامه دارد»؛ این را شهردار رشت امروز گفت.", [(None, "شهردار رشت", 1)]),
    ("be_eteqad", "به اعتقاد رئیس سازمان بهزیستی، طرح موفق است.", [(None, "رئیس سازمان بهزیستی", 1)]),
    ("this_official_still_a_pronoun", "شهردار گفت: الف.\nاین مقام مسئول افزود: ب.", [(None, "شهردار", 2)]),
    (
        "unnamed_official_in_headquarters",
        "یک مقام مسئول در ستاد مدیریت بحران استان گفت: الف.",
        [(None, "مقام مسئول در ستاد مدیریت بحران استان", 1)],
    ),
    (
        "unnamed_source_in_commission",
        "یک منبع آگاه در کمیسیون اجتماعی مجلس گفت: الف.",
        [(None, "منبع آگاه در کمیسیون اجتماعی مجلس", 1)],
    ),
    (
        "unnamed_official_meeting_cut",
        "یک مقام مسئول در جلسه شورای تامین گفت: الف.",
        [(None, "مقام مسئول", 1)],
    ),
    (
        "nearest_role_names_the_person",
        "معاون آموزش ابتدایی استان گفت: الف.\nدر ادامه رئیس اداره امور بانوان استانداری گفت: ب.\n"
        "لیلا کرمی افزود: پ.\nکرمی تصریح کرد: ت.",
        [(None, "معاون آموزش ابتدایی استان", 1), ("لیلا کرمی", "رئیس اداره امور بانوان استانداری", 3)],
    ),
    (
        "title_post_as_the_office_links_to_the_lead_name",
        "معاون استاندار نمونه از توزیع اقلام خبر داد.\n"
        "📲| به گزارش پایگاه اطلاع‌رسانی استانداری نمونه، کاوان نوروزی معاون هماهنگی امور عمرانی استانداری نمونه"
        " در جریان توزیع اقلام گفت: الف.\nنوروزی افزود: ب.",
        [("کاوان نوروزی", "معاون هماهنگی امور عمرانی استانداری نمونه", 3)],
    ),
    (
        "a_first_name_after_an_organisation_noun_names_the_organisation",
        "مدیر امور مجاورین بنیاد کرامت آستان قدس رضوی گفت: الف.\nهادی غلامی افزود: ب.",
        [("هادی غلامی", "مدیر امور مجاورین بنیاد کرامت آستان قدس رضوی", 2)],
    ),
    (
        "honorific_plural_verb_for_one_official",
        "علی رضایی مدیرکل بهزیستی استان نمونه افزودند: الف.\nایشان اظهار داشتند: ب.",
        [("علی رضایی", "مدیرکل بهزیستی استان نمونه", 2)],
    ),
    ("plural_subject_with_a_plural_verb_is_no_one", "کارگران در خاتمه تصریح کردند: الف.", []),
    (
        "according_to_a_titled_surname_before_a_number",
        "استاندار در این جلسه گفت: الف.\nبه گفته آقای نوروزی ۲ هزار قطعه زمین واگذار می‌شود.",
        [("نوروزی", "استاندار", 2)],
    ),
    (
        "a_lead_listing_posts_names_no_one_post",
        "معاون فرماندار، رئیس بهزیستی شهرستان نمونه و کارشناس پیشگیری از کمپ ترک اعتیاد بازدید کردند.\n"
        "در این بازدید حسین نوروزی گفت: الف.",
        [("حسین نوروزی", None, 1)],
    ),
    (
        "quoted_name_after_a_report_lead_in_with_a_comma_inside",
        "مدیرکل بهزیستی استان نمونه گفت: الف.\n"
        "به گزارش روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان نمونه، «عباسعلی کاوه» اظهار کرد: ب.",
        [("عباسعلی کاوه", "مدیرکل بهزیستی استان نمونه", 2)],
    ),
    (
        "two_word_first_name_opening_with_but",
        "ولی اله کاوه نماینده مردم نمونه در مجلس شورای اسلامی در گفت‌وگو با خبرنگار گفت: الف.",
        [("ولی اله کاوه", "نماینده مردم نمونه در مجلس شورای اسلامی", 1)],
    ),
    (
        "an_actor_after_a_fronted_clause",
        "در راستای کاهش جمعیت کیفری زندان‌ها، ناصر کاوه رییس کل دادگستری استان نمونه از زندان مرکزی بازدید نمود.",
        [("ناصر کاوه", "رییس کل دادگستری استان نمونه", 0)],
    ),
    (
        "according_to_a_quoted_name",
        "به گفته «غلامرضا کاوه» مدیرکل مدیریت بحران استان نمونه، ۱۵ روستا درگیر سیلاب شده‌اند.",
        [("غلامرضا کاوه", "مدیرکل مدیریت بحران استان نمونه", 1)],
    ),
    (
        "a_relative_clause_with_no_comma_before_the_post",
        "در این آیین که با حضور ۳۰۰ خانوار سالمند شاهین شهری برگزار شد مدیر کمیته امداد استان نمونه گفت: الف.",
        [(None, "مدیر کمیته امداد استان نمونه", 1)],
    ),
    (
        "a_post_glued_to_its_event_after_a_comma_less_report",
        "به گزارش خبرگزاری صداوسیما دبیرهمایش نابینایان که در سالن شهر برگزارشد گفت: الف.\nعارف افزود: ب.",
        [("عارف", "دبیر همایش نابینایان", 2)],
    ),
    (
        "a_name_right_before_the_verb_after_a_venue",
        "به گزارش صداوسیما، سخنگوی ستاد مبارزه با مواد مخدر امروز در نشست تخصصی سعید نوروزی گفت: الف.",
        [("سعید نوروزی", "سخنگوی ستاد مبارزه با مواد مخدر", 1)],
    ),
    (
        "a_tag_pages_person_label_names_the_post_quoted",
        "برچسب زده شده با : امیر کاوه\nمدیرکل مدیریت بحران استان نمونه، با بیان اینکه برنامه‌ای تدوین شده، گفت: الف.",
        [("امیر کاوه", "مدیرکل مدیریت بحران استان نمونه", 1)],
    ),
    (
        "an_actor_after_a_fronted_time",
        "جلسه ستاد بحران در شهر نمونه\n"
        "بعدازظهر پنجشنبه ۲۲ دی ماه ،دکتر کاوه‌نیا مدیرکل مدیریت بحران به بازدید از شهرها پرداخت.",
        [("کاوه‌نیا", "مدیرکل مدیریت بحران", 0)],
    ),
    (
        "witnesses_are_no_one",
        "یوسف کاوه در تشریح این خبر گفت: الف.\nدو نفر که به گفته شاهدان از اتباع بوده‌اند، جان باختند.\n"
        "رئیس اورژانس استان ادامه داد: ب.",
        [("یوسف کاوه", "رئیس اورژانس استان", 2)],
    ),
    (
        "some_people_who_are_no_one",
        "به گفته زنانی که تصاویر آنها در شبکه‌های اجتماعی منتشر شده است، آب روستاهای نمونه قطع شده است.\n"
        "به گفته کارشناسانی که در محل حضور داشتند، سد نمونه آسیبی ندیده است.",
        [],
    ),
    (
        "a_doctors_opinion_is_no_one",
        "دانش‌آموزان به بیمارستان منتقل شدند که بر اساس اعلام نظر پزشکان، مشکل خاصی برای آنها رخ نداده است.",
        [],
    ),
    (
        "a_named_opinion_still_names",
        "بر اساس اعلام نظر رضا نمونه‌زاده مدیر شبکه بهداشت نمونه، مشکل خاصی رخ نداده است.",
        [("رضا نمونه‌زاده", "مدیر شبکه بهداشت نمونه", 1)],
    ),
    (
        "a_first_name_in_two_words_before_a_two_word_surname",
        "رئیس اداره بهزیستی نمونه گفت: الف.\nام البنین متقی نمونه افزود: ب.",
        [("ام البنین متقی نمونه", "رئیس اداره بهزیستی نمونه", 2)],
    ),
    (
        "a_number_of_people_are_no_one",
        "شماری از پناهجویان نمونه در مصاحبه با رسانه‌ها از بحران‌ها خبر دادند.\n"
        "عده‌ای از کشاورزان روستای نمونه گفتند: آب نداریم.",
        [],
    ),
    (
        "a_stuttered_attribution_names_the_post",
        "رئیس بیمارستان نمونه گفت:دکتر صلاحی‌نمونه گفت: بیماران را با آمبولانس به مرکز استان می‌فرستیم.",
        [("صلاحی‌نمونه", "رئیس بیمارستان نمونه", 2)],
    ),
    (
        "a_post_quoted_in_the_quote_is_another",
        "استاندار نمونه گفت: رئیس سازمان بهزیستی گفت: باید به روستاها رسید.",
        [(None, "استاندار نمونه", 1)],
    ),
    (
        "role_before_name_wins_a_tie",
        "مدیرکل بهزیستی گفت: الف.\nزهرا صادقی افزود: ب.\nشهردار گفت: پ.",
        [("زهرا صادقی", "مدیرکل بهزیستی", 2), (None, "شهردار", 1)],
    ),
    (
        "unnamed_official_venue_cut",
        "یک مقام مسئول در جمع خبرنگاران گفت: الف.",
        [(None, "مقام مسئول", 1)],
    ),
    (
        "supreme_leader_representative",
        "نماینده ولی فقیه در استان و امام جمعه اهواز گفت: الف.",
        [(None, "نماینده ولی فقیه در استان و امام‌جمعه اهواز", 1)],
    ),
    (
        "representative_venue_cut",
        "مجتبی یوسفی نماینده مردم اهواز در جمع خبرنگاران گفت: الف.",
        [("مجتبی یوسفی", "نماینده مردم اهواز", 1)],
    ),
    (
        "ambassador_in_country",
        "سفیر ایران در ترکیه گفت: الف.",
        [(None, "سفیر ایران در ترکیه", 1)],
    ),
    ("council_meeting_is_a_venue", "مدیرکل بهزیستی در شورای اداری استان گفت: الف.", [(None, "مدیرکل بهزیستی", 1)]),
    ("in_the_margin_is_a_venue", "شهردار رشت در حاشیه این مراسم گفت: الف.", [(None, "شهردار رشت", 1)]),
    ("experts_plural", "کارشناسان بهداشت گفتند: الف.", []),
    ("officials_plural", "مسئولان بهزیستی استان اعلام کردند که الف است.", []),
    ("these_officials_plural", "مدیرکل بهزیستی گفت: الف.\nاین مسئولان گفتند: ب.", [(None, "مدیرکل بهزیستی", 1)]),
    (
        "guillemet_name_second_paragraph",
        "اهواز- ایرنا- مدیرکل بهزیستی خوزستان گفت: الف.\n«علی‌اکبر محمدی» روز یکشنبه در جمع خبرنگاران افزود: ب.",
        [("علی‌اکبر محمدی", "مدیرکل بهزیستی خوزستان", 2)],
    ),
    (
        "hojjat_ol_eslam_half_space",
        "حجت‌الاسلام والمسلمین سید مهدی حسینی نژاد مدیرکل ارشاد اسلامی استان گفت: الف.",
        [("سید مهدی حسینی نژاد", "مدیرکل ارشاد اسلامی استان", 1)],
    ),
    (
        "hojjat_ol_eslam_spaced",
        "حجت الاسلام و المسلمین محمد نوری امام جمعه قم گفت: الف.",
        [("محمد نوری", "امام‌جمعه قم", 1)],
    ),
    (
        "ayatollah_ozma",
        "آیت الله العظمی جعفر سبحانی گفت: الف.",
        [("جعفر سبحانی", None, 1)],
    ),
    (
        "sardar_police_chief",
        "سردار احمد طاهری فرمانده انتظامی سیستان و بلوچستان صبح امروز گفت: الف.",
        [("احمد طاهری", "فرمانده انتظامی سیستان و بلوچستان", 1)],
    ),
    (
        "doctor_woman_role_after_name",
        "دکتر مینا شریفی معاون بهداشت و درمان کمیته امداد امام خمینی (ره) گفت: الف.",
        [("مینا شریفی", "معاون بهداشت و درمان کمیته امداد امام خمینی (ره)", 1)],
    ),
    (
        "compound_surname_second_paragraph",
        "دبیر شورای هماهنگی مبارزه با مواد مخدر استان گفت: الف.\nسعید رحمانی فضلی افزود: ب.\nرحمانی فضلی گفت: پ.",
        [("سعید رحمانی فضلی", "دبیر شورای هماهنگی مبارزه با مواد مخدر استان", 3)],
    ),
    (
        "deputy_governor_commas_in_role",
        "علی‌محمد شاهیوند، معاون سیاسی، امنیتی و اجتماعی استاندار ایلام گفت: الف.",
        [("علی‌محمد شاهیوند", "معاون سیاسی، امنیتی و اجتماعی استاندار ایلام", 1)],
    ),
    ("district_governor", "بخشدار مرکزی شهرستان ری گفت: الف.", [(None, "بخشدار مرکزی شهرستان ری", 1)]),
    ("prosecutor", "دادستان عمومی و انقلاب شیراز گفت: الف.", [(None, "دادستان عمومی و انقلاب شیراز", 1)]),
    (
        "be_gofte_vey_and_this_official",
        "فرماندار دزفول گفت: الف.\nبه گفته وی، ب.\nاین مقام مسئول افزود: پ.",
        [(None, "فرماندار دزفول", 3)],
    ),
    (
        "past_perfect_second_speaker",
        "عباس رضایی مدیرکل ثبت احوال گفت: الف.\nرضایی افزود: ب.\nرئیس کل دادگستری استان نیز گفته بود: پ.",
        [("عباس رضایی", "مدیرکل ثبت احوال", 2), (None, "رئیس کل دادگستری استان", 1)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ATTRIBUTIONS], ids=[c[0] for c in ATTRIBUTIONS])
def test_attributions(text: str, expected: list[tuple[str | None, str | None, int]]) -> None:
    assert speakers(text) == [(normalize_fa(n) if n else n, normalize_fa(r) if r else r, c) for n, r, c in expected]


SHAPES = [
    (
        "heading_name_comma_role",
        "به گزارش ایرنا، طرح ادامه دارد.\nنرگس فرهمند، مدیرکل مدیریت بحران استان نمونه: هفت روستا تخلیه شد.",
        [("نرگس فرهمند", "مدیرکل مدیریت بحران استان نمونه", 1)],
    ),
    (
        "heading_role_and_venue",
        "فرماندار شهرستان نمونه امروز در نشست خبری: جاده‌ها باز است.",
        [(None, "فرماندار شهرستان نمونه", 1)],
    ),
    (
        "heading_line_with_semicolon",
        "سارا نیک‌نام، مدیرعامل جمعیت هلال احمر استان نمونه؛\nامدادرسانی ادامه دارد.",
        [("سارا نیک‌نام", "مدیرعامل جمعیت هلال احمر استان نمونه", 1)],
    ),
    ("heading_needs_a_role", "نکته مهم: طرح ادامه دارد.\nسارا نیک‌نام: کار تمام شد.", []),
    (
        "heading_other_adjunct_is_not_venue",
        "مدیرکل بهزیستی با اشاره به آمار: طرح ادامه دارد.",
        [],
    ),
    (
        "bare_clause_after_role",
        "مدیرعامل شرکت آب و فاضلاب استان اعلام کرد ذخایر سدها کاهش یافته است.",
        [(None, "مدیرعامل شرکت آب و فاضلاب استان", 1)],
    ),
    ("bare_clause_in_relative_clause", "طرحی که وزیر اعلام کرد اجرا می‌شود.", []),
    (
        "name_before_role_unknown_first_name",
        "به گزارش ایرنا، گلاره کامرانی نماینده مردم شهر نمونه در مجلس گفت: الف.",
        [("گلاره کامرانی", "نماینده مردم شهر نمونه در مجلس", 1)],
    ),
    (
        "name_before_spaced_role_head",
        "آرتاک سرکیسیان مدیر کل امور عشایر استان گفت: الف.",
        [("آرتاک سرکیسیان", "مدیر کل امور عشایر استان", 1)],
    ),
    (
        "reporter_byline",
        "باشگاه خبرنگاران جوان؛مهتاب صدری - سیدرضا کاظمی، رئیس سازمان نمونه، گفت: الف.",
        [("سیدرضا کاظمی", "رئیس سازمان نمونه", 1)],
    ),
    (
        "according_to_name_and_role",
        "طبق گفته‌های لیلا صالحی، معاون سلامت سازمان نمونه، ۱۲ مرکز فعال است.",
        [("لیلا صالحی", "معاون سلامت سازمان نمونه", 1)],
    ),
    (
        "according_to_statements_role",
        "بر اساس اظهارات مدیرکل بهزیستی استان، ۱۲ مرکز فعال است.",
        [(None, "مدیرکل بهزیستی استان", 1)],
    ),
    (
        "based_on_plural_sayings",
        "براساس گفته‌های فرماندار نمونه‌آباد، جاده بسته است.",
        [(None, "فرماندار نمونه‌آباد", 1)],
    ),
    (
        "public_relations_as_post",
        "حسین یزدانی روابط عمومی اداره کل نمونه گفت: الف.",
        [("حسین یزدانی", "روابط عمومی اداره کل نمونه", 1)],
    ),
    (
        "deputyship_as_post",
        "شهرام کاوه معاونت عملیات سازمان آتش نشانی که در محل حادثه حضور داشت گفت: الف.",
        [("شهرام کاوه", "معاونت عملیات سازمان آتش نشانی", 1)],
    ),
    ("deputyship_announcing_is_an_office", "معاونت بهداشت دانشگاه اعلام کرد: الف.", []),
    (
        "name_ends_at_object_and_glued_and",
        "بهرام نادری اعتبار طرح را ۱۰ میلیارد تومان اعلام کرد وافزود: الف.",
        [("بهرام نادری", None, 1)],
    ),
    (
        "surname_ends_at_number",
        "کاوه رستمی، مدیرکل امور اجتماعی گفت: الف.\nرستمی ۲۰ میلیارد ریال را برای طرح کافی دانست و گفت: ب.",
        [("کاوه رستمی", "مدیرکل امور اجتماعی", 2)],
    ),
    ("glued_role_head_without_zwnj", "قائممقام سازمان نمونه گفت: الف.", [(None, "قائممقام سازمان نمونه", 1)]),
    ("role_head_glued_to_word", "رئیسسازمان بهزیستی گفت: الف.", [(None, "رئیس سازمان بهزیستی", 1)]),
    ("role_head_glued_to_place", "استاندارتهران گفت: الف.", [(None, "استاندار تهران", 1)]),
    (
        "report_lead_in_without_comma",
        "به گزارش خبرگزاری نمونه مرکز استان مدیرکل بهزیستی استان گفت: الف.",
        [(None, "مدیرکل بهزیستی استان", 1)],
    ),
    (
        "stray_separator_before_verb",
        "عرب نژاد مدیر کل بهزیستی استان نمونه در گفتگو با خبرنگار ما ؛ گفت: الف.",
        [("عرب نژاد", "مدیر کل بهزیستی استان نمونه", 1)],
    ),
    (
        "named_subject_names_the_role",
        "فرماندار نمونه‌آباد گفت: الف.\nبه گزارش ایرنا، حسن کاظمی در حاشیه بازدید از روستا دستورات لازم را صادر کرد.",
        [("حسن کاظمی", "فرماندار نمونه‌آباد", 1)],
    ),
    (
        "role_from_apposition_elsewhere",
        "گفت‌وگویی با مینا رحیمی، مدیر روابط کار اداره کار استان، انجام شد.\nمینا رحیمی گفت: الف.",
        [("مینا رحیمی", "مدیر روابط کار اداره کار استان", 1)],
    ),
    (
        "role_without_comma_elsewhere",
        "کاظمی گفت: الف.\nبه گزارش نیکوکار، کاظمی معاون اداری و مالی بهزیستی در حاشیه آیین توزیع حضور داشت.",
        [("کاظمی", "معاون اداری و مالی بهزیستی", 1)],
    ),
    (
        "role_without_comma_before_its_verb",
        "به گزارش تابناک نمونه رستمی فرماندار نمونه‌آباد گفت: الف.\nرستمی افزود: ب.",
        [("رستمی", "فرماندار نمونه‌آباد", 2)],
    ),
    (
        "surname_beside_role_with_its_county_word",
        "فرماندار نمونه‌آباد در این جلسه گفت: الف.\nاین جلسه با ریاست رستمی فرماندار شهرستان نمونه‌آباد تشکیل شد.",
        [("رستمی", "فرماندار نمونه‌آباد", 1)],
    ),
    (
        "name_beside_role_with_its_province_word",
        "مدیرکل بهزیستی نمونه گفت: الف.\nاین جشنواره با حضور وجیهه صابری مدیرکل بهزیستی استان نمونه برگزار شد.",
        [("وجیهه صابری", "مدیرکل بهزیستی نمونه", 1)],
    ),
    (
        "actor_after_a_fronted_time_without_comma",
        "دقایقی پیش سردار رستمی وزیر کشور در تماس تلفنی با فرماندار نمونه‌آباد از ایشان تقدیر کرد.",
        [("رستمی", "وزیر کشور", 0)],
    ),
    (
        "actor_after_a_fronted_day_without_comma",
        "صبح روز دوشنبه کاوه رستمی وزیر کشور از روستای سیل‌زده نمونه بازدید کرد.",
        [("کاوه رستمی", "وزیر کشور", 0)],
    ),
    (
        "a_saints_saying_is_no_ones_statement",
        "امام علی (ع): دانش بهتر از ثروت است.\nامام رضا علیه السلام: هر که غم مؤمنی را بزداید، خدا غم او را می‌زداید.",
        [],
    ),
    (
        "a_saints_name_inside_a_post_stays",
        "امینه دادور، سرپرست بیمارستان امام حسن عسکری(ع) نمونه‌آباد گفت: الف.",
        [("امینه دادور", "سرپرست بیمارستان امام حسن عسکری(ع) نمونه‌آباد", 1)],
    ),
    (
        "unlisted_first_name_before_an_adjunct_names_the_post",
        "معاون استاندار نمونه در این جشن گفت: الف.\nتراب محمدی با تاکید بر همراهی دولت از خیرین قدردانی کرد.",
        [("تراب محمدی", "معاون استاندار نمونه", 1)],
    ),
    (
        "nouns_before_an_adjunct_name_no_one",
        "خانواده‌های روستایی با اشاره به کم‌آبی از مسئولان چاره خواستند.\nمدیرکل بهزیستی نمونه گفت: الف.",
        [(None, "مدیرکل بهزیستی نمونه", 1)],
    ),
    (
        "a_later_post_acting_is_the_one_named_speakers",
        "به گزارش مهر، کاوه رستمی گفت: الف.\nوی افزود: ب.\n"
        "معاون درمان وزارت بهداشت، در سفر به استان نمونه از مراکز درمانی این استان بازدید کرد.",
        [("کاوه رستمی", "معاون درمان وزارت بهداشت", 2)],
    ),
    (
        "a_post_word_before_zadeh_opens_a_surname",
        "سیدحسن قاضی زاده هاشمی وزیر بهداشت گفت: الف.",
        [("سیدحسن قاضی زاده هاشمی", "وزیر بهداشت", 1)],
    ),
    (
        "a_semicolon_sets_the_post_off",
        "به گزارش ایرنا، کاوه قاضی پور؛ وزیر بهداشت که به استان نمونه سفر کرده است گفت: الف.",
        [("کاوه قاضی پور", "وزیر بهداشت", 1)],
    ),
    (
        "name_beside_a_post_written_glued",
        "مدیر کل بهزیستی استان نمونه خبر داد؛ برگزاری جشنواره ورزشی بهزیستی نمونه وجیهه محمدی فلاح مدیرکل"
        " بهزیستی استان نمونه، در جشنواره از حضور خانواده‌ها قدردانی کرد.\nوی افزود: الف.",
        [("وجیهه محمدی فلاح", "مدیر کل بهزیستی استان نمونه", 2)],
    ),
    (
        "a_post_named_elsewhere_is_one_speaker_with_the_name",
        "مدیر کل امداد نمونه گفت: الف.\nمحمد بذرافشان، مدیرکل امداد نمونه افزود: ب.\nمدیر کل امداد نمونه تصریح کرد: ج.",
        [("محمد بذرافشان", "مدیر کل امداد نمونه", 3)],
    ),
    (
        "an_interview_lead_names_the_speaker",
        "خبرنگار ما در گفت‌وگو با محمد کبادی، معاون عملیات هلال احمر، جزئیات عملیات‌ها را مرور کرده است.\n"
        "در حوادث جاده‌ای ۲۰۰ نفر امدادرسانی شدند.",
        [("محمد کبادی", "معاون عملیات هلال احمر", 1)],
    ),
    (
        "a_lone_surname_one_letter_off_is_the_same_person",
        "نوراله مدبری در نشست شورای مدیران بیان کرد: الف.\nمعاون اداری مالی کمیته امداد کشور تصریح کرد: ب.\n"
        "مدیری با اشاره به برنامه اشتغال افزود: ج.\n"
        "به گفته معاون اداری مالی کمیته امداد کشور توزیع یک میلیون و ۲۰۰ هزار قلم کالا از خدمات بوده است.",
        [("نوراله مدبری", "معاون اداری مالی کمیته امداد کشور", 4)],
    ),
    (
        "actor_after_a_fronted_adjunct_without_comma",
        "در ابتدای این جلسه مهندس خسروانی مدیرکل دفتر امور روستایی استانداری در این باره توضیحاتی ارائه نمودند.",
        [("خسروانی", "مدیرکل دفتر امور روستایی استانداری", 0)],
    ),
    (
        "a_name_written_glued_and_spaced_is_one_person",
        "کاظم فلاحیدوست، مدیرعامل جمعیت هلال احمر استان نمونه گفت: الف.\nکاظم فلاحی دوست افزود: ب.",
        [("کاظم فلاحی دوست", "مدیرعامل جمعیت هلال احمر استان نمونه", 2)],
    ),
    (
        "a_relative_clause_head_is_no_speaker",
        "۱۱۰۰ بیمار فوت کرده‌اند. آماری که رئیس انجمن تالاسمی ایران سال گذشته درباره آن هشدار داده و گفته بود: الف.",
        [(None, "رئیس انجمن تالاسمی ایران", 1)],
    ),
    (
        "a_surname_heading_a_relative_clause_still_speaks",
        "رضایی که در جلسه حضور داشت گفت: الف.",
        [("رضایی", None, 1)],
    ),
    (
        "a_road_between_two_towns_after_a_post_is_no_name",
        "فرمانده پلیس راه شاهین دژ - تکاب گفت: یک نفر کشته شد.",
        [(None, "فرمانده پلیس راه شاهین دژ - تکاب", 1)],
    ),
    (
        "a_titled_name_after_a_long_fronted_phrase_speaks",
        "اجرای 40 طرح هادی و ساخت بیش از 5500 واحد مسکونی طی یک سال گذشته توسط بنیاد مسکن در شهر نمونه"
        " مهندس منبتی مدیرکل بنیاد مسکن استان نمونه تصریح کرد: الف.",
        [("منبتی", "مدیرکل بنیاد مسکن استان نمونه", 1)],
    ),
    (
        "bakhsh_closing_a_surname_before_a_post",
        "به گزارش کمیته امداد، کیومرث عدل بخش معاون اشتغال کمیته امداد استان نمونه گفت: الف.",
        [("کیومرث عدل بخش", "معاون اشتغال کمیته امداد استان نمونه", 1)],
    ),
    (
        "a_lone_surname_ending_a_glued_one_is_the_same_person",
        "سرهنگ پرویز سیاح‌البرزی اظهار داشت: الف.\nبه گفته جانشین فرمانده پلیس راه، ب.\nالبرزی افزود: ج.",
        [("پرویز سیاح‌البرزی", "جانشین فرمانده پلیس راه", 3)],
    ),
    (
        "a_title_word_ending_a_name_is_the_surname",
        "نماینده مردم شهر نمونه در مجلس بیان کرد: الف.\nمحمد امیر در گفت‌وگویی درباره جوانان اظهار کرد: ب.",
        [("محمد امیر", "نماینده مردم شهر نمونه در مجلس", 2)],
    ),
    (
        "name_beside_role_elsewhere",
        "مدیرکل بهزیستی استان نمونه خبر داد؛ برگزاری جشنواره.\n"
        "این جشنواره با حضور وجیهه صابری مدیرکل بهزیستی استان نمونه برگزار شد.",
        [("وجیهه صابری", "مدیرکل بهزیستی استان نمونه", 1)],
    ),
    (
        "quoted_name_after_report",
        "به گزارش ایرنا، «سید حامد نوری» امروز سه‌شنبه، ۲۰ آبان با بیان اینکه طرح مهم است، گفت: الف.",
        [("سید حامد نوری", None, 1)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_attribution_shapes(text: str, expected: list[tuple[str | None, str | None, int]]) -> None:
    assert speakers(text) == [(normalize_fa(n) if n else n, normalize_fa(r) if r else r, c) for n, r, c in expected]


def test_group_in_title_is_not_a_name() -> None:
    found = speakers("یک سخنگوی طالبان اعلام کرد که مرزها باز است.", headline="طالبان: مرزها بسته نمی‌شود")
    assert found == [(None, "سخنگوی طالبان", 1)]


def test_surname_in_title_names_the_role_in_the_body() -> None:
    found = speakers("مدیرکل بهزیستی استان نمونه در نشست خبری: ۱۲ روستا تخلیه شد.", headline="رستمی: روستاها تخلیه شد")
    assert found == [("رستمی", "مدیرکل بهزیستی استان نمونه", 2)]


def test_kicker_heading_names_the_speaker() -> None:
    found = speakers("۱۲ روستا تخلیه شد.", kicker="کاوه رستمی، مدیرکل بهزیستی استان نمونه")
    assert found[0][:2] == ("کاوه رستمی", "مدیرکل بهزیستی استان نمونه")


def test_title_speaker_ranks_first() -> None:
    text = "علی رضایی، رئیس اداره کار گفت: الف.\nعلی رضایی افزود: ب.\nحسن کریمی، معاون استاندار گفت: پ."
    found = speakers(text, headline="معاون استاندار: اشتغال زیاد شد")
    assert [s[0] for s in found] == ["حسن کریمی", "علی رضایی"]


@pytest.mark.parametrize(
    "subject",
    ["date 2025-11-11", "۲۰ آبان ۱۴۰۴", "زاهدان- یک", "- ایسنا/لرستان", "آنها"],
    ids=["iso_stamp", "jalali_date", "dateline_dash", "agency_slash", "plural_pronoun"],
)
def test_never_a_name(subject: str) -> None:
    mention = classify_subject(normalize_fa(subject), 0)
    assert mention is None or mention.name is None


def test_day_word_inside_a_name() -> None:
    assert speakers("فرح روز قهرمانی، رئیس انجمن نمونه گفت: الف.") == [("فرح روز قهرمانی", "رئیس انجمن نمونه", 1)]
    assert speakers("سارا نیک‌نام روز گذشته گفت: الف.") == [("سارا نیک‌نام", None, 1)]


def test_web_outlet_is_not_a_speaker() -> None:
    assert speakers("همشهری آنلاین نوشت: سه فیلم در جشنواره حضور دارند.") == []


def test_interview_label_is_not_a_speaker() -> None:
    text = "خبرنگار: آیا طرح ادامه دارد؟\nسارا نیک‌نام، مدیرکل بهزیستی استان: بله ادامه دارد."
    assert speakers(text) == [("سارا نیک‌نام", "مدیرکل بهزیستی استان", 1)]


def test_place_before_role_is_not_a_name() -> None:
    assert classify_subject("بندر عباس فرماندار", 0) is None


def test_glued_venue_preposition_ends_the_role() -> None:
    found = speakers("به گزارش ایرنا، سارا نیک‌نام معاون سیاسی استانداری نمونه درحاشیه این مراسم گفت: الف.")
    assert found == [("سارا نیک‌نام", "معاون سیاسی استانداری نمونه", 1)]


def test_surname_written_spaced_is_the_same_person() -> None:
    text = "سید حامد نوری‌پور، مدیرکل امداد گفت: الف.\nنوری پور با بیان اینکه طرح ادامه دارد افزود: ب."
    assert speakers(text) == [("سید حامد نوری‌پور", "مدیرکل امداد", 2)]


def test_glued_with_opens_an_adjunct_and_pronoun_is_no_name() -> None:
    assert cut_adjuncts("رضایی بابیان اینکه طرح") == "رضایی"
    mention = classify_subject("روشن ضمیر وی", 0)
    assert mention is None or mention.name != "روشن ضمیر وی"


def test_spaced_conversation_is_not_a_bare_verb() -> None:
    assert speakers("خبرنگار ما در گفت و گو با مردم روستا از مشکلات آب مطلع شد.") == []


def test_one_word_title_naming_no_speaker_is_dropped() -> None:
    found = speakers("علی رضایی، رئیس دانشگاه علوم پزشکی گفت: الف.", headline="کرونا: ۱۲ بیمار جدید")
    assert found == [("علی رضایی", "رئیس دانشگاه علوم پزشکی", 1)]


def test_title_label_is_not_a_speaker_but_a_full_name_is() -> None:
    body = "علی رضایی، رئیس دانشگاه گفت: الف."
    assert speakers(body, headline="اخبار فوری: تعطیلی مدارس")[0][0] == "علی رضایی"
    assert speakers("طرح ادامه دارد.", headline="سارا نیک‌نام: طرح ادامه دارد") == [("سارا نیک‌نام", None, 1)]


def test_name_with_comma_beside_role_elsewhere() -> None:
    text = "مدیرکل بهزیستی استان نمونه گفت: الف.\nدر این مراسم از مینا رحیمی، مدیرکل بهزیستی استان نمونه تقدیر شد."
    assert speakers(text) == [("مینا رحیمی", "مدیرکل بهزیستی استان نمونه", 1)]


def test_words_written_without_half_spaces() -> None:
    # stores that drop every ZWNJ: «سهشنبه», «گفتوگو», «آنها»
    text = "علی رضایی روز سهشنبه در گفتوگو با خبرنگاران گفت: الف."
    assert speakers(text) == [("علی رضایی", None, 1)]


def test_role_in_brackets_after_the_name() -> None:
    found = speakers("به گزارش خبرنگار ایلنا، حسن صادقی (دبیر اجرایی خانه کارگر استان) گفت: الف.")
    assert found == [("حسن صادقی", "دبیر اجرایی خانه کارگر استان", 1)]
    found = speakers("مدیرکل کمیته امداد امام خمینی (ره) استان گفت: الف.")
    assert found == [(None, "مدیرکل کمیته امداد امام خمینی (ره) استان", 1)]


def test_words_for_what_was_said_before_a_role_are_no_name() -> None:
    """«سخنان عجیب ROLE:» heads a quote by ROLE; the name written beside the role later is the speaker's,
    even a surname alone opening its clause after «هرچند»."""
    text = (
        "سخنان عجیب مدیرکل امور اجتماعی استانداری یزد: در خودکشی وضعیت حادی نداریم.\n"
        "هرچند میرمحمدی مدیرکل امور اجتماعی استانداری یزد در این باره آمار تازه‌ای نداد."
    )
    assert [(name, role) for name, role, _ in speakers(text)][:1] == [("میرمحمدی", "مدیرکل امور اجتماعی استانداری یزد")]
    assert classify_subject("توضیحات وزیر کار", 0) == classify_subject("وزیر کار", 0)
    assert classify_subject("سخنان عجیب", 0) is None


def test_an_adjective_is_no_surname_beside_a_role() -> None:
    text = "معاون سیاسی و امنیتی استاندار زنجان گفت: امدادرسانی ادامه دارد."
    assert [(name, role) for name, role, _ in speakers(text)][0][0] is None


def test_present_perfect_reports_past_perfect_tells_background() -> None:
    lead = "مدیر کل ثبت احوال کردستان اظهار داشته است که شش ازدواج زیر ده سال ثبت شد."
    assert [(name, role) for name, role, _ in speakers(lead)] == [(None, "مدیر کل ثبت احوال کردستان")]
    background = "رویدادی که هم نشد، در حالی که سخنگوی دولت از تعطیلی سراسری خبر داده بود."
    assert speakers(background) == []


def test_a_reporters_byline_before_a_slash_is_no_speaker() -> None:
    text = "محمد حسام مسلمی/ روز گذشته مدیرکل راه و شهرسازی استان در تحریریه روزنامه حضور یافته بود."
    assert speakers(text) == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("استاندار هرمزگان عملیات امداد، پیشگیری و پاسخ", "استاندار هرمزگان"),
        ("استاندار خراسان جنوبی", "استاندار خراسان جنوبی"),
        ("استاندار سیستان و بلوچستان در", "استاندار سیستان و بلوچستان"),
        ("استاندار هرمزگان و رئیس شورای اداری", "استاندار هرمزگان و رئیس شورای اداری"),
        ("فرماندار ویژه شهرستان ایذه", "فرماندار ویژه شهرستان ایذه"),
    ],
)
def test_a_governors_post_ends_at_its_place(role: str, expected: str) -> None:
    mention = classify_subject(role, 0)
    assert mention is not None and mention.role == expected


def test_a_place_named_after_its_cue_is_no_name_even_opening_with_a_first_name() -> None:
    place = classify_subject("رئیس اداره بهزیستی شهرستان اسلام آباد غرب", 0)
    assert place is not None and (place.name, place.role) == (None, "رئیس اداره بهزیستی شهرستان اسلام آباد غرب")
    person = classify_subject("رئیس اداره بهزیستی شهرستان رضا محمدی", 0)
    assert person is not None and (person.name, person.role) == ("رضا محمدی", "رئیس اداره بهزیستی شهرستان")


@pytest.mark.parametrize(
    "text",
    ["پزشکی قانونی اعلام کرد: ۱۶ هزار نفر در تصادفات جان باختند.", "دسته‌بندی: گزارش"],
    ids=["forensic_medicine_office", "category_label"],
)
def test_offices_and_page_labels_are_no_speakers(text: str) -> None:
    assert speakers(text) == []


def test_namud_forms_report_like_kard() -> None:
    text = "مدیر شبکه بهداشت سرپل ذهاب گفت: یک کودک جان باخت.\nمازیار طهماسبی اضافه نمود: نیروها حاضر شدند."
    assert [(name, role) for name, role, _ in speakers(text)][:1] == [("مازیار طهماسبی", "مدیر شبکه بهداشت سرپل ذهاب")]


def test_with_nobody_quoted_the_official_the_lead_names_is_the_actor() -> None:
    text = (
        "مرتضی خدمتکار مدیرکل دفتر امور اجتماعی استانداری تهران از شیرخوارگاه شبیر بازدید کرد.\n"
        "هدف از این بازدید شناسایی چالش‌های پذیرش کودکان بود."
    )
    assert [(name, role) for name, role, _ in speakers(text)] == [
        ("مرتضی خدمتکار", "مدیرکل دفتر امور اجتماعی استانداری تهران")
    ]
    quoted = text + "\nرئیس بهزیستی استان گفت: ظرفیت پذیرش افزایش می‌یابد."
    assert [(name, role) for name, role, _ in speakers(quoted)][0][1] == "رئیس بهزیستی استان"
    # the actor may come after a few paragraphs of scene-setting, but a reporter is never the actor
    scene = "باران شدید بود.\nسیل به روستاها رسید.\nخانه‌ها آسیب دید.\nراه‌ها بسته شد.\n"
    later = scene + "روح‌الله کاوه نماینده مردم نمونه در مجلس شورای اسلامی از روستاهای سیل‌زده بازدید کرد."
    assert [(name, role) for name, role, _ in speakers(later)] == [
        ("روح‌الله کاوه", "نماینده مردم نمونه در مجلس شورای اسلامی")
    ]
    reporter = "مصطفی کاوه رییس دفتر و خبرنگار ایرنا از روستاهای سیل‌زده بازدید کرد."
    assert speakers(reporter) == []


def test_a_post_in_the_lead_names_who_is_quoted_later() -> None:
    text = (
        "رییس سازمان رفاه شهرداری تهران در نشست خبری چند ساعته خود درباره کودکان کار توضیحاتی ارائه کرد.\n"
        "فرزاد هوشیار پارسا ظهر امروز در نشست خبری با بیان اینکه ۱۵ هزار خانه فقیر وجود دارد، گفت: کمک لازم است."
    )
    expected = [("فرزاد هوشیار پارسا", "رییس سازمان رفاه شهرداری تهران")]
    assert [(name, role) for name, role, _ in speakers(text)][:1] == expected
    assert [role for _, role, _ in speakers("وزیر محترم کار گفت: دستمزد افزایش یافت.")] == ["وزیر کار"]


def test_a_bare_according_to_post_ends_at_its_place() -> None:
    text = (
        "مدیرکل ثبت احوال مازندران گفت: ثبت ازدواج در آمل کاهش داشت.\n"
        "به گفته مدیرکل ثبت احوال مازندران شورای پیشگیری از طلاق در آمل باید تشکیل شود."
    )
    assert [role for _, role, _ in speakers(text)] == ["مدیرکل ثبت احوال مازندران"]
    kept = "به گفته مدیر کل بنیاد مسکن آذربایجان شرقی تا کنون ۳۰۰ واحد بازسازی شده است."
    assert [role for _, role, _ in speakers(kept)] == ["مدیر کل بنیاد مسکن آذربایجان شرقی"]


def test_residents_are_no_name() -> None:
    assert speakers("اهالی می‌گویند: آب آشامیدنی نداریم.") == []


# shapes from the fresh blind batches of 2026-12-06 (invented sentences, one per shape)
ROUND_SHAPES = [
    ("paper_credit_alone", "دنیای اقتصاد نوشت: گزارش جدید از سهم اجاره بها در سبد هزینه خانوارها حکایت دارد.", []),
    (
        "paper_credit_before_the_lead",
        (
            "مهر نوشت: فرماندار گمیشان گفت: طغیان رود سبب شد آب به روستاها برسد.\n"
            "امیرشیر توماج اظهار کرد: آب در حال خروج است."
        ),
        [("امیرشیر توماج", "فرماندار گمیشان")],
    ),
    ("a_person_writes", "محمد جواد ظریف در توییتی نوشت: این تحریم\u200cها غیرانسانی است.", [("محمد جواد ظریف", None)]),
    ("a_role_writes", "وزیر کار در نامه\u200cای نوشت: حداقل دستمزد افزایش می\u200cیابد.", [(None, "وزیر کار")]),
    (
        "pharmacist",
        "محمد طاهری، داروساز، می\u200cگوید: داروهای ساده هم پیدا نمی\u200cشود.",
        [("محمد طاهری", "داروساز")],
    ),
    (
        "taxi_driver",
        "جعفر حسین\u200cزاده راننده تاکسی به اطلاعات گفت: دستفروشان زیادند.",
        [("جعفر حسین\u200cزاده", "راننده تاکسی")],
    ),
    (
        "an_occupation_that_is_also_a_surname_stays_a_surname",
        "مهران کشاورز رئیس اداره بهزیستی گفت: طرح ادامه دارد.",
        [("مهران کشاورز", "رئیس اداره بهزیستی")],
    ),
    (
        "according_to_the_announcement",
        "بر طبق اعلام سلیمی، رئیس سازمان امداد و نجات بیش از ۱۱۰۰ نفر به اسکان نیاز دارند.",
        [("سلیمی", "رئیس سازمان امداد و نجات")],
    ),
    ("according_to_the_explanations", "طبق توضیحات مرتضوی، وزیر کار، حداقل دستمزد تعیین شد.", [("مرتضوی", "وزیر کار")]),
    ("an_office_announces", "طبق اعلام روابط عمومی بهزیستی، ۲۰ خانوار کمک گرفتند.", []),
    (
        "a_title_and_a_surname_beside_a_post",
        "دکتر راغفر، استاد دانشگاه الزاهرا در نشست «فقر و نابرابری» فقر را محصول سیاست\u200cهای اقتصادی دانست.",
        [("راغفر", "استاد دانشگاه الزاهرا")],
    ),
    (
        "a_post_in_parliament_ends_with_its_name",
        "مرتضی محمودوند، عضو کمیسیون امنیت ملی مجلس شورای اسلامی آمارهای دولت درباره اشتغال را دروغ دانست.",
        [("مرتضی محمودوند", "عضو کمیسیون امنیت ملی مجلس شورای اسلامی")],
    ),
    (
        "quoted_surname_heading",
        ("«حریرچی» معاون وزیر بهداشت:\nدر برخی استانها خیزش دیده شد."),
        [("حریرچی", "معاون وزیر بهداشت")],
    ),
    (
        "report_lead_in_ending_in_a_semicolon",
        "به گزارش سایت خبری مدارا؛ علی\u200cاکبر علیزاده، نماینده دامغان در مجلس گفت: آمبولانس دیر می\u200cرسد.",
        [("علی\u200cاکبر علیزاده", "نماینده دامغان در مجلس")],
    ),
    ("impersonal_must", "باید افزود: ۹۳۷ هزار ولادت شهری بوده است.", []),
    ("without", "بدون مکث می\u200cگوید: مواد.", []),
    ("haj_agha", "حاج آقا حسینی مدیر عامل آسایشگاه گفت: سالمندی دوران عزت است.", [("حسینی", "مدیر عامل آسایشگاه")]),
    (
        "a_figure_that_the_official_announced",
        "۱۶ هزار کشته در تصادفات سال ۹۴ آماری است که سردار موسی امیری، جانشین پلیس راهور آن را اعلام کرد.",
        [("موسی امیری", "جانشین پلیس راهور")],
    ),
    (
        "asked_with_a_colon_and_an_abbreviated_outlet",
        (
            "به گزارش اس.بی پرس، رئیس بیمارستان زاهدان گفت: ۱۳۷ بیمار بستری هستند.\n"
            "میرادی همچنین از خیرین خواست: دستگاه دیالیز اهدا کنند."
        ),
        [("میرادی", "رئیس بیمارستان زاهدان")],
    ),
    ("asked_no_quote", "مردم از او خواستند کمک کند.", []),
    (
        "a_name_in_apposition_after_the_lead_in",
        "به گزارش گروه استان\u200cها از رشت، انوش دهنادی مقدم ، معاون درمان دانشگاه علوم پزشکی گیلان گفت: خبر.",
        [("انوش دهنادی مقدم", "معاون درمان دانشگاه علوم پزشکی گیلان")],
    ),
    (
        "an_adjective_as_surname",
        "به گزارش گروه استان\u200cها، علی اسلامی مدیرکل مدیریت بحران استان اردبیل گفت: زمین\u200cلرزه خسارتی نداشت.",
        [("علی اسلامی", "مدیرکل مدیریت بحران استان اردبیل")],
    ),
    (
        "an_unlisted_first_name_after_a_lead_in_and_a_time",
        (
            "به گزارش پایگاه اطلاع رسانی شهرداری، صبح امروز شهام سلیمانی شهردار مسجدسلیمان، به همراه معاونان "
            "از نقاط حادثه دیده زلزله بازدید کردند."
        ),
        [("شهام سلیمانی", "شهردار مسجدسلیمان")],
    ),
    (
        "a_dates_month_is_no_first_name",
        "به گزارش روابط عمومی اداره کل صبح امروز ۲۱ بهمن ماه مدیرکل مدیریت بحران گفت: لایروبی انجام شد.",
        [(None, "مدیرکل مدیریت بحران")],
    ),
    (
        "on_the_words_of_a_name_and_post_before_a_quote",
        "مصداقی بر گفته‌های عبدالکریم حسین‌زاده، معاون رئیس جمهور: «۳۱ هزار روستا خالی از سکنه شده است.»",
        [("عبدالکریم حسین\u200cزاده", "معاون رئیس جمهور")],
    ),
    (
        "the_named_actor_of_the_lead_before_a_post_quoted_later",
        (
            "قاسم جعفری نماینده مردم بجنورد در مجلس شورای اسلامی با ارسال نامه‌ای به وزیر راه خواستار تعیین تکلیف دو"
            " قطعه حادثه‌خیز شد.\nدبیر مجمع نمایندگان استان گفت: این جاده خطرناک است."
        ),
        [("قاسم جعفری", "نماینده مردم بجنورد در مجلس شورای اسلامی"), (None, "دبیر مجمع نمایندگان استان")],
    ),
    (
        "a_governors_place_that_is_also_a_word_ends_the_post",
        "فرماندار تفت آب‌رسانی به روستاها را اولویت دانست و گفت: ۲۳۵ روستا با تانکر آبرسانی می‌شود.",
        [(None, "فرماندار تفت")],
    ),
    (
        "the_friday_prayer_leader_named_by_who_led_it",
        (
            "امام جمعه گراش: این ضعف در مدیریت است.\n"
            "نماز جمعه این هفته به امامت حجه الاسلام و المسلمین سید محمد باقر بخشایش پور، در حسینیه اعظم اقامه شد."
        ),
        [("سید محمد باقر بخشایش پور", "امام\u200cجمعه گراش")],
    ),
    (
        "a_past_perfect_after_the_post",
        (
            "پنجم دی ماه نیز منوچهر ورناصری، فرماندار «باوی» خبر داده بود که منازل روستا به رودخانه چسبیده‌اند.\n"
            "ورناصری افزوده بود که این روستا باید منتقل شود."
        ),
        [("منوچهر ورناصری", "فرماندار «باوی»")],
    ),
    (
        "a_governors_post_ends_at_its_county",
        "بهروز فرج الهی فرماندار شهرستان باغملک مشکلات کارگران شرکت صحرای جنوب را پیگیری کرد و گفت: کاهش نیرو نداریم.",
        [("بهروز فرج الهی", "فرماندار شهرستان باغملک")],
    ),
    (
        "a_quote_opening_right_after_the_verb",
        "غلامرضا عباسی (رئیس کانون عالی انجمن‌های صنفی کارگران کشور) گفته است « بیش از ۶۰۰ هزار کارگر بیمه نیستند.»",
        [("غلامرضا عباسی", "رئیس کانون عالی انجمن\u200cهای صنفی کارگران کشور")],
    ),
    (
        "the_same_post_with_a_typo_is_one_person",
        (
            "مدیر عامل جمعیت هلال احمر آذربایجان غربی از ارسال ۲۵۰ کامیون خبر داد.\n"
            "حسن محمودی اصل، مدیر عامل جمعییت هلال احمر آذربایجان غربی گفت: کمک‌ها ادامه دارد."
        ),
        [("حسن محمودی اصل", "مدیر عامل جمعییت هلال احمر آذربایجان غربی")],
    ),
    (
        "a_head_glued_to_a_working_group",
        "دبیرکارگروه فرهنگی و اجتماعی استان گفت: ازدواج‌های پیش از موعد ثبت نمی‌شود.",
        [(None, "دبیر کارگروه فرهنگی و اجتماعی استان")],
    ),
    (
        "a_post_quoted_by_an_agency",
        (
            "خبرگزاری ایلنا به نقل از دبیر اجرایی خانه کارگر استان قزوین نوشت که اکثر کارخانه‌ها تعطیل هستند.\n"
            "علی کریمی همچنین گفت: کارفرمایان قراردادها را تمدید نکردند."
        ),
        [("علی کریمی", "دبیر اجرایی خانه کارگر استان قزوین")],
    ),
    (
        "a_subheading_glued_before_the_surname_of_a_person_named_earlier",
        (
            "سید امیرحسین نمونه‌زاده معاون توسعه روستایی کشور و دبیر شورای عالی جهاد سازندگی در نشست خبری "
            "اظهار کرد: مهاجرت دلایل متعددی دارد.\n"
            "تورم روستایی بالاتر از شهری نمونه‌زاده اظهارکرد: نرخ تورم در روستاها بالاتر است.\n"
            "مسکن روستایی هم گران شده نمونه‌زاده افزود: وام مسکن کافی نیست."
        ),
        [("سید امیرحسین نمونه‌زاده", "معاون توسعه روستایی کشور و دبیر شورای عالی جهاد سازندگی")],
    ),
    (
        "a_named_speaker_who_met_someone_named_earlier_stays",
        (
            "حسن نمونه‌زاده مدیرکل بهزیستی استان گفت: ۲ هزار نفر مستمری می‌گیرند.\n"
            "علی کریمی در دیدار با نمونه‌زاده گفت: کار ادامه دارد."
        ),
        [("حسن نمونه‌زاده", "مدیرکل بهزیستی استان"), ("علی کریمی", None)],
    ),
    (
        "a_rank_with_pasdar_is_a_title",
        "سرگرد پاسدار علی نمونه‌زاده مدیر حرکت های جهادی بسیج سازندگی استان گفت: ۳۰ گروه جهادی اعزام شدند.",
        [("علی نمونه‌زاده", "مدیر حرکت های جهادی بسیج سازندگی استان")],
    ),
    (
        "a_glued_in_the_end_of_opens_the_venue",
        "به گزارش ایسنا، احمد نمونه‌زاده درانتها جلسه شورای اجتماعی کشور اظهار داشت: شیب افزایشی باید کنترل شود.",
        [("احمد نمونه‌زاده", None)],
    ),
    (
        "a_post_quoted_with_its_holder_in_brackets",
        "به نقل از وزیر سابق آموزش و پرورش( یوسف نوری) منتشر شد که ۹ میلیون بی سواد مطلق داریم.",
        [("یوسف نوری", "وزیر سابق آموزش و پرورش")],
    ),
    (
        "has_said_then_a_clause_with_no_ke",
        "موسی دریجانی، معاون امور پیشگیری بهزیستی استان گفته تنها مرکز ترک اعتیاد ویژه زنان تعطیل شده است.",
        [("موسی دریجانی", "معاون امور پیشگیری بهزیستی استان")],
    ),
    (
        "as_announced_by_a_post_with_no_comma_is_no_name",
        "ایسنا/ طبق اعلام رئیس اورژانس فارس بر اثر حادثه انفجار در شیراز ۲ نفر مصدوم شدند.",
        [],
    ),
    ("a_bare_source_word_is_no_one", "منبع به گزارش خبرنگار ما، طلاق در استان کاهش یافت و کار ادامه دارد.", []),
    (
        "a_verbs_noun_ends_the_post",
        "به نقل از روابط عمومی، حمید میرقلی سرمربی تیم فوتسال منطقه یک اظهار داشت در این مسابقات کار سختی داشتیم.",
        [("حمید میرقلی", "سرمربی تیم فوتسال منطقه یک")],
    ),
    (
        "a_posts_companions_are_no_part_of_it",
        "به گزارش ایرنا، فرماندار باغملک و همراهان در دیدار با مردم گفت: آب شرب تامین می‌شود.",
        [(None, "فرماندار باغملک")],
    ),
    (
        "a_common_noun_as_surname_between_a_first_name_and_a_post",
        "به گزارش ایرنا، علی پرورش فرماندار رودبارجنوب گفت: منازل حریم رودخانه تخلیه شود.",
        [("علی پرورش", "فرماندار رودبارجنوب")],
    ),
    (
        "a_post_ends_at_the_province_before_its_object",
        (
            "سرهنگ جاور صفاری در گفتگو با رسانه\u200cها اظهار کرد: یک خودرو واژگون شد.\n"
            "رئیس پلیس راه استان علت وقوع این سانحه را سرعت غیرمجاز عنوان کرد و خاطرنشان داشت: قوانین را رعایت کنید."
        ),
        [("جاور صفاری", "رئیس پلیس راه استان")],
    ),
    (
        "a_first_name_one_letter_off_is_the_same_person",
        (
            "عزیر سهندی در گفت\u200cوگو با باریش اعلام کرد: خانواده\u200cهای تحت حمایت افزایش یافت.\n"
            "عزیز سهندی، مدیرکل کمیته امداد آذربایجان غربی گفت: افزایش ۵۰ درصدی بود."
        ),
        [("عزیز سهندی", "مدیرکل کمیته امداد آذربایجان غربی")],  # spelled as where the post is given
    ),
    (
        "a_compound_first_name_written_apart_later_keeps_its_first_spelling",
        (
            "مهندس عبدالکریم نیک‌پور، مدیر شبکه بهداشت شهرستان نمونه از اعزام تیم‌ها خبر داد.\n"
            "عبد الکریم نیک‌پور افزود: ۴ تیم بهداشتی اعزام شدند."
        ),
        [("عبدالکریم نیک\u200cپور", "مدیر شبکه بهداشت شهرستان نمونه")],
    ),
    (
        "a_name_written_glued_first_and_spaced_later_is_spaced",
        (
            "فرهادرستمی، معاون بهداشتی دانشگاه علوم پزشکی نمونه از واکسیناسیون خبر داد.\n"
            "فرهاد رستمی افزود: ۳ هزار نفر واکسینه شدند."
        ),
        [("فرهاد رستمی", "معاون بهداشتی دانشگاه علوم پزشکی نمونه")],
    ),
    (
        "a_relative_clause_on_the_name_after_the_report_comma",
        (
            "مدیرعامل شرکت گاز استان نمونه گفت: ۱۲ روستا گازدار شد.\n"
            "به گزارش خبرنگار ایسنا بهرام نادری، که در نشست شورای اداری استان سخن می گفت افزود: کار ادامه دارد."
        ),
        [("بهرام نادری", "مدیرعامل شرکت گاز استان نمونه")],
    ),
    (
        "a_semicolon_inside_the_names_adjunct",
        (
            "رئیس دادگستری استان نمونه گفت: ۴۰۰ زندانی آزاد شدند.\n"
            "به گزارش ایسنا، کاوه رستمی در نشست ستاد دیه و شورای تبلیغات اسلامی؛ در شهر نمونه که با حضور "
            "خیرین، مدیران و معتمدین برگزار شد، افزود: این کار ادامه دارد."
        ),
        [("کاوه رستمی", "رئیس دادگستری استان نمونه")],
    ),
    (
        "a_post_says_in_the_present_before_a_bare_clause",
        "به گزارش ایسنا، مدیرکل بهزیستی استان نمونه می‌گوید از آغاز امسال ۳۰۰ مورد گزارش شده است.",
        [(None, "مدیرکل بهزیستی استان نمونه")],
    ),
    (
        "bena_be_gozaresh_is_a_report_lead_in",
        "بنا به گزارش روابط عمومی بنیاد مسکن استان نمونه، دکتر کاوه رستمی استاندار نمونه گفت: طرح اجرا می شود.",
        [("کاوه رستمی", "استاندار نمونه")],
    ),
    (
        "dar_glued_to_the_place_before_a_venue",
        "علی کریمی رئیس اورژانس تهراندر گفتگو با خبرنگار ما گفت: ۱۳ نفر مصدوم شدند.",
        [("علی کریمی", "رئیس اورژانس تهران")],
    ),
    (
        "an_unlisted_first_name_after_the_report_lead_in_then_an_adjunct",
        (
            "دبیر شورای هماهنگی مبارزه با مواد مخدر استان نمونه گفت: مکان‌های متروکه ساماندهی شود.\n"
            "به گزارش روابط عمومی شورا، فهد کمالوندی در نشست مشترک با شهردار خواستار همکاری بیشتر شد."
        ),
        [("فهد کمالوندی", "دبیر شورای هماهنگی مبارزه با مواد مخدر استان نمونه")],
    ),
    (
        "a_stray_semicolon_after_the_pronouns_adjunct",
        (
            "علی کریمی، رئیس شورای استان نمونه گفت: ساماندهی آغاز شد.\n"
            "وی در ادامه؛ ساماندهی سکونتگاه‌های غیررسمی را از برنامه‌های موثر دانست."
        ),
        [("علی کریمی", "رئیس شورای استان نمونه")],
    ),
    (
        "the_chair_of_the_meeting_is_the_post_of_who_is_quoted_without_one",
        (
            "دومین جلسه کارگروه سلامت شهرستان نمونه، به ریاست معاون برنامه ریزی و امور عمرانی فرماندار و با "
            "حضور اعضا برگزار شد.\n"
            "به گزارش پایگاه فرمانداری، خانم مریم قربانی در این جلسه اظهار داشت: همه باید تلاش کنند."
        ),
        [("مریم قربانی", "معاون برنامه ریزی و امور عمرانی فرماندار")],
    ),
    (
        "a_post_says_before_a_bare_clause_after_a_long_report_lead_in",
        (
            "به گزارش خبرگزاری صدا و سیما استان نمونه، نماینده ولی فقیه در بنیاد مسکن انقلاب اسلامی کشور گفت "
            "طبق تفاهمی که داشته‌ایم این واحدها تحویل می‌شود."
        ),
        [(None, "نماینده ولی فقیه در بنیاد مسکن انقلاب اسلامی کشور")],
    ),
    (
        "according_to_a_titled_name_then_a_time_word",
        "به گفته حجت الاسلام کاوه رستمی امسال در کشور ۲۰۰ هزار واحد مسکونی در نظر گرفته شده است.",
        [("کاوه رستمی", None)],
    ),
    (
        "who_preached_the_friday_sermon_leads_the_prayer",
        (
            "به نقل از روابط عمومی دفتر امام جمعه، حجت‌الاسلام کاوه رستمی در خطبه‌های نماز جمعه شهرستان زابل "
            "خواستار گزارش شد و اظهار داشت: مسئولان گزارش دهند."
        ),
        [("کاوه رستمی", "امام جمعه زابل")],
    ),
    (
        "the_speaker_of_the_clause_after_a_ceremony_was_held",
        (
            "آیین افتتاح این پروژه با حضور مهندس علی کریمی، معاون عمرانی استانداری نمونه برگزار شد و در ابتدای "
            "آیین، دکتر کاوه رستمی،رئیس مرکز بهداشت شهرستان نمونه، گفت: این پروژه احداث شد."
        ),
        [("کاوه رستمی", "رئیس مرکز بهداشت شهرستان نمونه")],
    ),
    (
        "a_surname_written_a_letter_short_is_the_same_person",
        (
            "به گزارش ایرنا، محمود نادری‌فرد در آیین معارفه بیان کرد: اصلاح و تربیت وظیفه ماست.\n"
            "وی افزود: ۱۴۶ هزار زندانی آموزش دیدند.\n"
            "معاون سلامت سازمان زندان‌های کشور گفت: خیران فعال هستند.\n"
            "نادری‌فر اظهار کرد: اشتغال زندانیان ادامه دارد."
        ),
        [("محمود نادری‌فرد", "معاون سلامت سازمان زندان‌های کشور")],
    ),
    (
        "ladies_are_no_name_and_riasat_heads_a_post",
        (
            "ابتدا دو تن از بازنشستگان در خصوص درمان و عدم حضور خانم ها و جداسازی بازنشستگان سخن گفتند.\n"
            "علی کریمی ریاست کانون بازنشستگان نمونه گفت: از ما چه توقعی دارید."
        ),
        [("علی کریمی", "ریاست کانون بازنشستگان نمونه")],
    ),
    (
        "an_interview_intro_names_who_was_interviewed_before_the_word",
        (
            "گروه‌های متفاوتی جامعه هدف سازمان را تشکیل می‌دهند.\n"
            "به همین بهانه با کاوه رستمی رئیس سازمان بهزیستی گفتوگویی انجام داده‌ایم که می‌خوانید.\n"
            "معلولان یکی از آسیب‌پذیرترین اقشار هستند."
        ),
        [("کاوه رستمی", "رئیس سازمان بهزیستی")],
    ),
    (
        "an_outlets_credit_before_the_attribution_it_carries",
        (
            "به گزارش نما؛ علی کریمی گفت: در مقابل هر ۱۰ ازدواج ۲ طلاق داریم.\n"
            "نسیم نوشت: رئیس کانون سردفتران ازدواج و طلاق گفت: در هر ساعت دو طلاق ثبت می‌شود."
        ),
        [("علی کریمی", "رئیس کانون سردفتران ازدواج و طلاق")],
    ),
    (
        "according_to_a_lone_surname_then_a_number",
        (
            "دبیر شورای هماهنگی مبارزه با مواد مخدر استان نمونه گفت: ۲۳ مرکز فعال است.\n"
            "به گفته خرم‌آبادی ۶۵ درصد مواد مخدر در سواحل کشف شده است."
        ),
        [("خرم‌آبادی", "دبیر شورای هماهنگی مبارزه با مواد مخدر استان نمونه")],
    ),
    (
        "a_quoted_complaint_and_even_before_the_name",
        (
            "ساکنان شهر از کیفیت آب راضی نیستند.\n"
            "چند ماهی است که این نگرانی‌ها وجود دارد؛حتی علی کریمی، معاون سیاسی استاندار نمونه، به این وضع چنین "
            "اعتراض می‌کند: «تلاش‌ها تا رسیدن به آب سالم ادامه دارد.»"
        ),
        [("علی کریمی", "معاون سیاسی استاندار نمونه")],
    ),
    (
        "a_city_and_an_outlet_then_a_name",
        "قم - تاج خبر - داود کریمی، رئیس انجمن صنفی گچکاران استان قم گفت: بیمه کارگران پیگیری نشد.",
        [("داود کریمی", "رئیس انجمن صنفی گچکاران استان قم")],
    ),
    (
        "an_outlet_with_digits_then_a_name",
        "جامعه ۲۴ - علی کریمی روانشناس گفت: آمار اعتیاد زنان بالا رفته است.",
        [("علی کریمی", "روانشناس")],
    ),
    (
        "an_unnamed_psychiatrist_then_named",
        (
            "یک روانپزشک معتقد است: آمار زنان معتاد دو برابر شده است.\n"
            "به گزارش خبرگزاری نمونه، مریم کریمی افزود: زنان به دو علت معتاد می‌شوند."
        ),
        [("مریم کریمی", "روانپزشک")],
    ),
    (
        "according_to_a_first_name_and_surname_with_no_comma",
        (
            "مسوول آتش نشانی شهرداری نمونه از انجام ۷۳ ماموریت خبرداد.\n"
            "به گفته علیرضا باغبانی بخش عمده ای از ماموریت ها مربوط به حوادث بوده است."
        ),
        [("علیرضا باغبانی", "مسوول آتش نشانی شهرداری نمونه")],
    ),
    (
        "a_name_after_a_comma_less_report_lead_in_then_with_reference_to",
        (
            "معاون حمایت کمیته امداد استان نمونه: ۲ میلیارد تومان برای ازدواج پرداخت شد.\n"
            "به گزارش یزدی نیوز جمال پور با اشاره به کمک‌های کمیته امداد برای ازدواج آسان، گفت: کمک‌ها ادامه دارد."
        ),
        [("جمال پور", "معاون حمایت کمیته امداد استان نمونه")],
    ),
    (
        "a_name_inside_the_report_attribution_before_its_adjunct",
        (
            "جانشین فرمانده انتظامی استان نمونه گفت: هزار معتاد جمع‌آوری می‌شوند.\n"
            "به گزارش تسنیم از شیراز، به نقل از معاونت اجتماعی انتظامی استان علی کریمی در جلسه کمیسیون خدمات "
            "شهری، محیط زیست و سلامت شورا با بیان اینکه معتادین در ایام نوروز جمع‌آوری می‌شوند اظهار داشت: "
            "ظرفیت کم است."
        ),
        [("علی کریمی", "جانشین فرمانده انتظامی استان نمونه")],
    ),
    (
        "what_was_explained_is_no_one",
        "بر اساس توضیحات ارائه‌شده در این مراسم، هر بسته ۳ میلیون تومان ارزش دارد.",
        [],
    ),
    (
        "a_benefactor_is_a_post_and_the_governors_post_stays_with_the_governor",
        (
            "به گزارش ایسنا، دکتر کاوه رستمی در مراسم افتتاح طرح اظهار کرد: آب روستاها تامین شد.\n"
            "وی افزود: از خیران سپاسگزارم.\n"
            "استاندار نمونه درباره جاده گفت: آسفالت آغاز می‌شود.\n"
            "علی کریمی خیر حوزه آب در این مراسم تصریح کرد: کار ادامه دارد."
        ),
        [("کاوه رستمی", "استاندار نمونه"), ("علی کریمی", "خیر حوزه آب")],
    ),
    (
        "an_interview_glued_to_its_preposition_ends_the_name",
        "مریم شیخی نمونه درگفت وگو با خبرنگار ما، با اشاره به بیمه سلامت گفت: ۲۰ درصد بیماران بیمه نیستند.",
        [("مریم شیخی نمونه", None)],
    ),
    (
        "a_full_name_before_a_bare_perfect_reports_the_clause",
        (
            "دادستان عمومی و انقلاب استان نمونه از مرخصی ۹۳ زندانی خبر داد.\n"
            "محمدحسین صالحی گفته آزادی این افراد براساس بخشنامه صورت گرفته است."
        ),
        [("محمدحسین صالحی", "دادستان عمومی و انقلاب استان نمونه")],
    ),
    (
        "one_officials_posts_after_commas_before_a_singular_verb_are_the_next_speakers",
        (
            "قائم مقام معاون بهداشت، رییس مرکز مدیریت شبکه و مجری طرح پزشک خانواده صبح امروز از روند طرح گزارش داد.\n"
            "به گزارش خبرنگار ما دکتر محمد شریفی در این جلسه گفت: ۲ هزار پزشک کم داریم."
        ),
        [("محمد شریفی", "قائم مقام معاون بهداشت، رییس مرکز مدیریت شبکه و مجری طرح پزشک خانواده")],
    ),
    (
        "several_officials_posts_before_a_plural_verb_name_no_one",
        (
            "فرماندار، معاون عمرانی فرمانداری و رییس بنیاد مسکن شهرستان نمونه از پروژه‌ها بازدید بعمل آوردند.\n"
            "محمد شریفی در حاشیه این بازدید گفت: ۱۵۰ میلیون تومان هزینه شد."
        ),
        [("محمد شریفی", None)],
    ),
    (
        "a_post_with_no_comma_ends_at_its_province_before_the_object",
        (
            "مدیر کل مدیریت بحران استان کرمانشاه کیفیت هوای امروز استان را بحرانی اعلام کرد.\n"
            "رضا محمودی گفت: ۵ شهر در وضعیت بحرانی است."
        ),
        [("رضا محمودی", "مدیر کل مدیریت بحران استان کرمانشاه")],
    ),
    (
        "greater_tehran_and_a_central_council_are_no_place_ending_the_post",
        (
            "فرمانده انتظامی تهران بزرگ امروز جزئیات طرح را تشریح کرد و گفت: ۳۰ نفر دستگیر شدند.\n"
            "عضو شورای مرکزی کمیته امداد امروز درباره این طرح گفت: ۲۰ خانواده حمایت شدند."
        ),
        [(None, "فرمانده انتظامی تهران بزرگ"), (None, "عضو شورای مرکزی کمیته امداد")],
    ),
    (
        "past_two_statements_the_earlier_person_leads",
        (
            "سفر رئیس جمهور به استان نمونه آغاز شد.\n"
            "حسن کریمی در جمع مردم گفت: ۲۰ طرح افتتاح می‌شود.\n"
            "حسن کریمی افزود: اشتغال اولویت است.\n"
            "محمد رضایی وزیر کار گفت: ۳ هزار شغل ایجاد شد.\n"
            "رضایی افزود: وام‌ها پرداخت می‌شود.\n"
            "وی تصریح کرد: بیمه روستاییان ادامه دارد."
        ),
        [("حسن کریمی", None), ("محمد رضایی", "وزیر کار")],
    ),
    (
        "a_word_before_a_bare_perfect_is_no_name",
        "بنا گفته مسئولان این طرح ۳ هزار خانوار را پوشش می‌دهد.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ROUND_SHAPES], ids=[c[0] for c in ROUND_SHAPES])
def test_round_shapes(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(name, role) for name, role, _ in speakers(text)] == expected


# a subject phrase read into name and post
SUBJECTS = [
    ("a_compound_post_written_with_a_space", "امان الله قرایی مقدم جامعه شناس", ("امان الله قرایی مقدم", "جامعه‌شناس")),
    ("as_a_post", "سعید داودی، به عنوان عضو هیئت مدیره سازمان بیمه", ("سعید داودی", "عضو هیئت مدیره سازمان بیمه")),
    (
        "a_post_ends_at_its_place_before_a_comma_and_the_object",
        "امام جمعه سنندج، تلاش، خدمت به جامعه و ایثار را از شاخص ها",
        (None, "امام‌جمعه سنندج"),
    ),
    (
        "a_province_word_before_a_comma_and_the_object",
        "مدیرکل بهزیستی استان، توانمندسازی و اشتغال را",
        (None, "مدیرکل بهزیستی استان"),
    ),
    (
        "a_comma_inside_the_post_stays",
        "مدیرکل تعاون، کار و رفاه اجتماعی استان این طرح را",
        (None, "مدیرکل تعاون، کار و رفاه اجتماعی استان"),
    ),
    (
        "a_second_post_after_the_comma_stays",
        "استاندار کرمان، رئیس شورای تامین استان را",
        (None, "استاندار کرمان، رئیس شورای تامین استان"),
    ),
    (
        "post_ends_at_the_time",
        "سعید داودی، عضو هیئت مدیره سازمان بیمه سال ۸۱ پیشنهاد خود را",
        ("سعید داودی", "عضو هیئت مدیره سازمان بیمه"),
    ),
    (
        "cut_remark_in_brackets",
        "رئیس اداره کمیته امداد شهرستان فردیس (واقع",
        (None, "رئیس اداره کمیته امداد شهرستان فردیس"),
    ),
    (
        "test_a_post_word_that_is_a_surname_before_a_post_0",
        "سیدمهدی متولی رییس اداره بهزیستی خواف",
        ("سیدمهدی متولی", "رییس اداره بهزیستی خواف"),
    ),
    ("test_a_post_word_that_is_a_surname_before_a_post_1", "رضا محمدی معاون استاندار", ("رضا محمدی", "معاون استاندار")),
    ("test_a_post_word_that_is_a_surname_before_a_post_2", "رضا محمدی مشاور مدیرکل", ("رضا محمدی", "مشاور مدیرکل")),
    ("a_post_word_alone_after_a_first_name_is_the_surname", "سیدمهدی متولی", ("سیدمهدی متولی", None)),
    ("a_hashtag_is_its_words", "فرمانده #انتظامی شهرستان نمونه", (None, "فرمانده انتظامی شهرستان نمونه")),
    (
        "a_surname_after_a_post_ending_at_its_place",
        "مدیرکل کمیته امداد آذربایجانغربی سهندی",
        ("سهندی", "مدیرکل کمیته امداد آذربایجانغربی"),
    ),
    (
        "a_provinces_second_word_is_no_surname",
        "مدیرکل کمیته امداد آذربایجان غربی",
        (None, "مدیرکل کمیته امداد آذربایجان غربی"),
    ),
    (
        "the_sentences_verb_after_a_post",
        "رئیس اداره بهزیستی شهر نمونه مطرح کرد",
        (None, "رئیس اداره بهزیستی شهر نمونه"),
    ),
    (
        "the_others_after_a_post",
        "رییس اداره ورزش و جوانان شهرستان و سایر مسئولین",
        (None, "رییس اداره ورزش و جوانان شهرستان"),
    ),
    ("a_hashtag_name", "#مسعود_کاوه مدیرکل روابط عمومی استانداری", ("مسعود کاوه", "مدیرکل روابط عمومی استانداری")),
]


@pytest.mark.parametrize(("subject", "expected"), [c[1:] for c in SUBJECTS], ids=[c[0] for c in SUBJECTS])
def test_subject_name_and_post(subject: str, expected: tuple[str | None, str | None]) -> None:
    mention = classify_subject(subject, 0)
    assert mention is not None and (mention.name, mention.role) == expected


def test_a_post_visiting_in_the_headline_is_the_main_speaker() -> None:
    text = (
        "کاوه رستمی، استاندار نمونه با همراهی مدیرکل بهزیستی از سرای سالمندان بازدید کرد.\n"
        "علی کریمی، مدیرکل بهزیستی استان نمونه در این بازدید گفت: الف."
    )
    visit = speakers(text, headline="بازدید استاندار نمونه از سرای سالمندان")
    assert [(n, r) for n, r, _ in visit] == [
        ("کاوه رستمی", "استاندار نمونه"),
        ("علی کریمی", "مدیرکل بهزیستی استان نمونه"),
    ]
    other = speakers(text, headline="گرامیداشت روز سالمند در سرای سالمندان نمونه")
    assert [n for n, _, _ in other] == ["علی کریمی"]


def test_a_plural_noun_is_no_part_of_a_name() -> None:
    title = "افزایش خانوارهای دارای سرپرست زن در ایران؛ استان نمونه رکورددار است"
    assert speakers("آمارهای رسمی حاکی است که تعداد این خانوارها افزایش یافته است.", headline=title) == []
    assert speakers("علی افشارها رئیس بهزیستی نمونه گفت: الف.") == [("علی افشارها", "رئیس بهزیستی نمونه", 1)]


def test_interview_titles_name_the_interviewee() -> None:
    lead = "پنج سال پیش طرحی آماده شد که معطل مانده است."
    for title in (
        "گفت‌وگوی «دیدارنیوز» با فاطمه قاسم‌زاده؛ روانشناس کودک",
        "مصاحبه واحد حقوق کودک با فاطمه قاسم‌زاده، روانشناس کودک",
    ):
        assert [(n, r) for n, r, _ in speakers(lead, headline=title)] == [("فاطمه قاسم‌زاده", "روانشناس کودک")]
    founder = speakers("در این مراسم مجتبی عباسی بنیانگذار پویش نمونه گفت: الف.")
    assert founder == [("مجتبی عباسی", "بنیانگذار پویش نمونه", 1)]


def test_a_welcome_is_no_post() -> None:
    assert classify_subject("خیر مقدم آیت\u200cالله مکارم", 0) is None
    assert speakers("خیر مقدم آیت\u200cالله مکارم شیرازی به زائران: الف.") == []


def test_a_headlines_event_noun_is_no_name() -> None:
    assert classify_subject("افزایش تکدی گری", 0) is None
    assert classify_subject("لزوم ساماندهی متکدیان", 0) is None
    assert classify_subject("علی کریمی", 0) == Mention("علی کریمی", None, "person", 0)


def test_a_lone_word_before_a_full_post_is_a_surname() -> None:
    assert speakers("باغبان معاون مسکن روستایی بنیاد مسکن استان نمونه گفت: الف.") == [
        ("باغبان", "معاون مسکن روستایی بنیاد مسکن استان نمونه", 1)
    ]
    # a noun the post completes is no one (the meeting of the post, its decision); a first name is no
    # surname, nor is a short post after the word enough
    for subject in (
        "نشست مدیرکل کمیته امداد استان نمونه",
        "تصمیم ستاد مدیریت بحران استان نمونه",
        "احمدرضا رییس زاده، اکبری",
        "باغبان مدیرکل",
    ):
        assert classify_subject(subject, 0) is None, subject


def test_an_outlet_run_into_a_quoted_name_gives_the_name() -> None:
    text = (
        "مدیر کل کمیته امداد استان نمونه گفت: الف.\nبه گزارش سرویس اجتماعی،پایگاه خبری نمونه“کاوه رستمی” اظهار داشت: ب."
    )
    assert speakers(text) == [("کاوه رستمی", "مدیر کل کمیته امداد استان نمونه", 2)]


def test_a_post_spaced_otherwise_is_the_same_post() -> None:
    text = "مدیرکل کمیته امداد آذربایجانغربی گفت: الف.\nکاوه رستمی مدیر کل کمیته امداد آذربایجان غربی افزود: ب."
    assert [(n, s) for n, _, s in speakers(text)] == [("کاوه رستمی", 2)]


def test_section_labels_over_the_lead_do_not_push_it_down() -> None:
    lead = (
        "در پی بارش‌های شدید دیروز به منازل روستایی استان نمونه خسارت وارد شد.\n"
        "به گزارش پایگاه نمونه؛ مدیر کل مدیریت بحران استان نمونه از منازل آسیب دیده بازدید نمود.\n"
        "کاوه رستمی از خسارات ناشی از این بارش‌ها بازدید کرد.\n"
        "رستمی گفت: الف."
    )
    expected = [("کاوه رستمی", "مدیر کل مدیریت بحران استان نمونه")]
    assert [(n, r) for n, r, _ in speakers(lead)] == expected
    assert [(n, r) for n, r, _ in speakers("یادداشت\nگفتگو و گزارش\n" + lead)] == expected


def test_a_surname_before_a_post_ends_the_adjunct_before_it() -> None:
    assert speakers("در این راستا موسوی مدیرکل بهزیستی استان نمونه گفت: الف.") == [
        ("موسوی", "مدیرکل بهزیستی استان نمونه", 1)
    ]
    assert speakers("در این دیدار عرب نژاد مدیر کل بهزیستی استان نمونه گفت: الف.") == [
        ("عرب نژاد", "مدیر کل بهزیستی استان نمونه", 1)
    ]
    # after «در این خصوص», what is spoken about, any name-like word before a post is its surname
    assert speakers("در این خصوص باغبان معاون بهره برداری شرکت آب گفت: الف.") == [
        ("باغبان", "معاون بهره برداری شرکت آب", 1)
    ]
    # an adjective of the adjunct, a shrine: no one
    assert speakers("در این نشست صمیمی شهردار نمونه گفت: الف.") == [(None, "شهردار نمونه", 1)]
    assert speakers("در این جلسه مشترک فرماندار نمونه گفت: الف.") == [(None, "فرماندار نمونه", 1)]


def test_a_surname_written_apart_before_an_object_keeps_its_second_part() -> None:
    text = "نجاتی پور عمده ترین مشکل روستاها را آب شرب دانست و گفت: الف."
    assert [n for n, _, _ in speakers(text)] == ["نجاتی پور"]


def test_dar_glued_before_payan_ends_the_name() -> None:
    text = "علی شیرمحمدیدر پایان این نشست گفت: الف."
    assert [n for n, _, _ in speakers(text)] == ["علی شیرمحمدی"]


def test_a_clocks_colon_is_no_attribution_colon() -> None:
    text = (
        "مدیرعامل جمعیت هلال احمر استان نمونه گفت که خسارتی گزارش نشده است.\n"
        "کاوه رستمی در مورد زلزله که ساعت ۱۷:۲۰ امروز رخ داد، اظهار کرد: دو تیم اعزام شدند."
    )
    assert [(n, r) for n, r, _ in speakers(text)] == [("کاوه رستمی", "مدیرعامل جمعیت هلال احمر استان نمونه")]


def test_a_two_word_head_and_its_glued_form_are_one_post() -> None:
    text = (
        "مدیر کل کمیته امداد نمونه گفت: الف.\n"
        "مدیرکل کمیته امداد استان نمونه با بیان اینکه کار ادامه دارد گفت: ب.\n"
        "رستمی با اشاره به جایگاه استان بیان کرد: ج."
    )
    assert [n for n, _, _ in speakers(text)] == ["رستمی"]


def test_a_name_colon_after_a_titles_slash_is_its_speaker() -> None:
    title = "بررسی عوامل مهاجرت نخبگان توسط دو تحلیلگر مسائل اجتماعی/ عباس عبدی: هزینه ماندن بالا رفته است"
    assert [n for n, _, _ in speakers("مهاجرت نخبگان در سال‌های اخیر فراوان شنیده می‌شود.", headline=title)] == [
        "عباس عبدی"
    ]


def test_a_name_after_dar_edame_with_its_post_after_a_comma() -> None:
    text = "علی کریمی گفت: الف.\nدر ادامه حقشناس، کارشناس مسئول واحد گسترش این مرکز گفت: ب."
    assert [n for n, _, _ in speakers(text)] == ["علی کریمی", "حقشناس"]
    # a venue noun after «در ادامه» is no name
    assert [n for n, _, _ in speakers("در ادامه جلسه، فرماندار نمونه گفت: الف.")] == [None]


def test_an_interview_named_first_then_whom() -> None:
    text = "برای شناسایی ریشه‌ها گفتگویی با دکتر کاوه رستمی جامعه شناس ، انجام داده‌ایم.\nطلاق ریشه‌های مختلفی دارد."
    assert [(n, r) for n, r, _ in speakers(text)] == [("کاوه رستمی", "جامعه\u200cشناس")]


def test_a_feature_storys_present_tense_verb_reports_when_quoted() -> None:
    text = "کوثر دانش‌آموز کلاس پنجم است.\nکوثر ادامه می‌دهد: «ما را به سیاه چادر بردند.»"
    assert [n for n, _, _ in speakers(text)] == ["کوثر"]
    assert speakers("پرسپولیس با حامی مالی قبلی ادامه می‌دهد.") == []  # goes on, says nothing


def test_everyday_words_are_no_names() -> None:
    assert speakers("خانواده بیماران سرطانی از کمبود دارو گفتند: دارو نیست.") == []
    assert speakers("خودش می‌گوید: «ما چهار برادریم.»") == []


def test_an_analyst_is_a_post() -> None:
    text = "مهدی ذاکریان تحلیلگر مسائل بین الملل و استاد دانشگاه گفت: الف."
    assert speakers(text) == [("مهدی ذاکریان", "تحلیلگر مسائل بین الملل و استاد دانشگاه", 1)]


def test_motavalli_alone_before_a_verb_is_a_surname() -> None:
    text = "رییس اداره بهزیستی نمونه گفت: الف.\nمتولی ادامه داد: ب."
    assert speakers(text) == [("متولی", "رییس اداره بهزیستی نمونه", 2)]
    assert speakers("خطیب جمعه نمونه گفت: الف.\nخطیب افزود: ب.")[0][0] is None  # the preacher


def test_according_to_a_name_and_post_with_a_number_after_them() -> None:
    text = "طبق گفته‌های علی اصغر فانی وزیر آموزش‌وپرورش ۴۰۸ هزار دانش‌آموز اتباع در مدارس ثبت نام کرده‌اند."
    assert speakers(text) == [("علی اصغر فانی", "وزیر آموزش\u200cوپرورش", 1)]


def test_one_of_a_group_after_a_name_is_the_persons_role() -> None:
    for text in ("رضا دهقان یکی از فعالین کارگری گفت: الف.", "رضا دهقان، یکی از فعالین کارگری گفت: الف."):
        assert speakers(text) == [("رضا دهقان", "یکی از فعالین کارگری", 1)], text
    # inside a post «یکی از» opens another clause: the post ends before it
    assert speakers("کاظمی شهردار نمونه و یکی از اعضای شورا گفت: الف.")[0][1] != "شهردار نمونه و یکی از اعضای شورا"


@pytest.mark.parametrize(
    "text",
    [
        "کاظمی یکی از اعضای ارشد استانداری گفت: الف.",
        "کاظمی، یکی از اعضای ارشد استانداری، گفت که الف.",
        "کاظمی، یکی از اعضای ارشد استانداری گفت: الف.",
    ],
    ids=["no_comma", "between_commas", "after_a_comma"],
)
def test_one_of_a_group_after_a_surname_alone_is_the_persons_role(text: str) -> None:
    assert speakers(text) == [("کاظمی", "یکی از اعضای ارشد استانداری", 1)]


def test_a_province_glued_to_the_posts_last_word_is_written_apart() -> None:
    assert speakers("جلال شیخپور مدیرکل کمیته امدادلرستان گفت: الف.") == [
        ("جلال شیخپور", "مدیرکل کمیته امداد لرستان", 1)
    ]
    assert speakers("علی کریمی فرماندار شهرستان کرمانشاه گفت: الف.")[0][1] == "فرماندار شهرستان کرمانشاه"


@pytest.mark.parametrize(
    ("text", "headline", "expected"),
    [
        (  # nobody quoted: the one whose visit the lead reports, with or without a post
            "آقای دکتر نمونه‌زاده و معاونین از بیمارستان‌های شهر بازدید نمودند.",
            "",
            [("نمونه\u200cزاده", None, 0)],
        ),
        (  # a meeting, a list of officials after the first: the first one's post only
            "به گزارش روابط عمومی فرمانداری، علی نوری فرماندار نمونه‌آباد، اعضای شورا و شهردار با خانواده‌های "
            "سیل‌زده دیدار و گفتگو کردند.",
            "",
            [("علی نوری", "فرماندار نمونه\u200cآباد", 0)],
        ),
        (  # the title named the post; the lead names who holds it
            'در راستای پیگیری نیازهای هلال احمر، "حسین کرمی" فرماندار نمونه‌آباد با کارشناسان هلال احمر دیدار و '
            "گفتگو کرد.",
            "دیدار فرماندار نمونه‌آباد با کارشناسان هلال احمر",
            [("حسین کرمی", "فرماندار نمونه\u200cآباد", 1)],
        ),
    ],
    ids=["visit", "meeting_of_several", "title_post_named_in_the_lead"],
)
def test_the_visitor_is_the_main_person_when_nobody_is_quoted(
    text: str, headline: str, expected: list[tuple[str, str, int]]
) -> None:
    assert speakers(text, headline=headline) == expected


def test_a_visit_does_not_outrank_a_quoted_speaker() -> None:
    text = (
        "احمد کریمی مدیرکل بهزیستی استان نمونه از مرکز سالمندان بازدید کرد.\n"
        "رضا امینی رئیس این مرکز گفت: ۴۰ سالمند در این مرکز نگهداری می‌شوند."
    )
    assert speakers(text)[0][0] == "رضا امینی"


def test_the_post_after_the_occasions_clause_is_the_named_speakers() -> None:
    text = (
        "در این دیدار که به مناسبت هفته معلولان برگزار شد معاون توانبخشی بهزیستی استان نمونه از توانمندی این "
        "خانواده قدردانی کرد.\nحمیدرضا نمونه‌زاده گفت: ما شرمنده این خانواده‌ها هستیم."
    )
    assert speakers(text) == [("حمیدرضا نمونه\u200cزاده", "معاون توانبخشی بهزیستی استان نمونه", 1)]
    other = "در این مراسم که در سالن شهرداری برگزار شد، کودکان نمایش اجرا کردند.\nعلی نمونه‌زاده گفت: الف."
    assert speakers(other) == [("علی نمونه\u200cزاده", None, 1)]


def test_a_title_reporting_what_happened_to_a_post_names_no_speaker() -> None:
    text = "علی نمونه‌زاده رئیس مرکز بهداشت استان گفت: مدیرکل تامین اجتماعی بر اثر کرونا درگذشت."
    for headline in ("مدیرکل تامین اجتماعی استان نمونه درگذشت", "سرپرست فرمانداری نمونه‌آباد منصوب شد"):
        assert speakers(text, headline=headline)[0][:2] == ("علی نمونه\u200cزاده", "رئیس مرکز بهداشت استان")


def test_a_time_phrase_opening_the_lead_is_no_name() -> None:
    text = "به گزارش خبرگزاری نمونه، سال‌هاست کمبود پزشک متخصص در شهر سبب سرگردانی مردم شده است."
    assert speakers(text) == []


def test_a_first_name_with_bakhsh_is_one_name_before_a_surname() -> None:
    assert speakers("به گزارش پایگاه خبری نمونه، رحیم بخش بلیده‌ای روز پنجشنبه اظهار کرد: راه بسته شد.")[0][0] == (
        "رحیم بخش بلیده\u200cای"
    )
    # «بخش» before a district stays the district's, and a verb is no surname
    assert classify_subject("رحیم بخش مرکزی", 0) is None or classify_subject("رحیم بخش مرکزی", 0).name == "رحیم"


@pytest.mark.parametrize("lead_in", ["به‌گزارش", "بهگزارش", "به گزارش"])
def test_a_half_spaced_report_lead_in_opens_the_named_actor(lead_in: str) -> None:
    text = (
        "مدیرعامل شرکت آب و فاضلاب استان نمونه گفت: برنامه‌ریزی دنبال می‌شود.\n"
        f"{lead_in} خبرگزاری صداوسیما مرکز نمونه، علی نمونه‌زاده در سفر به بخش نمونه مشکلات آب را بررسی کرد.\n"
        "وی افزود: کار ادامه دارد."
    )
    found = extract(Article(text=text)).speakers[0]  # the layout pass spaces the lead-in
    assert (found.name, found.role) == ("علی نمونه\u200cزاده", "مدیرعامل شرکت آب و فاضلاب استان نمونه")


def test_a_preposition_compound_ends_a_name() -> None:
    text = "به گزارش خبرگزاری نمونه، ارسلان نمونه‌زاده به‌مناسبت روز ملی خلیج فارس گفت: الف."
    assert speakers(text)[0][0] == "ارسلان نمونه\u200cزاده"


def test_a_demonstrative_after_a_posts_comma_is_the_next_clauses_subject() -> None:
    text = (
        "به گزارش خبرگزاری صداوسیما، مرکز نمونه؛ مدیرکل مدیریت بحران استانداری نمونه ، این استان را معین "
        "بازسازی واحدهای آسیب دیده دانست و گفت: الف."
    )
    assert speakers(text)[0][:2] == (None, "مدیرکل مدیریت بحران استانداری نمونه")
    assert speakers("رضا نمونه‌زاده مدیرعامل این جمعیت گفت: الف.")[0][1] == "مدیرعامل این جمعیت"


@pytest.mark.parametrize("time", ["شبانگاه", "صبحگاه", "نیمه‌شب"])
def test_a_time_of_day_after_a_name_ends_it(time: str) -> None:
    text = f"به گزارش خبرگزاری نمونه، سید محمد نمونه‌زاده {time} چهارشنبه در گفت و گو با خبرنگار ما افزود: الف."
    assert speakers(text)[0][0] == "سید محمد نمونه\u200cزاده"


@pytest.mark.parametrize("dash", ["-", " - ", "– "])
def test_an_outlet_named_for_its_city_before_a_dash_is_no_person(dash: str) -> None:
    text = f"آرمان تبریز{dash}فرماندار تبریز در جلسه معارفه گفت: الف.\nمهدوی در این جلسه افزود: ب."
    assert speakers(text)[0][:2] == ("مهدوی", "فرماندار تبریز")
    # a person's name before the dash stays the name of the post after it
    if dash != "-":
        assert speakers(f"محمد رنجبر{dash}مسئول روابط عمومی اداره کل نوسازی مدارس گفت: الف.")[0][0] == "محمد رنجبر"


@pytest.mark.parametrize("verb", ["افزود", "تصریح کرد", "اظهار داشت"])
def test_a_surname_before_a_report_verb_and_a_bare_clause_names_the_post(verb: str) -> None:
    text = (
        "مدیر مرکز فوریت‌های پزشکی نمونه‌آباد گفت: در این حادثه سه نفر مصدوم شدند.\n"
        f"نمونه‌زاده {verb} در این حادثه دو نفر دیگر جان باختند."
    )
    assert speakers(text)[0][:2] == ("نمونه\u200cزاده", "مدیر مرکز فوریت\u200cهای پزشکی نمونه\u200cآباد")


def test_a_bare_clause_after_a_long_subject_is_no_report() -> None:
    text = "به گزارش خبرگزاری نمونه، بارش باران در روزهای اخیر بر مشکلات کشاورزان روستاهای نمونه‌آباد افزود سیل آمد."
    assert speakers(text) == []


def test_friday_prayer_in_a_post_is_no_weekday() -> None:
    assert speakers("علی نمونه‌زاده خطیب نماز جمعه نمونه‌آباد گفت: الف.")[0][:2] == (
        "علی نمونه\u200cزاده",
        "خطیب نماز جمعه نمونه\u200cآباد",
    )
    # the weekday after a name still ends it
    assert speakers("علی نمونه‌زاده جمعه در جمع خبرنگاران گفت: الف.")[0][:2] == ("علی نمونه\u200cزاده", None)


def test_an_outlet_slash_and_its_desks_place_before_the_post() -> None:
    text = (
        "تیتر نیوز/مازندران مدیر درمان دانشگاه علوم پزشکی مازندران با بیان اینکه کار ادامه دارد، گفت: الف.\n"
        "به گزارش تیتر نیوز، دکتر رسول نمونه‌زاده اظهار کرد: ب."
    )
    assert speakers(text)[0][:2] == ("رسول نمونه\u200cزاده", "مدیر درمان دانشگاه علوم پزشکی مازندران")


@pytest.mark.parametrize("outlet", ["پایگاه خبری تحلیلی نمونه‌شرق", "خبرگزاری نمونه"])
def test_an_outlet_named_by_an_agency_word_before_a_comma_is_a_lead_in(outlet: str) -> None:
    text = f"{outlet} ، مدیرکل بهزیستی استان با اشاره به اینکه واگذاری انجام شد گفت: الف.\nنمونه‌زاده افزود: ب."
    assert speakers(text)[0][:2] == ("نمونه\u200cزاده", "مدیرکل بهزیستی استان")


@pytest.mark.parametrize("season", ["تابستان", "زمستان", "پاییز"])
def test_a_season_opening_the_clause_is_no_name(season: str) -> None:
    text = f"به گزارش خبرگزاری نمونه، {season} سال گذشته مدیرکل تامین اجتماعی استان نمونه اعلام کرد که مصوبه بررسی شد."
    assert speakers(text)[0][:2] == (None, "مدیرکل تامین اجتماعی استان نمونه")


@pytest.mark.parametrize("time", ["سال گذشته", "هفته پیش", "اواخر ماه گذشته", "چند روز پیش", "امسال"])
def test_a_past_time_fronted_before_the_subject_is_no_name(time: str) -> None:
    assert speakers(f"به گزارش خبرگزاری نمونه، {time} مدیرکل تامین اجتماعی استان نمونه اعلام کرد که الف.")[0][:2] == (
        None,
        "مدیرکل تامین اجتماعی استان نمونه",
    )
    assert speakers(f"{time} علی نمونه‌زاده مدیرکل تامین اجتماعی استان نمونه گفت: الف.")[0][:2] == (
        "علی نمونه\u200cزاده",
        "مدیرکل تامین اجتماعی استان نمونه",
    )


def test_a_name_beside_the_post_with_its_place_written_as_shahrestan() -> None:
    text = (
        "به گزارش روابط عمومی فرمانداری بوکان جلسه شورای اشتغال به ریاست مریم نمونه‌زاده فرماندار شهرستان و "
        "با حضور اعضا برگزار شد.\n"
        "فرماندار بوکان ضمن تاکید بر اشتغال پایدار بیان کرد: طرح‌ها اجرا شد."
    )
    assert speakers(text)[0][:2] == ("مریم نمونه\u200cزاده", "فرماندار بوکان")
    # a unit before another place names another post
    other = text.replace("فرماندار شهرستان و", "فرماندار شهرستان تبریز و")
    assert speakers(other)[0][:2] == (None, "فرماندار بوکان")


def test_an_anaphor_describing_a_post_gives_it_to_a_named_speaker_without_one() -> None:
    text = "یدالله نمونه‌زاده، در گفتگو با خبرنگار ما، اظهار کرد: الف.\nاین کارشناس ارشد اجتماعی ادامه داد: ب."
    assert speakers(text)[0][:3] == ("یدالله نمونه\u200cزاده", "کارشناس ارشد اجتماعی", 2)
    # a vague pointer gives no post, and a post written beside the name wins over the anaphor's
    assert speakers(text.replace("این کارشناس ارشد اجتماعی", "این مسئول"))[0][1] is None
    named = text.replace("یدالله نمونه‌زاده،", "یدالله نمونه‌زاده، مدیرکل بهزیستی استان نمونه،")
    assert speakers(named)[0][1] == "مدیرکل بهزیستی استان نمونه"


def test_a_place_glued_after_an_honorific_bracket_ends_the_post() -> None:
    text = (
        "وی بیان کرد: ۶۰ نفر مشغول به کار شدند.\n"
        "مدیر کمیته امداد امام خمینی(ره)ایرانشهر توانمندسازی نیازمندان را از مهمترین اهداف کمیته امداد عنوان کرد."
    )
    found = extract(Article(text=text)).speakers[0]
    assert (found.name, found.role) == (None, "مدیر کمیته امداد امام خمینی(ره) ایرانشهر")


@pytest.mark.parametrize(
    "text",
    [
        "چهره شهرها دگرگون شد\nمریم نمونه‌زاده خبرنگار اطلاعات نوشت: به گفته کارشناسان، مسکن گران است.",
        "کودکان بدون شناسنامه از تحصیل بازمانده‌اند. کمپین فعالان نمونه در گزارشی با اشاره به فقر شدید، از وجود "
        "۵۵ هزار کودک بی‌شناسنامه خبر داد.",
        "نوبت به روستای نمونه‌آباد رسید؛ جایی که مردم از محرومیت‌های عمیق این منطقه گفتند.",
        "بیان مشکلات توسط دهیار روستای نمونه‌آباد که آسیب‌ها را برشمرد و گفت: الف.",
    ],
    ids=["a_reporter_writing_her_story", "a_campaign", "a_place_where", "an_agent_phrase"],
)
def test_no_person_speaks(text: str) -> None:
    assert all(found.name is None for found in extract(Article(text=text)).speakers)


def test_a_named_official_after_a_headline_clause_and_a_comma_speaks() -> None:
    text = (
        "مقاوم سازی ۲۰۰۰ واحد مسکونی در روستاها، محمد رضا نمونه‌زاده مدیر کل دفتر مسکن روستایی بنیاد مسکن "
        "اعلام کرد: الف."
    )
    assert speakers(text)[0][:2] == ("محمد رضا نمونه\u200cزاده", "مدیر کل دفتر مسکن روستایی بنیاد مسکن")
    # a list of attendees before the last one's name is no clause
    listed = (
        "به گزارش پایگاه خبری نمونه، رحیم نمونه‌زاده شهردار نمونه‌آباد، حسن نمونه‌پور رئیس کمیسیون شورا "
        "از آسایشگاه سالمندان بازدید کردند."
    )
    assert all(name != "حسن نمونه\u200cپور" for name, _, _ in speakers(listed))


def test_a_fronted_object_before_ra_is_no_speaker() -> None:
    assert speakers("افرادی را باید ضد نظام دانست که خود را دوستدار نظام می‌دانند.") == []


def test_a_first_name_with_allah_written_apart_opens_a_four_word_name() -> None:
    text = "سیف الله سعد الدین رییس دانشگاه نمونه در حاشیه بازدید از خوابگاه با بیان اینکه کار ادامه دارد گفت: الف."
    assert speakers(text)[0][:2] == ("سیف الله سعد الدین", "رییس دانشگاه نمونه")


def test_a_post_after_a_roleless_speaker_goes_on_with_him_not_a_later_holder_of_a_like_post() -> None:
    text = (
        "نمونه‌زاده در گفتگو با خبرنگار ما گفت: آب به روستاها رسیده است.\n"
        "وی افزود: حجم آب زیاد است.\n"
        "معاون استاندار نمونه گفت: دو شکاف در رودخانه ایجاد کردیم.\n"
        "همچنین علی نمونه‌پور معاون سیاسی امنیتی استاندار نمونه هم گفت: ۴۰ روستا در محاصره سیلاب هستند."
    )
    found = speakers(text)
    assert found[0][:2] == ("نمونه\u200cزاده", "معاون استاندار نمونه")
    assert ("علی نمونه\u200cپور", "معاون سیاسی امنیتی استاندار نمونه") in [s[:2] for s in found]
    # a post in the lead that the later named holder writes in full stays his
    lead = "معاون استاندار نمونه گفت: الف.\nعلی نمونه‌پور معاون سیاسی امنیتی استاندار نمونه افزود: ب."
    assert speakers(lead)[0][:2] == ("علی نمونه\u200cپور", "معاون سیاسی امنیتی استاندار نمونه")


def test_a_representatives_constituency_of_unlisted_places_closed_by_dar_majlis() -> None:
    text = "علی نمونه‌زاده نماینده مردم در نمونه‌آباد، نمونه‌دشت و بخش نمونه در مجلس گفت: الف."
    assert speakers(text)[0][1] == "نماینده مردم در نمونه\u200cآباد، نمونه\u200cدشت و بخش نمونه در مجلس"
    # a venue on the way is the adjunct's
    venue = "علی نمونه‌زاده نماینده مردم نمونه‌آباد در جمع خبرنگاران در مجلس گفت: الف."
    assert speakers(venue)[0][1] == "نماینده مردم نمونه\u200cآباد"


def test_a_noun_opening_the_object_names_no_one() -> None:
    text = (
        "آن روز صبح آقای اکبر نمونه‌زاده ناگهان دوید لای گله گوسفندها.\n"
        "برهای یکیدوماهه را با یک دست بلند کرد و گفت: «همین دیروز شش تا از این بره‌ها را فروختم.»"
    )
    assert all(name != "برهای" for name, _, _ in speakers(text))
    assert classify_subject("برهای یکیدوماهه را", 0) is None


def test_a_subject_that_opens_with_a_named_persons_surname_is_theirs() -> None:
    text = (
        "سروان روح اله نمونه‌گمار فرمانده پلیس راه شهرستان نمونه گفت: در این حادثه دو نفر فوت کردند.\n"
        "نمونه‌گمار علت این حادثه را تجاوز به چپ عنوان کرد و افزود: این محور پرحادثه است."
    )
    assert speakers(text) == [("روح اله نمونه‌گمار", "فرمانده پلیس راه شهرستان نمونه", 2)]


def test_an_unlisted_first_name_before_a_surname_opening_the_object() -> None:
    mention = classify_subject("امیرعباس جعفری جذب و اعطای تسهیلات را یکی از راههای ایجاد اشتغال", 0)
    assert mention is not None and mention.name == "امیرعباس جعفری"


def test_one_must_say_is_nobodys_statement() -> None:
    text = (
        "وقتی در تاریکی شب به منزل می‌رفتم به کوچه ای رسیدیم که حتی یک لامپ خاموش نبود و در این بابت "
        "باید گفت که پارتی بازی حتی در نصب چراغ هم هست."
    )
    assert speakers(text) == []
    said = "استاندار نمونه با بیان اینکه باورهای جوانان باید تقویت شود؛ گفت: ازدواج آسان باید نهادینه شود."
    assert [role for _, role, _ in speakers(said)] == ["استاندار نمونه"]


def test_one_can_deem_is_nobodys_statement() -> None:
    text = "مقدمه: نخستین سیاست جدی برای اقشار کم درآمد را می توان فرمان تأسیس بنیاد مسکن دانست."
    assert speakers(text) == []
    named = "علی نمونه‌زاده مدیرکل بنیاد مسکن استان این طرح را گامی مهم دانست."  # a subject who deems: his words
    assert [name for name, _, _ in speakers(named)] == ["علی نمونه‌زاده"]


def test_a_title_posts_holder_is_named_beside_the_post_in_either_spelling() -> None:
    body = (
        "فرماندار و اعضای شورای اداری شهرستان نمونه از اداره بهزیستی بازدید کردند.\n"
        "در ادامه مرتضی نمونه‌زاده رئیس بهزیستی نمونه از همکاری بنیاد مسکن تقدیر کرد."
    )
    found = speakers(body, headline="رییس بهزیستی نمونه: ساختارهای حمایت از معلولان فراهم شود")
    assert found[0][:2] == ("مرتضی نمونه‌زاده", "رییس بهزیستی نمونه")


def test_a_town_after_the_post_is_no_name() -> None:
    body = "رئیس اداره بهزیستی شهرستان اسلام آباد غرب از توزیع ۲۰۰ بسته بین مددجویان خبر داد."
    found = speakers(body, headline="رئیس اداره بهزیستی شهرستان اسلام آباد غرب خبر داد")
    assert all(name != "اسلام آباد" for name, _, _ in found)


def test_an_indefinite_noun_or_a_verbs_prefix_is_no_name() -> None:
    text = (
        "پیرمردی در این روستا می گفت « خانه ام خراب شده است».\n"
        "می گفت: « هنوز دام هایی زیر آوار هستند».\n"
        "چیزی که مردم گفتند: کمک‌ها دیر رسید."
    )
    assert speakers(text) == []


def test_a_glued_ba_unvan_opens_an_adjunct() -> None:
    text = "در این جلسه آقای نمونه‌زاده باعنوان اینکه ظرفیت‌ها کافی است، گفت: زنان باید مشارکت کنند."
    assert [name for name, _, _ in speakers(text)] == ["نمونه‌زاده"]


@pytest.mark.parametrize(
    ("text", "official"),
    [
        (
            "با دستور علی نمونه‌زاده فرماندار شهرستان نمونه‌آباد، همه ادارات موظف شدند مسیل‌ها را پاکسازی کنند.",
            ("علی نمونه‌زاده", "فرماندار شهرستان نمونه‌آباد"),
        ),
        (
            "ساختمان مرکز توانبخشی نمونه افتتاح شد.\nعکس: محمد نمونه‌پور مدیرکل بهزیستی استان نمونه در آیین افتتاح "
            "این مرکز",
            ("محمد نمونه‌پور", "مدیرکل بهزیستی استان نمونه"),
        ),
    ],
    ids=["an_order", "a_caption"],
)
def test_the_one_official_named_with_a_post_is_the_main_person_when_nobody_speaks(
    text: str, official: tuple[str, str]
) -> None:
    assert speakers(text) == [(*official, 0)]


def test_hamrah_ba_opens_company_not_the_post() -> None:
    assert cut_adjuncts("احمد نمونه‌زاده مدیرکل بهزیستی همراه با معاونان خود") == "احمد نمونه‌زاده مدیرکل بهزیستی"
    assert cut_adjuncts("مدیر شرکت تلفن همراه نمونه") == "مدیر شرکت تلفن همراه نمونه"


def test_a_visitor_holding_this_post_takes_the_post_the_text_named_before() -> None:
    text = (
        "مدیرکل ستاد اجرایی نمونه استان نمونه از روستاهای سیل‌زده دلجویی کرد.\n"
        "به گزارش روابط عمومی ستاد، احمد نمونه‌زاده مدیرکل این ستاد همراه با معاونان خود از مناطق سیل‌زده بازدید کرد."
    )
    found = speakers(text, headline="بازدید مدیرکل ستاد اجرایی نمونه از مناطق سیل‌زده")
    assert [(name, role) for name, role, _ in found][:1] == [("احمد نمونه‌زاده", "مدیرکل ستاد اجرایی نمونه استان نمونه")]


def test_this_post_is_the_post_the_text_named_before() -> None:
    text = (
        "مدیرکل ستاد اجرایی نمونه استان گفت: ۲۰ خانه ساخته شد.\nمحمد نمونه‌پور گفت: کار ادامه دارد.\n"
        "علی نمونه‌زاده مدیرکل این ستاد افزود: ۱۰ خانه دیگر ساخته می‌شود."
    )
    assert [(name, role) for name, role, _ in speakers(text)] == [
        ("علی نمونه‌زاده", "مدیرکل ستاد اجرایی نمونه استان"),
        ("محمد نمونه‌پور", None),
    ]


def test_a_byline_set_off_with_a_bar_is_not_the_subject() -> None:
    text = "نمونه نیوز – علی نمونه‌پور | نماینده مردم نمونه‌آباد در مجلس شورای اسلامی گفت: اشتغال جوانان مهم است."
    assert [(name, role) for name, role, _ in speakers(text)] == [(None, "نماینده مردم نمونه‌آباد در مجلس شورای اسلامی")]


@pytest.mark.parametrize(
    ("text", "official"),
    [
        (
            "به دستور مهندس نمونه‌زاده شهردار نمونه‌آباد، کانال‌های شهر لایروبی شد.",
            ("نمونه‌زاده", "شهردار نمونه‌آباد"),
        ),
        (
            "عکس: علی نمونه‌زاده شهردار و اعضای شورای اسلامی شهر نمونه‌آباد در آیین درختکاری",
            ("علی نمونه‌زاده", "شهردار"),
        ),
        (
            "عکس: علی نمونه‌زاده نماینده مردم رامسر و عباس آباد در آیین درختکاری",
            ("علی نمونه‌زاده", "نماینده مردم رامسر و عباس آباد"),
        ),
    ],
    ids=["a_surname_after_a_title", "the_party_after_and", "a_place_named_like_a_person_after_and"],
)
def test_the_official_named_with_a_post_titled_or_with_a_party(text: str, official: tuple[str, str]) -> None:
    assert speakers(text) == [(*official, 0)]


def test_a_lone_surname_without_a_title_is_no_official() -> None:
    assert speakers("به دستور نمونه‌زاده شهردار نمونه‌آباد، کانال‌های شهر لایروبی شد.") == []


def test_an_unnamed_posts_holder_is_named_beside_the_posts_head_written_alone() -> None:
    text = (
        "شهردار نمونه‌آباد گفت: ۲۰ پارک ساخته شد.\n"
        "در این مراسم علی نمونه‌زاده شهردار ، اعضای شورا و جمعی از مردم حضور داشتند."
    )
    assert [(name, role) for name, role, _ in speakers(text)][:1] == [("علی نمونه‌زاده", "شهردار نمونه‌آباد")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "هنوز دو روز از آغاز سرشماری نگذشته بود که رئیس سازمان ثبت احوال کشور در یک سخنرانی خبر داد که "
            "جمعیت ایران از ۸۰ میلیون نفر گذشت.",
            (None, "رئیس سازمان ثبت احوال کشور"),
        ),
        (
            "سه روز از سیل گذشته بود که علی نمونه‌زاده استاندار نمونه گفت: ۲۰ روستا آسیب دیدند.",
            ("علی نمونه‌زاده", "استاندار نمونه"),
        ),
    ],
    ids=["a_post", "a_named_post"],
)
def test_the_subject_of_a_cleft_follows_bud_ke(text: str, expected: tuple[str | None, str]) -> None:
    assert [(name, role) for name, role, _ in speakers(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("بیست روز پس از زلزله، فرماندار شهرستان نمونه گفت: ۳۰۰ واحد مسکونی تخریب شده است.", "فرماندار شهرستان نمونه"),
        ("امسال برای نخستین بار استاندار نمونه از اجرای طرح خبر داد.", "استاندار نمونه"),
        ("چهارشنبه گذشته استاندار نمونه در جلسه شورای اداری گفت: طرح اجرا می‌شود.", "استاندار نمونه"),
        ("۲۰ روز پس از سیل، مدیرکل مدیریت بحران استان گفت: ۵۰ روستا آسیب دید.", "مدیرکل مدیریت بحران استان"),
    ],
    ids=["a_count_of_days_after", "for_the_first_time", "a_weekday", "digits_of_days_after"],
)
def test_an_adverbial_fronted_before_the_post_is_no_part_of_the_subject(text: str, post: str) -> None:
    assert [(name, role) for name, role, _ in speakers(text)] == [(None, post)]


def test_a_number_word_counting_people_or_days_is_no_name() -> None:
    text = "پنج نفر در این حادثه جان باختند.\nسه روز پس از حادثه هنوز مصدومان بستری هستند."
    assert all(name is None for name, _, _ in speakers(text))
    text = "چهل نمونه‌زاده مجری طرح‌های برق‌رسانی گفت: ۵۰ روستا برق‌دار می‌شوند."
    assert [name for name, _, _ in speakers(text)] == ["چهل نمونه‌زاده"]


def test_the_subject_of_a_clause_after_a_finished_clause_and_va() -> None:
    text = "سه هزار خانوار تحت پوشش بهزیستی قرار گرفتند و مدیرکل بهزیستی استان نمونه گفت: ۲۰ مرکز راه‌اندازی شد."
    assert [(name, role) for name, role, _ in speakers(text)] == [(None, "مدیرکل بهزیستی استان نمونه")]
    text = "رییس جمهوری نگران مردم است و به همین دلیل نماینده ویژه‌ای را روانه منطقه کرد."
    assert speakers(text) == []


@pytest.mark.parametrize("quote", ["'{}'", "«{}»", '"{}"'])
def test_a_quoted_name_ends_at_its_closing_quote(quote: str) -> None:
    name = quote.format("رحیم نمونه‌زاده")
    text = f"به گزارش ایرنا، {name} رزو سه شنبه در مراسم تجلیل گفت: کار ادامه دارد."
    assert [name for name, _, _ in speakers(text)] == ["رحیم نمونه‌زاده"]
    text = f"{name} دهیار روستای نمونه‌آباد گفت: آب نداریم."
    assert [(name, role) for name, role, _ in speakers(text)] == [("رحیم نمونه‌زاده", "دهیار روستای نمونه‌آباد")]


def test_janab_is_a_title_before_the_name() -> None:
    text = "جناب آقای مهندس علی نمونه‌زاده شهردار نمونه‌آباد گفت: ۲۰ پارک ساخته شد."
    assert [(name, role) for name, role, _ in speakers(text)] == [("علی نمونه‌زاده", "شهردار نمونه‌آباد")]


@pytest.mark.parametrize(
    "text",
    [
        "مدیرکل بهزیستی استان نمونه؛ علی نمونه‌زاده گفت: ۲۰ مرکز راه‌اندازی شد.",
        "علی نمونه‌زاده – مدیرکل بهزیستی استان نمونه – گفت: ۲۰ مرکز راه‌اندازی شد.",
        "علی نمونه‌زاده؛ مدیرکل بهزیستی استان نمونه گفت: ۲۰ مرکز راه‌اندازی شد.",
    ],
    ids=["post_semicolon_name", "name_between_dashes", "name_semicolon_post"],
)
def test_a_name_and_its_post_set_off_by_a_semicolon_or_dashes(text: str) -> None:
    assert [(name, role) for name, role, _ in speakers(text)] == [("علی نمونه‌زاده", "مدیرکل بهزیستی استان نمونه")]


def test_an_official_whose_office_hosts_an_event_is_not_the_story_s_person() -> None:
    text = (
        "نشست مشترک دبیر بانوان استان نمونه با عضو شورای شهر\n"
        "در ادامه رایزنی‌ها، نشستی تخصصی در دفتر سرکار خانم زهرا نمونه‌زاده عضو محترم شورای اسلامی شهر نمونه‌آباد "
        "برگزار شد."
    )
    assert speakers(text) == []
    text = "حمیدرضا نمونه‌زاده مدرس مرکز ملی اعتیاد ایران است.\nاو سال‌ها با معتادان کار کرده است."
    assert speakers(text) == [("حمیدرضا نمونه‌زاده", "مدرس مرکز ملی اعتیاد ایران", 0)]


def test_with_nobody_quoted_an_official_named_in_the_seventh_sentence_is_the_actor() -> None:
    background = [f"در سال گذشته {n} مورد حادثه در این منطقه ثبت شده است." for n in range(10, 16)]
    text = "\n".join(
        [
            *background,
            "علی نمونه‌زاده، رئیس سازمان امور اجتماعی کشور، در بهمن از افزایش این حوادث خبر داده بود.",
            "آمار رسمی دیگری منتشر نشده است.",
        ]
    )
    assert [(name, role) for name, role, _ in speakers(text)] == [("علی نمونه‌زاده", "رئیس سازمان امور اجتماعی کشور")]


@pytest.mark.parametrize(
    "post",
    [
        "مدیرعامل سازمان مدیریت و نظارت بر تاکسیرانی شهرداری نمونه‌آباد",
        "معاون مراقبت از بیماری‌های دانشگاه علوم پزشکی نمونه",
    ],
)
def test_a_verbal_noun_and_its_preposition_go_on_inside_the_post(post: str) -> None:
    assert speakers(f"{post} گفت: بیمه برقرار می‌شود.") == [(None, post, 1)]


def test_a_report_lead_in_without_its_comma_ends_before_the_name_an_adjunct_glued_to_dar_follows() -> None:
    text = "به گزارش پایگاه اطلاع رسانی شهرداری نمونه‌آباد علی نمونه‌زاده، دراین خصوص گفت: ۵۰ درصد حق بیمه پرداخت شد."
    assert [name for name, _, _ in speakers(text)] == ["علی نمونه‌زاده"]


def test_a_full_name_before_a_bare_present_reports_a_feature_s_quote() -> None:
    assert [name for name, _, _ in speakers("اما علی نمونه‌زاده می‌گوید این بار تفاوت دارد.")] == ["علی نمونه‌زاده"]
    assert [name for name, _, _ in speakers("علی نمونه‌زاده میگوید این بار تفاوت دارد.")] == ["علی نمونه‌زاده"]
    assert speakers("سرایدار مدرسه می‌گوید بچه‌ها سرما می‌خورند.") == []
    assert speakers("نمونه‌زاده می‌گوید این بار تفاوت دارد.") == []


@pytest.mark.parametrize("obj", ["اینها", "این‌ها", "آنها"])
def test_a_plural_demonstrative_object_fronted_before_the_post(obj: str) -> None:
    text = f"{obj} را مدیرکل بهزیستی استان نمونه می‌گوید."
    assert [(name, role) for name, role, _ in speakers(text)] == [(None, "مدیرکل بهزیستی استان نمونه")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "این نخستین‌بار نیست که طرح در تهران اجرا میشود اما محمدرضا نمونه‌زاده میگوید این بار تفاوت دارد.",
            ("محمدرضا نمونه‌زاده", None),
        ),
        ("طرح اجرا شد ولی مدیرکل بهزیستی استان می‌گوید ۲۰ مرکز کافی نیست.", (None, "مدیرکل بهزیستی استان")),
    ],
    ids=["ama_a_name", "vali_a_post"],
)
def test_the_clause_after_ama_or_vali_holds_the_bare_verbs_subject(
    text: str, speaker: tuple[str | None, str | None]
) -> None:
    assert [(name, role) for name, role, _ in speakers(text)] == [speaker]


def test_a_circular_is_its_signers() -> None:
    text = (
        "بخشنامه مرخصی زندانیان\n"
        "رؤسای کل دادگستری استان‌ها به زندانیانی که شرایط لازم را دارند، سه تا هفت روز مرخصی اعطا نمایند.\n"
        "علیهذا مراتب بدین وسیله ابلاغ میگردد.\n"
        "محمدرضا نمونه‌زاده -معاون اجرایی رئیس قوه قضاییه"
    )
    assert speakers(text) == [("محمدرضا نمونه‌زاده", "معاون اجرایی رئیس قوه قضاییه", 0)]


@pytest.mark.parametrize("site", ["پایگاه خبری نمونه", "پایگاه اطلاع رسانی نمونه", "خبرگزاری نمونه"])
def test_a_sites_credit_run_into_the_post_is_no_name(site: str) -> None:
    text = f"{site} معاون عمرانی استاندار نمونه گفت: بارش برف برق روستاها را قطع کرد."
    assert speakers(text) == [(None, "معاون عمرانی استاندار نمونه", 1)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("علی نمونه‌پور از اهالی روستای نمونه‌آباد گفت: آب نداریم.", "از اهالی روستای نمونه‌آباد"),
        ("علی نمونه‌پور، از بزرگان روستای نمونه‌آباد، گفت: آب نداریم.", "از بزرگان روستای نمونه‌آباد"),
        ("علی نمونه‌پور اهل روستای نمونه‌آباد گفت: آب نداریم.", "اهل روستای نمونه‌آباد"),
    ],
    ids=["of_the_residents", "of_the_elders", "from"],
)
def test_who_a_citizen_is_after_the_name_is_the_role(text: str, role: str) -> None:
    assert speakers(text) == [("علی نمونه‌پور", role, 1)]


def test_an_adjunct_with_az_after_a_name_is_no_role() -> None:
    assert speakers("علی نمونه‌پور از طریق سامانه گفت: آب نداریم.") == [("علی نمونه‌پور", None, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "معاونپیشگیریودرماناعتیادسازمانبهزیستیکشور گفت: ۲۰ مرکز راه‌اندازی شد.",
        "برگزاری مراسم خونگیری مدیر کل انتقال خون را خوشحال کرد و گفت: ۲۰ نفر خون دادند.",
    ],
    ids=["a_post_without_spaces", "a_verbal_noun"],
)
def test_a_glued_post_or_a_verbal_noun_is_no_name(text: str) -> None:
    assert all(name is None for name, _, _ in speakers(text))


@pytest.mark.parametrize(("glued", "first"), [("دکترجواد", "جواد"), ("مهندسعلی", "علی"), ("سردارحسن", "حسن")])
def test_a_title_glued_to_the_first_name_is_no_part_of_the_name(glued: str, first: str) -> None:
    text = f"{glued} نمونه‌زاده رئیس شبکه بهداشت نمونه‌آباد گفت: ۲۰ نفر بستری شدند."
    assert speakers(text) == [(f"{first} نمونه‌زاده", "رئیس شبکه بهداشت نمونه‌آباد", 1)]


def test_a_lone_surname_over_a_body_that_names_no_one_is_the_one_quoted() -> None:
    body = "مدیریت آب در خوزستان غلط است که هم در کم‌آبی و هم در پرآبی مشکل وجود دارد."
    assert speakers(body, headline="رئیسی: مدیریت آب در خوزستان غلط است") == [("رئیسی", None, 1)]
    assert speakers(body, headline="اسامی: پذیرفته‌شدگان آزمون اعلام شد") == []
    assert speakers(body, headline="کرونا: مدیریت آب در خوزستان غلط است") == []


def test_a_common_word_that_alone_opens_two_statements_is_a_surname() -> None:
    text = (
        "مدیرکل بنیاد مسکن استان نمونه گفت: ۲۰ خانه ساخته شد.\nتنها افزود: تشکیل پرونده انجام شده است.\n"
        "تنها در ادامه گفت: کار ادامه دارد."
    )
    assert [(name, role) for name, role, _ in speakers(text)] == [("تنها", "مدیرکل بنیاد مسکن استان نمونه")]
    assert speakers("تعدادی گفتند: آب نداریم.\nتعدادی افزودند: برق نداریم.") == []
    assert speakers("تنها افزود: تشکیل پرونده انجام شده است.") == []  # once is no evidence


def test_a_common_word_before_a_post_and_alone_again_is_a_surname() -> None:
    text = (
        "مدیرکل بنیاد مسکن استان نمونه از تکمیل ۸۸۰ واحد خبر داد.\n"
        "تنها مدیرکل بنیاد مسکن استان نمونه گفت: طرح در سال ۹۸ آغاز شد.\n"
        "تنها در ادامه گفت: ۶۵۰ واحد تا پایان سال تکمیل می‌شود."
    )
    assert [(name, role) for name, role, _ in speakers(text)] == [("تنها", "مدیرکل بنیاد مسکن استان نمونه")]


def test_a_plural_with_its_indefinite_ends_a_post_not_a_surname() -> None:
    text = "به گفته وزیر بهداشت داروخانه‌هایی که داروهای بیماران خاص را تامین می‌کنند در نوروز فعال هستند."
    assert [(name, role) for name, role, _ in speakers(text)] == [(None, "وزیر بهداشت")]
    text = "محمدرضا حیدرهایی سرپرست دفتر امور آسیب‌دیدگان اجتماعی گفت: ۲۰ مرکز فعال است."
    assert [name for name, _, _ in speakers(text)] == ["محمدرضا حیدرهایی"]
    assert speakers("افراد بالای ۶۰ سال جزو گروه‌های هدف تزریق واکسن هستند و گفتند: واکسن نداریم.") == []


@pytest.mark.parametrize("quote", ["«کارگران این کارگاه‌ها بیمه ندارند»", "“کارگران این کارگاه‌ها بیمه ندارند”"])
def test_a_quote_after_the_post_ends_the_post(quote: str) -> None:
    text = f"وضع کارگران بدتر شد\nکاوه نمونه‌زاده، عضو شورای عالی کار {quote}."
    assert [(name, role) for name, role, _ in speakers(text)] == [("کاوه نمونه‌زاده", "عضو شورای عالی کار")]


@pytest.mark.parametrize(
    "subject",
    [
        "رئیس انجمن نمونه کشور، خواستار راه‌اندازی جشنواره‌های استانی شد و",
        "رئیس انجمن نمونه کشور خواستار حمایت بیشتر از جوانان شد و",
    ],
)
def test_a_demand_clause_before_the_reporting_verb_is_no_part_of_the_post(subject: str) -> None:
    text = f"{subject} افزود: ۲۰۰ جشنواره داریم.\nکاوه نمونه‌زاده در این دیدار گفت: کار ادامه دارد."
    assert speakers(text)[0][1] == "رئیس انجمن نمونه کشور"


def test_a_quote_about_a_post_taken_for_the_headline_gives_no_post() -> None:
    text = "به گزارش ایرنا، حجت‌الاسلام نمونه‌زاده در خطبه‌ها گفت: فرماندار باید بومی باشد.\nوی افزود: مردم منتظرند."
    found = extract(Article(text=text, id="t")).speakers
    assert [(s.name, s.role) for s in found] == [("نمونه‌زاده", None)]


@pytest.mark.parametrize(
    "text",
    [
        "نمونه‌زاده زنان سرپرست خانوار و سالمندان را از گروه‌های هدف اعلام کرد و گفت: کمک ادامه دارد.",
        "«پدرم می‌گفت اینجا موقت است.» حالا پسرم هم همین را می‌گوید.",
    ],
)
def test_a_group_of_people_or_an_adverb_is_no_name(text: str) -> None:
    assert all(name is None or not {"زنان", "حالا"} & set(name.split()) for name, _, _ in speakers(text))


@pytest.mark.parametrize(("first", "last"), [("ام البنین", "نمونه نژاد"), ("عبد الرضا", "نمونه پور")])
def test_a_first_name_written_in_two_words_opens_a_name_before_its_post(first: str, last: str) -> None:
    text = f"سیل در استان نمونه\n{first} {last} معاون مدیر کل بهزیستی نمونه‌شهر گفت: ۲۰ خانوار اسکان یافتند."
    assert speakers(text)[0][:2] == (f"{first} {last}", "معاون مدیر کل بهزیستی نمونه‌شهر")
    after_adjunct = text.replace("\n", "\nدر ابتدای این مراسم ")  # no comma after the adjunct
    assert speakers(after_adjunct)[0][:2] == (f"{first} {last}", "معاون مدیر کل بهزیستی نمونه‌شهر")


def test_a_surname_whose_yeh_is_written_apart_is_still_a_name() -> None:
    assert speakers("رضا نمونه ای مدیرکل بنیاد مسکن استان نمونه گفت: ۲۰ واحد ساخته شد.")[0][0] == "رضا نمونه ای"


@pytest.mark.parametrize("greeting", ["تبریک", "تسلیت"])
def test_a_greeting_said_is_no_statement(greeting: str) -> None:
    text = (
        "نماینده ولی فقیه در استان به دیدار سالمندان رفت.\n"
        f"حجت الاسلام کاوه نمونه‌زاده سپس به مرکز نمونه رفت و نوروز را به مادران این مرکز {greeting} گفت.\n"
        "مدیرکل بهزیستی استان نمونه گفت: ۲۰ سالمند در این مرکز نگهداری می‌شوند."
    )
    assert speakers(text)[0][:2] == (None, "مدیرکل بهزیستی استان نمونه")


@pytest.mark.parametrize(
    ("lead", "full"),
    [
        ("جلسه‌ای با حضور کاوه نمونه‌زاد ساروی مدیر کل نوسازی مدارس استان برگزار شد.", "کاوه نمونه‌زاد ساروی"),
        ("عکس: سیدمحمد نمونه‌زاد در بازدید از مدرسه.", "سیدمحمد نمونه‌زاد"),
        ("سیدمحمد نمونه‌زاد افزوده است که مدارس آماده‌اند.", "سیدمحمد نمونه‌زاد"),
    ],
)
def test_a_surname_speaker_takes_the_full_name_the_text_writes_elsewhere(lead: str, full: str) -> None:
    text = f"{lead}\nنمونه‌زاد مدیر کل نوسازی مدارس استان گفت: ۲۰ مدرسه ساخته می‌شود."
    assert speakers(text)[0][0] == full


def test_two_full_names_with_the_surname_leave_the_surname_alone() -> None:
    sentences = ["عکس: کاوه نمونه‌زاد در بازدید از مدرسه.", "عکس: رضا نمونه‌زاد در بازدید از مدرسه."]
    lone = Speaker("نمونه‌زاد", "مدیر کل نوسازی مدارس استان", 1)
    assert _with_full_name(lone, sentences) == lone
    assert _with_full_name(lone, sentences[:1]).name == "کاوه نمونه‌زاد"


@pytest.mark.parametrize(
    "text",
    [
        "کاوه نمونه‌زاده مدیرکل تعاون استان با اشاره به گزارش مرکز آمار اعلام کرد: بیکاری کم شد.",
        "کاوه نمونه‌زاده در گفت‌وگو با خبرنگار به گزارش نمونه‌خبر، اظهار کرد: بیکاری کم شد.",
    ],
)
def test_a_report_cited_after_the_name_leaves_the_name_the_subject(text: str) -> None:
    assert speakers(text)[0][0] == "کاوه نمونه‌زاده"


@pytest.mark.parametrize("name", ["نمونه‌زاده", "کاوه نمونه‌زاده"])
def test_a_name_after_a_clause_whose_stop_the_page_lost_is_the_subject(name: str) -> None:
    text = f"وظیفه اصلی بنیاد مسکن ساخت مسکن آسیب‌دیدگان است {name} اظهار داشت: ۲۰ واحد ساخته شد."
    assert speakers(text)[0][0] == name


@pytest.mark.parametrize("initial", ["“ط”", "«ر»", "ع"])
def test_an_initial_standing_for_a_withheld_name_names_no_one(initial: str) -> None:
    text = f"کارگران کشتارگاه حقوق نگرفته‌اند.\nآقای {initial} از کارگران کشتارگاه می‌گوید: ما هر روز این مسیر را می‌رویم."
    assert [name for name, _, _ in speakers(text) if name] == []


@pytest.mark.parametrize("name", ["کاوه نمونه‌زاده", "سید کاوه نمونه‌زاده"])
def test_a_full_name_set_over_the_text_as_its_kicker_is_the_speaker(name: str) -> None:
    text = f"مسئله اشتغال\n{name}:\nاشتغال یکی از مهم‌ترین مسائل جامعه ماست و ریشه بسیاری از مشکلات اجتماعی است."
    assert [s.name for s in extract(Article(text=text, id="t")).speakers] == [name]


@pytest.mark.parametrize(
    "title", ["۲۰ مرکز جدید راه‌اندازی می‌شود/ رستمی: کار ادامه دارد", "رستمی: ۲۰ مرکز جدید راه‌اندازی می‌شود"]
)
def test_a_surname_quoted_in_the_title_over_a_body_that_says_only_vey_is_the_speaker(title: str) -> None:
    text = "به گزارش ایرنا، وی امروز در جمع خبرنگاران افزود: ۲۰ مرکز جدید راه‌اندازی می‌شود و کار ادامه دارد."
    assert [s.name for s in extract(Article(text=text, title=title, id="t")).speakers] == ["رستمی"]


def test_despite_written_apart_opens_no_name() -> None:
    text = "تلویزیون خراب بود. ولی علی رغم اینکه به مسئولان خوابگاه مراجعه کردیم، کسی نیامد و گفت: پول بدهید."
    assert all(name is None or "علی" not in name.split() for name, _, _ in speakers(text))


@pytest.mark.parametrize(
    ("role", "post"),
    [
        ("رئیس شورای اسلامی شهر یزد سخنانی بیان داشت و", "رئیس شورای اسلامی شهر یزد"),
        ("دبیر جشنواره تئاتر استان کردستان شد", "دبیر جشنواره تئاتر استان کردستان"),
        ("سرپرست خوابگاه مراجعه کردیم اما باز سناریو قبلی", "سرپرست خوابگاه"),
        ("دهیار روستای سیاسخت بارها تکرار می‌کند.", "دهیار روستای سیاسخت"),
    ],
)
def test_a_post_read_past_a_verb_loses_the_clause(role: str, post: str) -> None:
    assert _post_only(role) == post


# this round's first-speaker shapes: (text, headline, (name, role) of the first speaker)
FIRST_SPEAKERS = [
    pytest.param(
        "به گزارش ایلنا، کاوه نمونه‌زاده فعال اجتماعی و از برگزارکنندگان این مراسم ضمن ارائه توضیحاتی بیان کرد: "
        "این پویش ادامه دارد.",
        "",
        ("کاوه نمونه‌زاده", "فعال اجتماعی و از برگزارکنندگان این مراسم"),
        id="and_one_of_after_a_description_goes_on_inside_it",
    ),
    pytest.param(
        "رئیس انجمن نمونه کشور خواستار شد؛\nکاوه نمونه‌زاده گفت: جشنواره‌های استانی باید راه بیفتد.",
        "",
        ("کاوه نمونه‌زاده", "رئیس انجمن نمونه کشور"),
        id="a_kicker_that_demands_keeps_its_post",
    ),
    pytest.param(
        "کاوه یکی از اهالی روستاهای دورافتاده نمونه‌شهر است که به شهر آمد.\nاو می‌گوید: مدرسه نداشتیم.",
        "",
        ("کاوه", "یکی از اهالی روستاهای دورافتاده نمونه‌شهر"),
        id="a_description_ending_in_its_copula_loses_the_copula",
    ),
    pytest.param(
        "رضا نمونه‌پور، مشاور رئیس جمهور امروز با کاوه نمونه‌زاده، استاندار نمونه‌شهر دیدار و گفت‌وگو کرد.\n"
        "نمونه‌زاده افزود: این سفر برای استان مهم است.",
        "",
        ("کاوه نمونه‌زاده", "استاندار نمونه‌شهر"),
        id="a_post_in_apposition_ends_before_the_visit_it_reports",
    ),
    pytest.param(
        "اخبار و مطالب\n"
        "برگزاری مراسم خونگیری در استان نمونه به گزارش روابط عمومی انتقال خون نمونه، دکتر نمونه‌زاده "
        "در خصوص اهدای خون به خبرنگار ما گفت: دو مرکز خونگیری فعال است.\n"
        "مدیر کل انتقال خون نمونه گفت: عزاداران خون اهدا کنند.",
        "",
        ("نمونه‌زاده", "مدیر کل انتقال خون نمونه"),
        id="a_title_glued_to_the_lead_leaves_the_subject_after_the_report_lead_in",
    ),
    pytest.param(
        "دهیار روستای نمونه‌آباد گفت: آب روستا قطع است.\n"
        "سرکار خانم «کاوه نمونه‌زاده» دهیار روستای نمونه‌آباد دارای مدرک کارشناسی است.",
        "",
        ("کاوه نمونه‌زاده", "دهیار روستای نمونه‌آباد"),
        id="a_quoted_name_written_before_the_post_names_the_unnamed_official",
    ),
    pytest.param(
        'در هفته دولت " کاوه نمونه‌زاده" فرماندار شهرستان نمونه‌شهر، با حضور در روستا از پروژه بازدید نمود.\n'
        "فرماندار در این بازدید گفت: پروژه تا پایان سال تمام می‌شود.",
        "بازدید فرماندار از پروژه دیوار حائل روستا",
        ("کاوه نمونه‌زاده", "فرماندار شهرستان نمونه‌شهر"),
        id="a_bare_post_named_in_the_text_takes_the_post_written_beside_the_name",
    ),
    pytest.param(
        "کاوه نمونه‌زاده مدیرکل بهزیستی استان آمار معلولان تحت پوشش را اعلام کرد و گفت: ۲۰ مرکز فعال است.",
        "",
        ("کاوه نمونه‌زاده", "مدیرکل بهزیستی استان"),
        id="a_post_after_a_name_ends_at_its_place_before_the_object",
    ),
]


@pytest.mark.parametrize(("text", "headline", "expected"), FIRST_SPEAKERS)
def test_first_speaker_shapes(text: str, headline: str, expected: tuple[str, str]) -> None:
    assert speakers(text, headline=headline)[0][:2] == expected


# texts that name no one: (text, id)
NO_NAME = [
    (
        "آیین افتتاح با حضور علی نمونه‌زاده فرماندار، رضا نمونه‌پور شهردار و حسن نمونه‌فر رئیس شورای شهر برگزار شد.",
        "attendees_listed",
    ),
    ("ساختمان مدرسه ۱۲ کلاسه با هزینه رضا نمونه‌پور خیر مدرسه‌ساز ۱۲ کلاسه ساخته شد.", "a_number_in_the_post"),
    ("کودکان کار در خیابان‌ها\nمریم نمونه‌زاده خبرنگار ایرنا از وضعیت کودکان کار گزارش تهیه کرد.", "a_reporter"),
    ("شاهد دیگری به پلیس گفت: در مغازه‌ام مشغول کار بودم.", "another_witness"),
    ("تنها می‌خندد! خنده که نه، از ته دل قهقهه می‌زند و می‌گوید: شما هم اگر جای من بودید می‌خندیدید.", "a_laugh"),
    ("چنانچه امام علی (ع) می‌گوید «زندان انسان را از انس جدا می‌کند.»", "as_a_saint_says"),
    ("بازنشسته ای که در صف ایستاده بود گفت: حقوقم کفاف نمی‌دهد.", "a_retiree"),
    ("روستائیان گفتند: جاده خطرناک است.", "villagers"),
    ("سفارت ایران اعلام کرد: اتباع به کشور بازمی‌گردند.", "an_embassy"),
    ("خانه‌دار می‌گوید: قیمت‌ها دو برابر شده است.", "a_housewife"),
    ("آبانماه سال گذشته استاندار نمونه‌شهر گفته بود: سد تا پایان سال تکمیل می‌شود.", "a_month_glued_to_mah"),
    ("اقدامات مهم ستاد مدیریت بحران شهرداری شامل موارد زیر اعلام شد: لایروبی کانال‌ها.", "deeds"),
]


@pytest.mark.parametrize("text", [pytest.param(text, id=case) for text, case in NO_NAME])
def test_no_one_is_named(text: str) -> None:
    assert all(name is None for name, _, _ in speakers(text))


@pytest.mark.parametrize(
    "text",
    [
        "کاظمی مدیر کل بهزیستی به قانون ۱۰۴ بودجه در خصوص ۲۰ درصد از کاهش آسیب‌های اجتماعی در استان نمونه"
        " اشاره نمود و افزود اولویت‌های بهزیستی پیشگیری و توانبخشی است.",
        "کاظمی مدیر کل بهزیستی با اشاره به خسارت سیل خواستار رسیدگی فوری مسئولان به وضعیت ۲۰ خانوار آسیب‌دیده"
        " در روستاهای شهرستان نمونه شد و گفت وضعیت این خانوارها بحرانی است.",
    ],
    ids=["pointed_to", "called_for"],
)
def test_a_long_clause_of_the_speakers_own_before_a_bare_and_verb_keeps_its_subject(text: str) -> None:
    assert speakers(text)[:1] == [("کاظمی", "مدیر کل بهزیستی", 1)]


def test_expressing_concern_is_a_statement() -> None:
    text = (
        "رضا کاظمی معاون وزیر کشور از افزایش طلاق در کشور ابراز نگرانی کرد.\n"
        "کاظمی، معاون وزیر کشور در امور اجتماعی جمهوری اسلامی ایران، در نشست خبری گفت: آمار رو به افزایش است."
    )
    assert speakers(text)[0][0] == "رضا کاظمی"
    assert speakers(text)[0][2] == 2


@pytest.mark.parametrize("verb", ["ذکر کرد", "مطرح کرد", "ذکر نمود", "مطرح نمود"])
def test_mentioning_and_raising_report_a_statement(verb: str) -> None:
    text = (
        "کاظمی مدیرکل بهزیستی نمونه‌شهر گفت: ۲۰ مرکز افتتاح شد.\n"
        f"کاظمی کمبود اعتبار را مهم‌ترین مشکل این مراکز {verb}.\n"
        "موسوی معاون بهزیستی نمونه‌شهر گفت: ۱۰ مرکز دیگر در راه است.\n"
        "موسوی افزود: اعتبار کم است."
    )
    assert speakers(text)[0][::2] == ("کاظمی", 2)
