"""English counts for operator output (command line, status): `1 source`, `2 sources`, `1,204 stories`."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` with the noun in agreement; `plural` for irregular ones (`story` → `stories`)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
