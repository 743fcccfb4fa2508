"""`khabar digest` on article pages (file, stdin, URL) and on input that holds nothing to digest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.digest.digest_paths import REPO
from tests.feeds.conftest import fixture_bytes
from tests.feedserver import FeedServer

PAGE = "page_province_menu.html"
TITLE = "اعزام ۲۰ تیم پزشکی به مناطق سیل\u200cزده ایلام"
CANONICAL = "https://www.tasnimnews.com/fa/news/1402/11/19/3012345/اعزام-۲۰-تیم-پزشکی-ایلام"


def khabar(*args: str, stdin: bytes = b"", private: bool = True) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    env["KHABAR_ALLOW_PRIVATE_URLS"] = "1" if private else "0"
    return subprocess.run([sys.executable, "-m", "bot", "digest", *args], input=stdin, capture_output=True,
                          cwd=REPO, env=env, timeout=60, check=False)  # fmt: skip


def as_json(done: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    assert done.returncode == 0, done.stderr.decode()
    obj: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))
    return obj


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(fixture_bytes(PAGE))
    return path


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.file("/fa/news/3012345", PAGE, content_type="text/html; charset=utf-8")
        yield srv


def check_page_digest(obj: dict[str, Any]) -> None:
    assert obj["headline"] == TITLE
    assert obj["places"] == ["ایلام", "دهلران", "آبدانان"]  # the body's, not the 31-province menu's
    assert obj["summary"][0].startswith("رئیس دانشگاه علوم پزشکی ایلام")
    assert not any("اینستاگرام" in s or "۱۴۰۲" in s for s in obj["summary"])


def test_page_file_end_to_end(page_file: Path) -> None:
    check_page_digest(as_json(khabar(str(page_file), "--format", "json")))
    text = khabar(str(page_file)).stdout.decode("utf-8")
    assert text.splitlines()[0] == TITLE and CANONICAL in text and "خبرگزاری تسنیم" in text


def test_page_on_stdin() -> None:
    check_page_digest(as_json(khabar("-", "--format", "json", stdin=fixture_bytes(PAGE))))


def test_page_url_through_the_guarded_fetch(server: FeedServer) -> None:
    check_page_digest(as_json(khabar(server.url("/fa/news/3012345"), "--format", "json")))
    assert "text/html" in server.requests[-1].headers["Accept"]


def test_private_url_refused_without_the_switch(server: FeedServer) -> None:
    done = khabar(server.url("/fa/news/3012345"), private=False)
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "ssrf:" in err and "KHABAR_ALLOW_PRIVATE_URLS" in err
    assert server.hits("/fa/news/3012345") == 0


def test_url_errors_are_one_line(server: FeedServer) -> None:
    server.bytes("/photo", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8, "image/jpeg")
    for route, why in (("/gone", "HTTP 404"), ("/photo", "not a page but image/jpeg")):
        done = khabar(server.url(route))
        assert done.returncode == 2 and done.stdout == b""
        assert len(done.stderr.decode().strip().splitlines()) == 1 and why in done.stderr.decode()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "is a PNG image, not text"),
        (bytes(range(256)) * 16, "is binary data (NUL bytes), not text"),
        (b"", "is empty: nothing to digest"),
        (b"  \n\n", "is empty: nothing to digest"),
        (b"The governor said 20 teams were sent.\n", "has no Persian text: nothing to digest"),
        (
            "<html><body><nav>خانه | اصفهان</nav><footer>کلیه حقوق</footer></body></html>".encode(),
            "found no article text",
        ),
        (b"<html><body><p>The governor said 20 teams were sent.</p></body></html>", "article text has no Persian"),
    ],
    ids=["png", "binary", "empty", "blank", "english", "page-without-text", "english-page"],
)
def test_nothing_to_digest_exits_2_with_one_line(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    done = khabar(str(path))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode("utf-8").strip()
    assert err.splitlines() == [err] and err.startswith("khabar digest: ") and why in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-be", "utf-16", "cp1256"])
def test_text_in_other_encodings_is_read(codec: str) -> None:
    text = "مديركل بهزيستي استان يزد گفت: 200 خانوار زير پوشش قرار گرفتند."  # ي/ك and 0-9: cp1256 has them
    obj = as_json(khabar("-", "--format", "json", "--title", "پوشش ۲۰۰ خانوار", stdin=text.encode(codec)))
    assert obj["places"] == ["یزد"] and obj["figures"][0]["number"] == 200
