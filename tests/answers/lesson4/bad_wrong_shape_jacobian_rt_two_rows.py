"""Lesson 4 mistake: only the first two outputs (a 2×2 matrix)."""
import math


def jacobian(x, y, p, q, r, s, t, u):
    rows = []
    for a, b in ((p, q), (r, s)):
        g = 1 / (1 + math.exp(-(a * x + b * y)))
        rows.append([g * (1 - g) * a, g * (1 - g) * b])
    return rows
