"""Finding a font that can draw Chinese, so figures never show missing-glyph boxes."""

from __future__ import annotations

from functools import cache

# Families known to cover CJK ideographs, most preferred first.
_CJK_FAMILY_HINTS = (
    "noto sans cjk", "noto serif cjk", "noto sans sc", "source han sans", "wenquanyi",
    "wqy", "droid sans fallback", "ar pl", "simhei", "microsoft yahei", "pingfang",
    "heiti", "songti", "sarasa",
)
_PROBE = "中文梯度"


@cache
def cjk_font_family() -> str | None:
    """The family name of an installed font that has glyphs for Chinese, if any."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    candidates = sorted(
        (font for font in font_manager.fontManager.ttflist
         if any(hint in font.name.lower() for hint in _CJK_FAMILY_HINTS)),
        key=lambda font: next(i for i, hint in enumerate(_CJK_FAMILY_HINTS) if hint in font.name.lower()),
    )
    for font in candidates:
        try:
            charmap = FT2Font(font.fname).get_charmap()
        except (OSError, RuntimeError):
            continue
        if all(ord(character) in charmap for character in _PROBE):
            return font.name
    return None
