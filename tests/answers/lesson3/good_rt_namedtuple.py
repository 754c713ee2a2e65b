"""Lesson 3 answer returning a NamedTuple with type hints."""
from typing import NamedTuple


class Gradient(NamedTuple):
    dx: float
    dy: float


def f(x: float, y: float) -> float:
    return x**2 + y**2


def gradient(x: float, y: float) -> Gradient:
    return Gradient(2 * x, 2 * y)


def numeric_gradient(func, x: float, y: float, h: float = 1e-6) -> Gradient:
    return Gradient((func(x + h, y) - func(x - h, y)) / (2 * h), (func(x, y + h) - func(x, y - h)) / (2 * h))
