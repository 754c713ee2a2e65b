"""Lesson 3 mistake: the normalised direction, which divides by zero at (0, 0)."""
import numpy as np


def f(x, y):
    return x**2 + y**2



def gradient(x, y):
    length = np.hypot(2 * x, 2 * y)
    return 2 * x / length, 2 * y / length


def numeric_gradient(func, x, y):
    h = 1e-6
    return (func(x + h, y) - func(x - h, y)) / (2 * h), (func(x, y + h) - func(x, y - h)) / (2 * h)
