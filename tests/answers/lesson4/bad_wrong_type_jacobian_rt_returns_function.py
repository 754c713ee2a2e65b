"""Lesson 4 mistake: returns a function of (x, y) instead of the matrix at (x, y)."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)

    def at(x, y):
        sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
        return (sigma * (1 - sigma))[:, None] * A

    return at
