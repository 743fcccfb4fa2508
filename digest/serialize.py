"""JSON form of a digest: the object `khabar extract` writes per input line. Imports only digest.model."""

from __future__ import annotations

from typing import Any

from digest.model import Digest, Figure, Speaker


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 2**63 else value


def _speaker(s: Speaker) -> dict[str, Any]:
    return {"name": s.name, "role": s.role, "statements": s.statements}


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "value": f.text,
        "number": _number(f.number),
        "unit": f.unit,
        "context": f.context,
        "sentence": f.sentence,
    }


def to_json(d: Digest) -> dict[str, Any]:
    """`{"id", "is_social", "topics", "headline", "speakers", "figures", "places", "summary"}`."""
    return {
        "id": d.id,
        "is_social": d.is_social,
        "topics": list(d.topics),
        "headline": d.headline,
        "speakers": [_speaker(s) for s in d.speakers],
        "figures": [_figure(f) for f in d.figures],
        "places": list(d.places),
        "summary": list(d.summary),
    }
