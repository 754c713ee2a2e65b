"""Lesson prose as rich Markdown, with line breaks inside Chinese sentences removed.

Markdown (and YAML's line folding) turns a single line break into a space, which is right
between English words but leaves a stray space between two Chinese characters.
"""

from __future__ import annotations

import re

from rich.markdown import Markdown

_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"  # CJK, full-width forms, CJK punctuation
_BREAK_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}])(?:[ \t]*\n[ \t]*|[ \t]+)(?=[{_WIDE}])")


def join_wide_lines(text: str) -> str:
    """``text`` without the line breaks and spaces that fall between two CJK characters."""
    return _BREAK_BETWEEN_WIDE.sub("", text)


def prose(text: str) -> Markdown:
    """``text`` rendered as Markdown, Chinese sentences kept whole."""
    return Markdown(join_wide_lines(text))
