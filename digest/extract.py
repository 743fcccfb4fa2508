"""The whole pure pipeline for one article: clean → normalize → headline → speakers → figures →
places → topics → summary. No I/O; the only entry point bot/ and feeds/ need is `extract`.
"""

from __future__ import annotations

from digest.clean import clean_text
from digest.figures import extract_figures
from digest.fingerprint import body_fingerprint
from digest.headline import find_head
from digest.model import Article, Digest
from digest.places import find_places
from digest.sentences import split_sentences
from digest.speaker import find_speakers
from digest.summary import summarize
from digest.topics import classify


def extract(article: Article) -> Digest:
    """Structured digest of one article (title, body text or HTML, link, source, date)."""
    paragraphs = clean_text(article.text)
    head = find_head(paragraphs, article.title)
    sentences = split_sentences(head.body)
    body = "\n".join(head.body)
    figures = extract_figures(sentences, head.headline)
    topics = classify(head.headline, body)
    return Digest(
        headline=head.headline,
        is_social=topics.is_social,
        topics=topics.topics,
        speakers=find_speakers(sentences, head.kicker, head.headline),
        figures=figures,
        places=find_places("\n".join((head.headline, head.kicker or "", body))),
        summary=summarize(sentences, head.headline, figures),
        kicker=head.kicker,
        url=article.url,
        source=article.source,
        published=article.published,
        id=article.id,
        social_score=topics.score,
        fingerprint=body_fingerprint(head.body),
    )
