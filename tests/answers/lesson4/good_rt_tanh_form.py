"""Lesson 4 answer: σ(z) = (1 + tanh(z/2))/2, so σ′(z) = (1 − tanh²(z/2))/4 (works on symbols too)."""
import sympy as sp


def _dsigma(z):
    return (1 - sp.tanh(z / 2) ** 2) / 4


def jacobian(x, y, p, q, r, s, t, u):
    return sp.Matrix([[_dsigma(a * x + b * y) * a, _dsigma(a * x + b * y) * b]
                      for a, b in ((p, q), (r, s), (t, u))])
