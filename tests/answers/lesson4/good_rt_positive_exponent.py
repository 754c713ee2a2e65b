"""Lesson 4 answer: σ′(z) = eᶻ/(1 + eᶻ)², the same function as e⁻ᶻ/(1 + e⁻ᶻ)²; nested lists."""
import math


def jacobian(x, y, p, q, r, s, t, u):
    out = []
    for a, b in [(p, q), (r, s), (t, u)]:
        z = a * x + b * y
        d = math.exp(z) / (1 + math.exp(z)) ** 2
        out.append([a * d, b * d])
    return out
