"""bot/cli/digest_cmd.py and bot/cli/extract_cmd.py: the `khabar digest` and `khabar extract` pieces."""

from __future__ import annotations

import argparse
import io
import json
import os
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import digest_cmd, extract_cmd
from tests.digest.digest_paths import REPO, SEED

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="khabar")
    sub = parser.add_subparsers(dest="command", required=True)
    digest_cmd.add_parser(sub)
    extract_cmd.add_parser(sub)
    return parser.parse_args(list(argv))


def run_module(module: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", module, *args], input=stdin, capture_output=True, cwd=REPO,
                          env=ENV, timeout=60, check=False)  # fmt: skip


def test_parsers_register_their_commands() -> None:
    args = parse("digest", "x.txt", "--format", "json", "--title", "ع", "--url", "https://a.ir", "--source", "ایرنا")
    assert (args.command, args.path, args.format, args.title, args.url, args.source) == (
        "digest", "x.txt", "json", "ع", "https://a.ir", "ایرنا",
    )  # fmt: skip
    assert args.func is digest_cmd.run
    assert parse("digest", "x.txt").format == "text"
    assert parse("extract").func is extract_cmd.run


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_digest_seed(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert digest_cmd.run(parse("digest", str(SEED), "--format", fmt)) == 0
    out = capsys.readouterr().out
    assert "روزبه کردونی" in out
    if fmt == "json":
        assert json.loads(out)["places"] == ["خوزستان", "تهران", "کرمان", "سیستان و بلوچستان"]
    if fmt == "html":
        assert out.startswith("<b>خوزستان، یکی از استانهای پایلوت")


def test_digest_canonical_demo_subprocess() -> None:
    done = run_module("bot", "digest", "seeds/000_89b941ca74b638ba.txt")
    assert done.returncode == 0 and done.stderr == b""
    assert (
        done.stdout.decode("utf-8").splitlines()[0] == "خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل"
    )


def test_the_readme_sample_is_what_khabar_digest_prints() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "`khabar digest seeds/000_89b941ca74b638ba.txt` prints it:\n\n```\n"
    assert command in readme
    sample = readme.split(command, 1)[1].split("```", 1)[0]
    assert run_module("bot", "digest", "seeds/000_89b941ca74b638ba.txt").stdout.decode("utf-8") == sample


def test_digest_of_a_story_not_about_social_affairs_is_shown_with_a_note(tmp_path: Path) -> None:
    sport = tmp_path / "sport.txt"
    sport.write_text("تیم فوتبال استقلال خوزستان در لیگ برتر برابر پرسپولیس به پیروزی رسید و سه امتیاز گرفت.")
    done = run_module("bot", "digest", str(sport))
    assert done.returncode == 0
    assert done.stderr.decode("utf-8") == (
        "khabar digest: note: this is not a social-affairs story (the bot would not post it); shown anyway\n"
    )
    assert "استقلال" in done.stdout.decode("utf-8")
    assert run_module("bot", "digest", str(SEED)).stderr == b""  # the seed is a social-affairs story


def test_digest_missing_file() -> None:
    done = run_module("bot", "digest", "no/such/file.txt")
    assert done.returncode == 2
    assert done.stdout == b""
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_digest_stdin_html_and_cp1256() -> None:
    page = "<html><body><p>مديركل بهزيستي استان يزد گفت: طرح آغاز شد.</p></body></html>"  # legacy ي/ك
    done = run_module("bot", "digest", "-", "--format", "json", "--title", "آغاز طرح", stdin=page.encode("cp1256"))
    assert done.returncode == 0
    obj = json.loads(done.stdout.decode("utf-8"))
    assert obj["headline"] == "آغاز طرح" and obj["places"] == ["یزد"]


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_extract_lines_in_order_with_errors() -> None:
    items = [
        json.dumps({"id": 1, "title": "افزایش طلاق", "text": "مدیرکل بهزیستی گفت: طلاق افزایش یافت."}),
        "not json",
        json.dumps({"id": "b"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"id": "c", "text": "متن", "title": 5}),
        json.dumps({"id": 7, "text": "سلام", "url": "https://x.ir"}, ensure_ascii=False),
        json.dumps({"text": "متنی بی شناسه"}, ensure_ascii=False),
        json.dumps({"id": None, "text": "متن"}, ensure_ascii=False),
    ]
    done = run_module("bot", "extract", stdin=("\n".join(items) + "\n").encode("utf-8"))
    assert done.returncode == 2  # some lines were bad; every line still has its output
    out = lines(done.stdout.decode("utf-8"))
    assert [o["id"] for o in out] == [1, None, "b", None, "c", 7, None, None]
    assert out[0]["is_social"] is True and out[0]["headline"] == "افزایش طلاق"
    assert set(out[0]) == {
        "id",
        "is_social",
        "topics",
        "headline",
        "speakers",
        "figures",
        "places",
        "summary",
    }
    assert out[1] == {"id": None, "line": 2, "error": "not JSON: expecting value at column 1"}
    assert out[2] == {"id": "b", "line": 3, "error": '"text" is required and must be a string'}
    assert out[3] == {"id": None, "line": 4, "error": "a line must be a JSON object, {...}"}
    assert out[4] == {"id": "c", "line": 6, "error": '"title" must be a string'}
    assert "error" not in out[5]
    assert out[6] == {"id": None, "line": 8, "error": '"id" is required (a string or a number)'}
    assert out[7] == {"id": None, "line": 9, "error": '"id" is required (a string or a number)'}
    assert done.stderr.decode("utf-8").splitlines() == [
        "khabar extract: line 2: not JSON: expecting value at column 1",
        'khabar extract: line 3: "text" is required and must be a string',
        "khabar extract: line 4: a line must be a JSON object, {...}",
        'khabar extract: line 6: "title" must be a string',
        'khabar extract: line 8: "id" is required (a string or a number)',
        'khabar extract: line 9: "id" is required (a string or a number)',
    ]
    assert "\\u" not in done.stdout.decode("utf-8")  # ensure_ascii=False


def test_extract_good_lines_exit_0() -> None:
    done = run_module("bot", "extract", stdin=json.dumps({"id": "a", "text": "متن"}).encode() + b"\n")
    assert done.returncode == 0 and done.stderr == b"" and lines(done.stdout.decode())[0]["id"] == "a"


def test_extract_bad_utf8_line() -> None:
    data = b'{"id": 1, "text": "\xff\xfe"}\n' + json.dumps({"id": 2, "text": "متن"}).encode() + b"\n"
    done = run_module("bot", "extract", stdin=data)
    out = lines(done.stdout.decode("utf-8"))
    assert out[0] == {"id": None, "line": 1, "error": "not valid UTF-8"} and out[1]["id"] == 2
    assert done.stderr.decode() == "khabar extract: line 1: not valid UTF-8\n" and done.returncode == 2


def test_extract_streams_line_by_line() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli.extract_cmd"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, cwd=REPO, env=ENV)  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(json.dumps({"id": "first", "text": "متن اول"}).encode() + b"\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no output before stdin was closed"
        assert json.loads(proc.stdout.readline())["id"] == "first"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == 0


def test_extract_stream_function() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert extract_cmd.stream([b'{"id": 1, "text": "x"}\n', b"\n", b"[]\n"], out, err) == 1
    assert [o["id"] for o in lines(out.getvalue())] == [1, None]
    assert err.getvalue() == "khabar extract: line 3: a line must be a JSON object, {...}\n"


def test_process_line_never_raises() -> None:
    assert extract_cmd.process_line('{"id": 3, "text": "<b>&amp;</b>"}')["id"] == 3
    assert extract_cmd.process_line('{"id": 4, "text": "x", "url": 7}') == {"id": 4, "error": '"url" must be a string'}
    assert extract_cmd.process_line('{"id": true, "text": "x"}')["error"] == '"id" must be a string or a number'
    deep = "[" * 100_000 + "]" * 100_000
    assert extract_cmd.process_line(deep, 5)["error"] == "not JSON this program can read: nested too deeply"


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("digest_cmd.py", {"digest", "feeds", "dataclasses"}), ("extract_cmd.py", {"digest"})],
    ids=["digest", "extract"],
)
def test_cli_modules_import_only_pure_stages_and_stdlib(name: str, allowed: set[str]) -> None:
    """`khabar digest` reads pages with feeds.page (pure); bot/ is imported only for a URL, inside its function."""
    modules = {
        line.split()[1]
        for line in (REPO / "bot" / "cli" / name).read_text(encoding="utf-8").splitlines()
        if line.startswith(("import ", "from "))
    }
    imports = {m.split(".")[0] for m in modules - {"bot.cli.commands"}}  # the help-text table: stdlib only
    assert imports <= {"__future__", "argparse", "io", "json", "sys", "collections", "typing"} | allowed
