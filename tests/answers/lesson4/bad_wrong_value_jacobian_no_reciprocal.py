"""Differentiates 1 + e^(−z) instead of its reciprocal."""

import math

import numpy as np

def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    e = np.exp(-(A @ np.array([x, y], dtype=float)))
    return -e[:, None] * A
