"""Agency lead-ins at the start of a sentence: datelines (`تهران- ایرنا-`), agency prefixes
(`خبرگزاری فارس:`) and attributions of the report (`به گزارش ایسنا،`, `به نقل از روابط عمومی …،`).

They name the outlet, not the speaker, and are noise in headlines, summaries and fingerprints.
Imports only digest.textmatch.
"""

from __future__ import annotations

import re

from digest.textmatch import flex

AGENCY_WORDS = ("خبرگزاری", "ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "پایگاه", "باشگاه خبرنگاران")
REPORT_WORDS = ("به گزارش", "به نقل از", "بنا بر گزارش", "بنابر گزارش", "طبق گزارش", "بر اساس گزارش")

DATELINE = re.compile(r"^[^\s،:]{2,20}[ ]*[-–][ ]*[^\s،:]{2,15}[ ]*[-–][ ]*")
AGENCY_PREFIX = re.compile(r"^[^:،\n]{0,60}?(?:" + "|".join(map(flex, AGENCY_WORDS)) + r")[^:،\n]{0,40}:\s*")
REPORT_PREFIX = re.compile(r"^(?:" + "|".join(map(flex, REPORT_WORDS)) + r")[^،\n]{1,150}،\s*")
_ALL = (DATELINE, AGENCY_PREFIX, REPORT_PREFIX)


def strip_lead_in(text: str) -> str:
    """`text` without the lead-ins it starts with (any order, each at most once)."""
    text = text.strip()
    for pattern in _ALL:
        text = pattern.sub("", text, count=1).strip()
    return text
