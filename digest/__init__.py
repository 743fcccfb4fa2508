"""khabar digest engine: pure Persian text processing (no I/O, no Redis, no Telegram)."""
