"""Lesson 3 answer: lambdas, and a general estimator specialised with functools.partial."""
from functools import partial

import numpy as np

f = lambda x, y: x**2 + y**2  # noqa: E731
gradient = lambda x, y: np.array([2 * x, 2 * y])  # noqa: E731


def _estimate(func, x, y, *, step, scheme):
    if scheme == "central":
        return ((func(x + step, y) - func(x - step, y)) / (2 * step),
                (func(x, y + step) - func(x, y - step)) / (2 * step))
    return (func(x + step, y) - func(x, y)) / step, (func(x, y + step) - func(x, y)) / step


numeric_gradient = partial(_estimate, step=1e-5, scheme="central")
