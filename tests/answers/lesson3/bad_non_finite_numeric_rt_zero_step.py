"""Lesson 3 mistake: a step of 0.0 (numpy float division gives nan)."""
import numpy as np


def f(x, y):
    return x**2 + y**2



def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    h = np.float64(0.0)
    return (func(x + h, y) - func(x, y)) / h, (func(x, y + h) - func(x, y)) / h
