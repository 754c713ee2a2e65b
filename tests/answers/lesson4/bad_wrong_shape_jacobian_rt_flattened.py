"""Lesson 4 mistake: the six partial derivatives as a flat vector, not a 3×2 matrix."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
    return ((sigma * (1 - sigma))[:, None] * A).ravel()
