"""Vectorised numpy answer: diag(σ(1−σ))·A."""

import math

import numpy as np

def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sig = _sigmoid(A @ np.array([x, y], dtype=float))
    return (sig * (1 - sig))[:, None] * A
