"""The khabar commands: name → the module that implements it, and the texts its help shows.

Standard library only: `khabar --help` reads this table without importing any command module, so
listing the commands costs no Telegram, Redis, hazm or feed-parser import. The help texts speak to
users: no Markdown, no module names; each summary is a lower-case phrase without a final period.
"""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    module: str  # imported only when this command runs
    summary: str  # one line in `khabar --help`
    description: str  # the text above the options in `khabar COMMAND --help`


COMMANDS: dict[str, Command] = {
    "run": Command(
        "bot.cli.run_cmd",
        "run the bot: feed polling, digests, delivery and chat commands",
        "Run the bot: poll the sources, digest new stories, deliver them and answer chat commands.\n\n"
        "With --console every message is printed instead of sent (no bot token needed). With "
        "KHABAR_METRICS_PORT set it also serves /metrics and /healthz. Ctrl-C or SIGTERM stops it "
        "gracefully: messages being sent finish first.",
    ),
    "poll": Command(
        "bot.cli.poll_cmd",
        "poll the sources and print new stories as digests",
        "Poll the sources and print each new story as a digest.\n\n"
        "  khabar poll --once    poll every source once, print what is new, exit\n"
        "  khabar poll           keep polling what is due (every 15 seconds) until Ctrl-C\n\n"
        "Run again, it prints only what is new since. State lives in Redis (embedded by default, "
        "in KHABAR_DATA_DIR), shared with khabar run.",
    ),
    "digest": Command(
        "bot.cli.digest_cmd",
        "turn one article (file, stdin or URL) into a digest",
        "Turn one article into a digest: headline, speaker, key figures, places, topics and a short "
        "summary.\n\n"
        "PATH is a text or HTML file, - for stdin, or the http(s) URL of the article's page. A page "
        "is read as the poller reads it: its main text only, its own headline, time and canonical "
        "link. Input that is not text, is empty or has no Persian is refused with one line and exit "
        "code 2. A text that is not about social affairs is shown anyway, with a note on stderr.",
    ),
    "extract": Command(
        "bot.cli.extract_cmd",
        "turn JSON Lines of articles on stdin into digests",
        'Read JSON Lines on stdin, one article per line: {"id": …, "text": …, "title": …, '
        '"url": …} (id and text required). Write one JSON result per line, in order.\n\n'
        'A bad line is reported on stdout as {"id": …, "line": N, "error": "…"} and on stderr as '
        "one line with its line number; the batch goes on. Exit code: 0 when every line was good, "
        "2 when any line was bad, 1 when stdin or stdout fails.",
    ),
    "sources": Command(
        "bot.cli.sources_cmd",
        "list the sources, check each one and print a health table, or discover a site's feeds",
        "List the sources, check each one, or discover the feeds of a site.\n\n"
        "list: the sources file (KHABAR_SOURCES or --sources) and the sources admins added, then the "
        "provinces no source covers.\n\n"
        "check: fetch every source once, touching no state, and print its status and item count "
        "beside its stored health: last success, last error, next check.\n\n"
        "discover URL: read a site's page (through the same SSRF guard as polling) and print the "
        "feeds it offers, then a [[source]] block for the best one to paste into a sources file.",
    ),
    "status": Command(
        "bot.cli.status_cmd",
        "show one screen of facts: sources, stories, subscriptions, queue, last hour",
        "Show one screen of facts from Redis: the sources in use, seen items, stories, "
        "subscriptions, the delivery queue and the last hour's sends and errors.\n\n"
        "Reads only, so it is safe next to a running bot. --json prints the same facts as one JSON "
        "object.",
    ),
    "export": Command(
        "bot.cli.export_cmd",
        "export subscriptions and added sources as JSON, or all sources as OPML",
        "Export subscriptions and the sources admins added as versioned JSON, or every source as "
        "OPML 2.0 (--opml) for other feed readers.\n\n"
        "  khabar export --output khabar-backup.json\n"
        "  khabar export --opml --output sources.opml\n\n"
        "The JSON names the sources file but does not contain it: back that file up as a file. The "
        "output file is written atomically and readable by its owner only (it holds chat ids).",
    ),
    "import": Command(
        "bot.cli.import_cmd",
        "import subscriptions and sources from an export (or sources from OPML)",
        "Restore subscriptions and added sources from a khabar export, or sources from OPML.\n\n"
        "  khabar import khabar-backup.json              merge: records in the file win\n"
        "  khabar import khabar-backup.json --replace    the file becomes the whole truth\n"
        "  khabar import --opml sources.opml             feeds become added sources\n"
        "  khabar import --check khabar-backup.json      validate only\n\n"
        "The whole file is checked first; on any problem one line names it and nothing is written. "
        "OPML feeds are not fetched on import: a bad one fails on its first poll. Ids the sources "
        "file already has are skipped (the file wins).",
    ),
    "search": Command(
        "bot.cli.search_cmd",
        "search the story archive (Persian words; province and topic names filter)",
        "Search the archive of social-affairs stories, newest first, five a page.\n\n"
        "  khabar search خوزستان طلاق\n"
        "  khabar search کودکان کار --page 2\n\n"
        "Words are Persian-normalized and plurals folded; province and topic names act as filters. An "
        "empty query, a too-long one or one of stop words only gets one line on stderr and exit 2. "
        "Reads only: safe next to a running bot.",
    ),
    "figures": Command(
        "bot.cli.figures_cmd",
        "the latest key figures on a subject, one line each (or CSV)",
        "The latest key figures on a subject from the archive: value, context, speaker and role, "
        "outlet, Jalali date and link, one line each.\n\n"
        "  khabar figures طلاق خوزستان\n"
        "  khabar figures بیکاری --csv > bikari.csv\n\n"
        "A bad query gets one line on stderr and exit 2.",
    ),
}


class ParagraphFormatter(argparse.HelpFormatter):
    """Wraps each line of a description on its own: blank lines and indented example lines are kept."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            if not line or line.startswith(" "):
                lines.append(indent + line if line else "")
            else:
                lines.append(textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent))
        return "\n".join(lines)


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> argparse.ArgumentParser:
    """Register command `name` with its summary and description from the table above."""
    info = COMMANDS[name]
    return sub.add_parser(name, help=info.summary, description=info.description, formatter_class=ParagraphFormatter)
