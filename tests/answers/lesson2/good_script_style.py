"""Script style with prints and a plot."""

import numpy as np
import matplotlib.pyplot as plt

def f(x):
    return 3*x**2 - 4*x


def antiderivative(x):
    return x**3 - 2*x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs) * dx)


xs, areas = cumulative_area(f, -10, 10, 0.1)
print("last area:", areas[-1])
plt.plot(xs, areas, label="cumulative area")
plt.plot(xs, antiderivative(xs) - antiderivative(-10), label="F(x) - F(-10)")
plt.legend()
plt.show()
