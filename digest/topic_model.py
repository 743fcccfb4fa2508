"""A second opinion on the social flag, learned from the project's own annotated corpus.

The lexicon (`topics.py`) knows the vocabulary someone wrote down; on outlets nobody tuned it on, most
of its errors are social stories told in words it lacks. This model reads the same text as word
features: each word and each pair of neighbouring words of the headline and of the body's first
BODY_WORDS words (comparison forms, `textmatch.key_tokens`). Each feature weighs its naive-Bayes
log-count ratio (how much likelier it is in a social item than in another, with add-one smoothing;
Wang & Manning, "Baselines and Bigrams", ACL 2012), and the log-odds of an item are the class prior
plus SCALE times the sum of the weights of the features it has (each counted once; no pair spans the
headline and the body).

`topics.classify` decides with the lexicon and lets this model only overrule it where it is sure and
no convention of the lexicon speaks against it. The weights are package data (`topic_model.tsv`),
trained by `bench/train_topic_model.py` from `bench/corpus/dev.jsonl`; a test retrains them and
compares. Imports only digest modules.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

MODEL_FILE = "topic_model.tsv"  # package data: «#prior\tVALUE», then one «feature\tweight» line each
BODY_WORDS = 300  # the body's opening: the story itself, before related-news lists and page chrome
SCALE = 0.2  # naive Bayes counts correlated features again and again: its sums are damped this much
SMOOTHING = 1.0  # add-one: a feature seen on one side only still gets a finite weight
MIN_COUNT = 3  # a feature seen in fewer training items is noise, and is not kept
PAIR = " "  # joins a word pair's two words (a single word never holds a space)


@dataclass(frozen=True, slots=True)
class TopicModel:
    """Feature weights and the class prior (both natural-log odds)."""

    prior: float
    weights: dict[str, float]

    def log_odds(self, headline: tuple[str, ...], body: tuple[str, ...]) -> float:
        """Log-odds that an item with these headline and body words is about social affairs."""
        found = features(headline, body)
        return self.prior + SCALE * sum(map(self.weights.get, found, repeat(0.0, len(found))))


LEXICON_ONLY = TopicModel(prior=0.0, weights={})  # never sure of anything: the lexicon decides alone


def features(headline: tuple[str, ...], body: tuple[str, ...]) -> set[str]:
    """Each word and each pair of neighbouring words, of the headline and of the body's opening."""
    body = body[:BODY_WORDS]
    found = {*headline, *body}
    found.update(map(PAIR.join, zip(headline, headline[1:], strict=False)))
    found.update(map(PAIR.join, zip(body, body[1:], strict=False)))
    return found


def train(items: Iterable[tuple[set[str], bool]]) -> TopicModel:
    """Naive-Bayes log-count ratios of the features of labelled items."""
    counts = {True: Counter[str](), False: Counter[str]()}
    labels: Counter[bool] = Counter()
    for found, is_social in items:
        counts[is_social].update(found)
        labels[is_social] += 1
    social, other = counts[True], counts[False]
    kept = sorted(f for f in social.keys() | other.keys() if social[f] + other[f] >= MIN_COUNT)
    norm_social = sum(social[f] for f in kept) + SMOOTHING * len(kept)
    norm_other = sum(other[f] for f in kept) + SMOOTHING * len(kept)
    weights = {
        f: math.log((social[f] + SMOOTHING) / norm_social) - math.log((other[f] + SMOOTHING) / norm_other) for f in kept
    }
    return TopicModel(prior=math.log(labels[True] / labels[False]), weights=weights)


def dump(model: TopicModel) -> Iterator[str]:
    """The model as the lines of `topic_model.tsv` (weights rounded to 1/1000)."""
    yield f"#prior\t{model.prior:.3f}\n"
    for feature, weight in sorted(model.weights.items()):
        if (rounded := round(weight, 3)) != 0:
            yield f"{feature}\t{rounded}\n"


def parse(lines: Iterable[str]) -> TopicModel:
    prior = 0.0
    weights: dict[str, float] = {}
    for line in lines:
        key, _, value = line.rstrip("\n").partition("\t")
        if key == "#prior":
            prior = float(value)
        elif key:
            weights[key] = float(value)
    return TopicModel(prior=prior, weights=weights)


@cache
def shipped() -> TopicModel:
    """The model the package ships (read once)."""
    text = resources.files("digest").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return parse(text.splitlines())
