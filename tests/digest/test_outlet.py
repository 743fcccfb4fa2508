"""digest.outlet: the page's own name, recognised from its host, is taken off the start of a sentence."""

from __future__ import annotations

import pytest

from digest import Article, extract
from digest.outlet import Outlet, strip_own_name


@pytest.mark.parametrize(
    ("url", "sentence", "expected"),
    [
        ("http://tabasomemehr.ir/fa/News/39394/x", "تبسم مهر - وزیر رفاه گفت: سه میلیون", "وزیر رفاه گفت: سه میلیون"),
        ("https://sobhmashhad.ir/1401/09/13/49938/", "صبح مشهد: مدیر امور گفت", "مدیر امور گفت"),
        ("http://nedayetajan.ir/2024/03/19/x", "ندای تجن- وزیر کار گفت", "وزیر کار گفت"),
        ("https://www.donyayebourse.com/x", "دنیای بورس نوشت: گزارش جدید", "گزارش جدید"),
        ("https://khabarjonoubnews.ir/1", "خبر جنوب - مدیر گفت", "مدیر گفت"),
        ("https://choghadaknews.ir/x", "چغادک نیوز - استاندار گفت", "استاندار گفت"),
        (
            "https://www.tabnak.ir/fa/news/1",
            "به گزارش «تابناک» به نقل از ایرنا، مسئول گفت",
            "به نقل از ایرنا، مسئول گفت",
        ),
        (
            "https://rahbordemoaser.ir/x",
            "به گزارش راهبرد معاصر فاطمه ارزانیان معاون اجتماعی گفت",
            "فاطمه ارزانیان معاون اجتماعی گفت",
        ),
    ],
    ids=["dash", "colon", "glued_dash", "wrote", "news_suffix_in_host", "news_word_in_text", "quoted", "report_run_on"],
)
def test_own_name_is_taken_off(url: str, sentence: str, expected: str) -> None:
    assert strip_own_name(sentence, Outlet.of(url)) == expected


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("https://tabasomemehr.ir/1", "محمد شریعتمداری وزیر رفاه گفت: سه میلیون"),  # another name
        ("https://ostanha.tabnak.ir/fa/news/1", "به گزارش تابناک مازندران، احمد عاشوریان گفت"),  # left to leadins
        ("https://choghadaknews.ir/x", "به گزارش چغادک نیوز به نقل از روابط عمومی استانداری، استاندار گفت"),
        ("https://www.mehrnews.com/news/1", "مهر - مدیرکل گفت"),  # three consonants: too short to tell
        ("https://www.isna.ir/news/1", "ایسنا - مدیرکل گفت"),
        ("not a url", "صبح مشهد: مدیر گفت"),
        # a joint report: «و» opens the second source, it ends no name
        ("https://akhtareshargh.ir/x", "به گزارش اختر شرق و اداره کل روابط عمومی استانداری، حسن نمونه‌زاده گفت"),
    ],
)
def test_other_openings_stay(url: str, sentence: str) -> None:
    assert strip_own_name(sentence, Outlet.of(url)) == sentence


TABASOM = (
    "تبسم مهر - وزیر رفاه گفت: سه میلیون زن سرپرست خانوار در کشور داریم.\n"
    "محمد شریعتمداری افزود: برای این زنان اطلس جامع تهیه می‌شود.\n"
    "صبح مشهد - این خبر بازنشر شد."
)
DONYA = (
    "پایگاه خبری دنیای اسرار بیرجند- استاندار خراسان جنوبی با اشاره به کم آبی گفت: آب کم است.\n"
    "پایگاه خبری دنیای اسرار به نقل از مهر: مهدی مروج الشریعه صبح سه شنبه در نشست شورا گفت: برداشت زیاد است.\n"
    "خبرگزاری تسنیم: مدیرعامل جمعیت هلال احمر استان بوشهرگفت: هفت پایگاه داریم."
)


@pytest.mark.parametrize(
    ("url", "text", "first"),
    [
        ("http://tabasomemehr.ir/fa/News/39394/x", TABASOM, ("محمد شریعتمداری", "وزیر رفاه")),
        ("https://example.com/a/1", TABASOM, ("محمد شریعتمداری", "وزیر رفاه")),  # no host to tell: a desk before a post
        ("https://donyayeasrar.ir/news/1", DONYA, ("مهدی مروج الشریعه", "استاندار خراسان جنوبی")),
    ],
    ids=["own_dateline", "no_host_to_tell", "outlet_kind_then_a_dateline_or_a_source"],
)
def test_the_outlets_own_name_never_speaks(url: str, text: str, first: tuple[str, str]) -> None:
    speakers = extract(Article(text=text, url=url)).speakers
    assert (speakers[0].name, speakers[0].role) == first


def test_the_outlets_own_city_is_no_place() -> None:
    text = "صبح مشهد: بیکاری در روستاها افزایش یافت و ۲۰ خانوار مهاجرت کردند."
    assert "مشهد" not in extract(Article(text=text, url="https://sobhmashhad.ir/1/")).places
