"""Languages: the two the course is written in, and how the default is chosen."""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["en", "zh"]
LANGUAGES: tuple[Lang, ...] = ("en", "zh")


def default_language(environ: dict[str, str] | None = None) -> Lang:
    """The learner's language from LC_ALL, LC_MESSAGES or LANG; English otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
