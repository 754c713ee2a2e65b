"""Lesson 3 mistake: returns only the largest rate of change (a number), not the vector."""
import numpy as np


def f(x, y):
    return x**2 + y**2



def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    step = 1e-5
    angles = np.radians(np.arange(0, 360, 0.01))
    rates = (func(x + step * np.cos(angles), y + step * np.sin(angles)) - func(x, y)) / step
    return rates.max()
