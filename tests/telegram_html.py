"""A strict validator for Telegram Bot API HTML (parse_mode=HTML), for tests.

Accepts only Telegram's tags (b/strong, i/em, u/ins, s/strike/del, a href, code, pre, blockquote
[expandable], tg-spoiler / span class="tg-spoiler", tg-emoji emoji-id) and entities (&lt; &gt; &amp;
&quot; and numeric); rejects bare `<`, `>` and `&`, unknown tags or attributes, unbalanced or wrongly
nested tags, nested blockquotes or links, and tags inside `code`/`pre` (except `pre > code`).
`parse()` returns the text Telegram would show and the number of entities; `utf16_len` measures it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTR = re.compile(r"\s+([a-z-]+)(?:=\"([^\"<>]*)\")?")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_ALIASES = {"strong": "b", "em": "i", "ins": "u", "strike": "s", "del": "s"}
_SIMPLE = {"b", "i", "u", "s", "code", "pre", "blockquote", "tg-spoiler", "a", "span", "tg-emoji"}


class TelegramHTMLError(ValueError):
    """The text would be rejected by Telegram ("can't parse entities")."""


@dataclass(frozen=True)
class Parsed:
    text: str
    entities: int


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _check_attrs(name: str, attrs: dict[str, str | None]) -> None:
    allowed: dict[str, set[str]] = {
        "a": {"href"},
        "span": {"class"},
        "code": {"class"},
        "blockquote": {"expandable"},
        "tg-emoji": {"emoji-id"},
    }
    extra = set(attrs) - allowed.get(name, set())
    if extra:
        raise TelegramHTMLError(f"attribute {sorted(extra)} not allowed on <{name}>")
    if name == "a" and not (attrs.get("href") or "").strip():
        raise TelegramHTMLError("<a> needs an href")
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise TelegramHTMLError('<span> must be class="tg-spoiler"')


def _open(name: str, attrs: dict[str, str | None], stack: list[str]) -> None:
    if name not in _SIMPLE:
        raise TelegramHTMLError(f"unsupported tag <{name}>")
    _check_attrs(name, attrs)
    if stack and stack[-1] in ("code", "pre") and not (stack[-1] == "pre" and name == "code"):
        raise TelegramHTMLError(f"<{name}> inside <{stack[-1]}>")
    if name in stack and name in ("blockquote", "a", "pre", "code"):
        raise TelegramHTMLError(f"nested <{name}>")
    stack.append(name)


def parse(markup: str) -> Parsed:
    """Validate Telegram HTML; return the visible text and the entity count."""
    out: list[str] = []
    stack: list[str] = []
    entities = 0
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "<":
            m = _TAG.match(markup, i)
            if m is None:
                raise TelegramHTMLError(f"bare '<' at {i}")
            closing, name = m.group(1) == "/", _ALIASES.get(m.group(2), m.group(2))
            if closing:
                if m.group(3).strip() or not stack or stack[-1] != name:
                    raise TelegramHTMLError(f"unexpected </{name}> at {i}")
                stack.pop()
            else:
                attrs = {a: (v if v is None else html.unescape(v)) for a, v in _ATTR.findall(m.group(3))}
                _open(name, {k: (v or None) for k, v in attrs.items()}, stack)
                entities += 1
            i = m.end()
        elif ch == "&":
            m = _ENTITY.match(markup, i)
            if m is None:
                raise TelegramHTMLError(f"bare '&' at {i}")
            out.append(html.unescape(m.group()))
            i = m.end()
        elif ch == ">":
            raise TelegramHTMLError(f"bare '>' at {i}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise TelegramHTMLError(f"unclosed <{stack[-1]}>")
    return Parsed("".join(out), entities)


def validate_message(markup: str, limit: int = 4096) -> Parsed:
    """Parse and check the sendMessage length rule (1..limit UTF-16 units after parsing)."""
    parsed = parse(markup)
    size = utf16_len(parsed.text.strip())
    if not 1 <= size <= limit:
        raise TelegramHTMLError(f"message length {size} outside 1..{limit}")
    return parsed
