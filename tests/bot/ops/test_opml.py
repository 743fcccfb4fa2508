"""OPML: khabar's own round trip, other readers' files (folders, categories), and files that are refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.ops.backup import BackupError
from bot.ops.opml import MAX_OPML_BYTES, parse_opml, to_opml
from bot.ops.sources_admin import source_id_for
from feeds.model import FeedSource
from feeds.sources import remote_source

NOW = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)


def test_round_trip_keeps_every_field() -> None:
    sources = [
        remote_source("isna-khz", "ایسنا «خوزستان» & co", "https://isna.example/rss?a=1&b=2", "خوزستان", 900),
        remote_source("no-province", "بی‌استان", "http://plain.example/feed"),
        remote_source("sb", "منبع", "https://sb.example/rss", "سیستان و بلوچستان"),
        FeedSource("local", "محلی", "file:///srv/feed.xml", "تهران", from_file=True),  # not shareable
    ]
    document = to_opml(sources, NOW)
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"')
    assert b"file://" not in document and b"&amp;b=2" in document
    assert parse_opml(document) == tuple(sources[:3])


def test_other_readers_files() -> None:
    document = """<?xml version="1.0" encoding="utf-8"?>
<opml version="1.0"><head><title>exported by some reader</title></head><body>
  <outline text="خوزستان" title="خوزستان">
    <outline text="ایرنا اهواز" type="rss" xmlUrl="https://irna.example/ahvaz.xml" htmlUrl="https://irna.example"/>
    <outline text="Regional">
      <outline title="Mehr" xmlUrl="https://mehr.example/rss"/>
    </outline>
  </outline>
  <outline text="tagged" xmlUrl="https://tagged.example/rss" category="/Iran/کرمان,/News"/>
  <outline text="untagged" xmlUrl="https://untagged.example/rss"/>
  <outline text="again" xmlUrl="https://untagged.example/rss"/>
</body></opml>""".encode()
    got = {s.url: s for s in parse_opml(document)}
    assert len(got) == 4  # the same feed twice is one source
    ahvaz = got["https://irna.example/ahvaz.xml"]
    assert ahvaz.province == "خوزستان" and ahvaz.name == "ایرنا اهواز" and ahvaz.id == source_id_for(ahvaz.url)
    assert got["https://mehr.example/rss"].province == "خوزستان"  # the nearest folder naming a province
    assert got["https://tagged.example/rss"].province == "کرمان"
    assert got["https://untagged.example/rss"].province is None and not ahvaz.from_file


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<opml version="2.0"><body><outline text="&lol3;" xmlUrl="https://x.example/"/></body></opml>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>"""


def outline(attrs: str) -> bytes:
    return f'<opml version="2.0"><body><outline {attrs}/></body></opml>'.encode()


BAD = {
    "entity-bomb": (BILLION_LAUGHS, "OPML refused: DTDForbidden"),
    "external-entity": (EXTERNAL, "OPML refused"),
    "broken-xml": (b"<opml><body><outline></body></opml>", "not well-formed XML"),
    "not-opml": (b"<rss><channel/></rss>", "not an OPML document"),
    "no-body": (b'<opml version="2.0"><head/></opml>', "not an OPML document"),
    "file-url": (outline('text="x" xmlUrl="file:///etc/passwd"'), "OPML feed #1 ('file:///etc/passwd')"),
    "no-host": (outline('text="x" xmlUrl="http:///rss"'), "has no host"),
    "bad-id": (
        outline(
            'xmlns:khabar="https://github.com/khabar-bot/khabar/opml/1" khabar:id="Not A Slug" '
            'xmlUrl="https://x.example/"'
        ),
        "lower-case slug",
    ),  # fmt: skip
    "id-clash": (
        b'<opml xmlns:k="https://github.com/khabar-bot/khabar/opml/1"><body>'
        b'<outline k:id="a" xmlUrl="https://one.example/"/><outline k:id="a" xmlUrl="https://two.example/"/>'
        b"</body></opml>",
        "id 'a' is used by two different URLs",
    ),
    "too-big": (b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>", "larger than 4 MiB"),
}


@pytest.mark.parametrize(("raw", "expected"), list(BAD.values()), ids=list(BAD))
def test_bad_opml_is_refused_with_one_line(raw: bytes, expected: str) -> None:
    """How fast: bench/bench_refusals.py."""
    with pytest.raises(BackupError) as caught:
        parse_opml(raw)
    message = str(caught.value)
    assert expected in message and message.startswith("import:") and "\n" not in message


def test_too_many_feeds() -> None:
    many = "".join(f'<outline xmlUrl="https://s{i}.example/"/>' for i in range(5001))
    with pytest.raises(BackupError, match="more than 5000 feeds"):
        parse_opml(f"<opml><body>{many}</body></opml>".encode())
