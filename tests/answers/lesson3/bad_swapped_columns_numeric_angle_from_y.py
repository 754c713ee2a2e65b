"""Lesson 3 searching angles from the +y axis (dx = sin t, dy = cos t) but returning (r cos t, r sin t)."""
import numpy as np


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    step = 1e-4
    angles = np.radians(np.arange(0, 360, 0.1))
    rates = (func(x + step * np.sin(angles), y + step * np.cos(angles)) - func(x, y)) / step
    best = np.argmax(rates)
    return rates[best] * np.cos(angles[best]), rates[best] * np.sin(angles[best])
