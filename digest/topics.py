"""Topic tags and the social-affairs flag, from one weighted lexicon.

HOW TO EXTEND: add `[phrase, weight]` pairs to a topic in `topics_lexicon.toml` (or a new topic). Phrases are
matched tolerantly (`textmatch.PhraseIndex`): spaces and half-spaces are optional between words,
hamza and alef forms are interchangeable, and a word ending in `*` may carry a plural/ezafe suffix
(`معلول*` matches `معلولان`, `معلولین`, `معلولی`); the first word of a phrase may always take the
plural «ها/های» (`قطعی برق` matches `قطعی‌های برق`).

Weights: 3 = the phrase alone makes an item social (`طلاق`, `کودکان کار`); 2 = a strong social
signal; 1 = supporting evidence only. `NEGATIVE` phrases (markets, sport, diplomacy, weather,
elections) pull the score down. The bare word `اجتماعی` is deliberately absent: `شبکه‌های اجتماعی`
and `تامین اجتماعی` are not social affairs on their own. A term found in the headline counts
double (treble over a teaser's short body) and one in the lead (the body's first LEAD_WORDS) half
again, so page chrome further down (menus, related-news lists) weighs less; each term counts at most
`MAX_HITS_PER_TERM` times in the body; `NEUTRAL` names swallow the terms inside them. score =
positive − NEGATIVE_FACTOR × negative; an item is social when its score reaches SOCIAL_THRESHOLD and
a term of weight ≥ STRONG_WEIGHT hit, or, with supporting terms only and no hazard, when it reaches
WEAK_ONLY_THRESHOLD, so one incidental word in the body never decides. Health
(cancer, special patients, the pandemic), family and nomads are social; culture and technology count
against.

What counts as social: road accidents, fires, drowning, earthquake and flood relief and police and
crime news (`حوادث`), housing and rent, unemployment, workers' wages and insurance, poverty and
household costs, welfare bodies and their clients, health and insurance, access to school, village
water supply, prisons, addiction, divorce, child labour, disability, the elderly, women heads of
household, informal settlements (`حاشیه‌نشینی`, `سکونتگاه غیررسمی`), suicide and domestic violence.
What does not: weather, drought and flood *forecasts* (`سیل` and `خشکسالی` weigh 1; `هواشناسی`,
`بارش` count against; a `HAZARDS` term beside its `VICTIMS`, or beside the `PEOPLE` it hits with no
`FORECAST` cue, weighs HAZARD_PEOPLE_WEIGHT), sport, markets and prices (`قیمت مسکن`, `بازار مسکن`
count against and swallow `مسکن`), trade, politics and diplomacy (`انتخابات*`, `مناظره`, `سفیر`),
military, industry (`اشتغال` alone weighs 1; `بیکاری` is the social signal), cinema, heritage,
technology and religious ceremonies: each desk has its own block of `NEGATIVE` terms. A starred last
word also matches its comparative and superlative (`محروم*` → `محروم‌ترین`).
Imports only digest modules.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

from digest.normalize import normalize_fa
from digest.textmatch import PhraseIndex, key_tokens, squash
from digest.topic_model import TopicModel, shipped

LEXICON_FILE = "topics_lexicon.toml"  # package data: the terms, their weights and the cue sets


def _load_lexicon() -> dict[str, Any]:
    text = resources.files("digest").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


_DATA = _load_lexicon()
LEXICON: dict[str, tuple[tuple[str, int], ...]] = {
    topic: tuple((phrase, weight) for phrase, weight in terms) for topic, terms in _DATA["topics"].items()
}
# names that contain a lexicon term but are not about it: matched first, as longer phrases; count nothing
NEUTRAL: tuple[str, ...] = tuple(_DATA["neutral"]["phrases"])
NEGATIVE: tuple[tuple[str, int], ...] = tuple((phrase, weight) for phrase, weight in _DATA["negative"]["terms"])
_CUES: dict[str, list[str]] = _DATA["cues"]
# in a sports story SPORT_SENSITIVE terms mean a player's suspension, not deprivation: any of SPORT cancels them
SPORT: frozenset[str] = frozenset(_CUES["sport"])
SPORT_SENSITIVE: frozenset[str] = frozenset(_CUES["sport_sensitive"])
# a natural hazard alone is weather news; beside its VICTIMS, or beside the PEOPLE it hits with no FORECAST
# cue, it is a disaster story and the hazard and victim terms weigh HAZARD_PEOPLE_WEIGHT
HAZARDS: frozenset[str] = frozenset(_CUES["hazards"])
VICTIMS: frozenset[str] = frozenset(_CUES["victims"])
PEOPLE: frozenset[str] = frozenset(_CUES["people"])
FORECAST: frozenset[str] = frozenset(_CUES["forecast"])
# a disaster whose headline is abroad (FOREIGN) is foreign news unless it is about Iranians or migrants
# (ABROAD_OURS): the DISASTER_TOPIC terms then count nothing
FOREIGN: frozenset[str] = frozenset(_CUES["foreign"])
ABROAD_OURS: frozenset[str] = frozenset(_CUES["abroad_ours"])
HAZARD_PEOPLE_WEIGHT = 2
DISASTER_TOPIC = "حوادث و امداد"
DEGREES = (" تر", " ترین")  # comparative and superlative suffixes of an adjective
MIN_PLURAL_HEAD_LETTERS = 2  # «در», «به», «از»: a particle opening a phrase takes no plural
HEAD_PLURALS = ("ها", "های")  # the plural a phrase's head noun takes before its complement
TOPICS: tuple[str, ...] = tuple(LEXICON)

SOCIAL_THRESHOLD = 5.0  # score an item needs to be social...
STRONG_WEIGHT = 2  # ...with at least one term this strong...
# ...or, with supporting terms only (no hazard: a warning is no harm), this much: «اعزام بیماران …
# بیمارستان … درمان» (health access) is social from its weak terms together, and so is «اشتغال جوانان»
# said again and again
WEAK_ONLY_THRESHOLD = 6.0
MAX_HITS_PER_TERM = 3
TOPIC_MIN_SCORE = 3.0  # a topic tag is shown when its own terms add up to this much
MAX_TOPICS = 3
HEADLINE_FACTOR = 2  # a headline hit counts this many extra times...
TEASER_HEADLINE_FACTOR = 3  # ...or this many when the body is a teaser: the title is all the evidence
TEASER_CHARS = 200
LEAD_WORDS = 70  # terms in the body's opening (the lead) weigh more than page chrome further down...
LEAD_FACTOR = 0.5  # ...by this much per hit: one strong word in the lead still does not decide alone
NEGATIVE_FACTOR = 0.5  # negative terms pull the score down at this rate
MENU_SEPARATORS = ("|", "•")  # a line of short items split by one of these is a site menu...
MENU_MIN_ITEMS = 3  # ...when it has more items than this...
MENU_WORDS_PER_ITEM = 4  # ...of at most this many words each on average
SENTENCE_ENDS = frozenset(".:؟!?…")  # a short line ending so is a sentence or a lead-in, not a menu item
# the topic model (log-odds; chosen by outlet-grouped cross-validation on the corpus dev half) makes
# social an item the lexicon did not when this sure...
LIFT_LOG_ODDS = 3.0
DROP_LOG_ODDS = -2.0  # ...and not social one it did when this sure...
DROP_MAX_SCORE = 12.0  # ...unless the lexicon's own score reaches this


@dataclass(frozen=True, slots=True)
class TopicResult:
    """Social flag, score and the topic tags (strongest first)."""

    is_social: bool
    score: float
    topics: tuple[str, ...]


def _build() -> tuple[PhraseIndex[int], list[tuple[str | None, str, int]]]:
    """Index every phrase; payload i ↔ terms[i] = (topic or None for NEGATIVE, phrase, weight)."""
    terms: list[tuple[str | None, str, int]] = []
    for topic, entries in LEXICON.items():
        terms.extend((topic, phrase, weight) for phrase, weight in entries)
    terms.extend((None, phrase, weight) for phrase, weight in NEGATIVE)
    terms.extend((None, phrase, 0) for phrase in NEUTRAL)
    listed = {phrase for _, phrase, _ in terms}
    cues = (PEOPLE | VICTIMS | FORECAST | FOREIGN | ABROAD_OURS) - listed
    terms.extend((None, phrase, 0) for phrase in sorted(cues))  # cues only: they weigh nothing
    indexed = [(phrase, i) for i, (_, phrase, _) in enumerate(terms)]
    # the head noun of a phrase may always be plural before its complement («قطعی‌های برق» of «قطعی
    # برق»), after every listed phrase so that a listed plural keeps its own weight
    indexed.extend(
        (f"{head}{plural} {rest}", i)
        for phrase, i in list(indexed)
        for head, _, rest in [phrase.partition(" ")]
        if rest and not head.endswith("*") and len(head) > MIN_PLURAL_HEAD_LETTERS
        for plural in HEAD_PLURALS
    )
    # a starred last word also stands for its comparative and superlative (محروم* → محروم‌ترین), after
    # every listed phrase so that a listed word keeps its own weight
    indexed.extend(
        (phrase[:-1] + degree, i) for phrase, i in list(indexed) if phrase.endswith("*") for degree in DEGREES
    )
    return PhraseIndex(indexed), terms


_INDEX, _TERMS = _build()
_SPORT_IDS = frozenset(i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is None and phrase in SPORT)
_SPORT_SENSITIVE_IDS = frozenset(
    i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is not None and phrase in SPORT_SENSITIVE
)
_HAZARD_IDS = frozenset(i for i, (topic, phrase, _) in enumerate(_TERMS) if topic is not None and phrase in HAZARDS)
_PEOPLE_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in PEOPLE)
_VICTIM_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in VICTIMS)
_FORECAST_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in FORECAST)
_FOREIGN_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in FOREIGN)
_OURS_IDS = frozenset(i for i, (_, phrase, _) in enumerate(_TERMS) if phrase in ABROAD_OURS)
_TOPIC_KEYS = {squash(t): t for t in TOPICS}
_TOPIC_ORDER = {t: i for i, t in enumerate(TOPICS)}


def canonical_topic(name: str) -> str | None:
    """The topic tag a user typed (`طلاق`, `حوادث_و_امداد`, `آسیب های اجتماعی`), or None."""
    key = squash(normalize_fa(name).replace("_", " ").lstrip("#"))
    if key in _TOPIC_KEYS:
        return _TOPIC_KEYS[key]
    for topic, entries in LEXICON.items():
        if any(w == 3 and squash(p.replace("*", "")) == key for p, w in entries):
            return topic
    return None


def _hits(text: str) -> Counter[int]:
    return Counter(_INDEX.finditer(text))


def _body_hits(body: str) -> tuple[Counter[int], Counter[int]]:
    """Term counts over the whole body and over its lead (the first LEAD_WORDS words)."""
    whole: Counter[int] = Counter()
    lead: Counter[int] = Counter()
    for index, word in _INDEX.finditer_at(body):
        whole[index] += 1
        if word < LEAD_WORDS:
            lead[index] += 1
    return whole, lead


def without_menus(body: str) -> str:
    """The body without site-menu lines (`خانه | ورزشی | اقتصادی | بورس | …`): their section names are
    chrome, not the story's subject. Returns `body` itself when it has none."""
    lines = body.split("\n")
    if len(lines) < MENU_MIN_ITEMS and not any(sep in body for sep in MENU_SEPARATORS):
        return body
    drop = _menu_runs(lines)
    kept = [line for i, line in enumerate(lines) if i not in drop and not _is_menu(line)]
    return body if len(kept) == len(lines) else "\n".join(kept)


