"""Draw and save a lesson's figures, headless (Agg), in the learner's language if a font allows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from calccourse.content.schema import Lesson
from calccourse.i18n import Lang

ImageFormat = Literal["png", "svg", "pdf"]


class FigureError(Exception):
    """A lesson's figure code failed (a bug in the lesson, reported with its name)."""


@dataclass(frozen=True)
class FigureRun:
    paths: list[Path]
    language: Lang  # the language the labels were drawn in
    fell_back: bool  # Chinese was asked for but no CJK font exists, so labels are English


def _prepare_matplotlib(lang: Lang) -> tuple[Lang, bool]:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    if lang != "zh":
        return "en", False
    from calccourse.plotting.fonts import cjk_font_family

    family = cjk_font_family()
    if family is None:
        return "en", True
    plt.rcParams["font.sans-serif"] = [family, *plt.rcParams["font.sans-serif"]]
    plt.rcParams["axes.unicode_minus"] = False
    return "zh", False


def save_figures(lesson: Lesson, out_dir: Path, fmt: ImageFormat = "png", lang: Lang = "en") -> FigureRun:
    """Run every figure of ``lesson`` and save it as ``lesson{N}-{name}.{fmt}`` in ``out_dir``."""
    import warnings

    import matplotlib
    import numpy as np

    language, fell_back = _prepare_matplotlib(lang)
    import matplotlib.pyplot as plt

    def label(en: str, zh: str) -> str:
        return zh if language == "zh" else en

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for figure in lesson.figures:
        namespace = {"np": np, "plt": plt, "t": label, "__name__": f"lesson{lesson.number}_figure"}
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)  # a missing glyph is a bug, not noise
            try:
                exec(compile(figure.source, f"<lesson {lesson.number} figure {figure.name}>", "exec"), namespace)
                fig = namespace.get("fig")
                if not isinstance(fig, matplotlib.figure.Figure):
                    raise FigureError(f"lesson {lesson.number}, figure {figure.name!r}: its code did not set `fig`")
                path = out_dir / f"lesson{lesson.number}-{figure.name}.{fmt}"
                fig.savefig(path, format=fmt, dpi=110, bbox_inches="tight")
            except FigureError:
                raise
            except Exception as error:
                raise FigureError(f"lesson {lesson.number}, figure {figure.name!r}: {type(error).__name__}: {error}") from None
            finally:
                plt.close("all")
        paths.append(path)
    return FigureRun(paths=paths, language=language, fell_back=fell_back)
