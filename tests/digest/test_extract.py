"""digest.extract: the whole pipeline — seed acceptance, JSON form, robustness and the dev-set targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from digest import Article, Digest, extract, normalize_fa, to_json
from digest.summary import MAX_SENTENCES, MAX_SUMMARY_WORDS
from tests.digest.digest_paths import REPO, eval_dir

SEED_HEADLINE = "خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل"
SEED_ROLE = "مدیر کل دفتر امور آسیب های اجتماعی وزارت تعاون، کار و رفاه اجتماعی"


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Digest:
    return extract(Article(text=seed_text, id="seed"))


def test_seed_digest(seed: Digest) -> None:
    assert seed.headline == SEED_HEADLINE
    assert seed.is_social
    main = seed.speakers[0]
    assert (main.name, main.role) == ("روزبه کردونی", SEED_ROLE)
    assert main.statements >= 8
    assert seed.figures[0].text == "۱۰ استان"
    assert seed.figures[0].number == 10
    assert "جزء ۱۰ استان انتهایی" in seed.figures[0].context and "طلاق" in seed.figures[0].context
    assert seed.places == ("خوزستان", "تهران", "کرمان", "سیستان و بلوچستان")
    assert seed.kicker is not None and seed.kicker.startswith("مدیر کل دفتر امور")
    assert 1 <= len(seed.summary) <= 3
    assert "طلاق" in seed.topics or "آسیب‌های اجتماعی" in seed.topics


def test_seed_survives_arabic_letters_and_half_spaces(seed_text: str) -> None:
    variant = seed_text.replace("ی", "ي").replace("ک", "ك").replace("۱۰", "١٠").replace("آسیب های", "آسیب‌های")
    d = extract(Article(text=variant))
    assert d.speakers[0].name == "روزبه کردونی"
    assert normalize_fa(d.speakers[0].role or "").replace("\u200c", " ") == SEED_ROLE
    assert d.figures[0].number == 10


def test_seed_html_page(seed_text: str) -> None:
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in seed_text.splitlines()) + "</body></html>"
    assert extract(Article(text=page)).speakers[0].name == "روزبه کردونی"


def test_to_json_shape(seed: Digest) -> None:
    obj = to_json(seed)
    assert list(obj) == ["id", "is_social", "topics", "headline", "speakers", "figures", "places", "summary"]
    assert obj["id"] == "seed"
    assert obj["speakers"][0] == {
        "name": "روزبه کردونی",
        "role": SEED_ROLE,
        "statements": seed.speakers[0].statements,
    }
    figure = obj["figures"][0]
    assert figure["value"] == "۱۰ استان" and figure["number"] == 10 and isinstance(figure["number"], int)
    assert set(figure) == {"value", "number", "unit", "context", "sentence"}
    json.dumps(obj, ensure_ascii=False)


def test_metadata_passes_through() -> None:
    d = extract(Article(text="متن کوتاه.", title="عنوان", url="https://x.ir/1", source="ایرنا", id="7"))
    assert (d.url, d.source, d.id, d.headline) == ("https://x.ir/1", "ایرنا", "7", "عنوان")


@pytest.mark.parametrize(
    "text",
    ["", "   \n ", "English only", "<html></html>", "۱۲۳۴۵", "\u200c\u200c", "<", "&"],
    ids=["empty", "blank", "latin", "empty_html", "digits", "zwnj", "lt", "amp"],
)
def test_degenerate_input(text: str) -> None:
    d = extract(Article(text=text))
    assert isinstance(d.headline, str) and d.speakers == () and not d.is_social


@pytest.mark.parametrize(
    "text",
    ["آسیب" * 5000, ("خوزستان، یکی از استانهای پایلوت؛ ۱۲ هزار نفر گفت: " * 20 + "\n") * 1000],
    ids=["20k_char_word", "1mb_article"],
)
def test_adversarial_input_is_digested(text: str) -> None:
    """Completes with a bounded digest; its speed is measured by bench/bench_extract.py (adversarial lines)."""
    d = extract(Article(text=text))
    assert len(d.headline) <= len(text) and len(d.summary) <= MAX_SENTENCES
    assert sum(len(line.split()) for line in d.summary) <= MAX_SUMMARY_WORDS + 1  # + the ellipsis of a cut line


def test_import_is_light() -> None:
    code = "import sys, digest; print('hazm' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_dev_set_meets_targets(dev: list[dict[str, Any]], tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for item in dev:
            d = extract(Article(text=item["text"], title=item.get("title"), id=item["id"]))
            fh.write(json.dumps(to_json(d), ensure_ascii=False) + "\n")
    targets = [
        "--min-speaker",
        "0.90",
        "--min-role",
        "0.80",
        "--min-figures",
        "0.80",
        "--min-topic",
        "0.95",
        "--min-headline",
        "0.90",
        "--min-places",
        "0.97",  # the target, met since listed villages count only when the title names them
    ]
    score = eval_dir() / "score.py"
    out = subprocess.run(
        [sys.executable, str(score), str(eval_dir() / "dev.jsonl"), str(pred), *targets],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout


def test_provinces_include_those_of_cities() -> None:
    d = extract(Article(text="فرماندار ماکو گفت: سیل به ۳۰ روستا خسارت زد.", title="خسارت سیل در ماکو"))
    assert d.places == ("ماکو",) and d.provinces == ("آذربایجان غربی",)


def _main(d: Digest) -> tuple[str | None, str | None]:
    return (d.speakers[0].name, d.speakers[0].role) if d.speakers else (None, None)


def test_channel_post_with_emoji_bullets() -> None:
    post = (
        "\u2b55 ۴۰ خانوار در مدرسه روستای نمونه اسکان یافتند \U0001f538 نرگس فرهمند، مدیرکل مدیریت بحران استان "
        "نمونه: \U0001f539 هفت روستا تخلیه شد و امدادرسانی ادامه دارد. \U0001f539 تیم‌های امدادی در منطقه مستقرند."
    )
    d = extract(Article(text=post))
    assert d.headline == "۴۰ خانوار در مدرسه روستای نمونه اسکان یافتند"
    assert _main(d) == ("نرگس فرهمند", "مدیرکل مدیریت بحران استان نمونه")


def test_player_page_with_stamp_and_slug() -> None:
    page = (
        "date 2026-02-11 پخش زنده\n"
        "به گزارش خبرگزاری نمونه مرکز استان مدیرکل امور عشایر استان گفت: سهمیه سوخت عشایر دو برابر شد.\n"
        "کاوه رستمی افزود: این سهمیه از ماه آینده پرداخت می‌شود.\nمدیرک"
    )
    url = "https://example.ir/fa/news/5512/%D8%B3%D9%87%D9%85%DB%8C%D9%87-%D8%B3%D9%88%D8%AE%D8%AA-%D8%B9%D8%B4%D8%A7%DB%8C%D8%B1-%D8%AF%D9%88-%D8%A8%D8%B1%D8%A7%D8%A8%D8%B1-%D8%B4%D8%AF"
    d = extract(Article(text=page, url=url))
    assert d.headline == "سهمیه سوخت عشایر دو برابر شد"
    assert _main(d) == ("کاوه رستمی", "مدیرکل امور عشایر استان")
    assert d.summary and not any("2026" in s or "پخش" in s for s in d.summary)


def test_title_glued_to_lead_and_byline() -> None:
    text = (
        "توزیع ۳۰۰ بسته معیشتی/ اعزام تیم امدادباشگاه خبرنگاران جوان؛مهتاب صدری - سیدرضا کاظمی، رئیس "
        "جمعیت هلال احمر استان نمونه، گفت: ۳۰۰ بسته میان سیل‌زدگان توزیع شد."
    )
    d = extract(Article(text=text, title="توزیع ۳۰۰ بسته معیشتی/ اعزام تیم امداد"))
    assert _main(d) == ("سیدرضا کاظمی", "رئیس جمعیت هلال احمر استان نمونه")


def test_source_url_gives_the_slug() -> None:
    d = extract(
        Article(text="متن کوتاه خبر درباره طرح.", source="pages:https://example.ir/news/9/افتتاح-سه-مدرسه-در-روستا")
    )
    assert d.headline == "افتتاح سه مدرسه در روستا"


def test_numbers_glued_to_a_conjunction_or_to_their_unit_keep_their_value() -> None:
    text = (
        "مدیرکل بهزیستی استان نمونه گفت: ۵۰۰ کودک غربالگری شدند ودو هزار و۶۰۰ کودک روستایی بررسی شدند.\n"
        "برای این طرح ۳۰ میلیاردریال اعتبار و ۵۰ هزارخانوار نیازمند شناسایی شد و هزاران نفر آمدند."
    )
    numbers = {f.number for f in extract(Article(text=text)).figures}
    assert {2600, 3e10, 50000} <= numbers
    assert not {1600, 30, 50} & numbers


def test_the_report_paragraph_after_a_summary_line_is_part_of_the_lead() -> None:
    text = (
        "جشن واگذاری مسکن مددجویان\n"
        "تبریز- جشن واگذاری ۱۰۲۹ واحد مسکن به مددجویان کمیته امداد استان نمونه برگزار شد.\n"
        "به گزارش خبرگزاری نمونه، معاون سیاسی امنیتی استاندار نمونه در این جشن گفت: الف.\n"
        "تراب محمدی با تاکید بر همراهی دولت از خیرین قدردانی کرد.\n"
        "مدیرکل کمیته امداد نمونه نیز گفت: ب.\nعلی ملامهدی افزود: ج.\nوی ادامه داد: د."
    )
    main = extract(Article(text=text)).speakers[0]
    assert (main.name, main.role) == ("تراب محمدی", "معاون سیاسی امنیتی استاندار نمونه")


def test_a_place_word_only_inside_the_speakers_surname_is_no_place() -> None:
    text = (
        "زهرا شیخی مبارکه درگفت وگو با خبرنگار ما گفت: بیمه سلامت بیماران خاص در شهرستان نمونه دشت گسترش می‌یابد.\n"
        "شیخی مبارکه افزود: ۲۰ درصد بیماران خاص بیمه نیستند."
    )
    d = extract(Article(text=text, title="گسترش بیمه بیماران خاص"))
    assert d.speakers[0].name == "زهرا شیخی مبارکه"
    assert "مبارکه" not in d.places
    more = text + "\nدر شهرستان مبارکه نیز ۵ مرکز درمانی تجهیز شد."
    moved = extract(Article(text=more, title="گسترش بیمه بیماران خاص"))
    assert "مبارکه" in moved.places  # named outside the surname, it is a place again