def _menu_runs(lines: list[str]) -> set[int]:
    """Indexes of lines in runs of more than MENU_MIN_ITEMS short lines with no sentence end: a menu
    or a related-news list laid out one item per line."""
    drop: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, "."]):
        text = line.strip()
        if text and len(text.split(maxsplit=MENU_WORDS_PER_ITEM)) <= MENU_WORDS_PER_ITEM and _menu_item(text):
            run.append(i)
            continue
        if len(run) > MENU_MIN_ITEMS:
            drop.update(run)
        run = [] if text else run
    return drop


def _is_menu(line: str) -> bool:
    for sep in MENU_SEPARATORS:
        parts = line.split(sep)
        if len(parts) > MENU_MIN_ITEMS and len(line.split()) <= MENU_WORDS_PER_ITEM * len(parts):
            return True
    return False


def _menu_item(text: str) -> bool:
    """A short line that may be a menu item: no sentence end, no figure (a bullet of statistics) and
    no hashtag (a channel post's tags are its subject)."""
    return text[-1] not in SENTENCE_ENDS and text[0] != "#" and not any(ch.isdigit() for ch in text)


def classify(headline: str, body: str, model: TopicModel | None = None) -> TopicResult:
    """Score the lexicon over the headline (extra weight) and the body (site menus left out); `model`
    (the shipped one unless given) may overrule it where it is sure."""
    body_text, body = body, without_menus(body)
    (body_hits, lead_hits), head_hits = _body_hits(body), _hits(headline)
    head_factor = TEASER_HEADLINE_FACTOR if len(body) < TEASER_CHARS else HEADLINE_FACTOR
    per_topic: dict[str, float] = {}
    positive = negative = 0.0
    strong = False
    found = body_hits.keys() | head_hits.keys()
    if _SPORT_IDS & found:
        found -= _SPORT_SENSITIVE_IDS  # "محرومیت" of a player
    disaster = not _HAZARD_IDS.isdisjoint(found) and (
        not _VICTIM_IDS.isdisjoint(found) or (not _PEOPLE_IDS.isdisjoint(found) and _FORECAST_IDS.isdisjoint(found))
    )
    abroad = not _FOREIGN_IDS.isdisjoint(head_hits) and _OURS_IDS.isdisjoint(found)
    for index in found:
        topic, _, weight = _TERMS[index]
        if abroad and topic == DISASTER_TOPIC:
            continue
        if disaster and (index in _HAZARD_IDS or index in _VICTIM_IDS):
            topic = DISASTER_TOPIC if topic is None and weight == 0 else topic  # a cue only («تخلیه»): harm too
            weight = max(weight, HAZARD_PEOPLE_WEIGHT)
        lead = LEAD_FACTOR * lead_hits[index]
        hits = min(body_hits[index], MAX_HITS_PER_TERM) + lead + head_factor * head_hits[index]
        if topic is None:
            negative += weight * hits
            continue
        positive += weight * hits
        per_topic[topic] = per_topic.get(topic, 0.0) + weight * hits
        strong = strong or weight >= STRONG_WEIGHT
    score = positive - NEGATIVE_FACTOR * negative
    ranked = sorted(per_topic.items(), key=lambda item: (-item[1], _TOPIC_ORDER[item[0]]))  # ties: lexicon order
    tags = tuple(t for t, s in ranked if s >= TOPIC_MIN_SCORE)[:MAX_TOPICS]
    weak_only = score >= WEAK_ONLY_THRESHOLD and _HAZARD_IDS.isdisjoint(found)  # a hazard's warning is no news of harm
    social = score >= SOCIAL_THRESHOLD if strong else weak_only
    # the lexicon's conventions stand: a hazard that hits no one is weather news, a disaster abroad
    # foreign news
    settled = abroad or (not disaster and not _HAZARD_IDS.isdisjoint(found))
    if (not social and not settled) or (social and score < DROP_MAX_SCORE):
        odds = (model or shipped()).log_odds(key_tokens(headline), key_tokens(body_text))
        social = odds > DROP_LOG_ODDS if social else odds >= LIFT_LOG_ODDS
    return TopicResult(is_social=social, score=score, topics=tags)
