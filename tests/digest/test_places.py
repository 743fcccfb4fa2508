"""digest.places: provinces, cities, regions and countries."""

from __future__ import annotations

import pytest

from digest.normalize import normalize_fa
from digest.places import PROVINCES, canonical_province, find_places, province_of, provinces_of


def test_thirty_one_provinces() -> None:
    assert len(PROVINCES) == 31 == len(set(PROVINCES))


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("سیستان و بلوچستان", "سیستان و بلوچستان"),
        ("سیستان‌وبلوچستان", "سیستان و بلوچستان"),
        ("استان سيستان و بلوچستان", "سیستان و بلوچستان"),
        ("آذربایجان شرقی", "آذربایجان شرقی"),
        ("آذربایجان‌شرقی", "آذربایجان شرقی"),
        ("اذربايجان غربي", "آذربایجان غربی"),
        ("كهگيلويه و بوير احمد", "کهگیلویه و بویراحمد"),
        ("کهگیلویه‌وبویراحمد", "کهگیلویه و بویراحمد"),
        ("چهار محال و بختیاری", "چهارمحال و بختیاری"),
        ("خراسان‌جنوبی", "خراسان جنوبی"),
        ("استان تهران", "تهران"),
        ("کرمانشاه", "کرمانشاه"),
        ("کرمان", "کرمان"),
        ("مشهد", None),
        ("استان", None),
        ("", None),
    ],
    ids=[
        "sistan",
        "sistan_glued",
        "sistan_prefix_arabic",
        "azar_east",
        "azar_east_zwnj",
        "azar_west_arabic",
        "kohgiluyeh_arabic",
        "kohgiluyeh_glued",
        "chaharmahal_spaced",
        "khorasan_south",
        "tehran_prefix",
        "kermanshah",
        "kerman",
        "city_is_not_province",
        "prefix_only",
        "empty",
    ],
)
def test_canonical_province(name: str, province: str | None) -> None:
    assert canonical_province(name) == province


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_found_in_text(province: str) -> None:
    assert province in find_places(normalize_fa(f"استاندار استان {province} گفت: کار تمام است."))


PLACES = [
    (
        "seed_list",
        "استان خوزستان، تهران، کرمان، سیستان و بلوچستان، استانهای پایلوت هستند.",
        ("خوزستان", "تهران", "کرمان", "سیستان و بلوچستان"),
    ),
    ("cities", "این طرح در رشت و بندر انزلی و خرم آباد اجرا شد.", ("رشت", "بندر انزلی", "خرم‌آباد")),
    ("region_alone", "سیلاب در منطقه سیستان خسارت زد.", ("سیستان",)),
    ("adjective_is_not_place", "حسینی بوشهری و کارشناس تهرانی گفتند.", ()),
    ("agency_is_not_province", "به گزارش خبرگزاری فارس از گچساران، خبرنگار اجتماعی فارس گفت.", ("گچساران",)),
    ("fars_province", "مدیرکل بهزیستی استان فارس گفت.", ("فارس",)),
    ("central_bank_is_not_markazi", "بانک مرکزی نرخ ارز را اعلام کرد.", ()),
    ("markazi_province", "استاندار مرکزی در اراک گفت.", ("مرکزی", "اراک")),
    ("ambiguous_with_cue", "فرماندار سرباز گفت و ۱۲۲ پروژه در سرباز.", ("سرباز",)),
    ("ambiguous_without_cue", "یک سرباز در بافت فرسوده و در نور خورشید ایستاد.", ()),
    ("ambiguous_in_list", "در شهرستان‌های زابل و زهک", ("زابل", "زهک")),
    ("country", "کمک‌ها به افغانستان و عراق ارسال شد.", ("افغانستان", "عراق")),
    ("iran_is_not_listed", "در ایران", ()),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in PLACES], ids=[c[0] for c in PLACES])
def test_find_places(text: str, expected: tuple[str, ...]) -> None:
    assert find_places(normalize_fa(text)) == expected


@pytest.mark.parametrize(
    ("place", "province"),
    [("ماکو", "آذربایجان غربی"), ("خرم‌آباد", "لرستان"), ("خرم آباد", "لرستان"),
     ("سیستان", "سیستان و بلوچستان"), ("استان فارس", "فارس"), ("کابل", None), ("خراسان", None)],
    ids=["city", "zwnj_city", "spaced_city", "region", "province", "foreign", "ambiguous_region"],
)  # fmt: skip
def test_province_of(place: str, province: str | None) -> None:
    assert province_of(place) == province


def test_provinces_of_dedupes_in_order() -> None:
    assert provinces_of(("ماکو", "ارومیه", "تهران", "کابل")) == ("آذربایجان غربی", "تهران")
