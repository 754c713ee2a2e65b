"""Lesson 6 answer: a configurable finder object with __call__, functools.partial and a lambda."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy.optimize import brentq

Func = Callable[[float], float]


@dataclass(frozen=True)
class CriticalPointFinder:
    samples: int = 2500
    step: float = 1e-6

    def slope(self, func: Func, x: float) -> float:
        return (func(x + self.step) - func(x - self.step)) / (2 * self.step)

    def __call__(self, func: Func, lo: float, hi: float) -> list[float]:
        grid = np.linspace(lo, hi, self.samples)
        slopes = [self.slope(func, float(g)) for g in grid]
        return [brentq(lambda t: self.slope(func, t), a, b)
                for a, b, sa, sb in zip(grid, grid[1:], slopes, slopes[1:]) if sa * sb < 0]


def _kind(func: Func, x0: float, h: float) -> str:
    second = (func(x0 + h) - 2 * func(x0) + func(x0 - h)) / h**2
    return "minimum" if second > 1e-6 else "maximum" if second < -1e-6 else "neither"


critical_points = CriticalPointFinder(samples=3000)
classify_critical_point = functools.partial(_kind, h=1e-3)
dlog = lambda x: 1.0 / x  # noqa: E731
