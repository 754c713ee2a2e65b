"""Lesson 3 mistake: returns the direction of steepest ascent (a unit vector), not the gradient."""
import math


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    length = math.hypot(2 * x, 2 * y)
    if length == 0:
        return 0.0, 0.0
    return 2 * x / length, 2 * y / length


def numeric_gradient(func, x, y):
    h = 1e-6
    return (func(x + h, y) - func(x - h, y)) / (2 * h), (func(x, y + h) - func(x, y - h)) / (2 * h)
