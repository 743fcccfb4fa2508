"""The topic model: its features, its training, its file, and that the shipped weights are the ones
the repository's corpus trains."""

from __future__ import annotations

import importlib.util
import math
import sys
from importlib import resources
from types import ModuleType

import pytest

from digest.topic_model import (
    BODY_WORDS,
    MIN_COUNT,
    MODEL_FILE,
    SCALE,
    TopicModel,
    dump,
    features,
    parse,
    shipped,
    train,
)
from tests.digest.digest_paths import REPO


def test_features_are_words_and_neighbouring_pairs_of_headline_and_body() -> None:
    found = features(("کمک", "معیشتی"), ("توزیع", "بسته", "غذایی"))
    assert found == {"کمک", "معیشتی", "کمک معیشتی", "توزیع", "بسته", "غذایی", "توزیع بسته", "بسته غذایی"}
    assert "معیشتی توزیع" not in found  # no pair spans the headline and the body


def test_only_the_body_opening_is_read() -> None:
    body = ("خبر",) * BODY_WORDS + ("طلاق",)
    assert "طلاق" not in features((), body)
    assert "طلاق" in features((), body[1:])


def _items() -> list[tuple[set[str], bool]]:
    social = [{"بهزیستی", "مددجو", "کمک"}, {"بهزیستی", "مددجو"}, {"بهزیستی", "کمک", "نادر"}]
    other = [{"لیگ", "گل", "کمک"}, {"لیگ", "گل"}, {"لیگ", "بورس"}, {"بورس", "شاخص"}]
    return [(f, True) for f in social] + [(f, False) for f in other]


def test_training_weighs_each_word_by_its_class() -> None:
    model = train(_items())
    assert model.weights["بهزیستی"] > 0 > model.weights["لیگ"]
    assert abs(model.weights["کمک"]) < model.weights["بهزیستی"]  # on both sides: weak either way
    assert "نادر" not in model.weights  # seen in fewer than MIN_COUNT items
    assert MIN_COUNT > 1
    assert model.prior == pytest.approx(math.log(3 / 4))


def test_log_odds_add_the_weights_of_distinct_features_to_the_prior() -> None:
    model = TopicModel(prior=-1.0, weights={"بهزیستی": 2.0, "مددجو": 3.0, "بهزیستی مددجو": 5.0})
    expected = -1.0 + SCALE * (2.0 + 3.0 + 5.0)
    assert model.log_odds(("بهزیستی", "مددجو"), ()) == pytest.approx(expected)
    assert model.log_odds(("بهزیستی", "مددجو"), ("بهزیستی",)) == pytest.approx(expected)  # counted once
    assert model.log_odds(("لیگ",), ()) == -1.0


def test_the_file_round_trips() -> None:
    model = train(_items())
    again = parse("".join(dump(model)).splitlines())
    assert again.prior == pytest.approx(model.prior, abs=1e-3)
    assert again.weights.keys() <= model.weights.keys()
    assert all(again.weights[f] == pytest.approx(model.weights[f], abs=1e-3) for f in again.weights)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_topic_model", REPO / "bench" / "train_topic_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_the_shipped_weights_are_what_the_corpus_dev_half_trains() -> None:
    """Retrain from `bench/corpus/dev.jsonl` through the same reading `extract` does: a change to that
    reading (or to the corpus) must come with retrained weights (`python bench/train_topic_model.py`)."""
    trainer = _trainer()
    retrained = "".join(dump(trainer.fit(trainer.examples(trainer.CORPUS))))
    shipped_text = resources.files("digest").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    assert retrained == shipped_text, "retrain: HF_HUB_OFFLINE=1 python bench/train_topic_model.py"
    assert len(shipped().weights) > 10_000
