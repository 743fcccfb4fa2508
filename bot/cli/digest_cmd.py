"""`khabar digest PATH|URL`: one article (text or HTML file, `-` = stdin, or a page's URL) → digest.

The digest is printed as text, Telegram HTML or JSON (`--format`).

An HTML page (file, stdin or URL) is read by `feeds.page.read_page`, the reader the poller uses for
teaser feeds: its main text, its `<h1>`/og:title without the site's name, its publication time and
canonical URL; menus, province navigation and footers stay out. A URL is fetched through
`feeds.fulltext.fetch_page` (the guarded client: no private addresses unless
KHABAR_ALLOW_PRIVATE_URLS=1, the same size cap and timeouts). Input that is not text (an image, a
PDF, binary bytes), an empty file, or text with no Persian in it is refused with one line on stderr
and exit code 2. A text that is not a social-affairs story (the bot would not post it) is printed
anyway, with one note on stderr, exit code 0.

Imports `digest` and `feeds` (pure stages); the fetch settings come from `bot` only for a URL.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from bot.cli.commands import add_command
from digest import Article, extract, render_card, render_text, to_json
from digest.clean import looks_like_html
from feeds import charset
from feeds.page import Page, binary_reason, bomless_unicode, has_persian, read_page

FORMATS = ("text", "html", "json")
EXIT_USAGE = 2
NOT_SOCIAL = "note: this is not a social-affairs story (the bot would not post it); shown anyway"
_URL_SCHEMES = ("http://", "https://")
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf")


class InputError(Exception):
    """The input cannot be digested; the message is the one line shown on stderr."""


@dataclass(frozen=True, slots=True)
class Source:
    """What was read: the article text and what the page said about itself."""

    text: str
    page: Page | None = None
    url: str | None = None


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `digest` on the dispatcher's subparsers."""
    p = add_command(sub, "digest")
    p.add_argument("path", help="text or HTML file of the article, - for stdin, or an http(s) URL of the page")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--title", help="published title (default: the page's own)")
    p.add_argument("--url", help="link to the article (default: the page's canonical URL)")
    p.add_argument("--source", help="source name, e.g. ایرنا (default: the page's site name)")
    p.set_defaults(handler=run, func=run)


def decode(data: bytes) -> str:
    """Bytes → text as the poller decodes pages (`feeds.charset`), BOM-less UTF-16/32 recognised first."""
    head = data[:8192]
    codec = bomless_unicode(head) if b"\x00" in head and not head.startswith(_UNICODE_BOMS) else None
    return data.decode(codec, errors="replace") if codec else charset.decode(data).text


def read_bytes(path: str, stdin: TextIO) -> bytes:
    if path == "-":
        return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    with open(path, "rb") as fh:
        return fh.read()


def from_bytes(data: bytes, name: str, url: str | None = None, content_type: str | None = None) -> Source:
    """Text or page → Source; InputError when there is nothing to digest."""
    why = binary_reason(data, content_type)
    if why is not None:
        raise InputError(f"cannot digest {name}: it is {why}")
    text = decode(data)
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to digest")
    if not looks_like_html(text):
        if not has_persian(text):
            raise InputError(f"{name} has no Persian text: nothing to digest")
        return Source(text, url=url)
    page = read_page(text, url)
    if not page.text:
        raise InputError(f"{name}: found no article text on the page")
    if not has_persian(page.text):
        raise InputError(f"{name}: the page's article text has no Persian: nothing to digest")
    return Source(page.text, page, url)


def fetch_url(url: str) -> Source:
    """GET the page through the project's guarded fetch path (settings from KHABAR_* variables)."""
    import asyncio
    import os

    from bot.pipeline import fetch_config
    from bot.settings import Settings, SettingsError
    from feeds.fetch import build_client
    from feeds.fulltext import fetch_page

    try:
        settings = Settings.from_env(os.environ)
    except SettingsError as exc:
        raise InputError(f"configuration error: {exc}") from None
    config = fetch_config(settings)

    async def get() -> Source:
        async with build_client(config) as client:
            got = await fetch_page(client, url, config, settings.fulltext_max_bytes)
        if got.page is None:
            raise InputError(f"cannot digest {url}: {got.error}")
        if not got.page.text:
            raise InputError(f"{url}: found no article text on the page")
        if not has_persian(got.page.text):
            raise InputError(f"{url}: the page's article text has no Persian: nothing to digest")
        return Source(got.page.text, got.page, got.url or url)

    return asyncio.run(get())


def read_source(path: str, stdin: TextIO) -> Source:
    if path.lower().startswith(_URL_SCHEMES):
        return fetch_url(path)
    try:
        data = read_bytes(path, stdin)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return from_bytes(data, "stdin" if path == "-" else path)


def to_article(source: Source, args: argparse.Namespace) -> Article:
    page = source.page
    return Article(
        text=source.text,
        title=args.title or (page.title if page else None),
        url=args.url or (page.canonical_url if page and page.canonical_url else source.url),
        source=args.source or (page.site_name if page else None),
        published=page.published if page else None,
        id=args.path,
    )


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Read, extract and print one digest; exit 2 when the input cannot be read or holds nothing to digest."""
    try:
        source = read_source(args.path, sys.stdin)
    except InputError as exc:
        print(f"khabar digest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    d = extract(to_article(source, args))
    if not d.is_social:
        print(f"khabar digest: {NOT_SOCIAL}", file=sys.stderr)
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
