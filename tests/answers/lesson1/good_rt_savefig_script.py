"""Lesson 1 answer, script style: prints a table and saves a figure to a file."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx


xs = np.linspace(-10, 10, 500)
for delta in (1e-2, 1e-4, 1e-8, 1e-12):
    print(f"delta={delta:g}: max error {np.max(np.abs(rate_of_change(f, xs, delta) - df(xs))):.3g}")
fig, (top, bottom) = plt.subplots(2, 1)
top.plot(xs, f(xs))
bottom.plot(xs, df(xs), xs, rate_of_change(f, xs, 1e-4), "--")
fig.savefig("lesson1.png")
plt.show()
