"""Operator tools: `khabar status` (status), export/import (backup, opml), runtime sources and their
alerts (sources_admin, source_alerts), counts and health of a running process (observe), and the
English of operator output (plural).

Used by the command line and by the admin commands in Telegram, both above; below them in the
stack: imports neither telegram nor bot.telegram.
"""
