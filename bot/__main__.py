"""Entry point of the `khabar` console script."""

from __future__ import annotations

import os
import sys

from bot.cli import main as cli_main


def main() -> None:
    # python-telegram-bot 22.2+ warns on every RetryAfter unless its durations are timedeltas;
    # opt in to that (future default) behaviour, which bot.telegram_request.retry_after_seconds reads.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    sys.exit(cli_main())


if __name__ == "__main__":
    main()
