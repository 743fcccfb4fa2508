"""khabar digest engine: pure Persian text processing (no I/O, no Redis, no Telegram).

from digest import Article, extract, render_card
parts = render_card(extract(Article(text=body, title=title, url=url, source="ایرنا")))
"""

from digest.extract import extract
from digest.fingerprint import fingerprint, hamming
from digest.jalali import jalali_date
from digest.model import Article, Digest, Figure, Speaker
from digest.normalize import normalize_fa, to_latin_digits, to_persian_digits
from digest.places import PROVINCES, canonical_province
from digest.render import RenderOptions, render_card, render_compact, render_text
from digest.serialize import to_json
from digest.topics import TOPICS, canonical_topic

__all__ = [
    "PROVINCES",
    "TOPICS",
    "Article",
    "Digest",
    "Figure",
    "RenderOptions",
    "Speaker",
    "canonical_province",
    "canonical_topic",
    "extract",
    "fingerprint",
    "hamming",
    "jalali_date",
    "normalize_fa",
    "render_card",
    "render_compact",
    "render_text",
    "to_json",
    "to_latin_digits",
    "to_persian_digits",
]
