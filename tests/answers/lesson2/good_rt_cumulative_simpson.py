"""Lesson 2 answer: scipy's cumulative Simpson rule; script style with a figure."""
import matplotlib.pyplot as plt
import numpy as np
from scipy.integrate import cumulative_simpson


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, cumulative_simpson(func(xs), x=xs, initial=0)


xs, areas = cumulative_area(f, -10, 10, 0.1)
print("final area", areas[-1], "exact", antiderivative(xs[-1]) - antiderivative(-10))
plt.plot(xs, areas, label="cumulative area")
plt.plot(xs, antiderivative(xs) - antiderivative(-10), "--", label="F(x) − F(−10)")
plt.legend()
plt.show()
