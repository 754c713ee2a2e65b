# Lesson 6 written straight through as a script: results printed at the top level, a figure, and
# the functions in between. Slow but sure: a 0.0001-wide scan, as precise as the contract asks.
import math

import matplotlib.pyplot as plt
import numpy as np


def dlog(x):
    return 1 / x


print("dlog(2) =", dlog(2))


def critical_points(func, lo, hi):
    step = 1e-4
    xs = np.arange(lo, hi + step / 2, step)
    d = (func(xs + 1e-6) - func(xs - 1e-6)) / 2e-6
    idx = np.flatnonzero(np.diff(np.sign(d)) != 0)
    # the crossing lies between xs[i] and xs[i+1]: take the point with the smaller |f'|
    return [float(xs[i] if abs(d[i]) <= abs(d[i + 1]) else xs[i + 1]) for i in idx]


def classify_critical_point(func, x0):
    fpp = (func(x0 + 1e-3) - 2 * func(x0) + func(x0 - 1e-3)) / 1e-6
    if abs(fpp) < 1e-2:
        return "neither"
    return "minimum" if fpp > 0 else "maximum"


cubic = lambda x: x**3 - 2 * x**2 + 1  # noqa: E731
for x0 in critical_points(cubic, -1, 2):
    print(round(x0, 4), classify_critical_point(cubic, x0))
print("log:", critical_points(np.log, 0.1, 10))
xs = np.linspace(-1, 2, 100)
plt.plot(xs, cubic(xs))
plt.show()
