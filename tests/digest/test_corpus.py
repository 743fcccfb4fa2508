"""The project's corpus of real articles (bench/corpus/): its shape, its split, and score floors.

`dev.jsonl` is the half the engine is tuned on; `heldout.jsonl` holds other outlets and is scored
only when a change is done. The split is by outlet: no outlet appears in both halves. Floors sit a
little under what the engine reaches, so a regression fails and noise does not.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from digest import Article, extract, to_json
from tests.digest.digest_paths import REPO
from tests.digest.scoring import score

CORPUS = REPO / "bench" / "corpus"
HALVES = ("dev", "heldout")
# the dev half grows with each blind batch (harder pages, village-level places): floors sit ~0.02 below it;
# its places annotate listed villages, which the engine now leaves out unless the title names them; the
# held-out half grew from 82 to 143 articles in the tenth round with 61 unread pages on new hosts, to 281
# in the eleventh with 138 more (three waves split before they were read), to 445 in the twelfth
# (four waves; their pages list villages and leave national stories placeless, so places sit lower), and
# to 633 in the thirteenth (five waves of blogs, tag pages and niche sites: topic and figures sit lower);
# the fifteenth round's fixes raised its speaker, role and places, and their floors with them; the
# sixteenth round's topic model raised topic on both halves
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"topic": 0.95, "speaker": 0.94, "role": 0.90, "figures": 0.90, "headline": 0.91, "places": 0.82},
    "heldout": {"topic": 0.91, "speaker": 0.87, "role": 0.81, "figures": 0.86, "headline": 0.87, "places": 0.81},
}


@cache
def items(half: str) -> tuple[dict[str, Any], ...]:
    with (CORPUS / f"{half}.jsonl").open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def outlet(item: dict[str, Any]) -> str:
    return str(item["meta"]["outlet"]).removeprefix("www.")


@cache
def scores(half: str) -> dict[str, float]:
    gold = list(items(half))
    preds = {
        i["id"]: to_json(extract(Article(text=i["text"], title=i.get("title"), url=i.get("url"), id=i["id"])))
        for i in gold
    }
    return score(gold, preds)


def test_corpus_size_and_outlets() -> None:
    every = items("dev") + items("heldout")
    assert len(every) >= 150
    outlets = Counter(outlet(i) for i in every)
    assert len(outlets) >= 40
    assert "farsnews.ir" not in outlets
    non_social = sum(not i["gold"]["is_social"] for i in every)
    assert 0.12 <= non_social / len(every) <= 0.35  # about a fifth not social


@pytest.mark.parametrize("half", HALVES)
def test_records_carry_a_source_url_and_dev_gold_format(half: str) -> None:
    got = items(half)
    assert len({i["id"] for i in got}) == len(got)
    for item in got:
        assert urlsplit(item["url"]).scheme in {"http", "https"}, item["id"]
        assert item["text"].strip() and (item["title"] is None or isinstance(item["title"], str))
        gold = item["gold"]
        assert set(gold) >= {"is_social", "headline", "speakers", "figures", "places"}, item["id"]
        assert gold["headline"].strip(), item["id"]
        assert all(set(s) >= {"name", "role"} for s in gold["speakers"]), item["id"]
        assert all({"value", "number"} <= set(f) for f in gold["figures"]), item["id"]


def test_halves_are_split_by_outlet() -> None:
    dev, held = {outlet(i) for i in items("dev")}, {outlet(i) for i in items("heldout")}
    assert not dev & held
    assert len(held) >= 12 and len(items("heldout")) >= 45


@pytest.mark.parametrize(("half", "metric"), [(h, m) for h in HALVES for m in FLOORS[h]])
def test_corpus_floor(half: str, metric: str) -> None:
    assert scores(half)[metric] >= FLOORS[half][metric], scores(half)
