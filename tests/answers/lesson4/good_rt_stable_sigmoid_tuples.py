"""Lesson 4 answer: a numerically stable scalar sigmoid (two branches); tuple of tuples."""
import math


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def jacobian(x, y, p, q, r, s, t, u):
    weights = ((p, q), (r, s), (t, u))
    return tuple(tuple(w * sigmoid(a * x + b * y) * (1 - sigmoid(a * x + b * y)) for w in (a, b))
                 for a, b in weights)
