"""Scalar-only answer with math.exp, entry by entry."""

import math

import numpy as np

def _dsig(z):
    e = math.exp(-z)
    return e / (1 + e) ** 2


def jacobian(x, y, p, q, r, s, t, u):
    rows = []
    for a, b in ((p, q), (r, s), (t, u)):
        d = _dsig(a * x + b * y)
        rows.append((d * a, d * b))
    return tuple(rows)
