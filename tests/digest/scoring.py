"""The eval scorer's rules (`../shared/eval/score.py`), so tests can score gold sets without it.

Extraction is scored on social items only; the main speaker is the first named one; names match
when one's tokens contain the other's with at most one extra token (a title) or one missing (a first
name); a role matches at token F1 ≥ 0.6; figures match when their numbers agree at some power of
1000 (relative 1e-3), else by their text; places match by canonical name; the headline is token F1.
`main_speaker_any` is ours: the first gold speaker, unnamed officials (name None, role kept) included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_PUNCT = re.compile(r"[«»\"'()\[\]:؛;،,.!؟?]")
_HARAKAT = re.compile(r"[\u064B-\u0652]")
_SCALES = (1, 1e3, 1e6, 1e9, 1e12, 1e-3, 1e-6, 1e-9, 1e-12)


def norm(s: object) -> str:
    text = unicodedata.normalize("NFKC", "" if s is None else str(s))
    text = text.replace("ي", "ی").replace("ك", "ک").replace("ى", "ی").replace("ة", "ه").replace("\u200c", " ")
    text = text.replace("\u200f", "").replace("\u200e", "").replace("ـ", "")
    text = _PUNCT.sub(" ", _HARAKAT.sub("", text.translate(_DIGITS)))
    return " ".join(text.split())


def tokens(s: object) -> list[str]:
    return norm(s).split()


def tok_f1(a: str, b: str) -> float:
    ta, pool = tokens(a), tokens(b)
    n_b = len(pool)
    common = 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    return 2 * common / (len(ta) + n_b) if common else 0.0


def name_match(pred: str, gold: str) -> bool:
    tp, tg = tokens(pred), tokens(gold)
    if not tp or not tg:
        return False
    sp, sg = " ".join(tp), " ".join(tg)
    return sp == sg or (sg in sp and len(tp) <= len(tg) + 1) or (sp in sg and len(tp) >= max(1, len(tg) - 1))


def _number(x: object) -> float | None:
    if isinstance(x, int | float):
        return float(x)
    if not isinstance(x, str):
        return None
    s = norm(x).replace(" ", "").replace("٫", ".").replace("/", ".").replace(",", "").replace("٬", "")
    try:
        return float(s)
    except ValueError:
        return None


def fig_match(p: dict[str, Any], g: dict[str, Any]) -> bool:
    gn, pn = _number(g.get("number")), _number(p.get("number"))
    if gn is not None and pn is not None:
        return any(abs(pn - gn * s) <= 1e-3 * max(1.0, abs(gn * s)) for s in _SCALES)
    gv, pv = norm(g.get("value")), norm(p.get("value"))
    return bool(gv) and (gv == pv or (len(gv) >= 3 and len(pv) >= 3 and (gv in pv or pv in gv)))


def _greedy[P, G](preds: Sequence[P], golds: Sequence[G], match: Callable[[P, G], bool]) -> int:
    used: set[int] = set()
    for g in golds:
        for i, p in enumerate(preds):
            if i not in used and match(p, g):
                used.add(i)
                break
    return len(used)


def _f1(hits_p: int, n_p: int, hits_g: int, n_g: int) -> float:
    p = hits_p / n_p if n_p else float(not n_g)
    r = hits_g / n_g if n_g else float(not n_p)
    return 2 * p * r / (p + r) if p + r else 0.0


def _main_speaker_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g = (gold.get("speakers") or [None])[0]
    p = (pred.get("speakers") or [None])[0]
    if g is None or p is None:
        return g is p
    same = name_match(p["name"], g["name"]) if g["name"] and p["name"] else g["name"] is p["name"] is None
    return same and (not g["role"] or tok_f1(p["role"] or "", g["role"]) >= 0.6)


def _same_place(a: str, b: str) -> bool:
    return norm(a).replace(" ", "") == norm(b).replace(" ", "")


def score(items: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, float]:
    """score.py's six metrics plus main_speaker_any, for gold items and predictions by id."""
    topic = any_ok = role_ok = role_n = hl_n = 0
    hl = 0.0
    sp, fg, pl = [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]
    for item in items:
        g, p = item["gold"], preds[item["id"]]
        topic += bool(p["is_social"]) == g["is_social"]
        any_ok += _main_speaker_ok(g, p)
        if not g["is_social"]:
            continue
        gs = [s for s in g.get("speakers", []) if s.get("name")][:1]
        ps = [s for s in p["speakers"] if s.get("name")][:1]
        m = _greedy([s["name"] for s in ps], [s["name"] for s in gs], name_match)
        sp = [sp[0] + m, sp[1] + len(ps), sp[2] + m, sp[3] + len(gs)]
        if gs and gs[0].get("role"):
            role_n += 1
            role_ok += bool(m) and tok_f1(ps[0]["role"] or "", gs[0]["role"]) >= 0.6
        gf, pf = g.get("figures", []), p["figures"]
        fg = [fg[0] + _greedy(gf, pf, lambda a, b: fig_match(b, a)), fg[1] + len(pf),
              fg[2] + _greedy(pf, gf, fig_match), fg[3] + len(gf)]  # fmt: skip
        gp, pp = g.get("places", []), [str(x) for x in p["places"]]
        same = _greedy(pp, gp, _same_place)
        pl = [pl[0] + same, pl[1] + len(pp), pl[2] + same, pl[3] + len(gp)]
        if g.get("headline"):
            hl_n += 1
            hl += tok_f1(p.get("headline") or "", g["headline"])
    return {
        "topic": topic / len(items),
        "speaker": _f1(*sp),
        "role": role_ok / role_n if role_n else 0.0,
        "figures": _f1(*fg),
        "headline": hl / hl_n if hl_n else 0.0,
        "places": _f1(*pl),
        "main_speaker_any": any_ok / len(items),
    }
