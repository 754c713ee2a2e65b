"""`init`: the starters are copied once, and a learner's edits are never overwritten."""

from __future__ import annotations

import pytest

from calccourse.learner import scaffold
from calccourse.learner.scaffold import init_exercises, starter_files


@pytest.fixture
def starters(tmp_path, monkeypatch):
    """A small set of starter files standing in for the shipped ones."""
    folder = tmp_path / "starters"
    folder.mkdir()
    for n in (1, 2, 10):
        (folder / f"lesson{n}.py").write_text(f"def f(x):\n    raise NotImplementedError  # lesson {n}\n")
    (folder / "README.txt").write_text("not a starter")
    monkeypatch.setattr(scaffold, "exercises_dir", lambda: folder)
    return folder


def test_init_copies_every_starter_into_a_new_folder(starters, tmp_path):
    dest = tmp_path / "mine" / "exercises"
    result = init_exercises(dest)

    assert [p.name for p in result.created] == ["lesson1.py", "lesson2.py", "lesson10.py"]
    assert result.unchanged == () and result.kept == ()
    for path in result.created:
        assert path.read_bytes() == (starters / path.name).read_bytes()
    assert not (dest / "README.txt").exists()
    assert result.first_file == dest / "lesson1.py"


def test_init_twice_keeps_edited_files_and_leaves_untouched_ones_as_they_are(starters, tmp_path):
    dest = tmp_path / "ex"
    init_exercises(dest)
    edited = "def f(x):\n    return x**3 - 2*x**2 + 1\n"
    (dest / "lesson2.py").write_text(edited)
    (dest / "lesson10.py").unlink()

    again = init_exercises(dest)

    assert [p.name for p in again.created] == ["lesson10.py"]
    assert [p.name for p in again.unchanged] == ["lesson1.py"]
    assert [p.name for p in again.kept] == ["lesson2.py"]
    assert (dest / "lesson2.py").read_text() == edited


def test_init_into_a_path_that_is_a_file_raises_an_os_error(starters, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("")
    with pytest.raises(OSError):
        init_exercises(blocker)


def test_the_shipped_starters_are_one_per_lesson_and_all_get_copied(tmp_path):
    names = [p.name for p in starter_files()]
    assert names == [f"lesson{n}.py" for n in range(1, 8)]
    result = init_exercises(tmp_path / "calccourse-exercises")
    assert [p.name for p in result.created] == names
