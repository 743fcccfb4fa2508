"""Benchmark of the digest engine over the dev set; prints one JSON object per line.

    HF_HUB_OFFLINE=1 python bench/bench_extract.py [--runs 7]

Lines: extraction speed (articles/s, one core, median of runs; on the shared dev set, then on every
real article the bench has), hazm's default `Normalizer()` alone
on the same texts, their ratio (target ≤ 1.5), the peak RSS of a `khabar extract` process fed the
dev set, adversarial timings (a 20,000-character word; a 1 MB article), and the six metrics of the
eval scorer on three sets: the shared dev set (`dev_scores`), the project's own corpus of real
articles from many outlets, split by outlet into a dev half (`corpus_dev_scores`) and a held-out half
(`corpus_heldout_scores`, with the largest gap below the dev half), and the hand-written style set
`tests/data/heldout.jsonl` (`written_scores`); the topic model is trained on the dev half, so its
out-of-sample topic accuracy there is printed from outlet-grouped cross-validation
(`topic_cv_dev_half`). The eval directory is `$KHABAR_EVAL_DIR`, else `../shared/eval` beside the
repo; when it is absent the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from digest import Article, extract  # noqa: E402

TARGET_RATIO = 1.5
TARGETS = {"speaker": 0.90, "role": 0.80, "figures": 0.80, "topic": 0.95, "headline": 0.90, "places": 0.85}
WRITTEN = REPO / "tests" / "data" / "heldout.jsonl"
CORPUS = REPO / "bench" / "corpus"
MAX_GAP = 0.05  # no held-out metric more than this below the dev half


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def eval_dir() -> Path:
    return Path(os.environ.get("KHABAR_EVAL_DIR", REPO.parent / "shared" / "eval")).resolve()


def pin_one_core() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches, lazy singletons and hazm's lexicons
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _cpu_seconds(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def bench_speed(items: list[dict[str, Any]], runs: int, texts_of: str) -> None:
    """Extraction vs hazm's default Normalizer on the same texts, measured interleaved.

    Each run times both back to back in CPU seconds of this (single-threaded, pinned) process, so
    load from other processes on a busy machine skews neither side; the ratio is the median of the
    per-run ratios.
    """
    from hazm import Normalizer  # imported here: building it loads hazm's lexicons (~1 s)

    articles = [Article(text=i["text"], title=i.get("title"), url=i.get("url"), id=i["id"]) for i in items]
    texts = [i["text"] for i in items]
    normalizer = Normalizer()

    def run_extract() -> object:
        return [extract(a) for a in articles]

    def run_hazm() -> object:
        return [normalizer.normalize(t) for t in texts]

    run_extract(), run_hazm()  # warm caches, lazy singletons and hazm's lexicons
    t_ex, t_hz = [], []
    for _ in range(runs):
        t_ex.append(_cpu_seconds(run_extract))
        t_hz.append(_cpu_seconds(run_hazm))
    n = len(items)
    med_ex, med_hz = statistics.median(t_ex), statistics.median(t_hz)
    emit(metric="extract", texts=texts_of, articles=n, runs=runs, articles_per_s=round(n / med_ex, 1),
         ms_per_article=round(1000 * med_ex / n, 3), clock="cpu")  # fmt: skip
    emit(metric="hazm_normalizer", texts=texts_of, articles=n, runs=runs, articles_per_s=round(n / med_hz, 1),
         ms_per_article=round(1000 * med_hz / n, 3), clock="cpu")  # fmt: skip
    ratio = statistics.median(e / h for e, h in zip(t_ex, t_hz, strict=True))
    emit(
        metric="ratio",
        texts=texts_of,
        extract_over_hazm_normalizer=round(ratio, 3),
        min=round(min(e / h for e, h in zip(t_ex, t_hz, strict=True)), 3),
        max=round(max(e / h for e, h in zip(t_ex, t_hz, strict=True)), 3),
        target=TARGET_RATIO,
        ok=ratio <= TARGET_RATIO,
    )


def bench_adversarial() -> None:
    body = (REPO / "seeds" / "000_89b941ca74b638ba.txt").read_text(encoding="utf-8").split("آیا این خبر")[0]
    cases = {
        "20k_char_word": "آسیب" * 5000,
        "1mb_article": body * (1_000_000 // len(body) + 1),
        "1mb_html": "<html><body>" + "<p>" + "</p><p>".join((body * 400).splitlines()) + "</p></body></html>",
    }
    for name, text in cases.items():
        seconds = median_seconds(partial(extract, Article(text=text)), 3)
        emit(metric="adversarial", case=name, chars=len(text), seconds=round(seconds, 4), ok=seconds < 1.0)


def run_cli(dev_path: Path, out_path: Path, repeat: int) -> dict[str, Any]:
    """Feed the dev set (repeated) to `python -m bot extract`; return its rusage figures."""
    data = dev_path.read_bytes() * repeat
    with out_path.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "extract"], stdin=subprocess.PIPE,
                                stdout=out, cwd=REPO)  # fmt: skip
        start = time.perf_counter()
        assert proc.stdin is not None
        proc.stdin.write(data)
        proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    lines = data.count(b"\n")
    return {"exit": proc.returncode, "items": lines, "seconds": round(elapsed, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}  # fmt: skip


def score_file(gold_path: Path, score_path: Path, tmp: Path) -> dict[str, float]:
    """The eval scorer's metrics for one `khabar extract` run over `gold_path`."""
    pred = tmp / f"{gold_path.stem}.pred.jsonl"
    run_cli(gold_path, pred, 1)
    out = subprocess.run([sys.executable, str(score_path), str(gold_path), str(pred)],
                         capture_output=True, text=True, check=False)  # fmt: skip
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", out.stdout.splitlines()[-1])}


