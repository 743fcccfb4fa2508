"""`khabar digest PATH`: render one article (text or HTML file, `-` = stdin) as text, HTML or JSON.

Imports only `digest` and the standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from digest import Article, extract, render_card, render_text, to_json

FORMATS = ("text", "html", "json")
EXIT_USAGE = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `digest` on the dispatcher's subparsers."""
    p = sub.add_parser("digest", help="render one article as a digest", description=__doc__)
    p.add_argument("path", help="text or HTML file of the article, or - for stdin")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--title", help="published title, when the file has none")
    p.add_argument("--url", help="link to the article (shown on the source name)")
    p.add_argument("--source", help="source name, e.g. ایرنا")
    p.set_defaults(handler=run, func=run)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1256, the legacy Persian code page."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


def read_input(path: str, stdin: TextIO) -> str:
    if path == "-":
        return decode(stdin.buffer.read()) if hasattr(stdin, "buffer") else stdin.read()
    with open(path, "rb") as fh:
        return decode(fh.read())


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Read, extract and print one digest; exit 2 when the file cannot be read."""
    try:
        text = read_input(args.path, sys.stdin)
    except OSError as exc:
        print(f"khabar digest: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    article = Article(text=text, title=args.title, url=args.url, source=args.source, id=args.path)
    d = extract(article)
    _utf8(sys.stdout)
    if args.format == "json":
        print(json.dumps(to_json(d), ensure_ascii=False, indent=2))
    elif args.format == "html":
        print("\n\n".join(render_card(d)))
    else:
        print(render_text(d))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: `python -m bot.cli.digest_cmd PATH`."""
    parser = argparse.ArgumentParser(prog="khabar")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["digest", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
