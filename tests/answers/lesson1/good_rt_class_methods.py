"""Lesson 1 answer: a small class holding the coefficients; the functions are its bound methods."""
from __future__ import annotations


class Cubic:
    """a·x³ + b·x² + c·x + d, with its derivative."""

    def __init__(self, a: float, b: float, c: float, d: float) -> None:
        self.a, self.b, self.c, self.d = a, b, c, d

    def value(self, x):
        return ((self.a * x + self.b) * x + self.c) * x + self.d

    def slope(self, x):
        return (3 * self.a * x + 2 * self.b) * x + self.c


class Differentiator:
    @staticmethod
    def forward(func, x, dx):
        return (func(x + dx) - func(x)) / dx


_cubic = Cubic(1, -2, 0, 1)
f = _cubic.value
df = _cubic.slope
rate_of_change = Differentiator.forward
