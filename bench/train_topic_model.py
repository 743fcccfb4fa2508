"""Train the topic model (`digest/topic_model.py`) from the corpus dev half; write its weights.

    HF_HUB_OFFLINE=1 python bench/train_topic_model.py [--out digest/topic_model.tsv] [--cv]

Reads `bench/corpus/dev.jsonl` (the half the project looks at; the held-out half is never trained on),
gives every article to the same reading `khabar extract` does (clean text, headline, core text) and
counts its features against its annotated social flag. With `--cv` it also prints, as JSON lines, the
accuracy of the lexicon alone and of the lexicon with the model over 5 folds grouped by outlet (a fold
never sees its outlets in training), which is how SCALE and the thresholds in `topics.py` were chosen.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from digest import Article  # noqa: E402
from digest.extract import topic_inputs  # noqa: E402
from digest.textmatch import key_tokens  # noqa: E402
from digest.topic_model import LEXICON_ONLY, TopicModel, dump, features, train  # noqa: E402
from digest.topics import classify  # noqa: E402

CORPUS = REPO / "bench" / "corpus" / "dev.jsonl"
OUT = REPO / "digest" / "topic_model.tsv"
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Example:
    outlet: str
    headline: str
    core: str
    social: bool

    def features(self) -> set[str]:
        return features(key_tokens(self.headline), key_tokens(self.core))


def examples(path: Path) -> list[Example]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if "is_social" not in item["gold"]:
                continue
            article = Article(text=item["text"], title=item.get("title"), url=item.get("url"), id=item["id"])
            headline, core = topic_inputs(article)
            outlet = (item.get("meta") or {}).get("outlet") or item["id"]
            out.append(Example(outlet, headline, core, bool(item["gold"]["is_social"])))
    return out


def fit(items: list[Example]) -> TopicModel:
    return train((e.features(), e.social) for e in items)


def cross_validate(items: list[Example]) -> dict[str, float]:
    outlets = sorted({e.outlet for e in items})
    random.Random(0).shuffle(outlets)
    fold = {o: i % FOLDS for i, o in enumerate(outlets)}
    lexicon = blended = 0
    for k in range(FOLDS):
        model = fit([e for e in items if fold[e.outlet] != k])
        for e in (e for e in items if fold[e.outlet] == k):
            lexicon += classify(e.headline, e.core, LEXICON_ONLY).is_social == e.social
            blended += classify(e.headline, e.core, model).is_social == e.social
    n = len(items)
    return {"folds": FOLDS, "items": n, "lexicon": round(lexicon / n, 4), "with_model": round(blended / n, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv", action="store_true", help="print outlet-grouped cross-validation accuracy")
    args = parser.parse_args()
    items = examples(CORPUS)
    if args.cv:
        print(json.dumps(cross_validate(items)))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.writelines(dump(fit(items)))
    print(json.dumps({"trained_on": len(items), "out": str(args.out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
