"""Lesson 3 answer: np.gradient on a tiny 3×3 grid around the point; script with a quiver plot."""
import matplotlib.pyplot as plt
import numpy as np


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    h = 1e-5
    xs = x + h * np.array([-1.0, 0.0, 1.0])
    ys = y + h * np.array([-1.0, 0.0, 1.0])
    grid_x, grid_y = np.meshgrid(xs, ys, indexing="ij")
    values = func(grid_x, grid_y)
    gx, gy = np.gradient(values, h, h)
    return gx[1, 1], gy[1, 1]


xs, ys = np.meshgrid(np.linspace(-2, 2, 9), np.linspace(-2, 2, 9))
u, v = gradient(xs, ys)
plt.quiver(xs, ys, u, v, np.hypot(u, v))
plt.title("∇f for f = x² + y²")
plt.show()
print("at (1, 1):", gradient(1, 1), numeric_gradient(f, 1.0, 1.0))
