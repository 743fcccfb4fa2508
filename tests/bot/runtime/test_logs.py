from __future__ import annotations

import logging

import pytest

from bot.runtime.logs import KeyValueFormatter, RedactFilter, setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture(autouse=True)
def _restore_root_logger() -> object:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


def test_token_is_scrubbed_from_every_line(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", [TOKEN])
    # the shape httpx uses when it logs a Bot API request: the token sits inside a %-argument
    logging.getLogger("telegram.ext").warning('HTTP Request: POST %s "HTTP/1.1 200 OK"', f"https://x/bot{TOKEN}/getMe")
    logging.getLogger("khabar.test").info("plain %s", TOKEN)
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert err.count("<redacted>") == 2 and "/getMe" in err


def test_extra_fields_become_key_value_pairs() -> None:
    record = logging.LogRecord("khabar.poll", logging.INFO, __file__, 1, "feed.fetch", None, None)
    record.source_id = "mojnews-khuzestan"
    record.status = 304
    record.error = "read timeout"
    line = KeyValueFormatter("%(message)s").format(record)
    assert line == "feed.fetch source_id=mojnews-khuzestan status=304 error='read timeout'"


def test_redact_filter_without_secrets_leaves_records_alone() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a %s", ("b",), None)
    assert RedactFilter([]).filter(record) and record.getMessage() == "a b"
