"""Rendering: turning the core's results into terminal output (rich) or JSON."""
