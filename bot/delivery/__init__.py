"""Delivery: what goes to whom, when — below the Telegram layer that sends it.

Which subscriptions a story matches (matching), the fan-out of new stories to the per-chat queue or
to held digests (fanout), daily digests and the end of quiet hours (digests, schedule), and what a
chat's state change means for its queue (lifecycle). The pace is the shared Redis rate limit in
bot.store.ratelimit; the sending itself is bot.telegram.sender's. Imports neither telegram nor
bot.telegram, bot.archive or bot.pipeline.
"""
