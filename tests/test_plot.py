"""`calccourse plot`: every lesson's figures are written as valid image files, headless."""

from __future__ import annotations

import warnings

import pytest

from calccourse.content.loader import load_lesson
from calccourse.content.paths import lesson_files
from calccourse.plotting import figures as figures_module
from calccourse.plotting.figures import save_figures

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REQUIRED_FIGURES = {1: 1, 2: 1, 3: 3, 5: 2, 6: 2, 7: 1}  # at least this many per lesson (issue 2)


@pytest.mark.parametrize("number", list(lesson_files()))
def test_every_figure_of_a_lesson_is_saved_as_a_readable_png(number, tmp_path):
    import matplotlib.image

    lesson = load_lesson(number)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = save_figures(lesson, tmp_path, "png", "en")
    assert len(result.paths) == len(lesson.figures) >= REQUIRED_FIGURES.get(number, 1)
    for path in result.paths:
        assert path.read_bytes()[:8] == PNG_SIGNATURE
        height, width, _ = matplotlib.image.imread(path).shape
        assert height > 100 and width > 100


@pytest.mark.parametrize(("image_format", "magic"), [("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_figures_can_be_saved_as_svg_and_pdf(image_format, magic, tmp_path):
    result = save_figures(load_lesson(1), tmp_path, image_format, "en")
    assert result.paths and all(path.read_bytes().startswith(magic) for path in result.paths)
    assert all(path.suffix == f".{image_format}" for path in result.paths)


def test_chinese_falls_back_to_english_labels_without_a_cjk_font(tmp_path, monkeypatch):
    monkeypatch.setattr("calccourse.plotting.fonts.cjk_font_family", lambda: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        result = save_figures(load_lesson(3), tmp_path, "png", "zh")
    assert result.fell_back and result.language == "en"


def test_chinese_labels_are_used_when_a_cjk_font_exists(tmp_path):
    from calccourse.plotting.fonts import cjk_font_family

    if cjk_font_family() is None:
        pytest.skip("this machine has no font with Chinese glyphs")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = save_figures(load_lesson(1), tmp_path, "png", "zh")
    assert result.language == "zh" and not result.fell_back


def test_figure_code_that_forgets_fig_is_reported_by_name(tmp_path):
    lesson = load_lesson(1)
    broken_figure = lesson.figures[0].model_copy(update={"source": "x = 1\n"})
    broken = lesson.model_copy(update={"figures": [broken_figure]})
    with pytest.raises(figures_module.FigureError, match=broken_figure.name):
        save_figures(broken, tmp_path, "png", "en")


def test_plot_command_prints_the_saved_paths(run_cli, tmp_path):
    out = tmp_path / "figs"
    result = run_cli("plot", "6", "--out", str(out))
    assert result.returncode == 0, result.stderr
    saved = sorted(out.glob("lesson6-*.png"))
    assert saved and all(str(path) in result.stdout.replace("\n", "") for path in saved)


def test_plot_rejects_an_unknown_format(run_cli):
    result = run_cli("plot", "1", "--format", "gif")
    assert result.returncode == 2 and "unsupported format" in result.stderr
