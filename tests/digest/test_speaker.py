"""digest.speaker: attribution, role/name split and coreference."""

from __future__ import annotations

import pytest

from digest.normalize import normalize_fa
from digest.sentences import split_sentences
from digest.speaker import classify_subject, cut_adjuncts, find_speakers, subject_of


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


def test_main_speaker_has_most_statements() -> None:
    text = (
        "علی رضایی، رئیس اداره کار گفت: بیکاری کم شد.\n"
        "حسن کریمی، معاون استاندار گفت: اشتغال زیاد شد.\n"
        "کریمی افزود: طرح ادامه دارد.\nوی تاکید کرد: حمایت می‌کنیم."
    )
    found = speakers(text)
    assert [s[0] for s in found] == ["حسن کریمی", "علی رضایی"]
    assert found[0][2] == 3


def test_be_gofte() -> None:
    found = speakers("به گفته رئیس پلیس راهور استان، تصادفات کاهش یافته است.")
    assert found == [(None, "رئیس پلیس راهور استان", 1)]


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
    assert speakers(text) == [(None, "مقام آگاه", 2)]


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
