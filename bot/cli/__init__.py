"""Placeholder so the CLI modules import; the lead's dispatcher replaces this file on merge."""
