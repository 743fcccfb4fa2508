"""khabar feed pipeline: sources, fetch, parse, state, polling. Imports nothing from bot/ or digest/."""
