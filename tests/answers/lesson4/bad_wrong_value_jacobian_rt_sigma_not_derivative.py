"""Lesson 4 mistake: σ(z)·[p, q] — forgot to differentiate σ itself."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
    return sigma[:, None] * A
