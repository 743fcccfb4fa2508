"""Agency lead-ins at the start of a sentence: datelines, agency prefixes (`خبرگزاری فارس:`) and
attributions of the report (`به گزارش ایسنا،`, `به نقل از روابط عمومی …،`).

Datelines, recognised by shape rather than by outlet:
* `PLACE - [خبرنگار] [خبرگزاری] AGENCY -` or `… AGENCY:` (`اهواز- ایرنا-`, `تهران - ایرنا -`,
  `کرمان- خبرگزاری مهر:`, `شیراز – ایسنا –`, `بوشهر- خبرنگار ایرنا-`), with any dash;
* `[PLACE] (AGENCY) [-]` (`(ایسنا)`, `همدان (ایسنا) -`) and `AGENCY/PLACE` (`ایسنا/همدان`);
* `PLACE -` alone when PLACE is a known place name (`زاهدان- یک مقام مسئول …`) and the words
  after the dash do not start with another place (`خرم‌آباد – پلدختر` is a road);
* two short words joined by dashes (`تهران- ایرنا-`) as before.
AGENCIES lists the agency names (not `ایران`, which is the country far more often); a dateline's
PLACE is one to four words. They name the outlet, not
the speaker, and are noise in headlines, summaries and fingerprints. Imports only digest.textmatch
and digest.places.
"""

from __future__ import annotations

import re

from digest.places import is_place
from digest.textmatch import alternation, flex

AGENCY_WORDS = ("خبرگزاری", "ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "پایگاه", "باشگاه خبرنگاران")
# Agency names as they appear in datelines (`مهر` and `فارس` only count inside a dateline shape).
AGENCIES = (
    "ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم", "مهر", "فارس", "برنا", "شبستان", "رسا", "پانا", "موج",
    "میزان", "دانا", "صدا و سیما", "صداوسیما", "باشگاه خبرنگاران جوان", "باشگاه خبرنگاران", "خبرآنلاین",
    "جمهوری اسلامی", "دانشجویان ایران",
)  # fmt: skip
REPORT_WORDS = ("به گزارش", "به نقل از", "بنا بر گزارش", "بنابر گزارش", "طبق گزارش", "بر اساس گزارش")

_AGENCY = alternation(AGENCIES) + r"(?![\w\u200c])"
_DASH = "[-–—]"
_PLACE_WORDS = r"[^\s،:()/\-–—]+(?:[ \u200c]+[^\s،:()/\-–—]+){0,3}"
_REPORTER = r"(?:خبرنگار(?:ان)?[ ]+)?(?:خبرگزاری[ ]+)?"

DATELINE = re.compile(r"^[^\s،:]{2,20}[ ]*[-–][ ]*[^\s،:]{2,15}[ ]*[-–][ ]*")
AGENCY_DATELINE = re.compile(rf"^{_PLACE_WORDS}[ ]*{_DASH}[ ]*{_REPORTER}{_AGENCY}[ ]*(?:{_DASH}|:)[ ]*")
PAREN_DATELINE = re.compile(rf"^(?:{_PLACE_WORDS}[ ]*)?\([ ]*{_REPORTER}{_AGENCY}[ ]*\)[ ]*(?:{_DASH}|:)?[ ]*")
_SLASH_DATELINE = re.compile(rf"^{_REPORTER}{_AGENCY}[ ]*/[ ]*")
_PLACE_DATELINE = re.compile(rf"^(?P<place>{_PLACE_WORDS})[ ]*{_DASH}[ ]*")
_WORD = re.compile(r"[^\s،:.]+")
AGENCY_PREFIX = re.compile(r"^[^:،\n]{0,60}?(?:" + "|".join(map(flex, AGENCY_WORDS)) + r")[^:،\n]{0,40}:\s*")
REPORT_PREFIX = re.compile(r"^(?:" + "|".join(map(flex, REPORT_WORDS)) + r")[^،\n]{1,150}،\s*")
_HINT = re.compile(r"[-–—()/]")  # every dateline shape has a dash, a bracket or a slash
MAX_PLACE_WORDS = 4


def _starts_with_place(text: str) -> int:
    """Length of the longest known place name (1–4 words) that `text` starts with, else 0."""
    words = [m for _, m in zip(range(MAX_PLACE_WORDS), _WORD.finditer(text), strict=False)]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        if is_place(text[:end]):
            return end
    return 0


def _strip_dateline(text: str) -> str:
    """`text` without a dateline of any of the shapes in the module docstring."""
    if not _HINT.search(text, 0, 120):
        return text
    for pattern in (AGENCY_DATELINE, PAREN_DATELINE):
        m = pattern.match(text)
        if m:
            return text[m.end() :]
    m = _SLASH_DATELINE.match(text)
    if m:
        rest = text[m.end() :]
        return rest[_starts_with_place(rest) :]
    m = _PLACE_DATELINE.match(text)
    if m and is_place(m.group("place")) and m.end() < len(text) and not _starts_with_place(text[m.end() :]):
        return text[m.end() :]
    return DATELINE.sub("", text, count=1)


def strip_lead_in(text: str) -> str:
    """`text` without the lead-ins it starts with (a dateline, an agency prefix, a report attribution)."""
    text = _strip_dateline(text.strip()).strip()
    text = AGENCY_PREFIX.sub("", text, count=1).strip()
    return REPORT_PREFIX.sub("", text, count=1).strip()
