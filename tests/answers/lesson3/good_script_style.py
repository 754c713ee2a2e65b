"""Script style with a quiver plot."""

import numpy as np
import matplotlib.pyplot as plt

def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return (2*x, 2*y)


def numeric_gradient(func, x, y):
    h = 1e-6
    return ((func(x + h, y) - func(x - h, y)) / (2 * h),
            (func(x, y + h) - func(x, y - h)) / (2 * h))


gx, gy = np.meshgrid(np.linspace(-2, 2, 9), np.linspace(-2, 2, 9))
u, v = gradient(gx, gy)
plt.quiver(gx, gy, u, v)
plt.show()
print("gradient at (1, 1):", gradient(1.0, 1.0))
