"""The story archive's services: search (query, search), figure sheets (figures) and the numbers of
the week (weekly), shared by the chat commands and the command line.

Reads the archive through bot.store.archive; imports neither telegram nor bot.telegram,
bot.delivery or bot.pipeline.
"""
