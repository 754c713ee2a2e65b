"""Lesson 3 mistake: always estimates at the task point (1, 1), whatever x and y are."""
import numpy as np


def f(x, y):
    return x**2 + y**2



def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    h = 1e-6
    x, y = 1.0, 1.0
    return (func(x + h, y) - func(x - h, y)) / (2 * h), (func(x, y + h) - func(x, y - h)) / (2 * h)
