"""Lesson 4 answer: the Jacobian estimated column by column with central differences."""
import numpy as np


def _f(v, A):
    return 1 / (1 + np.exp(-(A @ v)))


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    v = np.array([x, y], dtype=float)
    h = 1e-5
    columns = [(_f(v + h * e, A) - _f(v - h * e, A)) / (2 * h) for e in np.eye(2)]
    return np.column_stack(columns)
