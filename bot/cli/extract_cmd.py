"""`khabar extract`: JSON Lines in (`{"id", "title"?, "text", "url"?, "source"?}`), one digest JSON
line out per item, in order. Streams line by line in constant memory.

A bad line (not UTF-8, not JSON, not an object, no `id`, no `text`, a field of the wrong type) yields
`{"id": … or null, "line": N, "error": "…"}` on stdout, in its place, and the same message as one
line on stderr (`khabar extract: line N: …`); the batch goes on. Messages speak to users: no
exception class names. Exit code: 0 when every line was good, 2 when any line was bad (the output is
still complete), 1 when stdin or stdout fails.

Imports only `digest` and the standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from bot.cli.commands import add_command
from digest import Article, extract, to_json

EXIT_IO = 1
EXIT_BAD_LINES = 2


class LineError(ValueError):
    """One input line cannot be digested; the message is what the user reads."""

    def __init__(self, message: str, item_id: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.item_id = item_id


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `extract` on the dispatcher's subparsers."""
    p = add_command(sub, "extract")
    p.set_defaults(handler=run, func=run)


def _optional_str(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value
    raise LineError(f'"{key}" must be a string')


def _item_id(item: dict[str, Any]) -> str | int | float:
    value = item.get("id")
    if value is None:
        raise LineError('"id" is required (a string or a number)')
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise LineError('"id" must be a string or a number')
    return value


def to_article(line: str) -> tuple[Any, Article]:
    """The line's id and Article; LineError (with the id, when there is one) if the line is unusable."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"not JSON: {exc.msg.lower()} at column {exc.colno}") from None
    except RecursionError:
        raise LineError("not JSON this program can read: nested too deeply") from None
    if not isinstance(item, dict):
        raise LineError("a line must be a JSON object, {...}")
    try:
        item_id = _item_id(item)
        text = item.get("text")
        if not isinstance(text, str):
            raise LineError('"text" is required and must be a string')
        article = Article(
            text=text,
            title=_optional_str(item, "title"),
            url=_optional_str(item, "url"),
            source=_optional_str(item, "source"),
            id=str(item_id),
        )
    except LineError as exc:
        raise LineError(exc.message, item.get("id")) from None
    return item_id, article


def process_line(line: str, number: int | None = None) -> dict[str, Any]:
    """The output object for one input line: a digest, or `{"id", "line", "error"}`."""
    try:
        item_id, article = to_article(line)
    except LineError as exc:
        return error_record(exc.item_id, number, exc.message)
    try:
        result = to_json(extract(article))
    except Exception as exc:  # a bug of ours: one item must not stop the batch
        return error_record(item_id, number, f"could not digest this text (a bug, please report it): {exc}")
    result["id"] = item_id
    return result


def error_record(item_id: Any, number: int | None, message: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": item_id if isinstance(item_id, str | int | float) else None}
    if number is not None:
        record["line"] = number
    record["error"] = message
    return record


def stream(lines: Iterable[bytes], out: TextIO, err: TextIO | None = None) -> int:
    """Process raw input lines one at a time, writing and flushing one JSON line each.

    Returns the number of bad lines; each is also told on `err` as `khabar extract: line N: …`.
    """
    bad = 0
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            result = error_record(None, number, "not valid UTF-8")
        else:
            if not line.strip():
                continue
            result = process_line(line, number)
        if "error" in result:
            bad += 1
            if err is not None:
                print(f"khabar extract: line {number}: {result['error']}", file=err, flush=True)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return bad


def run(args: argparse.Namespace) -> int:
    """Read JSON Lines from stdin until EOF; 0 if every line was good, 2 if any was bad, 1 on I/O failure."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
    try:
        bad = stream(sys.stdin.buffer, sys.stdout, sys.stderr)
    except BrokenPipeError:
        return EXIT_IO
    except OSError as exc:
        print(f"khabar extract: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    return EXIT_BAD_LINES if bad else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: `python -m bot.cli.extract_cmd < items.jsonl`."""
    parser = argparse.ArgumentParser(prog="khabar")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["extract", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
