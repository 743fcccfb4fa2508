"""The Telegram layer: everything that knows python-telegram-bot.

The Application and the loop that runs it (app), the chat commands (handlers, admin,
archive_handlers) and what they share (chat, keyboards, context), the JobQueue glue (jobs), updates
under the lease (updates), the one error handler (errors), the Bot API backends (request, console),
one-off calls that wait out 429s (flood), and the delivery worker that sends the queue (sender).

The top of the stack under bot.wiring and bot.cli; nothing below it imports telegram.
"""
