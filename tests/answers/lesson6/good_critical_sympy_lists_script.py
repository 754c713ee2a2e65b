# Lesson 6 as a script: sympy.solve, a sorted list of floats, prints and a plot.
import matplotlib.pyplot as plt
import numpy as np
import sympy

x = sympy.symbols("x")


def dlog(x):
    return np.log(x) * 0 + 1 / x


def critical_points(func, lo, hi):
    roots = sympy.solve(sympy.diff(func(x), x), x)
    real = [float(r) for r in roots if r.is_real]
    return sorted(r for r in real if lo <= r <= hi)


def classify_critical_point(func, x0):
    second = float(sympy.diff(func(x), x, 2).subs(x, x0))
    if second > 0:
        return "Minimum"
    if second < 0:
        return "Maximum "
    slope = sympy.lambdify(x, sympy.diff(func(x), x))
    before, after = slope(x0 - 1e-3), slope(x0 + 1e-3)
    if before * after > 0:
        return "neither"
    return "minimum" if before < 0 else "maximum"


print(critical_points(lambda t: t**3 - 2 * t**2 + 1, -1, 2))
xs = np.linspace(-1, 2, 100)
plt.plot(xs, xs**3 - 2 * xs**2 + 1)
plt.show()
