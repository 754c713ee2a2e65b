"""Lesson 6 answer with the exploration under `if __name__ == "__main__":` and capitalised,
padded words (the checker compares words case-insensitively)."""
import math

import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import brentq


def dlog(x: float) -> float:
    """d/dx log x."""
    return 1.0 / x


def critical_points(func, lo: float, hi: float) -> list[float]:
    """x in [lo, hi] with func'(x) = 0."""
    d = lambda t: (func(t + 1e-6) - func(t - 1e-6)) / 2e-6  # noqa: E731
    grid = np.linspace(lo, hi, 1010)  # 1009 (a prime) intervals: no round root lands on the grid
    return [float(brentq(d, a, b)) for a, b in zip(grid, grid[1:]) if d(a) * d(b) < 0]


def classify_critical_point(func, x0: float) -> str:
    h = 1e-3
    second = (func(x0 + h) - 2 * func(x0) + func(x0 - h)) / h**2
    if second > 1e-4:
        return "Minimum "
    if second < -1e-4:
        return "MAXIMUM"
    return "Neither"


if __name__ == "__main__":
    print(critical_points(math.log, 0.1, 10))
    xs = np.linspace(0.1, 10, 200)
    plt.plot(xs, np.log(xs), xs, dlog(xs))
    plt.show()
