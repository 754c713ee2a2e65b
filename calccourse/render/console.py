"""The terminal: one rich Console configured for colour, pipes and NO_COLOR."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def make_console(*, stderr: bool = False) -> Console:
    """A console that writes plain text when piped and honours NO_COLOR.

    rich already drops colour for NO_COLOR and ANSI codes for a non-terminal; here we
    also pick a safe width (80 columns) and plain ASCII-free boxes stay Unicode.
    """
    stream = sys.stderr if stderr else sys.stdout
    is_terminal = stream.isatty()
    return Console(
        file=stream,
        no_color="NO_COLOR" in os.environ,
        width=None if is_terminal else int(os.environ.get("COLUMNS", "80")),
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
