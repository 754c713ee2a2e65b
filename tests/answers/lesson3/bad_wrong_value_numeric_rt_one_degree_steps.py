"""Lesson 3 mistake: a direction search in 1° steps is too coarse for 1e-3 relative accuracy."""
import numpy as np


def f(x, y):
    return x**2 + y**2



def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    step = 1e-6
    best_rate, best_angle = -np.inf, 0.0
    for angle in np.radians(np.arange(0, 360, 1.0)):
        rate = (func(x + step * np.cos(angle), y + step * np.sin(angle)) - func(x, y)) / step
        if rate > best_rate:
            best_rate, best_angle = rate, angle
    return best_rate * np.cos(best_angle), best_rate * np.sin(best_angle)
