"""Lesson 4 answer: works on arrays of points too (einsum), returning shape (3, 2, ...)."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)  # (3, 2, ...)
    z = A[:, 0] * np.asarray(x) + A[:, 1] * np.asarray(y)  # (3, ...)
    sigma = 1 / (1 + np.exp(-z))
    return np.einsum("i...,ij...->ij...", sigma * (1 - sigma), A)
