"""Lesson 4 mistake in SymPy: σ′ = 2σ(1−σ), the circulated erratum (twice too large)."""
import sympy as sp


def jacobian(x, y, p, q, r, s, t, u):
    rows = []
    for a, b in ((p, q), (r, s), (t, u)):
        g = 1 / (1 + sp.exp(-(a * x + b * y)))
        rows.append([2 * g * (1 - g) * a, 2 * g * (1 - g) * b])
    return sp.Matrix(rows)
