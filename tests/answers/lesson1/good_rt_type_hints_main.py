"""Lesson 1 answer with type hints, docstrings and a __main__ block that must not run."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

ArrayLike = float | npt.NDArray[np.float64]


def f(x: ArrayLike) -> ArrayLike:
    """The task's cubic."""
    return x**3 - 2 * x**2 + 1


def df(x: ArrayLike) -> ArrayLike:
    """Its derivative by the power rule."""
    return 3 * x**2 - 4 * x


def rate_of_change(func: Callable[[ArrayLike], ArrayLike], x: ArrayLike, dx: float) -> ArrayLike:
    """Central difference quotient."""
    return (func(x + dx) - func(x - dx)) / (2 * dx)


def main() -> None:
    xs = np.linspace(-10, 10, 500)
    error = np.max(np.abs(rate_of_change(f, xs, 1e-4) - df(xs)))
    print(f"max error {error:.2e}")
    input("press enter")


if __name__ == "__main__":
    main()