def _count(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def bench_cli_and_scores(dev_path: Path, score_path: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        emit(metric="khabar_extract_process", **run_cli(dev_path, pred, repeat))
        scores = score_file(dev_path, score_path, Path(tmp))
        emit(metric="dev_scores", **scores, targets=TARGETS, ok=all(scores.get(k, 0) >= v for k, v in TARGETS.items()))
        halves: dict[str, dict[str, float]] = {}
        for half in ("dev", "heldout"):
            path = CORPUS / f"{half}.jsonl"
            if path.is_file():
                halves[half] = score_file(path, score_path, Path(tmp))
                emit(metric=f"corpus_{half}_scores", items=_count(path), **halves[half])
        if len(halves) == 2:
            gap = max(halves["dev"][k] - halves["heldout"].get(k, 0.0) for k in halves["dev"])
            emit(metric="corpus_gap", max_dev_minus_heldout=round(gap, 3), target=MAX_GAP, ok=gap <= MAX_GAP)
        if WRITTEN.is_file():
            emit(metric="written_scores", items=_count(WRITTEN), **score_file(WRITTEN, score_path, Path(tmp)))
        if "dev" in halves:  # the topic model is trained on the dev half: its topic score there is in-sample
            emit(metric="topic_cv_dev_half", **topic_cross_validation())


def topic_cross_validation() -> dict[str, Any]:
    """Topic accuracy on the corpus dev half, lexicon alone and with the topic model, over folds grouped
    by outlet (`bench/train_topic_model.py`): the model's out-of-sample figure on that half."""
    import train_topic_model as trainer  # this script's folder, first on sys.path

    result: dict[str, Any] = trainer.cross_validate(trainer.examples(trainer.CORPUS))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measurement (median reported)")
    parser.add_argument("--repeat", type=int, default=20, help="dev-set copies fed to the extract process")
    args = parser.parse_args()
    base = eval_dir()
    dev_path, score_path = base / "dev.jsonl", base / "score.py"
    if not dev_path.is_file() or not score_path.is_file():
        emit(skipped=f"eval set not found at {base} (set KHABAR_EVAL_DIR)")
        return 0

    def load(*paths: Path) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for path in paths:
            if path.is_file():
                with path.open(encoding="utf-8") as fh:
                    out += [json.loads(line) for line in fh if line.strip()]
        return out

    emit(metric="setup", python=sys.version.split()[0], core=pin_one_core(), eval_dir=str(base))
    # the extract process first: a child forked after hazm's Normalizer is built would report its RSS
    bench_cli_and_scores(dev_path, score_path, args.repeat)
    # speed on the shared dev set (the figure the target was set on), then on every real article the bench
    # has (shared dev plus both corpus halves: longer pages, menus and all)
    bench_speed(load(dev_path), args.runs, "shared dev")
    bench_speed(load(dev_path, CORPUS / "dev.jsonl", CORPUS / "heldout.jsonl"), args.runs, "all real articles")
    bench_adversarial()
    return 0


if __name__ == "__main__":
    sys.exit(main())
