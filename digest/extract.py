"""The whole pure pipeline for one article: clean → normalize → headline → speakers → figures →
places → topics → summary. No I/O; the only entry point bot/ and feeds/ need is `extract`.

Cost is linear in the input; past `MAX_ANALYZED_CHARS` of clean text only the beginning of an item
is analyzed, which keeps a pathological 1 MB page well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.clean import clean_text
from digest.figures import extract_figures
from digest.fingerprint import core_text, text_fingerprint
from digest.headline import Head, find_head, url_of
from digest.model import Article, Digest, Speaker
from digest.outlet import Outlet, strip_own_name
from digest.places import find_places, provinces_of
from digest.roles import REPORT_OPENERS
from digest.sentences import split_sentences
from digest.speaker import find_speakers
from digest.summary import summarize
from digest.textmatch import squash
from digest.topics import classify

MAX_ANALYZED_CHARS = 60_000  # ~20× a long news story; beyond this only the beginning is analyzed


def bounded(paragraphs: tuple[str, ...], limit: int = MAX_ANALYZED_CHARS) -> tuple[str, ...]:
    """The leading paragraphs up to `limit` characters (a giant paragraph is cut)."""
    kept: list[str] = []
    room = limit
    for p in paragraphs:
        if room <= 0:
            break
        kept.append(p[:room])
        room -= len(p) + 1
    return tuple(kept)


def _without_own_name(lines: Iterable[str], outlet: Outlet | None) -> list[str]:
    if outlet is None:
        return list(lines)
    return [line for line in (strip_own_name(line, outlet) for line in lines) if line]


def _lead_sentences(body: tuple[str, ...]) -> int:
    """How many sentences the lead holds: its first paragraph, and the report paragraph after it when
    the first is only a summary line (`تبریز- جشن … برگزار شد.` over `به گزارش …، ROLE گفت: …`)."""
    first = len(split_sentences(body[:1]))
    if first == 1 and len(body) > 1 and body[1].startswith(REPORT_OPENERS) and not _REPORTS.search(body[0]):
        return first + len(split_sentences(body[1:2]))
    return first


_REPORTS = re.compile(r"(?:گفت|افزود|اظهار|تصریح|خبر داد|اعلام کرد)")


def _outside_names(places: tuple[str, ...], text: str, speakers: Iterable[Speaker]) -> tuple[str, ...]:
    """`places` without a place word written only inside a speaker's full name (`زهرا شیخی مبارکه`)."""
    full = [s.name for s in speakers if s.name and " " in s.name and s.name in text]
    if not full:
        return places
    surnames = [name.split(" ", 1)[1] for name in full if name.count(" ") >= 2]  # «شیخی مبارکه افزود»
    names = full + [name for name in surnames if name in text]
    in_names = squash(" ".join(names))
    suspects = [p for p in places if squash(p) in in_names]
    if not suspects:
        return places  # the common case: no place word in a name, and the text is not read again
    rest = text
    for name in names:
        rest = rest.replace(name, "…")
    outside = squash(rest)
    return tuple(p for p in places if p not in suspects or squash(p) in outside)


def _read(article: Article) -> tuple[Outlet | None, Head]:
    """The page's outlet, and its headline, kicker and body paragraphs."""
    url = url_of(article.url, article.source)
    outlet = Outlet.of(url)  # the page's own name opening a line is a dateline, not a speaker or a place
    paragraphs = tuple(_without_own_name(bounded(clean_text(article.text)), outlet))
    return outlet, find_head(paragraphs, article.title, url)


def topic_inputs(article: Article) -> tuple[str, str]:
    """The headline and the body's core text, as `extract` gives them to `topics.classify` (what the
    topic model is trained on)."""
    _, head = _read(article)
    return head.headline, core_text(head.body)


def extract(article: Article) -> Digest:
    """Structured digest of one article (title, body text or HTML, link, source, date)."""
    outlet, head = _read(article)
    sentences = _without_own_name(split_sentences(head.body), outlet)
    body = "\n".join(head.body)
    core = core_text(head.body)  # tokenized once (cached) for the topics and the fingerprint
    figures = extract_figures(sentences, head.headline)
    topics = classify(head.headline, core)
    speakers = find_speakers(sentences, head.kicker, head.headline, _lead_sentences(head.body))
    text = "\n".join((head.headline, head.kicker or "", body))
    places = _outside_names(find_places(text, head.headline), text, speakers)
    return Digest(
        headline=head.headline,
        is_social=topics.is_social,
        topics=topics.topics,
        speakers=speakers,
        figures=figures,
        places=places,
        provinces=provinces_of(places),
        summary=summarize(sentences, head.headline, figures),
        kicker=head.kicker,
        url=article.url,
        source=article.source,
        published=article.published,
        id=article.id,
        social_score=topics.score,
        fingerprint=text_fingerprint(core),
    )
