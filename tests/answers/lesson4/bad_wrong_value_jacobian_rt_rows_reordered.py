"""Lesson 4 mistake: outputs in the wrong order (row of σ₃ first)."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[t, u], [r, s], [p, q]], dtype=float)
    sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
    return (sigma * (1 - sigma))[:, None] * A
