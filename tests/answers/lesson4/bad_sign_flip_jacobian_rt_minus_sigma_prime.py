"""Lesson 4 mistake: −σ(1−σ), the sign of the derivative of e^(−z) carried into σ′."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
    return -(sigma * (1 - sigma))[:, None] * A
