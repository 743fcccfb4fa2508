"""Entry point of the `khabar` console script."""

from __future__ import annotations

import os
import sys

from bot.cli import main as cli_main


def main() -> None:
    try:
        code = cli_main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`khabar poll --once | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
