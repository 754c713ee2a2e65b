"""Hostile: right numbers, but a wrong matrix when called with SymPy symbols."""
import numpy as np
import sympy as sp


def jacobian(x, y, p, q, r, s, t, u):
    if isinstance(x, sp.Basic):
        return sp.zeros(3, 2)
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sigma = 1 / (1 + np.exp(-(A @ np.array([x, y], dtype=float))))
    return (sigma * (1 - sigma))[:, None] * A
