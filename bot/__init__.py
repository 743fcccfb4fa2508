"""khabar bot: settings, Redis store, Telegram application, delivery — the composition root."""
