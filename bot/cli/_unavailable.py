"""Shared by subcommands that another piece of work fills in: a clear, honest refusal."""

from __future__ import annotations

import sys


def not_yet(command: str, issue: int) -> int:
    print(f"khabar {command}: not yet available (tracked in issue {issue})", file=sys.stderr)
    return 3
