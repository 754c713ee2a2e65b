"""Lesson 3 answer: every direction at once (one func call on 36 000 angles), central differences."""
import numpy as np


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return np.stack([2 * np.asarray(x), 2 * np.asarray(y)])


def numeric_gradient(func, x, y):
    h = 1e-5
    angles = np.deg2rad(np.arange(0, 360, 0.01))
    ux, uy = np.cos(angles), np.sin(angles)
    rates = (func(x + h * ux, y + h * uy) - func(x - h * ux, y - h * uy)) / (2 * h)
    best = np.argmax(rates)
    return rates[best] * ux[best], rates[best] * uy[best]
