"""`khabar extract`: JSON Lines in (`{"id", "title"?, "text", "url"?}`), one digest JSON line out per
item, in order. A bad line yields `{"id": … or null, "error": "…"}` and the batch goes on; the exit
code is 0 unless stdin itself fails. Streams line by line in constant memory.

Imports only `digest` and the standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from digest import Article, extract, to_json

EXIT_IO = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `extract` on the dispatcher's subparsers."""
    p = sub.add_parser("extract", help="extract digests from JSON Lines on stdin", description=__doc__)
    p.set_defaults(handler=run, func=run)


def _optional_str(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f'"{key}" must be a string')


def process_line(line: str) -> dict[str, Any]:
    """The output object for one input line (a digest or an error)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(item, dict):
        return {"id": None, "error": "a line must be a JSON object"}
    item_id = item.get("id")
    try:
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError('"text" is required and must be a string')
        article = Article(
            text=text,
            title=_optional_str(item, "title"),
            url=_optional_str(item, "url"),
            source=_optional_str(item, "source"),
            id=None if item_id is None else str(item_id),
        )
        result = to_json(extract(article))
    except Exception as exc:  # one bad item must not stop the batch
        return {"id": item_id, "error": f"{type(exc).__name__}: {exc}"}
    result["id"] = item_id
    return result


def stream(lines: Iterable[bytes], out: TextIO) -> None:
    """Process raw input lines one at a time, writing and flushing one JSON line each."""
    for raw in lines:
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            result: dict[str, Any] = {"id": None, "error": "line is not valid UTF-8"}
        else:
            if not line.strip():
                continue
            result = process_line(line)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()


def run(args: argparse.Namespace) -> int:
    """Read JSON Lines from stdin until EOF; 0 unless stdin (or stdout) fails."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
    try:
        stream(sys.stdin.buffer, sys.stdout)
    except BrokenPipeError:
        return EXIT_IO
    except OSError as exc:
        print(f"khabar extract: {exc}", file=sys.stderr)
        return EXIT_IO
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: `python -m bot.cli.extract_cmd < items.jsonl`."""
    parser = argparse.ArgumentParser(prog="khabar")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["extract", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
