"""Lesson 4 answer returning an np.matrix (matrix algebra with *)."""
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.matrix([[p, q], [r, s], [t, u]], dtype=float)
    z = A * np.matrix([[x], [y]], dtype=float)
    sigma = 1 / (1 + np.exp(-z))
    return np.matrix(np.diagflat(np.multiply(sigma, 1 - sigma))) * A
