"""digest.leadins: agency lead-ins are removed, statements kept."""

from __future__ import annotations

import pytest

from digest.leadins import strip_lead_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تهران- ایرنا- معاون استاندار اعلام کرد: خبر تکذیب شد.", "معاون استاندار اعلام کرد: خبر تکذیب شد."),
        ("خبرگزاری فارس: رئیس سازمان گفت: طرح آغاز شد.", "رئیس سازمان گفت: طرح آغاز شد."),
        ("به گزارش ایسنا، مدیرکل بهزیستی گفت: طرح آغاز شد.", "مدیرکل بهزیستی گفت: طرح آغاز شد."),
        ("به گزارش خبرنگار ایرنا از اهواز، بارش آغاز شد.", "بارش آغاز شد."),
        ("به نقل از روابط عمومی بهزیستی، جلسه برگزار شد.", "جلسه برگزار شد."),
        ("مدیرکل گفت: به گزارش ما، طرح آغاز شد.", "مدیرکل گفت: به گزارش ما، طرح آغاز شد."),
        ("بدون مقدمه", "بدون مقدمه"),
    ],
    ids=[
        "dateline",
        "agency_prefix",
        "report",
        "report_with_city",
        "quoting_pr",
        "mid_sentence_kept",
        "none",
    ],
)
def test_strip_lead_in(text: str, expected: str) -> None:
    assert strip_lead_in(text) == expected
